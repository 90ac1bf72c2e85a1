/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Entry and exception vectors of the hypervisor test guest, at EL1.
 *
 * vCPU 0 enters at _start with the device tree's address in x0, as the
 * Linux boot protocol has it; other vCPUs enter at guest_secondary_entry
 * from PSCI CPU_ON with the context ID in x0 (bits [7:0]: the vCPU's
 * index). Each gets a 16 KiB stack, FP/SIMD enabled at EL1 and the
 * vectors, then C: guest_main(dtb) or guest_secondary_main(context).
 *
 * Every vector saves X0-X30, ELR_EL1 and SPSR_EL1 in a frame on the stack
 * and calls guest_trap(frame, vector); the frame is restored (the C code
 * may change it, for instance ELR_EL1 to skip a faulting instruction) and
 * ERET returns.
 */
#define FRAME_SIZE (34 * 8)

	.section .text.boot, "ax"
	.global _start
_start:
	mov	x19, x0
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:	mov	x0, #0
	bl	cpu_setup
	mov	x0, x19
	bl	guest_main
	b	.

	.global guest_secondary_entry
guest_secondary_entry:
	mov	x19, x0
	and	x0, x0, #0xff
	bl	cpu_setup
	mov	x0, x19
	bl	guest_secondary_main
	b	.

/* Stack of vCPU x0, vectors, FP/SIMD. Keeps x19. */
cpu_setup:
	ldr	x1, =__stacks
	add	x2, x0, #1
	lsl	x2, x2, #14
	add	sp, x1, x2
	ldr	x1, =guest_vectors
	msr	vbar_el1, x1
	mov	x1, #(3 << 20)		/* CPACR_EL1.FPEN: no FP/SIMD trap at EL1/EL0 */
	msr	cpacr_el1, x1
	isb
	ret

	.macro	vector n
	.balign	128
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	mov	x1, #\n
	b	vector_common
	.endm

	.text
	.balign 2048
	.global guest_vectors
guest_vectors:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector	\n
	.endr

vector_common:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	mrs	x2, elr_el1
	mrs	x3, spsr_el1
	stp	x30, x2, [sp, #240]
	str	x3, [sp, #256]
	mov	x0, sp
	bl	guest_trap
	ldp	x30, x2, [sp, #240]
	ldr	x3, [sp, #256]
	msr	elr_el1, x2
	msr	spsr_el1, x3
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	add	sp, sp, #FRAME_SIZE
	eret

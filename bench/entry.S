/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Entry and exception vectors of the benchmark guest, at EL1.
 *
 * vCPU 0 enters at _start with the device tree's address in x0 (the Linux
 * boot protocol); the others enter at bench_secondary_entry from PSCI
 * CPU_ON with their index in x0. Each gets a 16 KiB stack and the vectors;
 * FP/SIMD stays trapped at EL1, as the guest never uses it.
 *
 * Only two vectors of "current EL with SP_ELx" are expected: IRQ, which
 * calls bench_irq() with every register saved, and synchronous
 * exceptions, which call bench_sync(frame) (a probed load that faulted:
 * fault.c); anything else stops the guest.
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
	bl	bench_main
	b	.

	.global bench_secondary_entry
bench_secondary_entry:
	mov	x19, x0
	and	x0, x0, #0xff
	bl	cpu_setup
	mov	x0, x19
	bl	bench_secondary_main
	b	.

/* The stack of vCPU x0 and the vectors. Keeps x19. */
cpu_setup:
	ldr	x1, =__stacks
	add	x2, x0, #1
	lsl	x2, x2, #14
	add	sp, x1, x2
	ldr	x1, =bench_vectors
	msr	vbar_el1, x1
	isb
	ret

	.macro	save_frame
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
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
	mrs	x0, elr_el1
	mrs	x1, spsr_el1
	stp	x30, x0, [sp, #240]
	str	x1, [sp, #256]
	.endm

	.macro	restore_frame
	ldp	x30, x0, [sp, #240]
	ldr	x1, [sp, #256]
	msr	elr_el1, x0
	msr	spsr_el1, x1
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
	.endm

	.macro	unexpected n
	.balign	128
	mov	x0, #\n
	b	vector_unexpected
	.endm

	.text
	.balign	2048
	.global	bench_vectors
bench_vectors:
	/* Current EL with SP_EL0: never used. */
	unexpected 0
	unexpected 1
	unexpected 2
	unexpected 3
	/* Current EL with SP_ELx. */
	.balign	128
	b	vector_sync
	.balign	128
	b	vector_irq
	unexpected 6
	unexpected 7
	/* Lower EL: there is none. */
	unexpected 8
	unexpected 9
	unexpected 10
	unexpected 11
	unexpected 12
	unexpected 13
	unexpected 14
	unexpected 15

vector_irq:
	save_frame
	bl	bench_irq
	restore_frame

vector_sync:
	save_frame
	mov	x0, sp
	bl	bench_sync
	restore_frame

vector_unexpected:
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	bl	bench_unexpected
	b	.

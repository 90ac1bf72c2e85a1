/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Entry of every bare-metal EL1 guest (rt.h): vCPU 0 at _start with the
 * device tree's address in x0, the others at guest_secondary_entry from
 * PSCI CPU_ON with the context ID in x0 (bits [7:0]: the vCPU's index).
 */
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
	b	halt

	.global guest_secondary_entry
guest_secondary_entry:
	mov	x19, x0
	and	x0, x0, #0xff
	bl	cpu_setup
	mov	x0, x19
	bl	guest_secondary_main
halt:	wfi
	b	halt

/* Stack of vCPU x0 (16 KiB each, from __stacks), vectors, FP/SIMD. Keeps x19. */
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

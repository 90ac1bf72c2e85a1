/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Entry of the test guest at EL1: vCPU 0 from the hypervisor (x0 = 0),
 * the others from PSCI CPU_ON at guest_secondary_entry (x0 = vCPU index).
 * A stack per vCPU, FP/SIMD enabled at EL1, and vectors that report any
 * exception (none is expected) and power off.
 */
	.section .text.boot, "ax"
	.global _start
_start:
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:	mov	x0, #0
	.global guest_secondary_entry
guest_secondary_entry:
	ldr	x1, =__stacks
	add	x2, x0, #1
	lsl	x2, x2, #14
	add	sp, x1, x2
	ldr	x1, =guest_vectors
	msr	vbar_el1, x1
	mov	x1, #(3 << 20)		/* CPACR_EL1.FPEN: no FP/SIMD trap at EL1/EL0 */
	msr	cpacr_el1, x1
	isb
	bl	guest_main
3:	wfi
	b	3b

	.balign 2048
	.global guest_vectors
guest_vectors:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	.balign	128
	mov	x0, #\n
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	mrs	x3, far_el1
	b	guest_exception
	.endr

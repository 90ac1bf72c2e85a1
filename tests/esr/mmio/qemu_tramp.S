/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Runs one instruction with every register taken from a context and saves
 * every register back, for the QEMU execution test (qemu_guest.c). The code
 * is copied next to the test data and called there, so that PC-relative
 * loads reach the data; the test instruction is patched into tramp_slot.
 *
 * Context (at QEMU_CTX): x0-x30 at 0, sp at 248, q0-q31 at 256, the caller's
 * sp at 768 and its TPIDR_EL0 at 776. TPIDR_EL0 holds x0 while the other
 * registers are saved.
 */
#include "qemu_layout.h"

	.text
	.p2align 4
	.globl tramp_start, tramp_slot, tramp_end
tramp_start:
	stp	x29, x30, [sp, #-96]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	mov	x1, sp
	str	x1, [x0, #768]
	mrs	x1, tpidr_el0
	str	x1, [x0, #776]
	ldp	q0, q1, [x0, #256]
	ldp	q2, q3, [x0, #288]
	ldp	q4, q5, [x0, #320]
	ldp	q6, q7, [x0, #352]
	ldp	q8, q9, [x0, #384]
	ldp	q10, q11, [x0, #416]
	ldp	q12, q13, [x0, #448]
	ldp	q14, q15, [x0, #480]
	ldp	q16, q17, [x0, #512]
	ldp	q18, q19, [x0, #544]
	ldp	q20, q21, [x0, #576]
	ldp	q22, q23, [x0, #608]
	ldp	q24, q25, [x0, #640]
	ldp	q26, q27, [x0, #672]
	ldp	q28, q29, [x0, #704]
	ldp	q30, q31, [x0, #736]
	ldr	x1, [x0, #248]
	mov	sp, x1
	ldp	x1, x2, [x0, #8]
	ldp	x3, x4, [x0, #24]
	ldp	x5, x6, [x0, #40]
	ldp	x7, x8, [x0, #56]
	ldp	x9, x10, [x0, #72]
	ldp	x11, x12, [x0, #88]
	ldp	x13, x14, [x0, #104]
	ldp	x15, x16, [x0, #120]
	ldp	x17, x18, [x0, #136]
	ldp	x19, x20, [x0, #152]
	ldp	x21, x22, [x0, #168]
	ldp	x23, x24, [x0, #184]
	ldp	x25, x26, [x0, #200]
	ldp	x27, x28, [x0, #216]
	ldp	x29, x30, [x0, #232]
	ldr	x0, [x0]
tramp_slot:
	nop
	msr	tpidr_el0, x0
	movz	x0, #(QEMU_CTX & 0xffff)
	movk	x0, #(QEMU_CTX >> 16), lsl #16
	stp	x1, x2, [x0, #8]
	stp	x3, x4, [x0, #24]
	stp	x5, x6, [x0, #40]
	stp	x7, x8, [x0, #56]
	stp	x9, x10, [x0, #72]
	stp	x11, x12, [x0, #88]
	stp	x13, x14, [x0, #104]
	stp	x15, x16, [x0, #120]
	stp	x17, x18, [x0, #136]
	stp	x19, x20, [x0, #152]
	stp	x21, x22, [x0, #168]
	stp	x23, x24, [x0, #184]
	stp	x25, x26, [x0, #200]
	stp	x27, x28, [x0, #216]
	stp	x29, x30, [x0, #232]
	mov	x1, sp
	str	x1, [x0, #248]
	stp	q0, q1, [x0, #256]
	stp	q2, q3, [x0, #288]
	stp	q4, q5, [x0, #320]
	stp	q6, q7, [x0, #352]
	stp	q8, q9, [x0, #384]
	stp	q10, q11, [x0, #416]
	stp	q12, q13, [x0, #448]
	stp	q14, q15, [x0, #480]
	stp	q16, q17, [x0, #512]
	stp	q18, q19, [x0, #544]
	stp	q20, q21, [x0, #576]
	stp	q22, q23, [x0, #608]
	stp	q24, q25, [x0, #640]
	stp	q26, q27, [x0, #672]
	stp	q28, q29, [x0, #704]
	stp	q30, q31, [x0, #736]
	mrs	x1, tpidr_el0
	str	x1, [x0]
	ldr	x1, [x0, #776]
	msr	tpidr_el0, x1
	ldr	x1, [x0, #768]
	mov	sp, x1
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #96
	ret
tramp_end:
	.section .note.GNU-stack, "", %progbits

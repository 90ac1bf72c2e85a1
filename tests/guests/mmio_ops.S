/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One load or store per function, for the MMIO checks: each loads its
 * operands from a struct mmio_regs (t_mmio.c), executes exactly one memory
 * instruction of a given class, and stores every operand back, so the C
 * side sees the loaded values and the written-back base register.
 *
 *   x0 base        [regs +  0]
 *   x1, x2 data    [regs +  8], [regs + 16]
 *   x3 index       [regs + 24]
 *   q0, q1 data    [regs + 32], [regs + 48]
 */
	.arch armv8.2-a+fp+simd+rcpc
	.text

	.macro	op name, insn:vararg
	.global	mmio_\name
	.type	mmio_\name, %function
mmio_\name:
	mov	x9, x0
	ldp	x0, x1, [x9]
	ldp	x2, x3, [x9, #16]
	ldr	q0, [x9, #32]
	ldr	q1, [x9, #48]
	\insn
	stp	x0, x1, [x9]
	stp	x2, x3, [x9, #16]
	str	q0, [x9, #32]
	str	q1, [x9, #48]
	ret
	.size	mmio_\name, . - mmio_\name
	.endm

/* Syndrome-described (ISV = 1): single register, no writeback. */
op str_x,	str	x1, [x0]
op ldr_x,	ldr	x1, [x0]
op str_w,	str	w1, [x0]
op ldr_w,	ldr	w1, [x0]
op strh,	strh	w1, [x0]
op ldrh,	ldrh	w1, [x0]
op ldrsh_w,	ldrsh	w1, [x0]
op ldrsh_x,	ldrsh	x1, [x0]
op strb,	strb	w1, [x0]
op ldrb,	ldrb	w1, [x0]
op ldrsb_w,	ldrsb	w1, [x0]
op ldrsb_x,	ldrsb	x1, [x0]
op ldrsw,	ldrsw	x1, [x0]
op ldr_x_off,	ldr	x1, [x0, #0x18]
op ldr_x_reg,	ldr	x1, [x0, x3, lsl #3]
op ldur_x,	ldur	x1, [x0, #-8]
op stur_w,	stur	w1, [x0, #-4]
op str_xzr,	str	xzr, [x0]
op ldar_x,	ldar	x1, [x0]
op stlr_w,	stlr	w1, [x0]
op ldapr_w,	ldapr	w1, [x0]

/* Needing the instruction (ISV = 0): writeback, pairs, SIMD&FP. */
op ldr_x_pre,	ldr	x1, [x0, #8]!
op str_x_post,	str	x1, [x0], #16
op ldrb_post,	ldrb	w1, [x0], #-1
op strh_pre,	strh	w1, [x0, #-2]!
op ldp_x,	ldp	x1, x2, [x0]
op stp_x,	stp	x1, x2, [x0, #16]
op ldp_w,	ldp	w1, w2, [x0]
op stp_w_pre,	stp	w1, w2, [x0, #-8]!
op ldp_x_post,	ldp	x1, x2, [x0], #32
op ldpsw,	ldpsw	x1, x2, [x0]
op ldnp_x,	ldnp	x1, x2, [x0]
op stnp_w,	stnp	w1, w2, [x0]
op str_q,	str	q0, [x0]
op ldr_q,	ldr	q0, [x0]
op ldr_d,	ldr	d0, [x0]
op str_s,	str	s0, [x0]
op ldr_h,	ldr	h0, [x0]
op ldr_b_post,	ldr	b0, [x0], #1
op ldp_q,	ldp	q0, q1, [x0]
op stp_d_pre,	stp	d0, d1, [x0, #16]!
op stp_s,	stp	s0, s1, [x0]

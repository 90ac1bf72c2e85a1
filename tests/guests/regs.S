/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Register-pattern round trips. Each gpr_* function loads X1-X30 from
 * in[1..30], runs its body 16 times (each one exit to EL2), then stores
 * X0-X30 to out[0..30] and returns. The store needs no free register: it
 * goes through SP, and the pointers are on the stack.
 */
	.arch armv8-a+fp+simd
	.text

.macro gpr_test name, body
	.global \name
	.type \name, %function
\name:
	stp	x29, x30, [sp, #-112]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	str	x1, [sp, #96]			/* out */
	ldr	x1, [x0, #8]
	ldp	x2, x3, [x0, #16]
	ldp	x4, x5, [x0, #32]
	ldp	x6, x7, [x0, #48]
	ldp	x8, x9, [x0, #64]
	ldp	x10, x11, [x0, #80]
	ldp	x12, x13, [x0, #96]
	ldp	x14, x15, [x0, #112]
	ldp	x16, x17, [x0, #128]
	ldp	x18, x19, [x0, #144]
	ldp	x20, x21, [x0, #160]
	ldp	x22, x23, [x0, #176]
	ldp	x24, x25, [x0, #192]
	ldp	x26, x27, [x0, #208]
	ldp	x28, x29, [x0, #224]
	ldr	x30, [x0, #240]
	.rept	16
	\body
	.endr
	sub	sp, sp, #256
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
	str	x30, [sp, #240]
	ldr	x0, [sp, #256 + 96]
	mov	x1, #0
1:	ldr	x2, [sp, x1, lsl #3]
	str	x2, [x0, x1, lsl #3]
	add	x1, x1, #1
	cmp	x1, #31
	b.lo	1b
	add	sp, sp, #256
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #112
	ret
	.size \name, . - \name
.endm

.macro body_hvc_fast		/* null hypercall answered by the fast path: x0 = 0 */
	movz	x0, #0x8600, lsl #16
	hvc	#0
.endm
.macro body_hvc_full		/* null hypercall answered by the exit loop: x0 = 0 */
	movz	x0, #0x8600, lsl #16
	movk	x0, #1
	hvc	#0
.endm
.macro body_hvc_vector		/* PSCI_VERSION, answered in the vectors: x0 = 0x10001 */
	movz	x0, #0x8400, lsl #16
	hvc	#0
.endm
.macro body_hvc_unknown		/* an unlisted function ID, answered in the vectors: x0 = -1 */
	movz	x0, #0x8600, lsl #16
	movk	x0, #0xff00
	hvc	#0
.endm
.macro body_sysreg		/* trapped ACTLR_EL1 write and read (TACR): x0 = 0 */
	msr	actlr_el1, x30
	mrs	x0, actlr_el1
.endm
.macro body_mmio		/* emulated UART flag register: x0 = 0x90 */
	movz	x0, #0x0900, lsl #16
	ldr	w0, [x0, #0x18]
.endm

gpr_test gpr_hvc_fast, body_hvc_fast
gpr_test gpr_hvc_full, body_hvc_full
gpr_test gpr_hvc_vector, body_hvc_vector
gpr_test gpr_hvc_unknown, body_hvc_unknown
gpr_test gpr_sysreg, body_sysreg
gpr_test gpr_mmio, body_mmio

/* void fp_load(const struct fp_regs *in): V0-V31, then FPSR and FPCR. */
	.global fp_load
fp_load:
	ldp	q0, q1, [x0], #32
	ldp	q2, q3, [x0], #32
	ldp	q4, q5, [x0], #32
	ldp	q6, q7, [x0], #32
	ldp	q8, q9, [x0], #32
	ldp	q10, q11, [x0], #32
	ldp	q12, q13, [x0], #32
	ldp	q14, q15, [x0], #32
	ldp	q16, q17, [x0], #32
	ldp	q18, q19, [x0], #32
	ldp	q20, q21, [x0], #32
	ldp	q22, q23, [x0], #32
	ldp	q24, q25, [x0], #32
	ldp	q26, q27, [x0], #32
	ldp	q28, q29, [x0], #32
	ldp	q30, q31, [x0], #32
	ldp	x1, x2, [x0]
	msr	fpsr, x1
	msr	fpcr, x2
	ret

/* void fp_store(struct fp_regs *out) */
	.global fp_store
fp_store:
	stp	q0, q1, [x0], #32
	stp	q2, q3, [x0], #32
	stp	q4, q5, [x0], #32
	stp	q6, q7, [x0], #32
	stp	q8, q9, [x0], #32
	stp	q10, q11, [x0], #32
	stp	q12, q13, [x0], #32
	stp	q14, q15, [x0], #32
	stp	q16, q17, [x0], #32
	stp	q18, q19, [x0], #32
	stp	q20, q21, [x0], #32
	stp	q22, q23, [x0], #32
	stp	q24, q25, [x0], #32
	stp	q26, q27, [x0], #32
	stp	q28, q29, [x0], #32
	stp	q30, q31, [x0], #32
	mrs	x1, fpsr
	mrs	x2, fpcr
	stp	x1, x2, [x0]
	ret

/* void hvc_loop(uint64_t fid, uint64_t n): n hypercalls @fid; empty_loop: the same without. */
	.global hvc_loop
hvc_loop:
	mov	x9, x0
1:	mov	x0, x9
	hvc	#0
	subs	x1, x1, #1
	b.ne	1b
	ret
	.global empty_loop
empty_loop:
	mov	x9, x0
1:	mov	x0, x9
	subs	x1, x1, #1
	b.ne	1b
	ret

/* void load_loop(uintptr_t addr, uint64_t n): n 32-bit loads from addr; ldp_loop: n LDPs. */
	.global load_loop
load_loop:
1:	ldr	w2, [x0]
	subs	x1, x1, #1
	b.ne	1b
	ret
	.global ldp_loop
ldp_loop:
1:	ldp	x2, x3, [x0]
	subs	x1, x1, #1
	b.ne	1b
	ret

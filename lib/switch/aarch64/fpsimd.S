/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * FP/SIMD register file to and from memory. The C code is built with
 * -mgeneral-regs-only, so these are the only instructions in the library
 * that touch V0-V31, FPSR and FPCR. The caller has cleared CPTR_EL2.TFP.
 */
#include "asm_offsets.h"

	.arch_extension fp
	.arch_extension simd
	.text

/* void armvirt_switch_arch_fpsimd_save(struct armvirt_switch_fpsimd *st) */
	.global armvirt_switch_arch_fpsimd_save
	.type armvirt_switch_arch_fpsimd_save, %function
	.balign 8
armvirt_switch_arch_fpsimd_save:
	stp	q0, q1, [x0, #FPSIMD_V0 + 0 * 32]
	stp	q2, q3, [x0, #FPSIMD_V0 + 1 * 32]
	stp	q4, q5, [x0, #FPSIMD_V0 + 2 * 32]
	stp	q6, q7, [x0, #FPSIMD_V0 + 3 * 32]
	stp	q8, q9, [x0, #FPSIMD_V0 + 4 * 32]
	stp	q10, q11, [x0, #FPSIMD_V0 + 5 * 32]
	stp	q12, q13, [x0, #FPSIMD_V0 + 6 * 32]
	stp	q14, q15, [x0, #FPSIMD_V0 + 7 * 32]
	stp	q16, q17, [x0, #FPSIMD_V0 + 8 * 32]
	stp	q18, q19, [x0, #FPSIMD_V0 + 9 * 32]
	stp	q20, q21, [x0, #FPSIMD_V0 + 10 * 32]
	stp	q22, q23, [x0, #FPSIMD_V0 + 11 * 32]
	stp	q24, q25, [x0, #FPSIMD_V0 + 12 * 32]
	stp	q26, q27, [x0, #FPSIMD_V0 + 13 * 32]
	stp	q28, q29, [x0, #FPSIMD_V0 + 14 * 32]
	stp	q30, q31, [x0, #FPSIMD_V0 + 15 * 32]
	mrs	x1, fpsr
	mrs	x2, fpcr
	add	x0, x0, #FPSIMD_FPSR
	stp	x1, x2, [x0]
	ret
	.size armvirt_switch_arch_fpsimd_save, . - armvirt_switch_arch_fpsimd_save

/* void armvirt_switch_arch_fpsimd_load(const struct armvirt_switch_fpsimd *st) */
	.global armvirt_switch_arch_fpsimd_load
	.type armvirt_switch_arch_fpsimd_load, %function
	.balign 8
armvirt_switch_arch_fpsimd_load:
	ldp	q0, q1, [x0, #FPSIMD_V0 + 0 * 32]
	ldp	q2, q3, [x0, #FPSIMD_V0 + 1 * 32]
	ldp	q4, q5, [x0, #FPSIMD_V0 + 2 * 32]
	ldp	q6, q7, [x0, #FPSIMD_V0 + 3 * 32]
	ldp	q8, q9, [x0, #FPSIMD_V0 + 4 * 32]
	ldp	q10, q11, [x0, #FPSIMD_V0 + 5 * 32]
	ldp	q12, q13, [x0, #FPSIMD_V0 + 6 * 32]
	ldp	q14, q15, [x0, #FPSIMD_V0 + 7 * 32]
	ldp	q16, q17, [x0, #FPSIMD_V0 + 8 * 32]
	ldp	q18, q19, [x0, #FPSIMD_V0 + 9 * 32]
	ldp	q20, q21, [x0, #FPSIMD_V0 + 10 * 32]
	ldp	q22, q23, [x0, #FPSIMD_V0 + 11 * 32]
	ldp	q24, q25, [x0, #FPSIMD_V0 + 12 * 32]
	ldp	q26, q27, [x0, #FPSIMD_V0 + 13 * 32]
	ldp	q28, q29, [x0, #FPSIMD_V0 + 14 * 32]
	ldp	q30, q31, [x0, #FPSIMD_V0 + 15 * 32]
	add	x0, x0, #FPSIMD_FPSR
	ldp	x1, x2, [x0]
	msr	fpsr, x1
	msr	fpcr, x2
	ret
	.size armvirt_switch_arch_fpsimd_load, . - armvirt_switch_arch_fpsimd_load

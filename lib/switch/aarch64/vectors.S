/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The EL2 vector table (VBAR_EL2), Arm ARM D1.3.1 "Exception vectors":
 * four groups of four 128-byte entries (synchronous, IRQ, FIQ, SError),
 * for exceptions from EL2 with SP_EL0, EL2 with SP_EL2, a lower EL in
 * AArch64 and a lower EL in AArch32.
 *
 * Lower-EL entries are guest exits (entry.S); an AArch64 guest's HVC #0
 * first tries the SMCCC table. EL2 entries build a
 * struct armvirt_switch_el2_frame on the stack and ask
 * armvirt_switch_handle_el2(): it resolves the host's FP/SIMD access traps
 * (lazy switching) and hands everything else to the integrator's handler;
 * resuming restores the frame, otherwise the CPU is parked.
 */
#include "asm_offsets.h"

#define ESR_HVC64_IMM0 0x5a000000

.macro lower_el kind, aarch32
	stp	x0, x1, [sp, #-16]!
	.if \kind == 0 && \aarch32 == 0
	/* HVC #0: ESR_EL2 is exactly EC 0x16, IL 1, ISS 0 (Arm ARM D24.2.40). */
	mrs	x1, esr_el2
	movz	x0, #(ESR_HVC64_IMM0 >> 16), lsl #16
	cmp	x1, x0
	b.eq	armvirt_switch_smccc_exit
	.endif
	mov	x1, #\kind
	.if \aarch32
	movk	x1, #1, lsl #32
	.endif
	b	armvirt_switch_guest_exit
.endm

.macro el2_exc kind, sp0
	sub	sp, sp, #EL2_FRAME_SIZE
	stp	x0, x1, [sp, #EL2_FRAME_X0]
	mov	x0, #\kind
	mov	x1, #\sp0
	b	el2_exception
.endm

	.text
	.global armvirt_switch_vectors
	.type armvirt_switch_vectors, %object
	.balign 2048
armvirt_switch_vectors:
	/* Each entry must fit its 32 instructions: .org fails the build otherwise. */
	.irp	n, 0, 1, 2, 3
	.org	armvirt_switch_vectors + \n * 0x80
	el2_exc	\n, 1
	.endr
	.irp	n, 0, 1, 2, 3
	.org	armvirt_switch_vectors + (4 + \n) * 0x80
	el2_exc	\n, 0
	.endr
	.irp	n, 0, 1, 2, 3
	.org	armvirt_switch_vectors + (8 + \n) * 0x80
	lower_el \n, 0
	.endr
	.irp	n, 0, 1, 2, 3
	.org	armvirt_switch_vectors + (12 + \n) * 0x80
	lower_el \n, 1
	.endr
	.org	armvirt_switch_vectors + 16 * 0x80
	.size armvirt_switch_vectors, . - armvirt_switch_vectors

/* x0 = kind, x1 = sp0, the interrupted x0/x1 already in the frame at sp. */
	.type el2_exception, %function
el2_exception:
	stp	x0, x1, [sp, #EL2_FRAME_KIND]
	stp	x2, x3, [sp, #EL2_FRAME_X0 + 16]
	stp	x4, x5, [sp, #EL2_FRAME_X0 + 32]
	stp	x6, x7, [sp, #EL2_FRAME_X0 + 48]
	stp	x8, x9, [sp, #EL2_FRAME_X0 + 64]
	stp	x10, x11, [sp, #EL2_FRAME_X0 + 80]
	stp	x12, x13, [sp, #EL2_FRAME_X0 + 96]
	stp	x14, x15, [sp, #EL2_FRAME_X0 + 112]
	stp	x16, x17, [sp, #EL2_FRAME_X0 + 128]
	stp	x18, x19, [sp, #EL2_FRAME_X0 + 144]
	stp	x20, x21, [sp, #EL2_FRAME_X0 + 160]
	stp	x22, x23, [sp, #EL2_FRAME_X0 + 176]
	stp	x24, x25, [sp, #EL2_FRAME_X0 + 192]
	stp	x26, x27, [sp, #EL2_FRAME_X0 + 208]
	stp	x28, x29, [sp, #EL2_FRAME_X0 + 224]
	add	x2, sp, #EL2_FRAME_SIZE
	stp	x30, x2, [sp, #EL2_FRAME_X0 + 240]	/* x30 and sp */
	mrs	x2, elr_el2
	mrs	x3, spsr_el2
	stp	x2, x3, [sp, #EL2_FRAME_ELR]
	mrs	x2, esr_el2
	mrs	x3, far_el2
	stp	x2, x3, [sp, #EL2_FRAME_ESR]
	mrs	x0, tpidr_el2
	mov	x1, sp
	bl	armvirt_switch_handle_el2
	cbnz	x0, 2f
	ldp	x2, x3, [sp, #EL2_FRAME_ELR]
	msr	elr_el2, x2
	msr	spsr_el2, x3
	ldp	x2, x3, [sp, #EL2_FRAME_X0 + 16]
	ldp	x4, x5, [sp, #EL2_FRAME_X0 + 32]
	ldp	x6, x7, [sp, #EL2_FRAME_X0 + 48]
	ldp	x8, x9, [sp, #EL2_FRAME_X0 + 64]
	ldp	x10, x11, [sp, #EL2_FRAME_X0 + 80]
	ldp	x12, x13, [sp, #EL2_FRAME_X0 + 96]
	ldp	x14, x15, [sp, #EL2_FRAME_X0 + 112]
	ldp	x16, x17, [sp, #EL2_FRAME_X0 + 128]
	ldp	x18, x19, [sp, #EL2_FRAME_X0 + 144]
	ldp	x20, x21, [sp, #EL2_FRAME_X0 + 160]
	ldp	x22, x23, [sp, #EL2_FRAME_X0 + 176]
	ldp	x24, x25, [sp, #EL2_FRAME_X0 + 192]
	ldp	x26, x27, [sp, #EL2_FRAME_X0 + 208]
	ldp	x28, x29, [sp, #EL2_FRAME_X0 + 224]
	ldr	x30, [sp, #EL2_FRAME_X0 + 240]
	ldp	x0, x1, [sp, #EL2_FRAME_X0]
	add	sp, sp, #EL2_FRAME_SIZE
	eret
	dsb	nsh
	isb
	/* Parked: the frame stays on the stack for a debugger. */
2:	wfe
	b	2b
	.size el2_exception, . - el2_exception

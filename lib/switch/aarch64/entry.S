/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guest entry and the lower-EL exit path (nVHE, EL2).
 *
 * While a guest runs, SP_EL2 points just below the host's callee-saved
 * frame pushed by armvirt_switch_arch_enter, and TPIDR_EL2 points at this
 * CPU's struct armvirt_switch_cpu. An exit saves the guest's X0-X30, PC,
 * PSTATE and syndrome into cpu->running, then, on the host stack, resolves
 * a lazy FP/SIMD trap or calls the fast handler of its class
 * (struct armvirt_switch_handlers); when that answers RESUME it re-enters the
 * guest from the saved state (the fast path), otherwise it pops the host
 * frame and returns from armvirt_switch_arch_enter. host/arch.c is the same
 * in C, for host builds.
 */
#include "asm_offsets.h"

/* log2(ARMVIRT_SWITCH_SMCCC_SLOTS), checked below. */
#define SMCCC_SLOTS_LOG2 6
	.if (1 << SMCCC_SLOTS_LOG2) != SMCCC_SLOTS
	.error "SMCCC_SLOTS_LOG2 does not match ARMVIRT_SWITCH_SMCCC_SLOTS"
	.endif

	.text

/* uint64_t armvirt_switch_arch_enter(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu) */
	.global armvirt_switch_arch_enter
	.type armvirt_switch_arch_enter, %function
	.balign 8
armvirt_switch_arch_enter:
	stp	x29, x30, [sp, #-96]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	mov	x0, x1
	b	armvirt_switch_guest_restore
	.size armvirt_switch_arch_enter, . - armvirt_switch_arch_enter

/*
 * Load the guest's hot state from the vCPU in x0 and ERET into it.
 * Never returns.
 */
	.global armvirt_switch_guest_restore
	.type armvirt_switch_guest_restore, %function
armvirt_switch_guest_restore:
	ldp	x2, x3, [x0, #VCPU_PC]
	msr	elr_el2, x2
	msr	spsr_el2, x3
	ldp	x2, x3, [x0, #VCPU_X0 + 16]
	ldp	x4, x5, [x0, #VCPU_X0 + 32]
	ldp	x6, x7, [x0, #VCPU_X0 + 48]
	ldp	x8, x9, [x0, #VCPU_X0 + 64]
	ldp	x10, x11, [x0, #VCPU_X0 + 80]
	ldp	x12, x13, [x0, #VCPU_X0 + 96]
	ldp	x14, x15, [x0, #VCPU_X0 + 112]
	ldp	x16, x17, [x0, #VCPU_X0 + 128]
	ldp	x18, x19, [x0, #VCPU_X0 + 144]
	ldp	x20, x21, [x0, #VCPU_X0 + 160]
	ldp	x22, x23, [x0, #VCPU_X0 + 176]
	ldp	x24, x25, [x0, #VCPU_X0 + 192]
	ldp	x26, x27, [x0, #VCPU_X0 + 208]
	ldp	x28, x29, [x0, #VCPU_X0 + 224]
	ldr	x30, [x0, #VCPU_X0 + 240]
	ldp	x0, x1, [x0, #VCPU_X0]
	eret
	/* No speculation past the ERET. */
	dsb	nsh
	isb
	.size armvirt_switch_guest_restore, . - armvirt_switch_guest_restore

/*
 * An AArch64 guest's HVC #0, its x0 and x1 pushed on the stack. With an
 * SMCCC table (struct armvirt_switch_smccc) that answers W0's function ID,
 * set X0 and return to the guest: nothing else of its state was touched, and
 * ELR_EL2 already points after the HVC. Otherwise continue as any
 * synchronous exit. The probe is armvirt_switch_smccc_lookup()'s (smccc.c).
 */
	.global armvirt_switch_smccc_exit
	.type armvirt_switch_smccc_exit, %function
armvirt_switch_smccc_exit:
	stp	x2, x3, [sp, #-32]!
	stp	x4, x5, [sp, #16]
	mrs	x2, tpidr_el2
	ldr	x2, [x2, #CPU_RUNNING]
	ldr	x3, [x2, #VCPU_HANDLERS]
	cbz	x3, 8f
	ldr	x3, [x3, #HANDLERS_SMCCC]
	cbz	x3, 8f
	ldr	w0, [sp, #32]			/* the function ID: the guest's W0 */
	add	x5, x3, #SMCCC_SLOT
	movz	w1, #0x79b9			/* its home slot: the top bits of */
	movk	w1, #0x9e37, lsl #16		/* fid * 0x9e3779b9... */
	mul	w1, w0, w1
	lsr	w1, w1, #(32 - SMCCC_SLOTS_LOG2)
	lsl	x1, x1, #4			/* ...times the slot size */
1:	ldr	x4, [x5, x1]			/* the slot's fid | action << 32 */
	tst	x4, #0xffffffff00000000
	b.eq	3f				/* empty: the ID is not listed */
	cmp	w4, w0
	b.eq	2f
	add	x1, x1, #SMCCC_SLOT_SIZE
	and	x1, x1, #(SMCCC_SLOTS * SMCCC_SLOT_SIZE - 1)
	b	1b
2:	add	x5, x5, x1
	lsr	x4, x4, #32
	ldr	x1, [x5, #SMCCC_SLOT_X0]
	b	4f
3:	ldr	w4, [x3, #SMCCC_OTHER_ACTION]
	ldr	x1, [x3, #SMCCC_OTHER_X0]
4:	cmp	w4, #SMCCC_ANSWER
	b.ne	8f
	ldp	x4, x5, [x2, #VCPU_EXITS]	/* and VCPU_FAST_RESUMES */
	add	x4, x4, #1
	add	x5, x5, #1
	stp	x4, x5, [x2, #VCPU_EXITS]
	mov	x0, x1
	ldp	x4, x5, [sp, #16]
	ldp	x2, x3, [sp], #32
	ldr	x1, [sp, #8]
	add	sp, sp, #16
	eret
	dsb	nsh
	isb
8:	ldp	x4, x5, [sp, #16]
	ldp	x2, x3, [sp], #32
	mov	x1, #SWITCH_EXIT_SYNC
	b	armvirt_switch_guest_exit
	.size armvirt_switch_smccc_exit, . - armvirt_switch_smccc_exit

/*
 * Common exit path. Entered from a lower-EL vector with the guest's x0 and
 * x1 pushed on the stack and the exit kind (| from-AArch32 << 32) in x1.
 */
	.global armvirt_switch_guest_exit
	.type armvirt_switch_guest_exit, %function
armvirt_switch_guest_exit:
	mrs	x0, tpidr_el2
	ldr	x0, [x0, #CPU_RUNNING]
	stp	x2, x3, [x0, #VCPU_X0 + 16]
	stp	x4, x5, [x0, #VCPU_X0 + 32]
	stp	x6, x7, [x0, #VCPU_X0 + 48]
	stp	x8, x9, [x0, #VCPU_X0 + 64]
	stp	x10, x11, [x0, #VCPU_X0 + 80]
	stp	x12, x13, [x0, #VCPU_X0 + 96]
	stp	x14, x15, [x0, #VCPU_X0 + 112]
	stp	x16, x17, [x0, #VCPU_X0 + 128]
	stp	x18, x19, [x0, #VCPU_X0 + 144]
	stp	x20, x21, [x0, #VCPU_X0 + 160]
	stp	x22, x23, [x0, #VCPU_X0 + 176]
	stp	x24, x25, [x0, #VCPU_X0 + 192]
	stp	x26, x27, [x0, #VCPU_X0 + 208]
	stp	x28, x29, [x0, #VCPU_X0 + 224]
	str	x30, [x0, #VCPU_X0 + 240]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0, #VCPU_X0]
	mrs	x2, elr_el2
	mrs	x3, spsr_el2
	stp	x2, x3, [x0, #VCPU_PC]
	mrs	x2, esr_el2
	mrs	x3, far_el2
	stp	x2, x3, [x0, #VCPU_ESR]
	mrs	x3, hpfar_el2
	str	x3, [x0, #VCPU_HPFAR]
	str	x1, [x0, #VCPU_EXIT_KIND]	/* kind and from_aarch32 */
	/*
	 * The guest's x19-x22 are saved: keep the vCPU, the kind, this CPU and
	 * CPTR_EL2 before the handler there, across the C calls.
	 */
	mov	x19, x0
	mov	w20, w1
	mrs	x21, tpidr_el2
	ldr	x3, [x19, #VCPU_EXITS]
	add	x3, x3, #1
	str	x3, [x19, #VCPU_EXITS]
	/* The handler: sync[EC], or irq, fiq, serror, which follow sync[]. */
	ubfx	x4, x2, #26, #6
	cbz	w20, 1f
	add	w4, w20, #(SWITCH_EC_COUNT - 1)
	b	2f
	/* CPTR_EL2.TFP: the guest's first FP/SIMD use (lazy switching). */
1:	cmp	w4, #SWITCH_EC_FP_ASIMD
	b.eq	5f
2:	ldr	x5, [x19, #VCPU_HANDLERS]
	cbz	x5, 9f
	ldr	x6, [x5, x4, lsl #3]
	cbz	x6, 9f
	ldr	x22, [x21, #CPU_CPTR_EL2]
	mov	x0, x19
	add	x1, x19, #VCPU_EXIT
	ldr	x2, [x5, #HANDLERS_ARG]
	blr	x6
	cbnz	w0, 9f				/* ARMVIRT_SWITCH_EXIT */
	/*
	 * A handler that touched FP/SIMD while the guest did not own the
	 * registers took the EL2 trap, which cleared TFP and gave them to the
	 * host: set it back.
	 */
	ldr	x3, [x21, #CPU_CPTR_EL2]
	cmp	x3, x22
	b.ne	6f
3:	ldr	x3, [x19, #VCPU_FAST_RESUMES]
	add	x3, x3, #1
	str	x3, [x19, #VCPU_FAST_RESUMES]
	mov	x0, x19
	b	armvirt_switch_guest_restore
5:	mov	x0, x21
	mov	x1, x19
	bl	armvirt_switch_fp_guest_trap
	b	3b
6:	mov	x0, x21
	mov	x1, x19
	bl	armvirt_switch_cptr_for
	mov	x1, x0
	mov	x0, x21
	bl	armvirt_switch_set_cptr
	b	3b
	/* To the exit loop: pop the host's frame, return the kind. */
9:	mov	x0, x20
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #96
	ret
	.size armvirt_switch_guest_exit, . - armvirt_switch_guest_exit

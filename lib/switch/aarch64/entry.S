/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guest entry and the lower-EL exit path (nVHE, EL2).
 *
 * While a guest runs, SP_EL2 points just below the host's callee-saved
 * frame pushed by armvirt_switch_arch_enter, and TPIDR_EL2 points at this
 * CPU's struct armvirt_switch_cpu. An exit saves the guest's X0-X30, PC,
 * PSTATE and syndrome into cpu->running, then calls
 * armvirt_switch_handle_exit() on the host stack; a zero answer re-enters
 * the guest from the saved state (the fast path), anything else pops the
 * host frame and returns from armvirt_switch_arch_enter.
 */
#include "asm_offsets.h"

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
	mrs	x2, hpfar_el2
	str	x2, [x0, #VCPU_HPFAR]
	str	x1, [x0, #VCPU_EXIT_KIND]	/* kind and from_aarch32 */
	/* The guest's x19 and x20 are saved: keep the vCPU and kind there. */
	mov	x19, x0
	mov	w20, w1
	mov	x1, x0
	mrs	x0, tpidr_el2
	bl	armvirt_switch_handle_exit
	cbnz	x0, 1f
	mov	x0, x19
	b	armvirt_switch_guest_restore
1:	mov	x0, x20
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #96
	ret
	.size armvirt_switch_guest_exit, . - armvirt_switch_guest_exit

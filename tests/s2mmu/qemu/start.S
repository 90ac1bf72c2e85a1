/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EL2 entry, the call into the test guest, and the EL2 vectors.
 *
 * guest_call(op, ipa, value) enters EL1 at guest_entry with the MMU off
 * (so every address is an IPA, translated by stage 2 only): op 0 loads
 * from ipa, op 1 stores value there; then HVC. The HVC comes back here
 * and returns from guest_call with the guest's x0. A stage-2 abort goes
 * to el2_trap() in C, which either fixes the cause and retries or skips
 * the access.
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
2:	ldr	x1, =__stack_top
	mov	sp, x1
	ldr	x1, =el2_vectors
	msr	vbar_el2, x1
	isb
	bl	qemu_main
	.global	power_off
power_off:
	ldr	x0, =0x84000008		/* PSCI SYSTEM_OFF, through QEMU's SMC conduit */
	smc	#0
3:	wfi
	b	3b

	.text
	.global	guest_call
guest_call:
	adr	x9, el2_ctx
	stp	x19, x20, [x9, #0]
	stp	x21, x22, [x9, #16]
	stp	x23, x24, [x9, #32]
	stp	x25, x26, [x9, #48]
	stp	x27, x28, [x9, #64]
	stp	x29, x30, [x9, #80]
	mov	x10, sp
	str	x10, [x9, #96]
	adr	x10, guest_entry
	msr	elr_el2, x10
	mov	x10, #0x3c5		/* EL1h, DAIF masked */
	msr	spsr_el2, x10
	eret

	/* EL1, stage 1 off: x0 = op, x1 = IPA, x2 = value. */
	.balign	64
	.global	guest_entry
guest_entry:
	cbz	x0, 1f
	str	x2, [x1]
	mov	x0, x2
	hvc	#0
1:	ldr	x0, [x1]
	hvc	#0

	.balign	2048
el2_vectors:
	.rept	8			/* from EL2 itself: never expected */
	.balign	128
	b	el2_unexpected
	.endr
	.balign	128			/* lower EL, AArch64, synchronous */
	b	el2_lower_sync
	.rept	7
	.balign	128
	b	el2_unexpected
	.endr

el2_lower_sync:
	stp	x9, x10, [sp, #-16]!
	mrs	x9, esr_el2
	lsr	x9, x9, #26
	cmp	x9, #0x16		/* HVC from AArch64 */
	b.eq	4f
	ldp	x9, x10, [sp], #16
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
	stp	x29, x30, [sp, #160]
	bl	el2_trap
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
	ldp	x29, x30, [sp, #160]
	add	sp, sp, #256
	eret
4:	adr	x9, el2_ctx
	ldp	x19, x20, [x9, #0]
	ldp	x21, x22, [x9, #16]
	ldp	x23, x24, [x9, #32]
	ldp	x25, x26, [x9, #48]
	ldp	x27, x28, [x9, #64]
	ldp	x29, x30, [x9, #80]
	ldr	x10, [x9, #96]
	mov	sp, x10
	ret

el2_unexpected:
	mrs	x0, esr_el2
	mrs	x1, elr_el2
	mrs	x2, far_el2
	b	el2_panic

	.bss
	.balign	16
el2_ctx:
	.skip	112

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Exception vectors of the world-switch test guest (its entry is the guest
 * runtime's, rt/start.S): none is expected, so each reports the exception
 * through guest_exception(vector, ESR_EL1, ELR_EL1, FAR_EL1).
 */
	.text
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

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Exception vectors of the benchmark guest, at EL1 (its entry is the guest
 * runtime's, tests/guests/rt/start.S, which calls guest_main() and
 * guest_secondary_main() in bench.c).
 *
 * Only two vectors of "current EL with SP_ELx" are expected: IRQ, which
 * calls bench_irq() with every register saved, and synchronous
 * exceptions, which call bench_sync(frame) (a probed load that faulted:
 * traps.c); anything else stops the guest. Each goes straight to its
 * handler, so the IRQ figures count no dispatch.
 */
#include "frame.inc"

	.macro	unexpected n
	.balign	128
	mov	x0, #\n
	b	vector_unexpected
	.endm

	.text
	.balign	2048
	.global	guest_vectors
guest_vectors:
	/* Current EL with SP_EL0: never used. */
	unexpected 0
	unexpected 1
	unexpected 2
	unexpected 3
	/* Current EL with SP_ELx. */
	.balign	128
	b	vector_sync
	.balign	128
	b	vector_irq
	unexpected 6
	unexpected 7
	/* Lower EL: there is none. */
	unexpected 8
	unexpected 9
	unexpected 10
	unexpected 11
	unexpected 12
	unexpected 13
	unexpected 14
	unexpected 15

vector_irq:
	rt_save_frame
	bl	bench_irq
	rt_restore_frame

vector_sync:
	rt_save_frame
	mov	x0, sp
	bl	bench_sync
	rt_restore_frame

vector_unexpected:
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	bl	bench_unexpected
	b	.

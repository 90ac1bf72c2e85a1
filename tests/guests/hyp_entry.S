/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Exception vectors of the hypervisor test guest, at EL1 (its entry is the
 * guest runtime's, rt/start.S).
 *
 * Every vector saves X0-X30, ELR_EL1 and SPSR_EL1 in a frame on the stack
 * (rt/frame.inc) and calls guest_trap(frame, vector); the frame is restored
 * (the C code may change it, for instance ELR_EL1 to skip a faulting
 * instruction) and ERET returns.
 */
#include "frame.inc"

	.macro	vector n
	.balign	128
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	mov	x1, #\n
	b	vector_common
	.endm

	.text
	.balign 2048
	.global guest_vectors
guest_vectors:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector	\n
	.endr

vector_common:
	rt_save_frame_from_x2
	mov	x0, sp
	bl	guest_trap
	rt_restore_frame

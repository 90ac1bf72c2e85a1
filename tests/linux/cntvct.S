// SPDX-License-Identifier: BSD-3-Clause
// cntvct: print the guest's virtual counter and its frequency, for the Linux
// guest test's /init (busybox cannot read the counter with better than the
// 10 ms of /proc/uptime).
//
//   $ cntvct
//   <CNTVCT_EL0> <CNTFRQ_EL0>        both in decimal
//
// A static Linux/arm64 program without libc: Linux lets EL0 read both
// registers (CNTKCTL_EL1.EL0VCTEN, set for the vDSO).

	.equ	SYS_write, 64
	.equ	SYS_exit, 93

	.text
	.global	_start
_start:
	isb				// the read is not hoisted above what precedes it
	mrs	x19, cntvct_el0
	mrs	x20, cntfrq_el0
	sub	sp, sp, #64		// text is built backwards from sp + 64
	add	x1, sp, #64
	mov	w2, #'\n'
	strb	w2, [x1, #-1]!
	mov	x0, x20
	bl	put_decimal
	mov	w2, #' '
	strb	w2, [x1, #-1]!
	mov	x0, x19
	bl	put_decimal
	mov	x0, #1			// stdout
	add	x2, sp, #64
	sub	x2, x2, x1		// length
	mov	x8, #SYS_write
	svc	#0
	cmp	x0, x2
	cset	x0, ne			// exit status 1 if the write fell short
	mov	x8, #SYS_exit
	svc	#0

// put_decimal: store x0 in decimal before x1, moving x1 down to the first
// digit. Clobbers x0, x3-x5.
put_decimal:
	mov	x3, #10
1:	udiv	x4, x0, x3
	msub	x5, x4, x3, x0		// x5 = x0 % 10
	add	w5, w5, #'0'
	strb	w5, [x1, #-1]!
	mov	x0, x4
	cbnz	x0, 1b
	ret

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The measurement loops (bench.h). Each reads the virtual counter (between
 * ISBs), runs x0 >= 1 iterations of one operation and reads it again, and
 * returns the ticks between the two reads. Written in assembly so that
 * every loop has the same overhead, two instructions an iteration (subs,
 * b.ne), which loop_empty() measures, and so that the operation is exactly
 * the instructions shown. The registers they keep across a hypercall
 * (x9-x12) are ones SMCCC 1.1 preserves.
 */
	.arch	armv8-a

	.macro	begin
	mov	x11, x0
	isb
	mrs	x9, cntvct_el0
	isb
	.endm

	.macro	end
	subs	x11, x11, #1
	b.ne	1b
	isb
	mrs	x10, cntvct_el0
	sub	x0, x10, x9
	ret
	.endm

	.macro	func name
	.global	\name
	.type	\name, %function
\name:
	.endm

	.text
/* loop_empty(n) */
func loop_empty
	begin
1:	end

/* loop_hvc(n, fid): HVC #0 with x0 = fid; the answer is not checked here. */
func loop_hvc
	mov	x12, x1
	begin
1:	mov	x0, x12
	hvc	#0
	end

/* loop_ldr32(n, addr): a 32-bit load, single register (ESR_EL2.ISV = 1). */
func loop_ldr32
	begin
1:	ldr	w2, [x1]
	end

/* loop_str32(n, addr, value): a 32-bit store, single register (ISV = 1). */
func loop_str32
	begin
1:	str	w2, [x1]
	end

/*
 * loop_str32_post(n, addr, value): the same store, post-indexed by 0:
 * writeback makes the syndrome invalid (ISV = 0), so the hypervisor must
 * decode the instruction.
 */
func loop_str32_post
	begin
1:	str	w2, [x1], #0
	end

/* loop_eoi_v3(n, intid): ICC_EOIR1_EL1 (the hardware's ICV_EOIR1_EL1 for a guest). */
func loop_eoi_v3
	begin
1:	msr	S3_0_C12_C12_1, x1
	end

/*
 * loop_ipi_v3(n, sgi1r, ack): ICC_SGI1R_EL1 = sgi1r, then wait, yielding
 * the CPU, until the target's handler has counted one more interrupt in
 * *ack (32 bits, written by the target only).
 */
func loop_ipi_v3
	ldr	w4, [x2]
	begin
1:	add	w4, w4, #1
	msr	S3_0_C12_C11_5, x1
2:	yield
	ldr	w3, [x2]
	cmp	w3, w4
	b.ne	2b
	end

/* loop_ipi_v2(n, sgir, value, ack): GICD_SGIR = value, then wait as above. */
func loop_ipi_v2
	ldr	w4, [x3]
	begin
1:	add	w4, w4, #1
	str	w2, [x1]
2:	yield
	ldr	w5, [x3]
	cmp	w5, w4
	b.ne	2b
	end

/*
 * peer_yield_until(fid, stop): HVC #0 with x0 = fid until *stop (32 bits)
 * is non-zero; the load and the branch are PEER_YIELD_LOOP_INSNS.
 */
func peer_yield_until
	mov	x9, x0
	mov	x10, x1
1:	mov	x0, x9
	hvc	#0
	ldr	w2, [x10]
	cbz	w2, 1b
	ret

/*
 * stamp_now(struct stamp *s): read the counter (at instruction T), then
 * spin until it moves on: s->ticks is the new value, s->spins the number
 * of spins. The first spin's read comes STAMP_LEAD_INSNS instructions
 * after T and each spin takes STAMP_SPIN_INSNS, which bench.c turns back
 * into T.
 */
func stamp_now
	isb
	mrs	x2, cntvct_el0
	mov	x3, #0
1:	isb
	mrs	x1, cntvct_el0
	add	x3, x3, #1
	cmp	x1, x2
	b.eq	1b
	stp	x1, x3, [x0]
	ret

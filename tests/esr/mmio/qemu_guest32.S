/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The QEMU execution test's AArch32 guest (Linux, run by qemu-arm; no C
 * library). Reads struct qemu_case32 records on stdin, runs each A32 or T32
 * instruction for real with R0-R14 and the flags taken from the case and its
 * 64 data bytes in place, and writes a struct qemu_result32 for each.
 *
 * Each trampoline is copied into the data window, so that PC-relative loads
 * reach data the host chose: its prologue loads the registers and branches to
 * the slot, QEMU_SLOT_OFF bytes further, which holds the test instruction and
 * an epilogue that saves the registers back (R0 through TPIDRURW).
 */
#include "qemu_layout.h"

#define CTX_R0 0
#define CTX_SP 52
#define CTX_LR 56
#define CTX_CPSR 60
#define CTX_HOST_SP 64

#define SYS_EXIT 1
#define SYS_READ 3
#define SYS_WRITE 4
#define SYS_MMAP2 192
#define MAP_FLAGS 0x32 /* MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED */
#define PROT_RWX 7

	.syntax unified
	.arch armv8-a

/* ---------------------------------------------------------------- A32 trampoline */
	.arm
	.p2align 4
a32_tramp:
	push	{r4-r11, lr}
	str	sp, [r0, #CTX_HOST_SP]
	ldr	r1, [r0, #CTX_CPSR]
	msr	APSR_nzcvq, r1
	ldr	sp, [r0, #CTX_SP]
	ldr	lr, [r0, #CTX_LR]
	ldm	r0, {r0-r12}
	b	a32_slot
	.space	QEMU_SLOT_OFF - (. - a32_tramp)
a32_slot:
	nop
	mcr	p15, 0, r0, c13, c0, 2
	movw	r0, #(QEMU_CTX & 0xffff)
	movt	r0, #(QEMU_CTX >> 16)
	stmib	r0, {r1-r12}
	str	sp, [r0, #CTX_SP]
	str	lr, [r0, #CTX_LR]
	mrc	p15, 0, r1, c13, c0, 2
	str	r1, [r0, #CTX_R0]
	ldr	sp, [r0, #CTX_HOST_SP]
	pop	{r4-r11, pc}
a32_tramp_end:

/* ---------------------------------------------------------------- T32 trampoline */
	.thumb
	.p2align 4
t32_tramp:
	push	{r4-r11, lr}
	str.w	sp, [r0, #CTX_HOST_SP]
	ldr	r1, [r0, #CTX_CPSR]
	msr	APSR_nzcvq, r1
	ldr.w	sp, [r0, #CTX_SP]
	ldr.w	lr, [r0, #CTX_LR]
	ldm.w	r0, {r0-r12}
	b.w	t32_slot
	.space	QEMU_SLOT_OFF - (. - t32_tramp)
t32_slot:
	nop.w
	mcr	p15, 0, r0, c13, c0, 2
	movw	r0, #(QEMU_CTX & 0xffff)
	movt	r0, #(QEMU_CTX >> 16)
	add.w	r0, r0, #4
	stm.w	r0, {r1-r12}
	sub.w	r0, r0, #4
	str.w	sp, [r0, #CTX_SP]
	str.w	lr, [r0, #CTX_LR]
	mrc	p15, 0, r1, c13, c0, 2
	str	r1, [r0, #CTX_R0]
	ldr.w	sp, [r0, #CTX_HOST_SP]
	pop	{r4-r11, pc}
t32_tramp_end:

/* ---------------------------------------------------------------- the runner */
	.arm
	.globl	_start
_start:
	ldr	r0, =QEMU_WINDOW
	mov	r1, #QEMU_WINDOW_SIZE
	mov	r2, #PROT_RWX
	mov	r3, #MAP_FLAGS
	mvn	r4, #0
	mov	r5, #0
	mov	r7, #SYS_MMAP2
	svc	#0
	ldr	r1, =QEMU_WINDOW
	cmp	r0, r1
	bne	fail
	ldr	r0, =QEMU_CODE32_A32
	ldr	r1, =a32_tramp
	ldr	r2, =a32_tramp_end
	sub	r2, r2, r1
	bl	copy
	ldr	r0, =QEMU_CODE32_T32
	ldr	r1, =t32_tramp
	ldr	r2, =t32_tramp_end
	bic	r1, r1, #1
	bic	r2, r2, #1
	sub	r2, r2, r1
	bl	copy
next:
	ldr	r1, =record
	mov	r2, #QEMU_CASE32_SIZE
	bl	read_full
	cmp	r0, #0
	beq	done
	cmp	r0, #QEMU_CASE32_SIZE
	bne	fail
	ldr	r4, =record
	/* the data */
	ldr	r0, [r4, #8]
	add	r0, r0, #QEMU_WINDOW
	add	r1, r4, #80
	mov	r2, #64
	bl	copy
	/* the instruction, in the slot of its instruction set */
	ldr	r1, [r4]
	ldr	r0, [r4, #4]
	cmp	r0, #0
	ldreq	r2, =(QEMU_CODE32_A32 + QEMU_SLOT_OFF)
	streq	r1, [r2]
	beq	patched
	ldr	r2, =(QEMU_CODE32_T32 + QEMU_SLOT_OFF)
	lsrs	r3, r1, #16
	beq	thumb16
	strh	r3, [r2]	/* first halfword, then the second */
	strh	r1, [r2, #2]
	b	patched
thumb16:
	strh	r1, [r2]
	movw	r3, #0xbf00	/* nop */
	strh	r3, [r2, #2]
patched:
	/* registers and flags into the context */
	ldr	r0, =QEMU_CTX
	add	r1, r4, #16
	mov	r2, #64
	bl	copy
	ldr	r0, =QEMU_CTX
	ldr	r1, [r4, #4]
	cmp	r1, #0
	ldreq	r12, =QEMU_CODE32_A32
	ldrne	r12, =(QEMU_CODE32_T32 + 1)
	blx	r12
	/* report R0-R14 and the data */
	ldr	r0, =result
	ldr	r1, =QEMU_CTX
	mov	r2, #64
	bl	copy
	ldr	r0, =(result + 64)
	ldr	r1, [r4, #8]
	add	r1, r1, #QEMU_WINDOW
	mov	r2, #64
	bl	copy
	ldr	r1, =result
	mov	r2, #QEMU_RESULT32_SIZE
	bl	write_full
	b	next
done:
	mov	r0, #0
	mov	r7, #SYS_EXIT
	svc	#0
fail:
	mov	r0, #2
	mov	r7, #SYS_EXIT
	svc	#0

/* copy: r0 destination, r1 source, r2 bytes */
copy:
	subs	r2, r2, #1
	bxmi	lr
	ldrb	r3, [r1], #1
	strb	r3, [r0], #1
	b	copy

/* read_full: r1 buffer, r2 bytes; returns the bytes read (0 at the end of input) */
read_full:
	push	{r4-r7, lr}
	mov	r4, r1
	mov	r5, r2
	mov	r6, #0
1:	mov	r0, #0
	add	r1, r4, r6
	sub	r2, r5, r6
	mov	r7, #SYS_READ
	svc	#0
	cmp	r0, #0
	ble	2f
	add	r6, r6, r0
	cmp	r6, r5
	blt	1b
2:	mov	r0, r6
	pop	{r4-r7, pc}

/* write_full: r1 buffer, r2 bytes */
write_full:
	push	{r4-r7, lr}
	mov	r4, r1
	mov	r5, r2
	mov	r6, #0
1:	mov	r0, #1
	add	r1, r4, r6
	sub	r2, r5, r6
	mov	r7, #SYS_WRITE
	svc	#0
	cmp	r0, #0
	ble	fail
	add	r6, r6, r0
	cmp	r6, r5
	blt	1b
	pop	{r4-r7, pc}

	.ltorg

	.bss
	.p2align 3
record:
	.space	QEMU_CASE32_SIZE
result:
	.space	QEMU_RESULT32_SIZE
	.section .note.GNU-stack, "", %progbits

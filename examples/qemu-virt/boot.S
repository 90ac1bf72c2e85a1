/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Entry at EL2 from QEMU (primary CPU) or from PSCI CPU_ON (secondaries):
 * a stack per CPU, the EL2 stage-1 MMU (an identity map: device memory
 * below 1 GiB, normal write-back memory above) so that C and libfdt run
 * with caches and unaligned accesses, then C.
 */
#include "mmu.h"

	.section .text.boot, "ax"
	.global _start
_start:
	mrs	x1, CurrentEL
	cmp	x1, #(2 << 2)
	b.ne	not_el2
	mov	x20, x0			/* device tree (0 for an ELF: it is at RAM base) */
	mov	x19, #0			/* CPU index */
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	stp	xzr, xzr, [x1], #16
	b	1b
2:	bl	cpu_setup
	mov	x0, x20
	bl	hyp_main
	b	park

/* PSCI CPU_ON entry: x0 = context_id = the CPU index. */
	.global hyp_secondary_entry
hyp_secondary_entry:
	mov	x19, x0
	bl	cpu_setup
	mov	x0, x19
	bl	hyp_secondary_main
	b	park

/* Stack for CPU x19, EL2 MMU on. Clobbers x0-x3. */
cpu_setup:
	ldr	x1, =__stacks_start
	add	x2, x19, #1
	mov	x3, #HYP_STACK_SIZE
	madd	x1, x2, x3, x1
	mov	sp, x1
	ldr	x0, =MAIR_EL2_VALUE
	msr	mair_el2, x0
	/* TCR_EL2.PS = ID_AA64MMFR0_EL1.PARange */
	mrs	x1, id_aa64mmfr0_el1
	and	x1, x1, #0x7
	ldr	x0, =TCR_EL2_VALUE
	bfi	x0, x1, #TCR_EL2_PS_SHIFT, #3
	msr	tcr_el2, x0
	adrp	x0, hyp_el2_l1
	msr	ttbr0_el2, x0
	isb
	tlbi	alle2
	dsb	ish
	isb
	ldr	x0, =SCTLR_EL2_VALUE
	msr	sctlr_el2, x0
	isb
	ret

not_el2:
park:
	wfe
	b	park

/* uint64_t hyp_smc(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3): SMCCC call to firmware */
	.text
	.global hyp_smc
hyp_smc:
	smc	#0
	ret

/* void hyp_semihost_exit(uint64_t code): QEMU exits with @code (needs -semihosting). */
	.global hyp_semihost_exit
hyp_semihost_exit:
	sub	sp, sp, #16
	mov	x1, #0x0026
	movk	x1, #0x2, lsl #16	/* ADP_Stopped_ApplicationExit */
	stp	x1, x0, [sp]
	mov	x1, sp
	mov	w0, #0x18		/* SYS_EXIT */
	hlt	#0xf000
	add	sp, sp, #16
	ret

/* The EL2 stage-1 level-1 table: 1 GiB blocks over the first 16 GiB. */
	.section .data
	.balign 4096
	.global hyp_el2_l1
hyp_el2_l1:
	.quad	HYP_BLOCK_DEVICE
	.set	gib, 1
	.rept	15
	.quad	(gib << 30) | HYP_BLOCK_NORMAL
	.set	gib, gib + 1
	.endr
	.fill	512 - 16, 8, 0

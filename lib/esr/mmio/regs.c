/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The guest register file as the planner and the completion step see it:
 * AArch32 register banking, base and index registers, and the address an
 * access starts at.
 */
#include "mmio_internal.h"

/* AArch32 modes, SPSR.M[3:0] with M[4] = 1 (Arm ARM G1.9.1, "AArch32 processor modes"). */
#define MODE_USR 0x0u
#define MODE_FIQ 0x1u
#define MODE_IRQ 0x2u
#define MODE_SVC 0x3u
#define MODE_ABT 0x7u
#define MODE_UND 0xbu
#define MODE_SYS 0xfu

#define AARCH32_REG_FIRST_BANKED_FIQ 8u /* R8-R12 are banked in FIQ mode only */
#define AARCH32_REG_SP 13u
#define AARCH32_REG_LR 14u
#define AARCH32_REG_PC 15u
#define A64_REG_SP 31u

/*
 * Where SP and LR of each mode live in the AArch64 view (Arm ARM, "Mapping
 * of the general-purpose registers between the Execution states"):
 * X13/X14 usr and sys, X16/X17 irq, X18/X19 svc, X20/X21 abt, X22/X23 und,
 * X29/X30 fiq (R8_fiq-R12_fiq are X24-X28). 0xff: not a mode a guest runs in.
 */
static const struct {
	uint8_t sp, lr;
} aarch32_banked[16] = {
	[MODE_USR] = { 13, 14 }, [MODE_FIQ] = { 29, 30 }, [MODE_IRQ] = { 17, 16 },
	[MODE_SVC] = { 19, 18 }, [4] = { 0xff, 0xff },	  [5] = { 0xff, 0xff },
	[6] = { 0xff, 0xff },	 [MODE_ABT] = { 21, 20 }, [8] = { 0xff, 0xff },
	[9] = { 0xff, 0xff },	 [10] = { 0xff, 0xff },	  [MODE_UND] = { 23, 22 },
	[12] = { 0xff, 0xff },	 [13] = { 0xff, 0xff },	  [14] = { 0xff, 0xff },
	[MODE_SYS] = { 13, 14 },
};
#define AARCH32_FIQ_R8_X 24u /* R8_fiq lives in X24 */

bool armvirt_mmio_priv_aarch32(const struct armvirt_mmio_insn *d)
{
	return d->isa == ARMVIRT_MMIO_ISA_A32 || d->isa == ARMVIRT_MMIO_ISA_T32;
}

bool armvirt_mmio_priv_guest_aarch32(uint64_t pstate)
{
	return armvirt_field_get(pstate, MMIO_SPSR_NRW_SHIFT, MMIO_SPSR_NRW_WIDTH) != 0;
}

int armvirt_mmio_priv_xreg(uint64_t pstate, unsigned r)
{
	unsigned mode = (unsigned)armvirt_field_get(pstate, MMIO_SPSR_M_SHIFT, MMIO_SPSR_M_WIDTH);

	if (!armvirt_mmio_priv_guest_aarch32(pstate) || aarch32_banked[mode].sp == 0xffu ||
	    r >= AARCH32_REG_PC)
		return ARMVIRT_EINVAL;
	if (r == AARCH32_REG_SP)
		return aarch32_banked[mode].sp;
	if (r == AARCH32_REG_LR)
		return aarch32_banked[mode].lr;
	if (mode == MODE_FIQ && r >= AARCH32_REG_FIRST_BANKED_FIQ)
		return (int)(AARCH32_FIQ_R8_X + r - AARCH32_REG_FIRST_BANKED_FIQ);
	return (int)r;
}

/* An AArch32 register's value; R15 reads as the PC plus 8 (A32) or 4 (T32). */
static int aarch32_read(const struct armvirt_mmio_insn *d, const struct armvirt_mmio_regs *r,
			unsigned n, uint32_t *v)
{
	int x;

	if (n == AARCH32_REG_PC) {
		*v = (uint32_t)r->pc + (d->isa == ARMVIRT_MMIO_ISA_A32 ? 8u : 4u);
		return 0;
	}
	x = armvirt_mmio_priv_xreg(r->pstate, n);
	if (x < 0)
		return x;
	*v = (uint32_t)r->x[x];
	return 0;
}

/* Shift() of the AArch32 pseudocode, for amounts the decoder produces (1-32; RRX by one). */
static uint32_t aarch32_shift(uint32_t v, unsigned index, unsigned amount, bool carry)
{
	switch (index) {
	case ARMVIRT_MMIO_INDEX_LSL:
		return amount >= 32u ? 0u : v << amount;
	case ARMVIRT_MMIO_INDEX_LSR:
		return amount >= 32u ? 0u : v >> amount;
	case ARMVIRT_MMIO_INDEX_ASR:
		return amount >= 32u ? (uint32_t)armvirt_sign_extend(v >> 31, 1)
				     : (uint32_t)(armvirt_sign_extend(v, 32) >> amount);
	case ARMVIRT_MMIO_INDEX_ROR:
		amount &= 31u;
		return amount ? (v >> amount) | (v << (32u - amount)) : v;
	case ARMVIRT_MMIO_INDEX_RRX:
		return (v >> 1) | ((uint32_t)carry << 31);
	default:
		return v;
	}
}

/* ExtendReg() of the A64 pseudocode for the extends of register-offset addressing. */
static uint64_t a64_extend(uint64_t v, unsigned index, unsigned amount)
{
	switch (index) {
	case ARMVIRT_MMIO_INDEX_UXTW:
		v = (uint32_t)v;
		break;
	case ARMVIRT_MMIO_INDEX_SXTW:
		v = (uint64_t)armvirt_sign_extend(v, 32);
		break;
	default: /* LSL (UXTX), SXTX: the whole register */
		break;
	}
	return v << amount;
}

int armvirt_mmio_priv_address(const struct armvirt_mmio_insn *d, const struct armvirt_mmio_regs *r,
			      uint64_t *va, uint64_t *wb)
{
	if (armvirt_mmio_priv_aarch32(d)) {
		uint32_t base, index = 0, offset_addr;
		int rc;

		if (d->addressing == ARMVIRT_MMIO_ADDR_LITERAL) {
			rc = aarch32_read(d, r, AARCH32_REG_PC, &base);
			base &= ~3u; /* Align(PC, 4) */
		} else {
			rc = aarch32_read(d, r, d->rn, &base);
		}
		if (rc < 0)
			return rc;
		if (d->rm != ARMVIRT_MMIO_NOREG) {
			bool carry =
				armvirt_field_get(r->pstate, MMIO_SPSR_C_SHIFT, MMIO_SPSR_C_WIDTH);

			rc = aarch32_read(d, r, d->rm, &index);
			if (rc < 0)
				return rc;
			index = aarch32_shift(index, d->index, d->amount, carry);
			offset_addr = d->subtract ? base - index : base + index;
		} else {
			offset_addr = base + (uint32_t)d->offset;
		}
		*va = d->addressing == ARMVIRT_MMIO_ADDR_POST ? base : offset_addr;
		*wb = offset_addr;
		return 0;
	}

	uint64_t base, offset_addr;

	if (d->addressing == ARMVIRT_MMIO_ADDR_LITERAL)
		base = r->pc;
	else if (d->rn == A64_REG_SP)
		base = r->sp;
	else if (d->rn < A64_REG_SP)
		base = r->x[d->rn];
	else
		return ARMVIRT_EINVAL;
	if (d->rm != ARMVIRT_MMIO_NOREG) {
		uint64_t index = d->rm < A64_REG_SP ? r->x[d->rm] : 0u; /* 31: XZR */

		offset_addr = base + a64_extend(index, d->index, d->amount);
	} else {
		offset_addr = base + (uint64_t)(int64_t)d->offset;
	}
	*va = d->addressing == ARMVIRT_MMIO_ADDR_POST ? base : offset_addr;
	*wb = offset_addr;
	return 0;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Completing an emulated access: loaded registers, base writeback, PC and
 * PSTATE, as the instruction would have left them.
 */
#include "mmio_internal.h"

#define A64_REG_ZR 31u
#define A64_REG_SP 31u
#define AARCH32_ADDR_MASK ARMVIRT_MASK(0, 32)
#define IT_COND_BITS 3u /* ITSTATE[2:0]: zero when the block ends */
#define IT_MASK_BITS 5u /* ITSTATE[4:0] shifts left on each instruction */

/* Check that the parts cover the transfer exactly once, each as the plan made it. */
static int check_parts(const struct armvirt_mmio_insn *d, const struct armvirt_mmio_xfer *x)
{
	uint64_t covered = 0;
	bool write = d->kind == ARMVIRT_MMIO_KIND_STORE;

	if (x->bytes != d->size * d->count || x->nparts > ARMVIRT_MMIO_MAX_PARTS)
		return ARMVIRT_EINVAL;
	for (unsigned i = 0; i < x->nparts; i++) {
		const struct armvirt_mmio_part *p = &x->part[i];
		uint64_t bits;

		if (p->acc.size == 0u || p->acc.size > 8u || (p->acc.size & (p->acc.size - 1u)) ||
		    p->pos + p->acc.size > x->bytes || p->acc.is_write != write)
			return ARMVIRT_EINVAL;
		bits = ARMVIRT_MASK(p->pos, p->acc.size);
		if (covered & bits)
			return ARMVIRT_EINVAL;
		covered |= bits;
	}
	return covered == ARMVIRT_MASK(0, x->bytes) ? 0 : ARMVIRT_EINVAL;
}

/* Element @e of a load, from the parts' data, converted from the guest's byte order. */
static void load_value(const struct armvirt_mmio_insn *d, const uint8_t *image, unsigned e, bool be,
		       uint64_t *lo, uint64_t *hi)
{
	const uint8_t *b = image + (size_t)e * d->size;

	*lo = *hi = 0;
	for (unsigned i = 0; i < d->size; i++) {
		uint64_t byte = be ? b[d->size - 1u - i] : b[i];

		if (i < 8u)
			*lo |= byte << (8u * i);
		else
			*hi |= byte << (8u * (i - 8u));
	}
	if (d->sign_extend && d->size != 0u && d->size <= 8u)
		*lo = (uint64_t)armvirt_sign_extend(*lo, 8u * d->size);
	if (d->bank == ARMVIRT_MMIO_BANK_W)
		*lo &= ARMVIRT_MASK(0, 32); /* a W (or AArch32) register's upper half is cleared */
}

static void write_reg(const struct armvirt_mmio_insn *d, struct armvirt_mmio_regs *r, unsigned reg,
		      uint64_t lo, uint64_t hi)
{
	if (d->bank >= ARMVIRT_MMIO_BANK_B) {
		r->v[reg].lo = lo; /* bits above the access are cleared */
		r->v[reg].hi = hi;
	} else if (armvirt_mmio_priv_aarch32(d)) {
		r->x[armvirt_mmio_priv_xreg(r->pstate, reg)] = lo;
	} else if (reg != A64_REG_ZR) {
		r->x[reg] = lo;
	}
}

/* ITAdvance() (Arm ARM, AArch32 pseudocode) on SPSR's IT[7:2] (15:10) and IT[1:0] (26:25). */
static uint64_t it_advance(uint64_t spsr)
{
	unsigned it =
		(unsigned)(armvirt_field_get(spsr, MMIO_SPSR_IT_HI_SHIFT, MMIO_SPSR_IT_HI_WIDTH)
			   << MMIO_SPSR_IT_LO_WIDTH) |
		(unsigned)armvirt_field_get(spsr, MMIO_SPSR_IT_LO_SHIFT, MMIO_SPSR_IT_LO_WIDTH);

	if ((it & ARMVIRT_MASK(0, IT_COND_BITS)) == 0u)
		it = 0;
	else
		it = (it & ~(unsigned)ARMVIRT_MASK(0, IT_MASK_BITS)) |
		     ((it << 1) & (unsigned)ARMVIRT_MASK(0, IT_MASK_BITS));
	spsr = armvirt_field_set(spsr, MMIO_SPSR_IT_LO_SHIFT, MMIO_SPSR_IT_LO_WIDTH, it);
	return armvirt_field_set(spsr, MMIO_SPSR_IT_HI_SHIFT, MMIO_SPSR_IT_HI_WIDTH,
				 it >> MMIO_SPSR_IT_LO_WIDTH);
}

int armvirt_mmio_complete(const struct armvirt_mmio_insn *d, const struct armvirt_mmio_xfer *x,
			  struct armvirt_mmio_regs *r)
{
	uint8_t image[ARMVIRT_MMIO_MAX_BYTES] = { 0 };
	uint64_t va = 0, wb = 0, pstate;
	bool aarch32;
	int rc;

	if (!d || !x || !r)
		return ARMVIRT_EINVAL;
	rc = armvirt_mmio_priv_check(d, r);
	if (rc < 0)
		return rc;
	aarch32 = armvirt_mmio_priv_guest_aarch32(r->pstate);
	if (d->count != 0u) {
		rc = check_parts(d, x);
		if (rc == 0 && d->writeback)
			rc = armvirt_mmio_priv_address(d, r, &va, &wb);
		if (rc < 0)
			return rc;
	}

	/* Nothing can fail from here on. */
	if (d->count != 0u && d->kind == ARMVIRT_MMIO_KIND_LOAD) {
		for (unsigned i = 0; i < x->nparts; i++) {
			const struct armvirt_mmio_part *p = &x->part[i];

			for (unsigned b = 0; b < p->acc.size; b++)
				image[p->pos + b] = (uint8_t)(p->acc.data >> (8u * b));
		}
		for (unsigned e = 0; e < d->count; e++) {
			uint64_t lo, hi;

			load_value(d, image, e, x->big_endian, &lo, &hi);
			write_reg(d, r, e ? d->rt2 : d->rt, lo, hi);
		}
	}
	if (d->count != 0u && d->writeback) {
		if (armvirt_mmio_priv_aarch32(d))
			r->x[armvirt_mmio_priv_xreg(r->pstate, d->rn)] = wb & AARCH32_ADDR_MASK;
		else if (d->rn == A64_REG_SP)
			r->sp = wb;
		else
			r->x[d->rn] = wb;
	}

	pstate = armvirt_field_set(r->pstate, MMIO_SPSR_SS_SHIFT, MMIO_SPSR_SS_WIDTH, 0);
	if (aarch32) {
		r->pc = (r->pc + d->len) & AARCH32_ADDR_MASK;
		if (armvirt_field_get(pstate, MMIO_SPSR_T_SHIFT, MMIO_SPSR_T_WIDTH))
			pstate = it_advance(pstate);
	} else {
		r->pc += d->len;
		pstate = armvirt_field_set(pstate, MMIO_SPSR_BTYPE_SHIFT, MMIO_SPSR_BTYPE_WIDTH, 0);
	}
	r->pstate = pstate;
	return 0;
}

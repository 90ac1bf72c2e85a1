/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Planning an emulable access: where it starts, how it splits into
 * device-sized parts, and the data a store writes.
 */
#include "mmio_internal.h"

#define PAGE_SHIFT 12 /* the smallest translation granule: IPA and VA agree below it */
#define PAGE_MASK ((UINT64_C(1) << PAGE_SHIFT) - 1u)
#define PART_MAX_BYTES 8u
#define VA_BITS_A64 56u /* bits of an A64 VA below the top byte (tag) */
#define VA_BITS_AARCH32 32u
#define AARCH32_REG_PC 15u
#define A64_REG_31 31u

/* The largest naturally aligned power of two at @addr no longer than @n (n >= 1). */
static unsigned piece_size(uint64_t addr, unsigned n)
{
	unsigned p = PART_MAX_BYTES;

	while (p > n || (addr & (p - 1u)))
		p >>= 1;
	return p;
}

/* Little-endian value of @n bytes (n <= 8). */
static uint64_t bytes_to_le(const uint8_t *b, unsigned n)
{
	uint64_t v = 0;

	for (unsigned i = n; i-- > 0;)
		v = (v << 8) | b[i];
	return v;
}

bool armvirt_mmio_priv_big_endian(const struct armvirt_mmio_regs *r, unsigned flags)
{
	if (armvirt_mmio_priv_guest_aarch32(r->pstate))
		return armvirt_field_get(r->pstate, MMIO_SPSR_E_SHIFT, MMIO_SPSR_E_WIDTH) != 0;
	return (flags & ARMVIRT_MMIO_XFER_BIG_ENDIAN) != 0;
}

int armvirt_mmio_priv_check(const struct armvirt_mmio_insn *d, const struct armvirt_mmio_regs *r)
{
	bool simd = d->bank >= ARMVIRT_MMIO_BANK_B;

	if (d->reason != ARMVIRT_MMIO_OK)
		return ARMVIRT_ENOTSUP;
	if (d->kind == ARMVIRT_MMIO_KIND_OTHER && d->count == 0u)
		return 0; /* nothing moves: cache maintenance */
	if ((d->kind != ARMVIRT_MMIO_KIND_LOAD && d->kind != ARMVIRT_MMIO_KIND_STORE) ||
	    (d->count != 1u && d->count != 2u) || d->size == 0u || (d->size & (d->size - 1u)) ||
	    d->size * d->count > ARMVIRT_MMIO_MAX_BYTES || d->isa >= ARMVIRT_MMIO_ISA_COUNT ||
	    d->bank == ARMVIRT_MMIO_BANK_NONE || d->bank > ARMVIRT_MMIO_BANK_Q ||
	    (!simd && d->size > PART_MAX_BYTES) || (d->len != 2u && d->len != 4u))
		return ARMVIRT_EINVAL;
	if (simd && !r->v)
		return ARMVIRT_EINVAL;
	if (armvirt_mmio_priv_aarch32(d)) {
		bool t32 = armvirt_field_get(r->pstate, MMIO_SPSR_T_SHIFT, MMIO_SPSR_T_WIDTH) != 0;

		/* the registers are banked by the mode, which must be a guest's */
		if (simd || armvirt_mmio_priv_xreg(r->pstate, 0) < 0 ||
		    t32 != (d->isa == ARMVIRT_MMIO_ISA_T32))
			return ARMVIRT_EINVAL;
		if (d->rt >= AARCH32_REG_PC || (d->count == 2u && d->rt2 >= AARCH32_REG_PC) ||
		    (d->writeback && d->rn >= AARCH32_REG_PC))
			return ARMVIRT_EINVAL;
		return 0;
	}
	if (d->isa == ARMVIRT_MMIO_ISA_A64 && armvirt_mmio_priv_guest_aarch32(r->pstate))
		return ARMVIRT_EINVAL;
	if (d->rt > A64_REG_31 || (d->count == 2u && d->rt2 > A64_REG_31) ||
	    (d->writeback && d->rn > A64_REG_31))
		return ARMVIRT_EINVAL;
	return 0;
}

/* A store's register value, as 16 bytes in memory order (little-endian image). */
static void store_value(const struct armvirt_mmio_insn *d, const struct armvirt_mmio_regs *r,
			unsigned reg, uint8_t *out, bool be)
{
	uint64_t lo, hi = 0;

	if (d->bank >= ARMVIRT_MMIO_BANK_B) {
		lo = r->v[reg].lo;
		hi = r->v[reg].hi;
	} else if (armvirt_mmio_priv_aarch32(d)) {
		lo = r->x[armvirt_mmio_priv_xreg(r->pstate, reg)];
	} else {
		lo = reg < 31u ? r->x[reg] : 0u; /* 31: XZR/WZR */
	}
	for (unsigned i = 0; i < d->size; i++) {
		uint8_t byte = (uint8_t)(i < 8u ? lo >> (8u * i) : hi >> (8u * (i - 8u)));

		out[be ? d->size - 1u - i : i] = byte;
	}
}

/* What every part of one plan shares. */
struct plan_ctx {
	const uint8_t *image; /* the store data, memory order */
	uint64_t far;
	armvirt_ipa_t fault_ipa;
	uint64_t addr_mask; /* the guest's address width */
	uint64_t cmp_mask;  /* the bits that name a page (below an A64 tag) */
	bool write;
};

static void add_part(struct armvirt_mmio_xfer *x, const struct plan_ctx *c, unsigned pos,
		     unsigned size, uint64_t va)
{
	struct armvirt_mmio_part *p = &x->part[x->nparts++];

	p->pos = (uint8_t)pos;
	p->acc.size = (uint8_t)size;
	p->acc.is_write = c->write;
	p->acc.data = c->write ? bytes_to_le(c->image + pos, size) : 0u;
	p->ipa_valid = ((va ^ c->far) & c->cmp_mask & ~PAGE_MASK) == 0u;
	p->acc.addr = armvirt_ipa(p->ipa_valid ? (armvirt_ipa_val(c->fault_ipa) & ~PAGE_MASK) |
							 (va & PAGE_MASK)
					       : 0u);
}

/*
 * Append the parts of bytes [pos, pos + n) of the transfer: chunks of up to
 * 8 bytes (a Q register is two), each kept whole unless it crosses a page
 * boundary, in which case each side is cut into naturally aligned pieces.
 * At most 4 chunks, one of them crossing (32 < 4096): 9 parts at most.
 */
static void add_parts(struct armvirt_mmio_xfer *x, const struct plan_ctx *c, unsigned pos,
		      unsigned n)
{
	for (unsigned end = pos + n; pos < end;) {
		unsigned chunk = end - pos < PART_MAX_BYTES ? end - pos : PART_MAX_BYTES;
		uint64_t va = (x->va + pos) & c->addr_mask;
		uint64_t page_left = (PAGE_MASK + 1u) - (va & PAGE_MASK);

		if (chunk <= page_left) {
			add_part(x, c, pos, chunk, va);
			pos += chunk;
			continue;
		}
		for (unsigned done = 0; done < chunk;) {
			uint64_t a = (va + done) & c->addr_mask;
			unsigned limit = done < page_left ? (unsigned)page_left : chunk;
			unsigned size = piece_size(a, limit - done);

			add_part(x, c, pos + done, size, a);
			done += size;
		}
		pos += chunk;
	}
}

static uint64_t addr_mask(const struct armvirt_mmio_regs *r)
{
	return armvirt_mmio_priv_guest_aarch32(r->pstate) ? ARMVIRT_MASK(0, VA_BITS_AARCH32)
							  : ~UINT64_C(0);
}

int armvirt_mmio_access_va(const struct armvirt_mmio_insn *d, const struct armvirt_mmio_regs *r,
			   uint64_t *va)
{
	uint64_t addr, wb;
	int rc;

	if (!d || !r || !va)
		return ARMVIRT_EINVAL;
	rc = armvirt_mmio_priv_check(d, r);
	if (rc < 0)
		return rc;
	if (d->isa == ARMVIRT_MMIO_ISA_ESR || d->count == 0u)
		return ARMVIRT_EINVAL;
	rc = armvirt_mmio_priv_address(d, r, &addr, &wb);
	if (rc < 0)
		return rc;
	*va = addr & addr_mask(r);
	return 0;
}

int armvirt_mmio_xfer_init(struct armvirt_mmio_xfer *x, const struct armvirt_mmio_insn *d,
			   const struct armvirt_mmio_regs *r, uint64_t far, armvirt_ipa_t fault_ipa,
			   unsigned flags)
{
	uint8_t image[ARMVIRT_MMIO_MAX_BYTES];
	struct plan_ctx c;
	uint64_t va, wb;
	uint8_t bytes;
	int rc;

	if (!x || !d || !r)
		return ARMVIRT_EINVAL;
	rc = armvirt_mmio_priv_check(d, r);
	if (rc < 0)
		return rc;
	if (d->count == 0u) { /* completes without an access */
		x->va = far;
		x->bytes = 0;
		x->nparts = 0;
		x->big_endian = false;
		return 0;
	}
	if (d->isa == ARMVIRT_MMIO_ISA_ESR) {
		va = far;
	} else {
		rc = armvirt_mmio_priv_address(d, r, &va, &wb);
		if (rc < 0)
			return rc;
	}
	c.image = image;
	c.fault_ipa = fault_ipa;
	c.addr_mask = addr_mask(r);
	c.cmp_mask = c.addr_mask & ARMVIRT_MASK(0, VA_BITS_A64);
	c.far = far & c.addr_mask;
	c.write = d->kind == ARMVIRT_MMIO_KIND_STORE;
	va &= c.addr_mask;
	bytes = (uint8_t)(d->size * d->count);
	if (((c.far - va) & c.cmp_mask) >= bytes)
		return ARMVIRT_EINVAL; /* the fault is not in this access */

	/* Nothing can fail from here on: build the plan in place. */
	x->va = va;
	x->bytes = bytes;
	x->nparts = 0;
	x->big_endian = armvirt_mmio_priv_big_endian(r, flags);
	if (c.write) {
		store_value(d, r, d->rt, image, x->big_endian);
		if (d->count == 2u)
			store_value(d, r, d->rt2, image + d->size, x->big_endian);
	}
	/* Element order: Rt then Rt2, except where the second is performed first. */
	for (unsigned i = 0; i < d->count; i++) {
		unsigned e = (d->descending && d->count == 2u) ? d->count - 1u - i : i;

		add_parts(x, &c, e * d->size, d->size);
	}
	return 0;
}

int armvirt_mmio_xfer_split(struct armvirt_mmio_xfer *x, unsigned i, armvirt_ipa_t at)
{
	struct armvirt_mmio_part pieces[PART_MAX_BYTES];
	struct armvirt_mmio_part old;
	uint64_t start, end, cut = armvirt_ipa_val(at);
	unsigned n = 0;

	if (!x || i >= x->nparts || x->nparts > ARMVIRT_MMIO_MAX_PARTS)
		return ARMVIRT_EINVAL;
	old = x->part[i];
	start = armvirt_ipa_val(old.acc.addr);
	end = start + old.acc.size;
	if (!old.ipa_valid || cut <= start || cut >= end)
		return ARMVIRT_EINVAL;
	for (uint64_t a = start; a < end; n++) {
		uint64_t limit = a < cut ? cut : end;
		unsigned size = piece_size(a, (unsigned)(limit - a));
		unsigned shift = 8u * (unsigned)(a - start);

		pieces[n] = old;
		pieces[n].acc.addr = armvirt_ipa(a);
		pieces[n].acc.size = (uint8_t)size;
		pieces[n].pos = (uint8_t)(old.pos + (a - start));
		pieces[n].acc.data = old.acc.is_write
					     ? (old.acc.data >> shift) & ARMVIRT_MASK(0, 8u * size)
					     : 0u;
		a += size;
	}
	if (x->nparts - 1u + n > ARMVIRT_MMIO_MAX_PARTS)
		return ARMVIRT_ENOSPC;
	for (unsigned j = x->nparts; j-- > i + 1u;)
		x->part[j + n - 1u] = x->part[j];
	for (unsigned j = 0; j < n; j++)
		x->part[i + j] = pieces[j];
	x->nparts = (uint8_t)(x->nparts + n - 1u);
	return (int)n;
}

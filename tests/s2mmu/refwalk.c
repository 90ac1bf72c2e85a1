/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reference stage-2 walker (see refwalk.h). Deliberately plain: literal
 * bit positions from the Arm ARM, one level at a time.
 */
#include "refwalk.h"

#include <stddef.h>

static uint64_t bits(uint64_t v, unsigned hi, unsigned lo)
{
	return (v >> lo) & ((hi - lo == 63) ? ~0ull : ((1ull << (hi - lo + 1)) - 1));
}

unsigned ref_cont_entries(unsigned gshift, int level)
{
	/* D8, "The Contiguous bit": number of entries per granule and level. */
	if (gshift == 12)
		return (level >= 1 && level <= 3) ? 16 : 1;
	if (gshift == 14)
		return level == 3 ? 128 : level == 2 ? 32 : 1;
	return (level == 2 || level == 3) ? 32 : 1;
}

bool ref_geometry(const struct ref_regs *rr, struct ref_geom *g, const char **error)
{
	static const unsigned ps_bits[8] = { 32, 36, 40, 42, 44, 48, 52, 52 };
	uint64_t v = rr->vtcr;
	unsigned tg = bits(v, 15, 14), sl0 = bits(v, 7, 6), t0sz = bits(v, 5, 0);
	unsigned stride, resolved, lvl_bits;
	bool sl2 = bits(v, 33, 33);

	*error = NULL;
	g->ds = bits(v, 32, 32);
	if (!bits(v, 31, 31)) {
		*error = "VTCR_EL2 bit 31 is RES1";
		return false;
	}
	switch (tg) {
	case 0:
		g->gshift = 12;
		break;
	case 1:
		g->gshift = 16;
		break;
	case 2:
		g->gshift = 14;
		break;
	default:
		*error = "reserved TG0";
		return false;
	}
	if (g->gshift == 16 && g->ds) {
		*error = "DS with the 64KB granule";
		return false;
	}
	g->ia = 64 - t0sz;
	g->oa = ps_bits[bits(v, 18, 16)];
	if (g->gshift != 16 && !g->ds && g->oa > 48)
		g->oa = 48;
	if (g->ia > 48 && !(g->ds || (g->gshift == 16 && g->oa == 52))) {
		*error = "T0SZ below 16 without 52-bit support";
		return false;
	}
	/* SL0 table of VTCR_EL2 (D24.2). */
	if (g->gshift == 12) {
		if (sl2) {
			*error = "level -1 start not modelled";
			return false;
		}
		g->start_level = sl0 == 0 ? 2 : sl0 == 1 ? 1 : sl0 == 2 ? 0 : 3;
	} else {
		g->start_level = 3 - sl0;
		if (sl0 == 3 && !(g->gshift == 14 && g->ds)) {
			*error = "reserved SL0";
			return false;
		}
	}
	/* T0SZ and SL0 must agree: the start level resolves 1..stride+4 bits. */
	stride = g->gshift - 3;
	resolved = g->gshift + (3 - g->start_level) * stride;
	if (g->ia <= resolved) {
		*error = "start level too deep for T0SZ";
		return false;
	}
	lvl_bits = g->ia - resolved;
	if (lvl_bits > stride + 4) {
		*error = "start level needs more than 16 concatenated tables";
		return false;
	}
	g->root_entries = 1u << lvl_bits;
	return true;
}

static uint64_t desc_oa(const struct ref_geom *g, uint64_t d)
{
	if (g->ds) /* OA[49:12] at [49:12], OA[51:50] at [9:8] */
		return (d & 0x0003fffffffff000ull) | (bits(d, 9, 8) << 50);
	if (g->gshift == 16 && g->oa == 52) /* OA[47:16] at [47:16], OA[51:48] at [15:12] */
		return (d & 0x0000ffffffff0000ull) | (bits(d, 15, 12) << 48);
	return d & 0x0000fffffffff000ull;
}

static bool block_allowed(const struct ref_geom *g, int level)
{
	switch (g->gshift) {
	case 12:
		return level == 1 || level == 2 || (level == 0 && g->ds);
	case 14:
		return level == 2 || (level == 1 && g->ds);
	default:
		return level == 2 || (level == 1 && g->oa == 52);
	}
}

static uint64_t root_pa(const struct ref_regs *rr, const struct ref_geom *g)
{
	uint64_t b = rr->vttbr & 0x0000fffffffffffeull;

	if (g->oa == 52) /* BADDR[51:48] in VTTBR_EL2[5:2] */
		b = (b & ~0x3eull) | (bits(rr->vttbr, 5, 2) << 48);
	return b;
}

static enum ref_mem decode_mem(unsigned ma, bool fwb)
{
	if (fwb) {
		if (!(ma & 4))
			return (enum ref_mem)(REF_DEV_nGnRnE + (ma & 3));
		switch (ma & 7) {
		case 5:
			return REF_NORMAL_NC;
		case 6:
			return REF_NORMAL_WB;
		case 7:
			return REF_NORMAL_S1;
		default:
			return REF_MEM_BAD;
		}
	}
	if ((ma >> 2) == 0)
		return (enum ref_mem)(REF_DEV_nGnRnE + (ma & 3));
	if (ma == 0x5)
		return REF_NORMAL_NC;
	if (ma == 0xa)
		return REF_NORMAL_WT;
	if (ma == 0xf)
		return REF_NORMAL_WB;
	return REF_MEM_BAD; /* mixed inner/outer: not something the library writes */
}

/* Decode leaf @d (tr->level, base, size, desc_pa set); false with tr->error on a fault. */
static bool decode_leaf(const struct ref_regs *rr, const struct ref_geom *g, uint64_t d,
			bool check_group, struct ref_tr *tr)
{
	int level = tr->level;
	uint64_t ipa = tr->base;

	if (level == 3 && !(d & 2)) {
		tr->error = "reserved level-3 descriptor";
		return false;
	}
	if (level < 3 && !block_allowed(g, level)) {
		tr->error = "block at a level without blocks";
		return false;
	}
	tr->oa = desc_oa(g, d);
	if (tr->oa & (tr->size - 1)) {
		tr->error = "block output address misaligned";
		return false;
	}
	if (g->oa < 64 && (tr->oa >> g->oa)) {
		tr->error = "output address beyond PS";
		return false;
	}
	if (bits(d, 11, 11) || bits(d, 50, 50) || (!g->ds && bits(d, 49, 48)) ||
	    (!rr->xnx && bits(d, 53, 53))) {
		tr->error = "leaf RES0 bits set";
		return false;
	}
	tr->valid = true;
	tr->mem = decode_mem(bits(d, 5, 2), rr->fwb);
	if (tr->mem == REF_MEM_BAD) {
		tr->error = "unexpected MemAttr";
		return false;
	}
	tr->r = bits(d, 6, 6);
	tr->w = bits(d, 7, 7);
	/* AArch64.S2DirectBasePermissions: XN = bit 54, XNX = bit 53. */
	switch (bits(d, 54, 53)) {
	case 0:
		tr->x_el1 = tr->x_el0 = true;
		break;
	case 1:
		tr->x_el1 = false;
		tr->x_el0 = true;
		break;
	case 2:
		break;
	default:
		tr->x_el1 = true;
		tr->x_el0 = false;
		break;
	}
	tr->sh = g->ds ? bits(rr->vtcr, 13, 12) : bits(d, 9, 8);
	if (tr->sh == 1) {
		tr->error = "reserved shareability";
		return false;
	}
	tr->af = bits(d, 10, 10);
	tr->dbm = bits(d, 51, 51);
	tr->cont = bits(d, 52, 52);
	tr->sw = bits(d, 58, 55);
	if (tr->cont && check_group) {
		/* A contiguous group: aligned, all valid leaves with the hint, one
		 * output range, the same attributes (the access flag, software bits
		 * and, with DBM, the dirty state may differ). */
		unsigned n = ref_cont_entries(g->gshift, level);
		uint64_t gsize = tr->size * n, gbase = ipa & ~(gsize - 1);
		uint64_t pos = (ipa - gbase) / tr->size;
		uint64_t first_pa = tr->desc_pa - pos * 8, oa0 = tr->oa - pos * tr->size;
		uint64_t attr_mask = (0xfull << 2) | (1ull << 6) | (1ull << 7) | (3ull << 8) |
				     (1ull << 51) | (3ull << 53);

		if (n == 1) {
			tr->error = "contiguous hint where the level has none";
			return false;
		}
		if (oa0 & (gsize - 1)) {
			tr->error = "contiguous group output misaligned";
			return false;
		}
		if (g->ds)
			attr_mask &= ~(3ull << 8);
		if (tr->dbm)
			attr_mask &= ~(1ull << 7);
		for (unsigned i = 0; i < n; i++) {
			const uint64_t *q = rr->mem(rr->ctx, first_pa + i * 8);
			if (!q || !(*q & 1) || (level == 3) != !!(*q & 2) || !bits(*q, 52, 52) ||
			    desc_oa(g, *q) != oa0 + i * tr->size || ((*q ^ d) & attr_mask)) {
				tr->error = "misprogrammed contiguous group";
				return false;
			}
		}
	}
	return true;
}

bool ref_translate(const struct ref_regs *rr, uint64_t ipa, struct ref_tr *tr)
{
	struct ref_geom g;
	const char *err;
	uint64_t table, d;
	int level;

	*tr = (struct ref_tr){ 0 };
	if (!ref_geometry(rr, &g, &err)) {
		tr->error = err;
		return false;
	}
	if (g.ia < 64 && (ipa >> g.ia)) {
		tr->error = "IPA out of range";
		return false;
	}
	table = root_pa(rr, &g);
	if (table & ((uint64_t)g.root_entries * 8 - 1)) {
		tr->error = "root table misaligned";
		return false;
	}
	for (level = (int)g.start_level;; level++) {
		unsigned shift = g.gshift + (3 - level) * (g.gshift - 3);
		uint64_t idx = level == (int)g.start_level ? ipa >> shift
							   : bits(ipa, shift + g.gshift - 4, shift);
		const uint64_t *p = rr->mem(rr->ctx, table + idx * 8);

		if (!p) {
			tr->error = "walk outside memory";
			return false;
		}
		d = *p;
		tr->level = level;
		tr->size = 1ull << shift;
		tr->base = ipa & ~(tr->size - 1);
		tr->desc = d;
		tr->desc_pa = table + idx * 8;
		if (!(d & 1))
			return true; /* translation fault */
		if (level < 3 && (d & 2)) {
			/* Stage-2 table descriptors carry no attributes: [63:59] RES0. */
			if (bits(d, 63, 59)) {
				tr->error = "table descriptor RES0 bits set";
				return false;
			}
			table = desc_oa(&g, d);
			if (table & ((1ull << g.gshift) - 1)) {
				tr->error = "next table misaligned";
				return false;
			}
			if (g.oa < 64 && (table >> g.oa)) {
				tr->error = "table address beyond PS";
				return false;
			}
			continue;
		}
		break;
	}
	return decode_leaf(rr, &g, d, true, tr);
}

struct leaves_ctx {
	const struct ref_regs *rr;
	const struct ref_geom *g;
	bool (*fn)(void *ctx, const struct ref_tr *tr);
	void *ctx;
	bool stop;
};

static void leaves_at(struct leaves_ctx *c, uint64_t table, int level, uint64_t ipa,
		      uint64_t entries)
{
	const struct ref_geom *g = c->g;
	unsigned shift = g->gshift + (3 - level) * (g->gshift - 3);
	unsigned group = ref_cont_entries(g->gshift, level);

	for (uint64_t i = 0; i < entries && !c->stop; i++) {
		const uint64_t *p = c->rr->mem(c->rr->ctx, table + i * 8);
		struct ref_tr tr = { 0 };
		uint64_t d;

		tr.level = level;
		tr.size = 1ull << shift;
		tr.base = ipa + (i << shift);
		tr.desc_pa = table + i * 8;
		if (!p) {
			tr.error = "walk outside memory";
			c->stop = !c->fn(c->ctx, &tr);
			return;
		}
		d = *p;
		tr.desc = d;
		if (!(d & 1))
			continue;
		if (level < 3 && (d & 2)) {
			uint64_t next = desc_oa(g, d);
			if (bits(d, 63, 59) || (next & ((1ull << g->gshift) - 1)) ||
			    (g->oa < 64 && (next >> g->oa))) {
				tr.error = "malformed table descriptor";
				c->stop = !c->fn(c->ctx, &tr);
				return;
			}
			leaves_at(c, next, level + 1, tr.base, 1ull << (g->gshift - 3));
			continue;
		}
		decode_leaf(c->rr, g, d, i % group == 0, &tr);
		c->stop = !c->fn(c->ctx, &tr);
	}
}

bool ref_leaves(const struct ref_regs *rr, bool (*fn)(void *ctx, const struct ref_tr *tr),
		void *ctx)
{
	struct ref_geom g;
	struct leaves_ctx c = { rr, &g, fn, ctx, false };
	const char *err;

	if (!ref_geometry(rr, &g, &err))
		return false;
	leaves_at(&c, root_pa(rr, &g), (int)g.start_level, 0, g.root_entries);
	return !c.stop;
}

static void tables_at(const struct ref_regs *rr, const struct ref_geom *g, uint64_t pa, int level,
		      uint64_t ipa, uint64_t entries,
		      void (*fn)(void *ctx, uint64_t pa, int level, uint64_t ipa), void *ctx)
{
	unsigned shift = g->gshift + (3 - level) * (g->gshift - 3);

	fn(ctx, pa, level, ipa);
	if (level == 3)
		return;
	for (uint64_t i = 0; i < entries; i++) {
		const uint64_t *p = rr->mem(rr->ctx, pa + i * 8);
		if (p && (*p & 3) == 3)
			tables_at(rr, g, desc_oa(g, *p), level + 1, ipa + (i << shift),
				  1ull << (g->gshift - 3), fn, ctx);
	}
}

void ref_tables(const struct ref_regs *rr,
		void (*fn)(void *ctx, uint64_t pa, int level, uint64_t ipa), void *ctx)
{
	struct ref_geom g;
	const char *err;

	if (!ref_geometry(rr, &g, &err))
		return;
	tables_at(rr, &g, root_pa(rr, &g), (int)g.start_level, 0, g.root_entries, fn, ctx);
}

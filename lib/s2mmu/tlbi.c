/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Batched stage-2 TLB maintenance. An operation records the entries it
 * broke or changed as runs; at the end they are invalidated with the
 * fewest instructions the CPU offers (by IPA, by range, or the whole VMID),
 * then the stage-1 entries that may combine the old stage-2 translations
 * (D8, TLB maintenance: TLBI IPAS2E1IS affects stage-2-only entries; KVM and Xen follow
 * it with TLBI VMALLE1IS once the stage-2 invalidation has completed).
 */
#include "s2mmu_impl.h"

/* TLBI TG field (range forms) and TTL[3:2] (FEAT_TTL): the granule. */
static unsigned tlbi_tg(const struct armvirt_s2mmu_config *cfg)
{
	switch (cfg->granule_shift) {
	case 12:
		return 1;
	case 14:
		return 2;
	default:
		return 3;
	}
}

/* Bits of an address that are below every TLBI operand's unit. */
#define TLBI_IPA_UNIT_SHIFT 12
/* With FEAT_LPA2 the range BaseADDR counts 64KB units (VTCR_EL2.DS). */
#define TLBI_LPA2_RANGE_UNIT_SHIFT 16
#define TLBI_RANGE_SCALE_MAX 3u
#define TLBI_RANGE_NUM_MAX 32u

uint64_t s2_tlbi_ipa_arg(const struct armvirt_s2mmu_config *cfg, uint64_t ipa, unsigned level)
{
	uint64_t arg = armvirt_field_set(0, ARMVIRT_TLBI_IPA_ADDR_SHIFT,
					 ARMVIRT_TLBI_IPA_ADDR_WIDTH, ipa >> TLBI_IPA_UNIT_SHIFT);

	/* TTL[3:2] = granule, TTL[1:0] = level; 0 means no hint. */
	if ((cfg->features & ARMVIRT_S2MMU_FEAT_TTL) && level != 0)
		arg = armvirt_field_set(arg, ARMVIRT_TLBI_IPA_TTL_SHIFT, ARMVIRT_TLBI_IPA_TTL_WIDTH,
					(tlbi_tg(cfg) << 2) | level);
	return arg;
}

static uint64_t tlbi_range_arg(const struct armvirt_s2mmu_config *cfg, uint64_t ipa, unsigned num,
			       unsigned scale, unsigned level)
{
	unsigned unit = s2_lpa2(cfg) ? TLBI_LPA2_RANGE_UNIT_SHIFT : cfg->granule_shift;
	uint64_t arg = armvirt_field_set(0, ARMVIRT_TLBI_RANGE_BADDR_SHIFT,
					 ARMVIRT_TLBI_RANGE_BADDR_WIDTH, ipa >> unit);

	arg = armvirt_field_set(arg, ARMVIRT_TLBI_RANGE_TTL_SHIFT, ARMVIRT_TLBI_RANGE_TTL_WIDTH,
				level);
	arg = armvirt_field_set(arg, ARMVIRT_TLBI_RANGE_NUM_SHIFT, ARMVIRT_TLBI_RANGE_NUM_WIDTH,
				num - 1u);
	arg = armvirt_field_set(arg, ARMVIRT_TLBI_RANGE_SCALE_SHIFT, ARMVIRT_TLBI_RANGE_SCALE_WIDTH,
				scale);
	return armvirt_field_set(arg, ARMVIRT_TLBI_RANGE_TG_SHIFT, ARMVIRT_TLBI_RANGE_TG_WIDTH,
				 tlbi_tg(cfg));
}

/* Whether run @r covers [start, end) at least as strongly as (shift, level, nonleaf). */
static bool run_covers(const struct s2_tlb_run *r, uint64_t start, uint64_t end, unsigned shift,
		       unsigned level, bool nonleaf)
{
	return r->start <= start && end <= r->end && r->shift <= shift &&
	       (r->level == 0 || r->level == level) && (r->nonleaf || !nonleaf);
}

void s2_tlb_add(struct s2_op *op, uint64_t ipa, uint64_t size, unsigned shift, unsigned level,
		bool nonleaf)
{
	uint64_t end = ipa + size;

	if (op->tlb_all)
		return;
	if (op->nrun) { /* the common case: the next entry of the last run */
		struct s2_tlb_run *r = &op->run[op->nrun - 1];
		if (r->end == ipa && r->shift == shift && r->level == level &&
		    r->nonleaf == nonleaf) {
			r->end = end;
			return;
		}
	}
	for (unsigned i = 0; i < op->nrun; i++) {
		struct s2_tlb_run *r = &op->run[i];

		if (run_covers(r, ipa, end, shift, level, nonleaf))
			return;
		/* One op at an address invalidates every entry holding it. */
		if (r->start == ipa && r->end - r->start == UINT64_C(1) << r->shift &&
		    size == UINT64_C(1) << shift) {
			if (shift > r->shift) {
				r->shift = (uint8_t)shift;
				r->end = end;
			}
			if (r->level != level)
				r->level = 0;
			r->nonleaf = r->nonleaf || nonleaf;
			return;
		}
		if (r->shift != shift || r->level != level || r->nonleaf != nonleaf)
			continue;
		if (r->end == ipa) {
			r->end = end;
			return;
		}
		if (end == r->start) {
			r->start = ipa;
			return;
		}
	}
	if (op->nrun == S2_TLB_RUNS) {
		op->tlb_all = true; /* too scattered: the whole VMID it is */
		return;
	}
	op->run[op->nrun].start = ipa;
	op->run[op->nrun].end = end;
	op->run[op->nrun].shift = (uint8_t)shift;
	op->run[op->nrun].level = (uint8_t)level;
	op->run[op->nrun].nonleaf = nonleaf;
	op->nrun++;
}

static void tlbi_one(const struct armvirt_s2mmu_config *cfg, const struct s2_tlb_run *r,
		     uint64_t ipa)
{
	armvirt_port_tlbi(r->nonleaf ? ARMVIRT_TLBI_IPAS2E1IS : ARMVIRT_TLBI_IPAS2LE1IS,
			  s2_tlbi_ipa_arg(cfg, ipa, r->nonleaf ? 0 : r->level));
}

/*
 * Cover the run's pages with range invalidations, largest scale first so
 * that each base stays aligned to the BaseADDR unit (64KB with LPA2).
 * Returns the number of instructions; issues them if @issue.
 */
static uint64_t range_ops(const struct armvirt_s2mmu_config *cfg, const struct s2_tlb_run *r,
			  bool issue)
{
	unsigned g = cfg->granule_shift;
	uint64_t unit = s2_lpa2(cfg) ? UINT64_C(1) << (TLBI_LPA2_RANGE_UNIT_SHIFT - g) : 1;
	uint64_t page = r->start >> g, pages = (r->end - r->start) >> g, n = 0;
	unsigned level = r->nonleaf ? 0 : r->level;

	while (pages && (page & (unit - 1))) {
		if (issue)
			tlbi_one(cfg, r, page << g);
		page++;
		pages--;
		n++;
	}
	for (unsigned scale = TLBI_RANGE_SCALE_MAX + 1; scale-- > 0;) {
		uint64_t chunk = UINT64_C(1) << (5 * scale + 1);

		while (pages >= chunk) {
			uint64_t num = pages / chunk;

			if (num > TLBI_RANGE_NUM_MAX)
				num = TLBI_RANGE_NUM_MAX;
			if (issue)
				armvirt_port_tlbi(r->nonleaf ? ARMVIRT_TLBI_RIPAS2E1IS
							     : ARMVIRT_TLBI_RIPAS2LE1IS,
						  tlbi_range_arg(cfg, page << g, (unsigned)num,
								 scale, level));
			page += num * chunk;
			pages -= num * chunk;
			n++;
		}
	}
	if (pages) {
		if (issue)
			tlbi_one(cfg, r, page << g);
		n++;
	}
	return n;
}

static bool use_range(const struct armvirt_s2mmu_config *cfg, const struct s2_tlb_run *r)
{
	return (cfg->features & ARMVIRT_S2MMU_FEAT_TLBIRANGE) &&
	       range_ops(cfg, r, false) < ((r->end - r->start) >> r->shift);
}

static uint64_t run_ops(const struct armvirt_s2mmu_config *cfg, const struct s2_tlb_run *r)
{
	return use_range(cfg, r) ? range_ops(cfg, r, false) : (r->end - r->start) >> r->shift;
}

void s2_tlb_issue(struct s2_op *op)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	struct armvirt_s2mmu *s2 = op->s2;
	uint64_t total = 0;
	bool all = op->tlb_all, drop[S2_TLB_RUNS] = { false };
	unsigned kept = 0;

	/* Ascending order: sort the (few) runs by start. */
	for (unsigned i = 1; i < op->nrun; i++) {
		struct s2_tlb_run r = op->run[i];
		unsigned j = i;

		for (; j > 0 && op->run[j - 1].start > r.start; j--)
			op->run[j] = op->run[j - 1];
		op->run[j] = r;
	}
	/* A run issued as range operations covers any run inside it. */
	for (unsigned i = 0; i < op->nrun; i++) {
		const struct s2_tlb_run *r = &op->run[i];

		if (drop[i] || !use_range(cfg, r))
			continue;
		for (unsigned j = 0; j < op->nrun; j++) {
			const struct s2_tlb_run *q = &op->run[j];
			if (j != i && r->start <= q->start && q->end <= r->end &&
			    (r->nonleaf || !q->nonleaf) && (!r->level || q->level == r->level))
				drop[j] = true;
		}
	}
	for (unsigned i = 0; i < op->nrun; i++)
		if (!drop[i])
			op->run[kept++] = op->run[i];
	op->nrun = kept;
	for (unsigned i = 0; i < op->nrun && !all; i++) {
		total += run_ops(cfg, &op->run[i]);
		all = total > s2->tlbi_max_ops;
	}

	if (s2->ops.tlbi_enter)
		s2->ops.tlbi_enter(s2->ops.ctx);
	if (all) {
		armvirt_port_tlbi(ARMVIRT_TLBI_VMALLS12E1IS, 0);
		armvirt_port_dsb(ARMVIRT_PORT_ISH);
	} else {
		for (unsigned i = 0; i < op->nrun; i++) {
			const struct s2_tlb_run *r = &op->run[i];

			if (use_range(cfg, r)) {
				range_ops(cfg, r, true);
				continue;
			}
			for (uint64_t a = r->start; a < r->end; a += UINT64_C(1) << r->shift)
				tlbi_one(cfg, r, a);
		}
		/* Stage 2 first, completed, then the combined stage-1 entries. */
		armvirt_port_dsb(ARMVIRT_PORT_ISH);
		armvirt_port_tlbi(ARMVIRT_TLBI_VMALLE1IS, 0);
		armvirt_port_dsb(ARMVIRT_PORT_ISH);
	}
	if (s2->ops.tlbi_exit)
		s2->ops.tlbi_exit(s2->ops.ctx);
}

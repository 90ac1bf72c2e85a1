/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The update engine behind map, unmap, set_attr and dirty tracking.
 *
 * One operation runs in three passes over the IPA range:
 *  0. prepare: decide, entry by entry, what the operation will do and count
 *     the table pages it can need (an upper bound); take them all from the
 *     allocator or give them back and fail with nothing changed;
 *  1. commit: compute each entry's new value (recursing into tables, building
 *     new tables off-line from the reserve) and write it. An entry that can be
 *     rewritten in place is written; one that needs break-before-make, or a
 *     new table that must not be linked before a barrier, is left invalid
 *     holding its future value ("pending"). Detached tables are queued;
 *  2. after one DSB and the batched TLB invalidations, the pending entries are
 *     made valid; a final DSB publishes them and the queued pages are freed.
 * Both passes take every decision through decide(), so the count of pass 0
 * bounds the pages pass 1 takes.
 */
#include "s2mmu_impl.h"

/* End of the page lists kept in entry 0 of unlinked pages: an invalid descriptor. */
#define LIST_END (~S2_VALID)

/* How a table being visited can be seen by the hardware walkers. */
enum tmode {
	T_LIVE,	 /* linked: BBM and TLB maintenance apply */
	T_NEW,	 /* built by this operation, initialised, not linked yet */
	T_FRESH, /* built by this operation, not initialised: reads as all invalid */
};

/* What an operation does to one entry. */
enum decision {
	D_KEEP,	     /* leave it */
	D_LEAF,	     /* becomes the leaf (or invalid) value computed */
	D_DESCEND,   /* a table: apply the operation inside it */
	D_NEW_TABLE, /* needs a new table at the next level (fill or split) */
	D_EEXIST,    /* map without REPLACE over a mapping */
};

static inline uint64_t level_size(const struct armvirt_s2mmu_config *cfg, unsigned level)
{
	return UINT64_C(1) << s2_level_shift(cfg, level);
}

static inline s2_pte_t *page_at(const struct s2_op *op, uint64_t pa)
{
	return s2_table(op->s2, pa);
}

/* A pending entry's future value. */
static inline uint64_t unpend(uint64_t d)
{
	return (d & ~S2_PENDING) | S2_VALID;
}

/* What an entry is or will be once the operation completes. */
static inline uint64_t effective(uint64_t d)
{
	return s2_is_pending(d) ? unpend(d) : d;
}

/*
 * Leaf bits that must agree for leaves to form a contiguous group. With
 * hardware AF updates the entries of a group may differ in the access flag
 * (each keeps its own); a block has one, so merging requires equal ones.
 */
static uint64_t uniform_bits(const struct s2_op *op, uint64_t d, bool merge)
{
	uint64_t ignore = S2_CONT;

	if (!merge && (op->cfg->features & ARMVIRT_S2MMU_FEAT_HA))
		ignore |= S2_AF;
	return s2_leaf_bits(op->cfg, d) & ~ignore;
}

/* ---- Page lists --------------------------------------------------------- */

static uint64_t reserve_take(struct s2_op *op)
{
	uint64_t pa = op->reserve;

	op->reserve = s2_load(&page_at(op, pa)[0]);
	op->reserve_n--;
	return pa;
}

static void reserve_put(struct s2_op *op, uint64_t pa)
{
	s2_store(&page_at(op, pa)[0], op->reserve);
	op->reserve = pa;
	op->reserve_n++;
}

/*
 * Give a subtree built by this operation (never linked) back to the reserve.
 * Its entries are final values: no pending markers inside.
 */
static void release_new(struct s2_op *op, uint64_t pa, unsigned level)
{
	s2_pte_t *t = page_at(op, pa);

	if (level < S2_LAST_LEVEL) {
		for (uint64_t i = 0; i < s2_entries(op->cfg, level); i++) {
			uint64_t d = s2_load(&t[i]);
			if (s2_is_table(d, level))
				release_new(op, s2_oa_decode(op->cfg, d), level + 1);
		}
	}
	reserve_put(op, pa);
}

/*
 * Queue a subtree that was unlinked from a live table; its pages are freed
 * once the TLB invalidation has completed. Until then a walker holding a
 * stale walk-cache entry may still read them, so every value written here
 * (the list link, in entry 0) is an invalid descriptor. Returns log2 of the
 * smallest leaf the subtree holds (the stride its invalidation needs), or 0
 * if it holds none: then only the walk-cache entry of the table itself is
 * left to invalidate (emptied subtables were detached on their own).
 */
static unsigned detach(struct s2_op *op, uint64_t pa, unsigned level)
{
	s2_pte_t *t = page_at(op, pa);
	unsigned min_shift = 0;

	for (uint64_t i = 0; i < s2_entries(op->cfg, level); i++) {
		uint64_t d = effective(s2_load(&t[i]));
		unsigned s = 0;

		if (s2_is_table(d, level))
			s = detach(op, s2_oa_decode(op->cfg, d), level + 1);
		else if (s2_valid(d))
			s = s2_level_shift(op->cfg, level);
		if (s && (!min_shift || s < min_shift))
			min_shift = s;
		if (level == S2_LAST_LEVEL && min_shift)
			break; /* nothing smaller than a page */
	}
	s2_store(&t[0], op->deferred);
	op->deferred = pa;
	return min_shift;
}

/* ---- Decisions ---------------------------------------------------------- */

/* The entry at @idx of the table this operation would create under @parent. */
static uint64_t synth_child(const struct s2_op *op, unsigned level, uint64_t parent, uint64_t idx)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;

	if (!s2_valid(parent))
		return 0;
	return s2_make_leaf(cfg, level,
			    s2_oa_decode(cfg, parent) + (idx << s2_level_shift(cfg, level)),
			    s2_leaf_bits(cfg, parent) & ~S2_CONT);
}

static bool map_leaf_ok(const struct s2_op *op, unsigned level, uint64_t e_ipa)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;

	if (!s2_level_has_leaves(cfg, level))
		return false;
	if ((op->flags & ARMVIRT_S2MMU_PAGES) && level != S2_LAST_LEVEL)
		return false;
	return ((e_ipa + op->pa_delta) & (level_size(cfg, level) - 1)) == 0;
}

/* The value leaf @old (at @level, mapping @e_ipa) takes under the operation. */
static uint64_t leaf_transform(const struct s2_op *op, unsigned level, uint64_t e_ipa, uint64_t old)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	uint64_t track = s2_track_bit(cfg);
	uint64_t d = old & ~S2_CONT;

	switch (op->kind) {
	case S2_OP_MAP:
		return s2_make_leaf(cfg, level, e_ipa + op->pa_delta, op->bits);
	case S2_OP_UNMAP:
		return 0;
	case S2_OP_ATTR:
		d = (d & ~op->dmask) | (op->bits & op->dmask);
		if (op->amask & ARMVIRT_S2MMU_W) {
			if (!(op->attr & ARMVIRT_S2MMU_W))
				d &= ~track; /* no longer writable: tracking ends */
			else if (old & track)
				d = (d & ~S2_AP_W) | (old & S2_AP_W); /* keep clean or dirty */
		}
		return d;
	case S2_OP_DIRTY_START:
		if (!(d & (S2_AP_W | track)))
			return d; /* read-only: nothing to track */
		return (d & ~S2_AP_W) | track;
	case S2_OP_DIRTY_COLLECT:
		if ((d & track) && (d & S2_AP_W) && !(op->flags & S2_OP_PEEK))
			return d & ~S2_AP_W;
		return d;
	default: /* S2_OP_DIRTY_STOP */
		if (d & track)
			return (d & ~track) | S2_AP_W;
		return d;
	}
}

static enum decision decide(const struct s2_op *op, unsigned level, uint64_t e_ipa, uint64_t old,
			    uint64_t *leaf)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	uint64_t end = e_ipa + level_size(cfg, level);
	bool full = op->start <= e_ipa && end <= op->end;
	uint64_t t;

	switch (op->kind) {
	case S2_OP_MAP:
		if (!(op->flags & ARMVIRT_S2MMU_REPLACE)) {
			if (s2_is_table(old, level))
				return D_DESCEND;
			if (s2_valid(old))
				return D_EEXIST;
		}
		if (full && map_leaf_ok(op, level, e_ipa)) {
			*leaf = leaf_transform(op, level, e_ipa, old);
			return D_LEAF;
		}
		if (s2_is_table(old, level))
			return D_DESCEND;
		if (!s2_valid(old))
			return D_NEW_TABLE;
		break;
	case S2_OP_UNMAP:
		if (!s2_valid(old))
			return D_KEEP;
		if (full) {
			*leaf = 0;
			return D_LEAF;
		}
		if (s2_is_table(old, level))
			return D_DESCEND;
		break;
	default:
		if (!s2_valid(old))
			return D_KEEP;
		if (s2_is_table(old, level))
			return D_DESCEND;
		break;
	}
	/* A valid leaf the operation reaches. */
	t = leaf_transform(op, level, e_ipa, old);
	if (t == (old & ~S2_CONT))
		return D_KEEP;
	if (op->kind != S2_OP_MAP && full &&
	    (!(op->flags & ARMVIRT_S2MMU_PAGES) || level == S2_LAST_LEVEL)) {
		*leaf = t;
		return D_LEAF;
	}
	return D_NEW_TABLE;
}

/* ---- Pass 0: prepare ------------------------------------------------------ */

static int count_table(struct s2_op *op, unsigned level, uint64_t base, s2_pte_t *tbl,
		       uint64_t parent, uint64_t *need);

static int count_entry(struct s2_op *op, unsigned level, uint64_t e_ipa, uint64_t old,
		       uint64_t *need)
{
	uint64_t leaf;

	switch (decide(op, level, e_ipa, old, &leaf)) {
	case D_EEXIST:
		return ARMVIRT_EEXIST;
	case D_DESCEND:
		return count_table(op, level + 1, e_ipa, page_at(op, s2_oa_decode(op->cfg, old)), 0,
				   need);
	case D_NEW_TABLE:
		(*need)++;
		return count_table(op, level + 1, e_ipa, NULL, old, need);
	default:
		return ARMVIRT_OK;
	}
}

/*
 * Pages needed inside the table at @level mapping from @base: the live table
 * @tbl, or (tbl NULL) the one the operation would build under @parent.
 */
static int count_table(struct s2_op *op, unsigned level, uint64_t base, s2_pte_t *tbl,
		       uint64_t parent, uint64_t *need)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	unsigned shift = s2_level_shift(cfg, level);
	uint64_t lo = op->start > base ? op->start : base;
	uint64_t top = base + (s2_entries(cfg, level) << shift);
	uint64_t hi = op->end < top ? op->end : top;
	uint64_t i0 = (lo - base) >> shift, i1 = (hi - 1 - base) >> shift;
	uint64_t before;
	int rc;

	if (level == S2_LAST_LEVEL) {
		/* Pages need no table; only an overlap can stop a map. */
		if (tbl && op->kind == S2_OP_MAP && !(op->flags & ARMVIRT_S2MMU_REPLACE))
			for (uint64_t i = i0; i <= i1; i++)
				if (s2_valid(s2_load(&tbl[i])))
					return ARMVIRT_EEXIST;
		return ARMVIRT_OK;
	}
	if (tbl) {
		for (uint64_t i = i0; i <= i1; i++) {
			rc = count_entry(op, level, base + (i << shift), s2_load(&tbl[i]), need);
			if (rc)
				return rc;
		}
		return ARMVIRT_OK;
	}
	/*
	 * A table to be built is uniform: the entries strictly inside the range
	 * all decide alike (same alignment, same old attributes), so one stands
	 * for them all.
	 */
	rc = count_entry(op, level, base + (i0 << shift), synth_child(op, level, parent, i0), need);
	if (rc || i1 == i0)
		return rc;
	if (i1 - i0 > 1) {
		before = *need;
		rc = count_entry(op, level, base + ((i0 + 1) << shift),
				 synth_child(op, level, parent, i0 + 1), need);
		if (rc)
			return rc;
		*need += (*need - before) * (i1 - i0 - 2);
	}
	return count_entry(op, level, base + (i1 << shift), synth_child(op, level, parent, i1),
			   need);
}

/* ---- Pass 1: commit ------------------------------------------------------- */

static void table_visit(struct s2_op *op, s2_pte_t *tbl, unsigned level, uint64_t base,
			enum tmode mode);

static void pend_note(struct s2_op *op, uint64_t e_ipa, uint64_t size)
{
	if (!op->pending || e_ipa < op->pend_lo)
		op->pend_lo = e_ipa;
	if (!op->pending || e_ipa + size > op->pend_hi)
		op->pend_hi = e_ipa + size;
	op->pending++;
}

/*
 * Outcome of a table the operation went through: 0 if it is now empty, the
 * block it can become if its entries form one aligned, uniform run, or
 * @keep (the table descriptor) otherwise.
 */
static uint64_t table_result(struct s2_op *op, s2_pte_t *t, unsigned level, uint64_t keep)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	uint64_t n = s2_entries(cfg, level), step = level_size(cfg, level);
	uint64_t first = effective(s2_load(&t[0])), oa0, bits0;

	if (!s2_valid(first)) {
		for (uint64_t i = 1; i < n; i++)
			if (s2_valid(effective(s2_load(&t[i]))))
				return keep;
		return 0;
	}
	if ((op->flags & ARMVIRT_S2MMU_PAGES) || !s2_level_has_leaves(cfg, level - 1) ||
	    !s2_is_leaf(first, level) || (first & s2_track_bit(cfg)))
		return keep;
	oa0 = s2_oa_decode(cfg, first);
	if (oa0 & (level_size(cfg, level - 1) - 1))
		return keep;
	bits0 = uniform_bits(op, first, true);
	for (uint64_t i = 1; i < n; i++) {
		uint64_t d = effective(s2_load(&t[i]));
		if (!s2_is_leaf(d, level) || s2_oa_decode(cfg, d) != oa0 + i * step ||
		    uniform_bits(op, d, true) != bits0)
			return keep;
	}
	return s2_make_leaf(cfg, level - 1, oa0, s2_leaf_bits(cfg, first) & ~S2_CONT);
}

/* Fill a new table with the split of block @parent; uniform groups keep the hint. */
static void split_fill(struct s2_op *op, s2_pte_t *t, unsigned level, uint64_t parent)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	uint64_t cont = 0;

	if (s2_cont_entries(cfg, level) > 1 && !(op->flags & ARMVIRT_S2MMU_PAGES) &&
	    !(parent & s2_track_bit(cfg)))
		cont = S2_CONT;
	for (uint64_t i = 0; i < s2_entries(cfg, level); i++)
		s2_store(&t[i], synth_child(op, level, parent, i) | cont);
}

static void dirty_mark(struct s2_op *op, unsigned level, uint64_t e_ipa)
{
	unsigned g = op->cfg->granule_shift;
	uint64_t a = e_ipa > op->start ? e_ipa : op->start;
	uint64_t end = e_ipa + level_size(op->cfg, level);

	end = end < op->end ? end : op->end;
	for (; a < end; a += UINT64_C(1) << g) {
		uint64_t n = (a - op->start) >> g;
		op->bitmap[n / 64] |= UINT64_C(1) << (n % 64);
		op->dirty++;
	}
}

static uint64_t entry_compute(struct s2_op *op, unsigned level, uint64_t e_ipa, uint64_t old,
			      enum tmode mode)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	uint64_t leaf = old, pa, r;
	s2_pte_t *child;

	if (op->kind == S2_OP_DIRTY_COLLECT && s2_is_leaf(old, level) &&
	    (old & s2_track_bit(cfg)) && (old & S2_AP_W))
		dirty_mark(op, level, e_ipa);

	switch (decide(op, level, e_ipa, old, &leaf)) {
	case D_LEAF:
		return leaf;
	case D_DESCEND:
		child = page_at(op, s2_oa_decode(cfg, old));
		table_visit(op, child, level + 1, e_ipa, mode == T_LIVE ? T_LIVE : T_NEW);
		return table_result(op, child, level + 1, old);
	case D_NEW_TABLE:
		pa = reserve_take(op);
		child = page_at(op, pa);
		if (s2_valid(old)) {
			split_fill(op, child, level + 1, old);
			table_visit(op, child, level + 1, e_ipa, T_NEW);
		} else {
			table_visit(op, child, level + 1, e_ipa, T_FRESH);
		}
		r = table_result(op, child, level + 1, s2_make_table(cfg, pa));
		if (r != s2_make_table(cfg, pa))
			release_new(op, pa, level + 1);
		return r;
	default: /* D_KEEP; D_EEXIST was ruled out by pass 0 */
		return old;
	}
}

/* A leaf change that the architecture requires break-before-make for (D8, "Using
 * break-before-make when updating translation table entries"). */
static bool needs_bbm(const struct s2_op *op, unsigned level, uint64_t old, uint64_t nw)
{
	uint64_t bbm_bits = S2_MEMATTR | S2_CONT | (s2_lpa2(op->cfg) ? 0 : S2_SH);

	if (!s2_valid(old) || !s2_valid(nw))
		return false;
	if (s2_is_table(old, level) || s2_is_table(nw, level))
		return old != nw;
	return s2_oa_decode(op->cfg, old) != s2_oa_decode(op->cfg, nw) ||
	       ((old ^ nw) & bbm_bits) != 0;
}

/* An in-place leaf change that cached translations must not outlive. */
static bool needs_tlbi(uint64_t old, uint64_t nw)
{
	if ((old ^ nw) & (S2_AP_R | S2_AP_W | S2_XN | S2_DBM))
		return true;
	/* Entries that fault on the access flag are never cached: setting it is free. */
	return (old & S2_AF) && !(nw & S2_AF);
}

static bool hw_updates(const struct s2_op *op)
{
	return (op->cfg->features & (ARMVIRT_S2MMU_FEAT_HA | ARMVIRT_S2MMU_FEAT_HD)) != 0;
}

/*
 * The new value of leaf @cur, recomputed from what is in the descriptor now:
 * with hardware AF/dirty updates it may have changed since the operation
 * first read it, and a dirty state set meanwhile must not be lost. A map
 * computes its leaves from its own arguments only; a neighbour outside the
 * range only changes its contiguous hint.
 */
static uint64_t refresh(const struct s2_op *op, unsigned level, uint64_t e_ipa, uint64_t cur,
			uint64_t nw)
{
	if (e_ipa >= op->end || e_ipa + level_size(op->cfg, level) <= op->start)
		return (cur & ~S2_CONT) | (nw & S2_CONT);
	if (op->kind == S2_OP_MAP)
		return nw;
	return leaf_transform(op, level, e_ipa, cur) | (nw & S2_CONT);
}

/*
 * Rewrite a leaf in place. With hardware AF/dirty updates, compare-and-swap
 * against what is there, recomputing until nothing changed in between.
 */
static void update_leaf(struct s2_op *op, s2_pte_t *p, unsigned level, uint64_t e_ipa, uint64_t old,
			uint64_t nw)
{
	if (!hw_updates(op)) {
		s2_store(p, nw);
		return;
	}
	do
		nw = refresh(op, level, e_ipa, old, nw);
	while (!atomic_compare_exchange_strong_explicit(p, &old, nw, memory_order_relaxed,
							memory_order_relaxed));
}

/* Break a valid entry: invalid now, @nw after the TLB invalidation. */
static void break_entry(struct s2_op *op, s2_pte_t *p, unsigned level, uint64_t e_ipa, uint64_t old,
			uint64_t nw)
{
	if (!s2_valid(nw)) {
		s2_store(p, 0);
		return;
	}
	if (hw_updates(op) && s2_is_leaf(old, level) && s2_is_leaf(nw, level)) {
		/* Keep the hardware's last AF/dirty update in the new value. */
		uint64_t got = atomic_exchange_explicit(p, 0, memory_order_relaxed);
		nw = refresh(op, level, e_ipa, got, nw);
	}
	s2_store(p, (nw & ~S2_VALID) | S2_PENDING);
	pend_note(op, e_ipa, level_size(op->cfg, level));
}

/* Recompute the contiguous hint of a group of new values (D8, "The Contiguous bit"). */
static void group_fold(const struct s2_op *op, unsigned level, uint64_t *v, unsigned g)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	unsigned shift = s2_level_shift(cfg, level);
	uint64_t oa0, bits0;

	for (unsigned j = 0; j < g; j++)
		if (s2_is_leaf(v[j], level))
			v[j] &= ~S2_CONT;
	if ((op->flags & ARMVIRT_S2MMU_PAGES) || !s2_is_leaf(v[0], level) ||
	    (v[0] & s2_track_bit(cfg)))
		return;
	oa0 = s2_oa_decode(cfg, v[0]);
	if (oa0 & (((uint64_t)g << shift) - 1))
		return;
	bits0 = uniform_bits(op, v[0], false);
	for (unsigned j = 1; j < g; j++)
		if (!s2_is_leaf(v[j], level) ||
		    s2_oa_decode(cfg, v[j]) != oa0 + ((uint64_t)j << shift) ||
		    uniform_bits(op, v[j], false) != bits0)
			return;
	for (unsigned j = 0; j < g; j++)
		v[j] |= S2_CONT;
}

/* Write a group's new values @v to the entries @t. */
static void group_apply(struct s2_op *op, s2_pte_t *t, unsigned level, uint64_t gbase,
			const uint64_t *v, unsigned g, enum tmode mode)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	unsigned shift = s2_level_shift(cfg, level);
	uint64_t size = UINT64_C(1) << shift;
	/*
	 * A contiguous group is uniform before and after, so a change to it is
	 * either the same permission change on every entry (done in place, as
	 * the architecture allows) or one that needs_bbm() flags on every valid
	 * entry, the hint itself included. Entries joining a group being formed
	 * wait with the others until the group's old entries are invalidated.
	 */
	bool new_cont = g > 1 && s2_is_leaf(v[0], level) && (v[0] & S2_CONT);

	if (mode != T_LIVE) {
		for (unsigned j = 0; j < g; j++)
			if (mode == T_FRESH || s2_load(&t[j]) != v[j])
				s2_store(&t[j], v[j]);
		return;
	}
	for (unsigned j = 0; j < g; j++) {
		uint64_t old = s2_load(&t[j]), nw = v[j], e_ipa = gbase + ((uint64_t)j << shift);

		if (old == nw)
			continue;
		if (s2_is_table(old, level)) {
			unsigned stride = detach(op, s2_oa_decode(cfg, old), level + 1);

			if (stride)
				s2_tlb_add(op, e_ipa, size, stride, 0, true);
			else /* one invalidation anywhere in the span drops the walk cache */
				s2_tlb_add(op, e_ipa, UINT64_C(1) << cfg->granule_shift,
					   cfg->granule_shift, 0, true);
			break_entry(op, &t[j], level, e_ipa, old, nw);
		} else if (s2_valid(old)) {
			bool bbm = needs_bbm(op, level, old, nw);

			if (bbm || !s2_valid(nw) || needs_tlbi(old, nw))
				s2_tlb_add(op, e_ipa, size, shift, level, false);
			if (bbm || !s2_valid(nw))
				break_entry(op, &t[j], level, e_ipa, old, nw);
			else
				update_leaf(op, &t[j], level, e_ipa, old, nw);
		} else if (s2_is_table(nw, level) || new_cont) {
			/* A new table is linked only after the barrier. */
			s2_store(&t[j], (nw & ~S2_VALID) | S2_PENDING);
			pend_note(op, e_ipa, size);
		} else {
			s2_store(&t[j], nw);
		}
		op->wrote = true;
	}
}

static uint64_t *group_buf(struct s2_op *op, unsigned level, uint64_t *single)
{
	if (level == 2)
		return &op->s2->scratch_[0];
	if (level == S2_LAST_LEVEL)
		return &op->s2->scratch_[32];
	return single;
}

/* t[k] = v + k * step for k < n, in an order the compiler can widen. */
static void fill_run(uint64_t *t, uint64_t v, uint64_t step, uint64_t n)
{
	uint64_t k = 0;

	for (; k + 4 <= n; k += 4) {
		t[k] = v;
		t[k + 1] = v + step;
		t[k + 2] = v + 2 * step;
		t[k + 3] = v + 3 * step;
		v += 4 * step;
	}
	for (; k < n; k++, v += step)
		t[k] = v;
}

/*
 * Mapping pages into a last-level table this operation has just built: the
 * common case of a large map, written as one run. Every decision the general
 * path would take is known: each entry in range becomes the next page, full
 * aligned groups take the contiguous hint, the rest of the table is invalid.
 * Returns false (nothing written) if the output addresses do not encode
 * linearly across the run (a 52-bit address crossing into the high bits).
 */
static bool fresh_pages(struct s2_op *op, s2_pte_t *tbl, uint64_t base, uint64_t i0, uint64_t i1)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	unsigned shift = cfg->granule_shift, g = s2_cont_entries(cfg, S2_LAST_LEVEL);
	uint64_t n = s2_entries(cfg, S2_LAST_LEVEL), oa0 = base + (i0 << shift) + op->pa_delta;
	uint64_t d0 = s2_make_leaf(cfg, S2_LAST_LEVEL, oa0, op->bits), step = UINT64_C(1) << shift;
	uint64_t first_group = (i0 + g - 1) / g * g, end_group = (i1 + 1) / g * g, i;
	bool cont = !(op->flags & ARMVIRT_S2MMU_PAGES) &&
		    ((oa0 - (i0 << shift)) & (((uint64_t)g << shift) - 1)) == 0;
	uint64_t *t = (uint64_t *)tbl;

	if (s2_oa_decode(cfg, d0 + (i1 - i0) * step) != oa0 + ((i1 - i0) << shift))
		return false;
	if (!cont || first_group >= end_group)
		first_group = end_group = i0;
	/*
	 * No walker can see this table yet (it is linked after a barrier), so
	 * plain stores are enough and the compiler may widen them. An atomic
	 * type is a qualified version of its type: the later atomic accesses
	 * alias these (C11 6.5p7).
	 */
	for (i = 0; i < i0; i++)
		t[i] = 0;
	fill_run(&t[i], d0, step, first_group - i);
	fill_run(&t[first_group], (d0 + (first_group - i0) * step) | S2_CONT, step,
		 end_group - first_group);
	fill_run(&t[end_group], d0 + (end_group - i0) * step, step, i1 + 1 - end_group);
	for (i = i1 + 1; i < n; i++)
		t[i] = 0;
	return true;
}

static void table_visit(struct s2_op *op, s2_pte_t *tbl, unsigned level, uint64_t base,
			enum tmode mode)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	unsigned shift = s2_level_shift(cfg, level);
	uint64_t n = s2_entries(cfg, level);
	uint64_t lo = op->start > base ? op->start : base;
	uint64_t top = base + (n << shift);
	uint64_t hi = op->end < top ? op->end : top;
	uint64_t i0 = (lo - base) >> shift, i1 = (hi - 1 - base) >> shift;
	unsigned g = s2_cont_entries(cfg, level);
	uint64_t single, gi;
	uint64_t *buf = group_buf(op, level, &single);

	if (mode == T_FRESH && op->kind == S2_OP_MAP && level == S2_LAST_LEVEL &&
	    fresh_pages(op, tbl, base, i0, i1))
		return;
	for (gi = i0 - i0 % g; gi <= i1; gi += g) {
		uint64_t gbase = base + (gi << shift);

		for (unsigned j = 0; j < g; j++) {
			uint64_t i = gi + j;
			uint64_t old = mode == T_FRESH ? 0 : s2_load(&tbl[i]);

			buf[j] = (i < i0 || i > i1)
					 ? old
					 : entry_compute(op, level, gbase + ((uint64_t)j << shift),
							 old, mode);
		}
		if (g > 1)
			group_fold(op, level, buf, g);
		group_apply(op, &tbl[gi], level, gbase, buf, g, mode);
	}
	if (mode == T_FRESH) {
		for (uint64_t i = 0; i < i0 - i0 % g; i++)
			s2_store(&tbl[i], 0);
		for (uint64_t i = gi; i < n; i++)
			s2_store(&tbl[i], 0);
	}
}

/* ---- Pass 2: make ----------------------------------------------------------- */

static void make_pending(struct s2_op *op, s2_pte_t *tbl, unsigned level, uint64_t base)
{
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	unsigned shift = s2_level_shift(cfg, level);
	uint64_t lo = op->pend_lo > base ? op->pend_lo : base;
	uint64_t top = base + (s2_entries(cfg, level) << shift);
	uint64_t hi = op->pend_hi < top ? op->pend_hi : top;

	if (lo >= hi)
		return;
	for (uint64_t i = (lo - base) >> shift; i <= (hi - 1 - base) >> shift; i++) {
		uint64_t d = s2_load(&tbl[i]);

		if (s2_is_pending(d))
			s2_store(&tbl[i], unpend(d));
		else if (s2_is_table(d, level))
			make_pending(op, page_at(op, s2_oa_decode(cfg, d)), level + 1,
				     base + (i << shift));
	}
}

/* ---- Driver --------------------------------------------------------------- */

static void free_list(struct s2_op *op, uint64_t head)
{
	struct armvirt_s2mmu *s2 = op->s2;

	while (head != LIST_END) {
		uint64_t next = s2_load(&page_at(op, head)[0]);
		s2->ops.free_page(s2->ops.ctx, armvirt_pa(head));
		op->released++;
		head = next;
	}
}

int s2_op_init(struct s2_op *op, struct armvirt_s2mmu *s2, enum s2_op_kind kind, armvirt_ipa_t ipa,
	       uint64_t size, uint32_t flags)
{
	const struct armvirt_s2mmu_config *cfg = &s2->cfg;
	uint64_t start = armvirt_ipa_val(ipa), gmask = (UINT64_C(1) << cfg->granule_shift) - 1;

	*op = (struct s2_op){ 0 };
	if ((start | size) & gmask)
		return ARMVIRT_EALIGN;
	if (size == 0 || start >> cfg->ipa_bits || size > (UINT64_C(1) << cfg->ipa_bits) - start)
		return ARMVIRT_ERANGE;
	op->s2 = s2;
	op->cfg = cfg;
	op->kind = kind;
	op->flags = flags;
	op->start = start;
	op->end = start + size;
	op->reserve = LIST_END;
	op->deferred = LIST_END;
	return ARMVIRT_OK;
}

int s2_op_run(struct s2_op *op)
{
	struct armvirt_s2mmu *s2 = op->s2;
	const struct armvirt_s2mmu_config *cfg = op->cfg;
	s2_pte_t *root = (s2_pte_t *)armvirt_va_ptr(s2->root_va);
	uint64_t need = 0;
	bool tlb;
	int rc;

	rc = count_table(op, cfg->start_level, 0, root, 0, &need);
	if (rc)
		return rc;
	while (op->reserve_n < need) {
		armvirt_pa_t pa;
		if (s2->ops.alloc_page(s2->ops.ctx, &pa) < 0) {
			free_list(op, op->reserve);
			return ARMVIRT_ENOMEM;
		}
		reserve_put(op, armvirt_pa_val(pa));
		op->allocated++;
	}

	table_visit(op, root, cfg->start_level, 0, T_LIVE);

	tlb = op->nrun != 0 || op->tlb_all;
	if (tlb || op->pending)
		armvirt_port_dsb(ARMVIRT_PORT_ISHST);
	if (tlb)
		s2_tlb_issue(op);
	if (op->pending)
		make_pending(op, root, cfg->start_level, 0);
	if (op->pending || (op->wrote && !tlb))
		armvirt_port_dsb(ARMVIRT_PORT_ISHST);

	free_list(op, op->deferred);
	free_list(op, op->reserve);
	s2->table_pages += op->allocated;
	s2->table_pages -= op->released;
	return ARMVIRT_OK;
}

/* ---- Public entry points ------------------------------------------------ */

int armvirt_s2mmu_init(struct armvirt_s2mmu *s2, const struct armvirt_s2mmu_config *cfg,
		       armvirt_pa_t root, const struct armvirt_s2mmu_ops *ops)
{
	uint64_t size, pa = armvirt_pa_val(root);
	s2_pte_t *t;

	if (!ops || !ops->alloc_page || !ops->free_page || !cfg)
		return ARMVIRT_EINVAL;
	if ((cfg->granule_shift != 12 && cfg->granule_shift != 14 && cfg->granule_shift != 16) ||
	    cfg->start_level > S2_LAST_LEVEL || cfg->root_pages == 0 || cfg->ipa_bits > 52 ||
	    cfg->ipa_bits <= s2_level_shift(cfg, cfg->start_level))
		return ARMVIRT_EINVAL;
	size = armvirt_s2mmu_root_size(cfg);
	if (pa & (size - 1))
		return ARMVIRT_EALIGN;
	if (pa >> cfg->pa_bits)
		return ARMVIRT_ERANGE;

	*s2 = (struct armvirt_s2mmu){ 0 };
	s2->cfg = *cfg;
	s2->ops = *ops;
	s2->root_pa = root;
	s2->root_va = s2_va(s2, pa);
	s2->tlbi_max_ops = ARMVIRT_S2MMU_TLBI_MAX_OPS_DEFAULT;
	t = (s2_pte_t *)armvirt_va_ptr(s2->root_va);
	for (uint64_t i = 0; i < size >> S2_DESC_BITS; i++)
		s2_store(&t[i], 0);
	return ARMVIRT_OK;
}

int armvirt_s2mmu_map(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, armvirt_pa_t pa, uint64_t size,
		      armvirt_s2mmu_attr_t attr, uint32_t flags)
{
	struct s2_op op;
	uint64_t p = armvirt_pa_val(pa);
	int rc = s2_op_init(&op, s2, S2_OP_MAP, ipa, size, flags);

	if (rc)
		return rc;
	if (p & ((UINT64_C(1) << s2->cfg.granule_shift) - 1))
		return ARMVIRT_EALIGN;
	if (p >> s2->cfg.pa_bits || size > (UINT64_C(1) << s2->cfg.pa_bits) - p)
		return ARMVIRT_ERANGE;
	if (flags & ~(ARMVIRT_S2MMU_REPLACE | ARMVIRT_S2MMU_PAGES))
		return ARMVIRT_EINVAL;
	rc = s2_attr_encode(&s2->cfg, attr, &op.bits);
	if (rc)
		return rc;
	op.pa_delta = p - op.start;
	return s2_op_run(&op);
}

int armvirt_s2mmu_unmap(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, uint64_t size, uint32_t flags)
{
	struct s2_op op;
	int rc = s2_op_init(&op, s2, S2_OP_UNMAP, ipa, size, flags);

	if (rc)
		return rc;
	if (flags)
		return ARMVIRT_EINVAL;
	return s2_op_run(&op);
}

int armvirt_s2mmu_set_attr(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, uint64_t size,
			   armvirt_s2mmu_attr_t attr, armvirt_s2mmu_attr_t mask, uint32_t flags)
{
	struct s2_op op;
	int rc = s2_op_init(&op, s2, S2_OP_ATTR, ipa, size, flags);
	uint64_t bits;

	if (rc)
		return rc;
	if (flags & ~ARMVIRT_S2MMU_PAGES)
		return ARMVIRT_EINVAL;
	rc = s2_attr_desc_mask(&s2->cfg, mask, &op.dmask);
	if (rc)
		return rc;
	rc = s2_attr_encode(&s2->cfg, attr & mask, &bits);
	if (rc)
		return rc;
	op.bits = bits;
	op.amask = mask;
	op.attr = attr & mask;
	return s2_op_run(&op);
}

int armvirt_s2mmu_destroy(struct armvirt_s2mmu *s2)
{
	return armvirt_s2mmu_unmap(s2, armvirt_ipa(0), UINT64_C(1) << s2->cfg.ipa_bits, 0);
}

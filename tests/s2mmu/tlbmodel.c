/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A TLB model that checks the library's break-before-make and TLB
 * maintenance against the architecture's rules, at every barrier.
 *
 * The TLB may cache any valid leaf (a contiguous group as one entry) at any
 * time, and any table descriptor (walk cache). A stage-1+2 combined cache may
 * be refilled from the stage-2 cache at any time. At each DSB the model takes
 * the table state (with the reference walker), and:
 *  - flags two cached translations of one IPA that differ in anything but
 *    permissions and the access flag: the TLB conflict (or loss of
 *    coherence) break-before-make exists to prevent (D8, "Using break-before-make ...");
 *  - applies the TLBIs that the DSB completes (a DSB ISHST completes none):
 *    by IPA (with the TTL hint: only entries of that level are guaranteed
 *    gone), by range, leaf-only forms leaving the walk cache alone,
 *    VMALLE1 clearing the combined cache only, VMALLS12E1 everything;
 * and when a table page is given back to the allocator, flags any walk-cache
 * entry still pointing at it. At the end of an operation every cached entry
 * must match the tables exactly, permissions included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

struct tent {
	uint64_t ipa, size, oa;
	int level;
	uint8_t mem, sh;
	bool r, w, x1, x0, af;
};

struct twc {
	uint64_t ipa, size, pa;
	int level;
};

struct vec {
	void *p;
	size_t n, cap, esz;
};

/*
 * The caches are represented as the current translations (which the TLB may
 * hold at any time) plus the stale ones it may still hold: only those can
 * conflict or outlive the operation.
 */
struct tlbm {
	struct hx *h;
	struct vec cur, prev;	  /* current leaves, sorted; those of the last snapshot */
	struct vec stale, cstale; /* stale stage-2 and combined entries */
	struct vec curt, prevt;	  /* current tables, sorted */
	struct vec wstale;	  /* stale walk-cache entries */
	struct {
		enum armvirt_port_tlbi op;
		uint64_t arg;
	} pend[4096];
	size_t npend;
	bool ha;
	bool failed;
};

static void *vpush(struct vec *v)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->p = realloc(v->p, v->cap * v->esz);
	}
	return (char *)v->p + v->n++ * v->esz;
}

static void mfail(struct tlbm *m, const char *fmt, unsigned long long a, unsigned long long b)
{
	m->failed = true;
	if (m->h->failure[0])
		return;
	snprintf(m->h->failure, sizeof(m->h->failure), fmt, a, b);
}

#define CMP(x, y)                                                                                  \
	do {                                                                                       \
		if ((x) != (y))                                                                    \
			return (x) < (y) ? -1 : 1;                                                 \
	} while (0)

static int tent_cmp(const void *a, const void *b)
{
	const struct tent *x = a, *y = b;

	CMP(x->ipa, y->ipa);
	CMP(x->size, y->size);
	CMP(x->oa, y->oa);
	CMP(x->level, y->level);
	CMP(x->mem, y->mem);
	CMP(x->sh, y->sh);
	CMP(x->r, y->r);
	CMP(x->w, y->w);
	CMP(x->x1, y->x1);
	CMP(x->x0, y->x0);
	CMP(x->af, y->af);
	return 0;
}

static int twc_cmp(const void *a, const void *b)
{
	const struct twc *x = a, *y = b;

	CMP(x->ipa, y->ipa);
	CMP(x->size, y->size);
	CMP(x->pa, y->pa);
	CMP(x->level, y->level);
	return 0;
}

/* Two cached translations of overlapping IPAs that the TLB may not hold together. */
static bool conflict(const struct tent *a, const struct tent *b)
{
	if (a->ipa >= b->ipa + b->size || b->ipa >= a->ipa + a->size)
		return false;
	return a->ipa != b->ipa || a->size != b->size || a->level != b->level || a->oa != b->oa ||
	       a->mem != b->mem || a->sh != b->sh;
}

/* Index of the first current entry ending after @ipa (the current entries are disjoint). */
static size_t cur_from(const struct tlbm *m, uint64_t ipa)
{
	const struct tent *c = m->cur.p;
	size_t lo = 0, hi = m->cur.n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c[mid].ipa + c[mid].size <= ipa)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool in_cur(const struct tlbm *m, const struct tent *e)
{
	size_t i = cur_from(m, e->ipa);
	return i < m->cur.n && tent_cmp(&((const struct tent *)m->cur.p)[i], e) == 0;
}

static bool in_vec(const struct vec *v, const void *e, int (*cmp)(const void *, const void *))
{
	return v->n && bsearch(e, v->p, v->n, v->esz, cmp);
}

/* Add to the sorted set @v the entries of sorted @from that are not in sorted @except. */
static void add_missing(struct vec *v, const struct vec *from, const struct vec *except,
			int (*cmp)(const void *, const void *))
{
	const char *f = from->p;
	size_t es = v->esz;
	bool added = false;

	for (size_t i = 0; i < from->n; i++) {
		const void *e = f + i * es;
		if (in_vec(except, e, cmp) || in_vec(v, e, cmp))
			continue;
		memcpy(vpush(v), e, es);
		added = true;
	}
	if (added)
		qsort(v->p, v->n, es, cmp);
}

static void collect_table(void *ctx, uint64_t pa, int level, uint64_t ipa)
{
	struct tlbm *m = ctx;
	struct hx *h = m->h;
	unsigned g = h->cfg.granule_shift;
	struct twc *t;

	if (pa == h->root_pa)
		return;
	t = vpush(&m->curt);
	memset(t, 0, sizeof(*t));
	t->pa = pa;
	t->level = level;
	t->ipa = ipa;
	t->size = 1ull << (g + (3 - (unsigned)level) * (g - 3) + (g - 3));
}

static bool collect_leaf(void *ctx, const struct ref_tr *tr)
{
	struct tlbm *m = ctx;
	struct hx *h = m->h;
	struct tent *e;
	uint64_t gsize;

	if (tr->error) {
		snprintf(h->failure, sizeof(h->failure), "malformed leaf at IPA %#llx: %s",
			 (unsigned long long)tr->base, tr->error);
		m->failed = true;
		return false;
	}
	/* Entries that fault on the access flag are never cached. */
	if (!tr->af && !m->ha)
		return true;
	/* A contiguous group is one TLB entry: record it at its first page. */
	gsize = tr->size * (tr->cont ? ref_cont_entries(h->cfg.granule_shift, tr->level) : 1);
	if (tr->base & (gsize - 1))
		return true;
	e = vpush(&m->cur);
	memset(e, 0, sizeof(*e));
	e->ipa = tr->base;
	e->size = gsize;
	e->oa = tr->oa;
	e->level = tr->level;
	e->mem = (uint8_t)tr->mem;
	e->sh = (uint8_t)tr->sh;
	e->r = tr->r;
	e->w = tr->w;
	e->x1 = tr->x_el1;
	e->x0 = tr->x_el0;
	/* With hardware AF updates the walker sets AF before caching: it is
	 * never part of what a TLB entry holds. */
	e->af = tr->af || m->ha;
	return true;
}

/* The cacheable translations and the tables there are now, in IPA order. */
static void snapshot(struct tlbm *m)
{
	struct vec t;

	t = m->prev;
	m->prev = m->cur;
	m->cur = t;
	t = m->prevt;
	m->prevt = m->curt;
	m->curt = t;
	m->cur.n = 0;
	m->curt.n = 0;
	if (!ref_leaves(&m->h->rr, collect_leaf, m)) {
		m->failed = true;
		return;
	}
	ref_tables(&m->h->rr, collect_table, m);
	if (m->curt.n)
		qsort(m->curt.p, m->curt.n, sizeof(struct twc), twc_cmp);
}

/* Stale entries (not in the tables) must not conflict with the tables. */
static void check_stale(struct tlbm *m, const struct vec *v, const char *what)
{
	const struct tent *e = v->p, *c = m->cur.p;

	for (size_t i = 0; i < v->n && !m->failed; i++) {
		for (size_t j = cur_from(m, e[i].ipa);
		     j < m->cur.n && c[j].ipa < e[i].ipa + e[i].size; j++)
			if (conflict(&e[i], &c[j])) {
				char fmt[128];
				snprintf(fmt, sizeof(fmt),
					 "TLB conflict at IPA %%#llx: a %s entry at %%#llx", what);
				mfail(m, fmt, c[j].ipa, e[i].ipa);
				return;
			}
	}
}

/* Drop from a stale set the entries that are current again. */
static void prune(struct tlbm *m, struct vec *v)
{
	struct tent *e = v->p;
	size_t k = 0;

	for (size_t i = 0; i < v->n; i++)
		if (!in_cur(m, &e[i]))
			e[k++] = e[i];
	v->n = k;
}

static void prune_wc(struct tlbm *m)
{
	struct twc *e = m->wstale.p;
	size_t k = 0;

	for (size_t i = 0; i < m->wstale.n; i++)
		if (!in_vec(&m->curt, &e[i], twc_cmp))
			e[k++] = e[i];
	m->wstale.n = k;
}

static void check_and_refill(struct tlbm *m)
{
	snapshot(m);
	if (m->failed)
		return;
	/* What was current and is not any more may still be cached. */
	add_missing(&m->stale, &m->prev, &m->cur, tent_cmp);
	add_missing(&m->cstale, &m->stale, &m->cur, tent_cmp);
	add_missing(&m->wstale, &m->prevt, &m->curt, twc_cmp);
	prune(m, &m->stale);
	prune(m, &m->cstale);
	prune_wc(m);
	check_stale(m, &m->stale, "stale stage-2");
	check_stale(m, &m->cstale, "stale combined");
}

struct tlbm *tlbm_new(struct hx *h)
{
	struct tlbm *m = calloc(1, sizeof(*m));

	m->h = h;
	m->cur.esz = m->prev.esz = m->stale.esz = m->cstale.esz = sizeof(struct tent);
	m->curt.esz = m->prevt.esz = m->wstale.esz = sizeof(struct twc);
	m->ha = (h->cfg.features & ARMVIRT_S2MMU_FEAT_HA) != 0;
	snapshot(m); /* the tables as they are when the model starts watching */
	return m;
}

void tlbm_free(struct tlbm *m)
{
	struct vec *v[] = { &m->cur,  &m->prev,	 &m->stale, &m->cstale,
			    &m->curt, &m->prevt, &m->wstale };

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		free(v[i]->p);
	free(m);
}

static void drop_tent(struct vec *v, uint64_t lo, uint64_t hi, int level)
{
	struct tent *e = v->p;
	size_t k = 0;

	for (size_t i = 0; i < v->n; i++) {
		bool hit = e[i].ipa < hi && lo < e[i].ipa + e[i].size &&
			   (level == 0 || e[i].level == level);
		if (!hit)
			e[k++] = e[i];
	}
	v->n = k;
}

static void drop_wc(struct vec *v, uint64_t lo, uint64_t hi)
{
	struct twc *e = v->p;
	size_t k = 0;

	for (size_t i = 0; i < v->n; i++)
		if (!(e[i].ipa < hi && lo < e[i].ipa + e[i].size))
			e[k++] = e[i];
	v->n = k;
}

static unsigned tg_code(unsigned g)
{
	return g == 12 ? 1 : g == 14 ? 2 : 3;
}

/* Apply one completed TLBI (operand formats: C5.5). */
static void apply(struct tlbm *m, enum armvirt_port_tlbi op, uint64_t arg)
{
	unsigned g = m->h->cfg.granule_shift;
	bool ds = (m->h->cfg.vtcr >> 32) & 1;

	switch (op) {
	case ARMVIRT_TLBI_IPAS2E1IS:
	case ARMVIRT_TLBI_IPAS2E1:
	case ARMVIRT_TLBI_IPAS2LE1IS:
	case ARMVIRT_TLBI_IPAS2LE1: {
		uint64_t a = (arg & ((1ull << 44) - 1)) << 12;
		unsigned ttl = (arg >> 44) & 0xf;
		int level = 0;
		bool leaf_only = op == ARMVIRT_TLBI_IPAS2LE1IS || op == ARMVIRT_TLBI_IPAS2LE1;

		if ((ttl >> 2) != 0) {
			if ((ttl >> 2) != tg_code(g))
				return; /* wrong granule in the hint: nothing guaranteed */
			level = (int)(ttl & 3);
		}
		drop_tent(&m->stale, a, a + 1, level);
		if (!leaf_only && level == 0)
			drop_wc(&m->wstale, a, a + 1);
		break;
	}
	case ARMVIRT_TLBI_RIPAS2E1IS:
	case ARMVIRT_TLBI_RIPAS2LE1IS: {
		unsigned tg = (arg >> 46) & 3, scale = (arg >> 44) & 3, num = (arg >> 39) & 31;
		int level = (int)((arg >> 37) & 3);
		uint64_t base = (arg & ((1ull << 37) - 1)) << (ds ? 16 : g);
		uint64_t len = ((uint64_t)num + 1) << (5 * scale + 1) << g;

		if (tg != tg_code(g))
			return;
		drop_tent(&m->stale, base, base + len, level);
		if (op == ARMVIRT_TLBI_RIPAS2E1IS && level == 0)
			drop_wc(&m->wstale, base, base + len);
		break;
	}
	case ARMVIRT_TLBI_VMALLE1IS:
	case ARMVIRT_TLBI_VMALLE1:
		/* Combined entries refill at once from the stage-2 ones still cached. */
		m->cstale.n = 0;
		add_missing(&m->cstale, &m->stale, &m->cur, tent_cmp);
		break;
	case ARMVIRT_TLBI_VMALLS12E1IS:
	case ARMVIRT_TLBI_VMALLS12E1:
		m->stale.n = m->cstale.n = m->wstale.n = 0;
		break;
	default:
		mfail(m, "unexpected TLBI %llu (arg %#llx)", (unsigned long long)op, arg);
		break;
	}
}

static bool is_local(enum armvirt_port_tlbi op)
{
	return op == ARMVIRT_TLBI_IPAS2E1 || op == ARMVIRT_TLBI_IPAS2LE1 ||
	       op == ARMVIRT_TLBI_VMALLE1 || op == ARMVIRT_TLBI_VMALLS12E1;
}

void tlbm_event_dsb(struct tlbm *m, enum armvirt_port_domain d)
{
	size_t k = 0;

	if (m->failed)
		return;
	check_and_refill(m);
	if (d == ARMVIRT_PORT_ISHST || d == ARMVIRT_PORT_NSHST)
		return;
	/* In order: a VMALLE1 issued before this DSB sees the stage-2 state as
	 * it is before the IPA invalidations issued with it complete. */
	for (size_t i = 0; i < m->npend; i++) {
		if (d == ARMVIRT_PORT_NSH && !is_local(m->pend[i].op)) {
			m->pend[k++] = m->pend[i];
			continue;
		}
		apply(m, m->pend[i].op, m->pend[i].arg);
	}
	m->npend = k;
	check_and_refill(m);
}

void tlbm_event_tlbi(struct tlbm *m, enum armvirt_port_tlbi op, uint64_t arg)
{
	/* A VMALLE1 only cleans combined entries; those refilled from stage-2
	 * entries whose invalidation has not completed come straight back. */
	if (m->npend == sizeof(m->pend) / sizeof(m->pend[0])) {
		mfail(m, "more than %llu TLBIs without a DSB (%llu)", (unsigned long long)m->npend,
		      0);
		return;
	}
	m->pend[m->npend].op = op;
	m->pend[m->npend].arg = arg;
	m->npend++;
}

/*
 * The hardware's dirty-state update (S2AP[1] set on a DBM descriptor) is
 * coherent with the TLB: the entries that only became writable are not
 * stale copies.
 */
void tlbm_hw_write(struct tlbm *m)
{
	const struct tent *p;

	snapshot(m);
	p = m->prev.p;
	for (size_t i = 0; i < m->prev.n; i++) {
		struct tent e = p[i];
		if (in_cur(m, &e))
			continue;
		e.w = true;
		if (!p[i].w && in_cur(m, &e))
			continue;
		*(struct tent *)vpush(&m->stale) = p[i];
		qsort(m->stale.p, m->stale.n, sizeof(struct tent), tent_cmp);
	}
	m->prev.n = 0;
}

void tlbm_page_freed(struct tlbm *m, uint64_t pa)
{
	const struct twc *w = m->wstale.p, *c = m->curt.p;

	for (size_t i = 0; i < m->wstale.n; i++)
		if (w[i].pa == pa) {
			mfail(m,
			      "table page %#llx freed while a walk cache may hold it (IPA %#llx)",
			      pa, w[i].ipa);
			return;
		}
	for (size_t i = 0; i < m->curt.n; i++)
		if (c[i].pa == pa) {
			mfail(m, "table page %#llx freed while linked (IPA %#llx)", pa, c[i].ipa);
			return;
		}
}

bool tlbm_end(struct tlbm *m)
{
	const struct tent *e;
	const struct twc *t;

	if (m->failed)
		return false;
	if (m->npend)
		mfail(m, "%llu TLBIs never completed by a DSB (%llu)", (unsigned long long)m->npend,
		      0);
	check_and_refill(m);
	e = m->stale.p;
	if (!m->failed && m->stale.n)
		mfail(m, "stale stage-2 TLB entry at IPA %#llx (size %#llx)", e[0].ipa, e[0].size);
	e = m->cstale.p;
	if (!m->failed && m->cstale.n)
		mfail(m, "stale combined TLB entry at IPA %#llx (size %#llx)", e[0].ipa, e[0].size);
	t = m->wstale.p;
	if (!m->failed && m->wstale.n)
		mfail(m, "stale walk-cache entry for IPA %#llx (table %#llx)", t[0].ipa, t[0].pa);
	return !m->failed;
}

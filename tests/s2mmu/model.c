/* SPDX-License-Identifier: BSD-3-Clause */
#include "model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RAM ARMVIRT_S2MMU_RW
#define MEM(m) ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_##m)
#define MEM_MASK                                                                                   \
	((armvirt_s2mmu_attr_t)ARMVIRT_MASK(ARMVIRT_S2MMU_ATTR_MEM_SHIFT,                          \
					    ARMVIRT_S2MMU_ATTR_MEM_WIDTH))

enum { OP_MAP, OP_UNMAP, OP_ATTR, OP_DSTART, OP_DFAULT, OP_DCOLLECT, OP_DSTOP, OP_HWWRITE, OP_N };

uint64_t msrc_u64(struct msrc *s)
{
	uint64_t v = 0;

	if (s->p) { /* four bytes a value; zeros once the input is used up */
		for (int i = 0; i < 4 && s->n; i++, s->n--)
			v = (v << 8) | *s->p++;
		return v;
	}
	/* splitmix64 */
	s->rng += 0x9e3779b97f4a7c15ull;
	v = s->rng;
	v = (v ^ (v >> 30)) * 0xbf58476d1ce4e5b9ull;
	v = (v ^ (v >> 27)) * 0x94d049bb133111ebull;
	return v ^ (v >> 31);
}

static uint64_t pick(struct msrc *s, uint64_t n)
{
	return n ? msrc_u64(s) % n : 0;
}

static bool mfail(struct model *m, const char *fmt, ...)
{
	va_list ap;

	if (m->err[0])
		return false;
	va_start(ap, fmt);
	vsnprintf(m->err, sizeof(m->err), fmt, ap);
	va_end(ap);
	return false;
}

void model_init(struct model *m, struct hx *h, uint64_t window, bool allow_pages, bool allow_fail)
{
	memset(m, 0, sizeof(*m));
	m->h = h;
	m->window = window;
	m->allow_pages = allow_pages;
	m->allow_fail = allow_fail;
}

void model_fini(struct model *m)
{
	free(m->e);
	m->e = NULL;
}

/* ---- Extent list ---- */

static void ins(struct model *m, size_t at, struct mext x)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 64;
		m->e = realloc(m->e, m->cap * sizeof(*m->e));
	}
	memmove(&m->e[at + 1], &m->e[at], (m->n - at) * sizeof(*m->e));
	m->e[at] = x;
	m->n++;
}

/* Split extents so that @a is a boundary. */
static void cut(struct model *m, uint64_t a)
{
	for (size_t i = 0; i < m->n; i++) {
		struct mext *x = &m->e[i];
		if (x->start < a && a < x->end) {
			struct mext hi = *x;
			hi.pa += a - x->start;
			hi.start = a;
			x->end = a;
			ins(m, i + 1, hi);
			return;
		}
	}
}

static void remove_range(struct model *m, uint64_t a, uint64_t b)
{
	size_t k = 0;

	cut(m, a);
	cut(m, b);
	for (size_t i = 0; i < m->n; i++)
		if (m->e[i].end <= a || m->e[i].start >= b)
			m->e[k++] = m->e[i];
	m->n = k;
}

static bool overlaps(const struct model *m, uint64_t a, uint64_t b)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->e[i].start < b && a < m->e[i].end)
			return true;
	return false;
}

static void add(struct model *m, struct mext x)
{
	size_t i = 0;

	while (i < m->n && m->e[i].start < x.start)
		i++;
	ins(m, i, x);
}

/* ---- Comparing with the tables ---- */

struct run {
	uint64_t start, end, pa;
	uint8_t mem, sh, sw;
	bool r, w, x1, x0, af, tracked;
};

static bool run_same_attrs(const struct run *a, const struct run *b)
{
	return a->mem == b->mem && a->sh == b->sh && a->sw == b->sw && a->r == b->r &&
	       a->w == b->w && a->x1 == b->x1 && a->x0 == b->x0 && a->af == b->af &&
	       a->tracked == b->tracked;
}

static bool run_join(struct run *a, const struct run *b)
{
	if (a->end != b->start || a->pa + (a->end - a->start) != b->pa || !run_same_attrs(a, b))
		return false;
	a->end = b->end;
	return true;
}

static void push_run(struct run **v, size_t *n, size_t *cap, struct run r)
{
	if (*n && run_join(&(*v)[*n - 1], &r))
		return;
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*v = realloc(*v, *cap * sizeof(**v));
	}
	(*v)[(*n)++] = r;
}

static uint8_t ref_mem_of(armvirt_s2mmu_attr_t a)
{
	switch (armvirt_field_get(a, ARMVIRT_S2MMU_ATTR_MEM_SHIFT, ARMVIRT_S2MMU_ATTR_MEM_WIDTH)) {
	case ARMVIRT_S2MMU_MEM_NORMAL_NC:
		return REF_NORMAL_NC;
	case ARMVIRT_S2MMU_MEM_NORMAL_WT:
		return REF_NORMAL_WT;
	case ARMVIRT_S2MMU_MEM_DEVICE_nGnRnE:
		return REF_DEV_nGnRnE;
	case ARMVIRT_S2MMU_MEM_DEVICE_nGnRE:
		return REF_DEV_nGnRE;
	case ARMVIRT_S2MMU_MEM_DEVICE_nGRE:
		return REF_DEV_nGRE;
	case ARMVIRT_S2MMU_MEM_DEVICE_GRE:
		return REF_DEV_GRE;
	case ARMVIRT_S2MMU_MEM_NORMAL_S1:
		return REF_NORMAL_S1;
	default:
		return REF_NORMAL_WB;
	}
}

static struct run model_run(const struct mext *x)
{
	struct run r;
	unsigned sh = (unsigned)armvirt_field_get(x->attr, ARMVIRT_S2MMU_ATTR_SH_SHIFT,
						  ARMVIRT_S2MMU_ATTR_SH_WIDTH);

	memset(&r, 0, sizeof(r));
	r.start = x->start;
	r.end = x->end;
	r.pa = x->pa;
	r.mem = ref_mem_of(x->attr);
	r.sh = sh == ARMVIRT_S2MMU_SH_INNER ? 3 : sh == ARMVIRT_S2MMU_SH_OUTER ? 2 : 0;
	r.sw = (uint8_t)armvirt_field_get(x->attr, ARMVIRT_S2MMU_ATTR_SW_SHIFT,
					  ARMVIRT_S2MMU_ATTR_SW_WIDTH);
	r.r = x->attr & ARMVIRT_S2MMU_R;
	r.w = (x->attr & ARMVIRT_S2MMU_W) && !(x->tracked && !x->dirty);
	r.x1 = !(x->attr & ARMVIRT_S2MMU_PXN);
	r.x0 = !(x->attr & ARMVIRT_S2MMU_UXN);
	r.af = !(x->attr & ARMVIRT_S2MMU_OLD);
	r.tracked = x->tracked;
	return r;
}

struct leaf_ctx {
	struct model *m;
	struct run *a;
	size_t na, ca;
	bool hd;
};

static bool leaf_run(void *ctx, const struct ref_tr *tr)
{
	struct leaf_ctx *c = ctx;
	struct run r;

	if (tr->error)
		return mfail(c->m, "malformed leaf at IPA %#llx: %s", (unsigned long long)tr->base,
			     tr->error);
	memset(&r, 0, sizeof(r));
	r.start = tr->base;
	r.end = tr->base + tr->size;
	r.pa = tr->oa;
	r.mem = (uint8_t)tr->mem;
	r.sh = (uint8_t)tr->sh;
	r.sw = (uint8_t)(tr->sw >> 1);
	r.r = tr->r;
	r.w = tr->w;
	r.x1 = tr->x_el1;
	r.x0 = tr->x_el0;
	r.af = tr->af;
	r.tracked = c->hd ? tr->dbm : (tr->sw & 1);
	push_run(&c->a, &c->na, &c->ca, r);
	return true;
}

static const char *run_str(const struct run *r, char *buf)
{
	snprintf(buf, 96, "mem %u sh %u sw %u r %u w %u x1 %u x0 %u af %u tracked %u", r->mem,
		 r->sh, r->sw, r->r, r->w, r->x1, r->x0, r->af, r->tracked);
	return buf;
}

bool model_check(struct model *m)
{
	char sa[96], sb[96];
	struct leaf_ctx c = { m, NULL, 0, 0, (m->h->cfg.features & ARMVIRT_S2MMU_FEAT_HD) != 0 };
	struct run *b = NULL;
	size_t nb = 0, cb = 0;
	bool ok = ref_leaves(&m->h->rr, leaf_run, &c);
	struct run *a;

	a = c.a;
	for (size_t i = 0; ok && i < m->n; i++)
		push_run(&b, &nb, &cb, model_run(&m->e[i]));
	if (ok && c.na != nb)
		ok = mfail(m,
			   "tables hold %zu runs, the model %zu (first: tables %#llx.., model "
			   "%#llx..)",
			   c.na, nb, c.na ? (unsigned long long)a[0].start : 0ull,
			   nb ? (unsigned long long)b[0].start : 0ull);
	for (size_t i = 0; ok && i < c.na; i++)
		if (a[i].start != b[i].start || a[i].end != b[i].end || a[i].pa != b[i].pa ||
		    !run_same_attrs(&a[i], &b[i]))
			ok = mfail(m,
				   "run %zu differs: tables [%#llx, %#llx) -> %#llx %s; model "
				   "[%#llx, %#llx) -> %#llx %s",
				   i, (unsigned long long)a[i].start, (unsigned long long)a[i].end,
				   (unsigned long long)a[i].pa, run_str(&a[i], sa),
				   (unsigned long long)b[i].start, (unsigned long long)b[i].end,
				   (unsigned long long)b[i].pa, run_str(&b[i], sb));
	if (!ok && getenv("ARMVIRT_MODEL_VERBOSE"))
		for (size_t i = 0; i < c.na || i < nb; i++)
			fprintf(stderr,
				"  %3zu tables [%#llx, %#llx) %s | model [%#llx, %#llx) %s\n", i,
				i < c.na ? (unsigned long long)a[i].start : 0ull,
				i < c.na ? (unsigned long long)a[i].end : 0ull,
				i < c.na ? run_str(&a[i], sa) : "",
				i < nb ? (unsigned long long)b[i].start : 0ull,
				i < nb ? (unsigned long long)b[i].end : 0ull,
				i < nb ? run_str(&b[i], sb) : "");
	free(a);
	free(b);
	return ok;
}

/* ---- Operations ---- */

static uint64_t level_size(const struct hx *h, unsigned level)
{
	unsigned g = h->cfg.granule_shift;
	return 1ull << (g + (3 - level) * (g - 3));
}

/*
 * A random granule-aligned range in the window, in units that make blocks
 * likely. Ranges that end up as pages (misaligned output, PAGES, dirty
 * tracking) are kept to a few level-2 blocks so that the leaves stay few.
 */
static void gen_range(struct model *m, struct msrc *s, uint64_t *start, uint64_t *size)
{
	struct hx *h = m->h;
	uint64_t g = 1ull << h->cfg.granule_shift, units[5], unit, a, n;
	unsigned nu = 0;

	units[nu++] = g;
	units[nu++] = g * ref_cont_entries(h->cfg.granule_shift, 3);
	units[nu++] = level_size(h, 2);
	if (level_size(h, 2) * ref_cont_entries(h->cfg.granule_shift, 2) <= m->window / 2)
		units[nu++] = level_size(h, 2) * ref_cont_entries(h->cfg.granule_shift, 2);
	if (h->cfg.granule_shift == 12 && level_size(h, 1) <= m->window / 2)
		units[nu++] = level_size(h, 1);
	unit = units[pick(s, nu)];
	n = 1 + pick(s, unit == g ? 40 : 3);
	a = pick(s, m->window / unit) * unit;
	if (pick(s, 4) == 0) /* off the unit's alignment */
		a += g * (1 + pick(s, 7));
	if (a >= m->window)
		a = m->window - g;
	if (n * unit > m->window - a)
		n = (m->window - a) / unit ? (m->window - a) / unit : 1;
	*start = a;
	*size = n * unit < m->window - a ? n * unit : m->window - a;
}

static void limit_pages(const struct model *m, uint64_t *size)
{
	uint64_t max = 2 * level_size(m->h, 2);

	if (*size > max)
		*size = max;
}

static armvirt_s2mmu_attr_t gen_attr(struct model *m, struct msrc *s)
{
	const struct armvirt_s2mmu_config *c = &m->h->cfg;
	static const armvirt_s2mmu_attr_t common[] = {
		RAM,
		RAM,
		RAM,
		ARMVIRT_S2MMU_R,
		RAM | ARMVIRT_S2MMU_SW(1),
		RAM | ARMVIRT_S2MMU_XN,
		RAM | MEM(NORMAL_NC),
		RAM | MEM(DEVICE_nGnRE) | ARMVIRT_S2MMU_XN,
		0,
		RAM | ARMVIRT_S2MMU_OLD,
		RAM | ARMVIRT_S2MMU_SH(ARMVIRT_S2MMU_SH_OUTER),
	};
	unsigned i = (unsigned)pick(s, sizeof(common) / sizeof(common[0]) + 2);

	if (i < sizeof(common) / sizeof(common[0])) {
		armvirt_s2mmu_attr_t a = common[i];
		if ((c->features & ARMVIRT_S2MMU_FEAT_LPA2) &&
		    (a & ARMVIRT_S2MMU_SH(ARMVIRT_S2MMU_SH_OUTER)))
			a = RAM;
		return a;
	}
	if (i == sizeof(common) / sizeof(common[0]))
		return (c->features & ARMVIRT_S2MMU_FEAT_XNX) ? RAM | ARMVIRT_S2MMU_PXN
							      : RAM | MEM(DEVICE_GRE);
	return (c->features & ARMVIRT_S2MMU_FEAT_FWB) ? RAM | MEM(NORMAL_S1) : RAM | MEM(NORMAL_WT);
}

static armvirt_s2mmu_attr_t logical_w(const struct mext *x)
{
	return x->attr & ARMVIRT_S2MMU_W;
}

/* Apply fn to every (cut) extent inside [a, b). */
#define FOR_RANGE(m, a, b, x)                                                                      \
	cut(m, a);                                                                                 \
	cut(m, b);                                                                                 \
	for (struct mext *x = (m)->e; x < (m)->e + (m)->n; x++)                                    \
		if (x->start >= (a) && x->end <= (b))

static uint64_t *desc_of(struct model *m, uint64_t ipa)
{
	struct ref_tr tr = hx_tr(m->h, ipa);
	return tr.valid ? hx_ptr(m->h, tr.desc_pa) : NULL;
}

bool model_step(struct model *m, struct msrc *s)
{
	struct hx *h = m->h;
	uint64_t g = 1ull << h->cfg.granule_shift, a, size, b;
	bool hd = (h->cfg.features & ARMVIRT_S2MMU_FEAT_HD) != 0;
	unsigned kind = (unsigned)pick(s, m->allow_pages ? 12 : 7);
	int rc, want = 0;
	bool injected = false;
	struct hx_snap before = { 0 };

	m->detail[0] = 0;

	/* map 3, unmap 2, attr 2; then dirty-tracking operations. */
	kind = kind < 3 ? OP_MAP : kind < 5 ? OP_UNMAP : kind < 7 ? OP_ATTR : kind - 4;
	if (kind == OP_HWWRITE && !hd)
		kind = OP_DFAULT;
	gen_range(m, s, &a, &size);
	b = a + size;
	m->steps++;
	m->counts[kind]++;
	if (m->allow_fail && pick(s, 5) == 0) {
		h->fail_after = (long)pick(s, 4);
		injected = true;
		hx_snap_take(h, &before);
	}
	armvirt_host_log_clear();

	switch (kind) {
	case OP_MAP: {
		uint64_t pa;
		armvirt_s2mmu_attr_t attr = gen_attr(m, s);
		uint32_t flags = 0;

		if (pick(s, 2))
			flags |= ARMVIRT_S2MMU_REPLACE;
		if (m->allow_pages && pick(s, 5) == 0)
			flags |= ARMVIRT_S2MMU_PAGES;
		/* Mostly congruent with the IPA modulo every block size. */
		if (pick(s, 3) && !(flags & ARMVIRT_S2MMU_PAGES)) {
			pa = a + pick(s, 64) * level_size(h, h->cfg.granule_shift == 12 ? 1 : 2);
		} else {
			pa = pick(s, 1ull << 30) * g;
			limit_pages(m, &size);
			b = a + size;
		}
		pa &= (1ull << h->cfg.pa_bits) - 1;
		if (pa + size > (1ull << h->cfg.pa_bits))
			pa = 0;
		rc = armvirt_s2mmu_map(&h->s2, armvirt_ipa(a), armvirt_pa(pa), size, attr, flags);
		snprintf(m->detail, sizeof(m->detail), "map pa %#llx attr %#x flags %#x",
			 (unsigned long long)pa, attr, flags);
		if (!(flags & ARMVIRT_S2MMU_REPLACE) && overlaps(m, a, b))
			want = ARMVIRT_EEXIST;
		if (rc == 0 && want == 0) {
			struct mext x = { a, b, pa, attr, false, false };
			remove_range(m, a, b);
			add(m, x);
			m->used_pages |= (flags & ARMVIRT_S2MMU_PAGES) != 0;
		}
		break;
	}
	case OP_UNMAP:
		rc = armvirt_s2mmu_unmap(&h->s2, armvirt_ipa(a), size, 0);
		if (rc == 0)
			remove_range(m, a, b);
		break;
	case OP_ATTR: {
		static const armvirt_s2mmu_attr_t masks[] = {
			ARMVIRT_S2MMU_ATTR_PERMS, ARMVIRT_S2MMU_ATTR_PERMS, MEM_MASK,
			ARMVIRT_S2MMU_SW(7),	  ARMVIRT_S2MMU_OLD,	    ARMVIRT_S2MMU_ATTR_ALL,
		};
		armvirt_s2mmu_attr_t mask = masks[pick(s, sizeof(masks) / sizeof(masks[0]))];
		armvirt_s2mmu_attr_t attr = gen_attr(m, s);
		uint32_t flags = m->allow_pages && pick(s, 5) == 0 ? ARMVIRT_S2MMU_PAGES : 0;

		if (flags) {
			limit_pages(m, &size);
			b = a + size;
		}
		rc = armvirt_s2mmu_set_attr(&h->s2, armvirt_ipa(a), size, attr, mask, flags);
		snprintf(m->detail, sizeof(m->detail), "attr %#x mask %#x flags %#x", attr, mask,
			 flags);
		if (rc == 0) {
			FOR_RANGE(m, a, b, x)
			{
				x->attr = (x->attr & ~mask) | (attr & mask);
				if ((mask & ARMVIRT_S2MMU_W) && !(attr & ARMVIRT_S2MMU_W))
					x->tracked = x->dirty = false;
			}
			m->used_pages |= flags != 0;
		}
		break;
	}
	case OP_DSTART:
		limit_pages(m, &size);
		b = a + size;
		rc = armvirt_s2mmu_dirty_start(&h->s2, armvirt_ipa(a), size);
		if (rc == 0) {
			FOR_RANGE(m, a, b, x)
			if (logical_w(x)) {
				x->tracked = true;
				x->dirty = false;
			}
			m->used_pages = true;
		}
		break;
	case OP_DFAULT:
	case OP_HWWRITE: {
		/* A page in a random extent (or a hole). */
		uint64_t ipa = a;
		struct mext *hit = NULL;

		if (m->n && pick(s, 4)) {
			struct mext *x = &m->e[pick(s, m->n)];
			ipa = x->start + pick(s, (x->end - x->start) / g) * g;
		}
		for (size_t i = 0; i < m->n; i++)
			if (m->e[i].start <= ipa && ipa < m->e[i].end)
				hit = &m->e[i];
		if (kind == OP_HWWRITE) {
			uint64_t *d;
			/* The hardware dirties a tracked, clean page. */
			rc = 0;
			if (!hit || !hit->tracked || hit->dirty || !(d = desc_of(m, ipa)))
				break;
			*d |= 1ull << 7;
			if (h->tm)
				tlbm_hw_write(h->tm);
		} else {
			rc = armvirt_s2mmu_dirty_fault(&h->s2, armvirt_ipa(ipa));
			want = !hit		? ARMVIRT_ENOENT
			       : hit->tracked	? (hit->dirty ? 0 : 1)
			       : logical_w(hit) ? 0
						: ARMVIRT_EPERM;
			if (rc != want)
				break;
		}
		if (hit && hit->tracked && !hit->dirty) {
			FOR_RANGE(m, ipa, ipa + g, x)
			x->dirty = true;
		}
		rc = want;
		break;
	}
	case OP_DCOLLECT: {
		uint64_t pages = size / g, *bm = calloc((pages + 63) / 64, 8), *exp;
		uint32_t flags = pick(s, 3) == 0 ? ARMVIRT_S2MMU_DIRTY_PEEK : 0;
		int n = 0;

		exp = calloc((pages + 63) / 64, 8);
		FOR_RANGE(m, a, b, x)
		if (x->tracked && x->dirty) {
			for (uint64_t p = x->start; p < x->end; p += g) {
				uint64_t i = (p - a) / g;
				exp[i / 64] |= 1ull << (i % 64);
				n++;
			}
			if (!flags)
				x->dirty = false;
		}
		rc = armvirt_s2mmu_dirty_collect(&h->s2, armvirt_ipa(a), size, bm, flags);
		want = n;
		if (rc == want && memcmp(bm, exp, (pages + 63) / 64 * 8))
			mfail(m, "dirty bitmap differs for [%#llx, %#llx)", (unsigned long long)a,
			      (unsigned long long)b);
		free(bm);
		free(exp);
		break;
	}
	default: /* OP_DSTOP */
		rc = armvirt_s2mmu_dirty_stop(&h->s2, armvirt_ipa(a), size);
		if (rc == 0) {
			FOR_RANGE(m, a, b, x)
			x->tracked = x->dirty = false;
		}
		break;
	}

	/* Out of memory, injected or not: nothing may have changed. */
	if (rc == ARMVIRT_ENOMEM) {
		struct hx_snap after;

		if (!injected)
			mfail(m, "op %u failed with ENOMEM (pool: %llu of %llu pages used)", kind,
			      (unsigned long long)h->pool.used, (unsigned long long)h->pool.pages);
		m->failures_injected++;
		hx_snap_take(h, &after);
		if (!hx_snap_equal(&before, &after))
			mfail(m, "op %u failed with ENOMEM but changed the tables", kind);
		if (armvirt_host_log_count())
			mfail(m, "op %u failed with ENOMEM but issued barriers or TLBIs", kind);
		hx_snap_free(&after);
		rc = want;
	}
	hx_snap_free(&before);
	h->fail_after = -1;
	if (m->verbose)
		fprintf(stderr, "step %u: op %u [%#llx, %#llx) rc %d (%s)\n", m->steps, kind,
			(unsigned long long)a, (unsigned long long)b, rc, m->detail);
	if (rc != want)
		return mfail(m, "op %u on [%#llx, %#llx) returned %d, expected %d", kind,
			     (unsigned long long)a, (unsigned long long)b, rc, want);
	if (m->err[0])
		return false;
	if (!hx_model_end(h) || !hx_check(h, !m->used_pages))
		return mfail(m, "op %u on [%#llx, %#llx): %s", kind, (unsigned long long)a,
			     (unsigned long long)b, h->failure);
	return model_check(m);
}

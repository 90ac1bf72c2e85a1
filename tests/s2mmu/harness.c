/* SPDX-License-Identifier: BSD-3-Clause */
#include "harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hx *hx_current;

/* ---- Port wrappers: every DSB and TLBI the library issues passes here. ---- */

void __real_armvirt_port_dsb(enum armvirt_port_domain dom);
void __real_armvirt_port_tlbi(enum armvirt_port_tlbi op, uint64_t arg);
void __wrap_armvirt_port_dsb(enum armvirt_port_domain dom);
void __wrap_armvirt_port_tlbi(enum armvirt_port_tlbi op, uint64_t arg);

void __wrap_armvirt_port_dsb(enum armvirt_port_domain dom)
{
	__real_armvirt_port_dsb(dom);
	if (hx_current && hx_current->tm)
		tlbm_event_dsb(hx_current->tm, dom);
	if (hx_current && hx_current->on_event)
		hx_current->on_event(hx_current, true, dom, 0);
}

void __wrap_armvirt_port_tlbi(enum armvirt_port_tlbi op, uint64_t arg)
{
	__real_armvirt_port_tlbi(op, arg);
	if (hx_current && hx_current->tm)
		tlbm_event_tlbi(hx_current->tm, op, arg);
	if (hx_current && hx_current->on_event)
		hx_current->on_event(hx_current, false, op, arg);
}

/* ---- CPU presets ---- */

struct armvirt_s2mmu_cpu hx_cpu_v80(void)
{
	struct armvirt_s2mmu_cpu c = { 0 };

	c.id_aa64mmfr0 = 0x2ull		 /* PARange 40 bits */
			 | (1ull << 20)	 /* TGran16 supported */
			 | (0ull << 24)	 /* TGran64 supported */
			 | (0ull << 28); /* TGran4 supported */
	return c;
}

struct armvirt_s2mmu_cpu hx_cpu_max(void)
{
	struct armvirt_s2mmu_cpu c = { 0 };

	c.id_aa64mmfr0 = 0x5ull | (1ull << 20); /* 48 bits, 16K; 4K and 64K supported */
	c.id_aa64mmfr1 = 2ull			/* HAFDBS: AF and dirty */
			 | (2ull << 4)		/* 16-bit VMID */
			 | (1ull << 28);	/* XNX */
	c.id_aa64mmfr2 = 1ull			/* CnP */
			 | (1ull << 28)		/* TTST */
			 | (1ull << 40)		/* FWB */
			 | (1ull << 48);	/* TTL */
	c.id_aa64isar0 = 2ull << 56;		/* TLBI range */
	return c;
}

struct armvirt_s2mmu_cpu hx_cpu_lpa2(void)
{
	struct armvirt_s2mmu_cpu c = hx_cpu_max();

	c.id_aa64mmfr0 = 0x6ull | (2ull << 20) | (1ull << 28); /* 52 bits; 16K, 4K with LPA2 */
	return c;
}

/* ---- Memory and allocator ---- */

static void fail(struct hx *h, const char *fmt, ...)
{
	va_list ap;

	if (h->failure[0])
		return;
	va_start(ap, fmt);
	vsnprintf(h->failure, sizeof(h->failure), fmt, ap);
	va_end(ap);
}

void *hx_ptr(struct hx *h, uint64_t pa)
{
	if (pa < h->pa_base || pa - h->pa_base >= h->mem_size)
		return NULL;
	return h->mem + (pa - h->pa_base);
}

static const uint64_t *ref_mem(void *ctx, uint64_t pa)
{
	return hx_ptr(ctx, pa);
}

static int hx_alloc(void *ctx, armvirt_pa_t *pa)
{
	struct hx *h = ctx;
	int rc;

	if (h->fail_after == 0)
		return ARMVIRT_ENOMEM;
	rc = armvirt_s2mmu_pool_alloc(&h->pool, pa);
	if (rc == 0) {
		h->allocs++;
		if (h->fail_after > 0)
			h->fail_after--;
		/* Hand out garbage: the library must write every entry it uses. */
		memset(hx_ptr(h, armvirt_pa_val(*pa)), 0xa5, (size_t)1 << h->cfg.granule_shift);
	}
	return rc;
}

static void hx_free(void *ctx, armvirt_pa_t pa)
{
	struct hx *h = ctx;

	if (h->tm)
		tlbm_page_freed(h->tm, armvirt_pa_val(pa));
	h->frees++;
	armvirt_s2mmu_pool_free(&h->pool, pa);
}

int hx_setup(struct hx *h, const struct armvirt_s2mmu_cpu *cpu, unsigned ipa_bits, uint64_t granule,
	     uint32_t want, uint64_t pool_pages, uint64_t pa_base, bool model)
{
	uint64_t root_size;
	int rc;

	memset(h, 0, sizeof(*h));
	h->cpu = *cpu;
	h->fail_after = -1;
	rc = armvirt_s2mmu_configure(&h->cfg, cpu, ipa_bits, granule, want);
	if (rc)
		return rc;
	root_size = armvirt_s2mmu_root_size(&h->cfg);
	h->pa_base = pa_base;
	h->mem_size = root_size + pool_pages * granule;
	h->mem_size = (h->mem_size + root_size - 1) / root_size * root_size;
	h->mem = aligned_alloc(root_size, h->mem_size);
	if (!h->mem)
		abort();
	memset(h->mem, 0x5a, h->mem_size);
	h->root_pa = pa_base;
	if (armvirt_s2mmu_pool_init(&h->pool, armvirt_pa(pa_base + root_size),
				    armvirt_va(h->mem + root_size), pool_pages * granule, granule))
		abort();
	armvirt_s2mmu_pool_ops(&h->pool, &h->ops);
	h->ops.alloc_page = hx_alloc;
	h->ops.free_page = hx_free;
	h->ops.ctx = h;
	if (armvirt_s2mmu_init(&h->s2, &h->cfg, armvirt_pa(h->root_pa), &h->ops))
		abort();
	if (armvirt_s2mmu_vttbr(&h->cfg, armvirt_pa(h->root_pa), 1, &h->vttbr))
		abort();
	h->rr.vtcr = h->cfg.vtcr;
	h->rr.vttbr = h->vttbr;
	h->rr.fwb = (h->cfg.features & ARMVIRT_S2MMU_FEAT_FWB) != 0;
	h->rr.xnx = (h->cfg.features & ARMVIRT_S2MMU_FEAT_XNX) != 0;
	h->rr.mem = ref_mem;
	h->rr.ctx = h;
	hx_current = h;
	armvirt_host_reset();
	if (model)
		h->tm = tlbm_new(h);
	return 0;
}

void hx_teardown(struct hx *h)
{
	if (h->tm)
		tlbm_free(h->tm);
	free(h->mem);
	if (hx_current == h)
		hx_current = NULL;
	memset(h, 0, sizeof(*h));
}

struct ref_tr hx_tr(struct hx *h, uint64_t ipa)
{
	struct ref_tr tr;

	if (!ref_translate(&h->rr, ipa, &tr) && tr.error)
		fail(h, "reference walk of %#llx: %s", (unsigned long long)ipa, tr.error);
	return tr;
}

/* ---- Structural checks ---- */

struct check_ctx {
	struct hx *h;
	uint64_t tables;
};

static void check_table(void *ctx, uint64_t pa, int level, uint64_t ipa)
{
	struct check_ctx *c = ctx;
	struct hx *h = c->h;
	const uint64_t *t = hx_ptr(h, pa);
	uint64_t n = pa == h->root_pa ? (armvirt_s2mmu_root_size(&h->cfg) >> 3)
				      : (1ull << (h->cfg.granule_shift - 3));
	uint64_t valid = 0;

	if (!t) {
		fail(h, "table %#llx outside memory", (unsigned long long)pa);
		return;
	}
	if (pa != h->root_pa)
		c->tables++;
	for (uint64_t i = 0; i < n; i++) {
		if (t[i] & 1)
			valid++;
		else if (t[i] != 0)
			fail(h,
			     "invalid entry %#llx at %#llx (level %d, table for IPA %#llx) is not "
			     "zero",
			     (unsigned long long)t[i], (unsigned long long)(pa + i * 8), level,
			     (unsigned long long)ipa);
	}
	if (pa != h->root_pa && valid == 0)
		fail(h, "empty table %#llx at level %d (IPA %#llx)", (unsigned long long)pa, level,
		     (unsigned long long)ipa);
}

/*
 * Canonical form, from the leaves in IPA order: no aligned run of leaves
 * that fills a table and could be one block, none that fills a contiguous
 * group at levels 2 and 3 without the hint (tracked pages excepted).
 */
struct run_acc {
	uint64_t span, base, oa, next;
	uint64_t count;
	struct ref_tr first;
	bool active;
};

struct canon_ctx {
	struct hx *h;
	struct run_acc table[4], group[4];
};

static bool same_attrs(const struct ref_tr *a, const struct ref_tr *b)
{
	return a->mem == b->mem && a->r == b->r && a->w == b->w && a->x_el1 == b->x_el1 &&
	       a->x_el0 == b->x_el0 && a->sh == b->sh && a->af == b->af && a->dbm == b->dbm &&
	       a->sw == b->sw;
}

static bool acc_step(struct run_acc *r, const struct ref_tr *tr, bool eligible)
{
	if (r->active && tr->base == r->next && tr->oa == r->oa + (tr->base - r->base) &&
	    eligible && same_attrs(&r->first, tr)) {
		r->next += tr->size;
		return r->next - r->base == r->span;
	}
	r->active = eligible && (tr->base & (r->span - 1)) == 0 && (tr->oa & (r->span - 1)) == 0;
	r->base = tr->base;
	r->oa = tr->oa;
	r->next = tr->base + tr->size;
	r->first = *tr;
	return r->active && tr->size == r->span;
}

static bool canon_leaf(void *ctx, const struct ref_tr *tr)
{
	struct canon_ctx *c = ctx;
	struct hx *h = c->h;
	unsigned g = h->cfg.granule_shift;
	int l = tr->level;
	bool tracked = tr->dbm || (tr->sw & 1);

	if (tr->error) {
		fail(h, "malformed leaf at IPA %#llx: %s", (unsigned long long)tr->base, tr->error);
		return false;
	}
	/* A table at level l under a level that can hold blocks. */
	if (l >= (g == 12 ? 2 : 3)) {
		c->table[l].span = tr->size << (g - 3);
		if (acc_step(&c->table[l], tr, !tracked))
			fail(h, "table at level %d for IPA %#llx could be a block", l,
			     (unsigned long long)c->table[l].base);
	}
	if (l >= 2) {
		c->group[l].span = tr->size * ref_cont_entries(g, l);
		if (acc_step(&c->group[l], tr, !tracked && !tr->cont))
			fail(h, "uniform group at level %d, IPA %#llx, lacks the hint", l,
			     (unsigned long long)c->group[l].base);
	}
	return h->failure[0] == 0;
}

bool hx_check(struct hx *h, bool canonical)
{
	struct check_ctx c = { h, 0 };

	ref_tables(&h->rr, check_table, &c);
	if (c.tables != h->s2.table_pages)
		fail(h, "%llu tables reachable, library counts %llu", (unsigned long long)c.tables,
		     (unsigned long long)h->s2.table_pages);
	if (h->pool.used != h->s2.table_pages)
		fail(h, "pool has %llu pages out, library counts %llu",
		     (unsigned long long)h->pool.used, (unsigned long long)h->s2.table_pages);
	if (canonical && !h->failure[0]) {
		struct canon_ctx cc;
		memset(&cc, 0, sizeof(cc));
		cc.h = h;
		ref_leaves(&h->rr, canon_leaf, &cc);
	}
	return h->failure[0] == 0;
}

bool hx_model_end(struct hx *h)
{
	if (h->tm && !tlbm_end(h->tm))
		return false;
	return h->failure[0] == 0;
}

/* ---- Snapshots ---- */

struct snap_ctx {
	struct hx *h;
	struct hx_snap *s;
};

static void snap_table(void *ctx, uint64_t pa, int level, uint64_t ipa)
{
	struct snap_ctx *c = ctx;
	struct hx_snap *s = c->s;
	size_t len = pa == c->h->root_pa ? (size_t)armvirt_s2mmu_root_size(&c->h->cfg)
					 : (size_t)1 << c->h->cfg.granule_shift;

	(void)level;
	(void)ipa;
	s->pa = realloc(s->pa, (s->n + 1) * sizeof(uint64_t));
	s->bytes = realloc(s->bytes, (s->n + 1) * s->page);
	s->pa[s->n] = pa;
	memset(s->bytes + s->n * s->page, 0, s->page);
	memcpy(s->bytes + s->n * s->page, hx_ptr(c->h, pa), len);
	s->n++;
}

void hx_snap_take(struct hx *h, struct hx_snap *s)
{
	struct snap_ctx c = { h, s };

	memset(s, 0, sizeof(*s));
	s->page = (size_t)armvirt_s2mmu_root_size(&h->cfg);
	ref_tables(&h->rr, snap_table, &c);
}

bool hx_snap_equal(const struct hx_snap *a, const struct hx_snap *b)
{
	if (a->n != b->n || a->page != b->page)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (a->pa[i] != b->pa[i])
			return false;
	return memcmp(a->bytes, b->bytes, a->n * a->page) == 0;
}

void hx_snap_free(struct hx_snap *s)
{
	free(s->pa);
	free(s->bytes);
	memset(s, 0, sizeof(*s));
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Allocator failure at every possible allocation: for each operation that
 * needs table pages, make the k-th allocation fail for k = 0, 1, ... until
 * the operation succeeds, and check each time that the call returned
 * ARMVIRT_ENOMEM, the tables are byte-for-byte as before, every page it got
 * was given back, and it issued no barrier or TLBI at all.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "harness.h"

#define RAM ARMVIRT_S2MMU_RW
#define PA_BASE 0x800000000ull

static struct hx H;

struct scenario {
	const char *name;
	void (*prepare)(struct hx *h, uint64_t g);
	int (*op)(struct hx *h, uint64_t g);
};

static void map_ok(struct hx *h, uint64_t ipa, uint64_t pa, uint64_t size, uint32_t flags)
{
	assert_int_equal(
		armvirt_s2mmu_map(&h->s2, armvirt_ipa(ipa), armvirt_pa(pa), size, RAM, flags), 0);
}

static void prep_none(struct hx *h, uint64_t g)
{
	(void)h;
	(void)g;
}

/* The largest block of the granule: 1 GiB, 32 MiB, 512 MiB. */
static uint64_t big(uint64_t g)
{
	return g == 4096 ? 1ull << 30 : g == 16384 ? 1ull << 25 : 1ull << 29;
}

static void prep_block(struct hx *h, uint64_t g)
{
	map_ok(h, 4 * big(g), 8 * big(g), big(g), 0);
}

static void prep_mixed(struct hx *h, uint64_t g)
{
	prep_block(h, g);
	map_ok(h, 5 * big(g), 9 * big(g) + 3 * g, 40 * g, 0);
	map_ok(h, 5 * big(g) + 64 * g, 9 * big(g), 64 * g, 0);
}

static int op_map_pages(struct hx *h, uint64_t g)
{
	return armvirt_s2mmu_map(&h->s2, armvirt_ipa(4 * big(g)), armvirt_pa(8 * big(g)),
				 big(g) / 8, RAM, ARMVIRT_S2MMU_PAGES);
}

static int op_unmap_one(struct hx *h, uint64_t g)
{
	return armvirt_s2mmu_unmap(&h->s2, armvirt_ipa(4 * big(g) + 77 * g), g, 0);
}

static int op_replace_misaligned(struct hx *h, uint64_t g)
{
	return armvirt_s2mmu_map(&h->s2, armvirt_ipa(4 * big(g) + big(g) / 2), armvirt_pa(g),
				 big(g), ARMVIRT_S2MMU_RW | ARMVIRT_S2MMU_SW(2),
				 ARMVIRT_S2MMU_REPLACE);
}

static int op_attr_pages(struct hx *h, uint64_t g)
{
	return armvirt_s2mmu_set_attr(&h->s2, armvirt_ipa(4 * big(g) + big(g) / 4), big(g) + 8 * g,
				      ARMVIRT_S2MMU_R, ARMVIRT_S2MMU_ATTR_PERMS,
				      ARMVIRT_S2MMU_PAGES);
}

static int op_dirty_start(struct hx *h, uint64_t g)
{
	return armvirt_s2mmu_dirty_start(&h->s2, armvirt_ipa(4 * big(g)), 2 * big(g));
}

static int op_protect_in_group(struct hx *h, uint64_t g)
{
	return armvirt_s2mmu_protect(&h->s2, armvirt_ipa(4 * big(g) + 3 * g), g, 0, 0);
}

static const struct scenario scenarios[] = {
	{ "map pages into empty space", prep_none, op_map_pages },
	{ "unmap one page of a block", prep_block, op_unmap_one },
	{ "replace across a block and pages, misaligned", prep_mixed, op_replace_misaligned },
	{ "set permissions as pages", prep_mixed, op_attr_pages },
	{ "start dirty tracking", prep_mixed, op_dirty_start },
	{ "protect one page of a block", prep_block, op_protect_in_group },
};

static void run_scenario(const struct scenario *sc, uint64_t g)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_max();
	struct hx_snap before;
	unsigned failures = 0;
	uint64_t used;
	int rc;

	/* One machine: each failure must leave it exactly as it was for the next try. */
	assert_int_equal(hx_setup(&H, &cpu, 40, g, 0, 1200, PA_BASE, true), 0);
	sc->prepare(&H, g);
	hx_snap_take(&H, &before);
	used = H.pool.used;
	for (long k = 0;; k++) {
		struct hx_snap after;
		uint64_t allocs = H.allocs, frees = H.frees;

		armvirt_host_log_clear();
		H.fail_after = k;
		rc = sc->op(&H, g);
		if (rc != ARMVIRT_ENOMEM)
			break;
		hx_snap_take(&H, &after);
		assert_true(hx_snap_equal(&before, &after));
		hx_snap_free(&after);
		assert_int_equal(H.pool.used, used);
		assert_int_equal(H.allocs - allocs, (uint64_t)k);
		assert_int_equal(H.frees - frees, (uint64_t)k);
		assert_int_equal(armvirt_host_log_count(), 0);
		failures++;
	}
	assert_int_equal(rc, 0);
	assert_true(hx_model_end(&H) && hx_check(&H, false));
	hx_snap_free(&before);
	hx_teardown(&H);
	print_message("%-48s %5llu KiB granule: failed cleanly at each of %u allocations\n",
		      sc->name, (unsigned long long)(g >> 10), failures);
	assert_true(failures >= 1);
}

static void test_every_allocation(void **state)
{
	static const uint64_t granules[] = { 4096, 16384, 65536 };

	(void)state;
	for (size_t s = 0; s < sizeof(scenarios) / sizeof(scenarios[0]); s++)
		for (int g = 0; g < 3; g++)
			run_scenario(&scenarios[s], granules[g]);
}

/* A pool that is simply too small behaves the same. */
static void test_pool_exhausted(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_v80();
	struct hx_snap before, after;

	(void)state;
	assert_int_equal(hx_setup(&H, &cpu, 40, 4096, 0, 3, PA_BASE, true), 0);
	map_ok(&H, 0, 0, 4096, 0);
	hx_snap_take(&H, &before);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(1ull << 30), armvirt_pa(0), 4 << 20,
					   RAM, ARMVIRT_S2MMU_PAGES),
			 ARMVIRT_ENOMEM);
	hx_snap_take(&H, &after);
	assert_true(hx_snap_equal(&before, &after));
	assert_int_equal(H.pool.used, 2);
	hx_snap_free(&before);
	hx_snap_free(&after);
	hx_teardown(&H);
}

static void test_pool(void **state)
{
	static uint64_t mem[3 * 512] __attribute__((aligned(4096)));
	struct armvirt_s2mmu_pool pool;
	struct armvirt_s2mmu_ops ops = { 0 };
	armvirt_pa_t a, b, c, d;

	(void)state;
	assert_int_equal(armvirt_s2mmu_pool_init(&pool, armvirt_pa(0x1000), armvirt_va(mem),
						 sizeof(mem), 8192),
			 ARMVIRT_EINVAL);
	assert_int_equal(armvirt_s2mmu_pool_init(&pool, armvirt_pa(0x1800), armvirt_va(mem),
						 sizeof(mem), 4096),
			 ARMVIRT_EALIGN);
	assert_int_equal(armvirt_s2mmu_pool_init(&pool, armvirt_pa(0x10000), armvirt_va(mem),
						 sizeof(mem) + 100, 4096),
			 0);
	assert_int_equal(pool.pages, 3);
	armvirt_s2mmu_pool_ops(&pool, &ops);
	assert_ptr_equal(ops.ctx, &pool);
	assert_null(ops.pa_to_va);
	assert_int_equal(ops.va_offset + 0x10000, (uintptr_t)mem);
	assert_int_equal(ops.alloc_page(ops.ctx, &a), 0);
	assert_int_equal(ops.alloc_page(ops.ctx, &b), 0);
	assert_int_equal(ops.alloc_page(ops.ctx, &c), 0);
	assert_int_equal(ops.alloc_page(ops.ctx, &d), ARMVIRT_ENOMEM);
	assert_int_equal(armvirt_pa_val(a), 0x10000);
	assert_int_equal(armvirt_pa_val(c), 0x12000);
	assert_int_equal(pool.used, 3);
	ops.free_page(ops.ctx, b);
	ops.free_page(ops.ctx, a);
	assert_int_equal(pool.used, 1);
	assert_int_equal(ops.alloc_page(ops.ctx, &d), 0);
	assert_int_equal(armvirt_pa_val(d), 0x10000); /* the last given back */
	assert_int_equal(ops.alloc_page(ops.ctx, &d), 0);
	assert_int_equal(armvirt_pa_val(d), 0x11000);
	assert_int_equal(ops.alloc_page(ops.ctx, &d), ARMVIRT_ENOMEM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_allocation),
		cmocka_unit_test(test_pool_exhausted),
		cmocka_unit_test(test_pool),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

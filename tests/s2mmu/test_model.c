/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Randomized model test: long random sequences of map, unmap, attribute
 * changes and dirty tracking, each checked against the reference model
 * (every IPA's translation, through the reference walker), the TLB model
 * (break-before-make and invalidation at every barrier), and the tables'
 * structure, for each granule. ARMVIRT_MODEL_STEPS sets the length,
 * ARMVIRT_MODEL_SEED varies the sequences.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "model.h"

#define PA_BASE 0x800000000ull

struct config {
	const char *name;
	struct armvirt_s2mmu_cpu (*cpu)(void);
	unsigned ipa;
	uint64_t granule;
	uint32_t want;
	uint64_t window;
};

static const struct config configs[] = {
	{ "4K v8.0", hx_cpu_v80, 36, 4096, 0, 4ull << 30 },
	{ "4K TTL+range+XNX, HA/HD", hx_cpu_max, 40, 4096,
	  ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC | ARMVIRT_S2MMU_FEAT_HD, 4ull << 30 },
	{ "16K v8.0", hx_cpu_v80, 40, 16384, 0, 2ull << 30 },
	{ "16K range+FWB", hx_cpu_max, 47, 16384,
	  ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC | ARMVIRT_S2MMU_FEAT_FWB, 2ull << 30 },
	{ "64K v8.0", hx_cpu_v80, 40, 65536, 0, 4ull << 30 },
	{ "64K range+XNX", hx_cpu_max, 48, 65536, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC, 4ull << 30 },
	{ "4K LPA2 52-bit", hx_cpu_lpa2, 52, 4096, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC, 4ull << 30 },
};

static uint64_t seed_base(void)
{
	const char *e = getenv("ARMVIRT_MODEL_SEED");
	return e ? strtoull(e, NULL, 0) : 0;
}

static unsigned steps(void)
{
	const char *e = getenv("ARMVIRT_MODEL_STEPS");
	return e ? (unsigned)strtoul(e, NULL, 0) : 60;
}

static void run(const struct config *c, bool pages, uint64_t seed)
{
	struct armvirt_s2mmu_cpu cpu = c->cpu();
	struct hx h;
	struct model m;
	struct msrc s = { NULL, 0, seed };
	unsigned n = steps();

	assert_int_equal(hx_setup(&h, &cpu, c->ipa, c->granule, c->want, (32ull << 20) / c->granule,
				  PA_BASE, true),
			 0);
	model_init(&m, &h, c->window, pages, pages);
	m.verbose = getenv("ARMVIRT_MODEL_VERBOSE") != NULL;
	for (unsigned i = 0; i < n; i++) {
		if (!model_step(&m, &s)) {
			print_error("%s, %s, step %u: %s\n", c->name,
				    pages ? "all operations" : "canonical", i, m.err);
			fail();
		}
	}
	print_message("%-26s %-14s %u steps (map %u, unmap %u, attr %u, dirty %u), %u allocation "
		      "failures, %llu table pages at the end\n",
		      c->name, pages ? "all operations" : "canonical", m.steps, m.counts[0],
		      m.counts[1], m.counts[2],
		      m.counts[3] + m.counts[4] + m.counts[5] + m.counts[6] + m.counts[7],
		      m.failures_injected, (unsigned long long)h.s2.table_pages);
	/* Unmapping the whole space leaves the root alone. */
	assert_int_equal(armvirt_s2mmu_destroy(&h.s2), 0);
	assert_int_equal(h.s2.table_pages, 0);
	assert_int_equal(h.pool.used, 0);
	assert_true(hx_model_end(&h));
	model_fini(&m);
	hx_teardown(&h);
}

/* ARMVIRT_MODEL_CONFIG=n runs configuration n only (to reproduce a failure). */
static bool selected(size_t i)
{
	const char *e = getenv("ARMVIRT_MODEL_CONFIG");
	return !e || strtoul(e, NULL, 0) == i;
}

static void test_canonical(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(configs) / sizeof(configs[0]); i++)
		if (selected(i))
			run(&configs[i], false, seed_base() + 0x5eed0000 + i);
}

static void test_all_operations(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(configs) / sizeof(configs[0]); i++)
		if (selected(i))
			run(&configs[i], true, seed_base() + 0xd1e70000 + i);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_all_operations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The exact, ordered sequence of barriers and TLB invalidations each kind
 * of change produces, as the recording port logs it, with the descriptor's
 * value at every step (break-before-make: invalid at the first barrier, new
 * only after the invalidation has completed). Operand values are worked by
 * hand from C5.5: by IPA, IPA[55:12] in [43:0] and TTL in [47:44] (TTL[3:2]
 * = granule, 1 for 4KB; TTL[1:0] = level); by range, BaseADDR [36:0], TTL
 * [38:37], NUM [43:39], SCALE [45:44], TG [47:46].
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "harness.h"

#define K4 0x1000ull
#define M2 0x200000ull
#define RAM ARMVIRT_S2MMU_RW
#define PA_BASE 0x800000000ull

static struct hx H;

/* What a watched descriptor held at each logged event. */
static uint64_t watch_pa;
static uint64_t seen[8192];
static size_t nseen;

static void record(struct hx *h, bool is_dsb, uint32_t id, uint64_t arg)
{
	(void)is_dsb;
	(void)id;
	(void)arg;
	if (nseen < sizeof(seen) / sizeof(seen[0]))
		seen[nseen++] = watch_pa ? *(const uint64_t *)hx_ptr(h, watch_pa) : 0;
}

static void watch(uint64_t ipa)
{
	struct ref_tr tr = hx_tr(&H, ipa);
	watch_pa = tr.desc_pa;
	nseen = 0;
	H.on_event = record;
	armvirt_host_log_clear();
}

static int teardown(void **state)
{
	(void)state;
	hx_teardown(&H);
	watch_pa = 0;
	return 0;
}

static void setup(struct armvirt_s2mmu_cpu cpu, uint32_t want)
{
	assert_int_equal(hx_setup(&H, &cpu, 40, 4096, want, 2048, PA_BASE, true), 0);
}

static void settle(void)
{
	bool ok = hx_model_end(&H) && hx_check(&H, true);
	if (!ok)
		print_error("%s\n", H.failure);
	assert_true(ok);
}

static void expect(size_t i, enum armvirt_host_event_kind kind, uint32_t id, uint64_t value)
{
	const struct armvirt_host_event *e = armvirt_host_log_at(i);

	assert_non_null(e);
	assert_int_equal(e->kind, kind);
	assert_int_equal(e->id, id);
	assert_int_equal(e->value, value);
}

static void expect_dsb(size_t i, enum armvirt_port_domain d)
{
	expect(i, ARMVIRT_HOST_EV_DSB, d, 0);
}

static void expect_tlbi(size_t i, enum armvirt_port_tlbi op, uint64_t arg)
{
	expect(i, ARMVIRT_HOST_EV_TLBI, op, arg);
}

/* The stage-2 invalidations are followed by the stage-1 one. */
static void expect_tail(size_t i)
{
	expect_dsb(i, ARMVIRT_PORT_ISH);
	expect_tlbi(i + 1, ARMVIRT_TLBI_VMALLE1IS, 0);
	expect_dsb(i + 2, ARMVIRT_PORT_ISH);
}

static void test_remap_page_bbm(void **state)
{
	(void)state;
	setup(hx_cpu_v80(), 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40001000), armvirt_pa(0x80001000),
					   K4, RAM, 0),
			 0);
	watch(0x40001000);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40001000), armvirt_pa(0x90000000),
					   K4, RAM, ARMVIRT_S2MMU_REPLACE),
			 0);
	assert_int_equal(armvirt_host_log_count(), 6);
	expect_dsb(0, ARMVIRT_PORT_ISHST);
	expect_tlbi(1, ARMVIRT_TLBI_IPAS2LE1IS, 0x40001); /* no FEAT_TTL: no hint */
	expect_tail(2);
	expect_dsb(5, ARMVIRT_PORT_ISHST);
	/* Break, invalidate, make. */
	assert_false(seen[0] & 1);
	assert_false(seen[4] & 1);
	assert_int_equal(seen[5], 0x900007ffull);
	settle();
}

static void test_ttl_hint(void **state)
{
	(void)state;
	setup(hx_cpu_max(), ARMVIRT_S2MMU_FEAT_TTL);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40001000), armvirt_pa(0x80001000),
					   K4, RAM, 0),
			 0);
	armvirt_host_log_clear();
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40001000), armvirt_pa(0x90000000),
					   K4, RAM, ARMVIRT_S2MMU_REPLACE),
			 0);
	/* TTL = 0b01 (4KB) : 0b11 (level 3). */
	expect_tlbi(1, ARMVIRT_TLBI_IPAS2LE1IS, 0x40001 | (0x7ull << 44));
	settle();
}

static void test_protect_block_in_place(void **state)
{
	(void)state;
	setup(hx_cpu_max(), ARMVIRT_S2MMU_FEAT_TTL);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40200000), armvirt_pa(0x80200000),
					   M2, RAM, 0),
			 0);
	watch(0x40200000);
	assert_int_equal(
		armvirt_s2mmu_protect(&H.s2, armvirt_ipa(0x40200000), M2, ARMVIRT_S2MMU_R, 0), 0);
	/* A permission change needs no break: written, then invalidated. */
	assert_int_equal(armvirt_host_log_count(), 5);
	expect_dsb(0, ARMVIRT_PORT_ISHST);
	expect_tlbi(1, ARMVIRT_TLBI_IPAS2LE1IS, 0x40200 | (0x6ull << 44)); /* level 2 */
	expect_tail(2);
	assert_int_equal(seen[0], 0x8020077dull);
	settle();
	/* Relaxing invalidates too, so that no stale read-only entry lingers. */
	armvirt_host_log_clear();
	assert_int_equal(armvirt_s2mmu_protect(&H.s2, armvirt_ipa(0x40200000), M2, RAM, 0), 0);
	assert_int_equal(armvirt_host_log_count(), 5);
	settle();
	/* Software bits alone: no invalidation, one barrier. */
	armvirt_host_log_clear();
	assert_int_equal(armvirt_s2mmu_set_attr(&H.s2, armvirt_ipa(0x40200000), M2,
						ARMVIRT_S2MMU_SW(3), ARMVIRT_S2MMU_SW(7), 0),
			 0);
	assert_int_equal(armvirt_host_log_count(), 1);
	expect_dsb(0, ARMVIRT_PORT_ISHST);
	settle();
}

static void map_table_region(void)
{
	/* 2 MiB of pages (PA misaligned for a block): one level-3 table; and a
	 * page beside it so that the level-2 table stays. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80000000),
					   K4, RAM, 0),
			 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40200000), armvirt_pa(0x80201000),
					   M2, RAM, 0),
			 0);
	assert_int_equal(H.s2.table_pages, 3);
	armvirt_host_log_clear();
}

static void test_unmap_table_by_ipa(void **state)
{
	(void)state;
	setup(hx_cpu_v80(), 0);
	map_table_region();
	assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0x40200000), M2, 0), 0);
	/* The table goes: 512 page invalidations including walk caches. */
	assert_int_equal(armvirt_host_log_count(), 1 + 512 + 3);
	expect_dsb(0, ARMVIRT_PORT_ISHST);
	for (unsigned i = 0; i < 512; i++)
		expect_tlbi(1 + i, ARMVIRT_TLBI_IPAS2E1IS, 0x40200 + i);
	expect_tail(513);
	assert_int_equal(H.s2.table_pages, 2);
	settle();
}

static void test_unmap_table_threshold(void **state)
{
	(void)state;
	setup(hx_cpu_v80(), 0);
	map_table_region();
	H.s2.tlbi_max_ops = 511;
	assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0x40200000), M2, 0), 0);
	assert_int_equal(armvirt_host_log_count(), 3);
	expect_dsb(0, ARMVIRT_PORT_ISHST);
	expect_tlbi(1, ARMVIRT_TLBI_VMALLS12E1IS, 0);
	expect_dsb(2, ARMVIRT_PORT_ISH);
	settle();
}

static void test_unmap_table_by_range(void **state)
{
	(void)state;
	setup(hx_cpu_max(), ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC);
	map_table_region();
	assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0x40200000), M2, 0), 0);
	/* 512 pages = (7 + 1) << (5 * 1 + 1): NUM 7, SCALE 1, TG 1, TTL 0. */
	assert_int_equal(armvirt_host_log_count(), 5);
	expect_dsb(0, ARMVIRT_PORT_ISHST);
	expect_tlbi(1, ARMVIRT_TLBI_RIPAS2E1IS,
		    0x40200ull | (7ull << 39) | (1ull << 44) | (1ull << 46));
	expect_tail(2);
	settle();
}

static void test_unmap_blocks_by_range(void **state)
{
	(void)state;
	setup(hx_cpu_max(), ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80000000),
					   K4, RAM, 0),
			 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40200000), armvirt_pa(0x80200000),
					   3 * M2, RAM, 0),
			 0);
	armvirt_host_log_clear();
	assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0x40200000), 3 * M2, 0), 0);
	/* Three level-2 blocks = 1536 pages = (23 + 1) << 6: one leaf range op, TTL 2. */
	assert_int_equal(armvirt_host_log_count(), 5);
	expect_tlbi(1, ARMVIRT_TLBI_RIPAS2LE1IS,
		    0x40200ull | (2ull << 37) | (23ull << 39) | (1ull << 44) | (1ull << 46));
	settle();
	hx_teardown(&H);

	/* Without range support: one by-IPA op per block, level-2 hint. */
	setup(hx_cpu_max(), ARMVIRT_S2MMU_FEAT_TTL);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80000000),
					   K4, RAM, 0),
			 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40200000), armvirt_pa(0x80200000),
					   3 * M2, RAM, 0),
			 0);
	armvirt_host_log_clear();
	assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0x40200000), 3 * M2, 0), 0);
	assert_int_equal(armvirt_host_log_count(), 7);
	for (unsigned i = 0; i < 3; i++)
		expect_tlbi(1 + i, ARMVIRT_TLBI_IPAS2LE1IS,
			    (0x40200ull + i * 0x200) | (0x6ull << 44));
	expect_tail(4);
	settle();
}

static void test_range_lpa2_units(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_lpa2();

	(void)state;
	assert_int_equal(
		hx_setup(&H, &cpu, 52, 4096, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC, 256, PA_BASE, true),
		0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80000000),
					   64 * K4, RAM, 0),
			 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40200000), armvirt_pa(0x80000000),
					   K4, RAM, 0),
			 0);
	armvirt_host_log_clear();
	assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0x40000000), 64 * K4, 0), 0);
	/* With DS, BaseADDR counts 64 KiB: 0x40000000 >> 16. 64 pages = 1 << 6. Then
	 * the emptied table's walk-cache entry: one op anywhere in its 2 MiB. */
	assert_int_equal(armvirt_host_log_count(), 1 + 2 + 3);
	expect_tlbi(1, ARMVIRT_TLBI_RIPAS2LE1IS,
		    0x4000ull | (3ull << 37) | (0ull << 39) | (1ull << 44) | (1ull << 46));
	expect_tlbi(2, ARMVIRT_TLBI_IPAS2E1IS, 0x40000);
	settle();
	/* A run that does not start on 64 KiB takes single ops up to it. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80001000),
					   64 * K4, RAM, 0),
			 0);
	armvirt_host_log_clear();
	assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0x4000e000), 36 * K4, 0), 0);
	/* 0x4000e000, 0x4000f000 alone; then 34 pages from 0x40010000 = (16 + 1) << 1. */
	assert_int_equal(armvirt_host_log_count(), 1 + 3 + 3);
	expect_tlbi(1, ARMVIRT_TLBI_IPAS2LE1IS, 0x4000e | (0x7ull << 44));
	expect_tlbi(2, ARMVIRT_TLBI_IPAS2LE1IS, 0x4000f | (0x7ull << 44));
	expect_tlbi(3, ARMVIRT_TLBI_RIPAS2LE1IS,
		    0x4001ull | (3ull << 37) | (16ull << 39) | (0ull << 44) | (1ull << 46));
	expect_tail(4);
	settle();
}

static int enters, exits;
static size_t enter_at, exit_at;

static void tlbi_enter(void *ctx)
{
	(void)ctx;
	enters++;
	enter_at = armvirt_host_log_count();
}

static void tlbi_exit(void *ctx)
{
	(void)ctx;
	exits++;
	exit_at = armvirt_host_log_count();
}

static void test_vmid_callbacks(void **state)
{
	(void)state;
	setup(hx_cpu_v80(), 0);
	H.s2.ops.tlbi_enter = tlbi_enter;
	H.s2.ops.tlbi_exit = tlbi_exit;
	enters = exits = 0;
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80000000),
					   M2, RAM, 0),
			 0);
	assert_int_equal(enters + exits, 0); /* nothing to invalidate */
	armvirt_host_log_clear();
	assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0x40000000), M2, 0), 0);
	assert_int_equal(enters, 1);
	assert_int_equal(exits, 1);
	/* Around the TLBIs: after the first barrier, after the last. */
	assert_int_equal(enter_at, 1);
	assert_int_equal(exit_at, armvirt_host_log_count());
	settle();
}

static void test_two_areas_one_batch(void **state)
{
	(void)state;
	setup(hx_cpu_v80(), 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80000000),
					   4 * K4, RAM, 0),
			 0);
	armvirt_host_log_clear();
	/* Unmap two separate pages of one table with a hole between: one batch. */
	assert_int_equal(armvirt_s2mmu_set_attr(&H.s2, armvirt_ipa(0x40000000), 4 * K4,
						ARMVIRT_S2MMU_R, ARMVIRT_S2MMU_ATTR_PERMS, 0),
			 0);
	assert_int_equal(armvirt_host_log_count(), 1 + 4 + 3);
	for (unsigned i = 0; i < 4; i++)
		expect_tlbi(1 + i, ARMVIRT_TLBI_IPAS2LE1IS, 0x40000 + i);
	settle();
	armvirt_host_log_clear();
	assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0x40003000), K4, 0), 0);
	assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0x40000000), K4, 0), 0);
	/* Each call is its own batch: DSB, TLBI, DSB, VMALLE1IS, DSB. */
	assert_int_equal(armvirt_host_log_count(), 10);
	expect_tlbi(1, ARMVIRT_TLBI_IPAS2LE1IS, 0x40003);
	expect_tlbi(6, ARMVIRT_TLBI_IPAS2LE1IS, 0x40000);
	settle();
}

static void test_fold_group_sequence(void **state)
{
	(void)state;
	setup(hx_cpu_v80(), 0);
	/* 15 pages, then the 16th: the group is formed with break-before-make. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40010000), armvirt_pa(0x80010000),
					   15 * K4, RAM, 0),
			 0);
	watch(0x40010000);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x4001f000), armvirt_pa(0x8001f000),
					   K4, RAM, 0),
			 0);
	assert_int_equal(armvirt_host_log_count(), 1 + 15 + 3 + 1);
	for (unsigned i = 0; i < 15; i++)
		expect_tlbi(1 + i, ARMVIRT_TLBI_IPAS2LE1IS, 0x40010 + i);
	expect_tail(16);
	expect_dsb(19, ARMVIRT_PORT_ISHST);
	assert_false(seen[0] & 1);
	assert_false(seen[18] & 1);
	assert_int_equal(seen[19], 0x800107ffull | (1ull << 52));
	settle();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_remap_page_bbm, teardown),
		cmocka_unit_test_teardown(test_ttl_hint, teardown),
		cmocka_unit_test_teardown(test_protect_block_in_place, teardown),
		cmocka_unit_test_teardown(test_unmap_table_by_ipa, teardown),
		cmocka_unit_test_teardown(test_unmap_table_threshold, teardown),
		cmocka_unit_test_teardown(test_unmap_table_by_range, teardown),
		cmocka_unit_test_teardown(test_unmap_blocks_by_range, teardown),
		cmocka_unit_test_teardown(test_range_lpa2_units, teardown),
		cmocka_unit_test_teardown(test_vmid_callbacks, teardown),
		cmocka_unit_test_teardown(test_two_areas_one_batch, teardown),
		cmocka_unit_test_teardown(test_fold_group_sequence, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

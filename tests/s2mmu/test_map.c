/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mapping, unmapping and attributes, checked as raw descriptors worked out
 * by hand from the Arm ARM (D8: descriptor formats, stage-2 MemAttr, S2AP and XN),
 * read back through the reference walker from VTTBR_EL2 and memory, with
 * the TLB model watching every operation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "harness.h"

#define K4 0x1000ull
#define K16 0x4000ull
#define K64 0x10000ull
#define M2 0x200000ull
#define M32 0x2000000ull
#define M512 0x20000000ull
#define G1 0x40000000ull

#define RAM ARMVIRT_S2MMU_RW
#define PA_BASE 0x800000000ull /* where the harness puts table memory */

static struct hx H;

static int teardown(void **state)
{
	(void)state;
	hx_teardown(&H);
	return 0;
}

static void setup_or_die(const struct armvirt_s2mmu_cpu *cpu, unsigned ipa, uint64_t granule,
			 uint32_t want)
{
	assert_int_equal(hx_setup(&H, cpu, ipa, granule, want, 4096, PA_BASE, true), 0);
}

/* Every operation ends with consistent tables and a clean TLB model. */
static void settle(bool canonical)
{
	bool ok = hx_model_end(&H) && hx_check(&H, canonical);
	if (!ok)
		print_error("%s\n", H.failure);
	assert_true(ok);
}

static uint64_t leaf_desc(uint64_t ipa, int level)
{
	struct ref_tr tr = hx_tr(&H, ipa);
	assert_true(tr.valid);
	assert_int_equal(tr.level, level);
	return tr.desc;
}

static void test_page_4k_encoding(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_v80();
	const uint64_t *root, *l2;

	(void)state;
	setup_or_die(&cpu, 40, 4096, 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80000000),
					   K4, RAM, 0),
			 0);
	/*
	 * Root (level 1, two tables at PA_BASE): entry 1 covers 1-2 GiB; a table
	 * descriptor (0b11) to the first pool page; level 2 entry 0 to the
	 * second; level 3 entry 0 is the page:
	 * PA | AF (0x400) | SH inner (0x300) | S2AP RW (0xc0) | MemAttr WB (0xf << 2)
	 * | page (0b11) = 0x800007ff.
	 */
	root = hx_ptr(&H, PA_BASE);
	assert_int_equal(root[0], 0);
	assert_int_equal(root[1] & 0xfff, 3);
	assert_in_range(root[1] & ~0xfffull, PA_BASE + 0x2000, PA_BASE + 0x3000);
	l2 = hx_ptr(&H, root[1] & ~0xfffull);
	assert_int_equal(l2[0] & 0xfff, 3);
	assert_in_range(l2[0] & ~0xfffull, PA_BASE + 0x2000, PA_BASE + 0x3000);
	assert_int_not_equal(l2[0] & ~0xfffull, root[1] & ~0xfffull);
	assert_int_equal(leaf_desc(0x40000000, 3), 0x800007ffull);
	assert_int_equal(H.s2.table_pages, 2);
	/* Mapping into empty space: no TLBI, a barrier before and after linking. */
	assert_int_equal(armvirt_host_log_count(), 2);
	assert_int_equal(armvirt_host_log_at(0)->kind, ARMVIRT_HOST_EV_DSB);
	assert_int_equal(armvirt_host_log_at(0)->id, ARMVIRT_PORT_ISHST);
	assert_int_equal(armvirt_host_log_at(1)->kind, ARMVIRT_HOST_EV_DSB);
	assert_int_equal(armvirt_host_log_at(1)->id, ARMVIRT_PORT_ISHST);
	settle(true);
}

static void test_blocks_4k(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_v80();
	struct armvirt_s2mmu_leaf leaf;

	(void)state;
	setup_or_die(&cpu, 40, 4096, 0);
	/* 2 MiB aligned on both sides: a level-2 block, 0b01, same attributes. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40200000), armvirt_pa(0x80200000),
					   M2, RAM, 0),
			 0);
	assert_int_equal(leaf_desc(0x40200000, 2), 0x802007fdull);
	/* 1 GiB: a level-1 block in the root. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x80000000), armvirt_pa(0x100000000),
					   G1, RAM, 0),
			 0);
	assert_int_equal(((const uint64_t *)hx_ptr(&H, PA_BASE))[2], 0x1000007fdull);
	assert_int_equal(H.s2.table_pages, 1);
	/* A PA aligned to 4 KiB only: pages, and no contiguous group either. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0xc0000000), armvirt_pa(0x140001000),
					   2 * M2, RAM, 0),
			 0);
	assert_int_equal(leaf_desc(0xc0000000, 3), 0x1400017ffull);
	assert_int_equal(leaf_desc(0xc03ff000, 3), 0x1404007ffull);
	/* The walk reports leaves and holes. */
	assert_int_equal(armvirt_s2mmu_walk(&H.s2, armvirt_ipa(0x80123456), &leaf), 0);
	assert_int_equal(armvirt_ipa_val(leaf.ipa), 0x80000000);
	assert_int_equal(armvirt_pa_val(leaf.pa), 0x100000000);
	assert_int_equal(leaf.size, G1);
	assert_int_equal(leaf.level, 1);
	assert_int_equal(leaf.attr, RAM);
	assert_false(leaf.contiguous);
	assert_int_equal(armvirt_s2mmu_walk(&H.s2, armvirt_ipa(0x40400000), &leaf), ARMVIRT_ENOENT);
	assert_int_equal(armvirt_ipa_val(leaf.ipa), 0x40400000);
	assert_int_equal(leaf.size, M2);
	assert_int_equal(leaf.level, 2);
	assert_int_equal(armvirt_s2mmu_walk(&H.s2, armvirt_ipa(1ull << 40), &leaf), ARMVIRT_ERANGE);
	settle(true);
}

static void test_contiguous_4k(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_v80();
	struct armvirt_s2mmu_leaf leaf;

	(void)state;
	setup_or_die(&cpu, 40, 4096, 0);
	/* 64 KiB aligned: 16 pages with the contiguous bit (52). */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40010000), armvirt_pa(0x80010000),
					   K64, RAM, 0),
			 0);
	for (unsigned i = 0; i < 16; i++)
		assert_int_equal(leaf_desc(0x40010000 + i * K4, 3),
				 (0x80010000ull + i * K4) | 0x7ff | (1ull << 52));
	assert_int_equal(armvirt_s2mmu_walk(&H.s2, armvirt_ipa(0x40015000), &leaf), 0);
	assert_true(leaf.contiguous);
	/* 60 KiB only: no hint. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40020000), armvirt_pa(0x80020000),
					   K64 - K4, RAM, 0),
			 0);
	assert_int_equal(leaf_desc(0x40020000, 3), 0x800207ffull);
	settle(true);
	/* The 16th page completes the group: the other 15 are remade with the hint. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x4002f000), armvirt_pa(0x8002f000),
					   K4, RAM, 0),
			 0);
	assert_int_equal(leaf_desc(0x40020000, 3), 0x800207ffull | (1ull << 52));
	settle(true);
	/* 32 MiB of 2 MiB blocks: level-2 groups of 16. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x42000000), armvirt_pa(0x82000000),
					   M32, RAM, 0),
			 0);
	assert_int_equal(leaf_desc(0x43e00000, 2), 0x83e007fdull | (1ull << 52));
	settle(true);
}

struct attr_case {
	armvirt_s2mmu_attr_t attr;
	uint64_t low; /* expected descriptor bits other than the address */
};

static void test_attributes(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_max();
	/*
	 * Page descriptors at PA 0x9000000. MemAttr[5:2]: WB 0xf, NC 0x5, WT 0xa,
	 * Device nGnRnE 0, nGnRE 1, nGRE 2, GRE 3. S2AP[7:6]: R 01, W 10.
	 * SH[9:8]: inner 11, outer 10, none 00. AF bit 10. XN[54:53] with
	 * FEAT_XNX: PXN only 01, both 10, UXN only 11. Software bits [58:56].
	 */
	static const struct attr_case cases[] = {
		{ RAM, 0x7ff },
		{ ARMVIRT_S2MMU_R, 0x77f },
		{ ARMVIRT_S2MMU_W, 0x7bf },
		{ 0, 0x73f },
		{ RAM | ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_NORMAL_NC), 0x7d7 },
		{ RAM | ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_NORMAL_WT), 0x7eb },
		{ RAM | ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_DEVICE_nGnRnE) | ARMVIRT_S2MMU_XN,
		  0x7c3 | (2ull << 53) },
		{ RAM | ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_DEVICE_nGnRE) | ARMVIRT_S2MMU_XN,
		  0x7c7 | (2ull << 53) },
		{ RAM | ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_DEVICE_nGRE), 0x7cb },
		{ RAM | ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_DEVICE_GRE), 0x7cf },
		{ RAM | ARMVIRT_S2MMU_PXN, 0x7ff | (1ull << 53) },
		{ RAM | ARMVIRT_S2MMU_UXN, 0x7ff | (3ull << 53) },
		{ RAM | ARMVIRT_S2MMU_SH(ARMVIRT_S2MMU_SH_OUTER), 0x6ff },
		{ RAM | ARMVIRT_S2MMU_SH(ARMVIRT_S2MMU_SH_NONE), 0x4ff },
		{ RAM | ARMVIRT_S2MMU_OLD, 0x3ff },
		{ RAM | ARMVIRT_S2MMU_SW(5), 0x7ff | (5ull << 56) },
	};
	struct armvirt_s2mmu_leaf leaf;

	(void)state;
	setup_or_die(&cpu, 40, 4096, ARMVIRT_S2MMU_FEAT_XNX);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint64_t ipa = 0x10000000 + i * M2;

		assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(ipa), armvirt_pa(0x9000000),
						   K4, cases[i].attr, 0),
				 0);
		assert_int_equal(leaf_desc(ipa, 3), 0x9000000 | cases[i].low);
		assert_int_equal(armvirt_s2mmu_walk(&H.s2, armvirt_ipa(ipa), &leaf), 0);
		assert_int_equal(leaf.attr, cases[i].attr);
		assert_int_equal(leaf.desc, 0x9000000 | cases[i].low);
	}
	settle(true);
	/* What the configuration cannot express. */
	armvirt_host_log_clear();
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0), armvirt_pa(0), K4,
					   ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_NORMAL_S1), 0),
			 ARMVIRT_ENOTSUP);
	assert_int_equal(
		armvirt_s2mmu_map(&H.s2, armvirt_ipa(0), armvirt_pa(0), K4, ARMVIRT_S2MMU_SH(3), 0),
		ARMVIRT_EINVAL);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0), armvirt_pa(0), K4, 1u << 13, 0),
			 ARMVIRT_EINVAL);
	assert_int_equal(armvirt_host_log_count(), 0);
}

static void test_attributes_fwb_noxnx(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_max();

	(void)state;
	/* FWB: MemAttr 0b0110 forces Write-Back, 0b0111 defers to stage 1. No XNX. */
	setup_or_die(&cpu, 40, 4096, ARMVIRT_S2MMU_FEAT_FWB);
	assert_int_equal(
		armvirt_s2mmu_map(&H.s2, armvirt_ipa(0), armvirt_pa(0x9000000), K4, RAM, 0), 0);
	assert_int_equal(leaf_desc(0, 3), 0x9000000 | 0x7db);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(K4), armvirt_pa(0x9000000), K4,
					   RAM | ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_NORMAL_S1), 0),
			 0);
	assert_int_equal(leaf_desc(K4, 3), 0x9000000 | 0x7df);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(2 * K4), armvirt_pa(0), K4,
					   ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_NORMAL_WT), 0),
			 ARMVIRT_ENOTSUP);
	/* Without FEAT_XNX only both execute-never bits, as XN[1] (bit 54). */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(2 * K4), armvirt_pa(0), K4,
					   RAM | ARMVIRT_S2MMU_PXN, 0),
			 ARMVIRT_ENOTSUP);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(2 * K4), armvirt_pa(0), K4,
					   RAM | ARMVIRT_S2MMU_XN, 0),
			 0);
	assert_int_equal(leaf_desc(2 * K4, 3), 0x7db | (1ull << 54));
	settle(true);
}

static void test_granules_16k_64k(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_v80();
	const uint64_t *root;

	(void)state;
	/* 16KB, 36 bits: start at level 2 (32 MiB blocks), one root table. */
	setup_or_die(&cpu, 36, 16384, 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x42000000), armvirt_pa(0x84000000),
					   M32, RAM, 0),
			 0);
	root = hx_ptr(&H, PA_BASE);
	assert_int_equal(root[0x42000000 / M32], 0x840007fdull);
	/* A 16 KiB page; 128 of them form a contiguous group (2 MiB). */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80004000),
					   K16, RAM, 0),
			 0);
	assert_int_equal(leaf_desc(0x40000000, 3), 0x800047ffull);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40200000), armvirt_pa(0x80200000),
					   M2, RAM, 0),
			 0);
	assert_int_equal(leaf_desc(0x403fc000, 3), 0x803fc7ffull | (1ull << 52));
	settle(true);
	hx_teardown(&H);

	/* 64KB, 40 bits: level 2 (512 MiB blocks). */
	setup_or_die(&cpu, 40, 65536, 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x20000000), armvirt_pa(0x60000000),
					   M512, RAM, 0),
			 0);
	root = hx_ptr(&H, PA_BASE);
	assert_int_equal(root[1], 0x600007fdull);
	/* 32 x 64 KiB = 2 MiB contiguous group. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80000000),
					   M2, RAM, 0),
			 0);
	assert_int_equal(leaf_desc(0x401f0000, 3), 0x801f07ffull | (1ull << 52));
	settle(true);
}

static void test_lpa2_encoding(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_lpa2();

	(void)state;
	/* Tables above 2^48 exercise every address encoding. */
	assert_int_equal(hx_setup(&H, &cpu, 52, 4096, 0, 256, 0x000f000000000000ull, true), 0);
	/* OA[51:50] in descriptor bits [9:8], OA[49:48] in place; no SH field. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x000a000040000000ull),
					   armvirt_pa(0x0005000080000000ull), K4, RAM, 0),
			 0);
	assert_int_equal(leaf_desc(0x000a000040000000ull, 3),
			 0x0001000080000000ull | (1ull << 8) | 0x4ff);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(K4), armvirt_pa(0), K4,
					   RAM | ARMVIRT_S2MMU_SH(ARMVIRT_S2MMU_SH_OUTER), 0),
			 ARMVIRT_ENOTSUP);
	settle(true);
	hx_teardown(&H);

	/* 64KB with a 52-bit PA: OA[51:48] in bits [15:12]. */
	assert_int_equal(hx_setup(&H, &cpu, 52, 65536, 0, 64, 0x000f000000000000ull, true), 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x000a000040000000ull),
					   armvirt_pa(0x000d000080010000ull), K64, RAM, 0),
			 0);
	assert_int_equal(leaf_desc(0x000a000040000000ull, 3), 0x80010000ull | 0xd000 | 0x7ff);
	settle(true);
}

static void test_split_and_coalesce(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_v80();

	(void)state;
	setup_or_die(&cpu, 40, 4096, 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80000000),
					   G1, RAM, 0),
			 0);
	assert_int_equal(H.s2.table_pages, 0);
	/* Unmapping one page splits 1 GiB into 2 MiB blocks and one into pages. */
	assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0x40201000), K4, 0), 0);
	assert_int_equal(H.s2.table_pages, 2);
	/* Level-2 group 0 holds the new table: no hint; group 1 keeps it. */
	assert_int_equal(leaf_desc(0x40000000, 2), 0x800007fdull);
	assert_int_equal(leaf_desc(0x42000000, 2), 0x820007fdull | (1ull << 52));
	assert_false(hx_tr(&H, 0x40201000).valid);
	assert_int_equal(leaf_desc(0x40200000, 3), 0x802007ffull);
	assert_int_equal(leaf_desc(0x40210000, 3), 0x802107ffull | (1ull << 52));
	settle(true);
	/* Mapping it back as it was re-forms the 1 GiB block and frees both tables. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40201000), armvirt_pa(0x80201000),
					   K4, RAM, 0),
			 0);
	assert_int_equal(H.s2.table_pages, 0);
	assert_int_equal(((const uint64_t *)hx_ptr(&H, PA_BASE))[1], 0x800007fdull);
	assert_int_equal(H.frees, H.allocs);
	settle(true);
	/* Protecting part of it splits; restoring the permission coalesces. */
	assert_int_equal(
		armvirt_s2mmu_protect(&H.s2, armvirt_ipa(0x40400000), M2, ARMVIRT_S2MMU_R, 0), 0);
	assert_int_equal(leaf_desc(0x40400000, 2), 0x8040077dull);
	assert_int_equal(leaf_desc(0x40600000, 2), 0x806007fdull);
	assert_int_equal(leaf_desc(0x42000000, 2), 0x820007fdull | (1ull << 52));
	settle(true);
	assert_int_equal(armvirt_s2mmu_protect(&H.s2, armvirt_ipa(0x40400000), M2, RAM, 0), 0);
	assert_int_equal(H.s2.table_pages, 0);
	settle(true);
	/* Overlap without REPLACE fails and changes nothing; with it, remaps. */
	armvirt_host_log_clear();
	assert_int_equal(
		armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x7ffff000), armvirt_pa(0), 2 * K4, RAM, 0),
		ARMVIRT_EEXIST);
	assert_int_equal(armvirt_host_log_count(), 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x7ffff000), armvirt_pa(0), 2 * K4,
					   RAM, ARMVIRT_S2MMU_REPLACE),
			 0);
	assert_int_equal(leaf_desc(0x7ffff000, 3), 0x7ff);
	assert_int_equal(leaf_desc(0x80000000, 3), 0x17ff);
	settle(true);
}

static void test_unmap_frees_all(void **state)
{
	static const uint64_t granules[] = { 4096, 16384, 65536 };
	struct armvirt_s2mmu_cpu cpu = hx_cpu_max();

	(void)state;
	for (int g = 0; g < 3; g++) {
		uint64_t gr = granules[g];

		setup_or_die(&cpu, 44, gr, 0);
		/* A scatter of pages, groups and blocks. */
		for (uint64_t i = 0; i < 40; i++) {
			uint64_t ipa = (i * 0x3456789ull * gr) & ((1ull << 40) - 1) & ~(gr - 1);
			assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(ipa),
							   armvirt_pa(0x100000000ull + i * gr),
							   gr * (i + 1), RAM,
							   ARMVIRT_S2MMU_REPLACE),
					 0);
		}
		assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(1ull << 42),
						   armvirt_pa(1ull << 42), 1ull << 30, RAM, 0),
				 0);
		settle(true);
		assert_true(H.s2.table_pages > 0);
		assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0), 1ull << 44, 0), 0);
		assert_int_equal(H.s2.table_pages, 0);
		assert_int_equal(H.pool.used, 0);
		assert_int_equal(H.allocs, H.frees);
		for (uint64_t i = 0; i < armvirt_s2mmu_root_size(&H.cfg) / 8; i++)
			assert_int_equal(((const uint64_t *)hx_ptr(&H, PA_BASE))[i], 0);
		settle(true);
		/* destroy() does the same. */
		assert_int_equal(
			armvirt_s2mmu_map(&H.s2, armvirt_ipa(0), armvirt_pa(0), 64 * gr, RAM, 0),
			0);
		assert_int_equal(armvirt_s2mmu_destroy(&H.s2), 0);
		assert_int_equal(H.pool.used, 0);
		settle(true);
		hx_teardown(&H);
	}
}

static void test_argument_errors(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_v80();

	(void)state;
	setup_or_die(&cpu, 40, 4096, 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x800), armvirt_pa(0), K4, RAM, 0),
			 ARMVIRT_EALIGN);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0), armvirt_pa(0x800), K4, RAM, 0),
			 ARMVIRT_EALIGN);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0), armvirt_pa(0), 0x800, RAM, 0),
			 ARMVIRT_EALIGN);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0), armvirt_pa(0), 0, RAM, 0),
			 ARMVIRT_ERANGE);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa((1ull << 40) - K4), armvirt_pa(0),
					   2 * K4, RAM, 0),
			 ARMVIRT_ERANGE);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0), armvirt_pa((1ull << 40) - K4),
					   2 * K4, RAM, 0),
			 ARMVIRT_ERANGE);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0), armvirt_pa(0), K4, RAM, 1u << 5),
			 ARMVIRT_EINVAL);
	assert_int_equal(armvirt_s2mmu_unmap(&H.s2, armvirt_ipa(0), K4, ARMVIRT_S2MMU_PAGES),
			 ARMVIRT_EINVAL);
	/* A mask must take PXN/UXN and the memory type whole. */
	assert_int_equal(armvirt_s2mmu_set_attr(&H.s2, armvirt_ipa(0), K4, 0, ARMVIRT_S2MMU_PXN, 0),
			 ARMVIRT_EINVAL);
	assert_int_equal(armvirt_s2mmu_set_attr(&H.s2, armvirt_ipa(0), K4, 0, 1, 0),
			 ARMVIRT_EINVAL);
	assert_int_equal(armvirt_host_log_count(), 0);
	assert_int_equal(H.pool.used, 0);
}

static void test_set_attr(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_max();
	struct armvirt_s2mmu_leaf leaf;

	(void)state;
	setup_or_die(&cpu, 40, 4096, ARMVIRT_S2MMU_FEAT_XNX);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80000000),
					   M2 + K64, RAM | ARMVIRT_S2MMU_SW(1), 0),
			 0);
	/* Change memory type of part of the block, then the software bits alone. */
	assert_int_equal(armvirt_s2mmu_set_attr(
				 &H.s2, armvirt_ipa(0x40100000), M2,
				 ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_NORMAL_NC),
				 (armvirt_s2mmu_attr_t)ARMVIRT_MASK(ARMVIRT_S2MMU_ATTR_MEM_SHIFT,
								    ARMVIRT_S2MMU_ATTR_MEM_WIDTH),
				 0),
			 0);
	assert_int_equal(armvirt_s2mmu_walk(&H.s2, armvirt_ipa(0x40200000), &leaf), 0);
	assert_int_equal(leaf.attr, RAM | ARMVIRT_S2MMU_SW(1) |
					    ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_NORMAL_NC));
	settle(true);
	assert_int_equal(armvirt_s2mmu_set_attr(&H.s2, armvirt_ipa(0x40000000), M2 + K64,
						ARMVIRT_S2MMU_SW(6), ARMVIRT_S2MMU_SW(7), 0),
			 0);
	assert_int_equal(armvirt_s2mmu_walk(&H.s2, armvirt_ipa(0x40000000), &leaf), 0);
	assert_int_equal(leaf.attr, RAM | ARMVIRT_S2MMU_SW(6));
	settle(true);
	/* Permissions on unmapped space: nothing to do. */
	armvirt_host_log_clear();
	assert_int_equal(
		armvirt_s2mmu_protect(&H.s2, armvirt_ipa(0x80000000), G1, ARMVIRT_S2MMU_R, 0), 0);
	assert_int_equal(armvirt_host_log_count(), 0);
}

static unsigned lookups;

static armvirt_va_t lookup(void *ctx, armvirt_pa_t pa)
{
	lookups++;
	return armvirt_va(hx_ptr(ctx, armvirt_pa_val(pa)));
}

/* The hypervisor address of table pages through a callback instead of an offset. */
static void test_pa_to_va_callback(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_v80();
	struct armvirt_s2mmu_leaf leaf;

	(void)state;
	setup_or_die(&cpu, 40, 4096, 0);
	H.ops.pa_to_va = lookup;
	H.ops.va_offset = 0;
	assert_int_equal(armvirt_s2mmu_init(&H.s2, &H.cfg, armvirt_pa(H.root_pa), &H.ops), 0);
	lookups = 0;
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x40000000), armvirt_pa(0x80000000),
					   4 * K4, RAM, 0),
			 0);
	assert_true(lookups > 0);
	assert_int_equal(leaf_desc(0x40003000, 3), 0x800037ffull);
	assert_int_equal(armvirt_s2mmu_walk(&H.s2, armvirt_ipa(0x40003000), &leaf), 0);
	assert_int_equal(armvirt_pa_val(leaf.pa), 0x80003000);
	assert_int_equal(armvirt_s2mmu_destroy(&H.s2), 0);
	assert_int_equal(H.pool.used, 0);
	settle(true);
	/* init refuses a missing callback, a misaligned or out-of-range root. */
	H.ops.alloc_page = NULL;
	assert_int_equal(armvirt_s2mmu_init(&H.s2, &H.cfg, armvirt_pa(H.root_pa), &H.ops),
			 ARMVIRT_EINVAL);
	H.ops.alloc_page = armvirt_s2mmu_pool_alloc;
	assert_int_equal(armvirt_s2mmu_init(&H.s2, &H.cfg, armvirt_pa(H.root_pa + K4), &H.ops),
			 ARMVIRT_EALIGN);
	assert_int_equal(armvirt_s2mmu_init(&H.s2, &H.cfg, armvirt_pa(1ull << 40), &H.ops),
			 ARMVIRT_ERANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_page_4k_encoding, teardown),
		cmocka_unit_test_teardown(test_blocks_4k, teardown),
		cmocka_unit_test_teardown(test_contiguous_4k, teardown),
		cmocka_unit_test_teardown(test_attributes, teardown),
		cmocka_unit_test_teardown(test_attributes_fwb_noxnx, teardown),
		cmocka_unit_test_teardown(test_granules_16k_64k, teardown),
		cmocka_unit_test_teardown(test_lpa2_encoding, teardown),
		cmocka_unit_test_teardown(test_split_and_coalesce, teardown),
		cmocka_unit_test_teardown(test_unmap_frees_all, teardown),
		cmocka_unit_test_teardown(test_argument_errors, teardown),
		cmocka_unit_test_teardown(test_set_attr, teardown),
		cmocka_unit_test_teardown(test_pa_to_va_callback, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

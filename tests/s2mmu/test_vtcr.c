/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Stage-2 configuration against values worked by hand from the Arm ARM
 * (D24.2 VTCR_EL2 and VTTBR_EL2; D8 concatenated initial tables), and
 * against the reference walker's independent decoding of the result.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "harness.h"

struct vtcr_case {
	const char *what;
	struct armvirt_s2mmu_cpu (*cpu)(void);
	unsigned ipa;
	uint64_t granule;
	uint32_t want;
	uint64_t vtcr;
	unsigned start_level, root_pages, pa_bits;
};

/*
 * Worked examples. VTCR_EL2 = RES1 bit 31 | PS [18:16] | TG0 [15:14] |
 * SH0 = 3 [13:12] | ORGN0 = 1 [11:10] | IRGN0 = 1 [9:8] | SL0 [7:6] | T0SZ.
 * The constant part 0x80003500 is RES1 + Inner Shareable WBWA walks.
 */
static const struct vtcr_case cases[] = {
	/* 4KB, 40 bits: level 1 resolves 10 bits = 2 concatenated tables; SL0 = 1. */
	{ "4K/40 v8.0", hx_cpu_v80, 40, 4096, 0, 0x80023558, 1, 2, 40 },
	/* 4KB, 32 bits: level 2, 11 bits = 4 tables; SL0 = 0; PS = 40 bits (2). */
	{ "4K/32 v8.0", hx_cpu_v80, 32, 4096, 0, 0x80023520, 2, 4, 40 },
	/* 4KB, 43 bits: level 1 with 16 tables, not level 0. */
	{ "4K/43", hx_cpu_max, 43, 4096, 0, 0x80053555, 1, 16, 48 },
	/* 4KB, 44 bits: one bit too many for 16 tables at level 1: level 0, SL0 = 2. */
	{ "4K/44", hx_cpu_max, 44, 4096, 0, 0x80053594, 0, 1, 48 },
	/* 4KB, 48 bits: level 0, 512 entries. */
	{ "4K/48", hx_cpu_max, 48, 4096, 0, 0x80053590, 0, 1, 48 },
	/* 4KB, 24 bits with FEAT_TTST: level 3 (SL0 = 3), 12 bits = 8 tables. */
	{ "4K/24 TTST", hx_cpu_max, 24, 4096, 0, 0x800535e8, 3, 8, 48 },
	/* 16KB (TG0 = 2), 36 bits: level 2 holds 11 bits in one table; SL0 = 1. */
	{ "16K/36 v8.0", hx_cpu_v80, 36, 16384, 0, 0x8002b55c, 2, 1, 40 },
	/* 16KB, 47 bits: level 1, one table; SL0 = 2. */
	{ "16K/47", hx_cpu_max, 47, 16384, 0, 0x8005b591, 1, 1, 48 },
	/* 64KB (TG0 = 1), 40 bits: level 2, 11 bits. */
	{ "64K/40 v8.0", hx_cpu_v80, 40, 65536, 0, 0x80027558, 2, 1, 40 },
	/* 64KB, 48 bits: level 1 (SL0 = 2), 64 entries. */
	{ "64K/48", hx_cpu_max, 48, 65536, 0, 0x80057590, 1, 1, 48 },
	/* 4KB, 52 bits with FEAT_LPA2: DS (bit 32), PS = 52 (6), level 0 with 16 tables. */
	{ "4K/52 LPA2", hx_cpu_lpa2, 52, 4096, 0, 0x18006358c, 0, 16, 52 },
	/* 16KB, 52 bits: level 0 (SL0 = 3, DS only), 32 entries. */
	{ "16K/52 LPA2", hx_cpu_lpa2, 52, 16384, 0, 0x18006b5cc, 0, 1, 52 },
	/* 64KB, 52 bits: FEAT_LPA, no DS; level 1 with 1024 entries. */
	{ "64K/52 LPA", hx_cpu_lpa2, 52, 65536, 0, 0x8006758c, 1, 1, 52 },
	/* 4KB, 40 bits, HA (bit 21), HD (bit 22), VS (bit 19). */
	{ "4K/40 HA HD VMID16", hx_cpu_max, 40, 4096,
	  ARMVIRT_S2MMU_FEAT_HD | ARMVIRT_S2MMU_FEAT_VMID16, 0x806d3558, 1, 2, 48 },
	/* 4KB with a 52-bit PA range but no LPA2 requested: PS says 48 bits. */
	{ "4K/40 on 52-bit PA", hx_cpu_lpa2, 40, 4096, 0, 0x80053558, 1, 2, 48 },
};

static void test_worked_values(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct vtcr_case *c = &cases[i];
		struct armvirt_s2mmu_cpu cpu = c->cpu();
		struct armvirt_s2mmu_config cfg;
		struct ref_regs rr = { 0 };
		struct ref_geom g;
		const char *err;

		print_message("%s\n", c->what);
		assert_int_equal(armvirt_s2mmu_configure(&cfg, &cpu, c->ipa, c->granule, c->want),
				 0);
		assert_int_equal(cfg.vtcr, c->vtcr);
		assert_int_equal(cfg.start_level, c->start_level);
		assert_int_equal(cfg.root_pages, c->root_pages);
		assert_int_equal(cfg.pa_bits, c->pa_bits);
		assert_int_equal(cfg.ipa_bits, c->ipa);
		assert_int_equal(armvirt_s2mmu_root_size(&cfg),
				 (uint64_t)c->root_pages * c->granule);
		/* The reference decoder agrees (and finds T0SZ and SL0 consistent). */
		rr.vtcr = cfg.vtcr;
		assert_true(ref_geometry(&rr, &g, &err));
		assert_int_equal(g.start_level, c->start_level);
		assert_int_equal((g.root_entries * 8 + c->granule - 1) / c->granule, c->root_pages);
	}
}

/* Every IPA size each granule supports yields a setup the reference decoder accepts. */
static void test_every_size_is_consistent(void **state)
{
	static const uint64_t granules[] = { 4096, 16384, 65536 };
	struct armvirt_s2mmu_cpu cpu = hx_cpu_lpa2();

	(void)state;
	for (unsigned gi = 0; gi < 3; gi++) {
		for (unsigned ipa = 16; ipa <= 52; ipa++) {
			struct armvirt_s2mmu_config cfg;
			struct ref_regs rr = { 0 };
			struct ref_geom g;
			const char *err;
			int rc = armvirt_s2mmu_configure(&cfg, &cpu, ipa, granules[gi], 0);

			if (ipa < (gi == 0 ? 16u : 17u)) {
				assert_int_equal(rc, ARMVIRT_EINVAL);
				continue;
			}
			assert_int_equal(rc, 0);
			rr.vtcr = cfg.vtcr;
			assert_true(ref_geometry(&rr, &g, &err));
			/* Fewest levels: starting one level deeper would need more than
			 * 16 concatenated tables. */
			assert_int_equal(g.start_level, cfg.start_level);
			if (cfg.start_level < 3) {
				unsigned stride = cfg.granule_shift - 3;
				unsigned deeper =
					cfg.granule_shift + (2 - cfg.start_level) * stride;
				assert_true(ipa - deeper > stride + 4);
			}
			assert_true(cfg.root_pages >= 1 && cfg.root_pages <= 16);
		}
	}
}

static void test_errors(void **state)
{
	struct armvirt_s2mmu_cpu v80 = hx_cpu_v80(), max = hx_cpu_max(), cpu;
	struct armvirt_s2mmu_config cfg = { 0 };

	(void)state;
	/* IPA larger than PARange. */
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &v80, 41, 4096, 0), ARMVIRT_ERANGE);
	/* Beyond 48 bits without LPA2. */
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &max, 49, 4096, 0), ARMVIRT_ERANGE);
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &max, 52, 65536, 0), ARMVIRT_ERANGE);
	/* Below the minimum without FEAT_TTST. */
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &v80, 24, 4096, 0), ARMVIRT_EINVAL);
	/* Not a granule. */
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &max, 40, 8192, 0), ARMVIRT_EINVAL);
	/* Unknown feature bit. */
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &max, 40, 4096, 1u << 20), ARMVIRT_EINVAL);
	/* Requested features absent. */
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &v80, 40, 4096, ARMVIRT_S2MMU_FEAT_VMID16),
			 ARMVIRT_ENOTSUP);
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &v80, 40, 4096, ARMVIRT_S2MMU_FEAT_HD),
			 ARMVIRT_ENOTSUP);
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &v80, 40, 4096, ARMVIRT_S2MMU_FEAT_FWB),
			 ARMVIRT_ENOTSUP);
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &max, 40, 4096, ARMVIRT_S2MMU_FEAT_LPA2),
			 ARMVIRT_ENOTSUP);
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &max, 40, 65536, ARMVIRT_S2MMU_FEAT_LPA2),
			 ARMVIRT_ENOTSUP);
	/* Opportunistic features absent: no error, not in effect. */
	assert_int_equal(
		armvirt_s2mmu_configure(&cfg, &v80, 40, 4096, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC), 0);
	assert_int_equal(cfg.features, 0);
	assert_int_equal(
		armvirt_s2mmu_configure(&cfg, &max, 40, 4096, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC), 0);
	assert_int_equal(cfg.features, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC);
	/* Granules the CPU lacks for stage 2. */
	cpu = v80;
	cpu.id_aa64mmfr0 |= 0xfull << 24; /* TGran64: none */
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &cpu, 40, 65536, 0), ARMVIRT_ENOTSUP);
	cpu = v80;
	cpu.id_aa64mmfr0 &= ~(0xfull << 20); /* TGran16: none */
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &cpu, 40, 16384, 0), ARMVIRT_ENOTSUP);
	cpu = v80;
	cpu.id_aa64mmfr0 |= 1ull << 40; /* TGran4_2: stage 2 does not support 4KB */
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &cpu, 40, 4096, 0), ARMVIRT_ENOTSUP);
	cpu = v80;
	cpu.id_aa64mmfr0 |= 0xfull << 28 | 2ull << 40; /* stage 1 none, stage 2 yes */
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &cpu, 40, 4096, 0), 0);
	/* A failing call leaves the output alone. */
	cfg.vtcr = 0x1234;
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &v80, 41, 4096, 0), ARMVIRT_ERANGE);
	assert_int_equal(cfg.vtcr, 0x1234);
}

static void test_vttbr(void **state)
{
	struct armvirt_s2mmu_cpu v80 = hx_cpu_v80(), max = hx_cpu_max(), lpa2 = hx_cpu_lpa2();
	struct armvirt_s2mmu_config cfg;
	uint64_t v = 0;

	(void)state;
	/* Two concatenated 4KB tables: the root is aligned to 8KB. */
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &v80, 40, 4096, 0), 0);
	assert_int_equal(armvirt_s2mmu_vttbr(&cfg, armvirt_pa(0x80001000), 5, &v), ARMVIRT_EALIGN);
	assert_int_equal(armvirt_s2mmu_vttbr(&cfg, armvirt_pa(0x80004000), 5, &v), 0);
	assert_int_equal(v, 0x0005000080004000ull); /* VMID [55:48], BADDR [47:1] */
	assert_int_equal(armvirt_s2mmu_vttbr(&cfg, armvirt_pa(0x80004000), 256, &v),
			 ARMVIRT_EINVAL);
	assert_int_equal(armvirt_s2mmu_vttbr(&cfg, armvirt_pa(1ull << 40), 1, &v), ARMVIRT_ERANGE);
	/* 16-bit VMID and CnP (bit 0). */
	assert_int_equal(
		armvirt_s2mmu_configure(&cfg, &max, 40, 4096,
					ARMVIRT_S2MMU_FEAT_VMID16 | ARMVIRT_S2MMU_FEAT_CNP),
		0);
	assert_int_equal(cfg.vmid_bits, 16);
	assert_int_equal(armvirt_s2mmu_vttbr(&cfg, armvirt_pa(0x80004000), 0x1234, &v), 0);
	assert_int_equal(v, 0x1234000080004001ull);
	/* 52-bit OA: BADDR[51:48] in VTTBR_EL2[5:2]. 16 tables: 64KB alignment. */
	assert_int_equal(armvirt_s2mmu_configure(&cfg, &lpa2, 52, 4096, 0), 0);
	assert_int_equal(armvirt_s2mmu_vttbr(&cfg, armvirt_pa(0x000f000000010000ull), 3, &v), 0);
	assert_int_equal(v, 0x000300000001003cull);
	assert_int_equal(armvirt_s2mmu_vttbr(&cfg, armvirt_pa(0x000f000000018000ull), 3, &v),
			 ARMVIRT_EALIGN);
}

static void test_cpu_read(void **state)
{
	struct armvirt_s2mmu_cpu cpu;

	(void)state;
	armvirt_host_reset();
	armvirt_host_set(ARMVIRT_HOST_REG_id_aa64mmfr0_el1, 0x11);
	armvirt_host_set(ARMVIRT_HOST_REG_id_aa64mmfr1_el1, 0x22);
	armvirt_host_set(ARMVIRT_HOST_REG_id_aa64mmfr2_el1, 0x33);
	armvirt_host_set(ARMVIRT_HOST_REG_id_aa64isar0_el1, 0x44);
	armvirt_s2mmu_cpu_read(&cpu);
	assert_int_equal(cpu.id_aa64mmfr0, 0x11);
	assert_int_equal(cpu.id_aa64mmfr1, 0x22);
	assert_int_equal(cpu.id_aa64mmfr2, 0x33);
	assert_int_equal(cpu.id_aa64isar0, 0x44);
	assert_int_equal(armvirt_host_log_count(), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worked_values),
		cmocka_unit_test(test_every_size_is_consistent),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_vttbr),
		cmocka_unit_test(test_cpu_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

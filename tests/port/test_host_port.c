/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The host port is the fake machine every other test trusts, so its derived
 * registers are checked here against the GIC specifications' rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/port_host.h>

static int reset(void **state)
{
	(void)state;
	armvirt_host_reset();
	return 0;
}

static void test_log_order(void **state)
{
	(void)state;
	armvirt_port_write_vttbr_el2(0x0001000040000000u);
	armvirt_port_dsb(ARMVIRT_PORT_ISHST);
	armvirt_port_tlbi(ARMVIRT_TLBI_IPAS2E1IS, 0x40000);
	armvirt_port_dsb(ARMVIRT_PORT_ISH);
	armvirt_port_isb();
	assert_int_equal(armvirt_host_log_count(), 5);
	const struct armvirt_host_event *e = armvirt_host_log_at(0);
	assert_int_equal(e->kind, ARMVIRT_HOST_EV_WRITE);
	assert_int_equal(e->id, ARMVIRT_HOST_REG_vttbr_el2);
	assert_int_equal(e->value, 0x0001000040000000u);
	assert_int_equal(armvirt_host_log_at(1)->kind, ARMVIRT_HOST_EV_DSB);
	assert_int_equal(armvirt_host_log_at(1)->id, ARMVIRT_PORT_ISHST);
	assert_int_equal(armvirt_host_log_at(2)->kind, ARMVIRT_HOST_EV_TLBI);
	assert_int_equal(armvirt_host_log_at(2)->id, ARMVIRT_TLBI_IPAS2E1IS);
	assert_int_equal(armvirt_host_log_at(2)->value, 0x40000);
	assert_int_equal(armvirt_host_log_at(4)->kind, ARMVIRT_HOST_EV_ISB);
	assert_null(armvirt_host_log_at(5));
	assert_int_equal(armvirt_host_get(ARMVIRT_HOST_REG_vttbr_el2), 0x0001000040000000u);
	armvirt_host_log_clear();
	assert_int_equal(armvirt_host_log_count(), 0);
	assert_int_equal(armvirt_port_read_vttbr_el2(), 0x0001000040000000u);
	assert_int_equal(armvirt_host_log_at(0)->kind, ARMVIRT_HOST_EV_READ);
}

static void test_log_overflow_counts(void **state)
{
	(void)state;
	for (unsigned i = 0; i < ARMVIRT_HOST_LOG_MAX + 10; i++)
		armvirt_port_isb();
	assert_int_equal(armvirt_host_log_count(), ARMVIRT_HOST_LOG_MAX + 10);
	assert_non_null(armvirt_host_log_at(ARMVIRT_HOST_LOG_MAX - 1));
	assert_null(armvirt_host_log_at(ARMVIRT_HOST_LOG_MAX));
}

static void test_cntvct_is_cntpct_minus_cntvoff(void **state)
{
	(void)state;
	armvirt_host_set(ARMVIRT_HOST_REG_cntpct_el0, 1000000);
	armvirt_port_write_cntvoff_el2(250000);
	assert_int_equal(armvirt_port_read_cntvct_el0(), 750000);
	armvirt_port_write_cntvoff_el2(2000000); /* the virtual count wraps modulo 2^64 */
	assert_int_equal(armvirt_port_read_cntvct_el0(), (uint64_t)-1000000);
}

/* GICv3 ICH_LR<n>_EL2: State [63:62], HW [61], EOI [41] (when HW == 0). */
#define LR_PENDING (UINT64_C(1) << 62)
#define LR_ACTIVE (UINT64_C(2) << 62)
#define LR_HW (UINT64_C(1) << 61)
#define LR_EOI (UINT64_C(1) << 41)

static void test_ich_elrsr_eisr(void **state)
{
	(void)state;
	armvirt_host_set(ARMVIRT_HOST_REG_ich_vtr_el2, 0x90b80003); /* 4 LRs (cortex-a72) */
	/* LR0 pending; LR1 invalid with EOI; LR2 invalid HW (bit 41 is pINTID); LR3 empty */
	armvirt_port_write_ich_lr(0, LR_PENDING | 27);
	armvirt_port_write_ich_lr(1, LR_EOI | 33);
	armvirt_port_write_ich_lr(2, LR_HW | LR_EOI | 27);
	armvirt_port_write_ich_lr(3, 0);
	armvirt_port_write_ich_lr(4, LR_PENDING); /* beyond ListRegs: not reported */
	assert_int_equal(armvirt_port_read_ich_elrsr_el2(), 0xc);
	assert_int_equal(armvirt_port_read_ich_eisr_el2(), 0x2);
	armvirt_port_write_ich_lr(0, LR_ACTIVE | LR_EOI | 27);
	assert_int_equal(armvirt_port_read_ich_elrsr_el2(), 0xc);
	assert_int_equal(armvirt_host_get_ich_lr(0), LR_ACTIVE | LR_EOI | 27);
	assert_int_equal(armvirt_port_read_ich_lr(16), 0);
}

/* GICv2 GICH_LR<n>: State [29:28], HW [31], EOI [19] (when HW == 0). */
static void test_gich_elrsr_eisr(void **state)
{
	(void)state;
	armvirt_host_set_gich(0x004, 0x90000003); /* GICH_VTR: 4 LRs */
	armvirt_port_gich_write(0x100, (1u << 28) | 30);
	armvirt_port_gich_write(0x104, (1u << 19) | 33);
	armvirt_port_gich_write(0x108, (1u << 31) | (1u << 19) | 27);
	assert_int_equal(armvirt_port_gich_read(0x030), 0xc);
	assert_int_equal(armvirt_port_gich_read(0x034), 0);
	assert_int_equal(armvirt_port_gich_read(0x020), 0x2);
	assert_int_equal(armvirt_port_gich_read(0x024), 0);
	assert_int_equal(armvirt_port_gich_read(0x104), (1u << 19) | 33);
	assert_int_equal(armvirt_host_get_gich(0x030), 0xc);
}

static void test_indexed_aprs(void **state)
{
	(void)state;
	armvirt_port_write_ich_ap1r(0, 0x80000000u);
	armvirt_port_write_ich_ap0r(3, 1);
	armvirt_port_write_ich_ap1r(7, 5); /* out of range: ignored but logged */
	assert_int_equal(armvirt_host_get_ich_apr(1, 0), 0x80000000u);
	assert_int_equal(armvirt_host_get_ich_apr(0, 3), 1);
	assert_int_equal(armvirt_port_read_ich_ap1r(7), 0);
	assert_int_equal(armvirt_host_log_at(2)->kind, ARMVIRT_HOST_EV_AP1R_WRITE);
	assert_int_equal(armvirt_host_log_at(2)->id, 7);
}

static void test_write_only_register(void **state)
{
	(void)state;
	armvirt_port_write_icc_dir_el1(27);
	assert_int_equal(armvirt_host_log_count(), 1);
	assert_int_equal(armvirt_host_log_at(0)->kind, ARMVIRT_HOST_EV_WRITE);
	assert_int_equal(armvirt_host_log_at(0)->id, ARMVIRT_HOST_REG_icc_dir_el1);
	assert_int_equal(armvirt_host_log_at(0)->value, 27);
	assert_int_equal(armvirt_host_get(ARMVIRT_HOST_REG_icc_dir_el1), 27);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_log_order, reset),
		cmocka_unit_test_setup(test_log_overflow_counts, reset),
		cmocka_unit_test_setup(test_cntvct_is_cntpct_minus_cntvoff, reset),
		cmocka_unit_test_setup(test_ich_elrsr_eisr, reset),
		cmocka_unit_test_setup(test_gich_elrsr_eisr, reset),
		cmocka_unit_test_setup(test_indexed_aprs, reset),
		cmocka_unit_test_setup(test_write_only_register, reset),
	};
	return cmocka_run_group_tests_name("host port", tests, NULL, NULL);
}

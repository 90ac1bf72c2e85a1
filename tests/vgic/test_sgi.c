/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SGI routing: GICD_SGIR's target list filters (GICv2 4.3.13) and the
 * affinity-routed ICC_SGI1R_EL1 / ICC_SGI0R_EL1 / ICC_ASGI1R_EL1 (GICv3
 * 12.2), with the group each may generate when there is one security state.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "harness.h"

/* ARMVIRT_SYSREG_ENC(3, 0, 12, 11, op2). */
#define ICC_DIR_EL1 0xC659u
#define ICC_SGI1R_EL1 0xC65Du
#define ICC_ASGI1R_EL1 0xC65Eu
#define ICC_SGI0R_EL1 0xC65Fu

/* Bit n: vCPU n has SGI @intid pending (from any source). */
static unsigned pending_on(unsigned nr, unsigned intid)
{
	unsigned m = 0;

	for (unsigned cpu = 0; cpu < nr; cpu++) {
		struct armvirt_vgic_irq_info i;

		assert_int_equal(armvirt_vgic_get_irq(&h.gic, cpu, intid, &i), 0);
		m |= (unsigned)i.pending << cpu;
	}
	return m;
}

static uint8_t sources(unsigned cpu, unsigned intid)
{
	struct armvirt_vgic_irq_info i;

	assert_int_equal(armvirt_vgic_get_irq(&h.gic, cpu, intid, &i), 0);
	return i.sources;
}

static void test_gicd_sgir(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V2, SIM_GICH, 4, 5, 0);
	h_write(1, H_GICD + 0xF00, 4, (0x15u << 16) | 3); /* list: CPUs 0, 2, 4 */
	assert_int_equal(pending_on(5, 3), 0x15);
	assert_int_equal(sources(2, 3), 1u << 1);
	h_write(2, H_GICD + 0xF00, 4, (1u << 24) | 4); /* all but self */
	assert_int_equal(pending_on(5, 4), 0x1b);
	h_write(3, H_GICD + 0xF00, 4, (2u << 24) | 5); /* self */
	assert_int_equal(pending_on(5, 5), 0x08);
	assert_int_equal(sources(3, 5), 1u << 3);
	h_write(3, H_GICD + 0xF00, 4, (3u << 24) | 6); /* reserved filter */
	assert_int_equal(pending_on(5, 6), 0);
	h_write(0, H_GICD + 0xF00, 4, (0xe0u << 16) | 7); /* CPUs 5-7 absent */
	assert_int_equal(pending_on(5, 7), 0);
	h_write(0, H_GICD + 0xF00, 4, (0x10u << 16) | 3); /* a second source */
	assert_int_equal(sources(4, 3), (1u << 1) | (1u << 0));
	/* NSATT has no effect without the Security Extensions. */
	h_write(0, H_GICD + 0xF00, 4, (1u << 15) | (0x02u << 16) | 8);
	assert_int_equal(pending_on(5, 8), 0x02);
}

static int sysreg(unsigned cpu, uint32_t enc, bool write, uint64_t value)
{
	struct armvirt_sysreg_access a = { enc, 0, write, value };

	return armvirt_vgic_sysreg(&h.gic, cpu, &a, &h.kicks);
}

static uint64_t sgi1r(unsigned aff3, unsigned aff2, unsigned aff1, unsigned rs, unsigned list,
		      unsigned intid, bool irm)
{
	return ((uint64_t)aff3 << 48) | ((uint64_t)rs << 44) | ((uint64_t)irm << 40) |
	       ((uint64_t)aff2 << 32) | ((uint64_t)intid << 24) | ((uint64_t)aff1 << 16) | list;
}

static void test_icc_sgi1r_routing(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, 5, 0);
	h_write(0, H_GICD, 4, 3);
	/* vCPUs 0-4 at 0.0.0.0, 0.0.0.1, 0.0.1.0, 0.0.1.5, 0.2.1.5 */
	assert_int_equal(armvirt_vgic_set_affinity(&h.gic, 2, 0x000100), 0);
	assert_int_equal(armvirt_vgic_set_affinity(&h.gic, 3, 0x000105), 0);
	assert_int_equal(armvirt_vgic_set_affinity(&h.gic, 4, 0x020105), 0);
	assert_int_equal(sysreg(0, ICC_SGI1R_EL1, true, sgi1r(0, 0, 1, 0, 0x21, 1, false)), 1);
	assert_int_equal(pending_on(5, 1), 0x0c);
	assert_true(armvirt_vgic_kicks_test(&h.kicks, 2));
	assert_int_equal(sysreg(0, ICC_SGI1R_EL1, true, sgi1r(0, 2, 1, 0, 0x20, 2, false)), 1);
	assert_int_equal(pending_on(5, 2), 0x10);
	assert_int_equal(sysreg(0, ICC_SGI1R_EL1, true, sgi1r(0, 0, 0, 0, 0x3, 3, false)), 1);
	assert_int_equal(pending_on(5, 3), 0x03); /* itself included */
	assert_int_equal(sysreg(3, ICC_SGI1R_EL1, true, sgi1r(0, 0, 0, 0, 0, 4, true)), 1);
	assert_int_equal(pending_on(5, 4), 0x17); /* IRM: all but the sender */
	/* Aff3 (no A3V) and RS (no RSS) select nobody here. */
	assert_int_equal(sysreg(0, ICC_SGI1R_EL1, true, sgi1r(1, 0, 0, 0, 1, 5, false)), 0);
	assert_int_equal(sysreg(0, ICC_SGI1R_EL1, true, sgi1r(0, 0, 0, 1, 1, 5, false)), 0);
	assert_int_equal(pending_on(5, 5), 0);
}

/* One security state: SGI1R forwards the SGI whatever its group; SGI0R and
 * ASGI1R forward only a Group 0 SGI. */
static void test_icc_sgi_groups(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, 2, 0);
	h_write(0, H_GICD, 4, 3);
	h_write(1, H_GICR + 0x20000 + 0x10000 + 0x80, 4, 0xffffffff & ~(1u << 6)); /* SGI 6: G0 */
	assert_int_equal(sysreg(0, ICC_SGI0R_EL1, true, sgi1r(0, 0, 0, 0, 2, 7, false)), 0);
	assert_int_equal(pending_on(2, 7), 0);
	assert_int_equal(sysreg(0, ICC_SGI0R_EL1, true, sgi1r(0, 0, 0, 0, 2, 6, false)), 1);
	assert_int_equal(pending_on(2, 6), 0x2);
	assert_int_equal(sysreg(0, ICC_ASGI1R_EL1, true, sgi1r(0, 0, 0, 0, 2, 7, false)), 0);
	assert_int_equal(pending_on(2, 7), 0);
	assert_int_equal(sysreg(0, ICC_SGI1R_EL1, true, sgi1r(0, 0, 0, 0, 2, 7, false)), 1);
	assert_int_equal(pending_on(2, 7), 0x2);
	h_write(1, H_GICR + 0x20000 + 0x10000 + 0x280, 4, 1u << 6);
	assert_int_equal(sysreg(0, ICC_SGI1R_EL1, true, sgi1r(0, 0, 0, 0, 2, 6, false)), 1);
	assert_int_equal(pending_on(2, 6), 0x2);
}

static void test_sysreg_errors(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, 2, 0);
	assert_int_equal(sysreg(0, ICC_SGI1R_EL1, false, 0), ARMVIRT_EFAULT);
	assert_int_equal(sysreg(0, ICC_DIR_EL1, false, 0), ARMVIRT_EFAULT);
	assert_int_equal(sysreg(0, 0xC660u /* ICC_IAR1_EL1 */, false, 0), ARMVIRT_ENOENT);
	assert_int_equal(sysreg(2, ICC_SGI1R_EL1, true, 0), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vgic_sysreg(&h.gic, 0, NULL, NULL), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vgic_set_affinity(&h.gic, 1, 0x100000000ull), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vgic_set_affinity(&h.gic, 1, 0x10), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vgic_set_affinity(&h.gic, 1, 0x0), ARMVIRT_EEXIST);
	assert_int_equal(armvirt_vgic_set_affinity(&h.gic, 2, 0x1), ARMVIRT_EINVAL);
	h_init(ARMVIRT_VGIC_V2, SIM_GICH, 4, 2, 0);
	assert_int_equal(sysreg(0, ICC_SGI1R_EL1, true, 0), ARMVIRT_ENOENT);
	/* The integrator injects PPIs and SPIs, not SGIs. */
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 3, NULL), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 32, NULL), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 2, 20, true, NULL), ARMVIRT_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gicd_sgir),
		cmocka_unit_test(test_icc_sgi1r_routing),
		cmocka_unit_test(test_icc_sgi_groups),
		cmocka_unit_test(test_sysreg_errors),
	};
	return cmocka_run_group_tests_name("vgic SGIs", tests, NULL, NULL);
}

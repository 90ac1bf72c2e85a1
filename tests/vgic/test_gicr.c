/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GICv3 redistributors (GICv3 12.10 RD_base, 12.11 SGI_base): reset values,
 * access rules, and what Linux's GICv3 driver relies on to find and wake
 * each CPU's redistributor.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "harness.h"

#define RD(cpu, off) (H_GICR + 0x20000u * (cpu) + (off))
#define SGI(cpu, off) (RD(cpu, 0x10000u + (off)))

static void raz_wi(unsigned vcpu, uint64_t addr, unsigned size)
{
	h_write(vcpu, addr, size, ~UINT64_C(0));
	assert_int_equal(h_read(vcpu, addr, size), 0);
}

static void test_rd_frame(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, 4, 32);
	assert_int_equal(armvirt_vgic_set_affinity(&h.gic, 3, 0x010203), 0);
	for (unsigned cpu = 0; cpu < 4; cpu++) {
		uint64_t aff = cpu == 3 ? 0x010203 : cpu;
		uint64_t typer = (aff << 32) | ((uint64_t)cpu << 8) | (cpu == 3 ? 0x10 : 0);

		/* GICR_TYPER: affinity, processor number, Last; no LPIs. */
		assert_int_equal(h_read(0, RD(cpu, 0x0008), 8), typer);
		assert_int_equal(h_read(1, RD(cpu, 0x0008), 4), (uint32_t)typer);
		assert_int_equal(h_read(2, RD(cpu, 0x000C), 4), typer >> 32);
		assert_int_equal(h_read(0, RD(cpu, 0x0004), 4), ARMVIRT_VGIC_IIDR_DEFAULT);
		assert_int_equal(h_read(0, RD(cpu, 0xFFE8), 4), 0x30);
		/* No LPIs: CTLR, STATUSR, PROPBASER, PENDBASER are RAZ/WI. */
		raz_wi(0, RD(cpu, 0x0000), 4);
		raz_wi(0, RD(cpu, 0x0010), 4);
		raz_wi(0, RD(cpu, 0x0070), 8);
		raz_wi(0, RD(cpu, 0x0078), 8);
		raz_wi(0, RD(cpu, 0x0040), 8);
		raz_wi(0, RD(cpu, 0x00A0), 8);
		raz_wi(0, RD(cpu, 0x8000), 4);
		raz_wi(0, RD(cpu, 0x0008), 2);
		h_write(0, RD(cpu, 0x0008), 8, 0); /* TYPER is read-only */
		assert_int_equal(h_read(0, RD(cpu, 0x0008), 8), typer);
	}
}

/* Linux wakes a redistributor by clearing ProcessorSleep and waiting for
 * ChildrenAsleep to clear. */
static void test_waker(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, 2, 32);
	assert_int_equal(h_read(0, RD(0, 0x0014), 4), 0x6);
	h_write(0, RD(0, 0x0014), 4, 0);
	assert_int_equal(h_read(0, RD(0, 0x0014), 4), 0);
	assert_int_equal(h_read(0, RD(1, 0x0014), 4), 0x6);
	h_write(1, RD(1, 0x0014), 4, 0x4); /* ChildrenAsleep is read-only */
	assert_int_equal(h_read(1, RD(1, 0x0014), 4), 0);
	h_write(1, RD(1, 0x0014), 4, 0x2); /* asleep again */
	assert_int_equal(h_read(1, RD(1, 0x0014), 4), 0x6);
}

/* How Linux (drivers/irqchip/irq-gic-v3.c) finds its redistributor: check
 * PIDR2.ArchRev, then walk GICR_TYPER until Last. */
static void test_linux_probe(void **state)
{
	unsigned n = 0;

	(void)state;
	h_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, 8, 32);
	for (uint64_t rd = H_GICR;; rd += 0x20000, n++) {
		uint64_t typer;

		assert_true(((h_read(0, rd + 0xFFE8, 4) >> 4) & 0xf) == 3);
		typer = h_read(0, rd + 0x0008, 8);
		assert_int_equal(typer >> 32, (n / 16) << 8 | (n % 16));
		if (typer & 0x10)
			break;
	}
	assert_int_equal(n, 7);
}

static void test_sgi_frame(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, 2, 32);
	/* Reset: Group 1, SGIs enabled, nothing pending or active. */
	assert_int_equal(h_read(0, SGI(1, 0x0080), 4), 0xffffffff);
	assert_int_equal(h_read(0, SGI(1, 0x0100), 4), 0x0000ffff);
	assert_int_equal(h_read(0, SGI(1, 0x0180), 4), 0x0000ffff);
	assert_int_equal(h_read(0, SGI(1, 0x0200), 4), 0);
	assert_int_equal(h_read(0, SGI(1, 0x0300), 4), 0);
	for (uint32_t off = 0x400; off < 0x420; off += 4)
		assert_int_equal(h_read(0, SGI(1, off), 4), 0);
	/* ICFGR0: SGIs are edge-triggered, read-only; ICFGR1: PPIs, RW. */
	assert_int_equal(h_read(0, SGI(1, 0x0C00), 4), 0xaaaaaaaa);
	h_write(0, SGI(1, 0x0C00), 4, 0);
	assert_int_equal(h_read(0, SGI(1, 0x0C00), 4), 0xaaaaaaaa);
	assert_int_equal(h_read(0, SGI(1, 0x0C04), 4), 0);
	h_write(0, SGI(1, 0x0C04), 4, 0x80000000u);
	assert_int_equal(h_read(0, SGI(1, 0x0C04), 4), 0x80000000u);
	/* The accessor does not matter: this is vCPU 1's redistributor. */
	h_write(0, SGI(1, 0x0100), 4, 0x08000000);
	h_write(0, SGI(1, 0x0080), 4, 0x7fffffff);
	assert_int_equal(h_read(1, SGI(1, 0x0100), 4), 0x0800ffff);
	assert_int_equal(h_read(1, SGI(1, 0x0080), 4), 0x7fffffff);
	assert_int_equal(h_read(1, SGI(0, 0x0100), 4), 0x0000ffff);
	/* Priorities: byte access, five implemented bits. */
	h_write(0, SGI(1, 0x041B), 1, 0xa7);
	assert_int_equal(h_read(0, SGI(1, 0x0418), 4), 0xa0000000);
	assert_int_equal(h_read(0, SGI(0, 0x0418), 4), 0);
	raz_wi(0, SGI(1, 0x0420), 4);
	/* ISPENDR0 takes SGIs too on GICv3; ICPENDR0 clears. */
	h_write(0, SGI(1, 0x0200), 4, 0x08000002);
	assert_int_equal(h_read(0, SGI(1, 0x0280), 4), 0x08000002);
	h_write(0, SGI(1, 0x0280), 4, 0x00000002);
	assert_int_equal(h_read(0, SGI(1, 0x0200), 4), 0x08000000);
	h_write(0, SGI(1, 0x0300), 4, 0x1);
	assert_int_equal(h_read(0, SGI(1, 0x0380), 4), 0x1);
	h_write(0, SGI(1, 0x0380), 4, 0x1);
	assert_int_equal(h_read(0, SGI(1, 0x0300), 4), 0);
	/* One security state: IGRPMODR0 and NSACR are RAZ/WI; reserved too. */
	raz_wi(0, SGI(1, 0x0D00), 4);
	raz_wi(0, SGI(1, 0x0E00), 4);
	raz_wi(0, SGI(1, 0x0084), 4);
	raz_wi(0, SGI(1, 0xFFE8), 4);
	/* Byte access only to IPRIORITYR. */
	raz_wi(0, SGI(1, 0x0100), 1);
	assert_int_equal(h_read(0, SGI(1, 0x0100), 4), 0x0800ffff);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rd_frame),
		cmocka_unit_test(test_waker),
		cmocka_unit_test(test_linux_probe),
		cmocka_unit_test(test_sgi_frame),
	};
	return cmocka_run_group_tests_name("vgic redistributor", tests, NULL, NULL);
}

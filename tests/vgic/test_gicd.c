/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The distributor as a guest sees it: every register's reset value and
 * access rules, for the GICv2 map (GICv2 4.3, no Security Extensions) and
 * the GICv3 map (GICv3 12.9, affinity routing, one security state). Offsets
 * and values are the specifications', written out here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "harness.h"

#define D(off) (H_GICD + (off))

static int mmio(unsigned vcpu, uint64_t addr, unsigned size, bool write, uint64_t *data)
{
	struct armvirt_mmio_access a = { armvirt_ipa(addr), (uint8_t)size, write,
					 write ? *data : 0x5a5a5a5a5a5a5a5au };
	int ret = armvirt_vgic_mmio(&h.gic, vcpu, &a, NULL);

	if (!write)
		*data = a.data;
	return ret;
}

/* A register that reads as zero whatever is written, at every legal width. */
static void assert_raz_wi(unsigned vcpu, uint64_t addr)
{
	for (unsigned size = 1; size <= 8; size *= 2) {
		uint64_t v = ~UINT64_C(0);

		if (addr % size)
			continue;
		assert_int_equal(mmio(vcpu, addr, size, true, &v), 0);
		assert_int_equal(mmio(vcpu, addr, size, false, &v), 0);
		assert_int_equal(v, 0);
	}
}

static void test_v2_id_and_control(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V2, SIM_GICH, 4, 4, 64);
	/* 96 INTIDs: ITLinesNumber 2; 4 CPU interfaces; no Security Extensions. */
	assert_int_equal(h_read(0, D(0x004), 4), 0x62);
	assert_int_equal(h_read(0, D(0x008), 4), ARMVIRT_VGIC_IIDR_DEFAULT);
	assert_int_equal(h_read(0, D(0x000), 4), 0);
	h_write(0, D(0x000), 4, 0xffffffff);
	assert_int_equal(h_read(0, D(0x000), 4), 3); /* EnableGrp0, EnableGrp1 */
	/* Identification: ArchRev 2; the CoreSight component ID. */
	assert_int_equal(h_read(0, D(0xFE8), 4), 0x20);
	assert_int_equal(h_read(0, D(0xFF0), 4), 0x0D);
	assert_int_equal(h_read(0, D(0xFF4), 4), 0xF0);
	assert_int_equal(h_read(0, D(0xFF8), 4), 0x05);
	assert_int_equal(h_read(0, D(0xFFC), 4), 0xB1);
	h_write(0, D(0xFE8), 4, 0);
	assert_int_equal(h_read(0, D(0xFE8), 4), 0x20);
	/* Reserved, IMPLEMENTATION DEFINED and Security-Extension registers. */
	for (uint32_t off = 0x00C; off < 0x080; off += 4)
		assert_raz_wi(0, D(off));
	for (uint32_t off = 0xD00; off < 0xF00; off += 0x40)
		assert_raz_wi(0, D(off));
	assert_raz_wi(0, D(0xF04));
	assert_raz_wi(0, D(0xF30));
	assert_raz_wi(0, D(0xFC0));
	/* GICD_SGIR is write-only. */
	assert_int_equal(h_read(0, D(0xF00), 4), 0);
	/* A halfword or doubleword access to a word register: RAZ/WI. */
	assert_int_equal(h_read(0, D(0x004), 2), 0);
	assert_int_equal(h_read(0, D(0x000), 8), 0);
	h_write(0, D(0x000), 2, 0);
	assert_int_equal(h_read(0, D(0x000), 4), 3);
}

static void test_v2_arrays_reset(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V2, SIM_GICH, 4, 4, 64);
	for (unsigned cpu = 0; cpu < 4; cpu++) {
		/* IGROUPR: Group 0; ISENABLER0: SGIs enabled. */
		assert_int_equal(h_read(cpu, D(0x080), 4), 0);
		assert_int_equal(h_read(cpu, D(0x100), 4), 0x0000ffff);
		assert_int_equal(h_read(cpu, D(0x180), 4), 0x0000ffff);
		/* ITARGETSR0-7: the reading CPU, in every byte. */
		for (uint32_t off = 0x800; off < 0x820; off += 4)
			assert_int_equal(h_read(cpu, D(off), 4), 0x01010101u << cpu);
		/* ICFGR0: SGIs edge-triggered; ICFGR1 (PPIs): level. */
		assert_int_equal(h_read(cpu, D(0xC00), 4), 0xaaaaaaaa);
		assert_int_equal(h_read(cpu, D(0xC04), 4), 0);
	}
	for (uint32_t r = 0; r < 3; r++) {
		assert_int_equal(h_read(0, D(0x200 + 4 * r), 4), 0);
		assert_int_equal(h_read(0, D(0x300 + 4 * r), 4), 0);
	}
	for (uint32_t off = 0x400; off < 0x460; off += 4)
		assert_int_equal(h_read(0, D(off), 4), 0);
	for (uint32_t off = 0x820; off < 0x860; off += 4)
		assert_int_equal(h_read(0, D(off), 4), 0);
	/* Past the last SPI (INTID 95): RAZ/WI everywhere. */
	assert_raz_wi(0, D(0x08C));
	assert_raz_wi(0, D(0x10C));
	assert_raz_wi(0, D(0x460));
	assert_raz_wi(0, D(0x860));
	assert_raz_wi(0, D(0xC18));
	assert_raz_wi(0, D(0x7F8));
}

static void test_v2_arrays_access(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V2, SIM_GICH, 4, 4, 64);
	/* Banked: one CPU's SGI/PPI registers are its own. */
	h_write(1, D(0x080), 4, 0xffffffff);
	h_write(1, D(0x400), 4, 0xffffffff);
	assert_int_equal(h_read(1, D(0x080), 4), 0xffffffff);
	assert_int_equal(h_read(0, D(0x080), 4), 0);
	/* Five priority bits: the low three are RAZ/WI. */
	assert_int_equal(h_read(1, D(0x400), 4), 0xf8f8f8f8);
	assert_int_equal(h_read(0, D(0x400), 4), 0);
	/* Byte access to IPRIORITYR and ITARGETSR; not to IGROUPR. */
	h_write(0, D(0x421), 1, 0x93);
	assert_int_equal(h_read(0, D(0x420), 4), 0x9000);
	assert_int_equal(h_read(0, D(0x421), 1), 0x90);
	h_write(0, D(0x084), 1, 0xff);
	assert_int_equal(h_read(0, D(0x084), 4), 0);
	/* SPI targets: bits for CPU interfaces that exist (4 of 8). */
	h_write(0, D(0x820), 4, 0xff04ff02);
	assert_int_equal(h_read(0, D(0x820), 4), 0x0f040f02);
	h_write(0, D(0x822), 1, 0x08);
	assert_int_equal(h_read(0, D(0x822), 1), 0x08);
	/* SGI/PPI targets are read-only. */
	h_write(2, D(0x800), 4, 0);
	assert_int_equal(h_read(2, D(0x800), 4), 0x04040404);
	/* ICFGR: SGIs fixed; PPIs and SPIs take the edge bit only. */
	h_write(0, D(0xC00), 4, 0);
	assert_int_equal(h_read(0, D(0xC00), 4), 0xaaaaaaaa);
	h_write(0, D(0xC04), 4, 0xffffffff);
	assert_int_equal(h_read(0, D(0xC04), 4), 0xaaaaaaaa);
	h_write(0, D(0xC08), 4, 0x00000003);
	assert_int_equal(h_read(0, D(0xC08), 4), 0x00000002);
	/* Set/clear pairs: writing 1 acts, writing 0 does nothing. */
	h_write(0, D(0x104), 4, 0x5);
	h_write(0, D(0x104), 4, 0);
	assert_int_equal(h_read(0, D(0x104), 4), 0x5);
	h_write(0, D(0x184), 4, 0x1);
	assert_int_equal(h_read(0, D(0x184), 4), 0x4);
	h_write(0, D(0x204), 4, 0x30);
	assert_int_equal(h_read(0, D(0x204), 4), 0x30);
	assert_int_equal(h_read(0, D(0x284), 4), 0x30);
	h_write(0, D(0x284), 4, 0x10);
	assert_int_equal(h_read(0, D(0x204), 4), 0x20);
	h_write(0, D(0x304), 4, 0x300);
	assert_int_equal(h_read(0, D(0x384), 4), 0x300);
	h_write(0, D(0x384), 4, 0x100);
	assert_int_equal(h_read(0, D(0x304), 4), 0x200);
	/* GICv2 SGIs: ISPENDR0/ICPENDR0 bits ignore writes (SPENDSGIR does it). */
	h_write(0, D(0x200), 4, 0xffff);
	assert_int_equal(h_read(0, D(0x200), 4), 0);
	/* SPENDSGIR/CPENDSGIR: a source mask a byte, for the reading CPU. */
	h_write(2, D(0xF23), 1, 0x0b); /* SGI 3 from CPUs 0, 1, 3 */
	assert_int_equal(h_read(2, D(0xF20), 4), 0x0b000000);
	assert_int_equal(h_read(2, D(0xF10), 4), 0x0b000000);
	assert_int_equal(h_read(1, D(0xF20), 4), 0);
	assert_int_equal(h_read(2, D(0x200), 4), 0x8);
	h_write(2, D(0xF10), 4, 0x02000000);
	assert_int_equal(h_read(2, D(0xF23), 1), 0x09);
	h_write(2, D(0xF23), 1, 0xf0); /* CPUs 4-7 do not exist */
	assert_int_equal(h_read(2, D(0xF23), 1), 0x09);
}

static void test_v2_uniprocessor(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V2, SIM_GICH, 4, 1, 32);
	/* One CPU interface: ITARGETSR is RAZ/WI and every SPI goes to it. */
	assert_int_equal(h_read(0, D(0x004), 4), 0x01);
	assert_int_equal(h_read(0, D(0x800), 4), 0);
	h_write(0, D(0x820), 4, 0x01010101);
	assert_int_equal(h_read(0, D(0x820), 4), 0);
	h_setup_spis(40, 1, 0x80, 0);
	h_load(0);
	armvirt_vgic_inject(&h.gic, 0, 40, NULL);
	h_enter(0);
	assert_int_equal(sim_ack(), 40);
}

static void test_v3_id_and_control(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, 4, 64);
	/* ITLinesNumber 2, IDbits 9 (10 bits), No1N; no LPIs, no security. */
	assert_int_equal(h_read(0, D(0x0004), 4), 0x02480002);
	assert_int_equal(h_read(0, D(0x0008), 4), ARMVIRT_VGIC_IIDR_DEFAULT);
	/* ARE and DS read as one; RWP as zero; the group enables are RW. */
	assert_int_equal(h_read(0, D(0x0000), 4), 0x50);
	h_write(0, D(0x0000), 4, 0xffffffff);
	assert_int_equal(h_read(0, D(0x0000), 4), 0x53);
	h_write(0, D(0x0000), 4, 0);
	assert_int_equal(h_read(0, D(0x0000), 4), 0x50);
	assert_int_equal(h_read(0, D(0xFFE8), 4), 0x30);
	assert_int_equal(h_read(0, D(0xFFF0), 4), 0x0D);
	assert_int_equal(h_read(0, D(0xFFFC), 4), 0xB1);
	/* TYPER2, STATUSR, the message-based SPI registers: RAZ/WI. */
	for (uint32_t off = 0x000C; off < 0x0080; off += 4)
		assert_raz_wi(0, D(off));
	/* With affinity routing: the distributor's SGI/PPI copies, ITARGETSR,
	 * GICD_SGIR and the SGI pending registers are RAZ/WI. */
	assert_raz_wi(0, D(0x0080));
	assert_raz_wi(0, D(0x0100));
	assert_raz_wi(0, D(0x0200));
	assert_raz_wi(0, D(0x0300));
	for (uint32_t off = 0x0400; off < 0x0420; off += 4)
		assert_raz_wi(0, D(off));
	for (uint32_t off = 0x0800; off < 0x0C00; off += 0x40)
		assert_raz_wi(0, D(off));
	assert_raz_wi(0, D(0x0C00));
	assert_raz_wi(0, D(0x0C04));
	assert_raz_wi(0, D(0x0D04)); /* IGRPMODR: one security state */
	assert_raz_wi(0, D(0x0E08)); /* NSACR */
	assert_raz_wi(0, D(0x0F00));
	assert_raz_wi(0, D(0x0F10));
	assert_raz_wi(0, D(0x0F20));
	/* The extended SPI range is absent (GICD_TYPER.ESPI is 0). */
	assert_raz_wi(0, D(0x1000));
	assert_raz_wi(0, D(0x8000));
	assert_raz_wi(0, D(0xC000));
}

static void test_v3_arrays(void **state)
{
	(void)state;
	h_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, 4, 64);
	/* SPIs reset to Group 1, disabled, level-sensitive, priority 0. */
	assert_int_equal(h_read(0, D(0x0084), 4), 0xffffffff);
	assert_int_equal(h_read(0, D(0x0104), 4), 0);
	assert_int_equal(h_read(0, D(0x0C08), 4), 0);
	assert_int_equal(h_read(0, D(0x0420), 4), 0);
	h_write(0, D(0x0084), 4, 0x0000ff00);
	assert_int_equal(h_read(0, D(0x0084), 4), 0x0000ff00);
	h_write(0, D(0x0423), 1, 0xff);
	assert_int_equal(h_read(0, D(0x0420), 4), 0xf8000000);
	assert_int_equal(h_read(0, D(0x0422), 2), 0); /* halfword: RAZ/WI */
	h_write(3, D(0x0108), 4, 0x80000001);	      /* any CPU: not banked */
	assert_int_equal(h_read(0, D(0x0108), 4), 0x80000001);
	assert_raz_wi(0, D(0x008C)); /* INTIDs 96 and up */
	assert_raz_wi(0, D(0x0460));
}

static void test_v3_irouter(void **state)
{
	struct armvirt_vgic_irq_info i;
	uint64_t v;

	(void)state;
	h_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, 4, 64);
	assert_int_equal(armvirt_vgic_set_affinity(&h.gic, 2, 0x0102), 0);
	/* Reset: affinity 0.0.0.0, which is vCPU 0. */
	assert_int_equal(h_read(0, D(0x6000 + 8 * 40), 8), 0);
	assert_int_equal(armvirt_vgic_get_irq(&h.gic, 0, 40, &i), 0);
	assert_int_equal(i.target, 0);
	/* 64-bit: Aff2.Aff1.Aff0 kept, IRM (No1N) and Aff3 (no A3V) RAZ/WI. */
	h_write(0, D(0x6000 + 8 * 40), 8, 0xff800000000102ull);
	assert_int_equal(h_read(0, D(0x6000 + 8 * 40), 8), 0x102);
	assert_int_equal(armvirt_vgic_get_irq(&h.gic, 0, 40, &i), 0);
	assert_int_equal(i.target, 2);
	/* 32-bit halves. */
	h_write(0, D(0x6000 + 8 * 41), 4, 0x00000003);
	h_write(0, D(0x6004 + 8 * 41), 4, 0xff);
	assert_int_equal(h_read(0, D(0x6000 + 8 * 41), 4), 3);
	assert_int_equal(h_read(0, D(0x6004 + 8 * 41), 4), 0);
	assert_int_equal(armvirt_vgic_get_irq(&h.gic, 0, 41, &i), 0);
	assert_int_equal(i.target, 3);
	/* An affinity no vCPU has: the SPI goes nowhere. */
	h_write(0, D(0x6000 + 8 * 42), 8, 0x0503);
	assert_int_equal(armvirt_vgic_get_irq(&h.gic, 0, 42, &i), 0);
	assert_int_equal(i.target, UINT16_MAX);
	/* GICD_IROUTER0-31 are reserved; so are those past the last SPI. */
	assert_raz_wi(0, D(0x6000 + 8 * 31));
	assert_raz_wi(0, D(0x6000 + 8 * 96));
	assert_raz_wi(0, D(0x7FD8));
	/* A byte access to IROUTER: RAZ/WI. */
	v = 0xff;
	assert_int_equal(mmio(0, D(0x6000 + 8 * 40), 1, true, &v), 0);
	assert_int_equal(h_read(0, D(0x6000 + 8 * 40), 8), 0x102);
}

static void test_access_errors(void **state)
{
	struct armvirt_mmio_access a = { armvirt_ipa(D(0x102)), 4, false, 0 };

	(void)state;
	h_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, 2, 64);
	assert_int_equal(armvirt_vgic_mmio(&h.gic, 0, &a, NULL), ARMVIRT_EFAULT); /* misaligned */
	a.addr = armvirt_ipa(D(0x100));
	a.size = 3;
	assert_int_equal(armvirt_vgic_mmio(&h.gic, 0, &a, NULL), ARMVIRT_EFAULT);
	a.size = 4;
	assert_int_equal(armvirt_vgic_mmio(&h.gic, 2, &a, NULL), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vgic_mmio(&h.gic, 0, NULL, NULL), ARMVIRT_EINVAL);
	a.addr = armvirt_ipa(H_GICD + 0x10000);
	assert_int_equal(armvirt_vgic_mmio(&h.gic, 0, &a, NULL), ARMVIRT_ENOENT);
	a.addr = armvirt_ipa(H_GICD - 4);
	assert_int_equal(armvirt_vgic_mmio(&h.gic, 0, &a, NULL), ARMVIRT_ENOENT);
	a.addr = armvirt_ipa(H_GICR + 2 * 0x20000);
	assert_int_equal(armvirt_vgic_mmio(&h.gic, 0, &a, NULL), ARMVIRT_ENOENT);
	h_init(ARMVIRT_VGIC_V2, SIM_GICH, 4, 2, 64);
	a.addr = armvirt_ipa(H_GICD + 0x1000);
	assert_int_equal(armvirt_vgic_mmio(&h.gic, 0, &a, NULL), ARMVIRT_ENOENT);
}

static void test_init_errors(void **state)
{
	struct armvirt_vgic_config cfg = { ARMVIRT_VGIC_V3, ARMVIRT_VGIC_CPUIF_ICH,
					   armvirt_ipa(H_GICD), armvirt_ipa(H_GICR), 0 };

	(void)state;
	sim_reset(SIM_ICH, 4);
	assert_int_equal(armvirt_vgic_init(&h.gic, &cfg, h.vcpu, 0, h.spi, 32), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vgic_init(&h.gic, &cfg, h.vcpu, 1, h.spi, 989), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vgic_init(&h.gic, &cfg, h.vcpu, 1, NULL, 32), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vgic_init(NULL, &cfg, h.vcpu, 1, h.spi, 32), ARMVIRT_EINVAL);
	cfg.cpuif = ARMVIRT_VGIC_CPUIF_GICH; /* a GICv3 guest needs ICH */
	assert_int_equal(armvirt_vgic_init(&h.gic, &cfg, h.vcpu, 1, h.spi, 32), ARMVIRT_EINVAL);
	cfg.cpuif = ARMVIRT_VGIC_CPUIF_ICH;
	cfg.gicd_base = armvirt_ipa(H_GICD + 0x1000); /* 64 KB aligned */
	assert_int_equal(armvirt_vgic_init(&h.gic, &cfg, h.vcpu, 1, h.spi, 32), ARMVIRT_EINVAL);
	cfg.model = ARMVIRT_VGIC_V2;
	cfg.gicd_base = armvirt_ipa(H_GICD);
	assert_int_equal(armvirt_vgic_init(&h.gic, &cfg, h.vcpu, 9, h.spi, 32), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vgic_init(&h.gic, &cfg, h.vcpu, 8, h.spi, 988), 0);
	/* ITLinesNumber 31: INTIDs up to 1023, of which 1019 is the last SPI. */
	assert_int_equal(h_read(0, D(0x004), 4), 0xff);
	h_write(0, D(0x7FB), 1, 0x80); /* INTID 1019 */
	assert_int_equal(h_read(0, D(0x7F8), 4), 0x80000000);
	assert_raz_wi(0, D(0x7FC)); /* INTIDs 1020-1023 */
	sim_reset(SIM_ICH, 17);	    /* more than ICH_LR<n>_EL2 has */
	cfg.model = ARMVIRT_VGIC_V3;
	assert_int_equal(armvirt_vgic_init(&h.gic, &cfg, h.vcpu, 1, h.spi, 32), ARMVIRT_ENOTSUP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_v2_id_and_control), cmocka_unit_test(test_v2_arrays_reset),
		cmocka_unit_test(test_v2_arrays_access),  cmocka_unit_test(test_v2_uniprocessor),
		cmocka_unit_test(test_v3_id_and_control), cmocka_unit_test(test_v3_arrays),
		cmocka_unit_test(test_v3_irouter),	  cmocka_unit_test(test_access_errors),
		cmocka_unit_test(test_init_errors),
	};
	return cmocka_run_group_tests_name("vgic distributor", tests, NULL, NULL);
}

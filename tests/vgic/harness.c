/* SPDX-License-Identifier: BSD-3-Clause */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/port_host.h>

#include "harness.h"

struct harness h;

void h_init(enum armvirt_vgic_model model, enum sim_format f, unsigned nr_lrs, unsigned nr_vcpus,
	    unsigned nr_spis)
{
	struct armvirt_vgic_config cfg = { 0 };

	sim_reset(f, nr_lrs);
	cfg.model = model;
	cfg.cpuif = f == SIM_ICH ? ARMVIRT_VGIC_CPUIF_ICH : ARMVIRT_VGIC_CPUIF_GICH;
	cfg.gicd_base = armvirt_ipa(H_GICD);
	cfg.gicr_base = armvirt_ipa(H_GICR);
	cfg.iidr = ARMVIRT_VGIC_IIDR_DEFAULT;
	assert_int_equal(armvirt_vgic_init(&h.gic, &cfg, h.vcpu, nr_vcpus, h.spi, nr_spis), 0);
	armvirt_vgic_kicks_clear(&h.kicks);
}

uint64_t h_read(unsigned vcpu, uint64_t addr, unsigned size)
{
	struct armvirt_mmio_access a = { armvirt_ipa(addr), (uint8_t)size, false, 0xdeadbeef };

	assert_in_range(armvirt_vgic_mmio(&h.gic, vcpu, &a, &h.kicks), 0, 1);
	return a.data;
}

void h_write(unsigned vcpu, uint64_t addr, unsigned size, uint64_t value)
{
	struct armvirt_mmio_access a = { armvirt_ipa(addr), (uint8_t)size, true, value };

	assert_in_range(armvirt_vgic_mmio(&h.gic, vcpu, &a, &h.kicks), 0, 1);
}

static void guest_cpuif_defaults(void)
{
	sim_set_pmr(0xff);
	sim_enable_groups(true, true);
	sim_set_eoimode(0);
}

void h_load(unsigned vcpu)
{
	/* The guest's first run sets up its CPU interface, which the next
	 * exit reads. */
	assert_int_equal(armvirt_vgic_vcpu_load(&h.gic, vcpu), 0);
	h_enter(vcpu);
	guest_cpuif_defaults();
	h_exit(vcpu);
}

void h_enter(unsigned vcpu)
{
	assert_in_range(armvirt_vgic_vcpu_fill(&h.gic, vcpu, &h.kicks), 0, 1);
	assert_int_equal(armvirt_vgic_check(&h.gic), 0);
}

void h_exit(unsigned vcpu)
{
	assert_in_range(armvirt_vgic_vcpu_sync(&h.gic, vcpu, &h.kicks), 0, 1);
	assert_int_equal(armvirt_vgic_check(&h.gic), 0);
}

void h_bounce(unsigned vcpu)
{
	h_exit(vcpu);
	h_enter(vcpu);
}

void h_setup_spis(unsigned first, unsigned n, unsigned prio, unsigned to)
{
	bool v3 = h.gic.model == ARMVIRT_VGIC_V3;

	h_write(0, H_GICD + 0x000, 4, 3); /* GICD_CTLR: both groups */
	for (unsigned i = first; i < first + n; i++) {
		h_write(0, H_GICD + 0x100 + 4 * (i / 32), 4, 1u << (i % 32)); /* ISENABLER */
		h_write(0, H_GICD + 0x400 + i, 1, prio);		      /* IPRIORITYR */
		h_write(0, H_GICD + 0xC00 + 4 * (i / 16), 4,
			h_read(0, H_GICD + 0xC00 + 4 * (i / 16), 4) | (2u << 2 * (i % 16)));
		if (v3) {
			h_write(0, H_GICD + 0x80 + 4 * (i / 32), 4,
				h_read(0, H_GICD + 0x80 + 4 * (i / 32), 4) | (1u << (i % 32)));
			h_write(0, H_GICD + 0x6000 + 8 * i, 8,
				(uint64_t)(to / 16) << 8 | (to % 16));
		} else {
			h_write(0, H_GICD + 0x800 + i, 1, 1u << to);
		}
	}
}

void h_set_priority(unsigned vcpu, unsigned intid, unsigned prio)
{
	if (intid < 32 && h.gic.model == ARMVIRT_VGIC_V3)
		h_write(vcpu, H_GICR + 0x20000u * vcpu + 0x10000 + 0x400 + intid, 1, prio);
	else
		h_write(vcpu, H_GICD + 0x400 + intid, 1, prio);
}

unsigned h_take(unsigned vcpu)
{
	for (unsigned spins = 0; spins < 64; spins++) {
		unsigned iar;

		if (sim_misr() != 0) {
			h_bounce(vcpu);
			continue;
		}
		iar = sim_ack();
		return iar;
	}
	fail_msg("maintenance interrupt storm");
	return 1023;
}

unsigned h_drain(unsigned vcpu, unsigned *order, unsigned max)
{
	unsigned n = 0;

	for (;;) {
		unsigned iar = h_take(vcpu);

		if (iar == 1023)
			break;
		if (n < max)
			order[n] = iar;
		n++;
		sim_eoi(iar);
	}
	return n;
}

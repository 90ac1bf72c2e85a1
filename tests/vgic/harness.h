/* SPDX-License-Identifier: BSD-3-Clause */
/* A virtual GIC on the host port's fake machine, for the vgic tests. */
#ifndef VGIC_TEST_HARNESS_H
#define VGIC_TEST_HARNESS_H

#include <armvirt/vgic.h>

#include "sim.h"

#define H_GICD 0x08000000u
#define H_GICR 0x080A0000u
#define H_MAX_VCPUS 8u

struct harness {
	struct armvirt_vgic gic;
	struct armvirt_vgic_vcpu vcpu[H_MAX_VCPUS];
	struct armvirt_vgic_irq spi[ARMVIRT_VGIC_MAX_SPIS];
	struct armvirt_vgic_kicks kicks;
};

extern struct harness h;

/* Reset the fake machine and initialise h.gic. */
void h_init(enum armvirt_vgic_model model, enum sim_format f, unsigned nr_lrs, unsigned nr_vcpus,
	    unsigned nr_spis);
/* Distributor (and GICv3 redistributor) accesses as vCPU @vcpu. */
uint64_t h_read(unsigned vcpu, uint64_t addr, unsigned size);
void h_write(unsigned vcpu, uint64_t addr, unsigned size, uint64_t value);
/* Load vCPU @vcpu on the fake CPU and run it once, for the guest to set up
 * its CPU interface (both groups enabled, priority mask 0xff, EOImode 0). */
void h_load(unsigned vcpu);
/* Fill before a guest entry, sync after the exit; each checks consistency. */
void h_enter(unsigned vcpu);
void h_exit(unsigned vcpu);
/* Exit and enter again. */
void h_bounce(unsigned vcpu);
/* Enable the distributor and SPIs [first, first + n) with priority @prio,
 * edge-triggered, Group 1 (GICv3) or Group 0 (GICv2), routed to vCPU @to. */
void h_setup_spis(unsigned first, unsigned n, unsigned prio, unsigned to);
void h_set_priority(unsigned vcpu, unsigned intid, unsigned prio);
/* The guest acknowledges, as long as the CPU interface signals something,
 * taking maintenance exits as they come; returns the INTID or 1023. */
unsigned h_take(unsigned vcpu);
/* Run the guest on @vcpu to quiescence: take every interrupt, EOI it
 * (EOImode 0), handle maintenance; @order receives up to @max INTIDs. */
unsigned h_drain(unsigned vcpu, unsigned *order, unsigned max);

#endif

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The hypervisor's own interrupts, on the physical GIC: a minimal driver
 * for GICv3 (distributor, this CPU's redistributor, ICC_* system registers
 * at EL2) and GICv2 (distributor and the memory-mapped GICC).
 *
 * EL2 runs with interrupts masked and polls: an IRQ exit from a guest, or
 * WFI when a CPU has nothing to run, is followed by gic_ack() until it
 * returns GIC_SPURIOUS. Both CPU interfaces run in EOImode 1, so priority
 * drop (gic_eoi()) and deactivation (gic_deactivate()) are separate: a
 * physical interrupt handed to a guest through a hardware-linked virtual
 * interrupt (the timer) stays active until the guest deactivates it.
 *
 * Register layouts: GIC architecture v3/v4 (IHI 0069) chapter 12, GICv2
 * (IHI 0048) chapter 4. Every interrupt is Group 1 on GICv3 and Group 0 on
 * GICv2 without security extensions (QEMU's virt with secure=off): both
 * are signalled as IRQ.
 */
#include <armvirt/bits.h>
#include <armvirt/port.h>

#include "hyp.h"
#include "sysreg.h"

/* Distributor (both versions). */
#define GICD_CTLR 0x0000
#define GICD_TYPER 0x0004
#define GICD_IGROUPR 0x0080
#define GICD_ISENABLER 0x0100
#define GICD_ICENABLER 0x0180
#define GICD_ISACTIVER 0x0300
#define GICD_ICACTIVER 0x0380
#define GICD_IPRIORITYR 0x0400
#define GICD_ITARGETSR 0x0800
#define GICD_ICFGR 0x0c00
#define GICD_SGIR 0x0f00
#define GICD_IROUTER 0x6000
#define GICD_CTLR_ENABLE_G0 ARMVIRT_BIT(0)
#define GICD_CTLR_ENABLE_G1 ARMVIRT_BIT(1)
#define GICD_CTLR_ARE ARMVIRT_BIT(4)
#define GICD_CTLR_RWP ARMVIRT_BIT(31)
#define GICD_TYPER_ITLINES_SHIFT 0
#define GICD_TYPER_ITLINES_WIDTH 5
#define GICD_SGIR_TARGETS_SHIFT 16

/* GICv3 redistributor: RD_base frame, then SGI_base frame 64 KiB above. */
#define GICR_FRAME_STRIDE 0x20000u
#define GICR_SGI_BASE 0x10000u
#define GICR_CTLR 0x0000
#define GICR_TYPER 0x0008
#define GICR_WAKER 0x0014
#define GICR_CTLR_RWP ARMVIRT_BIT(3)
#define GICR_TYPER_LAST ARMVIRT_BIT(4)
#define GICR_TYPER_AFF_SHIFT 32
#define GICR_TYPER_AFF_WIDTH 32
#define GICR_WAKER_PROCESSOR_SLEEP ARMVIRT_BIT(1)
#define GICR_WAKER_CHILDREN_ASLEEP ARMVIRT_BIT(2)

/* ICC_SRE_EL2: SRE, and Enable (EL1 may use its system-register interface). */
#define ICC_SRE_EL2_SRE ARMVIRT_BIT(0)
#define ICC_SRE_EL2_ENABLE ARMVIRT_BIT(3)
#define ICC_CTLR_EOIMODE ARMVIRT_BIT(1)
#define ICC_SGI1R_TARGETS_SHIFT 0
#define ICC_SGI1R_AFF1_SHIFT 16
#define ICC_SGI1R_INTID_SHIFT 24
#define ICC_SGI1R_AFF2_SHIFT 32
#define ICC_SGI1R_AFF3_SHIFT 48

/* GICv2 CPU interface; GICC_CTLR without security extensions. */
#define GICC_CTLR 0x0000
#define GICC_PMR 0x0004
#define GICC_BPR 0x0008
#define GICC_IAR 0x000c
#define GICC_EOIR 0x0010
#define GICC_DIR 0x1000
#define GICC_CTLR_ENABLE_G0 ARMVIRT_BIT(0)
#define GICC_CTLR_EOIMODE ARMVIRT_BIT(9)
#define GICV2_IAR_INTID_WIDTH 10

/* MPIDR_EL1 affinity fields (Arm ARM D24.2.111). */
#define MPIDR_AFF0_SHIFT 0
#define MPIDR_AFF1_SHIFT 8
#define MPIDR_AFF2_SHIFT 16
#define MPIDR_AFF3_SHIFT 32
#define MPIDR_AFF_WIDTH 8

#define GIC_HOST_PRIORITY 0x80u
#define GIC_PMR_ALL 0xffu

static unsigned version;
static uintptr_t gicd, gicc;
static uintptr_t gicr_base;
static uintptr_t gicr_sgi[HYP_MAX_CPUS]; /* this CPU's SGI_base frame, by CPU index */
static uint8_t v2_target[HYP_MAX_CPUS];	 /* GICv2 CPU interface bit, by CPU index */
static uint64_t cpu_mpidr[HYP_MAX_CPUS];
static uint64_t sgi1r_target[HYP_MAX_CPUS]; /* ICC_SGI1R_EL1 naming only that CPU */

static inline uint32_t rd32(uintptr_t a)
{
	return *(volatile uint32_t *)a;
}
static inline uint64_t rd64(uintptr_t a)
{
	return *(volatile uint64_t *)a;
}
static inline void wr32(uintptr_t a, uint32_t v)
{
	*(volatile uint32_t *)a = v;
}
static inline void wr64(uintptr_t a, uint64_t v)
{
	*(volatile uint64_t *)a = v;
}
static inline void wr8(uintptr_t a, uint8_t v)
{
	*(volatile uint8_t *)a = v;
}

static void gicd_wait_rwp(void)
{
	while (version == 3 && (rd32(gicd + GICD_CTLR) & GICD_CTLR_RWP))
		;
}

/* Wait until an enable change of @intid (banked on @cpu if private) took effect. */
static void wait_rwp(unsigned cpu, uint32_t intid)
{
	if (version == 3 && intid < 32) {
		while (rd32(gicr_sgi[cpu] - GICR_SGI_BASE + GICR_CTLR) & GICR_CTLR_RWP)
			;
	} else {
		gicd_wait_rwp();
	}
}

int gic_init(const struct machine *m)
{
	unsigned lines;

	version = m->gic_version;
	gicd = (uintptr_t)m->gicd;
	if (version == 3)
		gicr_base = (uintptr_t)m->gicr_or_gicc;
	else
		gicc = (uintptr_t)m->gicr_or_gicc;

	/* Distributor: SPIs disabled, level-triggered, Group 1 (v3) / 0 (v2). */
	wr32(gicd + GICD_CTLR, 0);
	gicd_wait_rwp();
	lines = 32u *
		((unsigned)armvirt_field_get(rd32(gicd + GICD_TYPER), GICD_TYPER_ITLINES_SHIFT,
					     GICD_TYPER_ITLINES_WIDTH) +
		 1u);
	for (unsigned i = 32; i < lines; i += 32) {
		wr32(gicd + GICD_ICENABLER + i / 8, ~0u);
		wr32(gicd + GICD_ICACTIVER + i / 8, ~0u);
		wr32(gicd + GICD_IGROUPR + i / 8, version == 3 ? ~0u : 0u);
	}
	for (unsigned i = 32; i < lines; i += 16)
		wr32(gicd + GICD_ICFGR + i / 4, 0);
	for (unsigned i = 32; i < lines; i += 4)
		wr32(gicd + GICD_IPRIORITYR + i, GIC_HOST_PRIORITY * 0x01010101u);
	wr32(gicd + GICD_CTLR, version == 3
				       ? GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1 | GICD_CTLR_ENABLE_G0
				       : GICD_CTLR_ENABLE_G1 | GICD_CTLR_ENABLE_G0);
	gicd_wait_rwp();
	return 0;
}

static uintptr_t find_redistributor(uint64_t mpidr)
{
	uint64_t aff = (armvirt_field_get(mpidr, MPIDR_AFF3_SHIFT, MPIDR_AFF_WIDTH) << 24) |
		       (mpidr & 0xffffffu);

	for (uintptr_t rd = gicr_base;; rd += GICR_FRAME_STRIDE) {
		uint64_t typer = rd64(rd + GICR_TYPER);
		if (armvirt_field_get(typer, GICR_TYPER_AFF_SHIFT, GICR_TYPER_AFF_WIDTH) == aff)
			return rd;
		if (typer & GICR_TYPER_LAST)
			return 0;
	}
}

int gic_init_cpu(unsigned cpu, uint64_t mpidr)
{
	uintptr_t sgi;

	cpu_mpidr[cpu] = mpidr;
	sgi1r_target[cpu] = (armvirt_field_get(mpidr, MPIDR_AFF3_SHIFT, MPIDR_AFF_WIDTH)
			     << ICC_SGI1R_AFF3_SHIFT) |
			    (armvirt_field_get(mpidr, MPIDR_AFF2_SHIFT, MPIDR_AFF_WIDTH)
			     << ICC_SGI1R_AFF2_SHIFT) |
			    (armvirt_field_get(mpidr, MPIDR_AFF1_SHIFT, MPIDR_AFF_WIDTH)
			     << ICC_SGI1R_AFF1_SHIFT) |
			    (1ull << (armvirt_field_get(mpidr, MPIDR_AFF0_SHIFT, MPIDR_AFF_WIDTH) +
				      ICC_SGI1R_TARGETS_SHIFT));
	if (version == 3) {
		uintptr_t rd = find_redistributor(mpidr);
		if (!rd)
			return -1;
		wr32(rd + GICR_WAKER,
		     rd32(rd + GICR_WAKER) & ~(uint32_t)GICR_WAKER_PROCESSOR_SLEEP);
		while (rd32(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
			;
		sgi = rd + GICR_SGI_BASE;
		gicr_sgi[cpu] = sgi;
		wr32(sgi + GICD_IGROUPR, ~0u);
		wr32(sgi + GICD_ICENABLER, ~0u);
		wr32(sgi + GICD_ICACTIVER, ~0u);
		for (unsigned i = 0; i < 32; i += 4)
			wr32(sgi + GICD_IPRIORITYR + i, GIC_HOST_PRIORITY * 0x01010101u);

		armvirt_port_write_icc_sre_el2(ICC_SRE_EL2_SRE | ICC_SRE_EL2_ENABLE);
		armvirt_port_isb();
		HYP_WRITE_SYSREG(ICC_PMR_EL1, GIC_PMR_ALL);
		HYP_WRITE_SYSREG(ICC_BPR1_EL1, 0);
		HYP_WRITE_SYSREG(ICC_CTLR_EL1, ICC_CTLR_EOIMODE);
		HYP_WRITE_SYSREG(ICC_IGRPEN1_EL1, 1);
		armvirt_port_isb();
	} else {
		/* SGIs and PPIs are banked in the distributor: this CPU's view. */
		wr32(gicd + GICD_ICENABLER, ~0u);
		wr32(gicd + GICD_ICACTIVER, ~0u);
		for (unsigned i = 0; i < 32; i += 4)
			wr32(gicd + GICD_IPRIORITYR + i, GIC_HOST_PRIORITY * 0x01010101u);
		/* This CPU's interface bit; RAZ on a uniprocessor GIC (GICv2 4.3.12). */
		v2_target[cpu] = (uint8_t)rd32(gicd + GICD_ITARGETSR);
		if (!v2_target[cpu]) {
			if (cpu != 0)
				return -1;
			v2_target[cpu] = 1;
		}
		wr32(gicc + GICC_PMR, GIC_PMR_ALL);
		wr32(gicc + GICC_BPR, 0);
		wr32(gicc + GICC_CTLR, GICC_CTLR_ENABLE_G0 | GICC_CTLR_EOIMODE);
	}
	return 0;
}

/* The frame holding the banked registers of SGI/PPI @intid on this CPU, or the distributor. */
static uintptr_t bank_of(unsigned cpu, uint32_t intid)
{
	return version == 3 && intid < 32 ? gicr_sgi[cpu] : gicd;
}

void gic_enable(unsigned cpu, uint32_t intid, bool edge)
{
	uintptr_t base = bank_of(cpu, intid);
	uintptr_t cfg = base + GICD_ICFGR + (intid / 16) * 4;
	unsigned shift = (intid % 16) * 2 + 1;

	if (intid >= 16) {
		uint32_t v = rd32(cfg);
		wr32(cfg, edge ? v | (1u << shift) : v & ~(1u << shift));
	}
	if (intid >= 32) {
		/* SPIs go to @cpu. */
		if (version == 3)
			wr64(gicd + GICD_IROUTER + 8u * intid, cpu_mpidr[cpu] & 0xff00ffffffull);
		else
			wr8(gicd + GICD_ITARGETSR + intid, v2_target[cpu]);
	}
	wr32(base + GICD_ISENABLER + (intid / 32) * 4, 1u << (intid % 32));
	wait_rwp(cpu, intid);
}

uint32_t gic_ack(void)
{
	return (uint32_t)(version == 3 ? HYP_READ_SYSREG(ICC_IAR1_EL1) : rd32(gicc + GICC_IAR));
}

uint32_t gic_intid(uint32_t iar)
{
	/* A GICv2 SGI carries its source CPU in GICC_IAR[12:10] (GICv2 4.4.4). */
	return version == 3 ? iar : (uint32_t)armvirt_field_get(iar, 0, GICV2_IAR_INTID_WIDTH);
}

/* GICC_EOIR and GICC_DIR take the acknowledged value whole: for an SGI, the
 * source CPU identifies which of its per-source instances ends (GICv2 4.4.5,
 * 4.4.15). */
void gic_eoi(uint32_t iar)
{
	if (version == 3)
		HYP_WRITE_SYSREG(ICC_EOIR1_EL1, iar);
	else
		wr32(gicc + GICC_EOIR, iar);
}

void gic_deactivate(uint32_t iar)
{
	if (version == 3)
		HYP_WRITE_SYSREG(ICC_DIR_EL1, iar);
	else
		wr32(gicc + GICC_DIR, iar);
}

void gic_send_sgi(unsigned cpu, uint32_t sgi)
{
	/* The state the target will look at must be visible before the SGI. */
	armvirt_port_dsb(ARMVIRT_PORT_ISH);
	if (version == 3) {
		HYP_WRITE_SYSREG(ICC_SGI1R_EL1,
				 ((uint64_t)sgi << ICC_SGI1R_INTID_SHIFT) | sgi1r_target[cpu]);
		armvirt_port_isb();
	} else {
		wr32(gicd + GICD_SGIR,
		     ((uint32_t)v2_target[cpu] << GICD_SGIR_TARGETS_SHIFT) | (sgi & 0xfu));
	}
}

void gic_set_active_mask(unsigned cpu, uint32_t activate, uint32_t deactivate)
{
	uintptr_t base = bank_of(cpu, 16);

	if (activate)
		wr32(base + GICD_ISACTIVER, activate);
	if (deactivate)
		wr32(base + GICD_ICACTIVER, deactivate);
}

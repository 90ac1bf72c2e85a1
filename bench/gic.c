/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The guest's GIC driver, just enough for the benchmark: one SGI and the
 * virtual timer's PPI, enabled at one priority, on GICv2 (distributor and
 * GICC memory-mapped) or GICv3 (distributor and redistributors
 * memory-mapped, the CPU interface in ICC_* system registers). GICv3 uses
 * Group 1, GICv2 Group 0 signalled as IRQ; EOImode is 0 on both (an EOI
 * also deactivates).
 */
#include "bench.h"

/* Distributor (GICv2 4.3, GICv3 12.9). */
#define GICD_CTLR 0x0000u
#define GICD_CTLR_ENABLE_GRP0 (1u << 0)
#define GICD_CTLR_ENABLE_GRP1 (1u << 1)
#define GICD_CTLR_ARE (1u << 4)
#define GICD_CTLR_RWP (1u << 31)
#define GICD_ISENABLER0 0x0100u
#define GICD_IPRIORITYR 0x0400u
#define GICD_SGIR 0x0f00u
#define GICD_SGIR_TARGETS_SHIFT 16
/* GICv3 redistributor: RD_base, then SGI_base 64 KiB above (12.10, 12.11). */
#define GICR_STRIDE 0x20000u
#define GICR_TYPER_LO 0x0008u
#define GICR_TYPER_HI 0x000cu /* Affinity_Value: Aff3.Aff2.Aff1.Aff0 */
#define GICR_TYPER_LAST (1u << 4)
#define GICR_WAKER 0x0014u
#define GICR_WAKER_PROCESSOR_SLEEP (1u << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1u << 2)
#define GICR_SGI 0x10000u
#define GICR_IGROUPR0 0x0080u
#define GICR_ISENABLER0 0x0100u
#define GICR_IPRIORITYR 0x0400u
#define GICR_MAX 8u
/* GICv2 CPU interface (4.4). */
#define GICC_CTLR 0x0000u
#define GICC_CTLR_ENABLE_GRP0 (1u << 0)
#define GICC_PMR 0x0004u
#define GICC_IAR 0x000cu
#define GICC_EOIR 0x0010u
/* GICv3 CPU interface registers (12.2), by encoding. */
#define ICC_PMR_EL1 "S3_0_C4_C6_0"
#define ICC_IAR1_EL1 "S3_0_C12_C12_0"
#define ICC_EOIR1_EL1 "S3_0_C12_C12_1"
#define ICC_CTLR_EL1 "S3_0_C12_C12_4"
#define ICC_SRE_EL1 "S3_0_C12_C12_5"
#define ICC_IGRPEN1_EL1 "S3_0_C12_C12_7"
#define ICC_CTLR_EOIMODE (1u << 1)
#define ICC_SRE_SRE (1u << 0)
#define ICC_SGI1R_TARGETS_SHIFT 0
#define ICC_SGI1R_INTID_SHIFT 24

#define PRIORITY_ALL 0xa0a0a0a0u /* one priority for every interrupt of a register */
#define PMR_ALLOW_ALL 0xffu

unsigned gic_version;

static uint32_t our_interrupts(void)
{
	return (1u << SGI_BENCH) | (1u << PPI_VTIMER);
}

int gic_init_dist(unsigned version)
{
	uint32_t v;

	gic_version = version;
	if (version != 2 && version != 3)
		return -1;
	/* The first access tells whether the distributor is emulated at all. */
	if (!probe_read32(GICD_BASE + GICD_CTLR, &v))
		return -1;
	if (version == 3) {
		mmio_write32(GICD_BASE + GICD_CTLR, GICD_CTLR_ARE | GICD_CTLR_ENABLE_GRP1);
		while (mmio_read32(GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP)
			;
	} else {
		mmio_write32(GICD_BASE + GICD_CTLR, GICD_CTLR_ENABLE_GRP0);
	}
	return 0;
}

/* This vCPU's redistributor, found by its affinity (GICR_TYPER), or 0. */
static uintptr_t my_redistributor(void)
{
	unsigned self = vcpu_self();

	for (unsigned i = 0; i < GICR_MAX; i++) {
		uintptr_t rd = GICR_BASE + (uintptr_t)i * GICR_STRIDE;
		uint32_t aff, lo;
		if (!probe_read32(rd + GICR_TYPER_HI, &aff))
			return 0;
		if (aff == self)
			return rd;
		lo = mmio_read32(rd + GICR_TYPER_LO);
		if (lo & GICR_TYPER_LAST)
			return 0;
	}
	return 0;
}

static int cpu_init_v3(void)
{
	uintptr_t rd = my_redistributor();

	if (!rd)
		return -1;
	mmio_write32(rd + GICR_WAKER, mmio_read32(rd + GICR_WAKER) & ~GICR_WAKER_PROCESSOR_SLEEP);
	while (mmio_read32(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
		;
	mmio_write32(rd + GICR_SGI + GICR_IGROUPR0, our_interrupts());
	mmio_write32(rd + GICR_SGI + GICR_IPRIORITYR + (SGI_BENCH & ~3u), PRIORITY_ALL);
	mmio_write32(rd + GICR_SGI + GICR_IPRIORITYR + (PPI_VTIMER & ~3u), PRIORITY_ALL);
	mmio_write32(rd + GICR_SGI + GICR_ISENABLER0, our_interrupts());

	WRITE_SYSREG(ICC_SRE_EL1, READ_SYSREG(ICC_SRE_EL1) | ICC_SRE_SRE);
	ISB();
	WRITE_SYSREG(ICC_PMR_EL1, PMR_ALLOW_ALL);
	WRITE_SYSREG(ICC_CTLR_EL1, READ_SYSREG(ICC_CTLR_EL1) & ~(uint64_t)ICC_CTLR_EOIMODE);
	WRITE_SYSREG(ICC_IGRPEN1_EL1, 1);
	ISB();
	return 0;
}

static int cpu_init_v2(void)
{
	uint32_t v;

	if (!probe_read32(GICC_BASE + GICC_CTLR, &v))
		return -1;
	/* Banked per CPU: SGIs and PPIs of the reading CPU. */
	mmio_write32(GICD_BASE + GICD_IPRIORITYR + (SGI_BENCH & ~3u), PRIORITY_ALL);
	mmio_write32(GICD_BASE + GICD_IPRIORITYR + (PPI_VTIMER & ~3u), PRIORITY_ALL);
	mmio_write32(GICD_BASE + GICD_ISENABLER0, our_interrupts());
	mmio_write32(GICC_BASE + GICC_PMR, PMR_ALLOW_ALL);
	mmio_write32(GICC_BASE + GICC_CTLR, GICC_CTLR_ENABLE_GRP0);
	return 0;
}

int gic_init_cpu(void)
{
	return gic_version == 3 ? cpu_init_v3() : cpu_init_v2();
}

uint64_t gic_sgi_value(unsigned target, unsigned intid)
{
	if (gic_version == 3)
		return (uint64_t)intid << ICC_SGI1R_INTID_SHIFT | 1ull << target;
	return (1u << (GICD_SGIR_TARGETS_SHIFT + target)) | intid;
}

uintptr_t gic_sgir_addr(void)
{
	return GICD_BASE + GICD_SGIR;
}

uintptr_t gic_eoir_addr(void)
{
	return GICC_BASE + GICC_EOIR;
}

void gic_send_sgi(unsigned target, unsigned intid)
{
	if (gic_version == 3) {
		WRITE_SYSREG("S3_0_C12_C11_5", gic_sgi_value(target, intid)); /* ICC_SGI1R_EL1 */
		ISB();
	} else {
		mmio_write32(gic_sgir_addr(), (uint32_t)gic_sgi_value(target, intid));
	}
}

/* The whole IAR value: GICv2's SGIs carry the source CPU, which the EOI must repeat. */
uint32_t gic_ack(void)
{
	if (gic_version == 3)
		return (uint32_t)READ_SYSREG(ICC_IAR1_EL1);
	return mmio_read32(GICC_BASE + GICC_IAR);
}

void gic_eoi(uint32_t iar)
{
	if (gic_version == 3)
		WRITE_SYSREG(ICC_EOIR1_EL1, iar);
	else
		mmio_write32(GICC_BASE + GICC_EOIR, iar);
}

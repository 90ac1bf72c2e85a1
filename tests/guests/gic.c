/* SPDX-License-Identifier: BSD-3-Clause */
/* The test guest's GIC driver (gic.h). */
#include "gic.h"

#define GICD_CTLR_ENABLE_G0 (1u << 0)
#define GICD_CTLR_ENABLE_G1 (1u << 1)
#define GICD_CTLR_ARE (1u << 4)
#define GICD_CTLR_RWP (1u << 31)
#define GICR_SGI_OFFSET 0x10000ul
#define GICR_WAKER 0x014u
#define GICR_WAKER_PROCESSOR_SLEEP (1u << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1u << 2)
#define GICC_CTLR 0x000u
#define GICC_PMR 0x004u
#define GICC_BPR 0x008u
#define GICC_IAR 0x00cu
#define GICC_EOIR 0x010u
#define GICC_RPR 0x014u
#define GICC_DIR 0x1000u
#define GICC_CTLR_ENABLE_G0 (1u << 0)
#define GICC_CTLR_EOIMODE (1u << 9)
#define GICD_SGIR_TARGETS_SHIFT 16

#define ICC_PMR_EL1 "S3_0_C4_C6_0"
#define ICC_IAR1_EL1 "S3_0_C12_C12_0"
#define ICC_EOIR1_EL1 "S3_0_C12_C12_1"
#define ICC_BPR1_EL1 "S3_0_C12_C12_3"
#define ICC_CTLR_EL1 "S3_0_C12_C12_4"
#define ICC_SRE_EL1 "S3_0_C12_C12_5"
#define ICC_IGRPEN1_EL1 "S3_0_C12_C12_7"
#define ICC_DIR_EL1 "S3_0_C12_C11_1"
#define ICC_RPR_EL1 "S3_0_C12_C11_3"
#define ICC_SGI1R_EL1 "S3_0_C12_C11_5"
#define ICC_CTLR_EOIMODE (1u << 1)
#define ICC_SRE_SRE (1u << 0)

unsigned gic_version;

static volatile uint32_t *reg(uintptr_t base, uint32_t off)
{
	return (volatile uint32_t *)(base + off);
}

uint32_t gicd_read(uint32_t off)
{
	return *reg(GICD_BASE, off);
}

void gicd_write(uint32_t off, uint32_t v)
{
	*reg(GICD_BASE, off) = v;
	DSB();
}

static uintptr_t rd_base(unsigned id)
{
	return GICR_BASE + id * GICR_STRIDE;
}

/* Where the calling vCPU's SGI and PPI registers are. */
static uintptr_t private_base(void)
{
	return gic_version == 3 ? rd_base(vcpu_self()) + GICR_SGI_OFFSET : GICD_BASE;
}

uint32_t gic_private_read(uint32_t off)
{
	return *reg(private_base(), off);
}

void gic_private_write(uint32_t off, uint32_t v)
{
	*reg(private_base(), off) = v;
	DSB();
}

static uintptr_t bank(uint32_t intid)
{
	return intid < 32 ? private_base() : GICD_BASE;
}

static void wait_rwp(void)
{
	while (gic_version == 3 && (gicd_read(GICD_CTLR) & GICD_CTLR_RWP))
		;
}

void gic_dist_init(unsigned version)
{
	gic_version = version;
	gicd_write(GICD_CTLR, 0);
	wait_rwp();
	/* SPIs: Group 1 on GICv3, Group 0 on GICv2 (both IRQs here). */
	for (uint32_t i = 32; i < 96; i += 32)
		gicd_write(GICD_IGROUPR + i / 8, version == 3 ? ~0u : 0u);
	gicd_write(GICD_CTLR, version == 3 ? GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1
					   : GICD_CTLR_ENABLE_G0 | GICD_CTLR_ENABLE_G1);
	wait_rwp();
}

void gic_cpu_init(unsigned id)
{
	if (gic_version == 3) {
		volatile uint32_t *waker = reg(rd_base(id), GICR_WAKER);
		*waker &= ~GICR_WAKER_PROCESSOR_SLEEP;
		while (*waker & GICR_WAKER_CHILDREN_ASLEEP)
			;
		gic_private_write(GICD_IGROUPR, ~0u);
		WRITE_SYSREG(ICC_SRE_EL1, READ_SYSREG(ICC_SRE_EL1) | ICC_SRE_SRE);
		ISB();
		WRITE_SYSREG(ICC_PMR_EL1, 0xff);
		WRITE_SYSREG(ICC_BPR1_EL1, 0);
		WRITE_SYSREG(ICC_CTLR_EL1, 0);
		WRITE_SYSREG(ICC_IGRPEN1_EL1, 1);
		ISB();
	} else {
		*reg(GICC_BASE, GICC_PMR) = 0xff;
		*reg(GICC_BASE, GICC_BPR) = 0;
		*reg(GICC_BASE, GICC_CTLR) = GICC_CTLR_ENABLE_G0;
		DSB();
	}
}

uint32_t gic_ack(void)
{
	uint32_t iar =
		gic_version == 3 ? (uint32_t)READ_SYSREG(ICC_IAR1_EL1) : *reg(GICC_BASE, GICC_IAR);
	DSB();
	return iar;
}

void gic_eoi(uint32_t iar)
{
	if (gic_version == 3) {
		WRITE_SYSREG(ICC_EOIR1_EL1, iar);
		ISB();
	} else {
		*reg(GICC_BASE, GICC_EOIR) = iar;
		DSB();
	}
}

void gic_dir(uint32_t iar)
{
	if (gic_version == 3) {
		WRITE_SYSREG(ICC_DIR_EL1, iar);
		ISB();
	} else {
		*reg(GICC_BASE, GICC_DIR) = iar;
		DSB();
	}
}

void gic_set_eoimode(bool split)
{
	if (gic_version == 3) {
		WRITE_SYSREG(ICC_CTLR_EL1, split ? ICC_CTLR_EOIMODE : 0);
		ISB();
	} else {
		*reg(GICC_BASE, GICC_CTLR) = GICC_CTLR_ENABLE_G0 | (split ? GICC_CTLR_EOIMODE : 0);
		DSB();
	}
}

uint32_t gic_running_priority(void)
{
	return gic_version == 3 ? (uint32_t)READ_SYSREG(ICC_RPR_EL1) & 0xffu
				: *reg(GICC_BASE, GICC_RPR) & 0xffu;
}

void gic_send_sgi(unsigned target, unsigned sgi)
{
	DSB();
	if (gic_version == 3) {
		/* Aff3.Aff2.Aff1 = 0, target list bit = Aff0 (the vCPU index, below 16). */
		WRITE_SYSREG(ICC_SGI1R_EL1, ((uint64_t)sgi << 24) | (1ull << target));
		ISB();
	} else {
		gicd_write(GICD_SGIR, (1u << (GICD_SGIR_TARGETS_SHIFT + target)) | sgi);
	}
}

void gic_enable(uint32_t intid, uint8_t priority)
{
	uintptr_t b = bank(intid);

	*(volatile uint8_t *)(b + GICD_IPRIORITYR + intid) = priority;
	*reg(b, GICD_ISENABLER + intid / 32 * 4) = 1u << (intid % 32);
	DSB();
	wait_rwp();
}

void gic_disable(uint32_t intid)
{
	*reg(bank(intid), GICD_ICENABLER + intid / 32 * 4) = 1u << (intid % 32);
	DSB();
	wait_rwp();
}

void gic_set_edge(uint32_t intid, bool edge)
{
	volatile uint32_t *r = reg(bank(intid), GICD_ICFGR + intid / 16 * 4);
	uint32_t bit = 2u << (2 * (intid % 16));

	*r = edge ? *r | bit : *r & ~bit;
	DSB();
}

void gic_set_pending(uint32_t intid)
{
	*reg(bank(intid), GICD_ISPENDR + intid / 32 * 4) = 1u << (intid % 32);
	DSB();
}

bool gic_is_pending(uint32_t intid)
{
	return (*reg(bank(intid), GICD_ISPENDR + intid / 32 * 4) >> (intid % 32)) & 1u;
}

bool gic_is_active(uint32_t intid)
{
	return (*reg(bank(intid), GICD_ISACTIVER + intid / 32 * 4) >> (intid % 32)) & 1u;
}

void gic_route_spi(uint32_t intid, unsigned vcpu)
{
	if (gic_version == 3)
		*(volatile uint64_t *)(GICD_BASE + GICD_IROUTER + 8ul * intid) = vcpu;
	else
		*(volatile uint8_t *)(GICD_BASE + GICD_ITARGETSR + intid) = (uint8_t)(1u << vcpu);
	DSB();
}

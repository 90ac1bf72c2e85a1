/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The test guest's driver for the GIC QEMU's virt describes (gic.c): GICv2
 * (GICD and the memory-mapped GICC) or GICv3 (GICD, one redistributor per
 * CPU, the ICC_* system registers), from GIC architecture IHI 0069 and IHI
 * 0048. GICv3 interrupts are Group 1, GICv2 ones Group 0 (no security
 * extensions): both are IRQs.
 */
#ifndef GUEST_GIC_H
#define GUEST_GIC_H

#include "guest.h"

#define GICD_BASE 0x08000000ul
#define GICC_BASE 0x08010000ul
#define GICR_BASE 0x080a0000ul
#define GICR_STRIDE 0x20000ul
#define GIC_SPURIOUS 1023u
#define GIC_IAR_INTID_MASK 0x3ffu

/* Distributor (and, at the same offsets, the GICv3 SGI_base frame). */
#define GICD_CTLR 0x000u
#define GICD_TYPER 0x004u
#define GICD_IIDR 0x008u
#define GICD_RESERVED 0x018u /* reserved in both versions */
#define GICD_IGROUPR 0x080u
#define GICD_ISENABLER 0x100u
#define GICD_ICENABLER 0x180u
#define GICD_ISPENDR 0x200u
#define GICD_ICPENDR 0x280u
#define GICD_ISACTIVER 0x300u
#define GICD_ICACTIVER 0x380u
#define GICD_IPRIORITYR 0x400u
#define GICD_ITARGETSR 0x800u
#define GICD_ICFGR 0xc00u
#define GICD_SGIR 0xf00u
#define GICD_IROUTER 0x6000u
#define GICD_PIDR2_V2 0xfe8u
#define GICD_PIDR2_V3 0xffe8u
#define GIC_PIDR2_ARCHREV_SHIFT 4

extern unsigned gic_version;

void gic_dist_init(unsigned version); /* vCPU 0, once */
void gic_cpu_init(unsigned id);	      /* every vCPU */

uint32_t gic_ack(void); /* the IAR value (INTID in bits [9:0]) */
void gic_eoi(uint32_t iar);
void gic_dir(uint32_t iar);
void gic_set_eoimode(bool split);
uint32_t gic_running_priority(void);
void gic_send_sgi(unsigned target, unsigned sgi);

/* Per-interrupt configuration: SGIs and PPIs are the calling vCPU's own. */
void gic_enable(uint32_t intid, uint8_t priority);
void gic_disable(uint32_t intid);
void gic_set_edge(uint32_t intid, bool edge);
void gic_set_pending(uint32_t intid);
bool gic_is_pending(uint32_t intid);
bool gic_is_active(uint32_t intid);
void gic_route_spi(uint32_t intid, unsigned vcpu);

/* Raw register access, for the checks of reserved and read-only registers. */
uint32_t gicd_read(uint32_t off);
void gicd_write(uint32_t off, uint32_t v);
uint32_t gic_private_read(uint32_t off); /* this vCPU's SGI/PPI registers */
void gic_private_write(uint32_t off, uint32_t v);

#endif /* GUEST_GIC_H */

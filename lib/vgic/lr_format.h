/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The two list-register formats, and the registers every guest entry and
 * exit touches, as inline functions: list-register scheduling (lr_sched.c)
 * calls them on each entry and exit, directly rather than through lr_ops
 * (which keeps the rest: load, put, pending, init).
 * GICv3: ICH_LR<n>_EL2 (GICv3 12.5.10), ICH_ELRSR_EL2, ICH_EISR_EL2,
 * ICH_HCR_EL2, ICH_VMCR_EL2. GICv2: GICH_LR<n> (GICv2 5.3.11), GICH_ELRSR0/1,
 * GICH_EISR0/1, GICH_HCR, GICH_VMCR.
 */
#ifndef ARMVIRT_VGIC_LR_FORMAT_H
#define ARMVIRT_VGIC_LR_FORMAT_H

#include <armvirt/port.h>

#include "internal.h"

/* ---- GICv3 ---- */

static inline uint64_t lr_v3_encode(const struct armvirt_vgic *d,
				    const struct armvirt_vgic_irq *irq, unsigned src,
				    unsigned state)
{
	uint64_t lr = irq->intid;

	/* A GICv2 guest on a GICv3 CPU interface reads the SGI's source in
	 * bits [12:10] of the INTID (GICv3 12.5.10, vINTID). */
	if (is_v2_sgi(d, irq))
		lr = armvirt_field_set(lr, ARMVIRT_ICH_LR_V2_CPUID_SHIFT,
				       ARMVIRT_ICH_LR_V2_CPUID_WIDTH, src);
	lr = armvirt_field_set(lr, ARMVIRT_ICH_LR_PRIORITY_SHIFT, ARMVIRT_ICH_LR_PRIORITY_WIDTH,
			       irq->priority);
	lr = armvirt_field_set(lr, ARMVIRT_ICH_LR_GROUP_SHIFT, ARMVIRT_ICH_LR_GROUP_WIDTH,
			       irq_group(irq));
	lr = armvirt_field_set(lr, ARMVIRT_ICH_LR_STATE_SHIFT, ARMVIRT_ICH_LR_STATE_WIDTH,
			       state & ST_PA);
	if (irq->flags & IRQ_HW) {
		lr = armvirt_field_set(lr, ARMVIRT_ICH_LR_HW_SHIFT, ARMVIRT_ICH_LR_HW_WIDTH, 1);
		lr = armvirt_field_set(lr, ARMVIRT_ICH_LR_PINTID_SHIFT, ARMVIRT_ICH_LR_PINTID_WIDTH,
				       irq->pintid);
	} else if (state & ST_EOI) {
		lr = armvirt_field_set(lr, ARMVIRT_ICH_LR_EOI_SHIFT, ARMVIRT_ICH_LR_EOI_WIDTH, 1);
	}
	return lr;
}

static inline unsigned lr_v3_state(uint64_t lr)
{
	return (unsigned)armvirt_field_get(lr, ARMVIRT_ICH_LR_STATE_SHIFT,
					   ARMVIRT_ICH_LR_STATE_WIDTH);
}

static inline uint64_t lr_v3_invalid(uint64_t lr)
{
	return armvirt_field_set(lr, ARMVIRT_ICH_LR_STATE_SHIFT, ARMVIRT_ICH_LR_STATE_WIDTH,
				 ARMVIRT_GIC_LR_STATE_INVALID);
}

/* Whether a value written owes an EOI maintenance interrupt. */
static inline bool lr_v3_eoi_set(uint64_t lr)
{
	return !armvirt_field_get(lr, ARMVIRT_ICH_LR_HW_SHIFT, ARMVIRT_ICH_LR_HW_WIDTH) &&
	       armvirt_field_get(lr, ARMVIRT_ICH_LR_EOI_SHIFT, ARMVIRT_ICH_LR_EOI_WIDTH);
}

/* ---- GICv2 ---- */

static inline uint64_t lr_v2_encode(const struct armvirt_vgic *d,
				    const struct armvirt_vgic_irq *irq, unsigned src,
				    unsigned state)
{
	uint64_t lr = irq->intid;

	lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_PRIORITY_SHIFT, ARMVIRT_GICH_LR_PRIORITY_WIDTH,
			       irq->priority >> (8 - ARMVIRT_GICH_LR_PRIORITY_WIDTH));
	lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_GRP1_SHIFT, ARMVIRT_GICH_LR_GRP1_WIDTH,
			       irq_group(irq));
	lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_STATE_SHIFT, ARMVIRT_GICH_LR_STATE_WIDTH,
			       state & ST_PA);
	if (irq->flags & IRQ_HW) {
		lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_HW_SHIFT, ARMVIRT_GICH_LR_HW_WIDTH, 1);
		lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_PHYSICALID_SHIFT,
				       ARMVIRT_GICH_LR_PHYSICALID_WIDTH, irq->pintid);
	} else {
		if (is_v2_sgi(d, irq))
			lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_CPUID_SHIFT,
					       ARMVIRT_GICH_LR_CPUID_WIDTH, src);
		if (state & ST_EOI)
			lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_EOI_SHIFT,
					       ARMVIRT_GICH_LR_EOI_WIDTH, 1);
	}
	return lr;
}

static inline unsigned lr_v2_state(uint64_t lr)
{
	return (unsigned)armvirt_field_get(lr, ARMVIRT_GICH_LR_STATE_SHIFT,
					   ARMVIRT_GICH_LR_STATE_WIDTH);
}

static inline uint64_t lr_v2_invalid(uint64_t lr)
{
	return armvirt_field_set(lr, ARMVIRT_GICH_LR_STATE_SHIFT, ARMVIRT_GICH_LR_STATE_WIDTH,
				 ARMVIRT_GIC_LR_STATE_INVALID);
}

static inline bool lr_v2_eoi_set(uint64_t lr)
{
	return !armvirt_field_get(lr, ARMVIRT_GICH_LR_HW_SHIFT, ARMVIRT_GICH_LR_HW_WIDTH) &&
	       armvirt_field_get(lr, ARMVIRT_GICH_LR_EOI_SHIFT, ARMVIRT_GICH_LR_EOI_WIDTH);
}

/* The second word covers list registers 32 to 63 and exists only if they do. */
static inline uint64_t lr_v2_read_pair(const struct armvirt_vgic *d, uint32_t lo)
{
	uint64_t v = armvirt_port_gich_read(lo);

	if (d->nr_lrs > 32)
		v |= (uint64_t)armvirt_port_gich_read(lo + 4u) << 32;
	return v;
}

/* ---- the format @d uses ---- */

static inline bool lr_is_v3(const struct armvirt_vgic *d)
{
	return d->cpuif == ARMVIRT_VGIC_CPUIF_ICH;
}

/* The register value holding @src of @irq in @state (ST_* bits). */
static inline uint64_t lr_encode(const struct armvirt_vgic *d, const struct armvirt_vgic_irq *irq,
				 unsigned src, unsigned state)
{
	return lr_is_v3(d) ? lr_v3_encode(d, irq, src, state) : lr_v2_encode(d, irq, src, state);
}

static inline unsigned lr_state(const struct armvirt_vgic *d, uint64_t lr)
{
	return lr_is_v3(d) ? lr_v3_state(lr) : lr_v2_state(lr);
}

/* @lr with its State field cleared. */
static inline uint64_t lr_invalid(const struct armvirt_vgic *d, uint64_t lr)
{
	return lr_is_v3(d) ? lr_v3_invalid(lr) : lr_v2_invalid(lr);
}

static inline bool lr_eoi_set(const struct armvirt_vgic *d, uint64_t lr)
{
	return lr_is_v3(d) ? lr_v3_eoi_set(lr) : lr_v2_eoi_set(lr);
}

static inline uint64_t lr_read(const struct armvirt_vgic *d, unsigned n)
{
	return lr_is_v3(d) ? armvirt_port_read_ich_lr(n)
			   : armvirt_port_gich_read(ARMVIRT_GICH_LR0 + 4u * n);
}

static inline void lr_write(const struct armvirt_vgic *d, unsigned n, uint64_t v)
{
	if (lr_is_v3(d))
		armvirt_port_write_ich_lr(n, v);
	else
		armvirt_port_gich_write(ARMVIRT_GICH_LR0 + 4u * n, (uint32_t)v);
}

/* Empty list registers (bit n: register n). */
static inline uint64_t lr_read_elrsr(const struct armvirt_vgic *d)
{
	return lr_is_v3(d) ? armvirt_port_read_ich_elrsr_el2()
			   : lr_v2_read_pair(d, ARMVIRT_GICH_ELRSR0);
}

/* List registers asserting an EOI maintenance interrupt. */
static inline uint64_t lr_read_eisr(const struct armvirt_vgic *d)
{
	return lr_is_v3(d) ? armvirt_port_read_ich_eisr_el2()
			   : lr_v2_read_pair(d, ARMVIRT_GICH_EISR0);
}

static inline uint32_t lr_read_hcr(const struct armvirt_vgic *d)
{
	return lr_is_v3(d) ? (uint32_t)armvirt_port_read_ich_hcr_el2()
			   : armvirt_port_gich_read(ARMVIRT_GICH_HCR);
}

static inline void lr_write_hcr(const struct armvirt_vgic *d, uint32_t v)
{
	if (lr_is_v3(d))
		armvirt_port_write_ich_hcr_el2(v);
	else
		armvirt_port_gich_write(ARMVIRT_GICH_HCR, v);
}

static inline uint32_t lr_read_vmcr(const struct armvirt_vgic *d)
{
	return lr_is_v3(d) ? (uint32_t)armvirt_port_read_ich_vmcr_el2()
			   : armvirt_port_gich_read(ARMVIRT_GICH_VMCR);
}

#endif /* ARMVIRT_VGIC_LR_FORMAT_H */

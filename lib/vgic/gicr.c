/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A GICv3 redistributor: the RD_base frame (GICv3 12.10) and the SGI_base
 * frame (12.11) of vCPU @rd, whichever vCPU accesses them. No LPIs: the LPI
 * registers are RAZ/WI, as GICR_TYPER.PLPIS == 0 allows.
 */
#include "internal.h"

static const struct {
	uint32_t off;
	enum irq_field field;
} sgi_regs[] = {
	{ ARMVIRT_GICR_IGROUPR0, F_GROUP },	   { ARMVIRT_GICR_ISENABLER0, F_SET_ENABLE },
	{ ARMVIRT_GICR_ICENABLER0, F_CLR_ENABLE }, { ARMVIRT_GICR_ISPENDR0, F_SET_PEND },
	{ ARMVIRT_GICR_ICPENDR0, F_CLR_PEND },	   { ARMVIRT_GICR_ISACTIVER0, F_SET_ACT },
	{ ARMVIRT_GICR_ICACTIVER0, F_CLR_ACT },
};

static uint64_t typer(const struct armvirt_vgic *d, const struct armvirt_vgic_vcpu *rd)
{
	uint64_t t = armvirt_field_set(0, ARMVIRT_GICR_TYPER_AFFINITY_SHIFT,
				       ARMVIRT_GICR_TYPER_AFFINITY_WIDTH, rd->affinity);

	t = armvirt_field_set(t, ARMVIRT_GICR_TYPER_PROCNUM_SHIFT, ARMVIRT_GICR_TYPER_PROCNUM_WIDTH,
			      rd->index);
	return armvirt_field_set(t, ARMVIRT_GICR_TYPER_LAST_SHIFT, ARMVIRT_GICR_TYPER_LAST_WIDTH,
				 rd->index == d->nr_vcpus - 1u);
}

static void rd_frame(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *rd, uint32_t off,
		     struct armvirt_mmio_access *acc)
{
	uint64_t value = 0;

	if (off - ARMVIRT_GICR_TYPER < 8u) {
		if (acc->size == 8 || acc->size == 4)
			value = typer(d, rd) >> (8u * (off - ARMVIRT_GICR_TYPER));
	} else if (acc->size != 4) {
		return;
	} else if (off == ARMVIRT_GICR_IIDR) {
		value = d->iidr;
	} else if (off == ARMVIRT_GICR_WAKER) {
		uint32_t ps = 1u << ARMVIRT_GICR_WAKER_PROCESSORSLEEP_SHIFT;

		/* The interface to a virtual PE quiesces at once, so
		 * ChildrenAsleep follows ProcessorSleep (GICv3 12.11.42). */
		vgic_lock(rd);
		if (acc->is_write && (acc->data & ps))
			rd->flags |= VCPU_SLEEP;
		else if (acc->is_write)
			rd->flags &= ~VCPU_SLEEP;
		if (rd->flags & VCPU_SLEEP)
			value = ps | (1u << ARMVIRT_GICR_WAKER_CHILDRENASLEEP_SHIFT);
		vgic_unlock(rd);
	} else if (off >= ARMVIRT_GIC_V3_IDREGS) {
		value = idreg_read(d, off - ARMVIRT_GIC_V3_IDREGS);
	}
	if (!acc->is_write)
		acc->data = acc->size == 8 ? value : (uint32_t)value;
}

static int sgi_frame(struct armvirt_vgic *d, const struct armvirt_vgic_vcpu *self,
		     struct armvirt_vgic_vcpu *rd, uint32_t off, struct armvirt_mmio_access *acc,
		     struct armvirt_vgic_kicks *kicks)
{
	enum irq_field f;
	uint32_t first, count, value;
	int r;

	if (off - ARMVIRT_GICR_IPRIORITYR < ARMVIRT_VGIC_NR_PRIVATE &&
	    (acc->size == 1 || acc->size == 4)) {
		f = F_PRIORITY;
		first = off - ARMVIRT_GICR_IPRIORITYR;
		count = acc->size;
	} else if (acc->size != 4) {
		return 0;
	} else if (off == ARMVIRT_GICR_ICFGR0 || off == ARMVIRT_GICR_ICFGR1) {
		f = F_CONFIG;
		first = off == ARMVIRT_GICR_ICFGR0 ? 0u : ARMVIRT_GIC_NR_SGIS;
		count = 16;
	} else {
		unsigned i = 0;

		while (i < sizeof(sgi_regs) / sizeof(sgi_regs[0]) && sgi_regs[i].off != off)
			i++;
		if (i == sizeof(sgi_regs) / sizeof(sgi_regs[0]))
			return 0;
		f = sgi_regs[i].field;
		first = 0;
		count = 32;
	}
	if (acc->is_write) {
		irq_field_write(d, rd, self, f, first, count, (uint32_t)acc->data, kicks);
		return 0;
	}
	r = irq_field_read(d, rd, self, f, first, count, &value);
	if (r == 0)
		acc->data = value;
	return r;
}

int gicr_mmio(struct armvirt_vgic *d, const struct armvirt_vgic_vcpu *self,
	      struct armvirt_vgic_vcpu *rd, uint32_t off, struct armvirt_mmio_access *acc,
	      struct armvirt_vgic_kicks *kicks)
{
	struct armvirt_vgic_kicks k;
	int r;

	if (!acc->is_write)
		acc->data = 0;
	/* No access to RD_base kicks a vCPU. */
	if (off < ARMVIRT_GICR_SGI_BASE) {
		rd_frame(d, rd, off, acc);
		return 0;
	}
	armvirt_vgic_kicks_clear(&k);
	r = sgi_frame(d, self, rd, off - ARMVIRT_GICR_SGI_BASE, acc, &k);
	return r < 0 ? r : kicks_merge(kicks, &k);
}

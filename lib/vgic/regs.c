/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The per-interrupt register arrays that the distributor and the
 * redistributors share (IGROUPR, IS/ICENABLER, IS/ICPENDR, IS/ICACTIVER,
 * IPRIORITYR, ITARGETSR, ICFGR), and the identification registers.
 */
#include "internal.h"

static unsigned field_width(enum irq_field f)
{
	switch (f) {
	case F_PRIORITY:
	case F_TARGETS:
		return 8;
	case F_CONFIG:
		return 2;
	default:
		return 1;
	}
}

/* The fields that report or change the pending and active state. */
static bool is_state_field(enum irq_field f)
{
	return f == F_SET_PEND || f == F_CLR_PEND || f == F_SET_ACT || f == F_CLR_ACT;
}

static uint32_t field_get(const struct armvirt_vgic *d, const struct armvirt_vgic_vcpu *v,
			  const struct armvirt_vgic_irq *irq, enum irq_field f)
{
	switch (f) {
	case F_GROUP:
		return irq_group(irq);
	case F_SET_ENABLE:
	case F_CLR_ENABLE:
		return (irq->flags & IRQ_ENABLED) != 0;
	case F_SET_PEND:
	case F_CLR_PEND:
		return (irq_pending_sw(irq) | irq->lr_pend) != 0;
	case F_SET_ACT:
	case F_CLR_ACT:
		return irq->active != 0;
	case F_PRIORITY:
		return irq->priority;
	case F_TARGETS:
		/* GICv2 4.3.12: the SGI/PPI fields read as the reader's
		 * own CPU; all read as zero with a single CPU interface. */
		if (d->nr_vcpus == 1)
			return 0;
		return is_spi(irq->intid) ? irq->targets : 1u << v->index;
	case F_CONFIG:
		return (irq->flags & IRQ_EDGE) ? 1u << ARMVIRT_GIC_ICFGR_EDGE_BIT : 0u;
	}
	return 0;
}

int irq_field_read(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		   const struct armvirt_vgic_vcpu *self, enum irq_field f, uint32_t first_intid,
		   unsigned count, uint32_t *value)
{
	bool state = is_state_field(f);
	unsigned w = field_width(f);
	uint32_t x = 0;

	for (unsigned n = 0; n < count; n++) {
		uint32_t intid = first_intid + n;
		struct armvirt_vgic_irq *irq;
		struct armvirt_vgic_vcpu *o;
		bool live;

		if (!intid_valid(d, intid))
			continue;
		o = irq_lock(d, v, intid, &irq);
		live = state && irq_state_live(o, self, irq);
		x |= field_get(d, v, irq, f) << (n * w);
		vgic_unlock(o);
		if (live)
			return ARMVIRT_EBUSY;
	}
	*value = x;
	return 0;
}

/* Apply one interrupt's field of a write; returns whether an SPI may have to
 * move to another vCPU. */
static bool field_set(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *o,
		      struct armvirt_vgic_irq *irq, enum irq_field f, uint32_t x,
		      struct armvirt_vgic_kicks *kicks)
{
	switch (f) {
	case F_GROUP:
		irq_set_group(d, o, irq, x, kicks);
		break;
	case F_SET_ENABLE:
		irq_set_enabled(d, o, irq, true, kicks);
		break;
	case F_CLR_ENABLE:
		irq_set_enabled(d, o, irq, false, kicks);
		break;
	case F_SET_PEND:
		/* GICv2 SGIs are made pending per source through
		 * GICD_SPENDSGIR; these bits ignore writes (GICv2 4.3.7). */
		if (!is_v2_sgi(d, irq))
			irq_set_pending(d, o, irq, 1u, kicks);
		break;
	case F_CLR_PEND:
		if (!is_v2_sgi(d, irq))
			irq_clear_pending(d, o, irq, 1u);
		return is_spi(irq->intid);
	case F_SET_ACT:
		irq_set_active(d, o, irq, kicks);
		break;
	case F_CLR_ACT:
		irq_clear_active(d, o, irq, kicks);
		return is_spi(irq->intid);
	case F_PRIORITY:
		irq_set_priority(d, o, irq, (uint8_t)x, kicks);
		break;
	case F_TARGETS:
		/* Bits for CPU interfaces that do not exist are RAZ/WI. */
		if (is_spi(irq->intid) && d->nr_vcpus > 1) {
			irq->targets = (uint8_t)(x & ((1u << d->nr_vcpus) - 1u));
			irq->route = route_v2(d, irq->targets);
			return true;
		}
		break;
	case F_CONFIG:
		if (irq->intid >= ARMVIRT_GIC_NR_SGIS)
			irq_set_edge(d, o, irq, (x >> ARMVIRT_GIC_ICFGR_EDGE_BIT) & 1u, kicks);
		break;
	}
	return false;
}

void irq_field_write(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		     const struct armvirt_vgic_vcpu *self, enum irq_field f, uint32_t first_intid,
		     unsigned count, uint32_t value, struct armvirt_vgic_kicks *kicks)
{
	unsigned w = field_width(f);
	uint32_t mask = w >= 32 ? ~0u : (1u << w) - 1u;
	bool set_or_clear = w == 1 && f != F_GROUP;
	bool state = is_state_field(f);

	for (unsigned n = 0; n < count; n++) {
		uint32_t intid = first_intid + n, x = (value >> (n * w)) & mask, before;
		struct armvirt_vgic_irq *irq;
		struct armvirt_vgic_vcpu *o;
		bool settle, live;

		/* Writing 0 to a set/clear bit has no effect. */
		if (!intid_valid(d, intid) || (set_or_clear && x == 0))
			continue;
		o = irq_lock(d, v, intid, &irq);
		live = irq_in_live_lr(o, self, irq);
		before = live ? field_get(d, v, irq, f) : 0;
		settle = field_set(d, o, irq, f, x, kicks);
		/* A write to the pending or active state always concerns the
		 * registers; one to a setting only if it changed it. */
		if (live && (state || field_get(d, v, irq, f) != before))
			kick_add(kicks, self->index);
		vgic_unlock(o);
		if (settle)
			spi_settle(d, irq, kicks);
	}
}

uint32_t idreg_read(const struct armvirt_vgic *d, uint32_t off)
{
	/* CIDR0-3: the CoreSight component class values the GIC specifications
	 * give; PIDR2.ArchRev: the architecture version. The other
	 * identification fields are IMPLEMENTATION DEFINED and read as 0. */
	static const uint8_t cidr[4] = { 0x0D, 0xF0, 0x05, 0xB1 };

	if (off == ARMVIRT_GIC_IDREG_PIDR2)
		return (uint32_t)armvirt_field_set(0, ARMVIRT_GIC_PIDR2_ARCHREV_SHIFT,
						   ARMVIRT_GIC_PIDR2_ARCHREV_WIDTH, d->model);
	if (off >= ARMVIRT_GIC_IDREG_CIDR0 && off < ARMVIRT_GIC_IDREG_CIDR0 + 4u * sizeof(cidr) &&
	    off % 4 == 0)
		return cidr[(off - ARMVIRT_GIC_IDREG_CIDR0) / 4];
	return 0;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The distributor's register map: GICv2 (GICv2 4.3, no Security
 * Extensions) and GICv3 (GICv3 12.9, GICD_CTLR.ARE and DS fixed at 1).
 */
#include "internal.h"

/* The per-interrupt arrays, from their offset: the field and whether byte
 * accesses are allowed (GICv2 4.3, GICv3 12.1.3). */
static const struct {
	uint32_t base;
	enum irq_field field;
	bool bytes;
} arrays[] = {
	{ ARMVIRT_GICD_IGROUPR, F_GROUP, false },
	{ ARMVIRT_GICD_ISENABLER, F_SET_ENABLE, false },
	{ ARMVIRT_GICD_ICENABLER, F_CLR_ENABLE, false },
	{ ARMVIRT_GICD_ISPENDR, F_SET_PEND, false },
	{ ARMVIRT_GICD_ICPENDR, F_CLR_PEND, false },
	{ ARMVIRT_GICD_ISACTIVER, F_SET_ACT, false },
	{ ARMVIRT_GICD_ICACTIVER, F_CLR_ACT, false },
	{ ARMVIRT_GICD_IPRIORITYR, F_PRIORITY, true },
	{ ARMVIRT_GICD_ITARGETSR, F_TARGETS, true },
	{ ARMVIRT_GICD_ICFGR, F_CONFIG, false },
};

static unsigned bits_per_irq(enum irq_field f)
{
	return f == F_PRIORITY || f == F_TARGETS ? 8u : f == F_CONFIG ? 2u : 1u;
}

/*
 * A per-interrupt array access at @off of @acc->size bytes: 0, or
 * ARMVIRT_EBUSY (irq_field_read()); ARMVIRT_ENOENT if @off is in no array.
 * With affinity routing the distributor's copies of the SGI and PPI
 * registers, and ITARGETSR, are RAZ/WI (GICv3 12.9).
 */
static int gicd_array(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint32_t off,
		      struct armvirt_mmio_access *acc, struct armvirt_vgic_kicks *kicks)
{
	for (unsigned a = 0; a < sizeof(arrays) / sizeof(arrays[0]); a++) {
		unsigned bits = bits_per_irq(arrays[a].field);
		uint32_t span = 1024u * bits / 8u, first, count, value;
		int r;

		if (off - arrays[a].base >= span)
			continue;
		if (acc->size != 4 && !(acc->size == 1 && arrays[a].bytes))
			return 0;
		first = (off - arrays[a].base) * 8u / bits;
		count = acc->size * 8u / bits;
		if (!is_v2(d) && (first < ARMVIRT_VGIC_NR_PRIVATE || arrays[a].field == F_TARGETS))
			return 0;
		if (acc->is_write) {
			/* The SGI and PPI targets are read-only. */
			if (arrays[a].field != F_TARGETS || first >= ARMVIRT_VGIC_NR_PRIVATE)
				irq_field_write(d, v, v, arrays[a].field, first, count,
						(uint32_t)acc->data, kicks);
			return 0;
		}
		r = irq_field_read(d, v, v, arrays[a].field, first, count, &value);
		if (r == 0)
			acc->data = value;
		return r;
	}
	return ARMVIRT_ENOENT;
}

static uint32_t typer(const struct armvirt_vgic *d)
{
	uint32_t lines = (ARMVIRT_VGIC_NR_PRIVATE + d->nr_spis + 31u) / 32u - 1u;
	uint64_t t = armvirt_field_set(0, ARMVIRT_GICD_TYPER_ITLINES_SHIFT,
				       ARMVIRT_GICD_TYPER_ITLINES_WIDTH, lines);

	if (is_v2(d))
		return (uint32_t)armvirt_field_set(t, ARMVIRT_GICD_TYPER_CPUNUMBER_SHIFT,
						   ARMVIRT_GICD_TYPER_CPUNUMBER_WIDTH,
						   d->nr_vcpus - 1u);
	/* INTIDs up to 1023, no LPIs, no 1 of N SPI routing, Aff0 below 16. */
	t = armvirt_field_set(t, ARMVIRT_GICD_TYPER_IDBITS_SHIFT, ARMVIRT_GICD_TYPER_IDBITS_WIDTH,
			      10u - 1u);
	t = armvirt_field_set(t, ARMVIRT_GICD_TYPER_NO1N_SHIFT, ARMVIRT_GICD_TYPER_NO1N_WIDTH, 1);
	return (uint32_t)t;
}

static void ctlr_write(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint32_t value,
		       struct armvirt_vgic_kicks *kicks)
{
	uint32_t en = (1u << ARMVIRT_GICD_CTLR_ENABLEGRP0_SHIFT) |
		      (1u << ARMVIRT_GICD_CTLR_ENABLEGRP1_SHIFT);
	uint32_t old = atomic_exchange_explicit(&d->ctlr, value & en, memory_order_relaxed);

	/* Interrupts of a newly enabled group may be waiting on every vCPU;
	 * fill checks the enables, so the vCPUs only need to pass through it.
	 * A disabled group's pending interrupts leave the list registers at
	 * the next fill: the writer's own must not stay live after the write. */
	if ((value & en & ~old) != 0) {
		for (unsigned i = 0; i < d->nr_vcpus; i++)
			kick_add(kicks, i);
	} else if ((old & ~value) != 0 && vcpu_in_guest(v)) {
		kick_add(kicks, v->index);
	}
}

/* GICD_IROUTER<n>: 64-bit, or either 32-bit half (GICv3 12.9.22). */
static void irouter(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint32_t off,
		    struct armvirt_mmio_access *acc, struct armvirt_vgic_kicks *kicks)
{
	uint32_t n = (off - ARMVIRT_GICD_IROUTER) / 8u;
	bool high = (off % 8u) != 0;
	struct armvirt_vgic_irq *irq;
	struct armvirt_vgic_vcpu *o;

	if (n < ARMVIRT_VGIC_NR_PRIVATE || !intid_valid(d, n) || (acc->size != 8 && acc->size != 4))
		return;
	o = irq_lock(d, v, n, &irq);
	if (!acc->is_write) {
		/* IRM is RES0 with GICD_TYPER.No1N set, Aff3 with A3V clear. */
		acc->data = high ? 0 : irq->affinity;
		vgic_unlock(o);
		return;
	}
	if (!high) {
		irq->affinity = affinity_of(acc->data);
		irq->route = route_v3(d, irq->affinity);
	}
	vgic_unlock(o);
	spi_settle(d, irq, kicks);
}

/*
 * Whether clearing @clear of GICv2 SGI @irq of @v needs a sync first: @v is
 * in the guest, and the clear would leave other sources pending in its list
 * registers. The request a clear leaves for the next sync (irq.c) covers
 * every source the registers hold.
 */
static bool cpendsgi_live(const struct armvirt_vgic_vcpu *v, const struct armvirt_vgic_irq *irq,
			  uint8_t clear)
{
	return (v->flags & VCPU_IN_GUEST) && (irq->lr_pend & clear) != 0 &&
	       (irq->lr_pend & (uint8_t)~clear) != 0;
}

/* GICD_CPENDSGIR<n> / GICD_SPENDSGIR<n> (GICv2 4.3.14, 4.3.15): banked, a
 * byte per SGI, a bit per source CPU. */
static int spendsgir(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint32_t first,
		     struct armvirt_mmio_access *acc, bool set, struct armvirt_vgic_kicks *kicks)
{
	uint8_t cpus = (uint8_t)((1u << d->nr_vcpus) - 1u);
	uint64_t value = 0;
	int r = 0;

	vgic_lock(v);
	for (unsigned n = 0; n < acc->size && r == 0; n++) {
		struct armvirt_vgic_irq *irq = &v->priv[first + n];
		uint8_t byte = (uint8_t)(acc->data >> (8 * n)) & cpus;

		if (acc->is_write ? !set && cpendsgi_live(v, irq, byte) : irq_state_live(v, v, irq))
			r = ARMVIRT_EBUSY;
		else if (!acc->is_write)
			value |= (uint64_t)(irq_pending_sw(irq) | irq->lr_pend) << (8 * n);
	}
	for (unsigned n = 0; n < acc->size && r == 0 && acc->is_write; n++) {
		struct armvirt_vgic_irq *irq = &v->priv[first + n];
		uint8_t byte = (uint8_t)(acc->data >> (8 * n)) & cpus;

		if (byte == 0)
			continue;
		if (!set && irq_in_live_lr(v, v, irq))
			kick_add(kicks, v->index);
		if (set)
			irq_set_pending(d, v, irq, byte, kicks);
		else
			irq_clear_pending(d, v, irq, byte);
	}
	vgic_unlock(v);
	if (r == 0 && !acc->is_write)
		acc->data = value;
	return r;
}

/*
 * Reads of the control and identification registers: the first 128 bytes
 * (GICD_CTLR, GICD_TYPER, GICD_IIDR; the rest reserved, write-only or, as
 * GICD_STATUSR may be, RAZ) and the identification block at the frame's end
 * (GICv2 4.1.2, GICv3 12.8). They have no side effect and take no lock.
 */
static bool gicd_read_id(const struct armvirt_vgic *d, uint32_t off,
			 struct armvirt_mmio_access *acc)
{
	uint32_t idregs = is_v2(d) ? ARMVIRT_GIC_V2_IDREGS : ARMVIRT_GIC_V3_IDREGS;
	uint32_t value = 0;

	if (off < ARMVIRT_GICD_IGROUPR) {
		if (acc->size != 4)
			value = 0; /* RAZ */
		else if (off == ARMVIRT_GICD_IIDR)
			value = d->iidr;
		else if (off == ARMVIRT_GICD_TYPER)
			value = typer(d);
		else if (off == ARMVIRT_GICD_CTLR)
			value = atomic_load_explicit(&d->ctlr, memory_order_relaxed) |
				(is_v2(d) ? 0u
					  : (1u << ARMVIRT_GICD_CTLR_ARE_SHIFT) |
						    (1u << ARMVIRT_GICD_CTLR_DS_SHIFT));
	} else if (off >= idregs) {
		value = acc->size == 4 ? idreg_read(d, off - idregs) : 0;
	} else {
		return false;
	}
	acc->data = value;
	return true;
}

static int gicd_v2(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint32_t off,
		   struct armvirt_mmio_access *acc, struct armvirt_vgic_kicks *kicks)
{
	int r;

	/* GICD_SGIR first: a GICv2 guest's every IPI writes it. Write-only,
	 * reads as zero here (GICv2 4.3.13). */
	if (off == ARMVIRT_GICD_SGIR) {
		if (acc->size == 4 && acc->is_write)
			sgi_send_v2(d, v, (uint32_t)acc->data, kicks);
		return 0;
	}
	r = gicd_array(d, v, off, acc, kicks);
	if (r != ARMVIRT_ENOENT)
		return r;
	/* GICD_CPENDSGIR then GICD_SPENDSGIR: a byte per SGI each. */
	if (off - ARMVIRT_GICD_CPENDSGIR < 2u * ARMVIRT_GIC_NR_SGIS) {
		if (acc->size == 4 || acc->size == 1)
			return spendsgir(d, v, (off - ARMVIRT_GICD_CPENDSGIR) % ARMVIRT_GIC_NR_SGIS,
					 acc, off >= ARMVIRT_GICD_SPENDSGIR, kicks);
		return 0;
	}
	if (acc->size == 4 && acc->is_write && off == ARMVIRT_GICD_CTLR)
		ctlr_write(d, v, (uint32_t)acc->data, kicks);
	return 0;
}

static int gicd_v3(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint32_t off,
		   struct armvirt_mmio_access *acc, struct armvirt_vgic_kicks *kicks)
{
	int r = gicd_array(d, v, off, acc, kicks);

	if (r != ARMVIRT_ENOENT)
		return r;
	if (off - ARMVIRT_GICD_IROUTER < 8u * 1024u)
		irouter(d, v, off, acc, kicks);
	else if (acc->size == 4 && acc->is_write && off == ARMVIRT_GICD_CTLR)
		ctlr_write(d, v, (uint32_t)acc->data, kicks);
	return 0;
}

/* Everything but the reads gicd_read_id() answers, out of line so that
 * those need no stack frame. */
__attribute__((noinline)) static int gicd_slow(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
					       uint32_t off, struct armvirt_mmio_access *acc,
					       struct armvirt_vgic_kicks *kicks)
{
	struct armvirt_vgic_kicks k;
	int r;

	if (!acc->is_write)
		acc->data = 0;
	armvirt_vgic_kicks_clear(&k);
	r = is_v2(d) ? gicd_v2(d, v, off, acc, &k) : gicd_v3(d, v, off, acc, &k);
	return r < 0 ? r : kicks_merge(kicks, &k);
}

int gicd_mmio(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint32_t off,
	      struct armvirt_mmio_access *acc, struct armvirt_vgic_kicks *kicks)
{
	if (!acc->is_write && gicd_read_id(d, off, acc))
		return 0;
	return gicd_slow(d, v, off, acc, kicks);
}

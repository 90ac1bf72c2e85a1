/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Set-up, the integrator's entry points into interrupt state, the MMIO
 * dispatcher and the consistency check.
 */
#include "internal.h"

/* vgic.h gives C++ plain integers in place of the atomic ones: same layout. */
_Static_assert(sizeof(_Atomic uint32_t) == 4, "atomic uint32_t must be laid out as uint32_t");
_Static_assert(_Alignof(_Atomic uint32_t) == 4, "atomic uint32_t must be laid out as uint32_t");
_Static_assert(sizeof(_Atomic uint16_t) == 2, "atomic uint16_t must be laid out as uint16_t");
_Static_assert(_Alignof(_Atomic uint16_t) == 2, "atomic uint16_t must be laid out as uint16_t");
_Static_assert(ARMVIRT_VGIC_MAX_VCPUS < NONE, "vCPU indices must not collide with NONE");

void vgic_lock(struct armvirt_vgic_vcpu *v)
{
	while (atomic_exchange_explicit(&v->lock, 1u, memory_order_acquire) != 0u) {
		while (atomic_load_explicit(&v->lock, memory_order_relaxed) != 0u)
			;
	}
}

void vgic_unlock(struct armvirt_vgic_vcpu *v)
{
	atomic_store_explicit(&v->lock, 0u, memory_order_release);
}

bool vcpu_in_guest(struct armvirt_vgic_vcpu *v)
{
	bool in;

	vgic_lock(v);
	in = (v->flags & VCPU_IN_GUEST) != 0;
	vgic_unlock(v);
	return in;
}

static void irq_reset(const struct armvirt_vgic *d, struct armvirt_vgic_irq *irq, uint16_t intid,
		      uint16_t owner)
{
	atomic_init(&irq->owner, owner);
	irq->intid = intid;
	irq->next = NONE;
	irq->prev = NONE;
	irq->anext = NONE;
	irq->aprev = NONE;
	irq->route = owner;
	irq->pintid = 0;
	irq->affinity = 0;
	irq->priority = 0;
	irq->targets = 0;
	irq->req = 0;
	irq->latch = 0;
	irq->active = 0;
	irq->in_lr = 0;
	irq->lr_pend = 0;
	irq->flags = 0;
	if (intid < ARMVIRT_GIC_NR_SGIS)
		irq->flags |= IRQ_ENABLED | IRQ_EDGE;
	if (!is_v2(d))
		irq->flags |= IRQ_GROUP1;
}

static void vcpu_reset(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint16_t index)
{
	atomic_init(&v->lock, 0u);
	v->index = index;
	v->flags = VCPU_SLEEP;
	/* As many vCPUs a cluster as an ICC_SGI1R_EL1 TargetList reaches. */
	v->affinity = ((uint32_t)(index / ARMVIRT_ICC_SGIR_TARGETLIST_WIDTH)
		       << ARMVIRT_MPIDR_AFF1_SHIFT) |
		      (index % ARMVIRT_ICC_SGIR_TARGETLIST_WIDTH);
	for (uint16_t i = 0; i < ARMVIRT_VGIC_NR_PRIVATE; i++)
		irq_reset(d, &v->priv[i], i, index);
	for (unsigned g = 0; g < 2; g++) {
		for (unsigned p = 0; p < ARMVIRT_VGIC_PRIO_LEVELS_; p++)
			v->qhead[g][p] = NONE;
		for (unsigned w = 0; w < ARMVIRT_VGIC_PRIO_LEVELS_ / 64; w++)
			v->qmap[g][w] = 0;
	}
	v->qsum = 0;
	v->ahead = NONE;
	v->admit = PRIO_IDLE;
	v->lr_used = 0;
	v->lr_stale = ~UINT64_C(0);
	for (unsigned i = 0; i < ARMVIRT_VGIC_MAX_LRS; i++) {
		v->lr[i].hw = 0;
		v->lr[i].intid = 0;
		v->lr[i].src = 0;
		v->lr[i].state = 0;
	}
	v->hcr = 0;
	v->vmcr = 0;
	for (unsigned g = 0; g < 2; g++)
		for (unsigned n = 0; n < 4; n++)
			v->apr[g][n] = 0;
}

int armvirt_vgic_init(struct armvirt_vgic *d, const struct armvirt_vgic_config *cfg,
		      struct armvirt_vgic_vcpu *vcpus, unsigned nr_vcpus,
		      struct armvirt_vgic_irq *spis, unsigned nr_spis)
{
	const struct lr_ops *ops;
	uint64_t gicd_align;
	uint32_t vtr;
	unsigned nr_lrs, pri_bits, pre_bits;

	if (d == NULL || cfg == NULL || vcpus == NULL || (nr_spis != 0 && spis == NULL))
		return ARMVIRT_EINVAL;
	if ((cfg->model != ARMVIRT_VGIC_V2 && cfg->model != ARMVIRT_VGIC_V3) ||
	    (cfg->cpuif != ARMVIRT_VGIC_CPUIF_GICH && cfg->cpuif != ARMVIRT_VGIC_CPUIF_ICH) ||
	    (cfg->model == ARMVIRT_VGIC_V3 && cfg->cpuif != ARMVIRT_VGIC_CPUIF_ICH))
		return ARMVIRT_EINVAL;
	if (nr_vcpus == 0 || nr_vcpus > ARMVIRT_VGIC_MAX_VCPUS ||
	    (cfg->model == ARMVIRT_VGIC_V2 && nr_vcpus > 8) || nr_spis > ARMVIRT_VGIC_MAX_SPIS)
		return ARMVIRT_EINVAL;
	gicd_align = cfg->model == ARMVIRT_VGIC_V2 ? ARMVIRT_GICD_V2_SIZE : ARMVIRT_GICD_V3_SIZE;
	if ((armvirt_ipa_val(cfg->gicd_base) & (gicd_align - 1u)) != 0 ||
	    (cfg->model == ARMVIRT_VGIC_V3 &&
	     (armvirt_ipa_val(cfg->gicr_base) & (ARMVIRT_GICR_SGI_BASE - 1u)) != 0))
		return ARMVIRT_EINVAL;

	ops = cfg->cpuif == ARMVIRT_VGIC_CPUIF_ICH ? &vgic_lr_ops_v3 : &vgic_lr_ops_v2;
	vtr = ops->read_vtr();
	nr_lrs = (unsigned)armvirt_field_get(vtr, 0, ops->listregs_width) + 1u;
	pri_bits = (unsigned)armvirt_field_get(vtr, ARMVIRT_GIC_VTR_PRIBITS_SHIFT,
					       ARMVIRT_GIC_VTR_PRIBITS_WIDTH) +
		   1u;
	pre_bits = (unsigned)armvirt_field_get(vtr, ARMVIRT_GIC_VTR_PREBITS_SHIFT,
					       ARMVIRT_GIC_VTR_PREBITS_WIDTH) +
		   1u;
	if (nr_lrs > ops->max_lrs || pri_bits < 4)
		return ARMVIRT_ENOTSUP;
	if (cfg->cpuif == ARMVIRT_VGIC_CPUIF_GICH && pri_bits > ARMVIRT_GICH_LR_PRIORITY_WIDTH)
		pri_bits = ARMVIRT_GICH_LR_PRIORITY_WIDTH; /* all a GICH_LR holds */
	if (pre_bits > pri_bits)
		pre_bits = pri_bits;

	d->vcpus = vcpus;
	d->spis = spis;
	d->gicd_base = armvirt_ipa_val(cfg->gicd_base);
	d->gicr_base = armvirt_ipa_val(cfg->gicr_base);
	atomic_init(&d->ctlr, 0u);
	d->iidr = cfg->iidr;
	d->nr_vcpus = (uint16_t)nr_vcpus;
	d->nr_spis = (uint16_t)nr_spis;
	d->model = (uint8_t)cfg->model;
	d->cpuif = (uint8_t)cfg->cpuif;
	d->nr_lrs = (uint8_t)nr_lrs;
	d->pri_bits = (uint8_t)pri_bits;
	d->pre_bits = (uint8_t)pre_bits;
	/* One ICH_APnR<n>_EL2 per 32 preemption levels (GICv3 12.5.1). */
	d->nr_apr = (uint8_t)(pre_bits <= 5 ? 1u : 1u << (pre_bits - 5u));

	for (unsigned i = 0; i < nr_vcpus; i++)
		vcpu_reset(d, &vcpus[i], (uint16_t)i);
	for (unsigned i = 0; i < nr_spis; i++) {
		struct armvirt_vgic_irq *irq = &spis[i];
		/* GICv2 with one CPU interface: every SPI targets it and
		 * GICD_ITARGETSR is RAZ/WI (GICv2 4.3.12). */
		uint16_t route = is_v2(d) ? (nr_vcpus == 1 ? 0 : NONE) : route_v3(d, 0);

		irq_reset(d, irq, (uint16_t)(ARMVIRT_VGIC_NR_PRIVATE + i),
			  route == NONE ? 0 : route);
		irq->route = route;
	}
	return 0;
}

int armvirt_vgic_set_affinity(struct armvirt_vgic *d, unsigned vcpu, uint64_t mpidr)
{
	uint32_t aff;

	if (d == NULL || vcpu >= d->nr_vcpus ||
	    armvirt_field_get(mpidr, ARMVIRT_MPIDR_AFF3_SHIFT, ARMVIRT_MPIDR_AFF_WIDTH) != 0 ||
	    armvirt_field_get(mpidr, ARMVIRT_MPIDR_AFF0_SHIFT, ARMVIRT_MPIDR_AFF_WIDTH) >=
		    ARMVIRT_ICC_SGIR_TARGETLIST_WIDTH)
		return ARMVIRT_EINVAL;
	aff = affinity_of(mpidr);
	for (unsigned i = 0; i < d->nr_vcpus; i++) {
		if (i != vcpu && d->vcpus[i].affinity == aff)
			return ARMVIRT_EEXIST;
	}
	d->vcpus[vcpu].affinity = aff;
	if (!is_v2(d)) {
		for (unsigned i = 0; i < d->nr_spis; i++) {
			struct armvirt_vgic_irq *irq = &d->spis[i];
			struct armvirt_vgic_vcpu *o = irq_lock(d, d->vcpus, irq->intid, &irq);

			irq->route = route_v3(d, irq->affinity);
			vgic_unlock(o);
			spi_settle(d, irq, NULL);
		}
	}
	return 0;
}

/* The vCPU whose SGIs and PPIs @intid names, for calls that take one; NULL
 * if the call is malformed. SPIs ignore @vcpu. */
static struct armvirt_vgic_vcpu *target_vcpu(struct armvirt_vgic *d, unsigned vcpu, uint32_t intid)
{
	if (d == NULL || !intid_valid(d, intid))
		return NULL;
	if (is_spi(intid))
		return &d->vcpus[0];
	return vcpu < d->nr_vcpus ? &d->vcpus[vcpu] : NULL;
}

int armvirt_vgic_inject(struct armvirt_vgic *d, unsigned vcpu, uint32_t intid,
			struct armvirt_vgic_kicks *kicks)
{
	struct armvirt_vgic_vcpu *v = target_vcpu(d, vcpu, intid), *o;
	struct armvirt_vgic_irq *irq;
	struct armvirt_vgic_kicks k;

	if (v == NULL || intid < ARMVIRT_GIC_NR_SGIS)
		return ARMVIRT_EINVAL;
	armvirt_vgic_kicks_clear(&k);
	o = irq_lock(d, v, intid, &irq);
	irq_set_pending(d, o, irq, 1u, &k);
	vgic_unlock(o);
	return kicks_merge(kicks, &k);
}

int armvirt_vgic_set_level(struct armvirt_vgic *d, unsigned vcpu, uint32_t intid, bool level,
			   struct armvirt_vgic_kicks *kicks)
{
	struct armvirt_vgic_vcpu *v = target_vcpu(d, vcpu, intid), *o;
	struct armvirt_vgic_irq *irq;
	struct armvirt_vgic_kicks k;
	bool settle;

	if (v == NULL || intid < ARMVIRT_GIC_NR_SGIS)
		return ARMVIRT_EINVAL;
	armvirt_vgic_kicks_clear(&k);
	o = irq_lock(d, v, intid, &irq);
	irq_set_line(d, o, irq, level, &k);
	/* A fall may have ended an SPI's flight on a vCPU it is no longer
	 * routed to. */
	settle = spi_must_move(irq, o);
	vgic_unlock(o);
	if (settle)
		spi_settle(d, irq, &k);
	return kicks_merge(kicks, &k);
}

int armvirt_vgic_map_hw(struct armvirt_vgic *d, unsigned vcpu, uint32_t vintid, uint32_t pintid)
{
	struct armvirt_vgic_vcpu *v = target_vcpu(d, vcpu, vintid), *o;
	struct armvirt_vgic_irq *irq;
	int ret = 0;

	if (v == NULL || vintid < ARMVIRT_GIC_NR_SGIS || pintid < ARMVIRT_GIC_NR_SGIS ||
	    pintid > ARMVIRT_GIC_MAX_SPI_INTID)
		return ARMVIRT_EINVAL;
	o = irq_lock(d, v, vintid, &irq);
	if (o->flags & VCPU_IN_GUEST) {
		ret = ARMVIRT_EBUSY;
	} else {
		irq->flags |= IRQ_HW;
		irq->pintid = (uint16_t)pintid;
	}
	vgic_unlock(o);
	return ret;
}

int armvirt_vgic_unmap_hw(struct armvirt_vgic *d, unsigned vcpu, uint32_t vintid)
{
	struct armvirt_vgic_vcpu *v = target_vcpu(d, vcpu, vintid), *o;
	struct armvirt_vgic_irq *irq;
	int ret = 0;

	if (v == NULL || vintid < ARMVIRT_GIC_NR_SGIS)
		return ARMVIRT_EINVAL;
	o = irq_lock(d, v, vintid, &irq);
	if (!(irq->flags & IRQ_HW)) {
		ret = ARMVIRT_EINVAL;
	} else if (o->flags & VCPU_IN_GUEST) {
		ret = ARMVIRT_EBUSY;
	} else {
		irq->flags &= ~IRQ_HW;
		irq->pintid = 0;
	}
	vgic_unlock(o);
	return ret;
}

int armvirt_vgic_get_irq(struct armvirt_vgic *d, unsigned vcpu, uint32_t intid,
			 struct armvirt_vgic_irq_info *out)
{
	struct armvirt_vgic_vcpu *v = target_vcpu(d, vcpu, intid), *o;
	struct armvirt_vgic_irq *irq;
	uint8_t pend;

	if (v == NULL || out == NULL)
		return ARMVIRT_EINVAL;
	o = irq_lock(d, v, intid, &irq);
	pend = irq_pending_sw(irq) | irq->lr_pend;
	out->pending = pend != 0;
	out->active = irq->active != 0;
	out->enabled = (irq->flags & IRQ_ENABLED) != 0;
	out->group1 = (irq->flags & IRQ_GROUP1) != 0;
	out->edge = (irq->flags & IRQ_EDGE) != 0;
	out->line_level = (irq->flags & IRQ_LINE) != 0;
	out->hw = (irq->flags & IRQ_HW) != 0;
	out->priority = irq->priority;
	out->pintid = irq->pintid;
	out->target = is_spi(intid) ? (irq->route == NONE ? UINT16_MAX : irq->route) : v->index;
	out->sources = is_v2_sgi(d, irq) ? pend : (uint8_t)(pend != 0);
	vgic_unlock(o);
	return 0;
}

/* The access sizes the GIC architecture defines, in bytes, as a mask. */
#define MMIO_SIZES ((1u << 1) | (1u << 2) | (1u << 4) | (1u << 8))

static bool mmio_size_ok(uint64_t addr, unsigned size)
{
	return size <= 8 && ((MMIO_SIZES >> size) & 1u) != 0 && (addr & (size - 1u)) == 0;
}

int armvirt_vgic_mmio(struct armvirt_vgic *d, unsigned vcpu, struct armvirt_mmio_access *acc,
		      struct armvirt_vgic_kicks *kicks)
{
	uint64_t addr, off;
	unsigned size;

	if (d == NULL || acc == NULL || vcpu >= d->nr_vcpus)
		return ARMVIRT_EINVAL;
	addr = armvirt_ipa_val(acc->addr);
	size = acc->size;
	off = addr - d->gicd_base;
	if (off < (is_v2(d) ? ARMVIRT_GICD_V2_SIZE : ARMVIRT_GICD_V3_SIZE)) {
		if (!mmio_size_ok(addr, size))
			return ARMVIRT_EFAULT;
		return gicd_mmio(d, &d->vcpus[vcpu], (uint32_t)off, acc, kicks);
	}
	off = addr - d->gicr_base;
	if (is_v2(d) || off >= (uint64_t)d->nr_vcpus * ARMVIRT_GICR_STRIDE)
		return ARMVIRT_ENOENT;
	if (!mmio_size_ok(addr, size))
		return ARMVIRT_EFAULT;
	return gicr_mmio(d, &d->vcpus[vcpu], &d->vcpus[off / ARMVIRT_GICR_STRIDE],
			 (uint32_t)(off % ARMVIRT_GICR_STRIDE), acc, kicks);
}

/* The consistency check: each function returns false at the first fault. */

static bool check_irq(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		      const struct armvirt_vgic_irq *irq)
{
	bool want = irq_wants_queue(irq, v);
	unsigned in_lr = 0, lr_pend = 0;

	if ((irq->priority & (uint8_t)~prio_mask(d)) != 0 ||
	    ((irq->flags & IRQ_QUEUED) != 0) != want ||
	    ((irq->flags & IRQ_EVICTED) != 0) != ((irq->active & ~irq->in_lr) != 0) ||
	    ((irq->flags & IRQ_SW_ACTIVE) && irq->active == 0) ||
	    (!is_v2_sgi(d, irq) && ((irq->latch | irq->active | irq->in_lr) & ~1u) != 0) ||
	    (irq->lr_pend & ~irq->in_lr) != 0 || (v->flags & VCPU_IN_GUEST ? 0 : irq->req) != 0)
		return false;
	for (uint64_t m = v->lr_used; m != 0; m &= m - 1) {
		const struct armvirt_vgic_lr_ *e = &v->lr[lowest_bit(m)];
		uint8_t b = (uint8_t)(1u << e->src);

		if (e->intid != irq->intid)
			continue;
		if ((in_lr & b) || (e->state & ST_PA) == 0 ||
		    ((e->state & ST_A) != 0) != ((irq->active & b) != 0) ||
		    ((irq->flags & IRQ_HW) && (e->state & ST_PA) == ST_PA) ||
		    (!(irq->flags & IRQ_EDGE) && !(irq->flags & IRQ_HW) &&
		     (e->state & ST_PA) == ST_PA))
			return false;
		in_lr |= b;
		if (e->state & ST_P)
			lr_pend |= b;
	}
	return in_lr == irq->in_lr && lr_pend == irq->lr_pend;
}

static bool check_queue(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned *queued)
{
	*queued = 0;
	for (unsigned g = 0; g < 2; g++) {
		for (unsigned w = 0; w < ARMVIRT_VGIC_PRIO_LEVELS_ / 64; w++) {
			unsigned bit = g * (ARMVIRT_VGIC_PRIO_LEVELS_ / 64) + w;

			if (((v->qsum >> bit) & 1u) != (v->qmap[g][w] != 0))
				return false;
		}
		for (unsigned p = 0; p < ARMVIRT_VGIC_PRIO_LEVELS_; p++) {
			uint16_t head = v->qhead[g][p], id = head;
			bool mapped = (v->qmap[g][p / 64] >> (p % 64)) & 1u;
			unsigned n = 0;

			if (mapped != (head != NONE))
				return false;
			while (id != NONE) {
				struct armvirt_vgic_irq *irq;

				if (!intid_valid(d, id) || n > ARMVIRT_VGIC_NR_PRIVATE + d->nr_spis)
					return false;
				irq = irq_get(d, v, id);
				if (!(irq->flags & IRQ_QUEUED) || irq_group(irq) != g ||
				    irq->priority != p ||
				    irq_get(d, v, irq->next)->prev != irq->intid ||
				    (is_spi(id) && owner_of(irq) != v->index))
					return false;
				n++;
				id = irq->next == head ? NONE : irq->next;
			}
			*queued += n;
		}
	}
	return true;
}

static bool check_evicted(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned *evicted)
{
	uint16_t prev = NONE;
	unsigned last = 0;

	*evicted = 0;
	for (uint16_t id = v->ahead; id != NONE;) {
		struct armvirt_vgic_irq *irq;

		if (!intid_valid(d, id) || *evicted > ARMVIRT_VGIC_NR_PRIVATE + d->nr_spis)
			return false;
		irq = irq_get(d, v, id);
		if (!(irq->flags & IRQ_EVICTED) || irq->aprev != prev || irq->priority < last ||
		    (is_spi(id) && owner_of(irq) != v->index))
			return false;
		last = irq->priority;
		prev = id;
		id = irq->anext;
		(*evicted)++;
	}
	return true;
}

int armvirt_vgic_check(struct armvirt_vgic *d)
{
	bool ok = true;

	if (d == NULL)
		return ARMVIRT_EINVAL;
	for (unsigned i = 0; i < d->nr_vcpus && ok; i++) {
		struct armvirt_vgic_vcpu *v = &d->vcpus[i];
		unsigned queued = 0, evicted = 0, counted_q = 0, counted_e = 0;

		vgic_lock(v);
		ok = v->index == i && (v->lr_used >> 1 >> (d->nr_lrs - 1)) == 0 &&
		     check_queue(d, v, &queued) && check_evicted(d, v, &evicted);
		for (unsigned n = 0; n < ARMVIRT_VGIC_NR_PRIVATE + d->nr_spis && ok; n++) {
			struct armvirt_vgic_irq *irq = irq_get(d, v, n);

			if (is_spi(n) && owner_of(irq) != i)
				continue;
			ok = irq->intid == n && check_irq(d, v, irq);
			counted_q += (irq->flags & IRQ_QUEUED) != 0;
			counted_e += (irq->flags & IRQ_EVICTED) != 0;
		}
		ok = ok && counted_q == queued && counted_e == evicted;
		vgic_unlock(v);
	}
	for (unsigned n = 0; n < d->nr_spis && ok; n++) {
		const struct armvirt_vgic_irq *irq = &d->spis[n];

		ok = owner_of(irq) < d->nr_vcpus &&
		     (irq->route == NONE || irq->route < d->nr_vcpus);
	}
	return ok ? 0 : ARMVIRT_EINVAL;
}

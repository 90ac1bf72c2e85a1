/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * List-register scheduling: what goes into the list registers at each guest
 * entry, and what the guest did with them, learnt at each exit.
 *
 * Each vCPU keeps a copy of its list registers (v->lr): which interrupt and
 * source each holds, its state as of the last exit or entry, and the value
 * last written to the hardware. Fill works in four steps, each bounded by
 * the number of list registers L: refresh the entries already there; place
 * queued interrupts, most urgent first, in free registers or in place of a
 * less urgent entry; reload evicted active interrupts into registers left
 * free; write the registers that changed (and the unused ones still holding
 * something, which lr_free() marks stale). Sync reads the empty and EOI status
 * registers and only the registers still valid.
 *
 * The commonest cases take short paths that do the same with less: the idle
 * entry and exit (nothing in use, queued or evicted) touch no list register;
 * the entry with every register free places queued interrupts in order
 * (fill_free()); the exit whose one register the guest emptied folds that
 * entry alone (sync_emptied()).
 */
#include <armvirt/port.h>

#include "lr_format.h"

#define HCR_EN (1u << ARMVIRT_GIC_HCR_EN_SHIFT)
#define HCR_UIE (1u << ARMVIRT_GIC_HCR_UIE_SHIFT)
#define HCR_LRENPIE (1u << ARMVIRT_GIC_HCR_LRENPIE_SHIFT)
#define HCR_NPIE (1u << ARMVIRT_GIC_HCR_NPIE_SHIFT)
#define HCR_TDIR (1u << ARMVIRT_ICH_HCR_TDIR_SHIFT)
#define HCR_MAINT                                                                                  \
	(HCR_UIE | HCR_LRENPIE | HCR_NPIE | (1u << ARMVIRT_GIC_HCR_VGRP0EIE_SHIFT) |               \
	 (1u << ARMVIRT_GIC_HCR_VGRP0DIE_SHIFT) | (1u << ARMVIRT_GIC_HCR_VGRP1EIE_SHIFT) |         \
	 (1u << ARMVIRT_GIC_HCR_VGRP1DIE_SHIFT))

/* The eviction rank of a pending entry the guest cannot take (its group is
 * disabled): below any priority. */
#define RANK_USELESS 0x200u

/* Interrupts an exit can touch: each list register's, and up to 31 evicted
 * active interrupts ended through EOIcount. An entry can free each list
 * register twice: refreshing it, then evicting what it placed there. */
#define MAX_TOUCHED (ARMVIRT_VGIC_MAX_LRS + 32u)
#define MAX_MOVERS (2u * ARMVIRT_VGIC_MAX_LRS + 32u)

/* SPIs that stopped being in flight on the vCPU while routed elsewhere;
 * they move once its lock is released. */
struct movers {
	uint16_t intid[MAX_MOVERS];
	unsigned n;
};

static void note_mover(struct movers *mv, const struct armvirt_vgic_vcpu *v,
		       const struct armvirt_vgic_irq *irq)
{
	if (spi_must_move(irq, v) && mv->n < MAX_MOVERS)
		mv->intid[mv->n++] = irq->intid;
}

static int move_all(struct armvirt_vgic *d, const struct movers *mv,
		    struct armvirt_vgic_kicks *kicks)
{
	struct armvirt_vgic_kicks k;

	if (mv->n == 0)
		return 0; /* the common case: no SPI moved */
	armvirt_vgic_kicks_clear(&k);
	for (unsigned n = 0; n < mv->n; n++)
		spi_settle(d, &d->spis[mv->intid[n] - ARMVIRT_VGIC_NR_PRIVATE], &k);
	return kicks_merge(kicks, &k);
}

static uint64_t all_lrs(const struct armvirt_vgic *d)
{
	return d->nr_lrs >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << d->nr_lrs) - 1u;
}

static bool vmcr_bit(uint32_t vmcr, unsigned shift)
{
	return (vmcr >> shift) & 1u;
}

static bool vmcr_group_enabled(uint32_t vmcr, unsigned g)
{
	return vmcr_bit(vmcr, g ? ARMVIRT_GIC_VMCR_ENG1_SHIFT : ARMVIRT_GIC_VMCR_ENG0_SHIFT);
}

int lr_index(const struct armvirt_vgic_vcpu *v, uint16_t intid, unsigned src)
{
	for (uint64_t m = v->lr_used; m != 0; m &= m - 1) {
		unsigned i = lowest_bit(m);

		if (v->lr[i].intid == intid && v->lr[i].src == src)
			return (int)i;
	}
	return -1;
}

/*
 * Free entry @i. A register still holding a valid interrupt, or owing an
 * EOI maintenance interrupt, is marked for the next fill to clear: every
 * other unused register holds 0 or a harmless leftover, which fill skips.
 * Inline here for the exit and entry paths; lr_drop() for irq.c.
 */
static inline void lr_free(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned i)
{
	struct armvirt_vgic_irq *irq = irq_get(d, v, v->lr[i].intid);
	uint8_t b = (uint8_t)(1u << v->lr[i].src);
	uint64_t hw = v->lr[i].hw;

	irq->in_lr &= (uint8_t)~b;
	irq->lr_pend &= (uint8_t)~b;
	v->lr[i].state = 0;
	v->lr_used &= ~(UINT64_C(1) << i);
	if (lr_state(d, hw) != 0 || lr_eoi_set(d, hw))
		v->lr_stale |= UINT64_C(1) << i;
}

void lr_drop(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned i)
{
	lr_free(d, v, i);
}

void lr_make_active(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned i)
{
	struct armvirt_vgic_lr_ *e = &v->lr[i];
	struct armvirt_vgic_irq *irq = irq_get(d, v, e->intid);
	uint8_t b = (uint8_t)(1u << e->src);

	/* Only a software edge may be pending and active in a register; the
	 * others keep (level) or regain (linked edge) it in software. */
	if ((e->state & ST_P) && (irq->flags & (IRQ_EDGE | IRQ_HW)) != IRQ_EDGE) {
		e->state &= (uint8_t)~ST_P;
		irq->lr_pend &= (uint8_t)~b;
		if (irq->flags & IRQ_EDGE)
			irq->latch |= b;
	}
	e->state |= ST_A;
	irq->active |= b;
}

static void lr_load(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned i,
		    struct armvirt_vgic_irq *irq, unsigned src, unsigned st)
{
	struct armvirt_vgic_lr_ *e = &v->lr[i];
	uint8_t b = (uint8_t)(1u << src);

	e->intid = irq->intid;
	e->src = (uint8_t)src;
	e->state = (uint8_t)st;
	irq->in_lr |= b;
	if (st & ST_P) {
		irq->lr_pend |= b;
		/* An edge's pending state moves into the register; a level
		 * interrupt's latch stays until the guest acknowledges it. */
		if (irq->flags & IRQ_EDGE)
			irq->latch &= (uint8_t)~b;
	}
	if (!(irq->flags & (IRQ_EDGE | IRQ_HW)))
		e->state |= ST_EOI; /* re-sample the line when the guest ends it */
	v->lr_used |= UINT64_C(1) << i;
	irq_update(d, v, irq);
}

/*
 * Bring entry @i up to date with its interrupt before an entry: merge a new
 * edge, re-sample a level, take back a pending state the guest may no longer
 * see (disabled interrupt or group), and free it if nothing is left.
 */
static void lr_refresh(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned i,
		       struct movers *mv)
{
	struct armvirt_vgic_lr_ *e = &v->lr[i];
	struct armvirt_vgic_irq *irq = irq_get(d, v, e->intid);
	uint8_t b = (uint8_t)(1u << e->src);
	bool a = (e->state & ST_A) != 0, p = (e->state & ST_P) != 0;
	bool edge = (irq->flags & IRQ_EDGE) != 0, hw = (irq->flags & IRQ_HW) != 0;
	bool ok = (irq->flags & IRQ_ENABLED) && dist_group_enabled(d, irq_group(irq));
	unsigned st;

	if (!edge) {
		/* Never pending and active: the line is re-sampled when the
		 * guest deactivates it (the EOI maintenance interrupt). */
		p = (irq_pending_sw(irq) & b) && !a;
	} else if (hw && a) {
		/* The physical GIC holds a linked interrupt's pending state
		 * while it is active: never both in the register. */
		if (p)
			irq->latch |= b;
		p = false;
	} else if (irq->latch & b) {
		p = true;
		irq->latch &= (uint8_t)~b;
	}
	if (p && !ok) {
		p = false;
		if (edge)
			irq->latch |= b;
	}
	st = (p ? ST_P : 0u) | (a ? ST_A : 0u);
	if (st == 0) {
		lr_free(d, v, i);
		irq_update(d, v, irq);
		note_mover(mv, v, irq);
		return;
	}
	if (!edge && !hw)
		st |= ST_EOI;
	e->state = (uint8_t)st;
	if (p)
		irq->lr_pend |= b;
	else
		irq->lr_pend &= (uint8_t)~b;
}

/*
 * Whether the active state in a list register may leave it: its deactivation
 * must stay observable. A hardware-linked interrupt's must happen in the
 * hardware. A GICv3 guest's EOIs of interrupts not in the list registers are
 * counted (EOIcount) and its DIR writes trapped (TDIR); a GICv2 guest's DIR
 * writes to GICV cannot be, so only EOImode 0 allows it.
 */
static bool active_evictable(const struct armvirt_vgic *d, const struct armvirt_vgic_vcpu *v,
			     const struct armvirt_vgic_irq *irq)
{
	if (irq->flags & IRQ_HW)
		return false;
	return d->model == ARMVIRT_VGIC_V3 || !vmcr_bit(v->vmcr, ARMVIRT_GIC_VMCR_EOIM_SHIFT);
}

static bool any_pure_pending(const struct armvirt_vgic_vcpu *v)
{
	for (uint64_t m = v->lr_used; m != 0; m &= m - 1) {
		if ((v->lr[lowest_bit(m)].state & ST_PA) == ST_P)
			return true;
	}
	return false;
}

/*
 * The least useful entry that may be evicted: a pending entry of a group the
 * guest cannot take, else the least urgent, preferring a pending entry to an
 * active one of the same priority. Returns its index and its rank in *key
 * (RANK_USELESS or its priority), or -1.
 */
static int worst_entry(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, const bool ok[2],
		       unsigned *key, bool *pending)
{
	int worst = -1;

	for (uint64_t m = v->lr_used; m != 0; m &= m - 1) {
		unsigned i = lowest_bit(m), k;
		const struct armvirt_vgic_irq *irq = irq_get(d, v, v->lr[i].intid);
		bool pend_only = (v->lr[i].state & ST_PA) == ST_P;

		if (!pend_only && !active_evictable(d, v, irq))
			continue;
		k = (pend_only && !ok[irq_group(irq)]) ? RANK_USELESS : irq->priority;
		if (worst < 0 || k > *key || (k == *key && pend_only && !*pending)) {
			worst = (int)i;
			*key = k;
			*pending = pend_only;
		}
	}
	return worst;
}

/*
 * The entry to give up for a queued interrupt of priority @prio: one strictly
 * less useful; or, when no entry is purely pending (all are active), the
 * least useful active one whatever its priority, so that a guest that keeps
 * interrupts active (EOImode 1) still receives pending ones.
 */
static int choose_victim(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, const bool ok[2],
			 unsigned prio)
{
	unsigned key = 0;
	bool pending = false;
	int w = worst_entry(d, v, ok, &key, &pending);

	if (w < 0)
		return -1;
	if (key > prio || !any_pure_pending(v))
		return w;
	return -1;
}

static void lr_evict(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned i,
		     struct movers *mv)
{
	struct armvirt_vgic_lr_ *e = &v->lr[i];
	struct armvirt_vgic_irq *irq = irq_get(d, v, e->intid);
	uint8_t b = (uint8_t)(1u << e->src);
	bool was_pending = (e->state & ST_P) != 0;

	if (was_pending && (irq->flags & IRQ_EDGE))
		irq->latch |= b;
	lr_free(d, v, i);
	/* It was ahead of everything queued at its priority: keep it so. */
	if (was_pending && !(irq->flags & IRQ_QUEUED) && irq_wants_queue(irq, v))
		queue_insert(d, v, irq, true);
	irq_update(d, v, irq);
	note_mover(mv, v, irq);
}

static int free_lr(const struct armvirt_vgic *d, const struct armvirt_vgic_vcpu *v)
{
	uint64_t free = all_lrs(d) & ~v->lr_used;

	return free != 0 ? (int)lowest_bit(free) : -1;
}

/* The most urgent queued interrupt of a group the guest can take now. */
static struct armvirt_vgic_irq *best_candidate(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
					       const bool ok[2])
{
	struct armvirt_vgic_irq *c0 = ok[0] ? queue_best(d, v, 0) : NULL;
	struct armvirt_vgic_irq *c1 = ok[1] ? queue_best(d, v, 1) : NULL;

	if (c0 == NULL)
		return c1;
	if (c1 == NULL || c0->priority <= c1->priority)
		return c0;
	return c1;
}

/* Returns the most urgent queued interrupt left waiting, or NULL. */
static struct armvirt_vgic_irq *fill_queued(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
					    const bool ok[2], struct movers *mv)
{
	struct armvirt_vgic_irq *c = best_candidate(d, v, ok);

	for (unsigned n = 0; c != NULL && n < d->nr_lrs; n++) {
		int slot = free_lr(d, v);

		if (slot < 0) {
			slot = choose_victim(d, v, ok, c->priority);
			if (slot < 0)
				break;
			lr_evict(d, v, (unsigned)slot, mv);
		}
		lr_load(d, v, (unsigned)slot, c, lowest_bit(irq_ready(c)), ST_P);
		c = best_candidate(d, v, ok);
	}
	return c;
}

static void reload_evicted(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v)
{
	int slot;

	while (v->ahead != NONE && (slot = free_lr(d, v)) >= 0) {
		struct armvirt_vgic_irq *irq = irq_get(d, v, v->ahead);
		unsigned src = lowest_bit((uint8_t)(irq->active & ~irq->in_lr));
		uint8_t b = (uint8_t)(1u << src);
		unsigned st = ST_A;

		/* An edge that arrived meanwhile rides along as pending. */
		if ((irq->flags & (IRQ_EDGE | IRQ_HW)) == IRQ_EDGE && (irq->latch & b) &&
		    (irq->flags & IRQ_ENABLED) && dist_group_enabled(d, irq_group(irq)))
			st |= ST_P;
		lr_load(d, v, (unsigned)slot, irq, src, st);
	}
}

/*
 * The maintenance interrupts the state after a fill calls for (vgic.h);
 * @waiting: a queued interrupt the guest could take is left out.
 */
static inline uint32_t fill_hcr(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, bool waiting)
{
	/* Two or more registers in use: underflow would fire at once with one. */
	bool several = (v->lr_used & (v->lr_used - 1)) != 0;
	bool pure = false;
	unsigned pure_groups = 0; /* bit g: a purely pending entry of group g */
	uint32_t hcr = HCR_EN;

	/* The purely pending entries matter only to an interrupt left waiting. */
	for (uint64_t m = waiting ? v->lr_used : 0; m != 0; m &= m - 1) {
		const struct armvirt_vgic_lr_ *e = &v->lr[lowest_bit(m)];

		if ((e->state & ST_PA) == ST_P) {
			pure = true;
			pure_groups |= 1u << irq_group(irq_get(d, v, e->intid));
		}
	}
	if (waiting && pure)
		hcr |= HCR_NPIE;
	if (v->ahead != NONE) {
		hcr |= HCR_LRENPIE;
		if (d->model == ARMVIRT_VGIC_V3)
			hcr |= HCR_TDIR;
	}
	if ((v->ahead != NONE || (waiting && !pure)) && several)
		hcr |= HCR_UIE;
	for (unsigned g = 0; g < 2; g++) {
		bool vmcr_on = vmcr_group_enabled(v->vmcr, g);

		if (!vmcr_on && dist_group_enabled(d, g) && queue_best(d, v, g) != NULL)
			hcr |= 1u << (g ? ARMVIRT_GIC_HCR_VGRP1EIE_SHIFT
					: ARMVIRT_GIC_HCR_VGRP0EIE_SHIFT);
		if (vmcr_on && ((pure_groups >> g) & 1u))
			hcr |= 1u << (g ? ARMVIRT_GIC_HCR_VGRP1DIE_SHIFT
					: ARMVIRT_GIC_HCR_VGRP0DIE_SHIFT);
	}
	/* Every register holds an active interrupt that cannot leave: learn
	 * of each deactivation that frees one. */
	if (waiting && !pure) {
		for (uint64_t m = v->lr_used; m != 0; m &= m - 1)
			v->lr[lowest_bit(m)].state |= ST_EOI;
	}
	return hcr;
}

/*
 * The priority below which a new interrupt must kick the vCPU while it runs:
 * anything, when a register is free or no no-pending maintenance interrupt
 * is armed to bring the vCPU out; otherwise only what would displace an
 * entry.
 */
static uint16_t admit_threshold(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
				const bool ok[2])
{
	unsigned key = 0;
	bool pending = false;

	if (free_lr(d, v) >= 0 || !(v->hcr & HCR_NPIE))
		return PRIO_IDLE;
	if (worst_entry(d, v, ok, &key, &pending) < 0)
		return 0;
	return (uint16_t)key;
}

/*
 * Whether a fill would change nothing: no register in use or to rewrite
 * (lr_free()), nothing queued or evicted, so the maintenance controls stay
 * HCR_EN alone (fill_hcr()) and every register is left as it is. The
 * common entry, after an exit that touched no interrupt.
 */
static bool fill_is_idle(const struct armvirt_vgic_vcpu *v)
{
	return (v->lr_used | v->lr_stale) == 0 && v->qsum == 0 && v->ahead == NONE &&
	       v->hcr == HCR_EN;
}

/*
 * The fill of a vCPU that has something in its list registers, queued or
 * evicted, called with its lock held, which it releases: out of line, so
 * that the idle entry does not pay for its frame.
 */
__attribute__((noinline)) static int fill_lrs(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
					      struct armvirt_vgic_kicks *kicks)
{
	struct movers movers, *mv = &movers;
	bool ok[2], waiting, wrote = false;
	uint32_t hcr;

	mv->n = 0;
	for (unsigned g = 0; g < 2; g++)
		ok[g] = dist_group_enabled(d, g) && vmcr_group_enabled(v->vmcr, g);

	for (uint64_t m = v->lr_used; m != 0; m &= m - 1)
		lr_refresh(d, v, lowest_bit(m), mv);
	/* Evicted active interrupts leave the queue as it was: what
	 * fill_queued() left waiting still is. */
	waiting = fill_queued(d, v, ok, mv) != NULL;
	reload_evicted(d, v);
	hcr = fill_hcr(d, v, waiting);

	/* The registers in use, and the unused ones lr_free() marked; every
	 * other one holds 0 or an invalid leftover owing nothing. */
	for (uint64_t m = (v->lr_used | v->lr_stale) & all_lrs(d); m != 0; m &= m - 1) {
		unsigned i = lowest_bit(m);
		uint64_t bit = UINT64_C(1) << i;
		struct armvirt_vgic_lr_ *e = &v->lr[i];
		uint64_t val = (v->lr_used & bit)
				       ? lr_encode(d, irq_get(d, v, e->intid), e->src, e->state)
				       : 0;

		if ((v->lr_stale & bit) || val != e->hw) {
			lr_write(d, i, val);
			e->hw = val;
			wrote = true;
		}
	}
	v->lr_stale = 0;
	if (hcr != v->hcr) {
		lr_write_hcr(d, hcr);
		v->hcr = hcr;
		wrote = true;
	}
	/* GICH is memory-mapped: its writes must complete before the guest
	 * reaches GICV. (ICH_*_EL2 writes take effect at the ERET.) */
	if (wrote && d->cpuif == ARMVIRT_VGIC_CPUIF_GICH)
		armvirt_port_dsb(ARMVIRT_PORT_SY);
	v->admit = admit_threshold(d, v, ok);
	v->flags |= VCPU_IN_GUEST;
	vgic_unlock(v);
	return move_all(d, mv, kicks);
}

/*
 * The commonest busy entry, an IPI receiver's: no register in use or to
 * clear and nothing evicted, so every register is free. fill_lrs() without
 * refreshing, evicting or reloading: the most urgent queued interrupts take
 * registers 0, 1, ... in turn, and nothing can have to move. Called with
 * the vCPU's lock held, which it releases.
 */
__attribute__((noinline)) static int fill_free(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v)
{
	struct armvirt_vgic_irq *c;
	bool ok[2], wrote = false;
	unsigned n = 0;
	uint32_t hcr;

	for (unsigned g = 0; g < 2; g++)
		ok[g] = dist_group_enabled(d, g) && vmcr_group_enabled(v->vmcr, g);
	/* Each entry is written as placed: every one is purely pending, so
	 * fill_hcr() has no state to add to them. */
	for (c = best_candidate(d, v, ok); c != NULL && n < d->nr_lrs; n++) {
		struct armvirt_vgic_lr_ *e = &v->lr[n];
		uint64_t val;

		lr_load(d, v, n, c, lowest_bit(irq_ready(c)), ST_P);
		val = lr_encode(d, c, e->src, e->state);
		if (val != e->hw) {
			lr_write(d, n, val);
			e->hw = val;
			wrote = true;
		}
		c = best_candidate(d, v, ok);
	}
	hcr = fill_hcr(d, v, c != NULL);
	if (hcr != v->hcr) {
		lr_write_hcr(d, hcr);
		v->hcr = hcr;
		wrote = true;
	}
	if (wrote && d->cpuif == ARMVIRT_VGIC_CPUIF_GICH)
		armvirt_port_dsb(ARMVIRT_PORT_SY);			  /* as in fill_lrs() */
	v->admit = n < d->nr_lrs ? PRIO_IDLE : admit_threshold(d, v, ok); /* a free register */
	v->flags |= VCPU_IN_GUEST;
	vgic_unlock(v);
	return 0;
}

int armvirt_vgic_vcpu_fill(struct armvirt_vgic *d, unsigned vcpu, struct armvirt_vgic_kicks *kicks)
{
	struct armvirt_vgic_vcpu *v;

	if (d == NULL || vcpu >= d->nr_vcpus)
		return ARMVIRT_EINVAL;
	v = &d->vcpus[vcpu];
	vgic_lock(v);
	if (!(v->flags & VCPU_LOADED) || (v->flags & VCPU_IN_GUEST)) {
		vgic_unlock(v);
		return ARMVIRT_EPERM;
	}
	if (!fill_is_idle(v)) {
		if ((v->lr_used | v->lr_stale) == 0 && v->ahead == NONE)
			return fill_free(d, v);
		return fill_lrs(d, v, kicks);
	}
	v->admit = PRIO_IDLE; /* admit_threshold(): every register is free */
	v->flags |= VCPU_IN_GUEST;
	vgic_unlock(v);
	return 0;
}

/* Fold what the guest did to entry @i (now in state @st) into its interrupt. */
static void lr_sync_entry(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned i,
			  unsigned st)
{
	struct armvirt_vgic_lr_ *e = &v->lr[i];
	struct armvirt_vgic_irq *irq = irq_get(d, v, e->intid);
	uint8_t b = (uint8_t)(1u << e->src);
	unsigned old = e->state & ST_PA;
	/* Gone from active, or pending then gone entirely (acknowledged and
	 * ended between two exits). */
	bool deactivated = old != 0 && !(st & ST_A) && ((old & ST_A) || !(st & ST_P));

	/* Acknowledging a level interrupt consumes its software latch. */
	if ((old & ST_P) && !(st & ST_P) && !(irq->flags & IRQ_EDGE))
		irq->latch &= (uint8_t)~b;
	if (st & ST_A)
		irq->active |= b;
	else
		irq->active &= (uint8_t)~b;
	if (st & ST_P)
		irq->lr_pend |= b;
	else
		irq->lr_pend &= (uint8_t)~b;
	e->state = (uint8_t)st;
	if (deactivated)
		irq_deactivated(irq);
	if (st == 0)
		lr_free(d, v, i);
}

/* Apply the changes made while the vCPU was in the guest (irq.c). */
static void lr_apply_req(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned i)
{
	struct armvirt_vgic_lr_ *e = &v->lr[i];
	struct armvirt_vgic_irq *irq = irq_get(d, v, e->intid);
	uint8_t b = (uint8_t)(1u << e->src);
	unsigned st = e->state & ST_PA;
	/* A level interrupt whose line fell while the guest ran, and which it
	 * did not take, is no longer pending (irq.c, irq_set_line()). */
	bool unpend = (irq->req & REQ_CLR_PEND) ||
		      (!(irq->flags & IRQ_EDGE) && !(irq_pending_sw(irq) & b));

	if (unpend && (st & ST_P)) {
		st &= ~ST_P;
		irq->lr_pend &= (uint8_t)~b;
	}
	if ((irq->req & REQ_CLR_ACT) && (st & ST_A)) {
		st &= ~ST_A;
		irq->active &= (uint8_t)~b;
	}
	e->state = (uint8_t)st;
	if ((irq->req & REQ_SET_ACT) && e->src == 0 && !(st & ST_A))
		lr_make_active(d, v, i);
	if ((e->state & ST_PA) == 0)
		lr_free(d, v, i);
}

/*
 * With EOImode 0 the guest ends interrupts most urgent first; an EOI that
 * found no list register was for the most urgent evicted interrupt it had
 * acknowledged (one made active through GICD_ISACTIVER was never
 * acknowledged, so cannot be the one).
 */
static unsigned end_evicted(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned count,
			    uint16_t *touched)
{
	unsigned n = 0;

	while (n < count) {
		struct armvirt_vgic_irq *irq = NULL;

		for (uint16_t id = v->ahead; id != NONE; id = irq->anext) {
			irq = irq_get(d, v, id);
			if (!(irq->flags & IRQ_SW_ACTIVE))
				break;
		}
		if (irq == NULL || (irq->flags & IRQ_SW_ACTIVE))
			break;
		irq->active &= (uint8_t) ~(1u << lowest_bit((uint8_t)(irq->active & ~irq->in_lr)));
		irq_deactivated(irq);
		irq_update(d, v, irq);
		touched[n++] = irq->intid;
	}
	return n;
}

/* The end of a sync: the vCPU is out of the guest; its lock is released. */
static void sync_done(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, bool reset_count)
{
	v->vmcr = lr_read_vmcr(d);
	/* Disarm the maintenance interrupt (it is level-sensitive) and zero
	 * EOIcount; fill arms what the new state needs. */
	if ((v->hcr & HCR_MAINT) || reset_count) {
		v->hcr = HCR_EN;
		lr_write_hcr(d, v->hcr);
	}
	v->flags &= ~VCPU_IN_GUEST;
	vgic_unlock(v);
}

/* An interrupt whose entry the exit updated: apply what was asked while
 * the guest ran, and put it where it now belongs. */
static void sync_touched(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
			 struct armvirt_vgic_irq *irq, struct movers *mv)
{
	if ((irq->req & REQ_SET_ACT) && !(irq->active & 1u)) {
		irq->active |= 1u;
		irq->flags |= IRQ_SW_ACTIVE;
	}
	irq->req = 0;
	irq_update(d, v, irq);
	note_mover(mv, v, irq);
}

/*
 * What the guest did to the list registers in use (@gone: the empty ones, as
 * ICH_ELRSR_EL2 / GICH_ELRSR said) and, through EOIcount, to evicted active
 * interrupts; called with the vCPU's lock held, which it releases. Out of
 * line, like fill_lrs().
 */
__attribute__((noinline)) static int sync_lrs(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
					      uint64_t gone, struct armvirt_vgic_kicks *kicks)
{
	uint16_t touched[MAX_TOUCHED];
	struct movers movers, *mv = &movers;
	unsigned nt = 0;
	bool reset_count = false;

	mv->n = 0;
	if (v->lr_used != 0) {
		uint64_t used = v->lr_used, ended = 0;
		bool eoi = false;

		for (uint64_t m = used; m != 0; m &= m - 1)
			eoi |= lr_eoi_set(d, v->lr[lowest_bit(m)].hw);
		if (eoi)
			ended = lr_read_eisr(d) & used;
		gone |= ended;
		for (uint64_t m = used; m != 0; m &= m - 1) {
			unsigned i = lowest_bit(m), st = 0;

			if ((ended >> i) & 1u) {
				/* An ended register owing an EOI maintenance
				 * interrupt keeps asserting it until cleared. */
				lr_write(d, i, 0);
				v->lr[i].hw = 0;
			} else if ((gone >> i) & 1u) {
				v->lr[i].hw = lr_invalid(d, v->lr[i].hw);
			} else {
				v->lr[i].hw = lr_read(d, i);
				st = lr_state(d, v->lr[i].hw);
			}
			touched[nt++] = v->lr[i].intid;
			lr_sync_entry(d, v, i, st);
		}
		for (uint64_t m = v->lr_used; m != 0; m &= m - 1)
			lr_apply_req(d, v, lowest_bit(m));
	}
	if (v->hcr & HCR_LRENPIE) {
		unsigned count =
			(unsigned)armvirt_field_get(lr_read_hcr(d), ARMVIRT_GIC_HCR_EOICOUNT_SHIFT,
						    ARMVIRT_GIC_HCR_EOICOUNT_WIDTH);

		nt += end_evicted(d, v, count, &touched[nt]);
		reset_count = count != 0;
	}
	for (unsigned t = 0; t < nt; t++)
		sync_touched(d, v, irq_get(d, v, touched[t]), mv);
	sync_done(d, v, reset_count);
	return move_all(d, mv, kicks);
}

/*
 * The commonest busy exit, an IPI receiver's: the one register in use was
 * emptied by the guest (it took and ended the interrupt), owes no EOI
 * maintenance interrupt, and nothing is evicted. sync_lrs() for that one
 * entry, without its loops and its frame.
 */
__attribute__((noinline)) static int sync_emptied(struct armvirt_vgic *d,
						  struct armvirt_vgic_vcpu *v, unsigned i,
						  struct armvirt_vgic_kicks *kicks)
{
	struct armvirt_vgic_irq *irq = irq_get(d, v, v->lr[i].intid);
	struct movers mv;

	mv.n = 0;
	v->lr[i].hw = lr_invalid(d, v->lr[i].hw);
	lr_sync_entry(d, v, i, 0);
	sync_touched(d, v, irq, &mv);
	sync_done(d, v, false);
	return move_all(d, &mv, kicks);
}

int armvirt_vgic_vcpu_sync(struct armvirt_vgic *d, unsigned vcpu, struct armvirt_vgic_kicks *kicks)
{
	struct armvirt_vgic_vcpu *v;

	if (d == NULL || vcpu >= d->nr_vcpus)
		return ARMVIRT_EINVAL;
	v = &d->vcpus[vcpu];
	vgic_lock(v);
	if (!(v->flags & VCPU_IN_GUEST)) {
		vgic_unlock(v);
		return ARMVIRT_EPERM;
	}
	if (v->lr_used != 0) {
		uint64_t used = v->lr_used, gone = lr_read_elrsr(d);
		unsigned i = lowest_bit(used);

		if ((used & (used - 1)) == 0 && (gone & used) != 0 && !(v->hcr & HCR_LRENPIE) &&
		    !lr_eoi_set(d, v->lr[i].hw))
			return sync_emptied(d, v, i, kicks);
		return sync_lrs(d, v, gone, kicks);
	}
	if (v->hcr & HCR_LRENPIE)
		return sync_lrs(d, v, 0, kicks);
	/* Nothing in use and nothing evicted: the common exit, on which the
	 * guest can have changed only its CPU interface's controls. */
	sync_done(d, v, false);
	return 0;
}

void lr_dir(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint32_t intid,
	    struct armvirt_vgic_kicks *kicks)
{
	struct armvirt_vgic_irq *irq;
	struct armvirt_vgic_vcpu *o;
	bool settle;
	int i;

	/* ICC_DIR_EL1 has no effect with EOImode 0 (GICv3 12.2.8). */
	if (!intid_valid(d, intid) || !vmcr_bit(v->vmcr, ARMVIRT_GIC_VMCR_EOIM_SHIFT))
		return;
	o = irq_lock(d, v, intid, &irq);
	if (o != v || !(irq->active & 1u)) {
		vgic_unlock(o);
		return;
	}
	i = lr_index(v, irq->intid, 0);
	if (i >= 0) {
		v->lr[i].state &= (uint8_t)~ST_A;
		if (irq->flags & IRQ_HW)
			armvirt_port_write_icc_dir_el1(irq->pintid);
		if ((v->lr[i].state & ST_PA) == 0)
			lr_free(d, v, (unsigned)i);
	}
	irq->active &= (uint8_t)~1u;
	irq_deactivated(irq);
	irq_update(d, v, irq);
	settle = spi_must_move(irq, v);
	vgic_unlock(v);
	if (settle)
		spi_settle(d, irq, kicks);
}

int armvirt_vgic_vcpu_load(struct armvirt_vgic *d, unsigned vcpu)
{
	const struct lr_ops *ops;
	struct armvirt_vgic_vcpu *v;
	int ret = 0;

	if (d == NULL || vcpu >= d->nr_vcpus)
		return ARMVIRT_EINVAL;
	ops = lr_ops(d);
	v = &d->vcpus[vcpu];
	vgic_lock(v);
	if (v->flags & VCPU_LOADED) {
		ret = ARMVIRT_EBUSY;
	} else {
		/* The interface stays off until fill has written every list
		 * register: their contents are unknown until then. */
		lr_write_hcr(d, 0);
		v->hcr = 0;
		ops->write_vmcr(v->vmcr);
		ops->restore_apr(d, v->apr);
		v->lr_stale = all_lrs(d);
		v->flags |= VCPU_LOADED;
	}
	vgic_unlock(v);
	return ret;
}

int armvirt_vgic_vcpu_put(struct armvirt_vgic *d, unsigned vcpu)
{
	const struct lr_ops *ops;
	struct armvirt_vgic_vcpu *v;
	int ret = 0;

	if (d == NULL || vcpu >= d->nr_vcpus)
		return ARMVIRT_EINVAL;
	ops = lr_ops(d);
	v = &d->vcpus[vcpu];
	vgic_lock(v);
	if (!(v->flags & VCPU_LOADED) || (v->flags & VCPU_IN_GUEST)) {
		ret = ARMVIRT_EPERM;
	} else {
		v->vmcr = lr_read_vmcr(d);
		ops->save_apr(d, v->apr);
		lr_write_hcr(d, 0);
		v->hcr = 0;
		for (unsigned i = 0; i < d->nr_lrs; i++) {
			if (v->lr[i].hw != 0) {
				lr_write(d, i, 0);
				v->lr[i].hw = 0;
			}
		}
		v->flags &= ~VCPU_LOADED;
	}
	vgic_unlock(v);
	return ret;
}

/* The running priority: that of the most urgent active priority level
 * (GICv3 12.5.1, GICv2 5.3.10), or PRIO_IDLE. */
static unsigned running_priority(const struct armvirt_vgic *d, const uint32_t apr[2][4])
{
	if (d->cpuif == ARMVIRT_VGIC_CPUIF_GICH)
		return apr[1][0] != 0 ? lowest_bit(apr[1][0]) << 3 : PRIO_IDLE;
	for (unsigned n = 0; n < d->nr_apr; n++) {
		uint32_t bits = apr[0][n] | apr[1][n];

		if (bits != 0)
			return (n * 32u + lowest_bit(bits)) << (8u - d->pre_bits);
	}
	return PRIO_IDLE;
}

/* The part of a priority that preemption compares, per the binary point
 * (GICv3 4.8.5): bits [7:BPR0+1] for Group 0, [7:BPR1] for Group 1 unless
 * VCBPR, never finer than the implemented preemption bits. */
static unsigned group_priority(const struct armvirt_vgic *d, uint32_t vmcr, unsigned prio,
			       unsigned g)
{
	unsigned shift;

	if (g == 0 || vmcr_bit(vmcr, ARMVIRT_GIC_VMCR_CBPR_SHIFT))
		shift = (unsigned)armvirt_field_get(vmcr, ARMVIRT_GIC_VMCR_BPR0_SHIFT,
						    ARMVIRT_GIC_VMCR_BPR0_WIDTH) +
			1u;
	else
		shift = (unsigned)armvirt_field_get(vmcr, ARMVIRT_GIC_VMCR_BPR1_SHIFT,
						    ARMVIRT_GIC_VMCR_BPR1_WIDTH);
	if (shift < 8u - d->pre_bits)
		shift = 8u - d->pre_bits;
	return (prio >> shift) << shift;
}

static bool takeable(const struct armvirt_vgic *d, const struct armvirt_vgic_vcpu *v,
		     const struct armvirt_vgic_irq *irq, unsigned pmr, unsigned rpr)
{
	unsigned g = irq_group(irq);

	return (irq->flags & IRQ_ENABLED) && dist_group_enabled(d, g) &&
	       vmcr_group_enabled(v->vmcr, g) && irq->priority < pmr &&
	       group_priority(d, v->vmcr, irq->priority, g) < rpr;
}

int armvirt_vgic_vcpu_pending(struct armvirt_vgic *d, unsigned vcpu)
{
	const struct lr_ops *ops;
	struct armvirt_vgic_vcpu *v;
	uint32_t apr[2][4] = { { 0 } };
	unsigned pmr, rpr;
	int ret = 0;

	if (d == NULL || vcpu >= d->nr_vcpus)
		return ARMVIRT_EINVAL;
	ops = lr_ops(d);
	v = &d->vcpus[vcpu];
	vgic_lock(v);
	if (v->lr_used == 0 && v->qsum == 0) {
		/* Nothing pending anywhere: the blocked vCPU's usual state. */
		vgic_unlock(v);
		return 0;
	}
	if ((v->flags & VCPU_LOADED) && !(v->flags & VCPU_IN_GUEST)) {
		ops->save_apr(d, apr);
	} else {
		for (unsigned g = 0; g < 2; g++)
			for (unsigned n = 0; n < 4; n++)
				apr[g][n] = v->apr[g][n];
	}
	pmr = ops->pmr(v->vmcr);
	rpr = running_priority(d, apr);
	for (uint64_t m = v->lr_used; m != 0 && ret == 0; m &= m - 1) {
		const struct armvirt_vgic_lr_ *e = &v->lr[lowest_bit(m)];

		if ((e->state & ST_PA) == ST_P && takeable(d, v, irq_get(d, v, e->intid), pmr, rpr))
			ret = 1;
	}
	for (unsigned g = 0; g < 2 && ret == 0; g++) {
		const struct armvirt_vgic_irq *c = queue_best(d, v, g);

		if (c != NULL && takeable(d, v, c, pmr, rpr))
			ret = 1;
	}
	vgic_unlock(v);
	return ret;
}

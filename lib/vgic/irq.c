/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Virtual interrupt state: what the distributor knows about each interrupt,
 * which vCPU it belongs to, and whether it waits in that vCPU's queue.
 *
 * An interrupt is queued on its owner when it is enabled and has a source
 * that is pending in software, not in a list register and not active; an SPI
 * must also be routed to its owner. irq_update() restores that invariant
 * after any change, and says whether the interrupt just joined the queue.
 * Changes to interrupts in the list registers of a vCPU that is in the guest
 * cannot touch the live registers: they are recorded in irq->req and applied
 * by that vCPU's next sync.
 */
#include "internal.h"

uint8_t prio_mask(const struct armvirt_vgic *d)
{
	return (uint8_t)(0xFFu << (8u - d->pri_bits));
}

uint16_t route_v3(const struct armvirt_vgic *d, uint32_t affinity)
{
	for (unsigned i = 0; i < d->nr_vcpus; i++) {
		if (d->vcpus[i].affinity == affinity)
			return (uint16_t)i;
	}
	return NONE;
}

uint16_t route_v2(const struct armvirt_vgic *d, uint8_t targets)
{
	/* The architecture lets the distributor pick any one of several
	 * targets (GICv2 3.1.1, 1-N model); the lowest is stable. */
	targets &= (uint8_t)((1u << d->nr_vcpus) - 1u);
	return targets != 0 ? (uint16_t)lowest_bit(targets) : NONE;
}

struct armvirt_vgic_vcpu *irq_lock(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
				   uint32_t intid, struct armvirt_vgic_irq **out)
{
	struct armvirt_vgic_irq *irq = irq_get(d, v, intid);

	*out = irq;
	if (!is_spi(intid)) {
		vgic_lock(v);
		return v;
	}
	for (;;) {
		uint16_t o = owner_of(irq);
		struct armvirt_vgic_vcpu *vo = &d->vcpus[o];

		vgic_lock(vo);
		if (owner_of(irq) == o)
			return vo;
		vgic_unlock(vo);
	}
}

bool irq_update(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, struct armvirt_vgic_irq *irq)
{
	bool evicted = (irq->active & ~irq->in_lr) != 0;
	bool want = irq_wants_queue(irq, v);

	if (evicted != ((irq->flags & IRQ_EVICTED) != 0)) {
		if (evicted)
			evicted_insert(d, v, irq);
		else
			evicted_remove(d, v, irq);
	}
	if (irq->active == 0)
		irq->flags &= ~IRQ_SW_ACTIVE;
	if (want && !(irq->flags & IRQ_QUEUED)) {
		queue_insert(d, v, irq, false);
		return true;
	}
	if (!want && (irq->flags & IRQ_QUEUED))
		queue_remove(d, v, irq);
	return false;
}

/*
 * Whether @v must be kicked for @irq, which just joined its queue or needs
 * its list register rewritten. A vCPU outside the guest is woken in case it
 * is blocked in WFI. One in the guest is kicked unless the interrupt cannot
 * enter its list registers before the armed no-pending maintenance interrupt
 * brings it out anyway (v->admit, set by fill). A group the guest had
 * disabled at the last exit may have been enabled since without a trap, so
 * it is no reason to stay quiet.
 */
static bool irq_kick_needed(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
			    const struct armvirt_vgic_irq *irq)
{
	unsigned g = irq_group(irq);

	if (!dist_group_enabled(d, g))
		return false;
	if (!(v->flags & VCPU_IN_GUEST))
		return true;
	if (irq->in_lr != 0)
		return true;
	if (!((v->vmcr >> (g ? ARMVIRT_GIC_VMCR_ENG1_SHIFT : ARMVIRT_GIC_VMCR_ENG0_SHIFT)) & 1u))
		return true;
	return irq->priority < v->admit;
}

static void kick_if(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		    const struct armvirt_vgic_irq *irq, bool changed,
		    struct armvirt_vgic_kicks *kicks)
{
	if (changed && irq_kick_needed(d, v, irq))
		kick_add(kicks, v->index);
}

void irq_deactivated(struct armvirt_vgic_irq *irq)
{
	/* The guest's deactivation of a hardware-linked interrupt also
	 * deactivated the physical one; if the device still asserts it, the
	 * physical GIC signals it again and the line is reported again. */
	if ((irq->flags & IRQ_HW) && !(irq->flags & IRQ_EDGE))
		irq->flags &= ~IRQ_LINE;
}

void irq_set_pending(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		     struct armvirt_vgic_irq *irq, uint8_t sources,
		     struct armvirt_vgic_kicks *kicks)
{
	/* A new edge for a source in the list registers of a running vCPU
	 * cannot be merged there: the guest may have taken and ended the
	 * earlier one since the last exit, with no maintenance interrupt to
	 * tell. The vCPU must come out for it. */
	bool lr_change = (v->flags & VCPU_IN_GUEST) && (irq->in_lr & sources & ~irq->latch) != 0;

	irq->latch |= sources;
	kick_if(d, v, irq, irq_update(d, v, irq) || lr_change, kicks);
}

/* Take the pending state of @sources out of the saved list registers of @v,
 * which is not in the guest (fill writes the registers). */
static void lr_unpend(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		      struct armvirt_vgic_irq *irq, uint8_t sources)
{
	uint8_t in_lr = irq->lr_pend & sources;

	for (unsigned s = 0; in_lr != 0; s++, in_lr >>= 1) {
		int i = (in_lr & 1u) ? lr_index(v, irq->intid, s) : -1;

		if (i < 0)
			continue;
		v->lr[i].state &= (uint8_t)~ST_P;
		irq->lr_pend &= (uint8_t) ~(1u << s);
		if ((v->lr[i].state & ST_PA) == 0)
			lr_drop(d, v, (unsigned)i);
	}
}

void irq_clear_pending(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		       struct armvirt_vgic_irq *irq, uint8_t sources)
{
	irq->latch &= (uint8_t)~sources;
	if ((irq->lr_pend & sources) != 0 && (v->flags & VCPU_IN_GUEST)) {
		/* Applied by the next sync to every source in the registers:
		 * a caller clearing only some of them refuses first (gicd.c). */
		irq->req |= REQ_CLR_PEND;
	} else {
		lr_unpend(d, v, irq, sources);
	}
	irq_update(d, v, irq);
}

void irq_set_active(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		    struct armvirt_vgic_irq *irq, struct armvirt_vgic_kicks *kicks)
{
	int i;

	/* GICD_ISACTIVER has one bit per INTID; a GICv2 SGI is made active
	 * as if from CPU 0. In the live list registers of a vCPU in the guest
	 * the active state may have changed since its last exit, so the
	 * request is made whatever the copy says; the next sync applies it to
	 * the state it reads. */
	i = (irq->in_lr & 1u) ? lr_index(v, irq->intid, 0) : -1;
	if (i >= 0 && (v->flags & VCPU_IN_GUEST)) {
		irq->req = (uint8_t)((irq->req & ~REQ_CLR_ACT) | REQ_SET_ACT);
		kick_add(kicks, v->index);
		return;
	}
	if (irq->active & 1u)
		return;
	if (i >= 0) {
		lr_make_active(d, v, (unsigned)i);
	} else {
		irq->flags |= IRQ_SW_ACTIVE;
		irq->active |= 1u;
	}
	irq_update(d, v, irq);
}

void irq_clear_active(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		      struct armvirt_vgic_irq *irq, struct armvirt_vgic_kicks *kicks)
{
	uint8_t act_lr = irq->active & irq->in_lr;

	if (irq->in_lr != 0 && (v->flags & VCPU_IN_GUEST)) {
		/* The live list registers change at the next exit, whatever
		 * state the guest has moved them to since the last one (it
		 * may have acknowledged a pending entry); sources active
		 * outside them are cleared now. */
		irq->req = (uint8_t)((irq->req & ~REQ_SET_ACT) | REQ_CLR_ACT);
		irq->active = act_lr;
		kick_add(kicks, v->index);
	} else if (irq->active == 0) {
		return;
	} else {
		for (unsigned s = 0; act_lr != 0; s++, act_lr >>= 1) {
			int i = (act_lr & 1u) ? lr_index(v, irq->intid, s) : -1;

			if (i < 0)
				continue;
			v->lr[i].state &= (uint8_t)~ST_A;
			if ((v->lr[i].state & ST_PA) == 0)
				lr_drop(d, v, (unsigned)i);
		}
		irq->active = 0;
	}
	kick_if(d, v, irq, irq_update(d, v, irq), kicks);
}

void irq_set_enabled(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		     struct armvirt_vgic_irq *irq, bool on, struct armvirt_vgic_kicks *kicks)
{
	if (on)
		irq->flags |= IRQ_ENABLED;
	else
		irq->flags &= ~IRQ_ENABLED;
	kick_if(d, v, irq, irq_update(d, v, irq), kicks);
}

void irq_set_priority(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		      struct armvirt_vgic_irq *irq, uint8_t prio, struct armvirt_vgic_kicks *kicks)
{
	bool queued = (irq->flags & IRQ_QUEUED) != 0;
	bool evicted = (irq->flags & IRQ_EVICTED) != 0;

	prio &= prio_mask(d);
	if (prio == irq->priority)
		return;
	if (queued)
		queue_remove(d, v, irq);
	if (evicted)
		evicted_remove(d, v, irq);
	irq->priority = prio;
	if (queued)
		queue_insert(d, v, irq, false);
	if (evicted)
		evicted_insert(d, v, irq);
	/* A more urgent queued interrupt may now displace a register's. */
	kick_if(d, v, irq, queued, kicks);
}

void irq_set_group(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		   struct armvirt_vgic_irq *irq, unsigned group, struct armvirt_vgic_kicks *kicks)
{
	bool queued = (irq->flags & IRQ_QUEUED) != 0;

	if (group == irq_group(irq))
		return;
	if (queued)
		queue_remove(d, v, irq);
	if (group)
		irq->flags |= IRQ_GROUP1;
	else
		irq->flags &= ~IRQ_GROUP1;
	if (queued)
		queue_insert(d, v, irq, false);
	kick_if(d, v, irq, queued, kicks);
}

void irq_set_line(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, struct armvirt_vgic_irq *irq,
		  bool level, struct armvirt_vgic_kicks *kicks)
{
	bool rising = level && !(irq->flags & IRQ_LINE);
	bool level_irq = !(irq->flags & IRQ_EDGE);

	if (level)
		irq->flags |= IRQ_LINE;
	else
		irq->flags &= ~IRQ_LINE;
	if (rising && !level_irq) {
		irq_set_pending(d, v, irq, 1u, kicks);
		return;
	}
	/* A level interrupt the guest has not taken yet stops being pending
	 * when its line falls (GICv3 4.1.1, GICv2 3.2.4): withdrawn from the
	 * saved list registers of a vCPU out of the guest at once, so that it
	 * wakes no one, and from the live ones of a running vCPU by its next
	 * exit, for which it is kicked. */
	if (!level && level_irq && (irq->lr_pend & 1u) && !(irq->latch & 1u)) {
		if (v->flags & VCPU_IN_GUEST)
			kick_add(kicks, v->index);
		else
			lr_unpend(d, v, irq, 1u);
	}
	kick_if(d, v, irq, irq_update(d, v, irq), kicks);
}

void irq_set_edge(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, struct armvirt_vgic_irq *irq,
		  bool edge, struct armvirt_vgic_kicks *kicks)
{
	if (edge)
		irq->flags |= IRQ_EDGE;
	else
		irq->flags &= ~IRQ_EDGE;
	kick_if(d, v, irq, irq_update(d, v, irq), kicks);
}

/*
 * Move an SPI to the vCPU its routing selects, unless it is in flight where
 * it is (it moves when it lands, see lr_sched.c) or routed nowhere. Call
 * with no lock held: moving takes both vCPUs' locks, in index order.
 */
void spi_settle(struct armvirt_vgic *d, struct armvirt_vgic_irq *irq,
		struct armvirt_vgic_kicks *kicks)
{
	for (;;) {
		uint16_t o = owner_of(irq), t;
		struct armvirt_vgic_vcpu *vo = &d->vcpus[o], *vt, *first, *second;

		vgic_lock(vo);
		if (owner_of(irq) != o) {
			vgic_unlock(vo);
			continue;
		}
		t = irq->route;
		if (t == NONE || t == o || irq_in_flight(irq)) {
			kick_if(d, vo, irq, irq_update(d, vo, irq), kicks);
			vgic_unlock(vo);
			return;
		}
		vgic_unlock(vo);

		vt = &d->vcpus[t];
		first = o < t ? vo : vt;
		second = o < t ? vt : vo;
		vgic_lock(first);
		vgic_lock(second);
		if (owner_of(irq) == o && irq->route == t && !irq_in_flight(irq)) {
			if (irq->flags & IRQ_QUEUED)
				queue_remove(d, vo, irq);
			atomic_store_explicit(&irq->owner, t, memory_order_release);
			kick_if(d, vt, irq, irq_update(d, vt, irq), kicks);
			vgic_unlock(second);
			vgic_unlock(first);
			return;
		}
		vgic_unlock(second);
		vgic_unlock(first);
	}
}

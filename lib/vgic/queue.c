/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A vCPU's pending queue and its list of evicted active interrupts.
 *
 * The queue holds the interrupts that wait for a list register: one circular
 * FIFO per (group, priority), a bitmap of the non-empty FIFOs and a summary
 * of the bitmap's non-empty words (v->qsum, bit 4g + w for qmap[g][w]), so
 * that the most urgent interrupt of a group is found with two bit scans
 * however many are queued, and an empty queue with one test. Links are INTIDs, resolved against the vCPU that
 * owns the queue (its SGIs and PPIs, and the shared SPIs).
 */
#include "internal.h"

#define QWORDS (ARMVIRT_VGIC_PRIO_LEVELS_ / 64) /* bitmap words per group */
#define QSUM_BIT(g, w) (1u << ((g)*QWORDS + (w)))

void queue_insert(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, struct armvirt_vgic_irq *irq,
		  bool at_head)
{
	unsigned g = irq_group(irq), p = irq->priority;
	uint16_t *head = &v->qhead[g][p];

	if (*head == NONE) {
		irq->next = irq->intid;
		irq->prev = irq->intid;
		*head = irq->intid;
		v->qmap[g][p / 64] |= UINT64_C(1) << (p % 64);
		v->qsum |= (uint8_t)QSUM_BIT(g, p / 64);
	} else {
		struct armvirt_vgic_irq *h = irq_get(d, v, *head);
		struct armvirt_vgic_irq *t = irq_get(d, v, h->prev);

		irq->next = h->intid;
		irq->prev = t->intid;
		t->next = irq->intid;
		h->prev = irq->intid;
		if (at_head)
			*head = irq->intid;
	}
	irq->flags |= IRQ_QUEUED;
}

void queue_remove(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, struct armvirt_vgic_irq *irq)
{
	unsigned g = irq_group(irq), p = irq->priority;
	uint16_t *head = &v->qhead[g][p];

	if (irq->next == irq->intid) {
		*head = NONE;
		v->qmap[g][p / 64] &= ~(UINT64_C(1) << (p % 64));
		if (v->qmap[g][p / 64] == 0)
			v->qsum &= (uint8_t)~QSUM_BIT(g, p / 64);
	} else {
		irq_get(d, v, irq->prev)->next = irq->next;
		irq_get(d, v, irq->next)->prev = irq->prev;
		if (*head == irq->intid)
			*head = irq->next;
	}
	irq->next = NONE;
	irq->prev = NONE;
	irq->flags &= ~IRQ_QUEUED;
}

struct armvirt_vgic_irq *queue_best(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
				    unsigned group)
{
	unsigned words = (v->qsum >> (group * QWORDS)) & (QSUM_BIT(0, QWORDS) - 1u), w, p;

	if (words == 0)
		return NULL;
	w = lowest_bit(words);
	p = w * 64 + lowest_bit(v->qmap[group][w]);
	return irq_get(d, v, v->qhead[group][p]);
}

/*
 * Evicted active interrupts, most urgent first (equal priorities in the order
 * they were evicted). With EOImode 0 the guest ends them in that order, which
 * is how an EOIcount is attributed to them.
 */
void evicted_insert(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		    struct armvirt_vgic_irq *irq)
{
	uint16_t prev = NONE, cur = v->ahead;

	while (cur != NONE && irq_get(d, v, cur)->priority <= irq->priority) {
		prev = cur;
		cur = irq_get(d, v, cur)->anext;
	}
	irq->aprev = prev;
	irq->anext = cur;
	if (prev == NONE)
		v->ahead = irq->intid;
	else
		irq_get(d, v, prev)->anext = irq->intid;
	if (cur != NONE)
		irq_get(d, v, cur)->aprev = irq->intid;
	irq->flags |= IRQ_EVICTED;
}

void evicted_remove(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		    struct armvirt_vgic_irq *irq)
{
	if (irq->aprev == NONE)
		v->ahead = irq->anext;
	else
		irq_get(d, v, irq->aprev)->anext = irq->anext;
	if (irq->anext != NONE)
		irq_get(d, v, irq->anext)->aprev = irq->aprev;
	irq->anext = NONE;
	irq->aprev = NONE;
	irq->flags &= ~IRQ_EVICTED;
}

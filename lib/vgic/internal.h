/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Declarations shared by the files of lib/vgic. Not installed.
 *
 * Vocabulary. An interrupt's "sources" are the bits of its per-source masks:
 * a GICv2 SGI has one per sending CPU (each is acknowledged separately and
 * takes its own list register); every other interrupt has only bit 0. An
 * interrupt is "in flight" on a vCPU while any source occupies one of its list
 * registers or is active; an SPI in flight stays with that vCPU even if its
 * routing changes, and moves ("settles") once it is no longer in flight.
 */
#ifndef ARMVIRT_VGIC_INTERNAL_H
#define ARMVIRT_VGIC_INTERNAL_H

#include <armvirt/bits.h>
#include <armvirt/err.h>
#include <armvirt/vgic.h>
#include <armvirt/vgic_regs.h>

#include <stdatomic.h>

#define NONE 0xFFFFu /* no vCPU, no interrupt */

/* irq->flags */
#define IRQ_ENABLED 0x01u
#define IRQ_GROUP1 0x02u
#define IRQ_EDGE 0x04u
#define IRQ_LINE 0x08u	    /* input line level */
#define IRQ_HW 0x10u	    /* linked to irq->pintid */
#define IRQ_QUEUED 0x20u    /* in its owner's pending queue */
#define IRQ_EVICTED 0x40u   /* in its owner's evicted-active list */
#define IRQ_SW_ACTIVE 0x80u /* made active by GICD_ISACTIVER, not by an acknowledge */

/* irq->req: changes to an interrupt in the list registers of a vCPU that is
 * running, applied when it exits. */
#define REQ_CLR_PEND 0x01u
#define REQ_SET_ACT 0x02u
#define REQ_CLR_ACT 0x04u

/* vcpu->flags */
#define VCPU_LOADED 0x01u
#define VCPU_IN_GUEST 0x02u /* between fill and sync: the list registers are live */
#define VCPU_SLEEP 0x04u    /* GICR_WAKER.ProcessorSleep */

/* List register state bits, as the State field encodes them, and a request
 * for an EOI maintenance interrupt kept alongside (lr->state bit 2). */
#define ST_P ARMVIRT_GIC_LR_STATE_PENDING
#define ST_A ARMVIRT_GIC_LR_STATE_ACTIVE
#define ST_PA (ST_P | ST_A)
#define ST_EOI 0x04u

/* Priority values compare as unsigned: lower is more urgent. 0x100 stands
 * for "lower than any priority". */
#define PRIO_IDLE 0x100u

/* Each vCPU's spinlock (vgic.c). */
void vgic_lock(struct armvirt_vgic_vcpu *v);
void vgic_unlock(struct armvirt_vgic_vcpu *v);
/* Whether @v is between fill and sync (vgic.c); read under its lock. */
bool vcpu_in_guest(struct armvirt_vgic_vcpu *v);

static inline bool is_v2(const struct armvirt_vgic *d)
{
	return d->model == ARMVIRT_VGIC_V2;
}

static inline bool is_spi(uint32_t intid)
{
	return intid >= ARMVIRT_VGIC_NR_PRIVATE;
}

/* Is @intid an interrupt this VM has (SGI, PPI or implemented SPI)? */
static inline bool intid_valid(const struct armvirt_vgic *d, uint32_t intid)
{
	return intid < ARMVIRT_VGIC_NR_PRIVATE + d->nr_spis;
}

/* The interrupt @intid as seen from vCPU @v (whose SGIs and PPIs it is). */
static inline struct armvirt_vgic_irq *irq_get(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
					       uint32_t intid)
{
	return is_spi(intid) ? &d->spis[intid - ARMVIRT_VGIC_NR_PRIVATE] : &v->priv[intid];
}

static inline unsigned irq_group(const struct armvirt_vgic_irq *irq)
{
	return (irq->flags & IRQ_GROUP1) ? 1u : 0u;
}

static inline bool is_v2_sgi(const struct armvirt_vgic *d, const struct armvirt_vgic_irq *irq)
{
	return is_v2(d) && irq->intid < ARMVIRT_GIC_NR_SGIS;
}

/* Sources whose pending state is held in software. */
static inline uint8_t irq_pending_sw(const struct armvirt_vgic_irq *irq)
{
	uint8_t p = irq->latch;

	if (!(irq->flags & IRQ_EDGE) && (irq->flags & IRQ_LINE))
		p |= 1u;
	return p;
}

/* Sources that need a list register to deliver their pending state: pending
 * in software, not in a list register, not active (an active interrupt is
 * not signalled again until deactivated). */
static inline uint8_t irq_ready(const struct armvirt_vgic_irq *irq)
{
	return (uint8_t)(irq_pending_sw(irq) & ~irq->in_lr & ~irq->active);
}

static inline bool irq_in_flight(const struct armvirt_vgic_irq *irq)
{
	return irq->in_lr != 0 || irq->active != 0;
}

/*
 * Whether the pending and active state of @irq, owned by @o, cannot be
 * reported to vCPU @self because it is @self's own and @self is in the
 * guest. Its list registers are live: the guest may have acknowledged,
 * ended or deactivated what they hold since the last exit (GICv3 12.5.10
 * ICH_LR<n>_EL2.State; GICv2 5.3.12 GICH_LRn.State), and its EOIs of active
 * interrupts kept outside them are only counted (ICH_HCR_EL2.EOIcount,
 * GICH_HCR.EOICount), so an interrupt in flight there is known only after
 * the next sync. A remote vCPU's copy is reported as of its last exit, as
 * any observer on another CPU may see it.
 */
static inline bool irq_state_live(const struct armvirt_vgic_vcpu *o,
				  const struct armvirt_vgic_vcpu *self,
				  const struct armvirt_vgic_irq *irq)
{
	return o == self && (o->flags & VCPU_IN_GUEST) && irq_in_flight(irq);
}

/*
 * Whether @irq, owned by @o, is in the live list registers of vCPU @self,
 * which is making a register write: a change to it must then reach them
 * before @self resumes (they hold its priority, group, and pending and
 * active state, and fill derives the pending state from the enables and
 * the trigger), so @self kicks itself. A remote vCPU in the guest sees such
 * a change at its next exit, as it would had the write come an instant
 * later.
 */
static inline bool irq_in_live_lr(const struct armvirt_vgic_vcpu *o,
				  const struct armvirt_vgic_vcpu *self,
				  const struct armvirt_vgic_irq *irq)
{
	return o == self && (o->flags & VCPU_IN_GUEST) && irq->in_lr != 0;
}

/* Whether @irq belongs in @v's pending queue (see irq.c). */
static inline bool irq_wants_queue(const struct armvirt_vgic_irq *irq,
				   const struct armvirt_vgic_vcpu *v)
{
	return (irq->flags & IRQ_ENABLED) && irq_ready(irq) != 0 &&
	       (!is_spi(irq->intid) || irq->route == v->index);
}

/* Whether @irq, owned by @v, must move to the vCPU its routing selects. */
static inline bool spi_must_move(const struct armvirt_vgic_irq *irq,
				 const struct armvirt_vgic_vcpu *v)
{
	return is_spi(irq->intid) && irq->route != v->index && !irq_in_flight(irq);
}

/* Aff2.Aff1.Aff0 of an MPIDR_EL1 or GICD_IROUTER value, which put them at the
 * same bits, packed as GICR_TYPER.Affinity_Value holds them (Aff3 is 0:
 * GICD_TYPER.A3V is clear). */
static inline uint32_t affinity_of(uint64_t v)
{
	return (uint32_t)(armvirt_field_get(v, ARMVIRT_MPIDR_AFF2_SHIFT, ARMVIRT_MPIDR_AFF_WIDTH)
			  << ARMVIRT_MPIDR_AFF2_SHIFT) |
	       (uint32_t)(armvirt_field_get(v, ARMVIRT_MPIDR_AFF1_SHIFT, ARMVIRT_MPIDR_AFF_WIDTH)
			  << ARMVIRT_MPIDR_AFF1_SHIFT) |
	       (uint32_t)armvirt_field_get(v, ARMVIRT_MPIDR_AFF0_SHIFT, ARMVIRT_MPIDR_AFF_WIDTH);
}

static inline unsigned lowest_bit(uint64_t v)
{
	return (unsigned)__builtin_ctzll(v);
}

static inline uint16_t owner_of(const struct armvirt_vgic_irq *irq)
{
	return atomic_load_explicit(&irq->owner, memory_order_acquire);
}

static inline bool dist_group_enabled(const struct armvirt_vgic *d, unsigned g)
{
	uint32_t ctlr = atomic_load_explicit(&d->ctlr, memory_order_relaxed);

	return (ctlr >>
		(g ? ARMVIRT_GICD_CTLR_ENABLEGRP1_SHIFT : ARMVIRT_GICD_CTLR_ENABLEGRP0_SHIFT)) &
	       1u;
}

static inline void kick_add(struct armvirt_vgic_kicks *k, unsigned vcpu)
{
	if (k != NULL)
		k->bits[vcpu / 64] |= UINT64_C(1) << (vcpu % 64);
}

/* Add @src to @dst (if any); 1 if @src is not empty, the public functions'
 * return value. */
static inline int kicks_merge(struct armvirt_vgic_kicks *dst, const struct armvirt_vgic_kicks *src)
{
	uint64_t any = 0;

	for (unsigned w = 0; w < ARMVIRT_VGIC_MAX_VCPUS / 64; w++) {
		any |= src->bits[w];
		if (dst != NULL)
			dst->bits[w] |= src->bits[w];
	}
	return any != 0;
}

/* The pending queue and the evicted-active list (queue.c); caller holds v. */
void queue_insert(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, struct armvirt_vgic_irq *irq,
		  bool at_head);
void queue_remove(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		  struct armvirt_vgic_irq *irq);
struct armvirt_vgic_irq *queue_best(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
				    unsigned group);
void evicted_insert(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		    struct armvirt_vgic_irq *irq);
void evicted_remove(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		    struct armvirt_vgic_irq *irq);

/* Interrupt state (irq.c). */
struct armvirt_vgic_vcpu *irq_lock(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
				   uint32_t intid, struct armvirt_vgic_irq **out);
bool irq_update(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, struct armvirt_vgic_irq *irq);
void irq_set_pending(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		     struct armvirt_vgic_irq *irq, uint8_t sources,
		     struct armvirt_vgic_kicks *kicks);
void irq_clear_pending(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		       struct armvirt_vgic_irq *irq, uint8_t sources);
void irq_set_active(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		    struct armvirt_vgic_irq *irq, struct armvirt_vgic_kicks *kicks);
void irq_clear_active(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		      struct armvirt_vgic_irq *irq, struct armvirt_vgic_kicks *kicks);
void irq_deactivated(struct armvirt_vgic_irq *irq);
void irq_set_enabled(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		     struct armvirt_vgic_irq *irq, bool on, struct armvirt_vgic_kicks *kicks);
void irq_set_priority(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		      struct armvirt_vgic_irq *irq, uint8_t prio, struct armvirt_vgic_kicks *kicks);
void irq_set_group(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		   struct armvirt_vgic_irq *irq, unsigned group, struct armvirt_vgic_kicks *kicks);
void irq_set_line(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, struct armvirt_vgic_irq *irq,
		  bool level, struct armvirt_vgic_kicks *kicks);
void irq_set_edge(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, struct armvirt_vgic_irq *irq,
		  bool edge, struct armvirt_vgic_kicks *kicks);
void spi_settle(struct armvirt_vgic *d, struct armvirt_vgic_irq *irq,
		struct armvirt_vgic_kicks *kicks);
uint16_t route_v3(const struct armvirt_vgic *d, uint32_t affinity);
uint16_t route_v2(const struct armvirt_vgic *d, uint8_t targets);
uint8_t prio_mask(const struct armvirt_vgic *d);

/* List registers (lr_sched.c); caller holds v. */
int lr_index(const struct armvirt_vgic_vcpu *v, uint16_t intid, unsigned src);
void lr_drop(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned i);
void lr_make_active(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, unsigned i);
void lr_dir(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint32_t intid,
	    struct armvirt_vgic_kicks *kicks);

/* The two list-register formats (lr_v2.c, lr_v3.c): what load, put, pending
 * and init use. The registers every entry and exit touches are reached
 * directly (lr_format.h). */
struct lr_ops {
	void (*write_vmcr)(uint32_t v);
	void (*save_apr)(const struct armvirt_vgic *d, uint32_t apr[2][4]);
	void (*restore_apr)(const struct armvirt_vgic *d, const uint32_t apr[2][4]);
	unsigned (*pmr)(uint32_t vmcr); /* the priority mask, as an 8-bit priority */
	uint32_t (*read_vtr)(void);
	unsigned max_lrs;
	unsigned listregs_width;
};
extern const struct lr_ops vgic_lr_ops_v2;
extern const struct lr_ops vgic_lr_ops_v3;

static inline const struct lr_ops *lr_ops(const struct armvirt_vgic *d)
{
	return d->cpuif == ARMVIRT_VGIC_CPUIF_ICH ? &vgic_lr_ops_v3 : &vgic_lr_ops_v2;
}

/* Register emulation (gicd.c, gicr.c, sgi.c). */
/* One access, at @off in the distributor, or in the frames of
 * redistributor @rd (GICv3), made by vCPU @v / @self; the public function's
 * return values. */
int gicd_mmio(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint32_t off,
	      struct armvirt_mmio_access *acc, struct armvirt_vgic_kicks *kicks);
int gicr_mmio(struct armvirt_vgic *d, const struct armvirt_vgic_vcpu *self,
	      struct armvirt_vgic_vcpu *rd, uint32_t off, struct armvirt_mmio_access *acc,
	      struct armvirt_vgic_kicks *kicks);
void sgi_send_v2(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint32_t sgir,
		 struct armvirt_vgic_kicks *kicks);

/* Per-interrupt register arrays shared by GICD and GICR (regs.c). */
enum irq_field {
	F_GROUP,
	F_SET_ENABLE,
	F_CLR_ENABLE,
	F_SET_PEND,
	F_CLR_PEND,
	F_SET_ACT,
	F_CLR_ACT,
	F_PRIORITY,
	F_TARGETS,
	F_CONFIG,
};
int irq_field_read(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		   const struct armvirt_vgic_vcpu *self, enum irq_field f, uint32_t first_intid,
		   unsigned count, uint32_t *value);
void irq_field_write(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v,
		     const struct armvirt_vgic_vcpu *self, enum irq_field f, uint32_t first_intid,
		     unsigned count, uint32_t value, struct armvirt_vgic_kicks *kicks);
uint32_t idreg_read(const struct armvirt_vgic *d, uint32_t off);

#endif /* ARMVIRT_VGIC_INTERNAL_H */

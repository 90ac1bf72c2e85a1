/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The guest's interrupts: lib/vgic for the virtual GIC, the glue that
 * hands it lib/vtimer's timer lines and the UART's line, and the kicks
 * that make another CPU look at a vCPU.
 *
 * The virtual GIC is the same model as the machine's (a GICv2 guest on
 * GICv2 list registers, its GICC backed by the GICV frame stage 2 maps; a
 * GICv3 guest on the ICH_* registers), with 64 SPIs (INTIDs 32-95: the
 * UART's 33, the virtio-mmio transports' 48-79).
 *
 * Timers: lib/vtimer_vgic hands each vCPU's timer lines to the vGIC
 * (virq_timer_sync()): the level of each guest timer PPI, the link of a
 * hardware-backed timer's virtual interrupt to its host PPI while the
 * vCPU is loaded, so the guest's deactivation ends the physical one, and
 * which host PPIs to make active or inactive, which gic.c then writes. EL2
 * takes a hardware timer's PPI with a priority drop only (EOImode 1) and
 * tells the glue.
 */
#include <armvirt/err.h>
#include <armvirt/port.h>
#include <armvirt/vgic.h>
#include <armvirt/vtimer_vgic.h>

#include "vm.h"

#define NR_SPIS 64u

static struct armvirt_vgic gic;
static struct armvirt_vgic_vcpu gic_vcpus[MAX_VCPUS];
static struct armvirt_vgic_irq gic_spis[NR_SPIS];

/* The host PPI of each timer backed by hardware while loaded (0: software only). */
static uint32_t hw_ppi[ARMVIRT_VTIMER_NR];

int virq_init(const struct machine *m, unsigned nvcpus)
{
	struct armvirt_vgic_config cfg = {
		.model = m->gic_version == 3 ? ARMVIRT_VGIC_V3 : ARMVIRT_VGIC_V2,
		.cpuif = m->gic_version == 3 ? ARMVIRT_VGIC_CPUIF_ICH : ARMVIRT_VGIC_CPUIF_GICH,
		.gicd_base = armvirt_ipa(GUEST_GICD_IPA),
		.gicr_base = armvirt_ipa(GUEST_GICR_IPA),
		.iidr = ARMVIRT_VGIC_IIDR_DEFAULT,
	};
	int err;

	if (m->gic_version == 2) {
		if (!m->gich || !m->gicv)
			return ARMVIRT_ENOTSUP; /* no virtualization extensions */
		armvirt_port_set_gich_base(armvirt_va((const void *)(uintptr_t)m->gich));
	}
	err = armvirt_vgic_init(&gic, &cfg, gic_vcpus, nvcpus, gic_spis, NR_SPIS);
	for (unsigned i = 0; err == 0 && i < nvcpus; i++)
		err = armvirt_vgic_set_affinity(&gic, i, VCPU_MPIDR(i));
	for (unsigned i = 0; err == 0 && i < nvcpus; i++)
		err = armvirt_vtimer_vgic_init(&vm.vcpus[i].timer_glue, &vm.vcpus[i].timer, &gic,
					       i);
	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++)
		if (armvirt_vtimer_vm_mode(&vm.timer, t) != ARMVIRT_VTIMER_MODE_TRAP_SW)
			hw_ppi[t] = vm.timer_cfg.hw_intid[t];
	return err;
}

void virq_cpu_init(struct pcpu *p)
{
	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++)
		if (hw_ppi[t])
			gic_enable(p->id, hw_ppi[t], false);
}

bool virq_is_hw_timer(uint32_t intid)
{
	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++)
		if (hw_ppi[t] && hw_ppi[t] == intid)
			return true;
	return false;
}

/* Out of line: the callers' common case, no kick, needs no frame for it. */
__attribute__((noinline)) void virq_kick(struct pcpu *p, const struct armvirt_vgic_kicks *k)
{
	/* The vCPUs in the set (bit n: vCPU n), all in its first word. */
	_Static_assert(MAX_VCPUS <= 64, "a kick set's first word holds every vCPU");
	for (uint64_t m = k->bits[0] & ((1ull << vm.nvcpus) - 1); m != 0; m &= m - 1) {
		struct vcpu *t = &vm.vcpus[__builtin_ctzll(m)];

		if (t->home != p)
			sched_kick(t);
		else if (t != p->current && vcpu_state(t) != VCPU_OFF)
			/* A vCPU waiting here has an interrupt: let it run now (the sender
			 * of an IPI usually waits for its answer). */
			p->wake_local = true;
	}
}

/*
 * A vCPU's timer lines to the vGIC, through lib/vtimer_vgic, and the host
 * PPIs' active state as it asks; @taken: host timer PPIs EL2 has just
 * acknowledged and priority-dropped (bit n: INTID n).
 */
void virq_timer_sync(struct pcpu *p, struct vcpu *v, uint32_t taken)
{
	struct armvirt_vtimer_vgic_phys phys;
	struct armvirt_vgic_kicks k;
	int r;

	armvirt_vgic_kicks_clear(&k);
	r = armvirt_vtimer_vgic_update(&v->timer_glue, taken, &k, &phys);
	if (r < 0)
		hyp_panic("vCPU %u: timer lines to the vGIC failed", v->id);
	gic_set_active_mask(p->id, phys.activate, phys.deactivate);
	if (r > 0) /* 1: the set is not empty */
		virq_kick(p, &k);
}

void virq_hw_timer_fired(struct pcpu *p, struct vcpu *running, uint32_t intid)
{
	gic_eoi(intid); /* priority drop; the guest's deactivation (or the glue) ends it */
	if (running)
		virq_timer_sync(p, running, 1u << intid);
	else
		gic_deactivate(intid); /* signalled before the put: nobody's */
}

void virq_vcpu_load(struct pcpu *p, struct vcpu *v)
{
	if (armvirt_vgic_vcpu_load(&gic, v->id) != 0)
		hyp_panic("vCPU %u: vGIC load failed", v->id);
	virq_timer_sync(p, v, 0);
}

void virq_vcpu_put(struct pcpu *p, struct vcpu *v)
{
	if (armvirt_vgic_vcpu_put(&gic, v->id) != 0)
		hyp_panic("vCPU %u: vGIC put failed", v->id);
	virq_timer_sync(p, v, 0);
}

void virq_enter(struct pcpu *p, struct vcpu *v)
{
	struct armvirt_vgic_kicks k;
	int r;

	armvirt_vgic_kicks_clear(&k);
	r = armvirt_vgic_vcpu_fill(&gic, v->id, &k);
	if (r < 0)
		hyp_panic("vCPU %u: vGIC fill failed", v->id);
	if (r > 0) /* 1: the set is not empty */
		virq_kick(p, &k);
}

void virq_exit(struct pcpu *p, struct vcpu *v)
{
	struct armvirt_vgic_kicks k;
	int r;

	armvirt_vgic_kicks_clear(&k);
	r = armvirt_vgic_vcpu_sync(&gic, v->id, &k);
	if (r < 0)
		hyp_panic("vCPU %u: vGIC sync failed", v->id);
	if (r > 0)
		virq_kick(p, &k);
}

bool virq_pending(struct vcpu *v)
{
	return armvirt_vgic_vcpu_pending(&gic, v->id) == 1;
}

/*
 * A GIC access by @v, running on @p: in the exit loop (between sync and
 * fill), or on the fast path with @v still in the guest (see exits.c).
 * Kicks the other vCPUs; returns 1 when @v itself is in the set, i.e. when
 * on the fast path it must be synced and filled before it resumes, else 0,
 * or the vGIC's error (ARMVIRT_EBUSY: on the fast path, make the access in
 * the loop). A register access rarely kicks: out of line, so that the
 * common one needs no more than the set.
 */
__attribute__((noinline)) static int virq_kicked(struct pcpu *p, struct vcpu *v,
						 const struct armvirt_vgic_kicks *k)
{
	virq_kick(p, k);
	return armvirt_vgic_kicks_test(k, v->id) ? 1 : 0;
}

int virq_mmio(struct pcpu *p, struct vcpu *v, struct armvirt_mmio_access *acc)
{
	struct armvirt_vgic_kicks k;
	int r;

	armvirt_vgic_kicks_clear(&k);
	r = armvirt_vgic_mmio(&gic, v->id, acc, &k);
	return r > 0 ? virq_kicked(p, v, &k) : r;
}

int virq_sysreg(struct pcpu *p, struct vcpu *v, struct armvirt_sysreg_access *acc)
{
	struct armvirt_vgic_kicks k;
	int r;

	armvirt_vgic_kicks_clear(&k);
	r = armvirt_vgic_sysreg(&gic, v->id, acc, &k);
	if (r > 0) { /* the common case for an SGI: in line */
		virq_kick(p, &k);
		r = armvirt_vgic_kicks_test(&k, v->id) ? 1 : 0;
	}
	return r;
}

void virq_set_spi(struct pcpu *p, uint32_t intid, bool level)
{
	struct armvirt_vgic_kicks k;

	armvirt_vgic_kicks_clear(&k);
	if (armvirt_vgic_set_level(&gic, 0, intid, level, &k) > 0)
		virq_kick(p, &k);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Scheduling: every physical CPU runs the vCPUs whose home it is,
 * round-robin. A vCPU runs until it blocks (WFI), yields, turns itself off
 * or, when other vCPUs share the CPU, its time slice ends: the EL2
 * physical timer (CNTHP, PPI 26) is armed for the earliest of the slice's
 * end and the timer deadlines lib/vtimer reports for the CPU's vCPUs. A
 * CPU with nothing to run waits in WFI with interrupts masked at EL2 (an
 * interrupt still ends the WFI) and then polls the GIC.
 *
 * Another CPU that changes something a vCPU must see (PSCI CPU_ON, an
 * interrupt for it) kicks its home CPU with an SGI: if that CPU is in the
 * guest, the SGI makes the guest exit; if it is idle, it wakes it up.
 */
#include <armvirt/port.h>

#include "vm.h"

static uint64_t now(void)
{
	armvirt_port_isb();
	return armvirt_port_read_cntpct_el0();
}

void sched_kick(struct vcpu *v)
{
	struct pcpu *self = (struct pcpu *)(uintptr_t)armvirt_port_read_tpidr_el2();

	if (v->home != self)
		gic_send_sgi(v->home->id, SGI_KICK);
}

/*
 * After a kick or a timer deadline: does a vCPU of this CPU other than the
 * running one want to run now (turned on, or an interrupt woke it)? Then
 * the running one yields at once rather than at its slice's end.
 */
static void check_siblings(struct pcpu *p)
{
	for (unsigned i = 0; i < p->nvcpus; i++) {
		struct vcpu *u = p->vcpus[i];
		uint32_t st = vcpu_state(u);
		if (u == p->current || !p->current)
			continue;
		if (st == VCPU_ON_PENDING || (st == VCPU_BLOCKED && vcpu_wakeup_pending(p, u)))
			p->wake_local = true;
	}
}

/*
 * The maintenance interrupt of the running vCPU @v, after the vGIC's sync.
 * The guest may have ended a timer interrupt it was given as a software one
 * (active when its timer became hardware-backed) after disabling or
 * reprogramming its DIRECT timer, which EL2 does not see: the sync
 * re-sampled a line the glue last saw high. The glue reads the timers
 * again, which withdraws the interrupt and links it now that it is
 * inactive; without this the guest would take it again at each EOI until
 * the next update.
 */
static void maint_timer_sync(struct pcpu *p, struct vcpu *v)
{
	virq_timer_sync(p, v, 0);
}

/* One acknowledged interrupt, in the loop: whatever it asks for, then its end. */
static void host_irq(struct pcpu *p, uint32_t iar)
{
	uint32_t intid = gic_intid(iar);

	p->timer_dirty = true; /* CNTHP fired or a vCPU of this CPU may have changed */
	if (virq_is_hw_timer(intid)) {
		/* A timer linked to its vCPU's virtual interrupt (virq.c). */
		virq_hw_timer_fired(p, p->current, intid);
		return;
	}
	if (intid == PPI_HYP_TIMER) {
		/* A slice's end or a timer deadline: re-armed before the next entry. */
		armvirt_vtimer_hyp_disarm();
		for (unsigned i = 0; i < p->nvcpus; i++)
			if (vcpu_state(p->vcpus[i]) != VCPU_OFF)
				virq_timer_sync(p, p->vcpus[i], 0);
		check_siblings(p);
	} else if (intid == SGI_KICK) {
		check_siblings(p);
	} else if (intid == vm.uart_intid) {
		vdev_console_input();
		vdev_uart_line_sync(p);
	} else if (intid == vm.maint_intid) {
		if (p->current)
			maint_timer_sync(p, p->current);
	} else {
		hyp_printf("armvirt-hyp: CPU %u: unexpected interrupt %u\n", p->id, intid);
	}
	/* Beyond the above, the work of a kick or a maintenance interrupt is the exit it caused. */
	gic_eoi(iar);
	gic_deactivate(iar);
}

void sched_handle_host_irqs(struct pcpu *p)
{
	if (p->irq_held) {
		/* Acknowledged on the fast path, which left it to the loop. */
		p->irq_held = false;
		p->irqs++;
		host_irq(p, p->held_iar);
	}
	for (;;) {
		uint32_t iar = gic_ack();

		if (gic_intid(iar) >= GIC_SPURIOUS)
			return;
		p->irqs++;
		host_irq(p, iar);
	}
}

/*
 * The exit fast path's share (exits.c): acknowledge one interrupt and handle
 * it when the exit it caused is all it asks for, between the vGIC's sync and
 * fill of the running vCPU @v: a kick (another CPU gave @v an interrupt, or
 * turned on or woke a vCPU of this CPU: then p->wake_local), @v's hardware
 * timer, the maintenance interrupt. false: any other, held for
 * sched_handle_host_irqs(), with nothing done; the loop must run.
 */
bool sched_irq_fast(struct pcpu *p, struct vcpu *v)
{
	uint32_t iar = gic_ack(), intid = gic_intid(iar);
	bool timer;

	if (intid >= GIC_SPURIOUS)
		return true; /* withdrawn since it was signalled */
	timer = intid != SGI_KICK && virq_is_hw_timer(intid);
	if (!timer && intid != SGI_KICK && intid != vm.maint_intid) {
		p->held_iar = iar;
		p->irq_held = true;
		return false;
	}
	p->irqs++;
	virq_exit(p, v);
	if (timer) {
		/* Only a loaded vCPU's timer is linked, and its firing leaves
		 * every deadline CNTHP waits for as it was. */
		virq_hw_timer_fired(p, v, intid);
	} else {
		if (intid == SGI_KICK)
			check_siblings(p);
		else
			maint_timer_sync(p, v);
		gic_eoi(iar);
		gic_deactivate(iar);
	}
	virq_enter(p, v);
	return true;
}

/* Other vCPUs on this CPU that may want it: then the running one gets time slices. */
static bool cpu_shared(const struct pcpu *p, const struct vcpu *v)
{
	for (unsigned i = 0; i < p->nvcpus; i++)
		if (p->vcpus[i] != v && vcpu_state(p->vcpus[i]) != VCPU_OFF)
			return true;
	return false;
}

/*
 * Arm CNTHP for the earliest event this CPU must act on (recomputed only
 * when something it depends on changed: p->timer_dirty): the slice's end,
 * a software timer of the running vCPU (@running, loaded), or any timer of
 * its other vCPUs (not loaded, so lib/vtimer counts all their timers).
 */
static void arm_hyp_timer(struct pcpu *p, struct vcpu *running)
{
	uint64_t earliest = p->slice_end ? p->slice_end : UINT64_MAX, d;

	for (unsigned i = 0; i < p->nvcpus; i++) {
		struct vcpu *u = p->vcpus[i];
		if (u != running && vcpu_state(u) == VCPU_OFF)
			continue;
		if (armvirt_vtimer_next_deadline(&u->timer, &d) == 1 && d < earliest)
			earliest = d;
	}
	if (earliest == UINT64_MAX)
		armvirt_vtimer_hyp_disarm();
	else
		armvirt_vtimer_hyp_arm(earliest);
}

/* The next vCPU to run, round-robin; resets vCPUs that PSCI CPU_ON started. */
static struct vcpu *pick(struct pcpu *p)
{
	for (unsigned k = 0; k < p->nvcpus; k++) {
		unsigned i = (p->next + k) % p->nvcpus;
		struct vcpu *v = p->vcpus[i];

		switch (vcpu_state(v)) {
		case VCPU_ON_PENDING:
			spin_lock(&v->lock);
			vcpu_reset(p, v, v->on_entry, v->on_context);
			vcpu_set_state(v, VCPU_RUNNABLE);
			spin_unlock(&v->lock);
			break;
		case VCPU_BLOCKED:
			if (!vcpu_wakeup_pending(p, v))
				continue;
			vcpu_set_state(v, VCPU_RUNNABLE);
			break;
		case VCPU_RUNNABLE:
			break;
		default:
			continue;
		}
		p->next = i + 1;
		return v;
	}
	return NULL;
}

/*
 * Nothing to run: sleep until a timer deadline or an interrupt. CNTHP is
 * armed first and the blocked vCPUs checked after: a timer whose deadline
 * passes in between is then either seen here (its line is up) or makes
 * CNTHP fire at once (its deadline is in the past); lib/vtimer gives no
 * deadline for a line already up, so the other order could sleep forever.
 */
static void idle(struct pcpu *p)
{
	p->slice_end = 0;
	arm_hyp_timer(p, NULL);
	for (unsigned i = 0; i < p->nvcpus; i++)
		if (vcpu_state(p->vcpus[i]) == VCPU_BLOCKED && vcpu_wakeup_pending(p, p->vcpus[i]))
			return;
	__asm__ volatile("dsb sy; wfi" ::: "memory");
	p->idle_wakeups++;
	sched_handle_host_irqs(p);
}

static enum run_action run(struct pcpu *p, struct vcpu *v)
{
	enum run_action act;
	unsigned exits = 0;
	int kind;

	if (armvirt_switch_vcpu_load(&p->sw, &v->arch) != 0 ||
	    armvirt_vtimer_vcpu_load(&v->timer) != 0)
		hyp_panic("CPU %u: vCPU %u cannot be loaded", p->id, v->id);
	virq_vcpu_load(p, v);
	p->current = v;
	p->slice_end = cpu_shared(p, v) ? now() + vm.slice_ticks : 0;
	p->wake_local = false;
	v->slices++;
	p->timer_dirty = true;
	do {
		if (p->timer_dirty) {
			p->timer_dirty = false;
			arm_hyp_timer(p, v);
		}
		virq_enter(p, v);
		kind = armvirt_switch_run(&p->sw, &v->arch);
		if (kind < 0)
			hyp_panic("CPU %u: run: %d", p->id, kind);
		virq_exit(p, v);
		act = exit_handle(p, v, kind);
		if (p->wake_local && act == RUN_CONTINUE)
			act = RUN_YIELD; /* an interrupt woke another vCPU of this CPU */
		p->wake_local = false;
		if (!p->slice_end && cpu_shared(p, v)) {
			p->slice_end = now() + vm.slice_ticks; /* another vCPU here was turned on */
			p->timer_dirty = true;
		}
		if (act == RUN_CONTINUE && p->slice_end && now() >= p->slice_end)
			act = RUN_YIELD;
		if (act == RUN_CONTINUE && vm.switch_every && ++exits >= vm.switch_every)
			act = RUN_YIELD;
	} while (act == RUN_CONTINUE);
	p->current = NULL;
	if (armvirt_vtimer_vcpu_put(&v->timer) != 0)
		hyp_panic("CPU %u: vCPU %u cannot be put", p->id, v->id);
	virq_vcpu_put(p, v);

	switch (act) {
	case RUN_BLOCK:
		v->blocks++;
		vcpu_set_state(v, VCPU_BLOCKED);
		break;
	case RUN_YIELD:
		break;
	case RUN_OFF:
		vcpu_set_state(v, VCPU_OFF);
		for (unsigned i = 0; i < vm.nvcpus; i++)
			if (vcpu_state(&vm.vcpus[i]) != VCPU_OFF)
				return act;
		/* Nothing can turn a vCPU on again: the guest is dead. */
		hyp_printf("armvirt-hyp: every vCPU is off\n");
		hyp_poweroff(3);
	default:
		break;
	}
	return act;
}

__attribute__((noreturn)) void sched_loop(struct pcpu *p)
{
	struct vcpu *prev = NULL;
	enum run_action act = RUN_CONTINUE;

	for (;;) {
		struct vcpu *v = pick(p);

		if (!v) {
			idle(p);
			prev = NULL;
			continue;
		}
		/*
		 * A vCPU that yielded (WFE, a spin loop's hint) and is still the
		 * only one to run is waiting for another CPU: tell the machine
		 * too. (On SMT hardware YIELD lends the core to a sibling; under
		 * QEMU's round-robin TCG it lets the other CPUs run.)
		 */
		if (v == prev && act == RUN_YIELD)
			__asm__ volatile("yield");
		act = run(p, v);
		prev = v;
	}
}

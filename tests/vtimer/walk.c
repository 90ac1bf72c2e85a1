/* SPDX-License-Identifier: BSD-3-Clause */
#include <armvirt/err.h>
#include <armvirt/port.h>

#include "arch.h"
#include "model.h"
#include "walk.h"

struct walk {
	const struct walk_config *cfg;
	const struct walk_ops *ops;
	struct walk_stats *st;
	struct model m;
	struct armvirt_vtimer_vm vm;
	struct armvirt_vtimer_vcpu vcpu[MODEL_VCPUS];
	int loaded; /* index of the vCPU on this CPU, or -1 */
	/* The guest counter wrapped while a TRAP_HW alarm was armed (see below). */
	bool alarm_stale[MODEL_TIMERS];
	uint64_t rng;
	const uint8_t *in; /* choices from a fuzzer, when not NULL */
	size_t in_left;
	unsigned step;
	bool failed;
};

/* The next choice: the fuzzer's bytes, or splitmix64. */
static uint64_t rnd(struct walk *w)
{
	if (w->in) {
		uint64_t v = 0;
		for (unsigned i = 0; i < 8 && w->in_left; i++, w->in_left--)
			v |= (uint64_t)*w->in++ << (8 * i);
		return v;
	}
	uint64_t z = (w->rng += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static uint64_t below(struct walk *w, uint64_t n)
{
	return n ? rnd(w) % n : 0;
}

static bool check(struct walk *w, bool ok, const char *what)
{
	if (!ok && !w->failed) {
		w->failed = true;
		w->ops->fail(w->ops->ctx, what, w->step);
	}
	return ok;
}

static const uint32_t ctl_enc[MODEL_TIMERS] = { A_CNTV_CTL, A_CNTP_CTL };
static const uint32_t cval_enc[MODEL_TIMERS] = { A_CNTV_CVAL, A_CNTP_CVAL };
static const uint32_t tval_enc[MODEL_TIMERS] = { A_CNTV_TVAL, A_CNTP_TVAL };
static const uint32_t counter_enc[4] = { A_CNTVCT, A_CNTPCT, A_CNTVCTSS, A_CNTPCTSS };

static void advance(struct walk *w, uint64_t dt)
{
	uint64_t before = model_guest_now(&w->m);

	w->ops->advance(w->ops->ctx, dt);
	w->m.host += dt;
	/*
	 * A TRAP_HW alarm is computed in host time when programmed; if the
	 * guest counter wraps afterwards, the guest condition turns false
	 * again while the alarm stays met. vtimer.h documents this; the
	 * hardware-line check is suspended until the alarm is reprogrammed.
	 */
	if (model_guest_now(&w->m) < before) {
		w->st->guest_wraps++;
		if (w->loaded >= 0)
			w->alarm_stale[0] = w->alarm_stale[1] = true;
	}
}

static uint64_t guest_value(struct walk *w)
{
	uint64_t now = model_guest_now(&w->m);

	switch (below(w, 6)) {
	case 0:
		return now + below(w, 64) - 32;
	case 1:
		return now + below(w, 1u << 20);
	case 2:
		return 0;
	case 3:
		return UINT64_MAX - below(w, 4);
	case 4:
		return now;
	default:
		return rnd(w);
	}
}

static void guest_op(struct walk *w)
{
	unsigned cpu = (unsigned)w->loaded, t = (unsigned)below(w, MODEL_TIMERS);
	struct armvirt_sysreg_access acc = { 0 };
	unsigned op = (unsigned)below(w, 7);
	int ret;

	acc.rt = (uint8_t)below(w, 31);
	acc.is_write = op < 3;
	switch (op) {
	case 0:
		acc.enc = ctl_enc[t];
		/* ISTATUS and RES0 bits set at random must be ignored. */
		acc.data = below(w, 8) | (below(w, 2) << 40);
		break;
	case 1:
		acc.enc = cval_enc[t];
		acc.data = guest_value(w);
		break;
	case 2:
		acc.enc = tval_enc[t];
		acc.data = (below(w, 2) ? rnd(w) : below(w, 64) - 32) ^ (below(w, 2) << 45);
		break;
	case 3:
		acc.enc = ctl_enc[t];
		break;
	case 4:
		acc.enc = cval_enc[t];
		break;
	case 5:
		acc.enc = tval_enc[t];
		break;
	default:
		acc.enc = counter_enc[below(w, 4)];
		break;
	}
	ret = w->ops->guest_access(w->ops->ctx, &w->vcpu[cpu], &acc);
	if (!check(w, ret == ARMVIRT_OK, "guest access failed"))
		return;
	if (acc.is_write) {
		w->st->guest_writes++;
		w->alarm_stale[t] = false;
		if (op == 0)
			model_write_ctl(&w->m, cpu, t, acc.data);
		else if (op == 1)
			model_write_cval(&w->m, cpu, t, acc.data);
		else
			model_write_tval(&w->m, cpu, t, acc.data);
		return;
	}
	w->st->guest_reads++;
	if (op == 3)
		check(w, acc.data == model_read_ctl(&w->m, cpu, t), "CTL read");
	else if (op == 4)
		check(w, acc.data == w->m.cval[cpu][t], "CVAL read");
	else if (op == 5)
		check(w, acc.data == model_read_tval(&w->m, cpu, t), "TVAL read");
	else
		check(w, acc.data == model_guest_now(&w->m), "counter read");
}

static void switch_op(struct walk *w)
{
	if (w->loaded >= 0) {
		check(w, armvirt_vtimer_vcpu_put(&w->vcpu[w->loaded]) == ARMVIRT_OK, "put");
		w->loaded = -1;
		w->st->puts++;
		return;
	}
	unsigned cpu = (unsigned)below(w, MODEL_VCPUS);
	int ret = armvirt_vtimer_vcpu_load(&w->vcpu[cpu]);
	if (w->m.paused) {
		check(w, ret == ARMVIRT_EPERM, "load while paused");
		return;
	}
	if (check(w, ret == ARMVIRT_OK, "load")) {
		w->loaded = (int)cpu;
		w->alarm_stale[0] = w->alarm_stale[1] = false;
		w->st->loads++;
	}
}

static void vm_op(struct walk *w)
{
	bool busy = w->loaded >= 0;
	int ret;

	switch (below(w, 3)) {
	case 0:
		ret = armvirt_vtimer_vm_pause(&w->vm);
		if (w->m.paused)
			check(w, ret == ARMVIRT_EPERM, "pause twice");
		else if (busy)
			check(w, ret == ARMVIRT_EBUSY, "pause while loaded");
		else if (check(w, ret == ARMVIRT_OK, "pause")) {
			model_pause(&w->m);
			w->st->pauses++;
		}
		break;
	case 1:
		ret = armvirt_vtimer_vm_resume(&w->vm);
		if (!w->m.paused)
			check(w, ret == ARMVIRT_EPERM, "resume unpaused");
		else if (check(w, ret == ARMVIRT_OK, "resume"))
			model_resume(&w->m);
		break;
	default: {
		/* Values near 2^64 make the guest counter wrap soon. */
		uint64_t v = below(w, 2) ? UINT64_MAX - below(w, 1u << 12) : guest_value(w);
		ret = armvirt_vtimer_vm_set_counter(&w->vm, v);
		if (busy)
			check(w, ret == ARMVIRT_EBUSY, "set counter while loaded");
		else if (check(w, ret == ARMVIRT_OK, "set counter")) {
			model_set_counter(&w->m, v);
			w->st->counter_sets++;
		}
		break;
	}
	}
}

/* Does @t of @cpu count for armvirt_vtimer_next_deadline() now? */
static bool deadline_counts(const struct walk *w, unsigned cpu, unsigned t)
{
	return w->loaded != (int)cpu || w->vm.mode[t] == ARMVIRT_VTIMER_MODE_TRAP_SW;
}

static void check_deadline(struct walk *w, unsigned cpu)
{
	uint64_t d = 0;
	int r = armvirt_vtimer_next_deadline(&w->vcpu[cpu], &d);
	bool any_before = false, one_at = false, can_fire = false;

	for (unsigned t = 0; t < MODEL_TIMERS; t++) {
		uint64_t ctl = w->m.ctl[cpu][t];
		if (!deadline_counts(w, cpu, t) || model_level(&w->m, cpu, t))
			continue;
		if ((ctl & A_CTL_ENABLE) && !(ctl & A_CTL_IMASK))
			can_fire = true;
		if (r == 1) {
			any_before |= d > w->m.host && model_level_at(&w->m, cpu, t, d - 1);
			one_at |= d == UINT64_MAX || model_level_at(&w->m, cpu, t, d);
		}
	}
	if (w->m.paused && w->m.freeze)
		can_fire = false;
	if (!check(w, r == (can_fire ? 1 : 0), "deadline exists iff a timer can assert"))
		return;
	if (r == 1) {
		w->st->deadlines++;
		check(w, d > w->m.host, "deadline in the future");
		check(w, one_at, "a line asserts at the deadline");
		check(w, !any_before, "no line asserts before the deadline");
	}
}

static void check_all(struct walk *w)
{
	bool hw_line[MODEL_TIMERS];

	/* Sample the hardware first: the machine updates ISTATUS as it does so. */
	for (unsigned t = 0; t < MODEL_TIMERS; t++)
		hw_line[t] = w->ops->hw_line(w->ops->ctx, t);
	for (unsigned cpu = 0; cpu < MODEL_VCPUS && !w->failed; cpu++) {
		struct armvirt_vtimer_lines l;
		bool loaded = w->loaded == (int)cpu;

		check(w, armvirt_vtimer_lines(&w->vcpu[cpu], &l) == ARMVIRT_OK, "lines");
		for (unsigned t = 0; t < MODEL_TIMERS; t++) {
			bool level = model_level(&w->m, cpu, t);
			enum armvirt_vtimer_mode mode = w->vm.mode[t];
			bool hw = loaded && mode != ARMVIRT_VTIMER_MODE_TRAP_SW;

			w->st->lines_asserted += level;
			check(w, l.line[t].level == level, "line level");
			check(w, l.line[t].hw == hw, "line HW link");
			check(w, l.line[t].intid == (t ? 30u : 27u), "line INTID");
			if (hw && !(mode == ARMVIRT_VTIMER_MODE_TRAP_HW && w->alarm_stale[t]))
				check(w, hw_line[t] == level,
				      "hardware timer agrees with the model");
			if (!hw && loaded)
				check(w, !hw_line[t], "unused hardware timer stays quiet");
		}
		check_deadline(w, cpu);
	}
	if (w->loaded < 0)
		for (unsigned t = 0; t < MODEL_TIMERS; t++)
			check(w, !hw_line[t], "no hardware timer fires with no vCPU loaded");
}

/* Time steps: mostly small, sometimes large, sometimes onto a deadline's edge. */
static void time_op(struct walk *w)
{
	uint64_t d;

	switch (below(w, 5)) {
	case 0:
		advance(w, below(w, 4));
		break;
	case 1:
		advance(w, below(w, 2000));
		break;
	case 2:
		advance(w, below(w, UINT64_C(1) << 34));
		break;
	default: {
		unsigned cpu = (unsigned)below(w, MODEL_VCPUS);
		if (armvirt_vtimer_next_deadline(&w->vcpu[cpu], &d) == 1 && d != UINT64_MAX &&
		    d > w->m.host)
			advance(w, d - w->m.host - below(w, 2));
		else
			advance(w, below(w, 100));
		break;
	}
	}
}

int walk_run(const struct walk_config *cfg, const struct walk_ops *ops, struct walk_stats *stats)
{
	static struct walk w; /* large: not on the stack */
	struct armvirt_vtimer_config vc;

	w = (struct walk){ 0 };
	w.cfg = cfg;
	w.ops = ops;
	w.st = stats;
	w.rng = cfg->seed;
	w.in = cfg->input;
	w.in_left = cfg->input_len;
	w.loaded = -1;
	*stats = (struct walk_stats){ 0 };

	armvirt_vtimer_config_default(&vc);
	vc.mode[0] = cfg->mode[0];
	vc.mode[1] = cfg->mode[1];
	vc.pause = cfg->pause;
	vc.counter = cfg->counter;
	model_init(&w.m, armvirt_port_read_cntpct_el0(), cfg->counter,
		   cfg->pause == ARMVIRT_VTIMER_PAUSE_FREEZE);
	if (!check(&w, armvirt_vtimer_vm_init(&w.vm, &vc) == ARMVIRT_OK, "vm init"))
		return -1;
	for (unsigned i = 0; i < MODEL_VCPUS; i++)
		check(&w, armvirt_vtimer_vcpu_init(&w.vcpu[i], &w.vm) == ARMVIRT_OK, "vcpu init");

	for (w.step = 0; w.step < cfg->steps && !w.failed && (!w.in || w.in_left); w.step++) {
		unsigned op = (unsigned)below(&w, 20);
		if (op < 6)
			time_op(&w);
		else if (op < 9)
			switch_op(&w);
		else if (op < 18 && w.loaded >= 0)
			guest_op(&w);
		else if (op >= 18)
			vm_op(&w);
		check_all(&w);
		stats->steps++;
	}
	return w.failed ? -1 : 0;
}

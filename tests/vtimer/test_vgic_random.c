/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Randomized test of the timer-to-vGIC glue: random sequences of guest timer
 * programming, the guest taking and ending interrupts, time passing,
 * scheduling out and in, the EL2 timer and counter changes while out, in
 * every combination of timer modes, on GICv3 and GICv2 list registers, with
 * four list registers and with one, in EOImode 0 and 1. After every exit the
 * vGIC's view is checked against the reference timer model (model.c) with
 * rig_check(); throughout, the rig checks that every host PPI the guest
 * deactivates was active, that EL2 is never stormed and that the glue asks
 * only for changes of the host PPIs' active state.
 *
 * Guest counters stay far from 2^64 here: a TRAP_HW alarm is computed in
 * host time when programmed, and a guest counter that wraps under an armed
 * alarm leaves it met while the guest's condition is not (docs/vtimer.md,
 * "The alarm and wrap"); the glue then hands each such host PPI back and it
 * fires again until the next trapped access or load reprograms the alarm.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "arch.h"
#include "machine.h"
#include "model.h"
#include "rig.h"

#define SEEDS 3
#define STEPS 1500
#define MAX_ACKED 4

struct walk {
	struct model m;
	uint64_t rng;
	unsigned acked[MAX_ACKED]; /* INTIDs the guest took and has not ended, newest last */
	unsigned nacked;
	unsigned step;
};

/* What the walks did, to show they covered the ground. */
struct stats {
	unsigned checks, el2_takes, guest_hw_ends, sw_pending, deferred_links, loads;
};

static struct stats st;
static char current[96];  /* the walk under way, for a failure report */
static unsigned cur_step; /* its step */
static bool walking;

static uint64_t rnd(struct walk *w)
{
	uint64_t z = (w->rng += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static uint64_t below(struct walk *w, uint64_t n)
{
	return rnd(w) % n;
}

static void check(struct walk *w)
{
	bool level[ARMVIRT_VTIMER_NR];

	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++) {
		struct armvirt_vgic_irq_info info = rig_irq(t ? 30 : 27);

		level[t] = model_level(&w->m, 0, t);
		st.sw_pending += info.pending && !info.hw;
		st.deferred_links += rig.loaded && info.active && !info.hw &&
				     armvirt_vtimer_vm_mode(&rig.vm, (enum armvirt_vtimer_id)t) !=
					     ARMVIRT_VTIMER_MODE_TRAP_SW;
	}
	rig_check(level);
	st.checks++;
}

static void advance(struct walk *w, uint64_t dt)
{
	w->m.host += dt;
	if (rig.loaded)
		rig_advance(dt);
	else
		machine_advance(dt);
}

/* Time: a few ticks, many, or up to (or just short of) the next compare value. */
static void time_op(struct walk *w)
{
	uint64_t now = model_guest_now(&w->m), next = UINT64_MAX;

	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++) {
		if (w->m.cval[0][t] > now && w->m.cval[0][t] < next)
			next = w->m.cval[0][t];
	}
	switch (below(w, 4)) {
	case 0:
		advance(w, below(w, 4));
		break;
	case 1:
		advance(w, below(w, 3000));
		break;
	default:
		if (next - now < (UINT64_C(1) << 24))
			advance(w, next - now - below(w, 2));
		else
			advance(w, below(w, 100));
		break;
	}
}

static const uint32_t ctl_enc[2] = { A_CNTV_CTL, A_CNTP_CTL };
static const uint32_t cval_enc[2] = { A_CNTV_CVAL, A_CNTP_CVAL };
static const uint32_t tval_enc[2] = { A_CNTV_TVAL, A_CNTP_TVAL };

static void write_op(struct walk *w)
{
	unsigned t = (unsigned)below(w, 2);
	uint64_t now = model_guest_now(&w->m);
	int64_t delta = (int64_t)below(w, 4000) - 500;

	switch (below(w, 3)) {
	case 0: {
		/* Mostly enabled and unmasked; ISTATUS written as 1 at random. */
		static const uint64_t ctls[] = { 1, 1, 1, 3, 0, 5 };
		uint64_t v = ctls[below(w, 6)];
		rig_guest_write(ctl_enc[t], v);
		model_write_ctl(&w->m, 0, t, v);
		break;
	}
	case 1:
		rig_guest_write(cval_enc[t], now + (uint64_t)delta);
		model_write_cval(&w->m, 0, t, now + (uint64_t)delta);
		break;
	default:
		rig_guest_write(tval_enc[t], (uint64_t)delta);
		model_write_tval(&w->m, 0, t, (uint64_t)delta);
		break;
	}
}

static void read_op(struct walk *w)
{
	unsigned t = (unsigned)below(w, 2);

	if (below(w, 2))
		assert_int_equal(rig_guest_read(ctl_enc[t]), model_read_ctl(&w->m, 0, t));
	else
		assert_int_equal(rig_guest_read(tval_enc[t]), model_read_tval(&w->m, 0, t));
}

static void guest_ack(struct walk *w)
{
	unsigned iar;

	if (w->nacked == MAX_ACKED)
		return;
	iar = rig_guest_ack();
	if (iar == 1023)
		return;
	assert_true(iar == 27 || iar == 30);
	w->acked[w->nacked++] = iar;
}

static void guest_end(struct walk *w)
{
	unsigned before = sim_phys_deactivations();

	if (w->nacked == 0)
		return;
	rig_guest_end(w->acked[--w->nacked]);
	st.guest_hw_ends += sim_phys_deactivations() - before;
}

static void out_op(struct walk *w)
{
	switch (below(w, 6)) {
	case 0:
	case 1:
		time_op(w);
		rig_hyp_timer();
		check(w);
		break;
	case 2: {
		/* Restore a counter, forward or back, never near the wrap. */
		uint64_t v = model_guest_now(&w->m) + below(w, 6000) - 3000;
		assert_int_equal(armvirt_vtimer_vm_set_counter(&rig.vm, v), ARMVIRT_OK);
		model_set_counter(&w->m, v);
		rig_update(0);
		check(w);
		break;
	}
	default:
		/* Loaded on another CPU, or after another VM: the host PPIs may be in any state. */
		if (below(w, 2)) {
			rig.host_active[27] = below(w, 2);
			rig.host_active[30] = below(w, 2);
		}
		rig_load();
		st.loads++;
		check(w);
		break;
	}
}

static void in_op(struct walk *w)
{
	unsigned op = (unsigned)below(w, 20);

	if (op < 5)
		time_op(w);
	else if (op < 10)
		write_op(w);
	else if (op < 11)
		read_op(w);
	else if (op < 14)
		guest_ack(w);
	else if (op < 16)
		guest_end(w);
	else if (op < 19) {
		rig_bounce();
		check(w);
	} else {
		rig_put();
		check(w);
	}
}

struct walk_cfg {
	enum armvirt_vgic_model model;
	enum sim_format fmt;
	unsigned nr_lrs, eoimode, ecv;
	enum armvirt_vtimer_mode mode[2];
};

static void walk_one(const struct walk_cfg *c, uint64_t seed)
{
	static struct walk w;
	struct armvirt_vtimer_config cfg;
	uint64_t host;

	w = (struct walk){ 0 };
	w.rng = seed;
	host = rnd(&w) >> 4;
	armvirt_vtimer_config_default(&cfg);
	cfg.mode[0] = c->mode[0];
	cfg.mode[1] = c->mode[1];
	cfg.counter = rnd(&w) >> 2;
	rig_init(c->model, c->fmt, c->nr_lrs, c->ecv, host, &cfg, c->eoimode);
	model_init(&w.m, host, cfg.counter, true);
	walking = true;
	for (w.step = 0; w.step < STEPS; w.step++) {
		cur_step = w.step;
		if (rig.loaded)
			in_op(&w);
		else
			out_op(&w);
	}
	walking = false;
	st.el2_takes += rig.el2_takes;
}

/* After a failed check, say which walk and step to replay. */
static int report(void **state)
{
	(void)state;
	if (walking)
		print_error("failed walk: %s%u\n", current, cur_step);
	walking = false;
	return 0;
}

static const enum armvirt_vtimer_mode modes[] = {
	ARMVIRT_VTIMER_MODE_DIRECT,
	ARMVIRT_VTIMER_MODE_TRAP_HW,
	ARMVIRT_VTIMER_MODE_TRAP_SW,
};

static void walk_all(enum armvirt_vgic_model model, enum sim_format fmt, unsigned nr_lrs,
		     unsigned eoimode)
{
	st = (struct stats){ 0 };
	for (unsigned v = 0; v < 3; v++) {
		for (unsigned p = 0; p < 3; p++) {
			struct walk_cfg c = {
				model, fmt, nr_lrs, eoimode, 2, { modes[v], modes[p] }
			};
			for (unsigned s = 0; s < SEEDS; s++) {
				uint64_t seed = 0x61e0000u + s * 7919u + v * 131u + p * 17u +
						nr_lrs * 3u + eoimode + (unsigned)fmt * 5u;
				snprintf(current, sizeof(current), "seed %#llx, modes %u/%u, step ",
					 (unsigned long long)seed, v, p);
				walk_one(&c, seed);
			}
		}
	}
	print_message("%u checks, %u loads, %u EL2 takes, %u HW deactivations by the guest, %u "
		      "software-pending, %u deferred links\n",
		      st.checks, st.loads, st.el2_takes, st.guest_hw_ends, st.sw_pending,
		      st.deferred_links);
	/* The walks must have done what they claim to. */
	assert_true(st.checks > 9 * SEEDS * 100);
	assert_true(st.loads > 9 * SEEDS * 10);
	assert_true(st.el2_takes > 9 * SEEDS * 10);
	assert_true(st.guest_hw_ends > 9 * SEEDS * 5);
	assert_true(st.sw_pending > 9 * SEEDS * 5);
	assert_true(st.deferred_links > 0);
}

static void test_v3_four_lrs(void **state)
{
	(void)state;
	walk_all(ARMVIRT_VGIC_V3, SIM_ICH, 4, 0);
}

static void test_v3_one_lr(void **state)
{
	(void)state;
	walk_all(ARMVIRT_VGIC_V3, SIM_ICH, 1, 0);
}

static void test_v3_eoimode1(void **state)
{
	(void)state;
	walk_all(ARMVIRT_VGIC_V3, SIM_ICH, 4, 1);
}

static void test_v2_four_lrs(void **state)
{
	(void)state;
	walk_all(ARMVIRT_VGIC_V2, SIM_GICH, 4, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_v3_four_lrs, report),
		cmocka_unit_test_teardown(test_v3_one_lr, report),
		cmocka_unit_test_teardown(test_v3_eoimode1, report),
		cmocka_unit_test_teardown(test_v2_four_lrs, report),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Randomized test: lib/vtimer against the reference model over random
 * sequences of guest programming, switches, pauses, counter changes and
 * time, in every mode combination, both pause policies and three FEAT_ECV
 * levels. Each walk is reproducible from its seed (printed on failure).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "machine.h"
#include "walk.h"

#define SEEDS 12
#define STEPS 3000

static char failure[256];

static void on_advance(void *ctx, uint64_t ticks)
{
	(void)ctx;
	machine_advance(ticks);
}

static int on_access(void *ctx, struct armvirt_vtimer_vcpu *vcpu, struct armvirt_sysreg_access *acc)
{
	(void)ctx;
	return machine_guest_access(vcpu, acc);
}

static bool on_hw_line(void *ctx, unsigned t)
{
	(void)ctx;
	return machine_hw_line(t);
}

static void on_fail(void *ctx, const char *what, unsigned step)
{
	const struct walk_config *cfg = ctx;
	snprintf(failure, sizeof(failure), "%s at step %u (seed %#llx, modes %d/%d, pause %d)",
		 what, step, (unsigned long long)cfg->seed, cfg->mode[0], cfg->mode[1], cfg->pause);
}

/* Walk every seed for one configuration; return the summed statistics. */
static struct walk_stats walk_all(unsigned ecv, enum armvirt_vtimer_mode vmode,
				  enum armvirt_vtimer_mode pmode,
				  enum armvirt_vtimer_pause_policy pause)
{
	struct walk_stats sum = { 0 };
	unsigned traps = 0;

	for (unsigned s = 0; s < SEEDS; s++) {
		struct walk_config cfg = { { vmode, pmode }, pause, 0, 0, STEPS, NULL, 0 };
		struct walk_ops ops = { on_advance, on_access, on_hw_line, on_fail, &cfg };
		struct walk_stats st;

		cfg.seed = 0x5eed0000u + s * 7919u + ecv * 131u + (unsigned)vmode * 17u +
			   (unsigned)pmode * 3u + (unsigned)pause;
		/* Host and guest counters start anywhere, the guest possibly near wrap. */
		machine_reset((cfg.seed * 0x9e3779b97f4a7c15u) >> 4, ecv);
		cfg.counter = s % 3 == 0 ? UINT64_MAX - 5000 : cfg.seed * 0xbf58476d1ce4e5b9u;
		failure[0] = 0;
		if (walk_run(&cfg, &ops, &st) != 0)
			fail_msg("%s", failure);
		sum.steps += st.steps;
		sum.loads += st.loads;
		sum.guest_writes += st.guest_writes;
		sum.guest_reads += st.guest_reads;
		sum.pauses += st.pauses;
		sum.counter_sets += st.counter_sets;
		sum.deadlines += st.deadlines;
		sum.lines_asserted += st.lines_asserted;
		sum.guest_wraps += st.guest_wraps;
		traps += machine_trap_count();
	}
	/* The walks must have exercised what they claim to. */
	assert_int_equal(sum.steps, SEEDS * STEPS);
	assert_true(sum.loads > SEEDS * 50);
	assert_true(sum.guest_writes > SEEDS * 100);
	assert_true(sum.guest_reads > SEEDS * 100);
	assert_true(sum.pauses > 0);
	assert_true(sum.counter_sets > 0);
	assert_true(sum.deadlines > SEEDS * 10);
	assert_true(sum.lines_asserted > SEEDS * 10);
	assert_true(sum.guest_wraps > 0);
	if (vmode != ARMVIRT_VTIMER_MODE_DIRECT || pmode != ARMVIRT_VTIMER_MODE_DIRECT)
		assert_true(traps > SEEDS * 50);
	return sum;
}

static const enum armvirt_vtimer_mode modes[] = {
	ARMVIRT_VTIMER_MODE_DIRECT,
	ARMVIRT_VTIMER_MODE_TRAP_HW,
	ARMVIRT_VTIMER_MODE_TRAP_SW,
};

static void test_every_mode_with_cntpoff(void **state)
{
	(void)state;
	for (unsigned v = 0; v < 3; v++)
		for (unsigned p = 0; p < 3; p++)
			for (unsigned pause = 0; pause < 2; pause++)
				walk_all(2, modes[v], modes[p],
					 (enum armvirt_vtimer_pause_policy)pause);
}

/* Without FEAT_ECV, AUTO is a direct virtual and a software physical timer. */
static void test_auto_without_ecv(void **state)
{
	(void)state;
	walk_all(0, ARMVIRT_VTIMER_MODE_AUTO, ARMVIRT_VTIMER_MODE_AUTO,
		 ARMVIRT_VTIMER_PAUSE_FREEZE);
	walk_all(0, ARMVIRT_VTIMER_MODE_DIRECT, ARMVIRT_VTIMER_MODE_TRAP_HW,
		 ARMVIRT_VTIMER_PAUSE_RUN);
}

/* FEAT_ECV without CNTPOFF: the virtual timer may be trapped, the physical one not direct. */
static void test_ecv_without_cntpoff(void **state)
{
	(void)state;
	walk_all(1, ARMVIRT_VTIMER_MODE_TRAP_HW, ARMVIRT_VTIMER_MODE_AUTO,
		 ARMVIRT_VTIMER_PAUSE_FREEZE);
	walk_all(1, ARMVIRT_VTIMER_MODE_TRAP_SW, ARMVIRT_VTIMER_MODE_TRAP_HW,
		 ARMVIRT_VTIMER_PAUSE_RUN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_mode_with_cntpoff),
		cmocka_unit_test(test_auto_without_ecv),
		cmocka_unit_test(test_ecv_without_cntpoff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

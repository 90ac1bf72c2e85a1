/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Injection from other physical CPUs: threads inject SPIs, re-route them
 * between two vCPUs through GICD_IROUTER, change their priorities and send
 * SGIs through ICC_SGI1R_EL1, while one thread (the only one touching the
 * fake machine) runs the two vCPUs in turn, taking and ending what they are
 * offered. Each interrupt is raised again only after it was taken, so every
 * raise must be matched by exactly one delivery; at the end everything raised
 * has been delivered and the state is consistent. No deadlock, no lost or
 * duplicated interrupt.
 */
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "harness.h"

#define NR_SPIS 64u
#define INJECTORS 2u
#define TARGET 5000u /* interrupts taken before the raisers stop */

static atomic_uint outstanding[32 + NR_SPIS]; /* raised, not yet taken */
static atomic_uint raised, taken;
static atomic_bool stop, kick[2];

static void note_kicks(const struct armvirt_vgic_kicks *k)
{
	for (unsigned c = 0; c < 2; c++) {
		if (armvirt_vgic_kicks_test(k, c))
			atomic_store(&kick[c], true);
	}
}

/* Injector @n owns SPIs 32 + n, 32 + n + INJECTORS, ... */
static void *injector(void *arg)
{
	unsigned n = (unsigned)(uintptr_t)arg, i = 32 + n;

	while (!atomic_load(&stop)) {
		struct armvirt_vgic_kicks k;

		i += INJECTORS;
		if (i >= 32 + NR_SPIS)
			i = 32 + n;
		if (atomic_load(&outstanding[i]) != 0) {
			sched_yield();
			continue;
		}
		atomic_store(&outstanding[i], 1);
		atomic_fetch_add(&raised, 1);
		armvirt_vgic_kicks_clear(&k);
		assert_in_range(armvirt_vgic_inject(&h.gic, 0, i, &k), 0, 1);
		note_kicks(&k);
	}
	return NULL;
}

/* vCPU 2 (never run) re-routes SPIs and changes priorities; vCPU 3 sends
 * SGI 1 to vCPUs 0 and 1 once both have taken the previous one. */
static void *reconfigurer(void *arg)
{
	uint32_t rng = 7;

	(void)arg;
	while (!atomic_load(&stop)) {
		unsigned i, to;
		struct armvirt_mmio_access a;
		struct armvirt_vgic_kicks k;

		rng = rng * 1103515245u + 12345u;
		i = 32 + (rng >> 8) % NR_SPIS;
		to = (rng >> 20) & 1;
		armvirt_vgic_kicks_clear(&k);
		a = (struct armvirt_mmio_access){ armvirt_ipa(H_GICD + 0x6000 + 8 * i), 8, true,
						  to };
		assert_in_range(armvirt_vgic_mmio(&h.gic, 2, &a, &k), 0, 1);
		a = (struct armvirt_mmio_access){ armvirt_ipa(H_GICD + 0x400 + i), 1, true,
						  (rng >> 12) & 0xf0 };
		assert_in_range(armvirt_vgic_mmio(&h.gic, 2, &a, &k), 0, 1);
		if (atomic_load(&outstanding[1]) == 0) {
			struct armvirt_sysreg_access s = { 0xC65Du /* ICC_SGI1R_EL1 */, 0, true,
							   (1ull << 24) | 0x3 };

			atomic_store(&outstanding[1], 2);
			atomic_fetch_add(&raised, 2);
			assert_in_range(armvirt_vgic_sysreg(&h.gic, 3, &s, &k), 0, 1);
		}
		note_kicks(&k);
	}
	return NULL;
}

static void take_one(void)
{
	unsigned iar = sim_ack();

	if (iar == 1023)
		return;
	assert_true(iar == 1 || (iar >= 32 && iar < 32 + NR_SPIS));
	assert_true(atomic_load(&outstanding[iar]) > 0);
	sim_eoi(iar);
	atomic_fetch_add(&taken, 1);
	atomic_fetch_sub(&outstanding[iar], 1);
}

/* armvirt_vgic_check() is meaningful only when nothing else runs: enter and
 * exit without it while the other threads do. */
static void enter(unsigned c)
{
	assert_in_range(armvirt_vgic_vcpu_fill(&h.gic, c, NULL), 0, 1);
}

static void leave(unsigned c)
{
	assert_in_range(armvirt_vgic_vcpu_sync(&h.gic, c, NULL), 0, 1);
}

/* Run vCPU @c for @iterations: exit only for a kick or a maintenance
 * interrupt, as a hypervisor would. */
static void run_vcpu(unsigned c, unsigned iterations)
{
	assert_int_equal(armvirt_vgic_vcpu_load(&h.gic, c), 0);
	enter(c);
	for (unsigned it = 0; it < iterations; it++) {
		if (atomic_exchange(&kick[c], false) || sim_misr() != 0) {
			leave(c);
			enter(c);
			continue;
		}
		take_one();
	}
	leave(c);
	assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, c), 0);
}

static void test_concurrent_injection(void **state)
{
	pthread_t threads[INJECTORS + 1];

	(void)state;
	h_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, 4, NR_SPIS);
	h_setup_spis(32, NR_SPIS, 0x80, 0);
	for (unsigned c = 0; c < 2; c++) {
		h_load(c); /* the guests set up their CPU interfaces */
		assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, c), 0);
	}
	for (unsigned i = 0; i < 32 + NR_SPIS; i++)
		atomic_store(&outstanding[i], 0);
	atomic_store(&raised, 0);
	atomic_store(&taken, 0);
	atomic_store(&stop, false);
	for (unsigned n = 0; n < INJECTORS; n++)
		assert_int_equal(pthread_create(&threads[n], NULL, injector, (void *)(uintptr_t)n),
				 0);
	assert_int_equal(pthread_create(&threads[INJECTORS], NULL, reconfigurer, NULL), 0);
	for (unsigned r = 0; r < 100000 && atomic_load(&taken) < TARGET; r++)
		run_vcpu(r & 1, 1000);
	atomic_store(&stop, true);
	for (unsigned n = 0; n <= INJECTORS; n++)
		pthread_join(threads[n], NULL);
	/* Everything raised comes out, on one vCPU or the other. */
	for (unsigned r = 0; r < 100 && atomic_load(&taken) != atomic_load(&raised); r++)
		run_vcpu(r & 1, 200);
	assert_int_equal(atomic_load(&taken), atomic_load(&raised));
	assert_true(atomic_load(&taken) >= TARGET);
	assert_int_equal(armvirt_vgic_check(&h.gic), 0);
	print_message("%u interrupts raised and taken\n", atomic_load(&taken));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_concurrent_injection),
	};
	return cmocka_run_group_tests_name("vgic concurrency", tests, NULL, NULL);
}

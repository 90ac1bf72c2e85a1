/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PSCI and SMCCC as the guest sees them, on vCPU 0 before the other vCPUs
 * run: versions, FEATURES, unknown function IDs over HVC and SMC, the
 * errors CPU_ON must return, then a full cycle for every other vCPU:
 * CPU_ON (the 64- and 32-bit calls alternately), the vCPU reports the
 * context ID and MPIDR it started with and turns itself off (CPU_OFF),
 * AFFINITY_INFO follows it, and CPU_ON brings it back for the rest of the
 * test (hyp_test.c).
 */
#include "tests.h"

#define PSCI_1_1 0x10001u
#define SMCCC_1_1 0x10001u
#define PSCI_TOS_NOT_PRESENT_MP 2u
#define PSCI_RET_ON_PENDING ((uint64_t)-5)
#define CONTEXT_HELLO 0x5a00u
#define WAIT_US 2000000u /* how long a vCPU may take to start or stop */

/* What a vCPU saw when it started (hyp_test.c fills it), and when it may turn off. */
volatile uint64_t hello_context[MAX_VCPUS], hello_mpidr[MAX_VCPUS];
volatile bool hello_may_turn_off[MAX_VCPUS];

static uint64_t wait_affinity(unsigned i, uint64_t want)
{
	uint64_t r = ~0ull, end = counter() + ticks_from_us(WAIT_US);

	while (counter() < end) {
		r = hvc_call(PSCI_AFFINITY_INFO_64, MPIDR_RES1 | i, 0, 0);
		if (r == want)
			break;
		__asm__ volatile("yield");
	}
	return r;
}

static void versions(void)
{
	check_eq(0, "PSCI VERSION is 1.1 (HVC)", PSCI_1_1, hvc_call(PSCI_VERSION, 0, 0, 0));
	check_eq(0, "PSCI VERSION is 1.1 (SMC)", PSCI_1_1, smc_call(PSCI_VERSION, 0, 0, 0));
	check_eq(0, "SMCCC VERSION is 1.1", SMCCC_1_1, hvc_call(SMCCC_VERSION, 0, 0, 0));
	check_eq(0, "PSCI FEATURES(CPU_ON)", PSCI_RET_SUCCESS,
		 hvc_call(PSCI_FEATURES, PSCI_CPU_ON_64, 0, 0));
	check_eq(0, "PSCI FEATURES(AFFINITY_INFO)", PSCI_RET_SUCCESS,
		 hvc_call(PSCI_FEATURES, PSCI_AFFINITY_INFO_64, 0, 0));
	check_eq(0, "PSCI FEATURES(SYSTEM_RESET)", PSCI_RET_SUCCESS,
		 hvc_call(PSCI_FEATURES, PSCI_SYSTEM_RESET, 0, 0));
	check_eq(0, "PSCI FEATURES(SMCCC_VERSION)", PSCI_RET_SUCCESS,
		 hvc_call(PSCI_FEATURES, SMCCC_VERSION, 0, 0));
	check_eq(0, "PSCI FEATURES(an unknown ID) is NOT_SUPPORTED", PSCI_RET_NOT_SUPPORTED,
		 hvc_call(PSCI_FEATURES, 0x8400001fu, 0, 0));
	check_eq(0, "SMCCC ARCH_FEATURES(ARCH_FEATURES)", PSCI_RET_SUCCESS,
		 hvc_call(SMCCC_ARCH_FEATURES, SMCCC_ARCH_FEATURES, 0, 0));
	check_eq(0, "SMCCC ARCH_FEATURES(WORKAROUND_1) is NOT_SUPPORTED", PSCI_RET_NOT_SUPPORTED,
		 hvc_call(SMCCC_ARCH_FEATURES, 0x80008000u, 0, 0));
	check_eq(0, "PSCI MIGRATE_INFO_TYPE: no trusted OS to migrate", PSCI_TOS_NOT_PRESENT_MP,
		 hvc_call(PSCI_MIGRATE_INFO_TYPE, 0, 0, 0));
}

static void unknown_ids(void)
{
	static const uint32_t ids[] = { 0x8400001fu, 0xc400001fu, 0x82000000u,
					0xc6001234u, 0xbf00ff00u, 0x8100ff01u };

	for (unsigned i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		uint64_t h = hvc_call(ids[i], 1, 2, 3), s = smc_call(ids[i], 1, 2, 3);
		check(0, h == PSCI_RET_NOT_SUPPORTED && s == PSCI_RET_NOT_SUPPORTED,
		      "SMCCC unknown function ID is NOT_SUPPORTED over HVC and SMC", "",
		      PSCI_RET_NOT_SUPPORTED, h == PSCI_RET_NOT_SUPPORTED ? s : h);
	}
}

static void cpu_on_errors(unsigned n)
{
	check_eq(0, "PSCI CPU_ON of this vCPU is ALREADY_ON", PSCI_RET_ALREADY_ON,
		 hvc_call(PSCI_CPU_ON_64, MPIDR_RES1, (uintptr_t)guest_secondary_entry, 0));
	check_eq(
		0, "PSCI CPU_ON of an absent MPIDR is INVALID_PARAMETERS", PSCI_RET_INVALID_PARAMS,
		hvc_call(PSCI_CPU_ON_64, MPIDR_RES1 | 0x100u, (uintptr_t)guest_secondary_entry, 0));
	check_eq(0, "PSCI AFFINITY_INFO of an absent MPIDR is INVALID_PARAMETERS",
		 PSCI_RET_INVALID_PARAMS, hvc_call(PSCI_AFFINITY_INFO_64, MPIDR_RES1 | n, 0, 0));
	check_eq(0, "PSCI AFFINITY_INFO of this vCPU is ON", PSCI_AFF_ON,
		 hvc_call(PSCI_AFFINITY_INFO_64, MPIDR_RES1, 0, 0));
	if (n > 1)
		check_eq(0, "PSCI CPU_ON outside RAM is INVALID_ADDRESS", PSCI_RET_INVALID_ADDRESS,
			 hvc_call(PSCI_CPU_ON_64, MPIDR_RES1 | 1u, 0x0c000000u, 0));
}

void psci_checks(void)
{
	unsigned n = guest_nvcpus;

	versions();
	unknown_ids();
	cpu_on_errors(n);
	for (unsigned i = 1; i < n; i++) {
		uint32_t fid = i & 1 ? PSCI_CPU_ON_64 : PSCI_CPU_ON_32;
		uint64_t r;

		check_eq(0, "PSCI AFFINITY_INFO of a vCPU not started is OFF", PSCI_AFF_OFF,
			 hvc_call(PSCI_AFFINITY_INFO_64, MPIDR_RES1 | i, 0, 0));
		r = hvc_call(fid, MPIDR_RES1 | i, (uintptr_t)guest_secondary_entry,
			     CONTEXT_HELLO | i);
		check_eq(0, i & 1 ? "PSCI CPU_ON (64-bit)" : "PSCI CPU_ON (32-bit)",
			 PSCI_RET_SUCCESS, r);
		r = hvc_call(PSCI_CPU_ON_64, MPIDR_RES1 | i, (uintptr_t)guest_secondary_entry, i);
		check(0, r == PSCI_RET_ALREADY_ON || r == PSCI_RET_ON_PENDING,
		      "PSCI CPU_ON of a vCPU being started", " is ALREADY_ON or ON_PENDING",
		      PSCI_RET_ALREADY_ON, r);
		/* It reports in, then turns itself off when told. */
		for (uint64_t end = counter() + ticks_from_us(WAIT_US);
		     !hello_context[i] && counter() < end;)
			__asm__ volatile("yield");
		check_eq(0, "PSCI CPU_ON passed the context ID in x0", CONTEXT_HELLO | i,
			 hello_context[i]);
		check_eq(0, "PSCI CPU_ON started the vCPU with its MPIDR", MPIDR_RES1 | i,
			 hello_mpidr[i]);
		hello_may_turn_off[i] = true;
		__asm__ volatile("dsb ish; sev" ::: "memory");
		check_eq(0, "PSCI AFFINITY_INFO is OFF after the vCPU's CPU_OFF", PSCI_AFF_OFF,
			 wait_affinity(i, PSCI_AFF_OFF));
		/* Back on, for good. */
		check_eq(0, "PSCI CPU_ON after CPU_OFF", PSCI_RET_SUCCESS,
			 hvc_call(PSCI_CPU_ON_64, MPIDR_RES1 | i, (uintptr_t)guest_secondary_entry,
				  i));
		check_eq(0, "PSCI AFFINITY_INFO is ON", PSCI_AFF_ON, wait_affinity(i, PSCI_AFF_ON));
	}
}

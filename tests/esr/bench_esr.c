/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Decodes per second for a realistic exit mix: mostly data aborts (MMIO),
 * system-register traps (timer, GIC SGIs), WFI and HVC, with some
 * instruction aborts and SErrors. Prints figures; never fails on them.
 * ARMVIRT_BENCH_QUICK selects a short run.
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <armvirt/esr.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The mix, weighted by repetition: 8 data aborts, 4 sysreg traps, 2 WFx, 1 HVC, ... */
static const uint64_t mix[] = {
	0x93810047u, 0x93c30046u, 0x93800007u, 0x92000047u, 0x93810007u, 0x9382004fu,
	0x93c50046u, 0x93820007u, 0x6234f801u, 0x6232f826u, 0x623c2e0bu, 0x6232f822u,
	0x06000000u, 0x06000001u, 0x5a000000u, 0x8200000fu, 0xbe000c11u, 0x0fe00401u,
};

#define MIX_N (sizeof(mix) / sizeof(mix[0]))

int main(void)
{
	const bool quick = getenv("ARMVIRT_BENCH_QUICK") != NULL;
	const uint64_t rounds = quick ? 100000u : 20000000u;
	volatile uint64_t sink = 0;
	struct armvirt_esr e;
	char line[ARMVIRT_ESR_FORMAT_MAX];
	uint64_t i;
	uint64_t n;
	double t0;
	double dt;

	t0 = now();
	for (i = 0; i < rounds; i++) {
		armvirt_esr_decode(mix[i % MIX_N] ^ ((i & 1u) << 5), &e);
		sink += e.layout + e.u.dabt.srt;
	}
	dt = now() - t0;
	printf("esr decode: %.1f M decodes/s (%.2f ns each, %llu decodes, mix of %zu syndromes)\n",
	       (double)rounds / dt / 1e6, dt * 1e9 / (double)rounds, (unsigned long long)rounds,
	       MIX_N);

	n = rounds / 4u;
	t0 = now();
	for (i = 0; i < n; i++) {
		armvirt_esr_decode(mix[8 + i % 4u], &e);
		sink += (uintptr_t)armvirt_esr_trap_name(&e);
	}
	dt = now() - t0;
	printf("esr decode + sysreg name: %.1f M/s\n", (double)n / dt / 1e6);

	n = quick ? 2000u : 500000u;
	t0 = now();
	for (i = 0; i < n; i++) {
		armvirt_esr_decode(mix[i % MIX_N], &e);
		sink += (uint64_t)armvirt_esr_format(&e, line, sizeof(line));
	}
	dt = now() - t0;
	printf("esr decode + format: %.2f M lines/s\n", (double)n / dt / 1e6);
	return sink == 42 ? 1 : 0;
}

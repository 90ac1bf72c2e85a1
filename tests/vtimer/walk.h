/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The randomized walk: random sequences of guest timer programming, vCPU
 * switches, pauses, counter changes and the passing of time, run against
 * lib/vtimer and the reference model (model.h) at once, comparing after
 * every step what the guest reads, which lines are asserted, what the
 * hardware timers do and the deadlines. Freestanding: the machine is
 * reached through the port and these hooks.
 */
#ifndef VTIMER_TEST_WALK_H
#define VTIMER_TEST_WALK_H

#include <armvirt/vtimer.h>

struct walk_ops {
	/* Move this CPU's host counter forward by @ticks. */
	void (*advance)(void *ctx, uint64_t ticks);
	/*
	 * Execute a guest MRS/MSR while @vcpu runs on this CPU: the machine
	 * decides from CNTHCTL_EL2 whether it traps (and then hands it to
	 * armvirt_vtimer_sysreg_access()) or reaches the hardware registers.
	 * Returns 0 or the emulator's negative code.
	 */
	int (*guest_access)(void *ctx, struct armvirt_vtimer_vcpu *vcpu,
			    struct armvirt_sysreg_access *acc);
	/* Whether hardware timer @t (0 virtual, 1 EL1 physical) asserts its PPI now. */
	bool (*hw_line)(void *ctx, unsigned t);
	/* A mismatch at step @step; the walk stops after the first. */
	void (*fail)(void *ctx, const char *what, unsigned step);
	void *ctx;
};

struct walk_config {
	enum armvirt_vtimer_mode mode[ARMVIRT_VTIMER_NR];
	enum armvirt_vtimer_pause_policy pause;
	uint64_t counter; /* the guest counter at VM creation */
	uint64_t seed;
	unsigned steps;
	/*
	 * When not NULL, the walk's choices come from these bytes instead of
	 * the seed (8 a choice, little-endian), and it ends when they run out:
	 * a fuzzer steers the walk through them.
	 */
	const uint8_t *input;
	size_t input_len;
};

/* What a walk did, for the test to show it covered the ground. */
struct walk_stats {
	unsigned steps, loads, puts, guest_writes, guest_reads, pauses, counter_sets;
	unsigned deadlines, lines_asserted, guest_wraps;
};

/* Run one walk. Returns 0, or -1 after reporting the first mismatch. */
int walk_run(const struct walk_config *cfg, const struct walk_ops *ops, struct walk_stats *stats);

#endif /* VTIMER_TEST_WALK_H */

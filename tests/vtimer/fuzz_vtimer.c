/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: the fuzzer's bytes choose the configuration and then
 * every step of the randomized walk (walk.h), which checks lib/vtimer
 * against the reference model after each step; a mismatch aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "machine.h"
#include "walk.h"

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
	(void)ctx;
	fprintf(stderr, "vtimer walk: %s at step %u\n", what, step);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum armvirt_vtimer_mode modes[4] = {
		ARMVIRT_VTIMER_MODE_AUTO,
		ARMVIRT_VTIMER_MODE_DIRECT,
		ARMVIRT_VTIMER_MODE_TRAP_HW,
		ARMVIRT_VTIMER_MODE_TRAP_SW,
	};
	struct walk_ops ops = { on_advance, on_access, on_hw_line, on_fail, NULL };
	struct walk_config cfg = { { ARMVIRT_VTIMER_MODE_AUTO, ARMVIRT_VTIMER_MODE_AUTO },
				   ARMVIRT_VTIMER_PAUSE_FREEZE,
				   0,
				   0,
				   4096,
				   NULL,
				   0 };
	struct walk_stats st;
	uint64_t host = 0;

	if (size < 17)
		return 0;
	/* Byte 0: modes and policy; bytes 1..8: guest counter; 9..16: host counter. */
	cfg.mode[0] = modes[data[0] & 3];
	cfg.mode[1] = modes[(data[0] >> 2) & 3];
	cfg.pause = (data[0] >> 4) & 1 ? ARMVIRT_VTIMER_PAUSE_RUN : ARMVIRT_VTIMER_PAUSE_FREEZE;
	for (unsigned i = 0; i < 8; i++) {
		cfg.counter |= (uint64_t)data[1 + i] << (8 * i);
		host |= (uint64_t)data[9 + i] << (8 * i);
	}
	cfg.input = data + 17;
	cfg.input_len = size - 17;
	/* The host counter never wraps in practice: keep it below 2^62. */
	machine_reset(host >> 2, 2);
	walk_run(&cfg, &ops, &st);
	return 0;
}

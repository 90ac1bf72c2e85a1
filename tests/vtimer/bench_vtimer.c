/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What lib/vtimer costs per operation on the host (the port is the host
 * fake, whose register accesses are function calls and log appends, so these
 * figures bound the library's own work, not an EL2 switch). Prints figures;
 * never fails on them. ARMVIRT_BENCH_QUICK runs a short version.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "arch.h"
#include "machine.h"

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static struct armvirt_vtimer_vm vm;
static struct armvirt_vtimer_vcpu vcpu;

static void setup(enum armvirt_vtimer_mode vmode, enum armvirt_vtimer_mode pmode)
{
	struct armvirt_vtimer_config cfg;

	machine_reset(1u << 30, 2);
	armvirt_vtimer_config_default(&cfg);
	cfg.mode[0] = vmode;
	cfg.mode[1] = pmode;
	if (armvirt_vtimer_vm_init(&vm, &cfg) || armvirt_vtimer_vcpu_init(&vcpu, &vm))
		abort();
}

static void report(const char *what, unsigned n, double t0)
{
	printf("%-44s %8.1f ns/op\n", what, (now_ns() - t0) / n);
}

int main(void)
{
	unsigned n = getenv("ARMVIRT_BENCH_QUICK") ? 20000 : 2000000;
	struct armvirt_vtimer_lines l;
	struct armvirt_sysreg_access acc = { A_CNTP_TVAL, 0, true, 1000 };
	uint64_t d;
	double t0;

	static const struct {
		const char *name;
		enum armvirt_vtimer_mode v, p;
	} cfgs[] = {
		{ "load+put, direct virt, software phys", ARMVIRT_VTIMER_MODE_DIRECT,
		  ARMVIRT_VTIMER_MODE_TRAP_SW },
		{ "load+put, both direct (CNTPOFF)", ARMVIRT_VTIMER_MODE_DIRECT,
		  ARMVIRT_VTIMER_MODE_DIRECT },
		{ "load+put, both trapped with alarms", ARMVIRT_VTIMER_MODE_TRAP_HW,
		  ARMVIRT_VTIMER_MODE_TRAP_HW },
	};
	for (unsigned c = 0; c < sizeof(cfgs) / sizeof(cfgs[0]); c++) {
		setup(cfgs[c].v, cfgs[c].p);
		t0 = now_ns();
		for (unsigned i = 0; i < n; i++) {
			if (i % 4096 == 0)
				armvirt_host_log_clear(); /* keep the fake's log small */
			armvirt_vtimer_vcpu_load(&vcpu);
			armvirt_vtimer_vcpu_put(&vcpu);
		}
		report(cfgs[c].name, n, t0);
	}

	setup(ARMVIRT_VTIMER_MODE_DIRECT, ARMVIRT_VTIMER_MODE_TRAP_SW);
	armvirt_vtimer_vcpu_load(&vcpu);
	t0 = now_ns();
	for (unsigned i = 0; i < n; i++) {
		if (i % 4096 == 0)
			armvirt_host_log_clear();
		acc.is_write = true;
		armvirt_vtimer_sysreg_access(&vcpu, &acc);
	}
	report("trapped CNTP_TVAL write", n, t0);
	t0 = now_ns();
	for (unsigned i = 0; i < n; i++) {
		if (i % 4096 == 0)
			armvirt_host_log_clear();
		armvirt_vtimer_lines(&vcpu, &l);
	}
	report("lines of a loaded vCPU", n, t0);
	armvirt_vtimer_vcpu_put(&vcpu);
	t0 = now_ns();
	for (unsigned i = 0; i < n; i++) {
		if (i % 4096 == 0)
			armvirt_host_log_clear();
		armvirt_vtimer_next_deadline(&vcpu, &d);
	}
	report("next deadline of a descheduled vCPU", n, t0);
	return 0;
}

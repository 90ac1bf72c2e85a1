/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the timer-to-vGIC glue costs per call on the host (the port is the
 * host fake: these figures bound the libraries' own work, not an exit).
 * Prints figures; never fails on them. ARMVIRT_BENCH_QUICK runs a short
 * version.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <armvirt/port_host.h>
#include <armvirt/vtimer_vgic.h>

#include "arch.h"
#include "machine.h"

static struct armvirt_vtimer_vm vm;
static struct armvirt_vtimer_vcpu vcpu;
static struct armvirt_vgic gic;
static struct armvirt_vgic_vcpu gic_vcpu[1];
static struct armvirt_vtimer_vgic glue;
static struct armvirt_vtimer_vgic_phys phys;

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void report(const char *what, unsigned n, double t0)
{
	printf("%-52s %8.1f ns/op\n", what, (now_ns() - t0) / n);
}

static void check(int r)
{
	if (r < 0)
		abort();
}

static void update(uint32_t taken)
{
	check(armvirt_vtimer_vgic_update(&glue, taken, NULL, &phys));
}

static void setup(void)
{
	struct armvirt_vtimer_config cfg;
	struct armvirt_vgic_config gc = { ARMVIRT_VGIC_V3, ARMVIRT_VGIC_CPUIF_ICH,
					  armvirt_ipa(0x08000000), armvirt_ipa(0x080A0000),
					  ARMVIRT_VGIC_IIDR_DEFAULT };

	machine_reset(1u << 30, 2);
	/* ICH_VTR_EL2: PRIbits and PREbits 5 (encoded 4), 4 list registers. */
	armvirt_host_set(ARMVIRT_HOST_REG_ich_vtr_el2, (4u << 29) | (4u << 26) | 3u);
	armvirt_vtimer_config_default(&cfg);
	check(armvirt_vtimer_vm_init(&vm, &cfg));
	check(armvirt_vtimer_vcpu_init(&vcpu, &vm));
	check(armvirt_vgic_init(&gic, &gc, gic_vcpu, 1, NULL, 0));
	check(armvirt_vtimer_vgic_init(&glue, &vcpu, &gic, 0));
}

int main(void)
{
	unsigned n = getenv("ARMVIRT_BENCH_QUICK") ? 20000 : 2000000;
	double t0;

	setup();
	check(armvirt_vtimer_vcpu_load(&vcpu));
	check(armvirt_vgic_vcpu_load(&gic, 0));
	update(0);

	/* The call recommended after every exit, when nothing has changed. */
	t0 = now_ns();
	for (unsigned i = 0; i < n; i++)
		update(0);
	report("update, loaded, no change", n, t0);

	/* The guest's DIRECT virtual timer expires (EL2 takes PPI 27), then the
	 * guest moves it into the future before taking the interrupt. */
	armvirt_host_set(ARMVIRT_HOST_REG_cntv_ctl_el0, A_CTL_ENABLE);
	t0 = now_ns();
	for (unsigned i = 0; i < n; i++) {
		armvirt_host_set(ARMVIRT_HOST_REG_cntv_cval_el0, 0);
		update(1u << 27);
		armvirt_host_set(ARMVIRT_HOST_REG_cntv_cval_el0, UINT64_MAX);
		update(0);
	}
	report("update x2, line rises (PPI taken) and is withdrawn", n, t0);

	/* Scheduling: both libraries' load and put, with and without the glue. */
	check(armvirt_vgic_vcpu_put(&gic, 0));
	check(armvirt_vtimer_vcpu_put(&vcpu));
	update(0);
	t0 = now_ns();
	for (unsigned i = 0; i < n; i++) {
		check(armvirt_vtimer_vcpu_load(&vcpu));
		check(armvirt_vgic_vcpu_load(&gic, 0));
		check(armvirt_vgic_vcpu_put(&gic, 0));
		check(armvirt_vtimer_vcpu_put(&vcpu));
	}
	report("vtimer+vgic load and put", n, t0);
	t0 = now_ns();
	for (unsigned i = 0; i < n; i++) {
		check(armvirt_vtimer_vcpu_load(&vcpu));
		check(armvirt_vgic_vcpu_load(&gic, 0));
		update(0);
		check(armvirt_vgic_vcpu_put(&gic, 0));
		check(armvirt_vtimer_vcpu_put(&vcpu));
		update(0);
	}
	report("vtimer+vgic load and put, with the glue", n, t0);
	return 0;
}

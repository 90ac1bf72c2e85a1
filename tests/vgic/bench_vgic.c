/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Benchmark: the cost of one exit and entry (armvirt_vgic_vcpu_sync() then
 * armvirt_vgic_vcpu_fill()) with 4 list registers while 4, 64 and about
 * 1024 interrupts are pending, and the cost of one injection, on the host
 * port. Each round the guest takes and ends the most urgent interrupt, the
 * vCPU exits and enters, and the interrupt is raised again, so the queue
 * keeps its depth; only the exit and entry are timed. The interrupt taken
 * each round must be one of the most urgent pending, which is checked (a
 * failure of that check, not a figure, makes the benchmark fail).
 *
 * GICv3 has 1020 interrupts (16 SGIs, 16 PPIs, 988 SPIs); the GICv2 run
 * reaches 1024 with SGIs from several CPUs, each of which is a separate
 * interrupt to the guest. ARMVIRT_BENCH_QUICK=1 runs a short version.
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <armvirt/port_host.h>
#include <armvirt/vgic.h>

#include "sim.h"

#define GICD 0x08000000u
#define GICR 0x080A0000u
#define NR_VCPUS 8u

static struct armvirt_vgic gic;
static struct armvirt_vgic_vcpu vcpus[NR_VCPUS];
static struct armvirt_vgic_irq spis[ARMVIRT_VGIC_MAX_SPIS];

/* One interrupt of the workload: an INTID and, for a GICv2 SGI, its sender. */
struct source {
	unsigned intid, src, prio;
};
static struct source work[1024];
static unsigned nwork;
static unsigned pending_at[32]; /* pending interrupts per priority level */

static double accesses; /* port accesses per timed exit and entry */

static uint32_t rng = 1;
static unsigned rnd(unsigned n)
{
	rng = rng * 1664525u + 1013904223u;
	return (rng >> 8) % n;
}

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static void mmio(unsigned vcpu, uint64_t addr, unsigned size, uint64_t value)
{
	struct armvirt_mmio_access a = { armvirt_ipa(addr), (uint8_t)size, true, value };

	if (armvirt_vgic_mmio(&gic, vcpu, &a, NULL) < 0)
		abort();
}

static void raise(const struct source *s)
{
	if (s->intid >= 16) {
		armvirt_vgic_inject(&gic, 0, s->intid, NULL);
	} else if (gic.model == ARMVIRT_VGIC_V2) {
		mmio(s->src, GICD + 0xF00, 4, (1u << 16) | s->intid);
	} else {
		struct armvirt_sysreg_access a = { 0xC65Du /* ICC_SGI1R_EL1 */, 0, true,
						   ((uint64_t)s->intid << 24) | 1 };

		armvirt_vgic_sysreg(&gic, 0, &a, NULL);
	}
	pending_at[s->prio >> 3]++;
}

static void setup(enum armvirt_vgic_model model, unsigned depth)
{
	struct armvirt_vgic_config cfg = {
		model, model == ARMVIRT_VGIC_V3 ? ARMVIRT_VGIC_CPUIF_ICH : ARMVIRT_VGIC_CPUIF_GICH,
		armvirt_ipa(GICD), armvirt_ipa(GICR), ARMVIRT_VGIC_IIDR_DEFAULT
	};

	sim_reset(model == ARMVIRT_VGIC_V3 ? SIM_ICH : SIM_GICH, 4);
	if (armvirt_vgic_init(&gic, &cfg, vcpus, NR_VCPUS, spis, ARMVIRT_VGIC_MAX_SPIS) != 0)
		abort();
	mmio(0, GICD, 4, 3);
	nwork = 0;
	for (unsigned i = 0; i < 32; i++)
		pending_at[i] = 0;
	/* Interrupts in INTID order, SPIs first; a GICv2 SGI once per sender. */
	for (unsigned intid = 32; intid < 1020 && nwork < depth; intid++)
		work[nwork++] = (struct source){ intid, 0, 0 };
	for (unsigned intid = 16; intid < 32 && nwork < depth; intid++)
		work[nwork++] = (struct source){ intid, 0, 0 };
	for (unsigned src = 0; src < (model == ARMVIRT_VGIC_V2 ? NR_VCPUS : 1u); src++)
		for (unsigned intid = 0; intid < 16 && nwork < depth; intid++)
			work[nwork++] = (struct source){ intid, src, 0 };
	for (unsigned i = 0; i < nwork; i++) {
		struct source *s = &work[i];
		bool private = s->intid < 32;
		uint64_t base = private && model == ARMVIRT_VGIC_V3 ? GICR + 0x10000u : GICD;

		s->prio = rnd(31) << 3;
		if (s->src != 0)
			continue; /* configured once, for source 0 */
		mmio(0, base + 0x100 + 4 * (s->intid / 32), 4, 1u << (s->intid % 32));
		mmio(0, base + 0x400 + s->intid, 1, s->prio);
		if (!private && model == ARMVIRT_VGIC_V2)
			mmio(0, GICD + 0x800 + s->intid, 1, 1);
		if (s->intid >= 16)
			mmio(0, base + 0xC00 + 4 * (s->intid / 16), 4, 0xaaaaaaaau); /* edge */
	}
	/* A GICv2 SGI has one priority whoever sends it. */
	for (unsigned i = 0; i < nwork; i++) {
		if (work[i].intid < 16)
			for (unsigned j = 0; j < nwork; j++)
				if (work[j].intid == work[i].intid)
					work[j].prio = work[i].prio;
	}
	armvirt_vgic_vcpu_load(&gic, 0);
	armvirt_vgic_vcpu_fill(&gic, 0, NULL);
	sim_set_pmr(0xff);
	sim_enable_groups(true, true);
	armvirt_vgic_vcpu_sync(&gic, 0, NULL);
	for (unsigned i = 0; i < nwork; i++)
		raise(&work[i]);
	armvirt_vgic_vcpu_fill(&gic, 0, NULL);
}

static const struct source *find(unsigned iar)
{
	for (unsigned i = 0; i < nwork; i++) {
		if (work[i].intid == (iar & 0x3ff) && work[i].src == (iar >> 10))
			return &work[i];
	}
	return NULL;
}

/* Returns ns per exit and entry, or a negative value if the guest was
 * offered something other than a most urgent interrupt. */
static double run(enum armvirt_vgic_model model, unsigned depth, unsigned rounds)
{
	double best = 1e30;
	size_t events = 0;

	setup(model, depth);
	for (unsigned batch = 0; batch < 5; batch++) {
		double t = 0;

		for (unsigned r = 0; r < rounds; r++) {
			unsigned iar = sim_ack(), top = 0;
			const struct source *s = find(iar);
			double t0;

			while (pending_at[top] == 0)
				top++;
			if (s == NULL || s->prio >> 3 != top)
				return -1;
			pending_at[top]--;
			sim_eoi(iar);
			armvirt_host_log_clear();
			t0 = now_ns();
			armvirt_vgic_vcpu_sync(&gic, 0, NULL);
			armvirt_vgic_vcpu_fill(&gic, 0, NULL);
			t += now_ns() - t0;
			events += armvirt_host_log_count();
			/* Raised again on a second, untimed exit (an SGI is raised
			 * by a trapped write); it may outrank the registers'. */
			armvirt_vgic_vcpu_sync(&gic, 0, NULL);
			raise(s);
			armvirt_vgic_vcpu_fill(&gic, 0, NULL);
		}
		if (t / rounds < best)
			best = t / rounds;
	}
	if (armvirt_vgic_check(&gic) != 0)
		return -1;
	accesses = (double)events / (5.0 * rounds);
	return best;
}

static double injection(unsigned count)
{
	double best = 1e30;

	setup(ARMVIRT_VGIC_V3, 0);
	for (unsigned i = 32; i < 32 + count; i++) {
		mmio(0, GICD + 0x100 + 4 * (i / 32), 4, 1u << (i % 32));
		mmio(0, GICD + 0x400 + i, 1, rnd(31) << 3);
	}
	armvirt_vgic_vcpu_sync(&gic, 0, NULL);
	for (unsigned batch = 0; batch < 5; batch++) {
		double t0 = now_ns(), t;

		for (unsigned i = 32; i < 32 + count; i++)
			armvirt_vgic_inject(&gic, 0, i, NULL);
		t = (now_ns() - t0) / count;
		if (t < best)
			best = t;
		/* Take them back, untimed. */
		for (unsigned i = 32; i < 32 + count; i++)
			mmio(0, GICD + 0x280 + 4 * (i / 32), 4, 1u << (i % 32));
	}
	return best;
}

int main(void)
{
	bool quick = getenv("ARMVIRT_BENCH_QUICK") != NULL;
	unsigned rounds = quick ? 50 : 4000;
	static const unsigned depths[3] = { 4, 64, 1024 };
	int status = 0;

	printf("vgic: exit + entry (sync + fill), 4 list registers, host port\n");
	for (unsigned m = 0; m < 2; m++) {
		enum armvirt_vgic_model model = m ? ARMVIRT_VGIC_V2 : ARMVIRT_VGIC_V3;
		double base = 0;

		for (unsigned k = 0; k < 3; k++) {
			unsigned depth = depths[k];
			double ns = run(model, depth, rounds);

			if (ns < 0) {
				printf("  GICv%d depth %u: priority order VIOLATED\n", model,
				       depth);
				status = 1;
				continue;
			}
			if (k == 0)
				base = ns;
			printf("  GICv%d, %4u pending: %6.1f ns (%.2fx depth 4), %4.1f register "
			       "accesses, priority order kept\n",
			       model, nwork, ns, ns / base, accesses);
		}
	}
	printf("vgic: one injection (edge SPI into the queue): %.1f ns\n",
	       injection(quick ? 64 : 900));
	return status;
}

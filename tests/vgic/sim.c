/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The virtual CPU interface model. Encodings (literal here on purpose):
 *
 * GICv3 ICH_LR<n>_EL2 (12.5.10): vINTID [31:0], pINTID [44:32], EOI [41]
 *   (when HW == 0), Priority [55:48], Group [60], HW [61], State [63:62].
 * GICv2 GICH_LR<n> (5.3.11): VirtualID [9:0], CPUID [12:10] or PhysicalID
 *   [19:10] (HW), EOI [19] (HW == 0), Priority [27:23] (bits [7:3]),
 *   State [29:28], Grp1 [30], HW [31].
 * ICH_HCR_EL2 / GICH_HCR (12.5.5, 5.3.2): En [0], UIE [1], LRENPIE [2],
 *   NPIE [3], VGrp0EIE [4], VGrp0DIE [5], VGrp1EIE [6], VGrp1DIE [7],
 *   TDIR [14] (GICv3), EOIcount [31:27].
 * ICH_VMCR_EL2 / GICH_VMCR (12.5.11, 5.3.4): VENG0 [0], VENG1 [1], VCBPR [4],
 *   VEOIM [9], VBPR1 [20:18], VBPR0 [23:21], VPMR [31:24] (GICv3) or
 *   VMPriMask [31:27] (GICv2, priority bits [7:3]).
 * ICH_VTR_EL2 / GICH_VTR: ListRegs [4:0] / [5:0], PREbits [28:26],
 *   PRIbits [31:29].
 * Active priorities: with 5 preemption bits, bit n of ICH_AP<g>R0_EL2 (or of
 *   GICH_APR, both groups) stands for group priority n << 3.
 */
#include "sim.h"

#include <armvirt/port_host.h>

#define GICH_HCR 0x000u
#define GICH_VTR 0x004u
#define GICH_VMCR 0x008u
#define GICH_APR 0x0F0u
#define GICH_LR(n) (0x100u + 4u * (n))

static enum sim_format fmt;
static unsigned nlrs;
static unsigned phys_deact, last_pintid;

void sim_reset(enum sim_format f, unsigned nr_lrs)
{
	armvirt_host_reset();
	fmt = f;
	nlrs = nr_lrs;
	phys_deact = 0;
	last_pintid = 0;
	/* PRIbits = PREbits = 5 (encoded 4), ListRegs = nr_lrs - 1. */
	if (f == SIM_ICH)
		armvirt_host_set(ARMVIRT_HOST_REG_ich_vtr_el2,
				 (4u << 29) | (4u << 26) | (1u << 23) | (nr_lrs - 1u));
	else
		armvirt_host_set_gich(GICH_VTR, (4u << 29) | (4u << 26) | (nr_lrs - 1u));
}

enum sim_format sim_format(void)
{
	return fmt;
}

unsigned sim_nr_lrs(void)
{
	return nlrs;
}

static uint64_t raw_lr(unsigned n)
{
	return fmt == SIM_ICH ? armvirt_host_get_ich_lr(n) : armvirt_host_get_gich(GICH_LR(n));
}

static void raw_set_lr(unsigned n, uint64_t v)
{
	if (fmt == SIM_ICH)
		armvirt_host_set_ich_lr(n, v);
	else
		armvirt_host_set_gich(GICH_LR(n), (uint32_t)v);
}

struct sim_lr sim_lr(unsigned n)
{
	uint64_t v = raw_lr(n);
	struct sim_lr l;

	if (fmt == SIM_ICH) {
		l.state = (unsigned)(v >> 62);
		l.hw = (v >> 61) & 1;
		l.group = (v >> 60) & 1;
		l.prio = (v >> 48) & 0xff;
		l.pintid = l.hw ? (v >> 32) & 0x1fff : 0;
		l.eoi = !l.hw && ((v >> 41) & 1);
		/* A GICv2 guest's SGI carries its source in vINTID [12:10]. */
		l.intid = v & 0x3ff;
		l.cpuid = (v >> 10) & 7;
	} else {
		l.state = (v >> 28) & 3;
		l.hw = (v >> 31) & 1;
		l.group = (v >> 30) & 1;
		l.prio = ((v >> 23) & 0x1f) << 3;
		l.pintid = l.hw ? (v >> 10) & 0x3ff : 0;
		l.eoi = !l.hw && ((v >> 19) & 1);
		l.cpuid = l.hw ? 0 : (v >> 10) & 7;
		l.intid = v & 0x3ff;
	}
	return l;
}

void sim_lr_set_state(unsigned n, unsigned state)
{
	uint64_t v = raw_lr(n);

	if (fmt == SIM_ICH)
		v = (v & ~(UINT64_C(3) << 62)) | ((uint64_t)state << 62);
	else
		v = (v & ~(UINT64_C(3) << 28)) | ((uint64_t)state << 28);
	raw_set_lr(n, v);
}

static uint32_t vmcr(void)
{
	return fmt == SIM_ICH ? (uint32_t)armvirt_host_get(ARMVIRT_HOST_REG_ich_vmcr_el2)
			      : armvirt_host_get_gich(GICH_VMCR);
}

static void set_vmcr(uint32_t v)
{
	if (fmt == SIM_ICH)
		armvirt_host_set(ARMVIRT_HOST_REG_ich_vmcr_el2, v);
	else
		armvirt_host_set_gich(GICH_VMCR, v);
}

static uint32_t hcr(void)
{
	return fmt == SIM_ICH ? (uint32_t)armvirt_host_get(ARMVIRT_HOST_REG_ich_hcr_el2)
			      : armvirt_host_get_gich(GICH_HCR);
}

static void set_hcr(uint32_t v)
{
	if (fmt == SIM_ICH)
		armvirt_host_set(ARMVIRT_HOST_REG_ich_hcr_el2, v);
	else
		armvirt_host_set_gich(GICH_HCR, v);
}

void sim_set_pmr(unsigned pmr)
{
	uint32_t v = vmcr();

	if (fmt == SIM_ICH)
		v = (v & 0x00ffffffu) | (pmr << 24);
	else
		v = (v & 0x07ffffffu) | ((pmr >> 3) << 27);
	set_vmcr(v);
}

void sim_enable_groups(bool g0, bool g1)
{
	set_vmcr((vmcr() & ~3u) | (g0 ? 1u : 0u) | (g1 ? 2u : 0u));
}

void sim_set_eoimode(unsigned eoimode)
{
	set_vmcr((vmcr() & ~(1u << 9)) | (eoimode << 9));
}

unsigned sim_eoimode(void)
{
	return (vmcr() >> 9) & 1;
}

static unsigned pmr(void)
{
	return fmt == SIM_ICH ? vmcr() >> 24 : (vmcr() >> 27) << 3;
}

/* Both groups' active priorities as one 32-bit map (5 preemption bits). */
static uint32_t apr_map(void)
{
	if (fmt == SIM_GICH)
		return armvirt_host_get_gich(GICH_APR);
	return (uint32_t)(armvirt_host_get_ich_apr(0, 0) | armvirt_host_get_ich_apr(1, 0));
}

unsigned sim_rpr(void)
{
	uint32_t m = apr_map();

	return m ? (unsigned)__builtin_ctz(m) << 3 : 256;
}

/* Group priority: bits [7:BPR0+1] for Group 0, [7:BPR1] for Group 1 (no
 * VCBPR), never finer than the 5 preemption bits (GICv3 4.8.5). */
static unsigned group_prio(unsigned prio, unsigned group)
{
	uint32_t v = vmcr();
	unsigned shift = (group == 0 || ((v >> 4) & 1)) ? ((v >> 21) & 7) + 1 : (v >> 18) & 7;

	if (shift < 3)
		shift = 3;
	return (prio >> shift) << shift;
}

static bool group_enabled(unsigned g)
{
	return (vmcr() >> g) & 1;
}

int sim_hppi(void)
{
	int best = -1;
	unsigned best_prio = 256;

	for (unsigned n = 0; n < nlrs; n++) {
		struct sim_lr l = sim_lr(n);

		/* Only a purely pending interrupt is signalled. */
		if (l.state != 1 || !group_enabled(l.group))
			continue;
		if (l.prio < best_prio) {
			best = (int)n;
			best_prio = l.prio;
		}
	}
	if (best < 0 || best_prio >= pmr() ||
	    group_prio(best_prio, sim_lr((unsigned)best).group) >= sim_rpr())
		return -1;
	return best;
}

static void set_apr_bit(unsigned group, unsigned level)
{
	if (fmt == SIM_GICH)
		armvirt_host_set_gich(GICH_APR, armvirt_host_get_gich(GICH_APR) | (1u << level));
	else
		armvirt_host_set_ich_apr(group, 0,
					 armvirt_host_get_ich_apr(group, 0) | (1u << level));
}

unsigned sim_ack(void)
{
	int n = sim_hppi();
	struct sim_lr l;

	if (n < 0)
		return 1023;
	l = sim_lr((unsigned)n);
	sim_lr_set_state((unsigned)n, 2);
	set_apr_bit(l.group, group_prio(l.prio, l.group) >> 3);
	return l.intid | (l.cpuid << 10);
}

/* Drop the running priority: clear the most urgent active priority bit. */
static bool priority_drop(void)
{
	uint32_t m = apr_map();
	unsigned bit;

	if (m == 0)
		return false;
	bit = (unsigned)__builtin_ctz(m);
	if (fmt == SIM_GICH) {
		armvirt_host_set_gich(GICH_APR, m & ~(1u << bit));
	} else {
		for (unsigned g = 0; g < 2; g++)
			armvirt_host_set_ich_apr(g, 0,
						 armvirt_host_get_ich_apr(g, 0) & ~(1u << bit));
	}
	return true;
}

static void count_eoi(void)
{
	uint32_t h = hcr();
	unsigned c = ((h >> 27) + 1) & 31;

	set_hcr((h & 0x07ffffffu) | (c << 27));
}

/* Deactivate @iar in the list registers; false if no register holds it
 * active. A HW register also deactivates its physical interrupt. */
static bool deactivate(unsigned iar)
{
	for (unsigned n = 0; n < nlrs; n++) {
		struct sim_lr l = sim_lr(n);

		if ((l.state & 2) && l.intid == (iar & 0x3ff) && l.cpuid == ((iar >> 10) & 7)) {
			sim_lr_set_state(n, l.state & 1);
			if (l.hw) {
				phys_deact++;
				last_pintid = l.pintid;
			}
			return true;
		}
	}
	return false;
}

enum sim_end sim_eoi(unsigned iar)
{
	if (!priority_drop())
		return SIM_IGNORED;
	if (sim_eoimode() == 1)
		return SIM_DONE;
	if (deactivate(iar))
		return SIM_DONE;
	count_eoi();
	return SIM_COUNTED;
}

enum sim_end sim_dir(unsigned iar)
{
	if (sim_eoimode() == 0)
		return SIM_IGNORED;
	if (fmt == SIM_ICH && ((hcr() >> 14) & 1))
		return SIM_TRAPPED;
	if (deactivate(iar))
		return SIM_DONE;
	count_eoi();
	return SIM_COUNTED;
}

uint32_t sim_misr(void)
{
	uint32_t h = hcr(), m = 0;
	unsigned valid = 0;
	bool pending = false;

	if (!(h & 1))
		return 0;
	for (unsigned n = 0; n < nlrs; n++) {
		struct sim_lr l = sim_lr(n);

		if (l.state == 0 && l.eoi)
			m |= 1u << 0; /* EOI */
		valid += l.state != 0;
		pending |= l.state == 1;
	}
	if ((h & (1u << 1)) && valid <= 1)
		m |= 1u << 1; /* U */
	if ((h & (1u << 2)) && (h >> 27) != 0)
		m |= 1u << 2; /* LRENP */
	if ((h & (1u << 3)) && !pending)
		m |= 1u << 3; /* NP */
	if ((h & (1u << 4)) && group_enabled(0))
		m |= 1u << 4;
	if ((h & (1u << 5)) && !group_enabled(0))
		m |= 1u << 5;
	if ((h & (1u << 6)) && group_enabled(1))
		m |= 1u << 6;
	if ((h & (1u << 7)) && !group_enabled(1))
		m |= 1u << 7;
	return m;
}

unsigned sim_eoicount(void)
{
	return hcr() >> 27;
}

unsigned sim_phys_deactivations(void)
{
	return phys_deact;
}

unsigned sim_last_pintid(void)
{
	return last_pintid;
}

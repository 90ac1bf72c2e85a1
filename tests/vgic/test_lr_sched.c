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

/* Bits of ICH_MISR_EL2 / GICH_MISR and ICH_HCR_EL2 / GICH_HCR (GICv3 12.5.8, 12.5.5). */
#define MISR_EOI (1u << 0)
#define MISR_U (1u << 1)
#define MISR_LRENP (1u << 2)
#define MISR_NP (1u << 3)
#define HCR_EN_BIT (1u << 0)
#define HCR_UIE (1u << 1)
#define HCR_LRENPIE (1u << 2)
#define HCR_NPIE (1u << 3)
#define HCR_TDIR (1u << 14)

static uint32_t hw_hcr(void)
{
	return sim_format() == SIM_ICH ? (uint32_t)armvirt_host_get(ARMVIRT_HOST_REG_ich_hcr_el2)
				       : armvirt_host_get_gich(0x000);
}

static unsigned count_state(unsigned st)
{
	unsigned n = 0;

	for (unsigned i = 0; i < sim_nr_lrs(); i++)
		n += sim_lr(i).state == st;
	return n;
}

static int find_lr(unsigned intid)
{
	for (unsigned i = 0; i < sim_nr_lrs(); i++) {
		if (sim_lr(i).state != 0 && sim_lr(i).intid == intid)
			return (int)i;
	}
	return -1;
}

static struct armvirt_vgic_irq_info info(unsigned vcpu, unsigned intid)
{
	struct armvirt_vgic_irq_info i;

	assert_int_equal(armvirt_vgic_get_irq(&h.gic, vcpu, intid, &i), 0);
	return i;
}

static void ack_eoi(unsigned expect)
{
	unsigned iar = sim_ack();

	assert_int_equal(iar, expect);
	assert_int_equal(sim_eoi(iar), SIM_DONE);
}

/* More pending than list registers: the no-pending maintenance interrupt
 * brings the guest out each time it has taken all four, and each refill
 * brings the next four. */
static void spill_case(const struct variant *var)
{
	start(var, 4, 1);
	h_setup_spis(32, 10, 0x80, 0);
	for (unsigned i = 32; i < 42; i++)
		armvirt_vgic_inject(&h.gic, 0, i, NULL);
	h_enter(0);
	for (unsigned round = 0; round < 3; round++) {
		unsigned expect = round < 2 ? 4 : 2;

		assert_int_equal(count_state(1), expect);
		assert_int_equal(hw_hcr() & HCR_NPIE, round < 2 ? HCR_NPIE : 0);
		assert_int_equal(hw_hcr() & HCR_UIE, 0);
		assert_int_equal(sim_misr(), 0);
		for (unsigned k = 0; k < expect; k++) {
			unsigned iar = sim_ack();

			/* Equal priorities: one at a time (the running priority
			 * blocks the others until the EOI). */
			assert_true(iar >= 32 && iar < 42);
			assert_int_equal(sim_ack(), 1023);
			sim_eoi(iar);
		}
		assert_int_equal(sim_misr(), round < 2 ? MISR_NP : 0);
		h_bounce(0);
	}
	assert_int_equal(count_state(1) + count_state(2) + count_state(3), 0);
}

static void test_spill_refill(void **state)
{
	(void)state;
	spill_case(&V3);
	spill_case(&V2);
}

/* A level-sensitive interrupt is re-sampled when the guest ends it: still
 * high, it is delivered again; lowered meanwhile, it is not. */
static void level_case(const struct variant *var)
{
	start(var, 4, 1);
	h_setup_spis(40, 1, 0x80, 0);
	h_write(0, H_GICD + 0xC08, 4, 0); /* INTIDs 32-47 level-sensitive */
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, true, NULL), 1);
	h_enter(0);
	assert_true(sim_lr((unsigned)find_lr(40)).eoi);
	ack_eoi(40);
	assert_int_equal(sim_misr(), MISR_EOI); /* the re-sampling exit */
	h_bounce(0);
	assert_int_equal(sim_misr(), 0);
	assert_int_equal(sim_ack(), 40); /* still high: again */
	/* The device drops the line while the guest handles it. As far as the
	 * library knows it might still be pending in the register: a kick. */
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, false, NULL), 1);
	assert_int_equal(sim_eoi(40), SIM_DONE);
	h_bounce(0);
	assert_int_equal(find_lr(40), -1);
	assert_false(info(0, 40).pending);
	assert_false(info(0, 40).active);
	assert_int_equal(sim_ack(), 1023);

	/* GICD_ISPENDR on a level interrupt latches it until acknowledged. */
	h_exit(0);
	h_write(0, H_GICD + 0x204, 4, 1u << 8);
	h_enter(0);
	assert_int_equal(sim_ack(), 40);
	assert_int_equal(sim_eoi(40), SIM_DONE);
	h_bounce(0);
	assert_int_equal(sim_ack(), 1023);
	assert_false(info(0, 40).pending);
}

static void test_level_resample(void **state)
{
	(void)state;
	level_case(&V3);
	level_case(&V2);
}

/* Route SPI @intid to vCPU @to (GICD_IROUTER or GICD_ITARGETSR). */
static void route_spi(unsigned intid, unsigned to)
{
	if (h.gic.model == ARMVIRT_VGIC_V3)
		h_write(0, H_GICD + 0x6000 + 8 * intid, 8, (uint64_t)(to / 16) << 8 | (to % 16));
	else
		h_write(0, H_GICD + 0x800 + intid, 1, 1u << to);
}

/*
 * A level interrupt that is pending, not active, stops being pending when its
 * line falls (GICv3 4.1.1, GICv2 3.2.4), even while its vCPU is out of the
 * guest with the interrupt still in its saved list registers: after a put,
 * between an exit and the next entry, and at the exit that follows a fall
 * while the guest ran. A vCPU in WFI must not be woken by it. A GICD_ISPENDR
 * latch is not the line and stays.
 */
static void level_fall_case(const struct variant *var)
{
	start(var, 4, 2);
	/* vCPU 1 runs once to set up its CPU interface, then waits put. */
	assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, 0), 0);
	h_load(1);
	assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, 1), 0);
	assert_int_equal(armvirt_vgic_vcpu_load(&h.gic, 0), 0);
	h_enter(0);
	h_exit(0);
	h_setup_spis(40, 1, 0x80, 0);
	h_write(0, H_GICD + 0xC08, 4, 0); /* INTIDs 32-47 level-sensitive */
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, true, NULL), 1);
	h_enter(0);
	assert_int_equal(sim_lr((unsigned)find_lr(40)).state, 1);
	h_exit(0);

	/* Put with 40 pending in a list register, then the line falls. */
	assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, 0), 0);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 1);
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, false, NULL), 0);
	assert_false(info(0, 40).pending);
	assert_false(info(0, 40).line_level);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 0);
	assert_int_equal(armvirt_vgic_check(&h.gic), 0);
	assert_int_equal(armvirt_vgic_vcpu_load(&h.gic, 0), 0);
	h_enter(0);
	assert_int_equal(find_lr(40), -1);
	assert_int_equal(sim_ack(), 1023);
	h_exit(0);

	/* Raised again while put: pending, and a wake-up. */
	assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, 0), 0);
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, true, NULL), 1);
	assert_true(info(0, 40).pending);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 1);
	assert_int_equal(armvirt_vgic_vcpu_load(&h.gic, 0), 0);
	h_enter(0);
	assert_int_equal(sim_lr((unsigned)find_lr(40)).state, 1);
	h_exit(0);

	/* Loaded, between an exit and the next entry. */
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, false, NULL), 0);
	assert_false(info(0, 40).pending);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 0);
	h_enter(0);
	assert_int_equal(find_lr(40), -1);

	/* Falling while the guest runs: a kick, and not pending once out. */
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, true, NULL), 1);
	h_bounce(0);
	assert_int_equal(sim_lr((unsigned)find_lr(40)).state, 1);
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, false, NULL), 1);
	h_exit(0);
	assert_false(info(0, 40).pending);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 0);
	h_enter(0);
	assert_int_equal(find_lr(40), -1);
	assert_int_equal(sim_ack(), 1023);

	/* Latched by GICD_ISPENDR as well: still pending after the fall. */
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, true, NULL), 1);
	h_write(0, H_GICD + 0x204, 4, 1u << 8);
	h_bounce(0);
	h_exit(0);
	assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, 0), 0);
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, false, NULL), 0);
	assert_true(info(0, 40).pending);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 1);
	assert_int_equal(armvirt_vgic_vcpu_load(&h.gic, 0), 0);
	h_enter(0);
	ack_eoi(40);
	h_bounce(0); /* the re-sampling exit */
	assert_int_equal(sim_ack(), 1023);
	h_exit(0);
	assert_false(info(0, 40).pending);

	/* Rerouted while in flight on vCPU 0: once the fall frees it, it
	 * moves, and its next rise goes to vCPU 1. */
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, true, NULL), 1);
	h_enter(0);
	h_exit(0);
	assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, 0), 0);
	route_spi(40, 1);
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, false, NULL), 0);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 0);
	armvirt_vgic_kicks_clear(&h.kicks);
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 40, true, &h.kicks), 1);
	assert_true(armvirt_vgic_kicks_test(&h.kicks, 1));
	assert_false(armvirt_vgic_kicks_test(&h.kicks, 0));
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 1), 1);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 0);
	assert_int_equal(armvirt_vgic_check(&h.gic), 0);
}

static void test_level_fall_out_of_guest(void **state)
{
	(void)state;
	level_fall_case(&V3);
	level_fall_case(&V2);
}

/* A hardware-linked interrupt: HW bit and pINTID, no EOI request, never
 * pending and active; the guest's deactivation deactivates the physical
 * interrupt and lowers the virtual line. */
static void hw_case(const struct variant *var)
{
	struct sim_lr l;
	unsigned ppi = 27;

	start(var, 4, 1);
	h_write(0, H_GICD, 4, 3);
	if (var->model == ARMVIRT_VGIC_V3) {
		h_write(0, H_GICR + 0x10000 + 0x100, 4, 1u << ppi);
		h_write(0, H_GICR + 0x10000 + 0x400 + ppi, 1, 0x20);
	} else {
		h_write(0, H_GICD + 0x100, 4, 1u << ppi);
		h_write(0, H_GICD + 0x400 + ppi, 1, 0x20);
	}
	assert_int_equal(armvirt_vgic_map_hw(&h.gic, 0, ppi, 27), 0);
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, ppi, true, NULL), 1);
	h_enter(0);
	assert_int_equal(armvirt_vgic_map_hw(&h.gic, 0, ppi, 27), ARMVIRT_EBUSY);
	l = sim_lr((unsigned)find_lr(ppi));
	assert_true(l.hw);
	assert_int_equal(l.pintid, 27);
	assert_false(l.eoi);
	assert_int_equal(l.state, 1);
	assert_int_equal(sim_ack(), ppi);
	h_bounce(0); /* an exit while it is active: it stays active only */
	assert_int_equal(sim_lr((unsigned)find_lr(ppi)).state, 2);
	assert_int_equal(sim_eoi(ppi), SIM_DONE);
	assert_int_equal(sim_phys_deactivations(), 1);
	assert_int_equal(sim_last_pintid(), 27);
	assert_int_equal(sim_misr(), 0); /* no maintenance for a HW interrupt */
	h_bounce(0);
	assert_false(info(0, ppi).line_level);
	assert_false(info(0, ppi).pending);
	assert_int_equal(find_lr(ppi), -1);

	/* Edge-triggered and linked: a new edge while active waits in
	 * software (never pending and active in the register). */
	h_exit(0);
	if (var->model == ARMVIRT_VGIC_V3)
		h_write(0, H_GICR + 0x10000 + 0xC04, 4, 2u << 2 * (ppi - 16));
	else
		h_write(0, H_GICD + 0xC04, 4, 2u << 2 * (ppi - 16));
	armvirt_vgic_inject(&h.gic, 0, ppi, NULL);
	h_enter(0);
	assert_int_equal(sim_ack(), ppi);
	armvirt_vgic_inject(&h.gic, 0, ppi, NULL);
	h_bounce(0);
	assert_int_equal(sim_lr((unsigned)find_lr(ppi)).state, 2);
	assert_true(info(0, ppi).pending);
	assert_int_equal(sim_eoi(ppi), SIM_DONE);
	h_bounce(0);
	assert_int_equal(sim_lr((unsigned)find_lr(ppi)).state, 1);
	ack_eoi(ppi);

	h_exit(0);
	assert_int_equal(armvirt_vgic_unmap_hw(&h.gic, 0, ppi), 0);
	assert_int_equal(armvirt_vgic_unmap_hw(&h.gic, 0, ppi), ARMVIRT_EINVAL);
	assert_false(info(0, ppi).hw);
	assert_int_equal(armvirt_vgic_map_hw(&h.gic, 0, ppi, 15), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vgic_map_hw(&h.gic, 0, 3, 27), ARMVIRT_EINVAL);
}

static void test_hw_interrupt(void **state)
{
	(void)state;
	hw_case(&V3);
	hw_case(&V2);
}

/* GICv2: an SGI sent by three CPUs is three interrupts, each in its own list
 * register with its source, each acknowledged with it. */
static void multi_sgi_case(const struct variant *var)
{
	unsigned seen = 0;

	h_init(var->model, var->fmt, 4, 4, 0);
	h_write(0, H_GICD, 4, 1);
	h_write(0, H_GICD + 0x405, 1, 0x40); /* SGI 5 priority, vCPU 0's bank */
	h_load(0);
	for (unsigned src = 1; src < 4; src++)
		h_write(src, H_GICD + 0xF00, 4, (1u << 16) | 5);  /* to CPU 0 */
	h_write(1, H_GICD + 0xF00, 4, (1u << 16) | 5);		  /* again: already pending */
	assert_int_equal(h_read(0, H_GICD + 0xF24, 4) >> 8, 0xE); /* SPENDSGIR: sources */
	h_enter(0);
	assert_int_equal(count_state(1), 3);
	for (unsigned k = 0; k < 3; k++) {
		unsigned iar = sim_ack();

		assert_int_equal(iar & 0x3ff, 5);
		seen |= 1u << (iar >> 10);
		assert_int_equal(sim_eoi(iar), SIM_DONE);
	}
	assert_int_equal(seen, 0xE);
	assert_int_equal(sim_ack(), 1023);
	h_bounce(0);
	assert_int_equal(sim_ack(), 1023);
	assert_false(info(0, 5).pending);

	/* One sent while the target runs: a kick. */
	armvirt_vgic_kicks_clear(&h.kicks);
	h_write(2, H_GICD + 0xF00, 4, (1u << 16) | 5);
	assert_true(armvirt_vgic_kicks_test(&h.kicks, 0));
	h_bounce(0);
	assert_int_equal(sim_ack(), 5u | (2u << 10));
}

static void test_multi_source_sgi(void **state)
{
	(void)state;
	multi_sgi_case(&V2);
	multi_sgi_case(&V2_ON_ICH);
}

/* A more urgent interrupt preempts an active one: with a free register it
 * simply comes in; with none, the active one is evicted and its end is
 * learnt from EOIcount (EOImode 0). */
static void preempt_case(const struct variant *var, unsigned nr_lrs)
{
	start(var, nr_lrs, 1);
	h_setup_spis(40, 2, 0x80, 0);
	h_set_priority(0, 41, 0x40);
	armvirt_vgic_inject(&h.gic, 0, 40, NULL);
	h_enter(0);
	assert_int_equal(sim_ack(), 40);
	armvirt_vgic_kicks_clear(&h.kicks);
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 41, &h.kicks), 1);
	assert_true(armvirt_vgic_kicks_test(&h.kicks, 0));
	h_bounce(0);
	assert_int_equal(sim_ack(), 41); /* nested */
	assert_int_equal(sim_rpr(), 0x40);
	assert_int_equal(sim_eoi(41), SIM_DONE);
	if (nr_lrs == 1) {
		/* 40 left the only register for 41 */
		assert_int_equal(find_lr(40), -1);
		assert_true(info(0, 40).active);
		assert_int_equal(hw_hcr() & HCR_LRENPIE, HCR_LRENPIE);
		assert_int_equal(sim_eoi(40), SIM_COUNTED);
		assert_int_equal(sim_misr(), MISR_LRENP);
		h_bounce(0);
		assert_int_equal(sim_eoicount(), 0);
		assert_int_equal(sim_misr(), 0);
	} else {
		assert_int_equal(sim_eoi(40), SIM_DONE);
		h_bounce(0);
	}
	assert_false(info(0, 40).active);
	assert_false(info(0, 41).active);
	assert_int_equal(sim_rpr(), 256);
	assert_int_equal(sim_ack(), 1023);
}

static void test_preemption(void **state)
{
	(void)state;
	preempt_case(&V3, 4);
	preempt_case(&V3, 1);
	preempt_case(&V2, 4);
	preempt_case(&V2, 1);
}

/* EOImode 1 with every register holding an active (priority-dropped,
 * not yet deactivated) interrupt: a pending one must still get in. GICv3:
 * an active one is evicted and its DIR trapped. */
static void test_all_active_evicts_v3(void **state)
{
	unsigned taken[5];

	(void)state;
	start(&V3, 4, 1);
	sim_set_eoimode(1);
	h_setup_spis(40, 5, 0x80, 0);
	for (unsigned i = 40; i < 44; i++)
		armvirt_vgic_inject(&h.gic, 0, i, NULL);
	h_enter(0);
	for (unsigned k = 0; k < 4; k++) {
		taken[k] = sim_ack();
		assert_int_equal(sim_eoi(taken[k]), SIM_DONE); /* drop only */
	}
	assert_int_equal(count_state(2), 4);
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 44, NULL), 1);
	h_bounce(0);
	assert_int_equal(count_state(2), 3);
	assert_int_equal(hw_hcr() & (HCR_TDIR | HCR_LRENPIE), HCR_TDIR | HCR_LRENPIE);
	taken[4] = sim_ack();
	assert_int_equal(taken[4], 44);
	assert_int_equal(sim_eoi(44), SIM_DONE);
	/* DIR traps while an active interrupt is outside the registers (40,
	 * the first evicted); the emulation ends it. Then the registers do. */
	for (unsigned k = 0; k < 5; k++) {
		struct armvirt_sysreg_access dir = { 0xC659u /* ICC_DIR_EL1 */, 1, true, taken[k] };
		enum sim_end r = sim_dir(taken[k]);

		assert_int_equal(r, k == 0 ? SIM_TRAPPED : SIM_DONE);
		h_exit(0);
		if (r == SIM_TRAPPED)
			assert_int_equal(armvirt_vgic_sysreg(&h.gic, 0, &dir, NULL), 0);
		h_enter(0);
		assert_false(info(0, taken[k]).active);
	}
	assert_int_equal(count_state(2) + count_state(1), 0);
	assert_int_equal(hw_hcr() & (HCR_TDIR | HCR_LRENPIE), 0);
}

/* The same on GICv2, where a GICV_DIR write cannot be observed: the active
 * interrupts stay, and each register asks for an EOI maintenance interrupt
 * so that the first deactivation lets the pending one in. */
static void test_all_active_waits_v2(void **state)
{
	(void)state;
	start(&V2, 1, 1);
	sim_set_eoimode(1);
	h_setup_spis(40, 2, 0x80, 0);
	armvirt_vgic_inject(&h.gic, 0, 40, NULL);
	h_enter(0);
	assert_int_equal(sim_ack(), 40);
	assert_int_equal(sim_eoi(40), SIM_DONE);
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 41, NULL), 1);
	h_bounce(0);
	assert_int_equal(sim_lr(0).state, 2);
	assert_true(sim_lr(0).eoi);
	assert_int_equal(sim_ack(), 1023);
	assert_int_equal(sim_dir(40), SIM_DONE);
	assert_int_equal(sim_misr(), MISR_EOI);
	h_bounce(0);
	assert_int_equal(sim_ack(), 41);
}

/* A guest stuck with all registers active in EOImode 0 nests: the most
 * urgent pending interrupt still gets through, and EOIcount ends the
 * evicted ones most urgent first. */
static void test_eoicount_order(void **state)
{
	(void)state;
	start(&V3, 2, 1);
	h_setup_spis(40, 3, 0x80, 0);
	h_set_priority(0, 41, 0x60);
	h_set_priority(0, 42, 0x40);
	armvirt_vgic_inject(&h.gic, 0, 40, NULL);
	h_enter(0);
	assert_int_equal(sim_ack(), 40);
	armvirt_vgic_inject(&h.gic, 0, 41, NULL);
	h_bounce(0);
	assert_int_equal(sim_ack(), 41);
	armvirt_vgic_inject(&h.gic, 0, 42, NULL);
	h_bounce(0); /* 40, least urgent, leaves */
	assert_int_equal(find_lr(40), -1);
	assert_int_equal(sim_ack(), 42);
	assert_int_equal(sim_eoi(42), SIM_DONE);
	h_bounce(0); /* a register is free: 40 comes back */
	assert_int_equal(sim_lr((unsigned)find_lr(40)).state, 2);
	assert_int_equal(sim_eoi(41), SIM_DONE);
	assert_int_equal(sim_eoi(40), SIM_DONE);
	h_bounce(0);
	for (unsigned i = 40; i < 43; i++)
		assert_false(info(0, i).active);
}

/* Kicks: a vCPU in the guest is kicked for an interrupt that can enter its
 * list registers now, not for one that waits behind the armed no-pending
 * maintenance interrupt; one outside the guest is woken; nothing for a
 * disabled group. */
static void test_kicks(void **state)
{
	struct armvirt_vgic_kicks k;

	(void)state;
	start(&V3, 4, 2);
	h_setup_spis(32, 8, 0x40, 0);
	h_setup_spis(40, 2, 0x80, 0);
	h_set_priority(0, 41, 0x20);
	for (unsigned i = 32; i < 38; i++)
		armvirt_vgic_inject(&h.gic, 0, i, NULL);
	h_enter(0);
	assert_int_equal(hw_hcr() & HCR_NPIE, HCR_NPIE);
	armvirt_vgic_kicks_clear(&k);
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 40, &k), 0); /* 0x80: behind */
	assert_false(armvirt_vgic_kicks_test(&k, 0));
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 41, &k), 1); /* 0x20: ahead */
	assert_true(armvirt_vgic_kicks_test(&k, 0));
	assert_false(armvirt_vgic_kicks_test(&k, 1));
	h_exit(0);
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 38, NULL), 1); /* out: wake */
	h_write(0, H_GICD, 4, 0);				       /* distributor off */
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 39, NULL), 0);
	armvirt_vgic_kicks_clear(&k);
	h_enter(0);
	assert_int_equal(count_state(1), 0); /* nothing is forwarded */
	h_exit(0);
	{
		struct armvirt_mmio_access a = { armvirt_ipa(H_GICD), 4, true, 2 };

		assert_int_equal(armvirt_vgic_mmio(&h.gic, 1, &a, &k), 1);
		assert_true(armvirt_vgic_kicks_test(&k, 0));
		assert_true(armvirt_vgic_kicks_test(&k, 1));
	}
	h_enter(0);
	assert_int_equal(sim_ack(), 41);
}

static unsigned log_count(enum armvirt_host_event_kind kind)
{
	unsigned n = 0;

	for (size_t i = 0; i < armvirt_host_log_count(); i++)
		n += armvirt_host_log_at(i)->kind == kind;
	return n;
}

/* Only what changed is touched: an exit where nothing happened reads ELRSR,
 * the valid registers and VMCR and writes nothing; an entry after it writes
 * nothing. After one interrupt is taken and ended, the exit reads one
 * register less and the entry writes none; refilling writes only the
 * registers filled. */
static void test_register_traffic(void **state)
{
	(void)state;
	start(&V3, 4, 1);
	h_setup_spis(32, 6, 0x80, 0);
	for (unsigned i = 32; i < 35; i++)
		armvirt_vgic_inject(&h.gic, 0, i, NULL);
	h_enter(0); /* first entry after load: every register written */
	armvirt_host_log_clear();
	h_exit(0);
	assert_int_equal(log_count(ARMVIRT_HOST_EV_LR_READ), 3);
	assert_int_equal(log_count(ARMVIRT_HOST_EV_READ), 2); /* ELRSR, VMCR */
	assert_int_equal(log_count(ARMVIRT_HOST_EV_WRITE) + log_count(ARMVIRT_HOST_EV_LR_WRITE), 0);
	armvirt_host_log_clear();
	h_enter(0);
	assert_int_equal(armvirt_host_log_count(), 0);
	ack_eoi(sim_lr(0).intid);
	armvirt_host_log_clear();
	h_exit(0);
	assert_int_equal(log_count(ARMVIRT_HOST_EV_LR_READ), 2);
	armvirt_host_log_clear();
	h_enter(0); /* the emptied register may stay as it is */
	assert_int_equal(armvirt_host_log_count(), 0);
	h_exit(0);
	for (unsigned i = 35; i < 38; i++)
		armvirt_vgic_inject(&h.gic, 0, i, NULL);
	armvirt_host_log_clear();
	h_enter(0); /* two registers to fill, one left queued: NPIE */
	assert_int_equal(log_count(ARMVIRT_HOST_EV_LR_WRITE), 2);
	assert_int_equal(log_count(ARMVIRT_HOST_EV_WRITE), 1);
	assert_int_equal(hw_hcr() & HCR_NPIE, HCR_NPIE);
}

/*
 * The idle entry (nothing in use, queued or evicted) writes nothing, and
 * leaves the vCPU admitting any new interrupt with a kick: one injected
 * while it runs is delivered at the next entry. With a register left
 * holding an interrupt the guest has not taken, the entry is not idle.
 */
static void idle_entry_case(const struct variant *var)
{
	struct armvirt_vgic_kicks k;

	start(var, 4, 1);
	h_setup_spis(32, 4, 0x80, 0);
	armvirt_vgic_inject(&h.gic, 0, 32, NULL);
	armvirt_vgic_inject(&h.gic, 0, 33, NULL);
	h_enter(0);
	ack_eoi(32);
	ack_eoi(33);
	h_exit(0);
	armvirt_host_log_clear();
	h_enter(0);
	assert_int_equal(log_count(ARMVIRT_HOST_EV_LR_WRITE) + log_count(ARMVIRT_HOST_EV_WRITE) +
				 log_count(ARMVIRT_HOST_EV_GICH_WRITE),
			 0);
	assert_int_equal(count_state(0), sim_nr_lrs());
	assert_int_equal(hw_hcr(), HCR_EN_BIT);
	armvirt_vgic_kicks_clear(&k);
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 34, &k), 1);
	assert_true(armvirt_vgic_kicks_test(&k, 0));
	h_exit(0);
	h_enter(0);
	assert_true(find_lr(34) >= 0);
	assert_int_equal(sim_ack(), 34); /* taken, not ended: the next entry is not idle */
	armvirt_vgic_inject(&h.gic, 0, 35, NULL);
	h_exit(0);
	h_enter(0);
	assert_true(find_lr(35) >= 0);
	assert_int_equal(sim_eoi(34), SIM_DONE);
	ack_eoi(35);
}

static void test_idle_entry(void **state)
{
	(void)state;
	idle_entry_case(&V3);
	idle_entry_case(&V2);
}

/* GICH is memory-mapped: an entry that wrote it ends with a DSB, so the
 * writes are complete before the guest reaches GICV; one that wrote
 * nothing needs none. */
static void test_gich_barrier(void **state)
{
	size_t n;

	(void)state;
	start(&V2, 4, 1);
	h_setup_spis(32, 1, 0x80, 0);
	armvirt_vgic_inject(&h.gic, 0, 32, NULL);
	armvirt_host_log_clear();
	h_enter(0);
	n = armvirt_host_log_count();
	assert_true(n >= 2);
	assert_int_equal(armvirt_host_log_at(n - 2)->kind, ARMVIRT_HOST_EV_GICH_WRITE);
	assert_int_equal(armvirt_host_log_at(n - 1)->kind, ARMVIRT_HOST_EV_DSB);
	assert_int_equal(armvirt_host_log_at(n - 1)->id, ARMVIRT_PORT_SY);
	h_exit(0);
	armvirt_host_log_clear();
	h_enter(0);
	assert_int_equal(log_count(ARMVIRT_HOST_EV_DSB), 0);
}

/* Context switch: put saves VMCR and the active priorities and clears the
 * interface; load restores them on a machine whose registers were reused. */
static void test_save_restore(void **state)
{
	unsigned iar;

	(void)state;
	start(&V3, 4, 2);
	h_setup_spis(40, 2, 0x40, 0);
	armvirt_vgic_inject(&h.gic, 0, 40, NULL);
	armvirt_vgic_inject(&h.gic, 0, 41, NULL);
	h_enter(0);
	sim_set_pmr(0x90);
	iar = sim_ack();
	h_exit(0);
	assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, 0), 0);
	assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, 0), ARMVIRT_EPERM);
	assert_int_equal(hw_hcr(), 0);
	for (unsigned i = 0; i < 4; i++)
		assert_int_equal(sim_lr(i).state, 0);
	/* Another vCPU runs here and leaves its marks. */
	h_load(1);
	h_enter(1);
	armvirt_host_set_ich_apr(1, 0, 0x5);
	armvirt_host_set_ich_lr(3, UINT64_C(0x5000000000000077));
	h_exit(1);
	assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, 1), 0);
	armvirt_host_set_ich_lr(3, UINT64_C(0x5000000000000077));
	assert_int_equal(armvirt_vgic_vcpu_load(&h.gic, 0), 0);
	assert_int_equal(armvirt_vgic_vcpu_load(&h.gic, 0), ARMVIRT_EBUSY);
	assert_int_equal(armvirt_host_get(ARMVIRT_HOST_REG_ich_vmcr_el2) >> 24, 0x90);
	assert_int_equal(armvirt_host_get_ich_apr(1, 0), 1u << (0x40 >> 3));
	h_enter(0);
	assert_int_equal(sim_lr((unsigned)find_lr(iar)).state, 2);
	assert_int_equal(count_state(1), 1);
	assert_int_equal(sim_lr(3).state, 0); /* the stranger's entry is gone */
	assert_int_equal(sim_eoi(iar), SIM_DONE);
	ack_eoi(iar == 40 ? 41 : 40);
}

/* The WFI question: pending, enabled and above the priority mask and the
 * running priority, with its group enabled. */
static void test_pending_query(void **state)
{
	(void)state;
	start(&V3, 4, 1);
	h_setup_spis(40, 1, 0x80, 0);
	h_enter(0);
	h_exit(0);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 0);
	armvirt_vgic_inject(&h.gic, 0, 40, NULL);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 1);
	sim_set_pmr(0x80);
	h_enter(0);
	h_exit(0); /* the exit reads the mask */
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 0);
	sim_set_pmr(0xf0);
	h_enter(0);
	h_exit(0);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 1);
	armvirt_host_set_ich_apr(1, 0, 1u << (0x80 >> 3)); /* running at 0x80 */
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 0);
	armvirt_host_set_ich_apr(1, 0, 0);
	sim_enable_groups(true, false);
	h_enter(0);
	h_exit(0);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 0);
	/* Not loaded: the saved state answers. */
	sim_enable_groups(true, true);
	h_enter(0);
	h_exit(0);
	assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, 0), 0);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 1);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 1), ARMVIRT_EINVAL);
}

/* The guest's group enables are not trapped: a queued interrupt of a group
 * the guest has disabled arms the group-enable maintenance interrupt, and a
 * pending register of a group it might disable while others wait arms the
 * group-disable one. */
static void test_group_enable_maintenance(void **state)
{
	(void)state;
	start(&V3, 1, 1);
	h_setup_spis(40, 2, 0x80, 0);
	h_write(0, H_GICD + 0x84, 4, 1u << 8); /* 40 Group 1, 41 Group 0 */
	h_set_priority(0, 40, 0x40);
	h_enter(0);
	sim_enable_groups(true, false); /* the guest turns Group 1 off */
	h_exit(0);
	armvirt_vgic_inject(&h.gic, 0, 40, NULL);
	armvirt_vgic_inject(&h.gic, 0, 41, NULL);
	h_enter(0);
	assert_int_equal(sim_lr(0).intid, 41);
	assert_int_equal(hw_hcr() & (1u << 6), 1u << 6); /* VGrp1EIE */
	assert_int_equal(sim_misr(), 0);
	ack_eoi(41);
	sim_enable_groups(true, true);
	assert_int_equal(sim_misr(), 1u << 6); /* VGrp1E */
	h_bounce(0);
	assert_int_equal(sim_misr(), 0);
	ack_eoi(40);

	armvirt_vgic_inject(&h.gic, 0, 40, NULL);
	armvirt_vgic_inject(&h.gic, 0, 41, NULL);
	h_bounce(0);
	assert_int_equal(sim_lr(0).intid, 40);
	assert_int_equal(hw_hcr() & (1u << 7), 1u << 7); /* VGrp1DIE */
	sim_enable_groups(true, false);
	assert_int_equal(sim_misr() & (1u << 7), 1u << 7);
	h_bounce(0);
	assert_int_equal(sim_lr(0).intid, 41);
	ack_eoi(41);
}

/* Another vCPU changes the pending and active state of interrupts that sit in
 * the list registers of vCPU 0 while it runs: the changes wait for its exit
 * (set- and clear-active kick it) and then take effect in the registers. */
static void test_changes_while_running(void **state)
{
	(void)state;
	start(&V3, 4, 2);
	h_setup_spis(40, 3, 0x80, 0);
	h_write(0, H_GICD + 0xC08, 4, (2u << 16) | (2u << 20)); /* 40, 42 edge; 41 level */
	armvirt_vgic_inject(&h.gic, 0, 40, NULL);
	armvirt_vgic_set_level(&h.gic, 0, 41, true, NULL);
	armvirt_vgic_inject(&h.gic, 0, 42, NULL);
	h_enter(0);
	assert_int_equal(count_state(1), 3);

	/* Clear-pending: no kick; withdrawn at the exit. */
	armvirt_vgic_kicks_clear(&h.kicks);
	h_write(1, H_GICD + 0x284, 4, 1u << 8);
	assert_false(armvirt_vgic_kicks_test(&h.kicks, 0));
	assert_int_equal(sim_lr((unsigned)find_lr(40)).state, 1); /* still live */
	h_bounce(0);
	assert_int_equal(find_lr(40), -1);
	assert_false(info(0, 40).pending);

	/* Set-active on a pending level interrupt: a kick; at the exit it
	 * becomes active only (a level interrupt is never both). */
	h_write(1, H_GICD + 0x304, 4, 1u << 9);
	assert_true(armvirt_vgic_kicks_test(&h.kicks, 0));
	h_bounce(0);
	assert_int_equal(sim_lr((unsigned)find_lr(41)).state, 2);
	assert_true(info(0, 41).active);
	/* Clear-active: a kick; then the line, still high, makes it pending. */
	armvirt_vgic_kicks_clear(&h.kicks);
	h_write(1, H_GICD + 0x384, 4, 1u << 9);
	assert_true(armvirt_vgic_kicks_test(&h.kicks, 0));
	h_bounce(0);
	assert_false(info(0, 41).active);
	assert_int_equal(sim_lr((unsigned)find_lr(41)).state, 1);

	/* Set-active requested, but the guest takes and ends the interrupt
	 * before the exit: it is active afterwards all the same. */
	h_write(1, H_GICD + 0x304, 4, 1u << 10);
	ack_eoi(41);
	assert_int_equal(sim_ack(), 42);
	assert_int_equal(sim_eoi(42), SIM_DONE);
	h_bounce(0);
	assert_true(info(0, 42).active);
	assert_int_equal(sim_lr((unsigned)find_lr(42)).state, 2);

	/* Out of the guest, the same changes apply at once. */
	h_exit(0);
	h_write(0, H_GICD + 0x384, 4, 1u << 10);
	assert_false(info(0, 42).active);
	armvirt_vgic_inject(&h.gic, 0, 42, NULL);
	h_enter(0);
	h_exit(0);
	h_write(0, H_GICD + 0x304, 4, 1u << 10); /* pending in a register: now active too */
	h_enter(0);
	assert_int_equal(sim_lr((unsigned)find_lr(42)).state, 3);
	assert_int_equal(armvirt_vgic_vcpu_fill(&h.gic, 0, NULL), ARMVIRT_EPERM);
	h_exit(0);
	assert_int_equal(armvirt_vgic_vcpu_sync(&h.gic, 0, NULL), ARMVIRT_EPERM);
	h_write(0, H_GICD + 0x384, 4, 1u << 10);
	h_write(0, H_GICD + 0x284, 4, 1u << 10);
	assert_false(info(0, 42).active);
	assert_false(info(0, 42).pending);
	h_enter(0);
	assert_int_equal(find_lr(42), -1);
}

/* A priority change reorders what is queued, and what is evicted. */
static void test_priority_change_requeues(void **state)
{
	(void)state;
	start(&V3, 1, 1);
	h_setup_spis(40, 2, 0x80, 0);
	armvirt_vgic_inject(&h.gic, 0, 40, NULL);
	armvirt_vgic_inject(&h.gic, 0, 41, NULL);
	h_enter(0);
	assert_int_equal(sim_lr(0).intid, 40);
	h_exit(0);
	h_set_priority(0, 41, 0x40); /* queued: now ahead of 40 */
	h_enter(0);
	assert_int_equal(sim_lr(0).intid, 41);
	assert_int_equal(sim_ack(), 41);
	h_bounce(0); /* 40 is queued behind the active 41 */
	h_exit(0);
	h_set_priority(0, 40, 0x20);
	h_enter(0); /* 41 evicted (active) for 40 */
	assert_int_equal(sim_lr(0).intid, 40);
	assert_true(info(0, 41).active);
	h_exit(0);
	h_set_priority(0, 41, 0x60); /* evicted: its place in that list moves */
	h_enter(0);
	assert_int_equal(sim_ack(), 40);
	assert_int_equal(sim_eoi(40), SIM_DONE);
	assert_int_equal(sim_eoi(41), SIM_COUNTED);
	h_bounce(0);
	assert_false(info(0, 41).active);
	assert_false(info(0, 40).active);
}

/* An edge-triggered PPI driven through its line: each rising edge latches. */
static void test_edge_line(void **state)
{
	(void)state;
	start(&V3, 4, 1);
	h_write(0, H_GICD, 4, 3);
	h_write(0, H_GICR + 0x10000 + 0x100, 4, 1u << 20);
	h_write(0, H_GICR + 0x10000 + 0xC04, 4, 2u << 8); /* PPI 20 edge */
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 20, true, NULL), 1);
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 20, true, NULL), 0); /* no edge */
	h_enter(0);
	ack_eoi(20);
	armvirt_vgic_set_level(&h.gic, 0, 20, false, NULL);
	h_bounce(0);
	assert_int_equal(sim_ack(), 1023);
	assert_int_equal(armvirt_vgic_set_level(&h.gic, 0, 20, true, NULL), 1);
	h_bounce(0);
	ack_eoi(20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_1lr),
		cmocka_unit_test(test_order_4lr),
		cmocka_unit_test(test_order_16lr),
		cmocka_unit_test(test_spill_refill),
		cmocka_unit_test(test_level_resample),
		cmocka_unit_test(test_level_fall_out_of_guest),
		cmocka_unit_test(test_hw_interrupt),
		cmocka_unit_test(test_multi_source_sgi),
		cmocka_unit_test(test_preemption),
		cmocka_unit_test(test_all_active_evicts_v3),
		cmocka_unit_test(test_all_active_waits_v2),
		cmocka_unit_test(test_eoicount_order),
		cmocka_unit_test(test_kicks),
		cmocka_unit_test(test_register_traffic),
		cmocka_unit_test(test_gich_barrier),
		cmocka_unit_test(test_save_restore),
		cmocka_unit_test(test_pending_query),
		cmocka_unit_test(test_group_enable_maintenance),
		cmocka_unit_test(test_changes_while_running),
		cmocka_unit_test(test_priority_change_requeues),
		cmocka_unit_test(test_edge_line),
		cmocka_unit_test(test_idle_entry),
	};
	return cmocka_run_group_tests_name("vgic list-register scheduling", tests, NULL, NULL);
}

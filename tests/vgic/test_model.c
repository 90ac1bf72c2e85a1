/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Long random sequences of injections, level changes, configuration changes
 * (priority, enable, set/clear pending), guest acknowledges, EOIs and
 * deactivations, priority mask and group enable changes, exits and SGIs,
 * run against the
 * virtual GIC (with the virtual CPU interface model playing the guest) and
 * against a reference model that is nothing but the GIC's rules for one PE:
 * an interrupt can be taken when it is pending, enabled, not active, its
 * group enabled, its priority above the mask and its group priority above
 * the running priority; the PE takes the most urgent such one (GICv3 4.1,
 * 4.8; GICv2 3.2, 3.3). After every step, once the kicks and maintenance
 * interrupts the virtual GIC asked for have been served, the interrupt the
 * guest would take must be one the reference model says it could take, of
 * the same priority; and at every exit the active and pending state of
 * every interrupt must agree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "harness.h"

#define NR_SPIS 64u
#define NR_IRQS (32u + NR_SPIS)
#define FIRST_SPI 32u

/* The reference model. */
struct mirq {
	bool latch, line, active, enabled, edge, group1;
	unsigned prio;
};
static struct mirq m[NR_IRQS];
static unsigned pmr;
static bool grp_en[2];
static unsigned stack[64], gprio_at_ack[64], sp; /* acknowledged, not yet priority-dropped */
static unsigned dropped[NR_IRQS], nd;		 /* EOImode 1: dropped, not deactivated */
static unsigned eoimode;
static bool kicked;

/* The last steps, printed when a check fails. */
static char trace[32][80];
static unsigned ntrace;
#define TRACE(...) snprintf(trace[ntrace++ % 32], sizeof(trace[0]), __VA_ARGS__)
static void dump_trace(void)
{
	for (unsigned i = ntrace > 32 ? ntrace - 32 : 0; i < ntrace; i++)
		print_message("  %s\n", trace[i % 32]);
	for (unsigned n = 0; n < sim_nr_lrs(); n++) {
		struct sim_lr l = sim_lr(n);

		print_message("  LR%u: state %u INTID %u prio %#x group %u\n", n, l.state, l.intid,
			      l.prio, l.group);
	}
	print_message("  MISR %#x, RPR %#x\n", sim_misr(), sim_rpr());
}
#define FAIL(...)                                                                                  \
	do {                                                                                       \
		dump_trace();                                                                      \
		fail_msg(__VA_ARGS__);                                                             \
	} while (0)

static uint64_t rng;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static bool m_pending(unsigned i)
{
	return m[i].latch || (!m[i].edge && m[i].line);
}

static unsigned m_rpr(void)
{
	return sp ? gprio_at_ack[sp - 1] : 256;
}

static bool m_takeable(unsigned i)
{
	return m_pending(i) && m[i].enabled && !m[i].active && grp_en[m[i].group1] &&
	       m[i].prio < pmr && (m[i].prio & 0xf8) < m_rpr();
}

/* The most urgent priority the PE can take, or 256. */
static unsigned m_best(void)
{
	unsigned best = 256;

	for (unsigned i = 0; i < NR_IRQS; i++) {
		if (m_takeable(i) && m[i].prio < best)
			best = m[i].prio;
	}
	return best;
}

/* Serve what the virtual GIC asked for: kicks and maintenance interrupts. */
static void settle(void)
{
	for (unsigned n = 0; n < 100; n++) {
		if (kicked || sim_misr() != 0) {
			TRACE("exit (%s, misr %#x)", kicked ? "kick" : "maint", sim_misr());
			kicked = false;
			h_bounce(0);
			continue;
		}
		return;
	}
	fail_msg("no quiescence after 100 exits");
}

static void check_state(void)
{
	for (unsigned i = 16; i < NR_IRQS; i++) {
		struct armvirt_vgic_irq_info info;

		assert_int_equal(armvirt_vgic_get_irq(&h.gic, 0, i, &info), 0);
		if (info.active != m[i].active || info.pending != m_pending(i))
			FAIL("INTID %u: active %d/%d pending %d/%d (vgic/model)", i, info.active,
			     m[i].active, info.pending, m_pending(i));
	}
}

/* An exit, and something done while out of the guest. */
static void bounce_with(void (*fn)(unsigned), unsigned arg)
{
	TRACE("exit");
	h_exit(0);
	check_state();
	if (fn != NULL)
		fn(arg);
	h_enter(0);
}

static void check_delivery(void)
{
	int lr;
	unsigned best;

	settle();
	/* Nothing the guest could take unless the model has it pending. */
	for (unsigned n = 0; n < sim_nr_lrs(); n++) {
		struct sim_lr l = sim_lr(n);

		if (l.state == 1 &&
		    (!m_pending(l.intid) || !m[l.intid].enabled || m[l.intid].active))
			FAIL("LR%u offers INTID %u, which the model has %s", n, l.intid,
			     m[l.intid].active	   ? "active"
			     : !m[l.intid].enabled ? "disabled"
						   : "not pending");
	}
	best = m_best();
	lr = sim_hppi();
	if (best == 256) {
		if (lr >= 0)
			FAIL("the guest would take INTID %u; the model has nothing",
			     sim_lr((unsigned)lr).intid);
		return;
	}
	if (lr < 0)
		FAIL("the model can take priority %#x; the guest sees nothing", best);
	if (sim_lr((unsigned)lr).prio != best || !m_takeable(sim_lr((unsigned)lr).intid))
		FAIL("the guest would take INTID %u (priority %#x); the model's best is %#x",
		     sim_lr((unsigned)lr).intid, sim_lr((unsigned)lr).prio, best);
}

static void op_inject(void)
{
	unsigned i = FIRST_SPI + rnd(NR_SPIS);
	struct armvirt_vgic_kicks k;

	armvirt_vgic_kicks_clear(&k);
	TRACE("inject %u (%s, prio %#x, en %d)", i,
	      m[i].edge	  ? "edge"
	      : m[i].line ? "line down"
			  : "line up",
	      m[i].prio, m[i].enabled);
	if (m[i].edge) {
		m[i].latch = true;
		assert_in_range(armvirt_vgic_inject(&h.gic, 0, i, &k), 0, 1);
	} else {
		m[i].line = !m[i].line;
		assert_in_range(armvirt_vgic_set_level(&h.gic, 0, i, m[i].line, &k), 0, 1);
	}
	kicked |= armvirt_vgic_kicks_test(&k, 0);
}

static void op_take(void)
{
	unsigned iar;

	settle();
	iar = sim_ack();
	TRACE("ack -> %u", iar);
	if (iar == 1023)
		return;
	assert_true(m_takeable(iar));
	m[iar].active = true;
	m[iar].latch = false;
	gprio_at_ack[sp] = m[iar].prio & 0xf8;
	stack[sp++] = iar;
}

static void op_eoi(void)
{
	unsigned iar;
	enum sim_end r;

	if (sp == 0)
		return;
	iar = stack[--sp];
	r = sim_eoi(iar);
	TRACE("eoi %u -> %d", iar, r);
	assert_true(r == SIM_DONE || r == SIM_COUNTED);
	if (eoimode == 0)
		m[iar].active = false;
	else
		dropped[nd++] = iar;
}

static void do_dir(unsigned iar)
{
	struct armvirt_sysreg_access a = { 0xC659u /* ICC_DIR_EL1 */, 0, true, iar };

	assert_in_range(armvirt_vgic_sysreg(&h.gic, 0, &a, NULL), 0, 1);
}

static void op_dir(void)
{
	unsigned k, iar;
	enum sim_end r;

	if (nd == 0)
		return;
	k = rnd(nd);
	iar = dropped[k];
	dropped[k] = dropped[--nd];
	r = sim_dir(iar);
	TRACE("dir %u -> %d", iar, r);
	/* GICv3 traps it whenever the interrupt may be outside the list
	 * registers: a DIR must never be lost in EOIcount. */
	assert_true(r == SIM_DONE || r == SIM_TRAPPED);
	if (r == SIM_TRAPPED)
		bounce_with(do_dir, iar);
	m[iar].active = false;
}

static void set_prio(unsigned i)
{
	unsigned p = rnd(16) << 4;

	/* Not while active: the guest's order of EOIs follows the priorities
	 * it acknowledged at. */
	if (m[i].active)
		return;
	TRACE("prio %u = %#x", i, p);
	h_set_priority(0, i, p);
	m[i].prio = p;
}

static void toggle_enable(unsigned i)
{
	m[i].enabled = !m[i].enabled;
	TRACE("enable %u = %d", i, m[i].enabled);
	h_write(0, H_GICD + (m[i].enabled ? 0x100u : 0x180u) + 4 * (i / 32), 4, 1u << (i % 32));
}

static void set_pending(unsigned i)
{
	TRACE("ispendr %u", i);
	h_write(0, H_GICD + 0x200 + 4 * (i / 32), 4, 1u << (i % 32));
	m[i].latch = true;
}

static void clear_pending(unsigned i)
{
	TRACE("icpendr %u", i);
	h_write(0, H_GICD + 0x280 + 4 * (i / 32), 4, 1u << (i % 32));
	m[i].latch = false;
}

/* An SGI to itself: ICC_SGI1R_EL1 (GICv3) or GICD_SGIR (GICv2). */
static void send_sgi(unsigned intid)
{
	struct armvirt_sysreg_access a = { 0xC65Du /* ICC_SGI1R_EL1 */, 0, true,
					   ((uint64_t)intid << 24) | 1 };

	TRACE("sgi %u", intid);
	if (h.gic.model == ARMVIRT_VGIC_V3)
		assert_in_range(armvirt_vgic_sysreg(&h.gic, 0, &a, NULL), 0, 1);
	else
		h_write(0, H_GICD + 0xF00, 4, (2u << 24) | intid);
	m[intid].latch = true;
}

static void op_pmr(void)
{
	static const unsigned masks[] = { 0xf0, 0xf0, 0xf0, 0x80, 0x40, 0xc0 };

	pmr = masks[rnd(6)];
	TRACE("pmr %#x", pmr);
	sim_set_pmr(pmr);
}

struct variant_cfg {
	enum armvirt_vgic_model model;
	enum sim_format fmt;
	unsigned nr_lrs, eoimode, steps;
};

static void run(const struct variant_cfg *cfg)
{
	h_init(cfg->model, cfg->fmt, cfg->nr_lrs, 1, NR_SPIS);
	rng = 0x9e3779b97f4a7c15ull ^ (cfg->nr_lrs * 131u + cfg->eoimode * 7u + cfg->model);
	for (unsigned i = 0; i < NR_IRQS; i++) {
		m[i] = (struct mirq){ 0 };
		m[i].edge = i < 16 || rnd(2);
		m[i].enabled = i < 16;
		m[i].group1 = cfg->model == ARMVIRT_VGIC_V3;
	}
	sp = nd = 0;
	kicked = false;
	eoimode = cfg->eoimode;
	h_write(0, H_GICD, 4, 3);
	for (unsigned i = FIRST_SPI; i < NR_IRQS; i++) {
		set_prio(i);
		toggle_enable(i);
		h_write(0, H_GICD + 0xC00 + 4 * (i / 16), 4,
			h_read(0, H_GICD + 0xC00 + 4 * (i / 16), 4) |
				((m[i].edge ? 2u : 0u) << 2 * (i % 16)));
		if (cfg->model == ARMVIRT_VGIC_V2)
			h_write(0, H_GICD + 0x800 + i, 1, 1);
	}
	for (unsigned i = 0; i < 16; i++)
		set_prio(i);
	h_load(0);
	sim_set_eoimode(eoimode);
	pmr = 0xf0;
	sim_set_pmr(pmr);
	grp_en[0] = grp_en[1] = true;
	h_enter(0);

	for (unsigned step = 0; step < cfg->steps; step++) {
		unsigned op = rnd(100);

		if (op < 28)
			op_inject();
		else if (op < 29)
			bounce_with(set_pending, FIRST_SPI + rnd(NR_SPIS));
		else if (op < 30)
			bounce_with(clear_pending, FIRST_SPI + rnd(NR_SPIS));
		else if (op < 55)
			op_take();
		else if (op < 75)
			op_eoi();
		else if (op < 85)
			op_dir();
		else if (op < 89)
			bounce_with(NULL, 0);
		else if (op < 92)
			bounce_with(set_prio, FIRST_SPI + rnd(NR_SPIS));
		else if (op < 94)
			bounce_with(toggle_enable, FIRST_SPI + rnd(NR_SPIS));
		else if (op < 97)
			bounce_with(send_sgi, rnd(16));
		else if (op < 99)
			op_pmr();
		else {
			/* The guest flips a group enable, without a trap. */
			unsigned g = cfg->model == ARMVIRT_VGIC_V3;

			grp_en[g] = !grp_en[g];
			TRACE("group %u = %d", g, grp_en[g]);
			sim_enable_groups(grp_en[0], grp_en[1]);
		}
		check_delivery();
	}
	/* Wind down: end everything, then everything pending must come out. */
	while (sp != 0 || nd != 0) {
		op_eoi();
		op_dir();
	}
	check_delivery();
	bounce_with(NULL, 0);
}

static const struct variant_cfg cfgs[] = {
	{ ARMVIRT_VGIC_V3, SIM_ICH, 1, 0, 20000 },   { ARMVIRT_VGIC_V3, SIM_ICH, 4, 0, 20000 },
	{ ARMVIRT_VGIC_V3, SIM_ICH, 16, 0, 20000 },  { ARMVIRT_VGIC_V3, SIM_ICH, 1, 1, 20000 },
	{ ARMVIRT_VGIC_V3, SIM_ICH, 4, 1, 20000 },   { ARMVIRT_VGIC_V3, SIM_ICH, 16, 1, 20000 },
	{ ARMVIRT_VGIC_V2, SIM_GICH, 1, 0, 20000 },  { ARMVIRT_VGIC_V2, SIM_GICH, 4, 0, 20000 },
	{ ARMVIRT_VGIC_V2, SIM_GICH, 16, 0, 20000 }, { ARMVIRT_VGIC_V2, SIM_ICH, 4, 0, 20000 },
};

static void test_model(void **state)
{
	const struct variant_cfg *cfg = *state;

	run(cfg);
}

int main(void)
{
	struct CMUnitTest tests[sizeof(cfgs) / sizeof(cfgs[0])];
	static char names[sizeof(cfgs) / sizeof(cfgs[0])][64];

	for (unsigned i = 0; i < sizeof(cfgs) / sizeof(cfgs[0]); i++) {
		snprintf(names[i], sizeof(names[i]), "model GICv%d on %s, %u LRs, EOImode %u",
			 cfgs[i].model, cfgs[i].fmt == SIM_ICH ? "ICH" : "GICH", cfgs[i].nr_lrs,
			 cfgs[i].eoimode);
		tests[i] =
			(struct CMUnitTest){ names[i], test_model, NULL, NULL, (void *)&cfgs[i] };
	}
	return cmocka_run_group_tests_name("vgic reference model", tests, NULL, NULL);
}

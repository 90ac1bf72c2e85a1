/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Level semantics seen through lib/vgic: a guest programs its timers, time
 * passes, and the list registers the guest's CPU interface reads show the
 * timer PPI pending, with the HW bit and the host PPI while a hardware timer
 * backs it, as a software interrupt otherwise; a guest that moves CVAL into
 * the future, masks or disables the timer loses the interrupt it has not
 * taken; the host PPIs' active state follows (rig.h). Each case runs on
 * GICv3 list registers, and the main ones on GICv2's too.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/err.h>
#include <armvirt/port_host.h>

#include "arch.h"
#include "machine.h"
#include "rig.h"

#define HOST UINT64_C(0x40000000) /* host counter at VM creation; the guest's starts at 0 */

enum { VIRT = ARMVIRT_VTIMER_VIRT, PHYS = ARMVIRT_VTIMER_PHYS };
enum { DIRECT = ARMVIRT_VTIMER_MODE_DIRECT, TRAP_HW = ARMVIRT_VTIMER_MODE_TRAP_HW };
enum { TRAP_SW = ARMVIRT_VTIMER_MODE_TRAP_SW };

/* Which GIC: the model the guest sees, the list registers, the guest's EOImode. */
struct gic_choice {
	enum armvirt_vgic_model model;
	enum sim_format fmt;
	unsigned eoimode;
};

static const struct gic_choice v3 = { ARMVIRT_VGIC_V3, SIM_ICH, 0 };
static const struct gic_choice v3_eoimode1 = { ARMVIRT_VGIC_V3, SIM_ICH, 1 };
static const struct gic_choice v2 = { ARMVIRT_VGIC_V2, SIM_GICH, 0 };

static const bool none[2] = { false, false };
static const bool virt_up[2] = { true, false };
static const bool phys_up[2] = { false, true };
static const bool both_up[2] = { true, true };

static void setup_cfg(void **state, unsigned ecv, const struct armvirt_vtimer_config *cfg)
{
	const struct gic_choice *g = *state;

	rig_init(g->model, g->fmt, 4, ecv, HOST, cfg, g->eoimode);
}

static void setup(void **state, unsigned ecv, int vmode, int pmode)
{
	struct armvirt_vtimer_config cfg;

	armvirt_vtimer_config_default(&cfg);
	cfg.mode[VIRT] = (enum armvirt_vtimer_mode)vmode;
	cfg.mode[PHYS] = (enum armvirt_vtimer_mode)pmode;
	setup_cfg(state, ecv, &cfg);
}

/* The list register holding @intid: its state (1 pending, 2 active), HW bit and pINTID. */
static void expect_lr(unsigned intid, unsigned state, bool hw, unsigned pintid)
{
	int n = rig_find_lr(intid);
	struct sim_lr l;

	assert_true(n >= 0);
	l = sim_lr((unsigned)n);
	assert_int_equal(l.state, state);
	assert_int_equal(l.hw, hw);
	assert_int_equal(l.pintid, hw ? pintid : 0);
	/* A software level interrupt asks for the maintenance interrupt at its EOI. */
	assert_int_equal(l.eoi, !hw);
}

static void expect_no_lr(unsigned intid)
{
	assert_int_equal(rig_find_lr(intid), -1);
}

/* The guest arms timer @t to fire at guest time @cval. */
static void arm_timer(unsigned t, uint64_t cval)
{
	rig_guest_write(t ? A_CNTP_CVAL : A_CNTV_CVAL, cval);
	rig_guest_write(t ? A_CNTP_CTL : A_CNTV_CTL, A_CTL_ENABLE);
}

static uint64_t guest_now(void)
{
	return machine_now() - HOST;
}

/*
 * The virtual timer, DIRECT: its expiry interrupts EL2 through host PPI 27,
 * the guest finds PPI 27 pending with the HW bit and pINTID 27, and its
 * deactivation deactivates the host PPI, without a trap.
 */
static void test_virt_expiry_is_hw_linked(void **state)
{
	setup(state, 0, DIRECT, TRAP_SW);
	rig_load();
	rig_check(none);
	arm_timer(VIRT, 1000);
	assert_int_equal(machine_trap_count(), 0); /* DIRECT: the guest's own timer */
	rig_advance(999);
	expect_no_lr(27);
	assert_int_equal(rig.el2_takes, 0);

	rig_advance(1);
	assert_int_equal(rig.el2_takes, 1);
	expect_lr(27, 1, true, 27);
	assert_true(rig.host_active[27]);
	rig_check(virt_up);

	/* The guest takes it, reprograms the timer and ends it: one deactivation
	 * for both, and nothing reaches EL2 in between. */
	unsigned exits = rig.exits;
	assert_int_equal(rig_guest_ack(), 27);
	expect_lr(27, 2, true, 27);
	rig_guest_write(A_CNTV_CVAL, 5000);
	rig_guest_end(27);
	assert_false(rig.host_active[27]);
	assert_int_equal(sim_phys_deactivations(), 1);
	assert_int_equal(rig.exits, exits);
	rig_bounce();
	rig_check(none);
	expect_no_lr(27);

	/* The host PPI is free: the next expiry reaches EL2 again. */
	rig_advance(5000 - guest_now());
	assert_int_equal(rig.el2_takes, 2);
	expect_lr(27, 1, true, 27);
}

/* A guest that ends the interrupt with the timer still expired gets it again. */
static void test_level_still_high_after_deactivation(void **state)
{
	setup(state, 0, DIRECT, TRAP_SW);
	rig_load();
	arm_timer(VIRT, 10);
	rig_advance(10);
	assert_int_equal(rig_guest_ack(), 27);
	rig_guest_end(27);
	/* The host PPI, deactivated by the guest, is asserted and fires again. */
	assert_int_equal(rig.el2_takes, 2);
	expect_lr(27, 1, true, 27);
	rig_check(virt_up);
	assert_int_equal(rig_guest_ack(), 27);
}

/*
 * An exit inside the handler, after the guest reprogrammed the timer and
 * before it ends the interrupt: the host PPI stays active for the guest's
 * deactivation, although the line is already low.
 */
static void test_exit_inside_handler(void **state)
{
	setup(state, 0, DIRECT, TRAP_SW);
	rig_load();
	arm_timer(VIRT, 100);
	rig_advance(100);
	assert_int_equal(rig_guest_ack(), 27);
	rig_guest_write(A_CNTV_CVAL, 400);
	rig_bounce();
	assert_true(rig.host_active[27]);
	expect_lr(27, 2, true, 27);
	rig_check(none);
	rig_guest_end(27);
	assert_false(rig.host_active[27]);
	rig_bounce();
	rig_check(none);
}

/* Scheduled out right after the guest ended the interrupt: nothing left to undo. */
static void test_put_right_after_guest_end(void **state)
{
	setup(state, 0, DIRECT, TRAP_SW);
	rig_load();
	arm_timer(VIRT, 100);
	rig_advance(100);
	assert_int_equal(rig_guest_ack(), 27);
	rig_guest_write(A_CNTV_CTL, 0);
	rig_guest_end(27);
	unsigned writes = rig.host_writes;
	rig_put();
	assert_int_equal(rig.host_writes, writes);
	rig_check(none);
}

/* Level semantics: moving CVAL into the future withdraws the untaken interrupt. */
static void test_cval_into_future_drops_line(void **state)
{
	setup(state, 0, DIRECT, TRAP_SW);
	rig_load();
	arm_timer(VIRT, 100);
	rig_advance(150);
	expect_lr(27, 1, true, 27);
	/* Not trapped: the hypervisor sees it at the next exit, whatever its cause. */
	rig_guest_write(A_CNTV_CVAL, 1000);
	rig_bounce();
	expect_no_lr(27);
	assert_false(rig.host_active[27]); /* the glue gave the host PPI back */
	rig_check(none);
	assert_int_equal(rig_guest_ack(), 1023);

	rig_advance(1000 - guest_now());
	assert_int_equal(rig.el2_takes, 2);
	expect_lr(27, 1, true, 27);
	rig_check(virt_up);
}

/* So do IMASK and clearing ENABLE; unmasking an expired timer asserts it again. */
static void test_imask_and_disable_drop_line(void **state)
{
	setup(state, 0, DIRECT, TRAP_SW);
	rig_load();
	arm_timer(VIRT, 100);
	rig_advance(100);
	expect_lr(27, 1, true, 27);

	rig_guest_write(A_CNTV_CTL, A_CTL_ENABLE | A_CTL_IMASK);
	rig_bounce();
	expect_no_lr(27);
	rig_check(none);

	rig_guest_write(A_CNTV_CTL, A_CTL_ENABLE);
	assert_int_equal(rig.el2_takes, 2);
	expect_lr(27, 1, true, 27);
	rig_check(virt_up);

	rig_guest_write(A_CNTV_CTL, 0);
	rig_bounce();
	expect_no_lr(27);
	rig_check(none);
	assert_int_equal(rig_guest_ack(), 1023);
}

/* Scheduled out, the timer is a software interrupt; back in, it is linked again. */
static void test_switch_out_becomes_software(void **state)
{
	struct armvirt_vgic_irq_info info;

	setup(state, 0, DIRECT, TRAP_SW);
	rig_load();
	arm_timer(VIRT, 100);
	rig_advance(100);
	expect_lr(27, 1, true, 27);

	rig_put();
	info = rig_irq(27);
	assert_false(info.hw);
	assert_true(info.pending && info.line_level);
	rig_check(virt_up);

	/* The guest masks nothing while out; in again, linked, host PPI active
	 * before the restored timer could interrupt EL2. */
	unsigned takes = rig.el2_takes;
	rig_load();
	assert_int_equal(rig.el2_takes, takes);
	expect_lr(27, 1, true, 27);
	assert_true(rig.host_active[27]);
	rig_check(virt_up);
	assert_int_equal(rig_guest_ack(), 27);
	rig_guest_end(27); /* deactivates the host PPI the load made active */
}

/* A timer that expires while the vCPU is out: the EL2 timer, a software level, a kick. */
static void test_expiry_while_descheduled(void **state)
{
	uint64_t d;

	setup(state, 0, DIRECT, TRAP_SW);
	rig_load();
	arm_timer(VIRT, 2000);
	rig_put();
	assert_int_equal(armvirt_vtimer_next_deadline(&rig.timer, &d), 1);
	assert_int_equal(d, HOST + 2000);

	machine_advance(d - machine_now() - 1);
	rig_hyp_timer();
	assert_false(rig_irq(27).pending);
	machine_advance(1);
	armvirt_vgic_kicks_clear(&rig.kicks);
	rig_hyp_timer();
	assert_int_equal(rig.last_update, 1);
	assert_true(armvirt_vgic_kicks_test(&rig.kicks, 0)); /* wake it if it waits */
	assert_true(rig_irq(27).pending);
	assert_false(rig_irq(27).hw);
	rig_check(virt_up);

	rig_load();
	assert_int_equal(rig.el2_takes, 0);
	expect_lr(27, 1, true, 27);
	rig_check(virt_up);
}

/*
 * Scheduled out in the middle of its handler: the active interrupt stays a
 * software one until the guest ends it (the vGIC links inactive interrupts
 * only), the host PPI held active meanwhile.
 */
static void test_active_across_switch(void **state)
{
	setup(state, 0, DIRECT, TRAP_SW);
	rig_load();
	arm_timer(VIRT, 100);
	rig_advance(100);
	assert_int_equal(rig_guest_ack(), 27);
	rig_put();
	assert_true(rig_irq(27).active);
	assert_false(rig_irq(27).hw);

	/* Another CPU's host PPI 27, as far as the glue knows: explicit state at load. */
	rig_load();
	assert_int_equal(rig.el2_takes, 1);
	assert_true(rig.host_active[27]);
	expect_lr(27, 2, false, 0);
	rig_check(virt_up);

	/* The handler reprograms the timer and ends the interrupt: the EOI
	 * maintenance interrupt brings the vCPU out, the glue links it and
	 * gives the host PPI back. */
	unsigned exits = rig.exits;
	rig_guest_write(A_CNTV_CVAL, 500);
	rig_guest_end(27);
	assert_int_equal(rig.exits, exits + 1);
	assert_true(rig_irq(27).hw);
	assert_false(rig.host_active[27]);
	rig_check(none);
	rig_advance(500 - guest_now());
	assert_int_equal(rig.el2_takes, 2);
	expect_lr(27, 1, true, 27);
}

/* Same, but the handler ends the interrupt with the timer still expired. */
static void test_active_across_switch_still_high(void **state)
{
	setup(state, 0, DIRECT, TRAP_SW);
	rig_load();
	arm_timer(VIRT, 100);
	rig_advance(100);
	assert_int_equal(rig_guest_ack(), 27);
	rig_put();
	rig_load();
	rig_guest_end(27);
	/* Re-sampled high, now linked, the host PPI still active: no EL2 interrupt. */
	assert_int_equal(rig.el2_takes, 1);
	expect_lr(27, 1, true, 27);
	rig_check(virt_up);
	assert_int_equal(rig_guest_ack(), 27);
	rig_guest_write(A_CNTV_CTL, 0);
	rig_guest_end(27);
	assert_false(rig.host_active[27]);
	rig_bounce();
	rig_check(none);
}

/* A host PPI some earlier context left active is made inactive at load. */
static void test_load_sets_host_ppi_state(void **state)
{
	setup(state, 0, DIRECT, TRAP_SW);
	rig.host_active[27] = true;
	rig_load();
	assert_false(rig.host_active[27]);
	arm_timer(VIRT, 5);
	rig_advance(5);
	assert_int_equal(rig.el2_takes, 1);
	expect_lr(27, 1, true, 27);
}

/* The emulated physical timer (TRAP_SW): trapped accesses, software injection. */
static void test_emulated_phys_timer(void **state)
{
	uint64_t d;

	setup(state, 0, DIRECT, TRAP_SW);
	rig_load();
	rig_guest_write(A_CNTP_TVAL, 100);
	rig_guest_write(A_CNTP_CTL, A_CTL_ENABLE);
	assert_int_equal(machine_trap_count(), 2);
	assert_int_equal(armvirt_vtimer_next_deadline(&rig.timer, &d), 1);
	assert_int_equal(d, HOST + 100);

	/* No hardware timer: the integrator's EL2 timer (CNTHP) exits at the deadline. */
	rig_advance(100);
	assert_int_equal(rig.el2_takes, 0);
	expect_no_lr(30);
	rig_bounce();
	expect_lr(30, 1, false, 0);
	assert_false(rig.host_active[30]);
	rig_check(phys_up);

	/* Ended with the line high: the EOI maintenance interrupt re-samples it. */
	assert_int_equal(rig_guest_ack(), 30);
	rig_guest_end(30);
	expect_lr(30, 1, false, 0);
	assert_int_equal(rig_guest_ack(), 30);
	/* The handler masks the timer (trapped), then ends it: gone for good. */
	rig_guest_write(A_CNTP_CTL, A_CTL_ENABLE | A_CTL_IMASK);
	rig_guest_end(30);
	expect_no_lr(30);
	rig_check(none);
	assert_int_equal(sim_phys_deactivations(), 0);

	/* An untaken interrupt goes as soon as a trapped write drops the line. */
	rig_guest_write(A_CNTP_CTL, A_CTL_ENABLE);
	expect_lr(30, 1, false, 0);
	rig_guest_write(A_CNTP_TVAL, 50);
	expect_no_lr(30);
	rig_check(none);
}

/* The physical timer in TRAP_HW: trapped accesses, the hardware alarm linked to PPI 30. */
static void test_phys_trap_hw_linked(void **state)
{
	setup(state, 0, DIRECT, TRAP_HW);
	rig_load();
	rig_guest_write(A_CNTP_CVAL, 300);
	rig_guest_write(A_CNTP_CTL, A_CTL_ENABLE);
	rig_advance(300);
	assert_int_equal(rig.el2_takes, 1);
	expect_lr(30, 1, true, 30);
	rig_check(phys_up);
	/* A trapped write into the future withdraws it in that very exit. */
	unsigned exits = rig.exits;
	rig_guest_write(A_CNTP_CVAL, 600);
	assert_int_equal(rig.exits, exits + 1);
	expect_no_lr(30);
	assert_false(rig.host_active[30]);
	rig_check(none);
	rig_advance(600 - guest_now());
	assert_int_equal(rig.el2_takes, 2);
	assert_int_equal(rig_guest_ack(), 30);
	rig_guest_end(30);
	assert_int_equal(sim_last_pintid(), 30);
}

/* FEAT_ECV: a DIRECT physical timer (CNTPOFF) and a TRAP_HW virtual one, both linked. */
static void test_ecv_modes_linked(void **state)
{
	bool both[2] = { true, true };

	setup(state, 2, TRAP_HW, DIRECT);
	rig_load();
	arm_timer(VIRT, 40);
	arm_timer(PHYS, 60);
	assert_int_equal(machine_trap_count(), 2); /* the virtual timer's */
	rig_advance(50);
	expect_lr(27, 1, true, 27);
	expect_no_lr(30);
	rig_advance(10);
	expect_lr(30, 1, true, 30);
	rig_check(both);
	assert_int_equal(rig.el2_takes, 2);
	rig_put();
	rig_check(both);
	rig_load();
	assert_int_equal(rig.el2_takes, 2);
	expect_lr(27, 1, true, 27);
	expect_lr(30, 1, true, 30);
}

/* The guest's PPIs need not be the host's: the LR carries both. */
static void test_guest_ppis_differ_from_host(void **state)
{
	struct armvirt_vtimer_config cfg;

	armvirt_vtimer_config_default(&cfg);
	cfg.intid[VIRT] = 20;
	cfg.intid[PHYS] = 21;
	cfg.mode[PHYS] = ARMVIRT_VTIMER_MODE_TRAP_HW;
	setup_cfg(state, 0, &cfg);
	rig_load();
	arm_timer(VIRT, 7);
	arm_timer(PHYS, 7);
	rig_advance(7);
	expect_lr(20, 1, true, 27);
	expect_lr(21, 1, true, 30);
	expect_no_lr(27);
	expect_no_lr(30);
	assert_int_equal(rig_guest_ack(), 20);
	rig_guest_end(20);
	assert_int_equal(sim_last_pintid(), 27);
}

static void test_errors(void **state)
{
	struct armvirt_vtimer_vgic g;
	struct armvirt_vtimer_vgic_phys p = { 1, 1 };
	struct armvirt_vtimer_config cfg;

	setup(state, 0, DIRECT, TRAP_SW);
	assert_int_equal(armvirt_vtimer_vgic_init(&g, &rig.timer, &rig.gic, 1), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vtimer_vgic_update(&rig.glue, 1u << 5, NULL, &p), ARMVIRT_EINVAL);
	assert_int_equal(p.activate | p.deactivate, 0);

	/* A link cannot change while the list registers are live; nothing changes. */
	rig_load();
	struct armvirt_vtimer_vgic before = rig.glue;
	assert_int_equal(armvirt_vtimer_vcpu_put(&rig.timer), ARMVIRT_OK);
	p.activate = p.deactivate = 1;
	assert_int_equal(armvirt_vtimer_vgic_update(&rig.glue, 0, NULL, &p), ARMVIRT_EBUSY);
	assert_int_equal(p.activate | p.deactivate, 0);
	assert_true(rig_irq(27).hw);
	assert_memory_equal(&before, &rig.glue, sizeof(before));
	assert_int_equal(armvirt_vtimer_vcpu_load(&rig.timer), ARMVIRT_OK);
	rig_bounce();

	/* Two hardware-backed timers on one host PPI cannot both be linked. */
	armvirt_vtimer_config_default(&cfg);
	cfg.hw_intid[PHYS] = 27;
	setup_cfg(state, 2, &cfg);
	assert_int_equal(armvirt_vtimer_vcpu_load(&rig.timer), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vgic_update(&rig.glue, 0, NULL, &p), ARMVIRT_EINVAL);
	assert_false(rig_irq(27).hw);
}

/* A host PPI EL2 took that no timer of the vCPU backs now is handed back. */
static void test_stray_host_ppi(void **state)
{
	struct armvirt_vtimer_vgic_phys p;

	setup(state, 0, DIRECT, TRAP_SW);
	/* Not loaded: a PPI signalled just before the put. */
	assert_int_equal(armvirt_vtimer_vgic_update(&rig.glue, 1u << 27, NULL, &p), 0);
	assert_int_equal(p.deactivate, 1u << 27);
	assert_int_equal(p.activate, 0);
	/* Loaded with a TRAP_SW physical timer: PPI 30 is nobody's. */
	rig_load();
	rig_bounce();
	rig.host_active[30] = true;
	rig_update(1u << 30);
	assert_false(rig.host_active[30]);
	rig_check(none);
}

/*
 * The glue remembers the levels it set and reads the vGIC only for a timer
 * hardware backs now or backed at the previous update. The linked virtual
 * timer's line, lowered by the vGIC when the guest deactivated it and
 * raised again, is read at the put; afterwards, descheduled, updates go by
 * what the glue remembers, through the emulated timer's expiry, and the
 * next load links again from the vGIC's state.
 */
static void test_remembered_levels(void **state)
{
	setup(state, 0, DIRECT, TRAP_SW);
	rig_load();
	arm_timer(VIRT, 10);
	rig_advance(10);
	assert_int_equal(rig_guest_ack(), 27);
	rig_guest_end(27); /* the vGIC lowers the linked line; the host PPI fires again */
	assert_int_equal(rig.el2_takes, 2);
	rig_guest_write(A_CNTP_TVAL, 500);
	rig_guest_write(A_CNTP_CTL, A_CTL_ENABLE);
	rig_put();
	rig_check(virt_up);
	for (unsigned i = 0; i < 3; i++) {
		rig_hyp_timer();
		rig_check(virt_up);
	}
	machine_advance(500);
	armvirt_vgic_kicks_clear(&rig.kicks);
	rig_hyp_timer();
	assert_int_equal(rig.last_update, 1);
	assert_true(rig_irq(30).pending);
	rig_check(both_up);
	rig_hyp_timer();
	rig_check(both_up);
	rig_load();
	expect_lr(27, 1, true, 27);
	rig_check(both_up);
	assert_int_equal(rig_guest_ack(), 27);
	rig_guest_write(A_CNTV_CTL, 0);
	rig_guest_end(27);
	rig_bounce();
	assert_int_equal(rig_guest_ack(), 30);
	rig_guest_write(A_CNTP_CTL, 0);
	rig_guest_end(30);
	rig_bounce();
	rig_check(none);
	rig_put();
	rig_hyp_timer();
	rig_check(none);
}

#define ON(f, g) cmocka_unit_test_prestate(f, (void *)&(g))

int main(void)
{
	const struct CMUnitTest tests[] = {
		ON(test_virt_expiry_is_hw_linked, v3),
		ON(test_virt_expiry_is_hw_linked, v2),
		ON(test_virt_expiry_is_hw_linked, v3_eoimode1),
		ON(test_level_still_high_after_deactivation, v3),
		ON(test_level_still_high_after_deactivation, v2),
		ON(test_exit_inside_handler, v3),
		ON(test_exit_inside_handler, v2),
		ON(test_put_right_after_guest_end, v3),
		ON(test_cval_into_future_drops_line, v3),
		ON(test_cval_into_future_drops_line, v2),
		ON(test_imask_and_disable_drop_line, v3),
		ON(test_imask_and_disable_drop_line, v2),
		ON(test_switch_out_becomes_software, v3),
		ON(test_switch_out_becomes_software, v2),
		ON(test_expiry_while_descheduled, v3),
		ON(test_expiry_while_descheduled, v2),
		ON(test_active_across_switch, v3),
		ON(test_active_across_switch, v2),
		ON(test_active_across_switch, v3_eoimode1),
		ON(test_active_across_switch_still_high, v3),
		ON(test_active_across_switch_still_high, v2),
		ON(test_load_sets_host_ppi_state, v3),
		ON(test_emulated_phys_timer, v3),
		ON(test_emulated_phys_timer, v2),
		ON(test_phys_trap_hw_linked, v3),
		ON(test_phys_trap_hw_linked, v2),
		ON(test_ecv_modes_linked, v3),
		ON(test_guest_ppis_differ_from_host, v3),
		ON(test_guest_ppis_differ_from_host, v2),
		ON(test_errors, v3),
		ON(test_stray_host_ppi, v3),
		ON(test_remembered_levels, v3),
		ON(test_remembered_levels, v2),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

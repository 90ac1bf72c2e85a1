/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Switching timers in and out: the exact register sequences (compare value
 * before enable, ISB between; disable and ISB on the way out), CNTHCTL_EL2
 * per mode, the offsets, and what the hardware timers then do.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "arch.h"
#include "machine.h"

#define R(name) ARMVIRT_HOST_REG_##name
#define RD(name, v)                                                                                \
	{                                                                                          \
		ARMVIRT_HOST_EV_READ, R(name), (v)                                                 \
	}
#define WR(name, v)                                                                                \
	{                                                                                          \
		ARMVIRT_HOST_EV_WRITE, R(name), (v)                                                \
	}
#define ISB                                                                                        \
	{                                                                                          \
		ARMVIRT_HOST_EV_ISB, 0, 0                                                          \
	}

static struct armvirt_vtimer_vm vm;
static struct armvirt_vtimer_vcpu vcpu;

static void setup(unsigned ecv, enum armvirt_vtimer_mode vmode, enum armvirt_vtimer_mode pmode,
		  uint64_t host, uint64_t counter)
{
	struct armvirt_vtimer_config cfg;

	machine_reset(host, ecv);
	armvirt_vtimer_config_default(&cfg);
	cfg.mode[ARMVIRT_VTIMER_VIRT] = vmode;
	cfg.mode[ARMVIRT_VTIMER_PHYS] = pmode;
	cfg.counter = counter;
	assert_int_equal(armvirt_vtimer_vm_init(&vm, &cfg), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vcpu_init(&vcpu, &vm), ARMVIRT_OK);
}

static void expect_log(const struct armvirt_host_event *exp, size_t n)
{
	assert_int_equal(armvirt_host_log_count(), n);
	for (size_t i = 0; i < n; i++) {
		const struct armvirt_host_event *e = armvirt_host_log_at(i);
		assert_int_equal(e->kind, exp[i].kind);
		assert_int_equal(e->id, exp[i].id);
		assert_int_equal(e->value, exp[i].value);
	}
	armvirt_host_log_clear();
}

/* No FEAT_ECV, defaults: direct virtual timer, physical timer in software. */
static void test_default_sequence(void **state)
{
	/* The event stream (EVNTEN, EVNTI = 5) belongs to the integrator: kept. */
	uint64_t keep = A_CNTHCTL_EVNTEN | A_CNTHCTL_EVNTI(5);
	uint64_t offset = 1000000 - 300;
	(void)state;

	setup(0, ARMVIRT_VTIMER_MODE_AUTO, ARMVIRT_VTIMER_MODE_AUTO, 1000000, 300);
	vcpu.ctl[ARMVIRT_VTIMER_VIRT] = A_CTL_ENABLE;
	vcpu.cval[ARMVIRT_VTIMER_VIRT] = 5000;
	armvirt_host_set(R(cnthctl_el2), keep | A_CNTHCTL_EL1PCEN | A_CNTHCTL_EL1PCTEN);
	armvirt_host_log_clear();

	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
	{
		const struct armvirt_host_event exp[] = {
			RD(cnthctl_el2, keep | A_CNTHCTL_EL1PCEN | A_CNTHCTL_EL1PCTEN),
			WR(cnthctl_el2, keep), /* EL1PCEN = EL1PCTEN = 0: CNTP and CNTPCT trap */
			WR(cntvoff_el2, offset),
			WR(cntv_cval_el0, 5000),
			ISB,
			WR(cntv_ctl_el0, A_CTL_ENABLE),
		};
		expect_log(exp, sizeof(exp) / sizeof(exp[0]));
	}
	assert_true(machine_traps(A_CNTP_CTL) && machine_traps(A_CNTP_TVAL) &&
		    machine_traps(A_CNTP_CVAL) && machine_traps(A_CNTPCT));
	assert_false(machine_traps(A_CNTV_CTL) || machine_traps(A_CNTVCT));

	armvirt_host_set(R(cntv_ctl_el0), A_CTL_ENABLE | A_CTL_IMASK); /* the guest masks it */
	armvirt_host_set(R(cntv_cval_el0), 777);
	assert_int_equal(armvirt_vtimer_vcpu_put(&vcpu), ARMVIRT_OK);
	{
		const struct armvirt_host_event exp[] = {
			RD(cntv_ctl_el0, A_CTL_ENABLE | A_CTL_IMASK),
			RD(cntv_cval_el0, 777),
			WR(cntv_ctl_el0, 0),
			ISB,
		};
		expect_log(exp, sizeof(exp) / sizeof(exp[0]));
	}
	assert_int_equal(vcpu.ctl[ARMVIRT_VTIMER_VIRT], A_CTL_ENABLE | A_CTL_IMASK);
	assert_int_equal(vcpu.cval[ARMVIRT_VTIMER_VIRT], 777);
}

/* FEAT_ECV with CNTPOFF: both timers direct, CNTPOFF_EL2 carries the offset. */
static void test_cntpoff_sequence(void **state)
{
	(void)state;
	setup(2, ARMVIRT_VTIMER_MODE_AUTO, ARMVIRT_VTIMER_MODE_AUTO, 50000, 0);
	vcpu.ctl[0] = A_CTL_ENABLE;
	vcpu.cval[0] = 11;
	vcpu.ctl[1] = A_CTL_ENABLE | A_CTL_IMASK;
	vcpu.cval[1] = 22;
	armvirt_host_set(R(cnthctl_el2), A_CNTHCTL_EL1TVT | A_CNTHCTL_EL1TVCT);
	armvirt_host_log_clear();

	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
	{
		const struct armvirt_host_event exp[] = {
			RD(cnthctl_el2, A_CNTHCTL_EL1TVT | A_CNTHCTL_EL1TVCT),
			WR(cnthctl_el2, A_CNTHCTL_EL1PCTEN | A_CNTHCTL_EL1PCEN | A_CNTHCTL_ECV),
			WR(cntvoff_el2, 50000),
			WR(cntpoff_el2, 50000),
			WR(cntv_cval_el0, 11),
			WR(cntp_cval_el0, 22),
			ISB,
			WR(cntv_ctl_el0, A_CTL_ENABLE),
			WR(cntp_ctl_el0, A_CTL_ENABLE | A_CTL_IMASK),
		};
		expect_log(exp, sizeof(exp) / sizeof(exp[0]));
	}
	/* Nothing traps; the guest's physical counter is offset by the hardware. */
	assert_false(machine_traps(A_CNTP_CTL) || machine_traps(A_CNTPCT) ||
		     machine_traps(A_CNTV_CTL) || machine_traps(A_CNTVCT));
	machine_advance(30);
	assert_int_equal(guest_read(&vcpu, A_CNTPCT), 30);
	assert_int_equal(guest_read(&vcpu, A_CNTVCT), 30);
	assert_true(machine_hw_line(0));
	assert_false(machine_hw_line(1)); /* masked */

	assert_int_equal(armvirt_vtimer_vcpu_put(&vcpu), ARMVIRT_OK);
	assert_int_equal(armvirt_host_get(R(cntv_ctl_el0)) & A_CTL_ENABLE, 0);
	assert_int_equal(armvirt_host_get(R(cntp_ctl_el0)) & A_CTL_ENABLE, 0);
	assert_int_equal(vcpu.ctl[1], A_CTL_ENABLE | A_CTL_IMASK);
	assert_int_equal(vcpu.cval[1], 22);
}

/*
 * The broken-CNTVOFF workaround (virtual timer TRAP_HW): CNTVOFF_EL2 stays
 * zero, the virtual timer and counter trap, and the hardware virtual timer is
 * an alarm in host time.
 */
static void test_trapped_virtual_timer_alarm(void **state)
{
	uint64_t host = 0x10000000;
	(void)state;

	setup(1, ARMVIRT_VTIMER_MODE_TRAP_HW, ARMVIRT_VTIMER_MODE_TRAP_HW, host, 0x100);
	vcpu.ctl[0] = A_CTL_ENABLE;
	vcpu.cval[0] = 0x100 + 40; /* 40 ticks ahead */
	armvirt_host_log_clear();
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
	{
		const struct armvirt_host_event exp[] = {
			RD(cnthctl_el2, 0),
			WR(cnthctl_el2, A_CNTHCTL_EL1TVT | A_CNTHCTL_EL1TVCT),
			WR(cntvoff_el2, 0),
			RD(cntpct_el0, host),
			WR(cntv_cval_el0, host + 40),
			WR(cntp_cval_el0, 0), /* CVAL 0 <= counter: met, but disabled */
			ISB,
			WR(cntv_ctl_el0, A_CTL_ENABLE),
			WR(cntp_ctl_el0, 0),
		};
		expect_log(exp, sizeof(exp) / sizeof(exp[0]));
	}
	assert_true(machine_traps(A_CNTV_CTL) && machine_traps(A_CNTVCT) &&
		    machine_traps(A_CNTVCTSS) && machine_traps(A_CNTP_CVAL));
	assert_int_equal(guest_read(&vcpu, A_CNTVCT), 0x100);
	machine_advance(39);
	assert_false(machine_hw_line(0));
	machine_advance(1);
	assert_true(machine_hw_line(0));

	/* CVAL = ~0 means "never" to the guest: the alarm must not fire. */
	guest_write(&vcpu, A_CNTV_CVAL, UINT64_MAX);
	assert_int_equal(armvirt_host_get(R(cntv_cval_el0)), UINT64_MAX);
	assert_false(machine_hw_line(0));
	/* A compare value in the past fires at once. */
	guest_write(&vcpu, A_CNTV_CVAL, 3);
	assert_true(machine_hw_line(0));
	/* The physical alarm follows a TVAL write. */
	guest_write(&vcpu, A_CNTP_TVAL, 10);
	guest_write(&vcpu, A_CNTP_CTL, A_CTL_ENABLE);
	assert_int_equal(armvirt_host_get(R(cntp_cval_el0)), host + 50);
	assert_false(machine_hw_line(1));
	machine_advance(10);
	assert_true(machine_hw_line(1));
	assert_int_equal(armvirt_vtimer_vcpu_put(&vcpu), ARMVIRT_OK);
	assert_false(machine_hw_line(0) || machine_hw_line(1));
}

/* Save at one time, restore at another: the guest finds its timer as it left it. */
static void test_restore_after_expiry_while_descheduled(void **state)
{
	struct armvirt_vtimer_lines l;
	(void)state;

	setup(0, ARMVIRT_VTIMER_MODE_AUTO, ARMVIRT_VTIMER_MODE_AUTO, 777777, 0);
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
	guest_write(&vcpu, A_CNTV_TVAL, 1000);
	guest_write(&vcpu, A_CNTV_CTL, A_CTL_ENABLE);
	machine_advance(10);
	assert_int_equal(armvirt_vtimer_vcpu_put(&vcpu), ARMVIRT_OK);
	/* Out, the hardware timer is off, and the line is computed in software. */
	machine_advance(5000);
	assert_false(machine_hw_line(0));
	assert_int_equal(armvirt_vtimer_lines(&vcpu, &l), ARMVIRT_OK);
	assert_true(l.line[0].level);
	assert_false(l.line[0].hw);
	assert_false(l.line[1].level);

	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
	assert_true(machine_hw_line(0));
	assert_int_equal(guest_read(&vcpu, A_CNTV_CVAL), 1000);
	assert_int_equal(guest_read(&vcpu, A_CNTV_CTL), A_CTL_ENABLE | A_CTL_ISTATUS);
	assert_int_equal(guest_read(&vcpu, A_CNTV_TVAL), (uint32_t)(1000 - 5010));
	assert_int_equal(armvirt_vtimer_lines(&vcpu, &l), ARMVIRT_OK);
	assert_true(l.line[0].level);
	assert_true(l.line[0].hw);
	assert_int_equal(l.line[0].hw_intid, 27);
	assert_false(l.line[1].hw); /* the software physical timer is never HW-linked */
}

/* Another VM's vCPU on the same CPU neither sees nor disturbs this one's timer. */
static void test_switch_between_vms(void **state)
{
	struct armvirt_vtimer_vm vm2;
	struct armvirt_vtimer_vcpu other;
	struct armvirt_vtimer_config cfg;
	(void)state;

	setup(0, ARMVIRT_VTIMER_MODE_AUTO, ARMVIRT_VTIMER_MODE_AUTO, 1u << 20, 0);
	armvirt_vtimer_config_default(&cfg);
	cfg.counter = 1u << 30;
	assert_int_equal(armvirt_vtimer_vm_init(&vm2, &cfg), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vcpu_init(&other, &vm2), ARMVIRT_OK);

	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
	guest_write(&vcpu, A_CNTV_CVAL, 100);
	guest_write(&vcpu, A_CNTV_CTL, A_CTL_ENABLE);
	assert_int_equal(armvirt_vtimer_vcpu_put(&vcpu), ARMVIRT_OK);

	assert_int_equal(armvirt_vtimer_vcpu_load(&other), ARMVIRT_OK);
	assert_int_equal(guest_read(&other, A_CNTV_CTL), 0);
	machine_advance(200); /* vcpu's timer expires while the other VM runs */
	assert_false(machine_hw_line(0));
	guest_write(&other, A_CNTV_CVAL, 5);
	assert_int_equal(armvirt_vtimer_vcpu_put(&other), ARMVIRT_OK);

	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
	assert_int_equal(guest_read(&vcpu, A_CNTV_CVAL), 100);
	assert_int_equal(guest_read(&vcpu, A_CNTVCT), 200);
	assert_true(machine_hw_line(0));
}

static void test_state_errors(void **state)
{
	(void)state;
	setup(0, ARMVIRT_VTIMER_MODE_AUTO, ARMVIRT_VTIMER_MODE_AUTO, 1, 0);
	assert_int_equal(armvirt_vtimer_vcpu_put(&vcpu), ARMVIRT_EPERM);
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
	armvirt_host_log_clear();
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_EBUSY);
	assert_int_equal(armvirt_host_log_count(), 0); /* a failing call touches nothing */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_sequence),
		cmocka_unit_test(test_cntpoff_sequence),
		cmocka_unit_test(test_trapped_virtual_timer_alarm),
		cmocka_unit_test(test_restore_after_expiry_while_descheduled),
		cmocka_unit_test(test_switch_between_vms),
		cmocka_unit_test(test_state_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Lines and deadlines: which PPIs a vCPU should see, when the next one
 * asserts in host time, and the EL2 timer that waits for it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "arch.h"
#include "machine.h"

#define HOST UINT64_C(0x40000000)

static struct armvirt_vtimer_vm vm;
static struct armvirt_vtimer_vcpu vcpu;

static void setup_cfg(unsigned ecv, const struct armvirt_vtimer_config *cfg)
{
	machine_reset(HOST, ecv);
	assert_int_equal(armvirt_vtimer_vm_init(&vm, cfg), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vcpu_init(&vcpu, &vm), ARMVIRT_OK);
}

/* Defaults, guest counter starting at 0: guest time g is host time HOST + g. */
static int setup(void **state)
{
	struct armvirt_vtimer_config cfg;
	(void)state;
	armvirt_vtimer_config_default(&cfg);
	setup_cfg(0, &cfg);
	return 0;
}

/* Program timer @t of the (not loaded) vCPU as a guest would have left it. */
static void program(unsigned t, uint64_t ctl, uint64_t cval)
{
	uint32_t cval_enc = t ? A_CNTP_CVAL : A_CNTV_CVAL, ctl_enc = t ? A_CNTP_CTL : A_CNTV_CTL;
	bool was_loaded = vcpu.loaded;

	if (!was_loaded)
		assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
	guest_write(&vcpu, cval_enc, cval);
	guest_write(&vcpu, ctl_enc, ctl);
	if (!was_loaded)
		assert_int_equal(armvirt_vtimer_vcpu_put(&vcpu), ARMVIRT_OK);
}

static uint64_t deadline(void)
{
	uint64_t d = 0xbad;
	assert_int_equal(armvirt_vtimer_next_deadline(&vcpu, &d), 1);
	return d;
}

static void expect_no_deadline(void)
{
	uint64_t d = 0xbad;
	assert_int_equal(armvirt_vtimer_next_deadline(&vcpu, &d), 0);
	assert_int_equal(d, 0xbad);
}

static void test_configured_intids(void **state)
{
	struct armvirt_vtimer_config cfg;
	struct armvirt_vtimer_lines l;
	(void)state;

	armvirt_vtimer_config_default(&cfg);
	cfg.intid[0] = 20;
	cfg.intid[1] = 21;
	cfg.hw_intid[0] = 16;
	cfg.hw_intid[1] = 31;
	setup_cfg(2, &cfg);
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_lines(&vcpu, &l), ARMVIRT_OK);
	assert_int_equal(l.line[0].intid, 20);
	assert_int_equal(l.line[1].intid, 21);
	assert_int_equal(l.line[0].hw_intid, 16);
	assert_int_equal(l.line[1].hw_intid, 31);
	assert_true(l.line[0].hw && l.line[1].hw);
	assert_false(l.line[0].level || l.line[1].level);
}

static void test_deadline_of_descheduled_vcpu(void **state)
{
	(void)state;
	expect_no_deadline(); /* both disabled */
	program(0, A_CTL_ENABLE, 500);
	assert_int_equal(deadline(), HOST + 500);
	program(1, A_CTL_ENABLE, 300);
	assert_int_equal(deadline(), HOST + 300);
	program(1, A_CTL_ENABLE | A_CTL_IMASK, 300); /* masked: never asserts */
	assert_int_equal(deadline(), HOST + 500);
	program(0, 0, 500);
	expect_no_deadline();

	/* At the deadline and not before, the line asserts. */
	program(0, A_CTL_ENABLE, 500);
	machine_advance(499);
	struct armvirt_vtimer_lines l;
	assert_int_equal(armvirt_vtimer_lines(&vcpu, &l), ARMVIRT_OK);
	assert_false(l.line[0].level);
	assert_int_equal(deadline(), HOST + 500);
	machine_advance(1);
	assert_int_equal(armvirt_vtimer_lines(&vcpu, &l), ARMVIRT_OK);
	assert_true(l.line[0].level);
	assert_false(l.line[0].hw);
	/* An asserted line needs no wake-up: it is already pending in the vGIC. */
	expect_no_deadline();
}

/* Loaded, the hardware raises DIRECT and TRAP_HW timers: only TRAP_SW counts. */
static void test_deadline_of_running_vcpu(void **state)
{
	(void)state;
	program(0, A_CTL_ENABLE, 100);
	program(1, A_CTL_ENABLE, 700);
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
	assert_int_equal(deadline(), HOST + 700);
	program(1, 0, 700);
	expect_no_deadline();
}

static void test_deadline_saturates(void **state)
{
	(void)state;
	program(0, A_CTL_ENABLE, UINT64_MAX);
	assert_int_equal(deadline(), UINT64_MAX); /* HOST + 2^64 - 1 does not fit */
	program(0, A_CTL_ENABLE, UINT64_MAX - HOST);
	assert_int_equal(deadline(), UINT64_MAX);
	program(0, A_CTL_ENABLE, UINT64_MAX - HOST - 1);
	assert_int_equal(deadline(), UINT64_MAX - 1);
}

static void test_deadline_while_paused(void **state)
{
	struct armvirt_vtimer_config cfg;
	(void)state;

	program(0, A_CTL_ENABLE, 100);
	assert_int_equal(armvirt_vtimer_vm_pause(&vm), ARMVIRT_OK);
	expect_no_deadline(); /* frozen time brings no timer closer */
	machine_advance(1000);
	expect_no_deadline();
	assert_int_equal(armvirt_vtimer_vm_resume(&vm), ARMVIRT_OK);
	assert_int_equal(deadline(), HOST + 1000 + 100);

	armvirt_vtimer_config_default(&cfg);
	cfg.pause = ARMVIRT_VTIMER_PAUSE_RUN;
	setup_cfg(0, &cfg);
	program(0, A_CTL_ENABLE, 100);
	assert_int_equal(armvirt_vtimer_vm_pause(&vm), ARMVIRT_OK);
	assert_int_equal(deadline(), HOST + 100);
	machine_advance(1000);
	struct armvirt_vtimer_lines l;
	assert_int_equal(armvirt_vtimer_lines(&vcpu, &l), ARMVIRT_OK);
	assert_true(l.line[0].level); /* expired while paused */
}

/* Changing the counter while a timer is armed moves its deadline and its line. */
static void test_counter_change_while_armed(void **state)
{
	struct armvirt_vtimer_lines l;
	(void)state;

	program(0, A_CTL_ENABLE, 1000);
	assert_int_equal(deadline(), HOST + 1000);
	assert_int_equal(armvirt_vtimer_vm_set_counter(&vm, 400), ARMVIRT_OK);
	assert_int_equal(deadline(), HOST + 600);
	assert_int_equal(armvirt_vtimer_vm_set_counter(&vm, 2000), ARMVIRT_OK);
	expect_no_deadline();
	assert_int_equal(armvirt_vtimer_lines(&vcpu, &l), ARMVIRT_OK);
	assert_true(l.line[0].level);
	assert_int_equal(armvirt_vtimer_vm_set_counter(&vm, 999), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_lines(&vcpu, &l), ARMVIRT_OK);
	assert_false(l.line[0].level);
	/* The hardware agrees once the vCPU runs with the new offset. */
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
	assert_false(machine_hw_line(0));
	machine_advance(1);
	assert_true(machine_hw_line(0));
}

static void test_hyp_timer(void **state)
{
	(void)state;
	armvirt_host_log_clear();
	armvirt_vtimer_hyp_arm(HOST + 77);
	assert_int_equal(armvirt_host_log_count(), 3);
	assert_int_equal(armvirt_host_log_at(0)->kind, ARMVIRT_HOST_EV_WRITE);
	assert_int_equal(armvirt_host_log_at(0)->id, ARMVIRT_HOST_REG_cnthp_cval_el2);
	assert_int_equal(armvirt_host_log_at(0)->value, HOST + 77);
	assert_int_equal(armvirt_host_log_at(1)->kind, ARMVIRT_HOST_EV_ISB);
	assert_int_equal(armvirt_host_log_at(2)->id, ARMVIRT_HOST_REG_cnthp_ctl_el2);
	assert_int_equal(armvirt_host_log_at(2)->value, A_CTL_ENABLE);
	armvirt_vtimer_hyp_disarm();
	assert_int_equal(armvirt_host_get(ARMVIRT_HOST_REG_cnthp_ctl_el2), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_configured_intids),
		cmocka_unit_test_setup(test_deadline_of_descheduled_vcpu, setup),
		cmocka_unit_test_setup(test_deadline_of_running_vcpu, setup),
		cmocka_unit_test_setup(test_deadline_saturates, setup),
		cmocka_unit_test_setup(test_deadline_while_paused, setup),
		cmocka_unit_test_setup(test_counter_change_while_armed, setup),
		cmocka_unit_test_setup(test_hyp_timer, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Per-VM virtual time: configuration, counter offset, pause policies, and
 * the rule that all vCPUs of a VM see one counter.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "arch.h"
#include "machine.h"

static struct armvirt_vtimer_vm vm;
static struct armvirt_vtimer_vcpu vcpu[2];

static void setup_vm(unsigned ecv, uint64_t host, enum armvirt_vtimer_pause_policy pause,
		     uint64_t counter)
{
	struct armvirt_vtimer_config cfg;

	machine_reset(host, ecv);
	armvirt_vtimer_config_default(&cfg);
	cfg.pause = pause;
	cfg.counter = counter;
	assert_int_equal(armvirt_vtimer_vm_init(&vm, &cfg), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vcpu_init(&vcpu[0], &vm), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vcpu_init(&vcpu[1], &vm), ARMVIRT_OK);
}

static void test_defaults(void **state)
{
	struct armvirt_vtimer_config cfg;
	(void)state;

	memset(&cfg, 0xa5, sizeof(cfg));
	armvirt_vtimer_config_default(&cfg);
	assert_int_equal(cfg.intid[ARMVIRT_VTIMER_VIRT], 27);
	assert_int_equal(cfg.intid[ARMVIRT_VTIMER_PHYS], 30);
	assert_int_equal(cfg.hw_intid[ARMVIRT_VTIMER_VIRT], 27);
	assert_int_equal(cfg.hw_intid[ARMVIRT_VTIMER_PHYS], 30);
	assert_int_equal(cfg.mode[0], ARMVIRT_VTIMER_MODE_AUTO);
	assert_int_equal(cfg.mode[1], ARMVIRT_VTIMER_MODE_AUTO);
	assert_int_equal(cfg.pause, ARMVIRT_VTIMER_PAUSE_FREEZE);
	assert_int_equal(cfg.counter, 0);
}

/* init with @cfg must fail with @code and leave the VM's bytes untouched. */
static void expect_init_fails(const struct armvirt_vtimer_config *cfg, int code)
{
	struct armvirt_vtimer_vm v, before;

	memset(&v, 0x5a, sizeof(v));
	before = v;
	assert_int_equal(armvirt_vtimer_vm_init(&v, cfg), code);
	assert_memory_equal(&v, &before, sizeof(v));
}

static void test_init_rejects(void **state)
{
	struct armvirt_vtimer_config cfg;
	(void)state;

	machine_reset(1000, 0);
	armvirt_vtimer_config_default(&cfg);
	cfg.intid[0] = 15;
	expect_init_fails(&cfg, ARMVIRT_EINVAL);
	armvirt_vtimer_config_default(&cfg);
	cfg.intid[1] = 32;
	expect_init_fails(&cfg, ARMVIRT_EINVAL);
	armvirt_vtimer_config_default(&cfg);
	cfg.hw_intid[0] = 0;
	expect_init_fails(&cfg, ARMVIRT_EINVAL);
	armvirt_vtimer_config_default(&cfg);
	cfg.intid[1] = 27;
	expect_init_fails(&cfg, ARMVIRT_EINVAL);
	armvirt_vtimer_config_default(&cfg);
	cfg.pause = (enum armvirt_vtimer_pause_policy)2;
	expect_init_fails(&cfg, ARMVIRT_EINVAL);
	armvirt_vtimer_config_default(&cfg);
	cfg.mode[0] = (enum armvirt_vtimer_mode)4;
	expect_init_fails(&cfg, ARMVIRT_EINVAL);

	/* A direct physical timer needs CNTPOFF_EL2 (ECV == 2). */
	armvirt_vtimer_config_default(&cfg);
	cfg.mode[ARMVIRT_VTIMER_PHYS] = ARMVIRT_VTIMER_MODE_DIRECT;
	expect_init_fails(&cfg, ARMVIRT_ENOTSUP);
	machine_reset(1000, 1);
	expect_init_fails(&cfg, ARMVIRT_ENOTSUP);
	/* A trapped virtual timer needs EL1TVT/EL1TVCT (ECV >= 1). */
	machine_reset(1000, 0);
	armvirt_vtimer_config_default(&cfg);
	cfg.mode[ARMVIRT_VTIMER_VIRT] = ARMVIRT_VTIMER_MODE_TRAP_HW;
	expect_init_fails(&cfg, ARMVIRT_ENOTSUP);
	cfg.mode[ARMVIRT_VTIMER_VIRT] = ARMVIRT_VTIMER_MODE_TRAP_SW;
	expect_init_fails(&cfg, ARMVIRT_ENOTSUP);
	machine_reset(1000, 1);
	assert_int_equal(armvirt_vtimer_vm_init(&vm, &cfg), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vm_mode(&vm, ARMVIRT_VTIMER_VIRT),
			 ARMVIRT_VTIMER_MODE_TRAP_SW);
}

static void test_auto_modes(void **state)
{
	static const enum armvirt_vtimer_mode phys[3] = {
		ARMVIRT_VTIMER_MODE_TRAP_SW,
		ARMVIRT_VTIMER_MODE_TRAP_SW,
		ARMVIRT_VTIMER_MODE_DIRECT,
	};
	(void)state;

	for (unsigned ecv = 0; ecv < 3; ecv++) {
		setup_vm(ecv, 1000, ARMVIRT_VTIMER_PAUSE_FREEZE, 0);
		assert_int_equal(armvirt_vtimer_vm_mode(&vm, ARMVIRT_VTIMER_VIRT),
				 ARMVIRT_VTIMER_MODE_DIRECT);
		assert_int_equal(armvirt_vtimer_vm_mode(&vm, ARMVIRT_VTIMER_PHYS), phys[ecv]);
	}
	assert_int_equal(armvirt_vtimer_vm_mode(&vm, ARMVIRT_VTIMER_NR), ARMVIRT_VTIMER_MODE_AUTO);
}

static void test_counter_starts_at_configured_value(void **state)
{
	(void)state;
	setup_vm(0, 123456789, ARMVIRT_VTIMER_PAUSE_FREEZE, 0);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 0);
	machine_advance(50);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 50);

	setup_vm(0, 1000, ARMVIRT_VTIMER_PAUSE_FREEZE, 0xfffffffffffff000u);
	machine_advance(0x1000);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 0); /* the guest counter wraps */
}

static void test_set_counter(void **state)
{
	(void)state;
	setup_vm(0, 5000, ARMVIRT_VTIMER_PAUSE_FREEZE, 0);
	assert_int_equal(armvirt_vtimer_vm_set_counter(&vm, 777), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 777);
	machine_advance(3);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 780);

	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu[1]), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vm_set_counter(&vm, 1), ARMVIRT_EBUSY);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 780);
	/* The loaded vCPU's hardware counter reads the same. */
	assert_int_equal(guest_read(&vcpu[1], A_CNTVCT), 780);
	assert_int_equal(guest_read(&vcpu[1], A_CNTPCT), 780);
}

static void test_pause_freeze(void **state)
{
	(void)state;
	setup_vm(0, 1000, ARMVIRT_VTIMER_PAUSE_FREEZE, 0);
	machine_advance(100);
	assert_int_equal(armvirt_vtimer_vm_pause(&vm), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vm_pause(&vm), ARMVIRT_EPERM);
	machine_advance(500);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 100);
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu[0]), ARMVIRT_EPERM);
	assert_int_equal(armvirt_vtimer_vm_resume(&vm), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vm_resume(&vm), ARMVIRT_EPERM);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 100);
	machine_advance(7);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 107);

	/* The counter set while paused is what the guest reads on resume. */
	assert_int_equal(armvirt_vtimer_vm_pause(&vm), ARMVIRT_OK);
	machine_advance(40);
	assert_int_equal(armvirt_vtimer_vm_set_counter(&vm, 9000), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 9000);
	machine_advance(40);
	assert_int_equal(armvirt_vtimer_vm_resume(&vm), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 9000);
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu[0]), ARMVIRT_OK);
	assert_int_equal(guest_read(&vcpu[0], A_CNTVCT), 9000);
}

static void test_pause_run(void **state)
{
	(void)state;
	setup_vm(0, 1000, ARMVIRT_VTIMER_PAUSE_RUN, 0);
	machine_advance(100);
	assert_int_equal(armvirt_vtimer_vm_pause(&vm), ARMVIRT_OK);
	machine_advance(500);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 600);
	assert_int_equal(armvirt_vtimer_vm_resume(&vm), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 600);
}

static void test_pause_needs_every_vcpu_out(void **state)
{
	(void)state;
	setup_vm(0, 1000, ARMVIRT_VTIMER_PAUSE_FREEZE, 0);
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu[0]), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vm_pause(&vm), ARMVIRT_EBUSY);
	machine_advance(10);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 10);
	assert_int_equal(armvirt_vtimer_vcpu_put(&vcpu[0]), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vm_pause(&vm), ARMVIRT_OK);
}

/* Every vCPU of a VM sees one counter, whichever runs and whenever. */
static void test_counter_consistent_across_vcpus(void **state)
{
	struct armvirt_vtimer_vm other;
	struct armvirt_vtimer_vcpu stranger;
	struct armvirt_vtimer_config cfg;
	uint64_t a, b, c;
	(void)state;

	setup_vm(0, 1u << 30, ARMVIRT_VTIMER_PAUSE_FREEZE, 42);
	armvirt_vtimer_config_default(&cfg);
	cfg.counter = UINT64_C(1) << 40;
	assert_int_equal(armvirt_vtimer_vm_init(&other, &cfg), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vcpu_init(&stranger, &other), ARMVIRT_OK);

	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu[0]), ARMVIRT_OK);
	a = guest_read(&vcpu[0], A_CNTVCT);
	assert_int_equal(guest_read(&vcpu[0], A_CNTPCT), a);
	assert_int_equal(armvirt_vtimer_vcpu_put(&vcpu[0]), ARMVIRT_OK);
	/* Another VM runs on this CPU in between, with its own offset. */
	assert_int_equal(armvirt_vtimer_vcpu_load(&stranger), ARMVIRT_OK);
	assert_int_equal(guest_read(&stranger, A_CNTVCT), (UINT64_C(1) << 40) + 0);
	machine_advance(5);
	assert_int_equal(armvirt_vtimer_vcpu_put(&stranger), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu[1]), ARMVIRT_OK);
	b = guest_read(&vcpu[1], A_CNTVCT);
	c = guest_read(&vcpu[1], A_CNTPCT);
	assert_int_equal(a, 42);
	assert_int_equal(b, 47);
	assert_int_equal(c, 47);
}

static void test_vcpu_init_and_reset(void **state)
{
	(void)state;
	setup_vm(0, 1000, ARMVIRT_VTIMER_PAUSE_FREEZE, 0);
	assert_int_equal(armvirt_vtimer_vcpu_init(&vcpu[0], &vm), ARMVIRT_EEXIST);
	assert_ptr_equal(vm.vcpus, &vcpu[1]);
	assert_ptr_equal(vcpu[1].next, &vcpu[0]);

	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu[0]), ARMVIRT_OK);
	guest_write(&vcpu[0], A_CNTV_CVAL, 99);
	guest_write(&vcpu[0], A_CNTV_CTL, A_CTL_ENABLE);
	assert_int_equal(armvirt_vtimer_vcpu_reset(&vcpu[0]), ARMVIRT_EBUSY);
	assert_int_equal(armvirt_vtimer_vcpu_put(&vcpu[0]), ARMVIRT_OK);
	assert_int_equal(vcpu[0].ctl[ARMVIRT_VTIMER_VIRT], A_CTL_ENABLE);
	assert_int_equal(armvirt_vtimer_vcpu_reset(&vcpu[0]), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu[0]), ARMVIRT_OK);
	assert_int_equal(guest_read(&vcpu[0], A_CNTV_CTL), 0);
	assert_int_equal(guest_read(&vcpu[0], A_CNTV_CVAL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_init_rejects),
		cmocka_unit_test(test_auto_modes),
		cmocka_unit_test(test_counter_starts_at_configured_value),
		cmocka_unit_test(test_set_counter),
		cmocka_unit_test(test_pause_freeze),
		cmocka_unit_test(test_pause_run),
		cmocka_unit_test(test_pause_needs_every_vcpu_out),
		cmocka_unit_test(test_counter_consistent_across_vcpus),
		cmocka_unit_test(test_vcpu_init_and_reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

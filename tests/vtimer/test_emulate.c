/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Trapped timer accesses, worked by hand from Arm ARM D11.2.4: TVAL is
 * (CVAL - counter)[31:0] on a read and sets CVAL = counter +
 * SignExtend(TVAL[31:0]) on a write; the condition is an unsigned
 * counter >= CVAL; the line is ISTATUS && ENABLE && !IMASK. The records are
 * built from the registers' MRS/MSR encodings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "arch.h"
#include "machine.h"

static struct armvirt_vtimer_vm vm;
static struct armvirt_vtimer_vcpu vcpu;

/* Defaults without FEAT_ECV: CNTP_* and CNTPCT_EL0 trap, the guest counter starts at @g. */
static void setup(uint64_t g)
{
	struct armvirt_vtimer_config cfg;

	machine_reset(0x123456789a, 0);
	armvirt_vtimer_config_default(&cfg);
	cfg.counter = g;
	assert_int_equal(armvirt_vtimer_vm_init(&vm, &cfg), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vcpu_init(&vcpu, &vm), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vcpu_load(&vcpu), ARMVIRT_OK);
}

static int setup_1000(void **state)
{
	(void)state;
	setup(1000);
	return 0;
}

static bool phys_line(void)
{
	struct armvirt_vtimer_lines l;
	assert_int_equal(armvirt_vtimer_lines(&vcpu, &l), ARMVIRT_OK);
	assert_int_equal(l.line[ARMVIRT_VTIMER_PHYS].intid, 30);
	assert_false(l.line[ARMVIRT_VTIMER_PHYS].hw);
	return l.line[ARMVIRT_VTIMER_PHYS].level;
}

static void test_counters(void **state)
{
	(void)state;
	unsigned before = machine_trap_count();
	assert_int_equal(guest_read(&vcpu, A_CNTPCT), 1000);
	assert_int_equal(guest_read(&vcpu, A_CNTPCTSS), 1000);
	assert_int_equal(machine_trap_count(), before + 2);
	/* The virtual counter is the hardware's, and agrees. */
	assert_int_equal(guest_read(&vcpu, A_CNTVCT), 1000);
	assert_int_equal(machine_trap_count(), before + 2);
	machine_advance(9);
	assert_int_equal(guest_read(&vcpu, A_CNTPCT), 1009);
}

static void test_tval_write_and_read(void **state)
{
	(void)state;
	guest_write(&vcpu, A_CNTP_TVAL, 1000);
	assert_int_equal(guest_read(&vcpu, A_CNTP_CVAL), 2000);
	guest_write(&vcpu, A_CNTP_CTL, A_CTL_ENABLE);
	machine_advance(1);
	assert_int_equal(guest_read(&vcpu, A_CNTP_TVAL), 999);
	assert_int_equal(guest_read(&vcpu, A_CNTP_CTL), A_CTL_ENABLE);
	assert_false(phys_line());
	machine_advance(998);
	assert_int_equal(guest_read(&vcpu, A_CNTP_TVAL), 1);
	assert_false(phys_line());
	machine_advance(1);
	assert_int_equal(guest_read(&vcpu, A_CNTP_TVAL), 0);
	assert_int_equal(guest_read(&vcpu, A_CNTP_CTL), A_CTL_ENABLE | A_CTL_ISTATUS);
	assert_true(phys_line());
	/* Past the compare value TVAL counts on down, as a 32-bit value. */
	machine_advance(1);
	assert_int_equal(guest_read(&vcpu, A_CNTP_TVAL), 0xffffffffu);
	machine_advance(0x7fffffff);
	assert_int_equal(guest_read(&vcpu, A_CNTP_TVAL), 0x80000000u);
}

static void test_tval_is_signed_32_bit(void **state)
{
	(void)state;
	guest_write(&vcpu, A_CNTP_TVAL, 0xffffffffu); /* -1 */
	assert_int_equal(guest_read(&vcpu, A_CNTP_CVAL), 999);
	guest_write(&vcpu, A_CNTP_TVAL, 0x80000000u); /* -2^31 */
	assert_int_equal(guest_read(&vcpu, A_CNTP_CVAL), UINT64_C(1000) - 0x80000000u);
	guest_write(&vcpu, A_CNTP_TVAL, 0x7fffffffu); /* 2^31 - 1 */
	assert_int_equal(guest_read(&vcpu, A_CNTP_CVAL), 1000 + 0x7fffffffu);
	/* Bits [63:32] of the written value are ignored. */
	guest_write(&vcpu, A_CNTP_TVAL, 0xdead000000000010u);
	assert_int_equal(guest_read(&vcpu, A_CNTP_CVAL), 1016);
	/* A compare value more than 2^32 ahead reads back truncated. */
	guest_write(&vcpu, A_CNTP_CVAL, 1000 + 0x100000005u);
	assert_int_equal(guest_read(&vcpu, A_CNTP_TVAL), 5);
	/* TVAL -1 is already expired. */
	guest_write(&vcpu, A_CNTP_CTL, A_CTL_ENABLE);
	guest_write(&vcpu, A_CNTP_TVAL, 0xffffffffu);
	assert_true(phys_line());
}

static void test_cval_in_the_past(void **state)
{
	(void)state;
	guest_write(&vcpu, A_CNTP_CVAL, 0);
	assert_false(phys_line()); /* disabled */
	guest_write(&vcpu, A_CNTP_CTL, A_CTL_ENABLE);
	assert_int_equal(guest_read(&vcpu, A_CNTP_CTL), A_CTL_ENABLE | A_CTL_ISTATUS);
	assert_true(phys_line());
	assert_int_equal(guest_read(&vcpu, A_CNTP_TVAL), (uint32_t)-1000);
}

/* CTL keeps ENABLE and IMASK only; ISTATUS is computed and reads 0 while disabled. */
static void test_ctl_bits(void **state)
{
	(void)state;
	guest_write(&vcpu, A_CNTP_CVAL, 10);
	guest_write(&vcpu, A_CNTP_CTL, 0xfffffffffffffff8u | A_CTL_ISTATUS);
	assert_int_equal(guest_read(&vcpu, A_CNTP_CTL), 0);
	guest_write(&vcpu, A_CNTP_CTL, A_CTL_ENABLE | A_CTL_IMASK | A_CTL_ISTATUS);
	assert_int_equal(guest_read(&vcpu, A_CNTP_CTL), A_CTL_ENABLE | A_CTL_IMASK | A_CTL_ISTATUS);
	assert_false(phys_line()); /* masked */
	guest_write(&vcpu, A_CNTP_CTL, A_CTL_ENABLE);
	assert_true(phys_line());
}

/* The line follows the guest: disabling, masking or moving CVAL ahead drops it. */
static void test_line_drops(void **state)
{
	(void)state;
	guest_write(&vcpu, A_CNTP_TVAL, 5);
	guest_write(&vcpu, A_CNTP_CTL, A_CTL_ENABLE);
	machine_advance(5);
	assert_true(phys_line());
	guest_write(&vcpu, A_CNTP_CTL, 0); /* disabled with the interrupt pending */
	assert_false(phys_line());
	guest_write(&vcpu, A_CNTP_CTL, A_CTL_ENABLE);
	assert_true(phys_line());
	guest_write(&vcpu, A_CNTP_CTL, A_CTL_ENABLE | A_CTL_IMASK);
	assert_false(phys_line());
	guest_write(&vcpu, A_CNTP_CTL, A_CTL_ENABLE);
	guest_write(&vcpu, A_CNTP_TVAL, 100); /* reprogrammed into the future */
	assert_false(phys_line());
	machine_advance(100);
	assert_true(phys_line());
}

/*
 * Near the top of the counter the comparison stays unsigned: a compare
 * value that has "wrapped" is already met, and the line drops when the
 * counter itself wraps.
 */
static void test_counter_wrap(void **state)
{
	(void)state;
	setup(UINT64_MAX - 9); /* the guest counter wraps in 10 ticks */
	guest_write(&vcpu, A_CNTP_CTL, A_CTL_ENABLE);
	guest_write(&vcpu, A_CNTP_TVAL, 20);
	assert_int_equal(guest_read(&vcpu, A_CNTP_CVAL), 10);
	assert_true(phys_line()); /* 2^64 - 10 >= 10 */
	assert_int_equal(guest_read(&vcpu, A_CNTP_TVAL), 20);
	machine_advance(10);
	assert_int_equal(guest_read(&vcpu, A_CNTPCT), 0);
	assert_false(phys_line()); /* 0 < 10 */
	machine_advance(9);
	assert_false(phys_line());
	machine_advance(1);
	assert_true(phys_line());
}

static void test_not_ours(void **state)
{
	struct armvirt_sysreg_access acc = { A_CNTFRQ, 3, false, 0x55 };
	(void)state;

	assert_int_equal(armvirt_vtimer_sysreg_access(&vcpu, &acc), ARMVIRT_ENOENT);
	assert_int_equal(acc.data, 0x55);
	acc.enc = A_ENC(3, 0, 14, 1, 0); /* CNTKCTL_EL1 */
	assert_int_equal(armvirt_vtimer_sysreg_access(&vcpu, &acc), ARMVIRT_ENOENT);
	acc.enc = A_ENC(3, 3, 14, 2, 3); /* unallocated neighbour of CNTP_CVAL */
	assert_int_equal(armvirt_vtimer_sysreg_access(&vcpu, &acc), ARMVIRT_ENOENT);
	/* The counters are read-only. */
	acc.is_write = true;
	acc.enc = A_CNTPCT;
	assert_int_equal(armvirt_vtimer_sysreg_access(&vcpu, &acc), ARMVIRT_EINVAL);
	acc.enc = A_CNTVCTSS;
	assert_int_equal(armvirt_vtimer_sysreg_access(&vcpu, &acc), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_vtimer_vm_counter(&vm), 1000);
}

/*
 * A direct timer's register, if it reaches the emulator (an integrator that
 * traps it for its own reasons), acts on the live hardware register while
 * loaded and on the saved copy otherwise.
 */
static void test_direct_registers_through_the_emulator(void **state)
{
	struct armvirt_sysreg_access acc = { A_CNTV_CVAL, 0, true, 4321 };
	(void)state;

	assert_int_equal(armvirt_vtimer_sysreg_access(&vcpu, &acc), ARMVIRT_OK);
	assert_int_equal(armvirt_host_get(ARMVIRT_HOST_REG_cntv_cval_el0), 4321);
	acc.enc = A_CNTV_TVAL;
	acc.is_write = false;
	assert_int_equal(armvirt_vtimer_sysreg_access(&vcpu, &acc), ARMVIRT_OK);
	assert_int_equal(acc.data, 3321);
	assert_int_equal(armvirt_vtimer_vcpu_put(&vcpu), ARMVIRT_OK);
	acc.enc = A_CNTV_CTL;
	acc.is_write = true;
	acc.data = A_CTL_ENABLE;
	assert_int_equal(armvirt_vtimer_sysreg_access(&vcpu, &acc), ARMVIRT_OK);
	assert_int_equal(armvirt_host_get(ARMVIRT_HOST_REG_cntv_ctl_el0), 0);
	assert_int_equal(vcpu.ctl[ARMVIRT_VTIMER_VIRT], A_CTL_ENABLE);
	assert_int_equal(vcpu.cval[ARMVIRT_VTIMER_VIRT], 4321);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_counters, setup_1000),
		cmocka_unit_test_setup(test_tval_write_and_read, setup_1000),
		cmocka_unit_test_setup(test_tval_is_signed_32_bit, setup_1000),
		cmocka_unit_test_setup(test_cval_in_the_past, setup_1000),
		cmocka_unit_test_setup(test_ctl_bits, setup_1000),
		cmocka_unit_test_setup(test_line_drops, setup_1000),
		cmocka_unit_test(test_counter_wrap),
		cmocka_unit_test_setup(test_not_ours, setup_1000),
		cmocka_unit_test_setup(test_direct_registers_through_the_emulator, setup_1000),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The emulated timers from real trap syndromes: ESR_EL2 values of trapped
 * MSR/MRS instructions, written out by hand from the Arm ARM's ISS encoding
 * for EC 0x18 ("Exception from MSR, MRS, or System instruction execution in
 * AArch64 state"), go through lib/esr's decoder into
 * armvirt_vtimer_sysreg_access(), the way an exit handler does it, and on
 * through the glue into the vGIC's list registers.
 *
 *   ESR_EL2: EC [31:26] = 0x18, IL [25] = 1, ISS [24:0]:
 *   Op0 [21:20] | Op2 [19:17] | Op1 [16:14] | CRn [13:10] | Rt [9:5] |
 *   CRm [4:1] | Direction [0] (1: MRS, a read; 0: MSR, a write)
 *
 * Each value's register is also checked by name against lib/esr's table,
 * which the test suite checks against binutils' disassembler.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <armvirt/err.h>
#include <armvirt/esr.h>

#include "arch.h"
#include "machine.h"
#include "rig.h"

#define HOST UINT64_C(0x7000000) /* host counter at VM creation */
#define START 1000u		 /* the guest counter then */

/* The guest's general-purpose registers and PC; X31 is XZR. */
static uint64_t x[31];
static uint64_t pc;
static unsigned undefs;

static uint64_t guest_now(void)
{
	return machine_now() - HOST + START;
}

static void setup(unsigned ecv, enum armvirt_vtimer_mode vmode)
{
	struct armvirt_vtimer_config cfg;

	armvirt_vtimer_config_default(&cfg);
	cfg.mode[ARMVIRT_VTIMER_VIRT] = vmode;
	cfg.counter = START;
	rig_init(ARMVIRT_VGIC_V3, SIM_ICH, 4, ecv, HOST, &cfg, 0);
	memset(x, 0, sizeof(x));
	pc = 0x80000;
	undefs = 0;
	rig_load();
}

/*
 * The guest executes the instruction that traps with syndrome @esr, which
 * accesses register @name. The exit handler decodes the syndrome, offers the
 * access to the timers, then to the vGIC, completes the instruction (or
 * makes it UNDEFINED) and runs the glue. Returns the emulator's code.
 */
static int trap(uint64_t esr, const char *name)
{
	struct armvirt_esr e;
	struct armvirt_sysreg_access acc;
	int r;

	assert_int_equal(armvirt_esr_decode(esr, &e), 0);
	assert_int_equal(e.ec, ARMVIRT_ESR_EC_SYS64);
	assert_true(e.il);
	assert_int_equal(e.res0, 0);
	assert_string_equal(armvirt_esr_trap_name(&e), name);
	assert_int_equal(armvirt_esr_sysreg_access(&e, &acc), 0);
	/* A timer register traps only as CNTHCTL_EL2 has the machine trap it. */
	if (strncmp(name, "CNT", 3) == 0)
		assert_true(machine_traps(acc.enc));

	rig_exit();
	if (acc.is_write)
		acc.data = acc.rt == 31 ? 0 : x[acc.rt];
	r = armvirt_vtimer_sysreg_access(&rig.timer, &acc);
	if (r == ARMVIRT_ENOENT)
		r = armvirt_vgic_sysreg(&rig.gic, 0, &acc, &rig.kicks);
	if (r >= 0) {
		if (!acc.is_write && acc.rt != 31)
			x[acc.rt] = acc.data;
		pc += 4;
	} else {
		undefs++;
	}
	rig_update(0);
	rig_enter();
	return r;
}

static void expect_lr(unsigned intid, bool hw)
{
	int n = rig_find_lr(intid);

	assert_true(n >= 0);
	assert_int_equal(sim_lr((unsigned)n).state, 1);
	assert_int_equal(sim_lr((unsigned)n).hw, hw);
}

/* Without FEAT_ECV the EL1 physical timer is emulated (TRAP_SW): every access traps. */
static void test_physical_timer(void **state)
{
	static const bool none[2] = { false, false }, phys[2] = { false, true };
	(void)state;
	setup(0, ARMVIRT_VTIMER_MODE_AUTO);

	x[5] = 1000;
	/* MSR CNTP_TVAL_EL0, X5: Op0 3, Op2 0, Op1 3, CRn 14, Rt 5, CRm 2, write */
	assert_int_equal(trap(0x6230f8a4, "CNTP_TVAL_EL0"), ARMVIRT_OK);
	assert_int_equal(pc, 0x80004);
	/* MRS X7, CNTP_CVAL_EL0: Op2 2, Rt 7, CRm 2, read */
	assert_int_equal(trap(0x6234f8e5, "CNTP_CVAL_EL0"), ARMVIRT_OK);
	assert_int_equal(x[7], START + 1000);
	x[2] = A_CTL_ENABLE;
	/* MSR CNTP_CTL_EL0, X2: Op2 1, Rt 2, CRm 2, write */
	assert_int_equal(trap(0x6232f844, "CNTP_CTL_EL0"), ARMVIRT_OK);
	/* MRS X0, CNTP_CTL_EL0 */
	assert_int_equal(trap(0x6232f805, "CNTP_CTL_EL0"), ARMVIRT_OK);
	assert_int_equal(x[0], A_CTL_ENABLE);

	rig_advance(999);
	/* MRS X3, CNTP_TVAL_EL0: one tick to go */
	assert_int_equal(trap(0x6230f865, "CNTP_TVAL_EL0"), ARMVIRT_OK);
	assert_int_equal(x[3], 1);
	rig_check(none);
	rig_advance(1);
	/* The next exit (here the integrator's EL2 timer) injects it in software. */
	rig_bounce();
	expect_lr(30, false);
	rig_check(phys);
	assert_int_equal(trap(0x6232f805, "CNTP_CTL_EL0"), ARMVIRT_OK);
	assert_int_equal(x[0], A_CTL_ENABLE | A_CTL_ISTATUS);
	rig_advance(5);
	assert_int_equal(trap(0x6230f865, "CNTP_TVAL_EL0"), ARMVIRT_OK);
	assert_int_equal(x[3], 0xfffffffbu); /* -5 as a 32-bit TVAL */

	/* MRS X30, CNTPCT_EL0: Op2 1, CRn 14, Rt 30, CRm 0, read */
	assert_int_equal(trap(0x6232fbc1, "CNTPCT_EL0"), ARMVIRT_OK);
	assert_int_equal(x[30], guest_now());

	/* MSR CNTP_CVAL_EL0, X12 with a future value: the untaken interrupt goes. */
	x[12] = guest_now() + 50;
	assert_int_equal(trap(0x6234f984, "CNTP_CVAL_EL0"), ARMVIRT_OK);
	assert_int_equal(rig_find_lr(30), -1);
	rig_check(none);
	/* MSR CNTP_CVAL_EL0, XZR: compare value 0, long past: asserted again. */
	assert_int_equal(trap(0x6234fbe4, "CNTP_CVAL_EL0"), ARMVIRT_OK);
	expect_lr(30, false);
	rig_check(phys);
	/* MRS XZR, CNTP_CTL_EL0: completes, writes no register. */
	uint64_t before[31];
	memcpy(before, x, sizeof(x));
	assert_int_equal(trap(0x6232fbe5, "CNTP_CTL_EL0"), ARMVIRT_OK);
	assert_memory_equal(before, x, sizeof(x));
	assert_int_equal(pc, 0x80000 + 4 * 11);
	assert_int_equal(undefs, 0);
}

/* A write to the counter is refused (the guest gets UNDEFINED) and changes nothing. */
static void test_counter_write_refused(void **state)
{
	(void)state;
	setup(0, ARMVIRT_VTIMER_MODE_AUTO);
	x[1] = 42;
	/* MSR CNTPCT_EL0, X1: Op2 1, CRn 14, Rt 1, CRm 0, write */
	assert_int_equal(trap(0x6232f820, "CNTPCT_EL0"), ARMVIRT_EINVAL);
	assert_int_equal(undefs, 1);
	assert_int_equal(pc, 0x80000);
	assert_int_equal(trap(0x6232fbc1, "CNTPCT_EL0"), ARMVIRT_OK);
	assert_int_equal(x[30], guest_now());
	assert_int_equal(x[30], START);
}

/* Not a timer register: the timers decline it and the vGIC takes it (an SGI to itself). */
static void test_other_register_to_vgic(void **state)
{
	(void)state;
	setup(0, ARMVIRT_VTIMER_MODE_AUTO);
	/* ICC_SGI1R_EL1: INTID [27:24] = 3, TargetList [15:0] = vCPU Aff0 0 */
	x[11] = (UINT64_C(3) << 24) | 1u;
	/* MSR ICC_SGI1R_EL1, X11: Op0 3, Op2 5, Op1 0, CRn 12, Rt 11, CRm 11, write */
	assert_in_range(trap(0x623a3176, "ICC_SGI1R_EL1"), 0, 1); /* 1: a kick */
	expect_lr(3, false);
	assert_int_equal(undefs, 0);
}

/* FEAT_ECV: the virtual timer trapped too (TRAP_HW), its alarm linked to PPI 27. */
static void test_virtual_timer_with_ecv(void **state)
{
	static const bool virt[2] = { true, false };
	(void)state;
	setup(1, ARMVIRT_VTIMER_MODE_TRAP_HW);

	x[6] = START + 300;
	/* MSR CNTV_CVAL_EL0, X6: Op2 2, Rt 6, CRm 3, write */
	assert_int_equal(trap(0x6234f8c6, "CNTV_CVAL_EL0"), ARMVIRT_OK);
	x[4] = A_CTL_ENABLE;
	/* MSR CNTV_CTL_EL0, X4: Op2 1, Rt 4, CRm 3, write */
	assert_int_equal(trap(0x6232f886, "CNTV_CTL_EL0"), ARMVIRT_OK);
	/* MRS X8, CNTV_TVAL_EL0: Op2 0, Rt 8, CRm 3, read */
	assert_int_equal(trap(0x6230f907, "CNTV_TVAL_EL0"), ARMVIRT_OK);
	assert_int_equal(x[8], 300);
	rig_advance(100);
	/* MRS X10, CNTVCT_EL0: Op2 2, Rt 10, CRm 0, read */
	assert_int_equal(trap(0x6234f941, "CNTVCT_EL0"), ARMVIRT_OK);
	assert_int_equal(x[10], START + 100);
	/* MRS X9, CNTPCTSS_EL0 (FEAT_ECV): Op2 5, Rt 9, CRm 0, read */
	assert_int_equal(trap(0x623af921, "CNTPCTSS_EL0"), ARMVIRT_OK);
	assert_int_equal(x[9], START + 100);

	/* The hardware alarm fires on time: EL2 takes PPI 27, the guest sees it linked. */
	rig_advance(199);
	assert_int_equal(rig.el2_takes, 0);
	rig_advance(1);
	assert_int_equal(rig.el2_takes, 1);
	expect_lr(27, true);
	rig_check(virt);
	/* MRS X13, CNTV_CTL_EL0: Op2 1, Rt 13, CRm 3, read */
	assert_int_equal(trap(0x6232f9a7, "CNTV_CTL_EL0"), ARMVIRT_OK);
	assert_int_equal(x[13], A_CTL_ENABLE | A_CTL_ISTATUS);
	assert_int_equal(undefs, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_physical_timer),
		cmocka_unit_test(test_counter_write_refused),
		cmocka_unit_test(test_other_register_to_vgic),
		cmocka_unit_test(test_virtual_timer_with_ecv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The short paths of list-register scheduling, on the fake list registers
 * of both formats: the idle exit and entry, the entry that only places
 * queued interrupts in free registers, the exit where the guest ended what
 * it was given, and the registers freed while the vCPU is out, which the
 * next entry must clear even when it has nothing else to do.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/err.h>
#include <armvirt/port_host.h>

#include "harness.h"

struct variant {
	enum armvirt_vgic_model model;
	enum sim_format fmt;
};
static const struct variant VARIANTS[] = {
	{ ARMVIRT_VGIC_V3, SIM_ICH },
	{ ARMVIRT_VGIC_V2, SIM_GICH },
	{ ARMVIRT_VGIC_V2, SIM_ICH },
};
#define NR_VARIANTS (sizeof(VARIANTS) / sizeof(VARIANTS[0]))

/* GICD registers (GICv3 12.9, GICv2 4.3). */
#define GICD_ICENABLER 0x180u
#define GICD_ICPENDR 0x280u
#define GICD_ICACTIVER 0x380u
#define GICD_ISACTIVER 0x300u

/* ICH_HCR_EL2 / GICH_HCR: En, NPIE (GICv3 12.5.5, GICv2 5.3.2). */
#define HCR_EN_BIT (1u << 0)
#define HCR_NPIE (1u << 3)

static void start_n(const struct variant *var, unsigned nr_lrs, unsigned nr_vcpus)
{
	h_init(var->model, var->fmt, nr_lrs, nr_vcpus, 64);
	h_load(0);
	h_setup_spis(32, 16, 0x80, 0);
}

static void start(const struct variant *var, unsigned nr_lrs)
{
	start_n(var, nr_lrs, 1);
}

static struct armvirt_vgic_irq_info info(unsigned vcpu, unsigned intid)
{
	struct armvirt_vgic_irq_info i;

	assert_int_equal(armvirt_vgic_get_irq(&h.gic, vcpu, intid, &i), 0);
	return i;
}

/* Route SPI @intid to vCPU @to (GICD_IROUTER or GICD_ITARGETSR). */
static void route_spi(unsigned intid, unsigned to)
{
	if (h.gic.model == ARMVIRT_VGIC_V3)
		h_write(0, H_GICD + 0x6000 + 8 * intid, 8, (uint64_t)(to / 16) << 8 | (to % 16));
	else
		h_write(0, H_GICD + 0x800 + intid, 1, 1u << to);
}

static unsigned log_count(enum armvirt_host_event_kind kind)
{
	unsigned n = 0;

	for (size_t i = 0; i < armvirt_host_log_count(); i++)
		n += armvirt_host_log_at(i)->kind == kind;
	return n;
}

static unsigned hw_writes(void)
{
	return log_count(ARMVIRT_HOST_EV_WRITE) + log_count(ARMVIRT_HOST_EV_LR_WRITE) +
	       log_count(ARMVIRT_HOST_EV_GICH_WRITE);
}

static unsigned hw_reads(void)
{
	return log_count(ARMVIRT_HOST_EV_READ) + log_count(ARMVIRT_HOST_EV_LR_READ) +
	       log_count(ARMVIRT_HOST_EV_GICH_READ);
}

static uint32_t hw_hcr(void)
{
	return sim_format() == SIM_ICH ? (uint32_t)armvirt_host_get(ARMVIRT_HOST_REG_ich_hcr_el2)
				       : armvirt_host_get_gich(0x000);
}

static unsigned valid_lrs(void)
{
	unsigned n = 0;

	for (unsigned i = 0; i < sim_nr_lrs(); i++)
		n += sim_lr(i).state != 0;
	return n;
}

static void ack_eoi(unsigned expect)
{
	unsigned iar = sim_ack();

	assert_int_equal(iar & 0x3ffu, expect);
	assert_int_equal(sim_eoi(iar), SIM_DONE);
}

/* Give the guest @intid, and let it take and end it. */
static void deliver(unsigned intid)
{
	h_exit(0);
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, intid, NULL), 1);
	h_enter(0);
	ack_eoi(intid);
}

/*
 * The idle exit reads the CPU interface's controls (VMCR) and nothing else,
 * writes nothing; the idle entry touches no register; and the guest's
 * change to its controls while it ran is kept.
 */
static void idle_case(const struct variant *var)
{
	start(var, 4);
	h_enter(0);
	deliver(33); /* leaves a register the guest emptied */
	h_exit(0);
	h_enter(0);
	sim_set_pmr(0xf0);
	armvirt_host_log_clear();
	h_exit(0);
	assert_int_equal(hw_reads(), 1);
	assert_int_equal(hw_writes(), 0);
	armvirt_host_log_clear();
	h_enter(0);
	assert_int_equal(armvirt_host_log_count(), 0);
	/* The priority mask read at the exit decides what is pending. */
	h_exit(0);
	h_set_priority(0, 34, 0xf0);
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 34, NULL), 1);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 0);
	sim_set_pmr(0xff);
	h_enter(0);
	h_exit(0);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 1);
}

static void test_idle(void **state)
{
	(void)state;
	for (unsigned i = 0; i < NR_VARIANTS; i++)
		idle_case(&VARIANTS[i]);
}

/*
 * The receiver of an IPI, over and over: one interrupt queued, every
 * register free, placed by one register write and nothing else; taken and
 * ended by the guest, which the exit learns from the empty-register status
 * alone (no list register read) and the next entry writes nothing for.
 */
static void one_queued_case(const struct variant *var)
{
	start(var, 4);
	h_enter(0);
	for (unsigned round = 0; round < 6; round++) {
		unsigned intid = 32 + round % 3;

		h_exit(0);
		assert_int_equal(armvirt_vgic_inject(&h.gic, 0, intid, NULL), 1);
		armvirt_host_log_clear();
		h_enter(0);
		assert_int_equal(log_count(ARMVIRT_HOST_EV_LR_WRITE) +
					 (sim_format() == SIM_GICH
						  ? log_count(ARMVIRT_HOST_EV_GICH_WRITE)
						  : 0),
				 1);
		assert_int_equal(valid_lrs(), 1);
		assert_int_equal(hw_hcr(), HCR_EN_BIT);
		ack_eoi(intid);
		armvirt_host_log_clear();
		h_exit(0);
		assert_int_equal(log_count(ARMVIRT_HOST_EV_LR_READ), 0);
		assert_int_equal(hw_writes(), 0);
		armvirt_host_log_clear();
		h_enter(0);
		assert_int_equal(armvirt_host_log_count(), 0);
		assert_int_equal(sim_ack(), 1023);
	}
	/* More queued than registers: all placed, the rest waits for NPIE. */
	h_exit(0);
	for (unsigned i = 32; i < 38; i++)
		assert_int_equal(armvirt_vgic_inject(&h.gic, 0, i, NULL), 1);
	h_enter(0);
	assert_int_equal(valid_lrs(), 4);
	assert_int_equal(hw_hcr() & HCR_NPIE, HCR_NPIE);
	for (unsigned i = 32; i < 38; i++) {
		unsigned iar = h_take(0); /* the maintenance exit refills as needed */

		assert_int_equal(iar, i); /* one priority: in the order injected */
		assert_int_equal(sim_eoi(iar), SIM_DONE);
	}
	assert_int_equal(h_take(0), 1023);
}

static void test_one_queued(void **state)
{
	(void)state;
	for (unsigned i = 0; i < NR_VARIANTS; i++)
		one_queued_case(&VARIANTS[i]);
}

/*
 * The emptied register's exit with what the guest did meanwhile to the
 * interrupt through the distributor: made active again (GICD_ISACTIVER,
 * recorded while it was in a register of the running vCPU), and, for an
 * SPI the guest took and ended after it was rerouted and raised again,
 * its move to the new target once nothing holds it.
 */
static void emptied_case(const struct variant *var)
{
	unsigned bit = 1u << (40 % 32), word = 4u * (40 / 32);

	start_n(var, 4, 2);
	h_enter(0);
	deliver(40);
	h_write(0, H_GICD + GICD_ISACTIVER + word, 4, bit);
	h_exit(0);
	assert_true(info(0, 40).active);
	assert_false(info(0, 40).pending);
	h_write(0, H_GICD + GICD_ICACTIVER + word, 4, bit);
	assert_false(info(0, 40).active);
	h_enter(0);
	assert_int_equal(sim_ack(), 1023);

	deliver(41);
	route_spi(41, 1);
	/* Still in flight on vCPU 0 (its register, as far as the vGIC knows). */
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 41, NULL), 1);
	armvirt_vgic_kicks_clear(&h.kicks);
	h_exit(0);
	assert_true(armvirt_vgic_kicks_test(&h.kicks, 1));
	assert_int_equal(info(0, 41).target, 1);
	assert_true(info(1, 41).pending);
	assert_int_equal(armvirt_vgic_vcpu_pending(&h.gic, 0), 0);
	h_enter(0);
	assert_int_equal(sim_ack(), 1023);
}

static void test_emptied(void **state)
{
	(void)state;
	for (unsigned i = 0; i < NR_VARIANTS; i++)
		emptied_case(&VARIANTS[i]);
}

/*
 * A register whose interrupt leaves it while the vCPU is out (its pending
 * state cleared, its active state cleared, the interrupt disabled) still
 * holds it in the hardware: the next entry must clear it, though it has
 * nothing else to do, and the guest must not see the interrupt.
 */
enum withdraw { CLEAR_PENDING, CLEAR_ACTIVE, DISABLE };

static void withdrawn_case(const struct variant *var, enum withdraw how)
{
	unsigned bit = 1u << (40 % 32), word = 4u * (40 / 32);

	start(var, 4);
	h_enter(0);
	h_exit(0);
	if (how == CLEAR_ACTIVE) {
		h_write(0, H_GICD + GICD_ISACTIVER + word, 4, bit);
		assert_true(armvirt_vgic_vcpu_pending(&h.gic, 0) == 0);
	} else {
		assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 40, NULL), 1);
	}
	h_enter(0);
	assert_int_equal(valid_lrs(), 1);
	h_exit(0);
	if (how == CLEAR_PENDING)
		h_write(0, H_GICD + GICD_ICPENDR + word, 4, bit);
	else if (how == CLEAR_ACTIVE)
		h_write(0, H_GICD + GICD_ICACTIVER + word, 4, bit);
	else
		h_write(0, H_GICD + GICD_ICENABLER + word, 4, bit);
	armvirt_host_log_clear();
	h_enter(0);
	assert_int_equal(valid_lrs(), 0);
	assert_int_equal(sim_ack(), 1023);
	assert_int_equal(sim_misr(), 0);
	/* Cleared once: the entries after it are idle again. */
	h_exit(0);
	armvirt_host_log_clear();
	h_enter(0);
	assert_int_equal(armvirt_host_log_count(), 0);
	/* And the register is reused as any free one. */
	h_exit(0);
	assert_int_equal(armvirt_vgic_inject(&h.gic, 0, 41, NULL), 1);
	h_enter(0);
	ack_eoi(41);
}

static void test_withdrawn(void **state)
{
	(void)state;
	for (unsigned i = 0; i < NR_VARIANTS; i++) {
		withdrawn_case(&VARIANTS[i], CLEAR_PENDING);
		withdrawn_case(&VARIANTS[i], CLEAR_ACTIVE);
		withdrawn_case(&VARIANTS[i], DISABLE);
	}
}

/*
 * After a put and a load (the registers' contents unknown), the first
 * entry rewrites every register even when the vCPU is idle, and clears
 * what another vCPU left there.
 */
static void reload_case(const struct variant *var)
{
	start(var, 4);
	h_enter(0);
	h_exit(0);
	assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, 0), 0);
	/* Another user of the CPU interface left a pending register behind. */
	if (sim_format() == SIM_ICH)
		armvirt_port_write_ich_lr(2, (UINT64_C(1) << 62) | 50u);
	else
		armvirt_port_gich_write(0x100 + 4 * 2, (1u << 28) | 50u);
	assert_int_equal(armvirt_vgic_vcpu_load(&h.gic, 0), 0);
	armvirt_host_log_clear();
	h_enter(0);
	assert_int_equal(log_count(ARMVIRT_HOST_EV_LR_WRITE) +
				 (sim_format() == SIM_GICH
					  ? log_count(ARMVIRT_HOST_EV_GICH_WRITE) - 1 /* HCR */
					  : 0),
			 4);
	assert_int_equal(valid_lrs(), 0);
	assert_int_equal(sim_ack(), 1023);
}

static void test_reload(void **state)
{
	(void)state;
	for (unsigned i = 0; i < NR_VARIANTS; i++)
		reload_case(&VARIANTS[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_idle),	cmocka_unit_test(test_one_queued),
		cmocka_unit_test(test_emptied), cmocka_unit_test(test_withdrawn),
		cmocka_unit_test(test_reload),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

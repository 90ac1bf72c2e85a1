/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Timers (Arm ARM D11, the Generic Timer), observed by the guest: the
 * virtual timer firing at CVAL and through TVAL (PPI 27), the EL1 physical
 * timer the hypervisor emulates (PPI 30), WFI ending when a timer
 * interrupt is pending even with interrupts masked, and, with every vCPU
 * at once, time that keeps advancing and timers that still fire when
 * vCPUs outnumber CPUs.
 */
#include "gic.h"
#include "tests.h"

#define PPI_VTIMER 27u
#define PPI_PTIMER 30u
#define CTL_ENABLE (1u << 0)
#define CTL_IMASK (1u << 1)
#define CTL_ISTATUS (1u << 2)
#define PRIO 0x80u
#define DELAY_US 2000u
#define SHARED_DELAY_US 10000u
#define WAIT_US 500000u
#define LATE_MAX_US 1000000u /* slices of the vCPUs sharing a CPU, and a busy host */

static struct {
	volatile unsigned fired;
	volatile uint64_t at;
	volatile uint32_t intid;
} tst[MAX_VCPUS];
static volatile uint64_t shared_stamp;

static uint64_t phys_counter(void)
{
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntpct_el0; isb" : "=r"(v));
	return v;
}

/* Any timer: note when, then disable it before the EOI (its line is a level). */
static void timer_handler(unsigned id, struct frame *f)
{
	uint32_t iar = gic_ack(), intid = iar & GIC_IAR_INTID_MASK;

	(void)f;
	if (intid == PPI_VTIMER) {
		tst[id].at = counter();
		WRITE_SYSREG("cntv_ctl_el0", 0);
	} else if (intid == PPI_PTIMER) {
		tst[id].at = phys_counter();
		WRITE_SYSREG("cntp_ctl_el0", 0);
	}
	ISB();
	if (intid == PPI_VTIMER || intid == PPI_PTIMER) {
		tst[id].intid = intid;
		tst[id].fired++;
	}
	if (intid != GIC_SPURIOUS)
		gic_eoi(iar);
}

static void wait_fired(unsigned id, unsigned want, uint64_t us)
{
	uint64_t end = counter() + ticks_from_us(us);

	irq_enable();
	while (tst[id].fired < want && counter() < end)
		__asm__ volatile("yield");
	irq_disable();
}

static void cval_check(unsigned id)
{
	uint64_t cval = counter() + ticks_from_us(DELAY_US);

	tst[id].fired = 0;
	WRITE_SYSREG("cntv_cval_el0", cval);
	WRITE_SYSREG("cntv_ctl_el0", CTL_ENABLE);
	ISB();
	wait_fired(id, 1, WAIT_US);
	check(id, tst[id].fired == 1 && tst[id].intid == PPI_VTIMER && tst[id].at >= cval,
	      "timer: the virtual timer fires at CVAL (PPI 27)", "", cval, tst[id].at);
}

static void tval_check(unsigned id)
{
	uint64_t start = counter(), ticks = ticks_from_us(DELAY_US);

	tst[id].fired = 0;
	WRITE_SYSREG("cntv_tval_el0", ticks);
	WRITE_SYSREG("cntv_ctl_el0", CTL_ENABLE);
	ISB();
	wait_fired(id, 1, WAIT_US);
	check(id, tst[id].fired == 1 && tst[id].intid == PPI_VTIMER && tst[id].at >= start + ticks,
	      "timer: the virtual timer fires after TVAL ticks", "", start + ticks, tst[id].at);
}

static void ptimer_check(unsigned id)
{
	uint64_t cval = phys_counter() + ticks_from_us(DELAY_US), ctl, t0, t1;

	tst[id].fired = 0;
	WRITE_SYSREG("cntp_cval_el0", cval);
	WRITE_SYSREG("cntp_ctl_el0", CTL_ENABLE);
	ISB();
	t0 = phys_counter();
	ctl = READ_SYSREG("cntp_ctl_el0");
	t1 = phys_counter();
	/* ISTATUS: 0 if read before CVAL, 1 if after; either while CVAL passes. */
	check(id,
	      (ctl & CTL_ENABLE) && (t1 >= cval || !(ctl & CTL_ISTATUS)) &&
		      (t0 < cval || (ctl & CTL_ISTATUS)),
	      "timer: the physical timer reads back enabled, ISTATUS as CVAL says", "", CTL_ENABLE,
	      ctl);
	wait_fired(id, 1, WAIT_US);
	check(id, tst[id].fired == 1 && tst[id].intid == PPI_PTIMER && tst[id].at >= cval,
	      "timer: the emulated physical timer fires at CVAL (PPI 30)", "", cval, tst[id].at);
}

/* WFI with interrupts masked ends once the timer's interrupt is pending. */
static void wfi_check(unsigned id)
{
	uint64_t cval = counter() + ticks_from_us(DELAY_US), after;
	bool pending;

	tst[id].fired = 0;
	WRITE_SYSREG("cntv_cval_el0", cval);
	WRITE_SYSREG("cntv_ctl_el0", CTL_ENABLE);
	ISB();
	do {
		__asm__ volatile("wfi");
		after = counter();
	} while (after < cval && after < cval + ticks_from_us(WAIT_US));
	/*
	 * What matters is the interrupt: CNTV_CTL_EL0.ISTATUS is the CPU's own
	 * (QEMU updates it from a host timer that can trail the counter when
	 * the host is busy), so it is not what this checks.
	 */
	pending = gic_is_pending(PPI_VTIMER);
	check(id, after >= cval && pending,
	      "timer: WFI wakes up when the timer's interrupt is pending, interrupts masked", "",
	      cval, after < cval ? after : pending);
	/* Let the pending interrupt in, now, and see it taken. */
	wait_fired(id, 1, WAIT_US);
	check_eq(id, "timer: the interrupt that ended WFI is taken once unmasked", 1,
		 tst[id].fired);
}

/* Every vCPU at once: the counter never goes back, timers fire while vCPUs share CPUs. */
static void shared_check(unsigned id)
{
	uint64_t prev, cval, late, stamp;
	bool mono = true;

	barrier(id);
	if (id == 0)
		shared_stamp = counter();
	barrier(id);
	stamp = counter();
	check(id, stamp >= shared_stamp, "timer: one counter for every vCPU (after vCPU 0's)", "",
	      shared_stamp, stamp);
	tst[id].fired = 0;
	cval = counter() + ticks_from_us(SHARED_DELAY_US);
	WRITE_SYSREG("cntv_cval_el0", cval);
	WRITE_SYSREG("cntv_ctl_el0", CTL_ENABLE);
	ISB();
	prev = counter();
	irq_enable();
	while (tst[id].fired == 0 && prev < cval + ticks_from_us(WAIT_US)) {
		uint64_t now = counter();
		mono = mono && now >= prev;
		prev = now;
	}
	irq_disable();
	late = tst[id].at - cval;
	check(id, tst[id].fired == 1 && tst[id].at >= cval && late < ticks_from_us(LATE_MAX_US),
	      "timer: fires, on time within the slices, with every vCPU busy", "", cval,
	      tst[id].at);
	check(id, mono, "timer: the counter never went back across vCPU switches", "", 1, mono);
	barrier(id);
}

void timer_checks(unsigned id)
{
	gic_enable(PPI_VTIMER, PRIO);
	gic_enable(PPI_PTIMER, PRIO);
	irq_set_handler(id, timer_handler);
	cval_check(id);
	tval_check(id);
	ptimer_check(id);
	wfi_check(id);
	shared_check(id);
	gic_disable(PPI_VTIMER);
	gic_disable(PPI_PTIMER);
	irq_set_handler(id, NULL);
}

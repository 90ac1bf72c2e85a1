/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The world-switch test guest. Every vCPU runs the register-state checks
 * (state.c: general-purpose, FP/SIMD and EL1 system registers through
 * thousands of exits while the hypervisor switches vCPUs), then vCPU 0
 * powers off. One line per check, then "N passed, M failed". With QEMU's
 * -icount shift=0 it also measures round trips (1 ns of virtual time = 1
 * instruction): a null hypercall through the fast and the full path, and
 * loads from emulated devices.
 */
#include "guest.h"
#include "state.h"

#define TESTDEV_BASE 0x0b000000ul
#define GICD_TYPER_ADDR 0x08000004ul

/* switch_vectors.S */
void guest_exception(uint64_t vector, uint64_t esr, uint64_t elr, uint64_t far);

void guest_exception(uint64_t vector, uint64_t esr, uint64_t elr, uint64_t far)
{
	out_lock();
	puts_("FAIL unexpected EL1 exception, vector ");
	putu(vector);
	puts_(" ESR_EL1 ");
	putx(esr);
	puts_(" ELR_EL1 ");
	putx(elr);
	puts_(" FAR_EL1 ");
	putx(far);
	putc_('\n');
	out_unlock();
	failed[vcpu_self()]++;
	report_and_power_off();
}

/* ---- PSCI ---- */

static void psci_checks(void)
{
	uint64_t v;

	v = hvc_call(PSCI_VERSION, 0, 0, 0);
	check(0, v == 0x10001, "PSCI", " VERSION is 1.1", 0x10001, v);
	v = hvc_call(SMCCC_VERSION, 0, 0, 0);
	check(0, v == 0x10001, "SMCCC", " VERSION is 1.1", 0x10001, v);
	v = hvc_call(PSCI_FEATURES, PSCI_SYSTEM_OFF, 0, 0);
	check(0, v == 0, "PSCI", " FEATURES(SYSTEM_OFF) implemented", 0, v);
	v = hvc_call(0x8400001fu, 0, 0, 0);
	check(0, v == PSCI_RET_NOT_SUPPORTED, "PSCI", " unknown function is NOT_SUPPORTED",
	      PSCI_RET_NOT_SUPPORTED, v);
	v = hvc_call(0x84000006u, 0, 0, 0);
	check(0, v == 2, "PSCI", " MIGRATE_INFO_TYPE is 2 (no trusted OS)", 2, v);
	v = hvc_call(0xc4000000u, 0, 0, 0);
	check(0, v == PSCI_RET_NOT_SUPPORTED, "PSCI",
	      " VERSION's undefined SMC64 twin is NOT_SUPPORTED", PSCI_RET_NOT_SUPPORTED, v);
	v = hvc_call(0xc6001234u, 0, 0, 0);
	check(0, v == PSCI_RET_NOT_SUPPORTED, "SMCCC", " unknown vendor call is NOT_SUPPORTED",
	      PSCI_RET_NOT_SUPPORTED, v);
}

/* ---- measurement ---- */

static uint64_t ns_per_iter(uint64_t ticks, uint64_t n)
{
	return ticks * (1000000000u / counter_freq()) / n;
}

/* Instructions per round trip of @fn(arg, n), the guest's 3-instruction loop subtracted. */
static uint64_t cost(void (*fn)(uintptr_t, uint64_t), uintptr_t arg, uint64_t loop)
{
	const uint64_t n = 2000;
	uint64_t t0 = counter();

	fn(arg, n);
	return ns_per_iter(counter() - t0, n) - loop;
}

static void measure(void)
{
	const uint64_t n = 2000;
	uint64_t t0, t1, t2, t3, loop, fast, full;

	t0 = counter();
	empty_loop(HYP_CALL_NULL_FAST, n);
	t1 = counter();
	hvc_loop(HYP_CALL_NULL_FAST, n);
	t2 = counter();
	hvc_loop(HYP_CALL_NULL_FULL, n);
	t3 = counter();
	loop = ns_per_iter(t1 - t0, n);
	fast = ns_per_iter(t2 - t1, n);
	full = ns_per_iter(t3 - t2, n);
	puts_("icount: null hypercall round trip (guest HVC to guest resume): fast path ");
	putu(fast - loop);
	puts_(", full path ");
	putu(full - loop);
	puts_(" instructions (guest loop of ");
	putu(loop);
	puts_(" subtracted; exact with -icount shift=0)\n");
	puts_("icount: MMIO load round trip: UART flag register (fast path) ");
	putu(cost(load_loop, UART_BASE + 0x18, loop));
	puts_(", test device (exit loop) ");
	putu(cost(load_loop, TESTDEV_BASE, loop));
	puts_(", LDP from the test device (decoded from the instruction, two accesses) ");
	putu(cost(ldp_loop, TESTDEV_BASE, loop));
	puts_(", GICD_TYPER (lib/vgic) ");
	putu(cost(load_loop, GICD_TYPER_ADDR, loop));
	puts_(" instructions\n");
}

/* ---- main ---- */

/* The context ID of CPU_ON is the vCPU's index. */
void guest_secondary_main(uint64_t context)
{
	state_checks((unsigned)context);
	vcpu_done[context] = true;
	__asm__ volatile("dsb ish; sev" ::: "memory");
	hvc_call(PSCI_CPU_OFF, 0, 0, 0);
}

void guest_main(uint64_t dtb)
{
	(void)dtb;
	guest_nvcpus = (unsigned)hvc_call(HYP_CALL_VCPU_COUNT, 0, 0, 0);
	if (guest_nvcpus > MAX_VCPUS)
		guest_nvcpus = MAX_VCPUS;
	puts_("armvirt switch test guest: ");
	putu(guest_nvcpus);
	puts_(" vCPU(s)\n");
	psci_checks();
	for (unsigned i = 1; i < guest_nvcpus; i++) {
		uint64_t r = hvc_call(PSCI_CPU_ON_64, MPIDR_RES1 | i,
				      (uintptr_t)guest_secondary_entry, i);
		check(0, r == 0, "PSCI", " CPU_ON of a secondary vCPU", 0, r);
	}
	state_checks(0);
	vcpu_done[0] = true;
	__asm__ volatile("dsb ish; sev" ::: "memory");
	for (unsigned i = 1; i < guest_nvcpus; i++) {
		while (hvc_call(PSCI_AFFINITY_INFO_64, MPIDR_RES1 | i, 0, 0) != PSCI_AFF_OFF)
			hvc_call(HYP_CALL_YIELD, 0, 0, 0);
		check(0, vcpu_done[i], "PSCI", " secondary finished, then CPU_OFF", 1,
		      vcpu_done[i]);
	}
	measure();
	report_and_power_off();
}

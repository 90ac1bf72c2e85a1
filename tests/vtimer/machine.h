/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The generic timer of one CPU, simulated on the host port's fake registers
 * from the Arm ARM's rules (D11.2, and CNTHCTL_EL2's traps): what a guest
 * instruction does, whether it traps, and whether a hardware timer asserts
 * its interrupt. Tests judge lib/vtimer by this machine's behaviour, not by
 * the library's own account of itself.
 */
#ifndef VTIMER_TEST_MACHINE_H
#define VTIMER_TEST_MACHINE_H

#include <armvirt/port_host.h>
#include <armvirt/vtimer.h>

/* Reset the fake machine: host counter @cntpct, FEAT_ECV level @ecv (0..2). */
void machine_reset(uint64_t cntpct, unsigned ecv);
/* The host counter; move it forward. */
uint64_t machine_now(void);
void machine_advance(uint64_t ticks);
/* The count hardware timer @t compares against (0 virtual, 1 EL1 physical). */
uint64_t machine_hw_count(unsigned t);
/* Update the hardware's ISTATUS bits in CNTV_CTL_EL0 and CNTP_CTL_EL0. */
void machine_sync(void);
/* Whether hardware timer @t asserts its PPI: ENABLE && !IMASK && condition. */
bool machine_hw_line(unsigned t);
/* Whether a guest access to @enc traps to EL2 under the current CNTHCTL_EL2. */
bool machine_traps(uint32_t enc);
/*
 * Execute a guest MRS/MSR on this CPU: trapped accesses go to
 * armvirt_vtimer_sysreg_access(@vcpu), the others to the hardware registers.
 */
int machine_guest_access(struct armvirt_vtimer_vcpu *vcpu, struct armvirt_sysreg_access *acc);
/* Number of guest accesses that trapped since the last reset. */
unsigned machine_trap_count(void);

/* Guest MRS/MSR for cmocka tests (include cmocka.h first): fail on an error code. */
#ifdef cmocka_unit_test
static inline uint64_t guest_read(struct armvirt_vtimer_vcpu *vcpu, uint32_t enc)
{
	struct armvirt_sysreg_access acc = { enc, 0, false, 0 };
	assert_int_equal(machine_guest_access(vcpu, &acc), 0);
	return acc.data;
}

static inline void guest_write(struct armvirt_vtimer_vcpu *vcpu, uint32_t enc, uint64_t v)
{
	struct armvirt_sysreg_access acc = { enc, 0, true, v };
	assert_int_equal(machine_guest_access(vcpu, &acc), 0);
}
#endif

#endif /* VTIMER_TEST_MACHINE_H */

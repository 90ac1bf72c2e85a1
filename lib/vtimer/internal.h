/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the files of lib/vtimer share: guest time and the one accessor of a
 * timer's state, wherever that state lives at the moment.
 */
#ifndef ARMVIRT_VTIMER_INTERNAL_H
#define ARMVIRT_VTIMER_INTERNAL_H

#include <armvirt/vtimer.h>

#include "timer_regs.h"

/* The host counter now. */
uint64_t vt_host_now(void);

/* The VM's guest counter when the host counter reads @host_now. */
uint64_t vt_guest_time(const struct armvirt_vtimer_vm *vm, uint64_t host_now);

/*
 * The architecture's timer condition (Arm ARM D11.2.4): met when the counter
 * is at or past the compare value, both as unsigned 64-bit numbers.
 */
static inline bool vt_condition_met(uint64_t count, uint64_t cval)
{
	return count >= cval;
}

/* The line of a timer: ENABLE && !IMASK && condition (ISTATUS). */
bool vt_line_level(uint64_t ctl, uint64_t cval, uint64_t gnow);

/* Whether a hardware timer backs @t while its vCPU is loaded. */
static inline bool vt_hw_backed(const struct armvirt_vtimer_vm *vm, enum armvirt_vtimer_id t)
{
	return vm->mode[t] == ARMVIRT_VTIMER_MODE_DIRECT ||
	       vm->mode[t] == ARMVIRT_VTIMER_MODE_TRAP_HW;
}

/* Whether a timer's live state is in the hardware registers right now. */
bool vt_state_in_hw(const struct armvirt_vtimer_vcpu *vcpu, enum armvirt_vtimer_id t);

/* A timer's ENABLE|IMASK bits and compare value (guest time), live. */
void vt_timer_get(const struct armvirt_vtimer_vcpu *vcpu, enum armvirt_vtimer_id t, uint64_t *ctl,
		  uint64_t *cval);

/*
 * Set a timer's ENABLE|IMASK bits (others dropped) and compare value, in the
 * hardware registers or the saved copy; a loaded TRAP_HW timer's alarm is
 * reprogrammed for host time @host_now.
 */
void vt_timer_set(struct armvirt_vtimer_vcpu *vcpu, enum armvirt_vtimer_id t, uint64_t ctl,
		  uint64_t cval, uint64_t host_now);

/* The hardware compare value (host time) of a TRAP_HW timer's alarm. */
uint64_t vt_alarm_cval(const struct armvirt_vtimer_vcpu *vcpu, enum armvirt_vtimer_id t,
		       uint64_t host_now);

/* Program a loaded TRAP_HW timer's hardware alarm from its saved state. */
void vt_alarm_program(const struct armvirt_vtimer_vcpu *vcpu, enum armvirt_vtimer_id t,
		      uint64_t host_now);

/* Hardware registers of the EL1 timer that backs @t. */
uint64_t vt_hw_read_ctl(enum armvirt_vtimer_id t);
uint64_t vt_hw_read_cval(enum armvirt_vtimer_id t);
void vt_hw_write_ctl(enum armvirt_vtimer_id t, uint64_t v);
void vt_hw_write_cval(enum armvirt_vtimer_id t, uint64_t v);

/* The ENABLE and IMASK bits of a CTL value, ISTATUS and RES0 bits dropped. */
uint64_t vt_ctl_rw_bits(uint64_t ctl);

#endif /* ARMVIRT_VTIMER_INTERNAL_H */

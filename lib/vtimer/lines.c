/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the vGIC and the integrator's scheduler need to know: the timer
 * lines now, the next deadline, and the EL2 timer that waits for it.
 */
#include <armvirt/bits.h>
#include <armvirt/err.h>
#include <armvirt/port.h>

#include "internal.h"

int armvirt_vtimer_lines(const struct armvirt_vtimer_vcpu *vcpu, struct armvirt_vtimer_lines *out)
{
	const struct armvirt_vtimer_vm *vm = vcpu->vm;
	uint64_t gnow = vt_guest_time(vm, vt_host_now());

	for (unsigned i = 0; i < ARMVIRT_VTIMER_NR; i++) {
		enum armvirt_vtimer_id t = (enum armvirt_vtimer_id)i;
		struct armvirt_vtimer_line *l = &out->line[t];
		uint64_t ctl, cval;

		vt_timer_get(vcpu, t, &ctl, &cval);
		l->intid = vm->intid[t];
		l->hw_intid = vm->hw_intid[t];
		l->level = vt_line_level(ctl, cval, gnow);
		l->hw = vcpu->loaded && vt_hw_backed(vm, t);
	}
	return ARMVIRT_OK;
}

int armvirt_vtimer_next_deadline(const struct armvirt_vtimer_vcpu *vcpu, uint64_t *deadline)
{
	const struct armvirt_vtimer_vm *vm = vcpu->vm;
	uint64_t host_now, gnow, best = UINT64_MAX;
	bool found = false;

	if (vm->paused && vm->pause == ARMVIRT_VTIMER_PAUSE_FREEZE)
		return 0;
	host_now = vt_host_now();
	gnow = vt_guest_time(vm, host_now);
	for (unsigned i = 0; i < ARMVIRT_VTIMER_NR; i++) {
		enum armvirt_vtimer_id t = (enum armvirt_vtimer_id)i;
		uint64_t ctl, cval, delta, when;

		if (vcpu->loaded && vm->mode[t] != ARMVIRT_VTIMER_MODE_TRAP_SW)
			continue;
		vt_timer_get(vcpu, t, &ctl, &cval);
		if (!armvirt_field_get(ctl, CNT_CTL_ENABLE_SHIFT, CNT_CTL_ENABLE_WIDTH) ||
		    armvirt_field_get(ctl, CNT_CTL_IMASK_SHIFT, CNT_CTL_IMASK_WIDTH) ||
		    vt_condition_met(gnow, cval))
			continue;
		/* The guest counter reaches cval after cval - gnow more ticks. */
		delta = cval - gnow;
		when = host_now > UINT64_MAX - delta ? UINT64_MAX : host_now + delta;
		if (!found || when < best)
			best = when;
		found = true;
	}
	if (found)
		*deadline = best;
	return found ? 1 : 0;
}

void armvirt_vtimer_hyp_arm(uint64_t deadline)
{
	armvirt_port_write_cnthp_cval_el2(deadline);
	armvirt_port_isb();
	armvirt_port_write_cnthp_ctl_el2(
		armvirt_field_set(0, CNT_CTL_ENABLE_SHIFT, CNT_CTL_ENABLE_WIDTH, 1));
}

void armvirt_vtimer_hyp_disarm(void)
{
	armvirt_port_write_cnthp_ctl_el2(0);
}

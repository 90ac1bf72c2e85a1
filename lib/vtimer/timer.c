/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guest time and the accessors of a timer's state. A timer's live state is
 * in the hardware registers while its vCPU is loaded and the timer is
 * DIRECT; everywhere else it is the saved copy in the vCPU.
 */
#include <armvirt/bits.h>
#include <armvirt/port.h>

#include "internal.h"

uint64_t vt_host_now(void)
{
	return armvirt_port_read_cntpct_el0();
}

uint64_t vt_guest_time(const struct armvirt_vtimer_vm *vm, uint64_t host_now)
{
	if (vm->paused && vm->pause == ARMVIRT_VTIMER_PAUSE_FREEZE)
		host_now = vm->paused_at;
	return host_now - vm->offset;
}

uint64_t vt_ctl_rw_bits(uint64_t ctl)
{
	return ctl & (ARMVIRT_MASK(CNT_CTL_ENABLE_SHIFT, CNT_CTL_ENABLE_WIDTH) |
		      ARMVIRT_MASK(CNT_CTL_IMASK_SHIFT, CNT_CTL_IMASK_WIDTH));
}

bool vt_line_level(uint64_t ctl, uint64_t cval, uint64_t gnow)
{
	return armvirt_field_get(ctl, CNT_CTL_ENABLE_SHIFT, CNT_CTL_ENABLE_WIDTH) &&
	       !armvirt_field_get(ctl, CNT_CTL_IMASK_SHIFT, CNT_CTL_IMASK_WIDTH) &&
	       vt_condition_met(gnow, cval);
}

uint64_t vt_hw_read_ctl(enum armvirt_vtimer_id t)
{
	return t == ARMVIRT_VTIMER_VIRT ? armvirt_port_read_cntv_ctl_el0()
					: armvirt_port_read_cntp_ctl_el0();
}

uint64_t vt_hw_read_cval(enum armvirt_vtimer_id t)
{
	return t == ARMVIRT_VTIMER_VIRT ? armvirt_port_read_cntv_cval_el0()
					: armvirt_port_read_cntp_cval_el0();
}

void vt_hw_write_ctl(enum armvirt_vtimer_id t, uint64_t v)
{
	if (t == ARMVIRT_VTIMER_VIRT)
		armvirt_port_write_cntv_ctl_el0(v);
	else
		armvirt_port_write_cntp_ctl_el0(v);
}

void vt_hw_write_cval(enum armvirt_vtimer_id t, uint64_t v)
{
	if (t == ARMVIRT_VTIMER_VIRT)
		armvirt_port_write_cntv_cval_el0(v);
	else
		armvirt_port_write_cntp_cval_el0(v);
}

bool vt_state_in_hw(const struct armvirt_vtimer_vcpu *vcpu, enum armvirt_vtimer_id t)
{
	return vcpu->loaded && vcpu->vm->mode[t] == ARMVIRT_VTIMER_MODE_DIRECT;
}

void vt_timer_get(const struct armvirt_vtimer_vcpu *vcpu, enum armvirt_vtimer_id t, uint64_t *ctl,
		  uint64_t *cval)
{
	if (vt_state_in_hw(vcpu, t)) {
		*ctl = vt_ctl_rw_bits(vt_hw_read_ctl(t));
		*cval = vt_hw_read_cval(t);
	} else {
		*ctl = vcpu->ctl[t];
		*cval = vcpu->cval[t];
	}
}

void vt_timer_set(struct armvirt_vtimer_vcpu *vcpu, enum armvirt_vtimer_id t, uint64_t ctl,
		  uint64_t cval, uint64_t host_now)
{
	ctl = vt_ctl_rw_bits(ctl);
	if (vt_state_in_hw(vcpu, t)) {
		/* As on a load: the compare value first, so the old one never fires. */
		vt_hw_write_cval(t, cval);
		armvirt_port_isb();
		vt_hw_write_ctl(t, ctl);
		return;
	}
	vcpu->ctl[t] = ctl;
	vcpu->cval[t] = cval;
	if (vcpu->loaded && vcpu->vm->mode[t] == ARMVIRT_VTIMER_MODE_TRAP_HW)
		vt_alarm_program(vcpu, t, host_now);
}

/*
 * A TRAP_HW timer's hardware counter is the host counter itself (CNTVOFF_EL2
 * is zero for a trapped virtual timer, CNTHCTL_EL2.ECV is clear for a trapped
 * physical one). Translating the compare value by the offset would be wrong
 * whenever either frame wraps (a guest that writes CVAL = ~0 to mean "never"
 * would fire at once), so the alarm is computed from the guest condition
 * now: already met, fire at once; otherwise fire after the remaining ticks.
 */
uint64_t vt_alarm_cval(const struct armvirt_vtimer_vcpu *vcpu, enum armvirt_vtimer_id t,
		       uint64_t host_now)
{
	uint64_t gnow = vt_guest_time(vcpu->vm, host_now);
	uint64_t delta;

	if (vt_condition_met(gnow, vcpu->cval[t]))
		return 0;
	delta = vcpu->cval[t] - gnow;
	return host_now > UINT64_MAX - delta ? UINT64_MAX : host_now + delta;
}

void vt_alarm_program(const struct armvirt_vtimer_vcpu *vcpu, enum armvirt_vtimer_id t,
		      uint64_t host_now)
{
	vt_hw_write_cval(t, vt_alarm_cval(vcpu, t, host_now));
	armvirt_port_isb();
	vt_hw_write_ctl(t, vcpu->ctl[t]);
}

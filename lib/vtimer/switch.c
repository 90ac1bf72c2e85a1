/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Switching a vCPU's timers in and out. Arm ARM D11.2 for the timers,
 * D24 "CNTHCTL_EL2" for the traps.
 */
#include <armvirt/bits.h>
#include <armvirt/err.h>
#include <armvirt/port.h>

#include "internal.h"

/*
 * The traps each mode needs, other fields (the event stream) kept. The
 * FEAT_ECV fields are RES0 without it, so they are only written with it.
 */
static uint64_t cnthctl_for(const struct armvirt_vtimer_vm *vm, uint64_t v)
{
	bool pdirect = vm->mode[ARMVIRT_VTIMER_PHYS] == ARMVIRT_VTIMER_MODE_DIRECT;
	bool vtrap = vm->mode[ARMVIRT_VTIMER_VIRT] != ARMVIRT_VTIMER_MODE_DIRECT;

	v = armvirt_field_set(v, CNTHCTL_EL1PCTEN_SHIFT, CNTHCTL_EL1PCTEN_WIDTH, pdirect);
	v = armvirt_field_set(v, CNTHCTL_EL1PCEN_SHIFT, CNTHCTL_EL1PCEN_WIDTH, pdirect);
	if (vm->ecv) {
		v = armvirt_field_set(v, CNTHCTL_ECV_SHIFT, CNTHCTL_ECV_WIDTH, pdirect);
		v = armvirt_field_set(v, CNTHCTL_EL1TVT_SHIFT, CNTHCTL_EL1TVT_WIDTH, vtrap);
		v = armvirt_field_set(v, CNTHCTL_EL1TVCT_SHIFT, CNTHCTL_EL1TVCT_WIDTH, vtrap);
	}
	return v;
}

int armvirt_vtimer_vcpu_load(struct armvirt_vtimer_vcpu *vcpu)
{
	const struct armvirt_vtimer_vm *vm = vcpu->vm;
	uint64_t host_now = 0;
	bool have_now = false;

	if (vcpu->loaded)
		return ARMVIRT_EBUSY;
	if (vm->paused)
		return ARMVIRT_EPERM;

	armvirt_port_write_cnthctl_el2(cnthctl_for(vm, armvirt_port_read_cnthctl_el2()));
	/* A trapped virtual timer keeps CNTVOFF_EL2 at zero: see vtimer.h. */
	armvirt_port_write_cntvoff_el2(
		vm->mode[ARMVIRT_VTIMER_VIRT] == ARMVIRT_VTIMER_MODE_DIRECT ? vm->offset : 0);
	if (vm->mode[ARMVIRT_VTIMER_PHYS] == ARMVIRT_VTIMER_MODE_DIRECT)
		armvirt_port_write_cntpoff_el2(vm->offset);

	for (unsigned i = 0; i < ARMVIRT_VTIMER_NR; i++) {
		enum armvirt_vtimer_id t = (enum armvirt_vtimer_id)i;
		if (vm->mode[t] == ARMVIRT_VTIMER_MODE_DIRECT) {
			vt_hw_write_cval(t, vcpu->cval[t]);
		} else if (vm->mode[t] == ARMVIRT_VTIMER_MODE_TRAP_HW) {
			if (!have_now)
				host_now = vt_host_now();
			have_now = true;
			vt_hw_write_cval(t, vt_alarm_cval(vcpu, t, host_now));
		}
	}
	/* The compare values must be in place before a timer is enabled. */
	armvirt_port_isb();
	for (unsigned i = 0; i < ARMVIRT_VTIMER_NR; i++) {
		enum armvirt_vtimer_id t = (enum armvirt_vtimer_id)i;
		if (vt_hw_backed(vm, t))
			vt_hw_write_ctl(t, vcpu->ctl[t]);
	}
	vcpu->loaded = true;
	return ARMVIRT_OK;
}

int armvirt_vtimer_vcpu_put(struct armvirt_vtimer_vcpu *vcpu)
{
	const struct armvirt_vtimer_vm *vm = vcpu->vm;

	if (!vcpu->loaded)
		return ARMVIRT_EPERM;
	for (unsigned i = 0; i < ARMVIRT_VTIMER_NR; i++) {
		enum armvirt_vtimer_id t = (enum armvirt_vtimer_id)i;
		if (vm->mode[t] == ARMVIRT_VTIMER_MODE_DIRECT) {
			vcpu->ctl[t] = vt_ctl_rw_bits(vt_hw_read_ctl(t));
			vcpu->cval[t] = vt_hw_read_cval(t);
		}
		if (vt_hw_backed(vm, t))
			vt_hw_write_ctl(t, 0);
	}
	/* The timers are off before anything else runs on this CPU. */
	armvirt_port_isb();
	vcpu->loaded = false;
	return ARMVIRT_OK;
}

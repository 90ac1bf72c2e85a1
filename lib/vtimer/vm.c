/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Per-VM virtual time: the one offset all of a VM's vCPUs use, the pause
 * policy, and the list of the VM's vCPUs.
 */
#include <armvirt/bits.h>
#include <armvirt/err.h>
#include <armvirt/port.h>

#include "internal.h"

void armvirt_vtimer_config_default(struct armvirt_vtimer_config *cfg)
{
	cfg->intid[ARMVIRT_VTIMER_VIRT] = 27;
	cfg->intid[ARMVIRT_VTIMER_PHYS] = 30;
	cfg->hw_intid[ARMVIRT_VTIMER_VIRT] = 27;
	cfg->hw_intid[ARMVIRT_VTIMER_PHYS] = 30;
	cfg->mode[ARMVIRT_VTIMER_VIRT] = ARMVIRT_VTIMER_MODE_AUTO;
	cfg->mode[ARMVIRT_VTIMER_PHYS] = ARMVIRT_VTIMER_MODE_AUTO;
	cfg->pause = ARMVIRT_VTIMER_PAUSE_FREEZE;
	cfg->counter = 0;
}

static bool is_ppi(uint32_t intid)
{
	return intid >= PPI_FIRST && intid <= PPI_LAST;
}

/* Resolve AUTO and check a mode against the CPU's ECV level. */
static int resolve_mode(enum armvirt_vtimer_id t, enum armvirt_vtimer_mode want, unsigned ecv,
			enum armvirt_vtimer_mode *out)
{
	switch (want) {
	case ARMVIRT_VTIMER_MODE_AUTO:
		if (t == ARMVIRT_VTIMER_VIRT || ecv >= ID_AA64MMFR0_ECV_CNTPOFF)
			*out = ARMVIRT_VTIMER_MODE_DIRECT;
		else
			*out = ARMVIRT_VTIMER_MODE_TRAP_SW;
		return ARMVIRT_OK;
	case ARMVIRT_VTIMER_MODE_DIRECT:
		if (t == ARMVIRT_VTIMER_PHYS && ecv < ID_AA64MMFR0_ECV_CNTPOFF)
			return ARMVIRT_ENOTSUP;
		break;
	case ARMVIRT_VTIMER_MODE_TRAP_HW:
	case ARMVIRT_VTIMER_MODE_TRAP_SW:
		if (t == ARMVIRT_VTIMER_VIRT && ecv < ID_AA64MMFR0_ECV_IMP)
			return ARMVIRT_ENOTSUP;
		break;
	default:
		return ARMVIRT_EINVAL;
	}
	*out = want;
	return ARMVIRT_OK;
}

int armvirt_vtimer_vm_init(struct armvirt_vtimer_vm *vm, const struct armvirt_vtimer_config *cfg)
{
	enum armvirt_vtimer_mode mode[ARMVIRT_VTIMER_NR];
	unsigned ecv;
	int ret;

	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++)
		if (!is_ppi(cfg->intid[t]) || !is_ppi(cfg->hw_intid[t]))
			return ARMVIRT_EINVAL;
	if (cfg->intid[ARMVIRT_VTIMER_VIRT] == cfg->intid[ARMVIRT_VTIMER_PHYS])
		return ARMVIRT_EINVAL;
	if (cfg->pause != ARMVIRT_VTIMER_PAUSE_FREEZE && cfg->pause != ARMVIRT_VTIMER_PAUSE_RUN)
		return ARMVIRT_EINVAL;

	ecv = (unsigned)armvirt_field_get(armvirt_port_read_id_aa64mmfr0_el1(),
					  ID_AA64MMFR0_ECV_SHIFT, ID_AA64MMFR0_ECV_WIDTH);
	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++) {
		ret = resolve_mode((enum armvirt_vtimer_id)t, cfg->mode[t], ecv, &mode[t]);
		if (ret < 0)
			return ret;
	}

	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++) {
		vm->intid[t] = cfg->intid[t];
		vm->hw_intid[t] = cfg->hw_intid[t];
		vm->mode[t] = mode[t];
	}
	vm->pause = cfg->pause;
	vm->ecv = ecv >= ID_AA64MMFR0_ECV_IMP;
	vm->paused = false;
	vm->paused_at = 0;
	vm->vcpus = NULL;
	vm->offset = vt_host_now() - cfg->counter;
	return ARMVIRT_OK;
}

enum armvirt_vtimer_mode armvirt_vtimer_vm_mode(const struct armvirt_vtimer_vm *vm,
						enum armvirt_vtimer_id timer)
{
	if ((unsigned)timer >= ARMVIRT_VTIMER_NR)
		return ARMVIRT_VTIMER_MODE_AUTO;
	return vm->mode[timer];
}

uint64_t armvirt_vtimer_vm_counter(const struct armvirt_vtimer_vm *vm)
{
	return vt_guest_time(vm, vt_host_now());
}

static bool any_vcpu_loaded(const struct armvirt_vtimer_vm *vm)
{
	for (const struct armvirt_vtimer_vcpu *v = vm->vcpus; v; v = v->next)
		if (v->loaded)
			return true;
	return false;
}

int armvirt_vtimer_vm_set_counter(struct armvirt_vtimer_vm *vm, uint64_t value)
{
	if (any_vcpu_loaded(vm))
		return ARMVIRT_EBUSY;
	/* Paused under FREEZE, guest time is measured from the pause instant. */
	if (vm->paused && vm->pause == ARMVIRT_VTIMER_PAUSE_FREEZE)
		vm->offset = vm->paused_at - value;
	else
		vm->offset = vt_host_now() - value;
	return ARMVIRT_OK;
}

int armvirt_vtimer_vm_pause(struct armvirt_vtimer_vm *vm)
{
	if (vm->paused)
		return ARMVIRT_EPERM;
	if (any_vcpu_loaded(vm))
		return ARMVIRT_EBUSY;
	vm->paused_at = vt_host_now();
	vm->paused = true;
	return ARMVIRT_OK;
}

int armvirt_vtimer_vm_resume(struct armvirt_vtimer_vm *vm)
{
	if (!vm->paused)
		return ARMVIRT_EPERM;
	if (vm->pause == ARMVIRT_VTIMER_PAUSE_FREEZE)
		vm->offset += vt_host_now() - vm->paused_at;
	vm->paused = false;
	return ARMVIRT_OK;
}

static void reset_timers(struct armvirt_vtimer_vcpu *vcpu)
{
	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++) {
		vcpu->ctl[t] = 0;
		vcpu->cval[t] = 0;
	}
}

int armvirt_vtimer_vcpu_init(struct armvirt_vtimer_vcpu *vcpu, struct armvirt_vtimer_vm *vm)
{
	for (const struct armvirt_vtimer_vcpu *v = vm->vcpus; v; v = v->next)
		if (v == vcpu)
			return ARMVIRT_EEXIST;
	reset_timers(vcpu);
	vcpu->loaded = false;
	vcpu->vm = vm;
	vcpu->next = vm->vcpus;
	vm->vcpus = vcpu;
	return ARMVIRT_OK;
}

int armvirt_vtimer_vcpu_reset(struct armvirt_vtimer_vcpu *vcpu)
{
	if (vcpu->loaded)
		return ARMVIRT_EBUSY;
	reset_timers(vcpu);
	return ARMVIRT_OK;
}

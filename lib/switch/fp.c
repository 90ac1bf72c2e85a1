/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Lazy FP/SIMD switching. CPTR_EL2.TFP traps FP/SIMD use at EL2 and below
 * alike (nVHE), so one bit serves both directions: it is clear exactly when
 * whoever is about to run (a vCPU, or the host) owns the registers.
 *
 * Invariant: a state is valid in memory unless it is the one live in the
 * registers (cpu->host_fp unless fp_state is HOST; vcpu->fp unless
 * fp_state is VCPU and fp_owner is that vCPU).
 */
#include "switch_internal.h"

#include <armvirt/port.h>

uint64_t armvirt_switch_cptr_for(const struct armvirt_switch_cpu *cpu,
				 const struct armvirt_vcpu *vcpu)
{
	bool owns;

	if (vcpu)
		owns = cpu->fp_state == ARMVIRT_SWITCH_FP_VCPU && cpu->fp_owner == vcpu;
	else
		owns = cpu->fp_state == ARMVIRT_SWITCH_FP_HOST;
	return armvirt_field_set(cpu->cptr_el2, ARMVIRT_CPTR_EL2_TFP_SHIFT, 1, owns ? 0 : 1);
}

void armvirt_switch_set_cptr(struct armvirt_switch_cpu *cpu, uint64_t cptr)
{
	if (cptr == cpu->cptr_el2)
		return;
	armvirt_port_write_cptr_el2(cptr);
	armvirt_port_isb();
	cpu->cptr_el2 = cptr;
}

/* Put the registers' current contents where they belong. */
static void fp_save_live(struct armvirt_switch_cpu *cpu)
{
	if (cpu->fp_state == ARMVIRT_SWITCH_FP_HOST)
		armvirt_switch_arch_fpsimd_save(&cpu->host_fp);
	else if (cpu->fp_state == ARMVIRT_SWITCH_FP_VCPU)
		armvirt_switch_arch_fpsimd_save(&cpu->fp_owner->fp);
}

void armvirt_switch_fp_guest_trap(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu)
{
	/* Saving needs the registers accessible at EL2 first. */
	armvirt_switch_set_cptr(cpu,
				armvirt_field_set(cpu->cptr_el2, ARMVIRT_CPTR_EL2_TFP_SHIFT, 1, 0));
	if (cpu->fp_state != ARMVIRT_SWITCH_FP_VCPU || cpu->fp_owner != vcpu) {
		fp_save_live(cpu);
		armvirt_switch_arch_fpsimd_load(&vcpu->fp);
		cpu->fp_state = ARMVIRT_SWITCH_FP_VCPU;
		cpu->fp_owner = vcpu;
		vcpu->fp_loads++;
	}
}

void armvirt_switch_fp_host_trap(struct armvirt_switch_cpu *cpu)
{
	armvirt_switch_set_cptr(cpu,
				armvirt_field_set(cpu->cptr_el2, ARMVIRT_CPTR_EL2_TFP_SHIFT, 1, 0));
	if (cpu->fp_state != ARMVIRT_SWITCH_FP_HOST) {
		fp_save_live(cpu);
		armvirt_switch_arch_fpsimd_load(&cpu->host_fp);
		cpu->fp_state = ARMVIRT_SWITCH_FP_HOST;
		cpu->fp_owner = NULL;
		cpu->host_fp_restores++;
	}
}

void armvirt_switch_fp_put(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu)
{
	if (cpu->fp_state != ARMVIRT_SWITCH_FP_VCPU || cpu->fp_owner != vcpu)
		return;
	armvirt_switch_set_cptr(cpu,
				armvirt_field_set(cpu->cptr_el2, ARMVIRT_CPTR_EL2_TFP_SHIFT, 1, 0));
	armvirt_switch_arch_fpsimd_save(&vcpu->fp);
	cpu->fp_state = ARMVIRT_SWITCH_FP_NONE;
	cpu->fp_owner = NULL;
	armvirt_switch_set_cptr(cpu, armvirt_switch_cptr_for(cpu, NULL));
}

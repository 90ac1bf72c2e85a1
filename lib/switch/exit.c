/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The C half of the exit path: the vectors call in here with the guest's
 * hot state saved, and re-enter the guest when told to.
 */
#include "switch_internal.h"

#include <armvirt/esr_fields.h>

uint64_t armvirt_switch_handle_exit(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu)
{
	const struct armvirt_switch_handlers *h = vcpu->handlers;
	armvirt_switch_fast_fn fn = NULL;
	uint64_t cptr;
	unsigned ec;

	vcpu->exits++;
	switch (vcpu->exit.kind) {
	case ARMVIRT_SWITCH_EXIT_SYNC:
		ec = (unsigned)armvirt_field_get(vcpu->exit.esr, ARMVIRT_ESR_EC_SHIFT,
						 ARMVIRT_ESR_EC_WIDTH);
		/*
		 * A guest's own CPACR_EL1 traps are taken to EL1, so an FP/SIMD
		 * trap reaching EL2 is always CPTR_EL2.TFP: lazy switching.
		 */
		if (ec == ARMVIRT_SWITCH_EC_FP_ASIMD) {
			armvirt_switch_fp_guest_trap(cpu, vcpu);
			vcpu->fast_resumes++;
			return 0;
		}
		fn = h ? h->sync[ec] : NULL;
		break;
	case ARMVIRT_SWITCH_EXIT_IRQ:
		fn = h ? h->irq : NULL;
		break;
	case ARMVIRT_SWITCH_EXIT_FIQ:
		fn = h ? h->fiq : NULL;
		break;
	default:
		fn = h ? h->serror : NULL;
		break;
	}
	cptr = cpu->cptr_el2; /* armvirt_switch_cptr_for(cpu, vcpu), set at entry */
	if (!fn || fn(vcpu, &vcpu->exit, h->arg) != ARMVIRT_SWITCH_RESUME)
		return 1;
	vcpu->fast_resumes++;
	/*
	 * A handler that touched FP/SIMD while the guest did not own the
	 * registers took the EL2 trap, which cleared TFP and gave the
	 * registers to the host: set it back. Otherwise it is unchanged.
	 */
	if (cpu->cptr_el2 != cptr)
		armvirt_switch_set_cptr(cpu, armvirt_switch_cptr_for(cpu, vcpu));
	return 0;
}

uint64_t armvirt_switch_handle_el2(struct armvirt_switch_cpu *cpu,
				   struct armvirt_switch_el2_frame *frame)
{
	if (frame->kind == ARMVIRT_SWITCH_EXIT_SYNC && !frame->sp0 &&
	    armvirt_field_get(frame->esr, ARMVIRT_ESR_EC_SHIFT, ARMVIRT_ESR_EC_WIDTH) ==
		    ARMVIRT_SWITCH_EC_FP_ASIMD) {
		armvirt_switch_fp_host_trap(cpu);
		return 0;
	}
	if (cpu->el2_handler && cpu->el2_handler(cpu, frame, cpu->el2_arg) == 0)
		return 0;
	return 1;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The C half of EL2's own exceptions: the current-EL vectors call in here
 * with the interrupted registers in a frame.
 */
#include "switch_internal.h"

#include <armvirt/esr_fields.h>

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

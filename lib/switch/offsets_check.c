/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The generated asm_offsets.h must agree with the structures: every value
 * the assembly uses is re-derived here and compared at compile time.
 */
#include <armvirt/switch.h>

#include "asm_offsets.h"
#include "switch_internal.h"

#define ASM_OFFSET(name, value) _Static_assert((name) == (value), "asm_offsets.h is stale: " #name);
#include "asm_offsets.def"

/* The assembly stores X0-X30 and then PC and PSTATE with paired accesses. */
_Static_assert(VCPU_PC == VCPU_X0 + 31 * 8, "PC must follow X30");
_Static_assert(VCPU_PSTATE == VCPU_PC + 8, "PSTATE must follow PC");
_Static_assert(VCPU_X0 % 16 == 0, "X0 must be 16-byte aligned for STP pairs");
_Static_assert(VCPU_FAR == VCPU_ESR + 8 && VCPU_HPFAR == VCPU_FAR + 8, "syndrome order");
_Static_assert(VCPU_EXIT_AARCH32 == VCPU_EXIT_KIND + 4, "kind and AArch32 flag are one word");
_Static_assert(FPSIMD_V0 % 16 == 0 && FPSIMD_FPCR == FPSIMD_FPSR + 8, "FP/SIMD layout");
_Static_assert(offsetof(struct armvirt_vcpu, fp) % 16 == 0, "vCPU FP/SIMD state alignment");
_Static_assert(offsetof(struct armvirt_switch_cpu, host_fp) % 16 == 0, "host FP alignment");
_Static_assert(EL2_FRAME_SIZE % 16 == 0, "the EL2 frame keeps SP 16-byte aligned");
_Static_assert(EL2_FRAME_SP == EL2_FRAME_X0 + 31 * 8 && EL2_FRAME_ELR == EL2_FRAME_SP + 8 &&
		       EL2_FRAME_SPSR == EL2_FRAME_ELR + 8 && EL2_FRAME_ESR == EL2_FRAME_SPSR + 8 &&
		       EL2_FRAME_FAR == EL2_FRAME_ESR + 8,
	       "EL2 frame order");
_Static_assert(EL2_FRAME_SP0 == EL2_FRAME_KIND + 8, "the vectors store kind and sp0 as a pair");
/* The SMCCC probe loads a slot's function ID and action as one doubleword,
 * the ID in its low half, and indexes slots by a shift of 4. */
_Static_assert(offsetof(struct armvirt_switch_smccc_slot, fid) == 0 &&
		       offsetof(struct armvirt_switch_smccc_slot, action) == 4 &&
		       SMCCC_SLOT_SIZE == 16,
	       "SMCCC slot layout");
_Static_assert(VCPU_FAST_RESUMES == VCPU_EXITS + 8, "the vectors count both as a pair");
/* The exit path indexes the handlers by EC, then by kind past sync[]. */
_Static_assert(offsetof(struct armvirt_switch_handlers, irq) ==
			       ARMVIRT_SWITCH_EC_COUNT * sizeof(armvirt_switch_fast_fn) &&
		       offsetof(struct armvirt_switch_handlers, fiq) ==
			       (ARMVIRT_SWITCH_EC_COUNT + 1) * sizeof(armvirt_switch_fast_fn) &&
		       offsetof(struct armvirt_switch_handlers, serror) ==
			       (ARMVIRT_SWITCH_EC_COUNT + 2) * sizeof(armvirt_switch_fast_fn),
	       "handler table order");
_Static_assert(ARMVIRT_SWITCH_EXIT_IRQ == 1 && ARMVIRT_SWITCH_EXIT_FIQ == 2 &&
		       ARMVIRT_SWITCH_EXIT_SERROR == 3,
	       "exit kinds index the handlers after sync[]");

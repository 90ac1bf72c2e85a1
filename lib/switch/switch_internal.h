/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What lib/switch's C and its architecture layer share. On aarch64 the
 * architecture layer is the assembly in aarch64/; in host builds it is the
 * stand-in in host/, which tests drive.
 */
#ifndef ARMVIRT_SWITCH_INTERNAL_H
#define ARMVIRT_SWITCH_INTERNAL_H

#include <armvirt/switch.h>

/* The EL2 vector table (2 KiB aligned). */
extern const char armvirt_switch_vectors[];

/*
 * Enter @vcpu (already cpu->running) and return when the exit path says so,
 * with the exit kind. Preserves the AAPCS64 callee-saved registers.
 */
uint64_t armvirt_switch_arch_enter(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu);
/* Move the FP/SIMD register file to or from memory. */
void armvirt_switch_arch_fpsimd_save(struct armvirt_switch_fpsimd *st);
void armvirt_switch_arch_fpsimd_load(const struct armvirt_switch_fpsimd *st);

/*
 * Called by the current-EL vectors: returns 0 to resume from the frame,
 * else the vectors park the CPU.
 */
uint64_t armvirt_switch_handle_el2(struct armvirt_switch_cpu *cpu,
				   struct armvirt_switch_el2_frame *frame);

/* The lazy FP/SIMD state machine (fp.c). */
void armvirt_switch_fp_guest_trap(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu);
void armvirt_switch_fp_host_trap(struct armvirt_switch_cpu *cpu);
void armvirt_switch_fp_put(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu);
uint64_t armvirt_switch_cptr_for(const struct armvirt_switch_cpu *cpu,
				 const struct armvirt_vcpu *vcpu);
void armvirt_switch_set_cptr(struct armvirt_switch_cpu *cpu, uint64_t cptr);

/* ESR_ELx.EC values the library itself acts on (Arm ARM D24.2.40). */
#define ARMVIRT_SWITCH_EC_FP_ASIMD 0x07u
#define ARMVIRT_SWITCH_EC_HVC64 0x16u

#endif /* ARMVIRT_SWITCH_INTERNAL_H */

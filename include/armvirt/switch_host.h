/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file switch_host.h
 * @brief The host stand-in for lib/switch's assembly, for unit tests.
 *
 * In host builds the vectors, guest entry and the FP/SIMD moves cannot run,
 * so lib/switch links a stand-in instead: a fake FP/SIMD register file, and
 * a guest that is a test-supplied function. armvirt_switch_run() then goes
 * through the same C exit path as on hardware: each call of the guest
 * function is one trip into the guest, ending in an exit whose syndrome the
 * function leaves in the host port's ESR_EL2, FAR_EL2 and HPFAR_EL2.
 *
 * A guest function models FP/SIMD use honestly by calling
 * armvirt_switch_host_guest_fp(), which says whether CPTR_EL2.TFP lets it
 * touch the registers or whether it must exit with an FP/SIMD access trap.
 * Host builds only; single-threaded.
 */
#ifndef ARMVIRT_SWITCH_HOST_H
#define ARMVIRT_SWITCH_HOST_H

#include <armvirt/switch.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief One trip into the guest.
 * @param vcpu the vCPU as entered (change @p vcpu->gp as the guest would)
 * @param arg  the pointer given to armvirt_switch_host_set_guest()
 * @return the ::armvirt_switch_exit_kind of the exit that ends the trip
 */
typedef uint32_t (*armvirt_switch_host_guest_fn)(struct armvirt_vcpu *vcpu, void *arg);

/** @brief Make @p fn the guest that armvirt_switch_run() enters. */
void armvirt_switch_host_set_guest(armvirt_switch_host_guest_fn fn, void *arg);

/**
 * @brief The fake FP/SIMD register file; a guest function may use it only
 *        when armvirt_switch_host_guest_fp() returned true.
 */
struct armvirt_switch_fpsimd *armvirt_switch_host_fpregs(void);

/**
 * @brief May the guest touch FP/SIMD now? False when CPTR_EL2.TFP is set:
 *        the guest function must then return an exit with ESR_EL2.EC = 0x07.
 */
bool armvirt_switch_host_guest_fp(void);

/**
 * @brief The host (EL2 code) uses FP/SIMD: if CPTR_EL2.TFP is set, take
 *        the EL2 FP/SIMD trap as the vectors would. Returns the register file.
 */
struct armvirt_switch_fpsimd *armvirt_switch_host_el2_fp(struct armvirt_switch_cpu *cpu);

/**
 * @brief Take an EL2 exception as the current-EL vectors would.
 * @return 0 when the library resumes EL2, 1 when it would park the CPU.
 */
uint64_t armvirt_switch_host_el2_exception(struct armvirt_switch_cpu *cpu,
					   struct armvirt_switch_el2_frame *frame);

/** Counters of the stand-in's architecture operations. */
struct armvirt_switch_host_counts {
	uint64_t enters;       /**< Entries into the guest (first entry and each fast resume). */
	uint64_t fpsimd_saves; /**< FP/SIMD register file saved to memory. */
	uint64_t fpsimd_loads; /**< FP/SIMD register file loaded from memory. */
};

/** @brief The counters since the last armvirt_switch_host_reset(). */
struct armvirt_switch_host_counts armvirt_switch_host_counts(void);

/** @brief Zero the counters and the fake FP/SIMD registers; forget the guest. */
void armvirt_switch_host_reset(void);

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_SWITCH_HOST_H */

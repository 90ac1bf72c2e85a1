/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file access.h
 * @brief The plain access records that flow from the decoder to the emulators.
 *
 * lib/esr produces these from a trap; lib/vgic, lib/vtimer and the
 * integrator's own devices consume them. They depend on nothing else, so a
 * device model never needs the decoder's headers and the decoder never needs
 * a device's.
 */
#ifndef ARMVIRT_ACCESS_H
#define ARMVIRT_ACCESS_H

#include <armvirt/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * One guest access to emulated device memory, as a device sees it.
 *
 * For a write, @c data holds the value stored (zero-extended from @c size
 * bytes). For a read the device sets @c data; bits beyond @c size bytes are
 * ignored by the completion step, which applies sign extension itself.
 */
struct armvirt_mmio_access {
	armvirt_ipa_t addr; /**< Faulting IPA of the first byte accessed. */
	uint8_t size;	    /**< Access width in bytes: 1, 2, 4 or 8. */
	bool is_write;	    /**< True for a store, false for a load. */
	uint64_t data;	    /**< Value stored, or value to return for a load. */
};

/**
 * @brief Pack an AArch64 system-register encoding into one key.
 *
 * The layout is that of the MRS/MSR instruction's bits [20:5]
 * (op0:op1:CRn:CRm:op2), so a key can be compared, switched on and
 * tabulated. Arm ARM C5.3, "A64 system instructions for ...".
 */
#define ARMVIRT_SYSREG_ENC(op0, op1, crn, crm, op2)                                                \
	((uint32_t)(((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2)))

/** A trapped MSR/MRS of an AArch64 system register (or its AArch32 alias). */
struct armvirt_sysreg_access {
	uint32_t enc;  /**< The register, as ARMVIRT_SYSREG_ENC(op0, op1, CRn, CRm, op2). */
	uint8_t rt;    /**< The general-purpose register transferred (31 = XZR). */
	bool is_write; /**< True for MSR (guest writes the register), false for MRS. */
	uint64_t data; /**< Value written by the guest, or the value the emulator returns. */
};

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_ACCESS_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file port.h
 * @brief The one interface between armvirt components and the machine.
 *
 * Every system-register access, barrier, TLB or cache maintenance operation
 * and GICv2 hypervisor-interface access that a component performs goes
 * through these functions. Two implementations exist and exactly one is
 * linked into a build:
 *  - the aarch64 port (lib/port/aarch64) executes the instructions; it must be
 *    called at EL2 (nVHE) with the MMU set up as the integrator chose;
 *  - the host port (lib/port/host) keeps a fake register file and records
 *    every access in order, for unit tests (see port_host.h).
 *
 * None of these functions can fail. They are not reentrant with respect to
 * the GICv2 base (set it once at boot). Each CPU has its own registers; the
 * functions act on the calling CPU's.
 */
#ifndef ARMVIRT_PORT_H
#define ARMVIRT_PORT_H

#include <armvirt/port_sysregs.h>
#include <armvirt/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/// @cond ARMVIRT_INTERNAL
#define ARMVIRT_PORT_DECLARE_RW_(name, op0, op1, crn, crm, op2)                                    \
	uint64_t armvirt_port_read_##name(void);                                                   \
	void armvirt_port_write_##name(uint64_t v);
#define ARMVIRT_PORT_DECLARE_RO_(name, op0, op1, crn, crm, op2)                                    \
	uint64_t armvirt_port_read_##name(void);
#define ARMVIRT_PORT_DECLARE_WO_(name, op0, op1, crn, crm, op2)                                    \
	void armvirt_port_write_##name(uint64_t v);
ARMVIRT_PORT_SYSREGS_RW(ARMVIRT_PORT_DECLARE_RW_)
ARMVIRT_PORT_SYSREGS_RO(ARMVIRT_PORT_DECLARE_RO_)
ARMVIRT_PORT_SYSREGS_WO(ARMVIRT_PORT_DECLARE_WO_)
#undef ARMVIRT_PORT_DECLARE_RW_
#undef ARMVIRT_PORT_DECLARE_RO_
#undef ARMVIRT_PORT_DECLARE_WO_
/// @endcond

/**
 * @name System registers
 * For each register `r` in ::ARMVIRT_PORT_SYSREGS_RW there is
 * `uint64_t armvirt_port_read_r(void)` and `void armvirt_port_write_r(uint64_t)`;
 * for each in ::ARMVIRT_PORT_SYSREGS_RO only the read, for each in
 * ::ARMVIRT_PORT_SYSREGS_WO only the write. A write is not followed
 * by an ISB: the caller adds armvirt_port_isb() where the architecture requires
 * context synchronisation.
 * @{
 */

/** @brief Number of ICH_LR<n>_EL2 the indexed accessors can address. */
#define ARMVIRT_PORT_ICH_LR_MAX 16
/** @brief Number of ICH_AP0R<n>_EL2 / ICH_AP1R<n>_EL2 registers. */
#define ARMVIRT_PORT_ICH_APR_MAX 4

/** @brief Read ICH_LR<n>_EL2; @p n < ::ARMVIRT_PORT_ICH_LR_MAX, else 0 is returned. */
uint64_t armvirt_port_read_ich_lr(unsigned n);
/** @brief Write ICH_LR<n>_EL2; ignored when @p n >= ::ARMVIRT_PORT_ICH_LR_MAX. */
void armvirt_port_write_ich_lr(unsigned n, uint64_t v);
/** @brief Read ICH_AP0R<n>_EL2; @p n < ::ARMVIRT_PORT_ICH_APR_MAX, else 0 is returned. */
uint64_t armvirt_port_read_ich_ap0r(unsigned n);
/** @brief Write ICH_AP0R<n>_EL2; ignored when @p n >= ::ARMVIRT_PORT_ICH_APR_MAX. */
void armvirt_port_write_ich_ap0r(unsigned n, uint64_t v);
/** @brief Read ICH_AP1R<n>_EL2; @p n < ::ARMVIRT_PORT_ICH_APR_MAX, else 0 is returned. */
uint64_t armvirt_port_read_ich_ap1r(unsigned n);
/** @brief Write ICH_AP1R<n>_EL2; ignored when @p n >= ::ARMVIRT_PORT_ICH_APR_MAX. */
void armvirt_port_write_ich_ap1r(unsigned n, uint64_t v);
/** @} */

/** Shareability domain of a DSB or DMB. */
enum armvirt_port_domain {
	ARMVIRT_PORT_SY,    /**< Full system, all accesses. */
	ARMVIRT_PORT_ISH,   /**< Inner Shareable, all accesses. */
	ARMVIRT_PORT_ISHST, /**< Inner Shareable, stores only. */
	ARMVIRT_PORT_NSH,   /**< Non-shareable (this CPU), all accesses. */
	ARMVIRT_PORT_NSHST, /**< Non-shareable, stores only. */
};

/** @brief Data synchronisation barrier (DSB) over @p dom. */
void armvirt_port_dsb(enum armvirt_port_domain dom);
/** @brief Data memory barrier (DMB) over @p dom. */
void armvirt_port_dmb(enum armvirt_port_domain dom);
/** @brief Instruction synchronisation barrier (ISB). */
void armvirt_port_isb(void);

/**
 * TLB invalidation operations. The stage-2 operations act on the VMID held in
 * VTTBR_EL2 at the time of the call: the caller makes it current first.
 * The operand formats are the architecture's (Arm ARM D8.17, "TLB maintenance
 * instructions"): for the IPA forms, IPA[55:12] in bits [43:0] and the TTL
 * level hint in bits [47:44]; for the range forms, the TG/SCALE/NUM/TTL/BaseADDR
 * encoding of FEAT_TLBIRANGE. The "all" forms ignore the operand.
 */
enum armvirt_port_tlbi {
	ARMVIRT_TLBI_IPAS2E1IS,	   /**< Stage-2 by IPA, any level, Inner Shareable. */
	ARMVIRT_TLBI_IPAS2LE1IS,   /**< Stage-2 by IPA, last level only, Inner Shareable. */
	ARMVIRT_TLBI_IPAS2E1,	   /**< Stage-2 by IPA, any level, this CPU. */
	ARMVIRT_TLBI_IPAS2LE1,	   /**< Stage-2 by IPA, last level only, this CPU. */
	ARMVIRT_TLBI_RIPAS2E1IS,   /**< Stage-2 by IPA range (FEAT_TLBIRANGE), Inner Shareable. */
	ARMVIRT_TLBI_RIPAS2LE1IS,  /**< Stage-2 by IPA range, last level, Inner Shareable. */
	ARMVIRT_TLBI_VMALLE1IS,	   /**< Stage-1 EL1&0 of the current VMID, Inner Shareable. */
	ARMVIRT_TLBI_VMALLE1,	   /**< Stage-1 EL1&0 of the current VMID, this CPU. */
	ARMVIRT_TLBI_VMALLS12E1IS, /**< Stage 1 and 2 of the current VMID, Inner Shareable. */
	ARMVIRT_TLBI_VMALLS12E1,   /**< Stage 1 and 2 of the current VMID, this CPU. */
	ARMVIRT_TLBI_ALLE2IS,	   /**< All EL2 entries, Inner Shareable. */
	ARMVIRT_TLBI_OP_COUNT_,	   /**< Number of operations; not an operation. */
};

/** @brief Issue one TLB invalidation @p op with operand @p arg (not followed by a barrier). */
void armvirt_port_tlbi(enum armvirt_port_tlbi op, uint64_t arg);

/** Data-cache maintenance by virtual address. */
enum armvirt_port_dc {
	ARMVIRT_DC_CVAC,      /**< Clean to the Point of Coherency. */
	ARMVIRT_DC_CIVAC,     /**< Clean and invalidate to the Point of Coherency. */
	ARMVIRT_DC_IVAC,      /**< Invalidate to the Point of Coherency. */
	ARMVIRT_DC_OP_COUNT_, /**< Number of operations; not an operation. */
};

/** @brief Data-cache maintenance @p op on the line holding @p va (no barrier). */
void armvirt_port_dc(enum armvirt_port_dc op, armvirt_va_t va);
/** @brief Invalidate all instruction caches to the PoU, Inner Shareable (IC IALLUIS). */
void armvirt_port_ic_ialluis(void);

/**
 * @name GICv2 virtual interface control (GICH)
 * Offsets are in bytes from the GICH frame base (GIC architecture v2, 5.3,
 * "GIC virtual interface control registers"); all accesses are 32-bit.
 * @{
 */
/**
 * @brief Tell the port where the GICH frame is mapped in the hypervisor's
 *        address space. Call once at boot, before any GICH access; the host
 *        port ignores it.
 */
void armvirt_port_set_gich_base(armvirt_va_t base);
/** @brief Read the 32-bit GICH register at byte @p offset. */
uint32_t armvirt_port_gich_read(uint32_t offset);
/** @brief Write the 32-bit GICH register at byte @p offset. */
void armvirt_port_gich_write(uint32_t offset, uint32_t v);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_PORT_H */

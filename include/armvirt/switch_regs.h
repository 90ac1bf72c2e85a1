/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file switch_regs.h
 * @brief Layouts of the EL2 control registers the world switch programs.
 *
 * HCR_EL2 (Arm ARM D24.2.48), CPTR_EL2 with HCR_EL2.E2H = 0 (D24.2.33) and
 * the SPSR_EL2 mode and mask fields a guest's PSTATE is built from
 * (D24.2.155). Each field is a shift/width pair read and written with
 * armvirt_field_get() / armvirt_field_set(); single-bit fields have only a
 * shift (use ARMVIRT_BIT()).
 */
#ifndef ARMVIRT_SWITCH_REGS_H
#define ARMVIRT_SWITCH_REGS_H

#include <armvirt/bits.h>

/** @name HCR_EL2 (single-bit controls, bit positions)
 * @{ */
#define ARMVIRT_HCR_EL2_VM_SHIFT 0     /**< Stage-2 translation enabled for EL1&0. */
#define ARMVIRT_HCR_EL2_SWIO_SHIFT 1   /**< Set/way invalidation is clean+invalidate. */
#define ARMVIRT_HCR_EL2_PTW_SHIFT 2    /**< Protected table walk. */
#define ARMVIRT_HCR_EL2_FMO_SHIFT 3    /**< Physical FIQs routed to EL2; virtual FIQs enabled. */
#define ARMVIRT_HCR_EL2_IMO_SHIFT 4    /**< Physical IRQs routed to EL2; virtual IRQs enabled. */
#define ARMVIRT_HCR_EL2_AMO_SHIFT 5    /**< SErrors routed to EL2; virtual SErrors enabled. */
#define ARMVIRT_HCR_EL2_VF_SHIFT 6     /**< Virtual FIQ pending. */
#define ARMVIRT_HCR_EL2_VI_SHIFT 7     /**< Virtual IRQ pending. */
#define ARMVIRT_HCR_EL2_VSE_SHIFT 8    /**< Virtual SError pending. */
#define ARMVIRT_HCR_EL2_FB_SHIFT 9     /**< Force broadcast of TLB and I-cache maintenance. */
#define ARMVIRT_HCR_EL2_BSU_SHIFT 10   /**< Barrier shareability upgrade (2 bits). */
#define ARMVIRT_HCR_EL2_BSU_WIDTH 2    /**< BSU: 1 = Inner Shareable. */
#define ARMVIRT_HCR_EL2_DC_SHIFT 12    /**< Default cacheability. */
#define ARMVIRT_HCR_EL2_TWI_SHIFT 13   /**< Trap WFI. */
#define ARMVIRT_HCR_EL2_TWE_SHIFT 14   /**< Trap WFE. */
#define ARMVIRT_HCR_EL2_TID0_SHIFT 15  /**< Trap ID group 0. */
#define ARMVIRT_HCR_EL2_TID1_SHIFT 16  /**< Trap ID group 1. */
#define ARMVIRT_HCR_EL2_TID2_SHIFT 17  /**< Trap ID group 2 (cache ID registers). */
#define ARMVIRT_HCR_EL2_TID3_SHIFT 18  /**< Trap ID group 3 (ID_AA64*). */
#define ARMVIRT_HCR_EL2_TSC_SHIFT 19   /**< Trap SMC. */
#define ARMVIRT_HCR_EL2_TIDCP_SHIFT 20 /**< Trap IMPLEMENTATION DEFINED registers. */
#define ARMVIRT_HCR_EL2_TACR_SHIFT 21  /**< Trap ACTLR_EL1. */
#define ARMVIRT_HCR_EL2_TSW_SHIFT 22   /**< Trap data cache maintenance by set/way. */
#define ARMVIRT_HCR_EL2_TPCP_SHIFT 23  /**< Trap data cache maintenance to PoC/PoP. */
#define ARMVIRT_HCR_EL2_TPU_SHIFT 24   /**< Trap cache maintenance to PoU. */
#define ARMVIRT_HCR_EL2_TTLB_SHIFT 25  /**< Trap TLB maintenance. */
#define ARMVIRT_HCR_EL2_TVM_SHIFT 26   /**< Trap writes to EL1 virtual-memory controls. */
#define ARMVIRT_HCR_EL2_TGE_SHIFT 27   /**< Trap general exceptions (host EL0). */
#define ARMVIRT_HCR_EL2_TDZ_SHIFT 28   /**< Trap DC ZVA. */
#define ARMVIRT_HCR_EL2_HCD_SHIFT 29   /**< HVC disabled. */
#define ARMVIRT_HCR_EL2_TRVM_SHIFT 30  /**< Trap reads of EL1 virtual-memory controls. */
#define ARMVIRT_HCR_EL2_RW_SHIFT 31    /**< EL1 is AArch64 (1) or AArch32 (0). */
#define ARMVIRT_HCR_EL2_E2H_SHIFT 34   /**< EL2 host (VHE). */
#define ARMVIRT_HCR_EL2_TLOR_SHIFT 35  /**< Trap LORegion registers. */
#define ARMVIRT_HCR_EL2_APK_SHIFT 40   /**< Pointer-authentication key registers do not trap. */
#define ARMVIRT_HCR_EL2_API_SHIFT 41   /**< Pointer-authentication instructions do not trap. */
/** @} */

/** @name CPTR_EL2 when HCR_EL2.E2H is 0
 * Bits 13, 9 and 7:0 are RES1; bit 12 (TSM) is RES1 without FEAT_SME.
 * @{ */
#define ARMVIRT_CPTR_EL2_TZ_SHIFT 8	/**< Trap SVE at EL2 and below. */
#define ARMVIRT_CPTR_EL2_TFP_SHIFT 10	/**< Trap FP/Advanced SIMD at EL2 and below. */
#define ARMVIRT_CPTR_EL2_TSM_SHIFT 12	/**< Trap SME at EL2 and below (RES1 without SME). */
#define ARMVIRT_CPTR_EL2_TTA_SHIFT 20	/**< Trap trace-register accesses. */
#define ARMVIRT_CPTR_EL2_TAM_SHIFT 30	/**< Trap Activity Monitor accesses. */
#define ARMVIRT_CPTR_EL2_TCPAC_SHIFT 31 /**< Trap CPACR_EL1 accesses from EL1. */
/** Bits of CPTR_EL2 (E2H = 0) that are RES1 on every implementation: 13, 9, 7:0. */
#define ARMVIRT_CPTR_EL2_RES1 (ARMVIRT_BIT(13) | ARMVIRT_BIT(9) | ARMVIRT_MASK(0, 8))
/** @} */

/** @name SPSR_ELx / PSTATE fields (AArch64 state)
 * @{ */
#define ARMVIRT_SPSR_M_SHIFT 0	  /**< Exception level and stack pointer: M[3:0]. */
#define ARMVIRT_SPSR_M_WIDTH 4	  /**< M[3:0]. */
#define ARMVIRT_SPSR_M_EL1H 0x5u  /**< M[3:0] for EL1 using SP_EL1. */
#define ARMVIRT_SPSR_M_EL1T 0x4u  /**< M[3:0] for EL1 using SP_EL0. */
#define ARMVIRT_SPSR_M_EL0T 0x0u  /**< M[3:0] for EL0. */
#define ARMVIRT_SPSR_NRW_SHIFT 4  /**< M[4]: 1 when the interrupted state was AArch32. */
#define ARMVIRT_SPSR_DAIF_SHIFT 6 /**< D, A, I, F mask bits [9:6]. */
#define ARMVIRT_SPSR_DAIF_WIDTH 4 /**< DAIF. */
#define ARMVIRT_SPSR_T_SHIFT 5	  /**< AArch32 only: T32 instruction set. */
/** @} */

#endif /* ARMVIRT_SWITCH_REGS_H */

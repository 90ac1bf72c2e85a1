/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file esr_fields.h
 * @brief The layout of ESR_ELx (and HSR): every field as a shift/width pair.
 *
 * Arm ARM D24.2.40 (ESR_EL2). ESR_ELx is EC [31:26], IL [25], ISS [24:0] and,
 * in the 64-bit register, ISS2 [55:32]. The decoder (esr.h), the MMIO access
 * decoder (mmio.h) and the name printer all read fields through these
 * constants; nothing else spells a mask.
 */
#ifndef ARMVIRT_ESR_FIELDS_H
#define ARMVIRT_ESR_FIELDS_H

/** @name Common fields
 * @{ */
#define ARMVIRT_ESR_EC_SHIFT 26	  /**< Exception class. */
#define ARMVIRT_ESR_EC_WIDTH 6	  /**< Exception class. */
#define ARMVIRT_ESR_IL_SHIFT 25	  /**< Instruction length: 1 = 32-bit, 0 = 16-bit (T32). */
#define ARMVIRT_ESR_IL_WIDTH 1	  /**< Instruction length. */
#define ARMVIRT_ESR_ISS_SHIFT 0	  /**< Instruction-specific syndrome. */
#define ARMVIRT_ESR_ISS_WIDTH 25  /**< Instruction-specific syndrome. */
#define ARMVIRT_ESR_ISS2_SHIFT 32 /**< ISS2, 64-bit ESR only (FEAT_LS64, FEAT_S1POE, ...). */
#define ARMVIRT_ESR_ISS2_WIDTH 24 /**< ISS2. */
/** @} */

/** @name Data abort ISS (EC 0x24, 0x25), positions within ESR
 * Arm ARM D24.2.40, "ISS encoding for an exception from a Data Abort".
 * @{ */
#define ARMVIRT_ESR_DABT_ISV_SHIFT 24  /**< Instruction syndrome valid (bits 23:14). */
#define ARMVIRT_ESR_DABT_ISV_WIDTH 1   /**< ISV. */
#define ARMVIRT_ESR_DABT_SAS_SHIFT 22  /**< Access size: log2 of bytes. */
#define ARMVIRT_ESR_DABT_SAS_WIDTH 2   /**< SAS. */
#define ARMVIRT_ESR_DABT_SSE_SHIFT 21  /**< Sign-extend the loaded value. */
#define ARMVIRT_ESR_DABT_SSE_WIDTH 1   /**< SSE. */
#define ARMVIRT_ESR_DABT_SRT_SHIFT 16  /**< Transfer register. */
#define ARMVIRT_ESR_DABT_SRT_WIDTH 5   /**< SRT. */
#define ARMVIRT_ESR_DABT_SF_SHIFT 15   /**< 64-bit register (X) when 1, W when 0. */
#define ARMVIRT_ESR_DABT_SF_WIDTH 1    /**< SF. */
#define ARMVIRT_ESR_DABT_AR_SHIFT 14   /**< Acquire/release semantics. */
#define ARMVIRT_ESR_DABT_AR_WIDTH 1    /**< AR. */
#define ARMVIRT_ESR_DABT_VNCR_SHIFT 13 /**< Fault came from a VNCR_EL2 access (FEAT_NV2). */
#define ARMVIRT_ESR_DABT_VNCR_WIDTH 1  /**< VNCR. */
#define ARMVIRT_ESR_DABT_SET_SHIFT 11  /**< Synchronous error type (FEAT_RAS). */
#define ARMVIRT_ESR_DABT_SET_WIDTH 2   /**< SET. */
#define ARMVIRT_ESR_DABT_LST_SHIFT 11  /**< Load/store type (FEAT_LS64), same bits as SET. */
#define ARMVIRT_ESR_DABT_LST_WIDTH 2   /**< LST: 01 ST64BV, 10 LD64B/ST64B, 11 ST64BV0. */
#define ARMVIRT_ESR_DABT_FNV_SHIFT 10  /**< FAR not valid. */
#define ARMVIRT_ESR_DABT_FNV_WIDTH 1   /**< FnV. */
#define ARMVIRT_ESR_DABT_EA_SHIFT 9    /**< External abort type. */
#define ARMVIRT_ESR_DABT_EA_WIDTH 1    /**< EA. */
#define ARMVIRT_ESR_DABT_CM_SHIFT 8    /**< Cache maintenance. */
#define ARMVIRT_ESR_DABT_CM_WIDTH 1    /**< CM. */
#define ARMVIRT_ESR_DABT_S1PTW_SHIFT 7 /**< Stage-2 fault on a stage-1 table walk. */
#define ARMVIRT_ESR_DABT_S1PTW_WIDTH 1 /**< S1PTW. */
#define ARMVIRT_ESR_DABT_WNR_SHIFT 6   /**< Write (1) or read (0). */
#define ARMVIRT_ESR_DABT_WNR_WIDTH 1   /**< WnR. */
#define ARMVIRT_ESR_DABT_DFSC_SHIFT 0  /**< Data fault status code. */
#define ARMVIRT_ESR_DABT_DFSC_WIDTH 6  /**< DFSC. */
/** @} */

/** @name Data abort ISS2, positions within ESR
 * Arm ARM D24.2.40, "ISS2 encoding for an exception from a Data Abort".
 * @{ */
#define ARMVIRT_ESR_DABT_XS_SHIFT 32 /**< Status register of ST64BV/ST64BV0 (FEAT_LS64_V). */
#define ARMVIRT_ESR_DABT_XS_WIDTH 5  /**< Xs. */
/** @} */

#endif /* ARMVIRT_ESR_FIELDS_H */

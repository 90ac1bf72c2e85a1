/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file esr_fields.h
 * @brief The layout of ESR_ELx (and HSR): every field as a shift/width pair.
 *
 * Arm ARM (DDI 0487), ESR_EL2. ESR_ELx is EC [31:26], IL [25], ISS [24:0] and,
 * in the 64-bit register, ISS2 [55:32]. The decoder (esr.h), the MMIO access
 * decoder (mmio.h) and the name printer all read fields through these
 * constants; nothing else spells a mask. Positions are bit numbers of the
 * 64-bit ESR_EL2, so ISS2 fields sit at 32 and above.
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
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from a Data Abort".
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

/** @name Data abort ISS and ISS2 fields beyond the MMIO ones (EC 0x24, 0x25)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from a Data Abort" and
 * "ISS2 encoding for an exception from a Data Abort".
 * @{ */
/** LST: LD64B/ST64B* type of a translation, access flag or permission fault; the bits of SET. */
#define ARMVIRT_ESR_DABT_LST_SHIFT 11
#define ARMVIRT_ESR_DABT_LST_WIDTH 2 /**< Width of the field above. */
/** TopLevel (ISV 0, FEAT_THE): the fault is due to TopLevel. Shares bit 21 with SSE. */
#define ARMVIRT_ESR_DABT_TOPLEVEL_SHIFT 21
#define ARMVIRT_ESR_DABT_TOPLEVEL_WIDTH 1 /**< Width of the field above. */
/** WU (ISV 0, FEAT_RASv2, external abort): whether a store updated the location. */
#define ARMVIRT_ESR_DABT_WU_SHIFT 16
#define ARMVIRT_ESR_DABT_WU_WIDTH 2 /**< Width of the field above. */
/** FnP (ISV 0): FAR not precise (SVE contiguous or SME load/store). Shares bit 15 with SF. */
#define ARMVIRT_ESR_DABT_FNP_SHIFT 15
#define ARMVIRT_ESR_DABT_FNP_WIDTH 1 /**< Width of the field above. */
/** PFV (ISV 0, FEAT_PFAR, external abort): PFAR_EL2 is valid. Shares bit 14 with AR. */
#define ARMVIRT_ESR_DABT_PFV_SHIFT 14
#define ARMVIRT_ESR_DABT_PFV_WIDTH 1 /**< Width of the field above. */
/** ISS2 Xs: status register of a faulting ST64BV/ST64BV0 (FEAT_LS64_V). */
#define ARMVIRT_ESR_DABT_XS_SHIFT 32
#define ARMVIRT_ESR_DABT_XS_WIDTH 5 /**< Width of the field above. */
/** ISS2 DirtyBit: permission fault due to dirty state (indirect permissions). */
#define ARMVIRT_ESR_DABT_DIRTYBIT_SHIFT 37
#define ARMVIRT_ESR_DABT_DIRTYBIT_WIDTH 1 /**< Width of the field above. */
/** ISS2 Overlay: permission fault due to overlay permissions (FEAT_S1POE/S2POE). */
#define ARMVIRT_ESR_DABT_OVERLAY_SHIFT 38
#define ARMVIRT_ESR_DABT_OVERLAY_WIDTH 1 /**< Width of the field above. */
/** ISS2 AssuredOnly: fault due to AssuredOnly (FEAT_THE). */
#define ARMVIRT_ESR_DABT_ASSUREDONLY_SHIFT 39
#define ARMVIRT_ESR_DABT_ASSUREDONLY_WIDTH 1 /**< Width of the field above. */
/** ISS2 GCS: fault on a Guarded Control Stack data access. */
#define ARMVIRT_ESR_DABT_GCS_SHIFT 40
#define ARMVIRT_ESR_DABT_GCS_WIDTH 1 /**< Width of the field above. */
/** ISS2 TagAccess: fault due to the NoTagAccess attribute (FEAT_MTE_PERM). */
#define ARMVIRT_ESR_DABT_TAGACCESS_SHIFT 41
#define ARMVIRT_ESR_DABT_TAGACCESS_WIDTH 1 /**< Width of the field above. */
/** ISS2 TnD: permission fault on an Allocation Tag write to Canonically Tagged memory. */
#define ARMVIRT_ESR_DABT_TND_SHIFT 42
#define ARMVIRT_ESR_DABT_TND_WIDTH 1 /**< Width of the field above. */
/** ISS2 HDBSSF: the fault was caused by the HDBSS (FEAT_HDBSS). */
#define ARMVIRT_ESR_DABT_HDBSSF_SHIFT 43
#define ARMVIRT_ESR_DABT_HDBSSF_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name HSR (AArch32 Hyp mode) fields that differ from ESR_ELx
 * Arm ARM, HSR: register fields are four bits (R0-R15); data aborts have no
 * SF, VNCR, SET or ISS2 and report AET in bits 11:10 for asynchronous aborts;
 * WFx's TI is one bit; EC 0x07 reports TA and coproc.
 * @{ */
/** HSR data abort SRT: transfer register, R0-R15. */
#define ARMVIRT_HSR_DABT_SRT_SHIFT 16
#define ARMVIRT_HSR_DABT_SRT_WIDTH 4 /**< Width of the field above. */
/** HSR data abort AET (FEAT_RAS, DFSC 0x11): asynchronous error type; bit 10 is FnV otherwise. */
#define ARMVIRT_HSR_DABT_AET_SHIFT 10
#define ARMVIRT_HSR_DABT_AET_WIDTH 2 /**< Width of the field above. */
/** HSR MCR/MRC Rt: R0-R15 (bit 9 is RES0). */
#define ARMVIRT_HSR_CP_RT_SHIFT 5
#define ARMVIRT_HSR_CP_RT_WIDTH 4 /**< Width of the field above. */
/** HSR MCRR/MRRC Rt2 (bits 15:14 are RES0). */
#define ARMVIRT_HSR_CP64_RT2_SHIFT 10
#define ARMVIRT_HSR_CP64_RT2_WIDTH 4 /**< Width of the field above. */
/** HSR MCRR/MRRC Rt (bit 9 is RES0). */
#define ARMVIRT_HSR_CP64_RT_SHIFT 5
#define ARMVIRT_HSR_CP64_RT_WIDTH 4 /**< Width of the field above. */
/** HSR LDC/STC Rn (bits 11:9 are RES0). */
#define ARMVIRT_HSR_LDC_RN_SHIFT 5
#define ARMVIRT_HSR_LDC_RN_WIDTH 4 /**< Width of the field above. */
/** HSR FP/SIMD access (EC 0x07) TA: trapped Advanced SIMD use. */
#define ARMVIRT_HSR_FP_TA_SHIFT 5
#define ARMVIRT_HSR_FP_TA_WIDTH 1 /**< Width of the field above. */
/** HSR FP/SIMD access (EC 0x07) coproc: 0b1010 when TA is 1. */
#define ARMVIRT_HSR_FP_COPROC_SHIFT 0
#define ARMVIRT_HSR_FP_COPROC_WIDTH 4 /**< Width of the field above. */
/** HSR WFx TI: 0 WFI, 1 WFE. */
#define ARMVIRT_HSR_WFX_TI_SHIFT 0
#define ARMVIRT_HSR_WFX_TI_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name AArch32 condition (EC 0x01, 0x03-0x08, 0x0C, 0x13 from AArch32)
 * Arm ARM, ESR_EL2: CV says whether COND holds the trapped instruction's
 * condition; both are RES0/UNKNOWN for exceptions taken from AArch64.
 * @{ */
/** CV: condition code valid. */
#define ARMVIRT_ESR_CV_SHIFT 24
#define ARMVIRT_ESR_CV_WIDTH 1 /**< Width of the field above. */
/** COND: condition code of the trapped instruction. */
#define ARMVIRT_ESR_COND_SHIFT 20
#define ARMVIRT_ESR_COND_WIDTH 4 /**< Width of the field above. */
/** @} */

/** @name Trapped WFI/WFE/WFIT/WFET (EC 0x01)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from a WF* instruction".
 * @{ */
/** Rn: register holding the timeout (WFIT/WFET, FEAT_WFxT). */
#define ARMVIRT_ESR_WFX_RN_SHIFT 5
#define ARMVIRT_ESR_WFX_RN_WIDTH 5 /**< Width of the field above. */
/** RV: Rn is valid. */
#define ARMVIRT_ESR_WFX_RV_SHIFT 2
#define ARMVIRT_ESR_WFX_RV_WIDTH 1 /**< Width of the field above. */
/** TI: trapped instruction, 0 WFI, 1 WFE, 2 WFIT, 3 WFET. */
#define ARMVIRT_ESR_WFX_TI_SHIFT 0
#define ARMVIRT_ESR_WFX_TI_WIDTH 2 /**< Width of the field above. */
/** @} */

/** @name MCR/MRC and VMRS (EC 0x03, 0x05, 0x08)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from an MCR or MRC access".
 * @{ */
/** Opc2. */
#define ARMVIRT_ESR_CP_OPC2_SHIFT 17
#define ARMVIRT_ESR_CP_OPC2_WIDTH 3 /**< Width of the field above. */
/** Opc1. */
#define ARMVIRT_ESR_CP_OPC1_SHIFT 14
#define ARMVIRT_ESR_CP_OPC1_WIDTH 3 /**< Width of the field above. */
/** CRn (for VMRS, the register). */
#define ARMVIRT_ESR_CP_CRN_SHIFT 10
#define ARMVIRT_ESR_CP_CRN_WIDTH 4 /**< Width of the field above. */
/** Rt, as the AArch64 view of the register number. */
#define ARMVIRT_ESR_CP_RT_SHIFT 5
#define ARMVIRT_ESR_CP_RT_WIDTH 5 /**< Width of the field above. */
/** CRm. */
#define ARMVIRT_ESR_CP_CRM_SHIFT 1
#define ARMVIRT_ESR_CP_CRM_WIDTH 4 /**< Width of the field above. */
/** Direction: 1 read (MRC, VMRS), 0 write (MCR). */
#define ARMVIRT_ESR_CP_DIRECTION_SHIFT 0
#define ARMVIRT_ESR_CP_DIRECTION_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name MCRR/MRRC (EC 0x04, 0x0C)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from an MCRR or MRRC access".
 * @{ */
/** Opc1. */
#define ARMVIRT_ESR_CP64_OPC1_SHIFT 16
#define ARMVIRT_ESR_CP64_OPC1_WIDTH 4 /**< Width of the field above. */
/** Rt2: the second register. */
#define ARMVIRT_ESR_CP64_RT2_SHIFT 10
#define ARMVIRT_ESR_CP64_RT2_WIDTH 5 /**< Width of the field above. */
/** Rt: the first register. */
#define ARMVIRT_ESR_CP64_RT_SHIFT 5
#define ARMVIRT_ESR_CP64_RT_WIDTH 5 /**< Width of the field above. */
/** CRm. */
#define ARMVIRT_ESR_CP64_CRM_SHIFT 1
#define ARMVIRT_ESR_CP64_CRM_WIDTH 4 /**< Width of the field above. */
/** Direction: 1 read (MRRC), 0 write (MCRR). */
#define ARMVIRT_ESR_CP64_DIRECTION_SHIFT 0
#define ARMVIRT_ESR_CP64_DIRECTION_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name LDC/STC (EC 0x06)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from an LDC or STC instruction".
 * @{ */
/** imm8: immediate offset, in words. */
#define ARMVIRT_ESR_LDC_IMM8_SHIFT 12
#define ARMVIRT_ESR_LDC_IMM8_WIDTH 8 /**< Width of the field above. */
/** Rn: base register (UNKNOWN for the literal form). */
#define ARMVIRT_ESR_LDC_RN_SHIFT 5
#define ARMVIRT_ESR_LDC_RN_WIDTH 5 /**< Width of the field above. */
/** Offset: 1 add the offset, 0 subtract it. */
#define ARMVIRT_ESR_LDC_OFFSET_SHIFT 4
#define ARMVIRT_ESR_LDC_OFFSET_WIDTH 1 /**< Width of the field above. */
/** AM: addressing mode. */
#define ARMVIRT_ESR_LDC_AM_SHIFT 1
#define ARMVIRT_ESR_LDC_AM_WIDTH 3 /**< Width of the field above. */
/** Direction: 1 read (LDC), 0 write (STC). */
#define ARMVIRT_ESR_LDC_DIRECTION_SHIFT 0
#define ARMVIRT_ESR_LDC_DIRECTION_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name Trapped instruction not covered by another EC (EC 0x0A)
 * Arm ARM, ESR_EL2: the whole ISS names the instruction trapped.
 * @{ */
/** ISS: 0 ST64BV, 1 ST64BV0, 2 LD64B or ST64B, 3 TSB CSYNC, 4 PSB CSYNC. */
#define ARMVIRT_ESR_OTHER_TYPE_SHIFT 0
#define ARMVIRT_ESR_OTHER_TYPE_WIDTH 25 /**< Width of the field above. */
/** @} */

/** @name Branch target exception (EC 0x0D)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from Branch Target Identification instruction".
 * @{ */
/** BTYPE: PSTATE.BTYPE at the faulting instruction. */
#define ARMVIRT_ESR_BTI_BTYPE_SHIFT 0
#define ARMVIRT_ESR_BTI_BTYPE_WIDTH 2 /**< Width of the field above. */
/** @} */

/** @name SVC/HVC/SMC immediates, BRK/BKPT comments (EC 0x11-0x13, 0x15-0x17, 0x38, 0x3C)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from HVC or SVC instruction execution",
 * "... from SMC instruction execution in AArch32 state" and "... from execution of a
 * Breakpoint instruction".
 * @{ */
/** imm16 (SVC/HVC/SMC) or Comment (BRK/BKPT): the instruction's immediate. */
#define ARMVIRT_ESR_IMM16_SHIFT 0
#define ARMVIRT_ESR_IMM16_WIDTH 16 /**< Width of the field above. */
/** CCKNOWNPASS: 1 = the SMC was conditional and might have failed its condition check. */
#define ARMVIRT_ESR_SMC32_CCKNOWNPASS_SHIFT 19
#define ARMVIRT_ESR_SMC32_CCKNOWNPASS_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name MSR/MRS/system instructions (EC 0x18) and MSRR/MRRS/SYSP (EC 0x14)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from MSR, MRS, or System instruction
 * execution in AArch64 state" and the FEAT_SYSREG128 encoding, whose Rt field
 * holds bits [4:1] of the (even) first register of the pair.
 * @{ */
/** Op0. */
#define ARMVIRT_ESR_SYS_OP0_SHIFT 20
#define ARMVIRT_ESR_SYS_OP0_WIDTH 2 /**< Width of the field above. */
/** Op2. */
#define ARMVIRT_ESR_SYS_OP2_SHIFT 17
#define ARMVIRT_ESR_SYS_OP2_WIDTH 3 /**< Width of the field above. */
/** Op1. */
#define ARMVIRT_ESR_SYS_OP1_SHIFT 14
#define ARMVIRT_ESR_SYS_OP1_WIDTH 3 /**< Width of the field above. */
/** CRn. */
#define ARMVIRT_ESR_SYS_CRN_SHIFT 10
#define ARMVIRT_ESR_SYS_CRN_WIDTH 4 /**< Width of the field above. */
/** Rt (31 = XZR). */
#define ARMVIRT_ESR_SYS_RT_SHIFT 5
#define ARMVIRT_ESR_SYS_RT_WIDTH 5 /**< Width of the field above. */
/** CRm. */
#define ARMVIRT_ESR_SYS_CRM_SHIFT 1
#define ARMVIRT_ESR_SYS_CRM_WIDTH 4 /**< Width of the field above. */
/** Direction: 1 read (MRS, SYSL), 0 write (MSR, SYS). */
#define ARMVIRT_ESR_SYS_DIRECTION_SHIFT 0
#define ARMVIRT_ESR_SYS_DIRECTION_WIDTH 1 /**< Width of the field above. */
/** Rt[4:1] of the register pair of an MSRR/MRRS/SYSP. */
#define ARMVIRT_ESR_SYS128_RT_SHIFT 6
#define ARMVIRT_ESR_SYS128_RT_WIDTH 4 /**< Width of the field above. */
/** @} */

/** @name Trapped ERET/ERETAA/ERETAB (EC 0x1A)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from ERET, ERETAA, or ERETAB instruction".
 * @{ */
/** ERET: 1 ERETAA or ERETAB, 0 ERET. */
#define ARMVIRT_ESR_ERET_ERET_SHIFT 1
#define ARMVIRT_ESR_ERET_ERET_WIDTH 1 /**< Width of the field above. */
/** ERETA: with ERET set, 1 ERETAB (key B), 0 ERETAA (key A). */
#define ARMVIRT_ESR_ERET_ERETA_SHIFT 0
#define ARMVIRT_ESR_ERET_ERETA_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name TSTART (EC 0x1B)
 * FEAT_TME, which later editions of the Arm ARM withdrew; decoded for the
 * implementations and traces that have it.
 * @{ */
/** Rd: destination register of the TSTART. */
#define ARMVIRT_ESR_TSTART_RD_SHIFT 5
#define ARMVIRT_ESR_TSTART_RD_WIDTH 5 /**< Width of the field above. */
/** @} */

/** @name Pointer authentication failure (EC 0x1C)
 * Arm ARM, ESR_EL2, "ISS encoding for a PAC Fail exception" (FEAT_FPAC).
 * @{ */
/** DnI: 1 a data key (DA/DB), 0 an instruction key (IA/IB). */
#define ARMVIRT_ESR_FPAC_DNI_SHIFT 1
#define ARMVIRT_ESR_FPAC_DNI_WIDTH 1 /**< Width of the field above. */
/** BnA: 1 a B key, 0 an A key. */
#define ARMVIRT_ESR_FPAC_BNA_SHIFT 0
#define ARMVIRT_ESR_FPAC_BNA_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name SME (EC 0x1D)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception due to SME functionality".
 * @{ */
/** SMTC: 0 SME disabled, 1 illegal in streaming mode, 2 PSTATE.SM is 0, 3 PSTATE.ZA is 0, 4 ZT0
 * disabled. */
#define ARMVIRT_ESR_SME_SMTC_SHIFT 0
#define ARMVIRT_ESR_SME_SMTC_WIDTH 3 /**< Width of the field above. */
/** @} */

/** @name IMPLEMENTATION DEFINED exception to EL3 (EC 0x1F)
 * Arm ARM, ESR_EL2.
 * @{ */
/** IMPLEMENTATION DEFINED syndrome. */
#define ARMVIRT_ESR_IMPDEF_SHIFT 0
#define ARMVIRT_ESR_IMPDEF_WIDTH 25 /**< Width of the field above. */
/** @} */

/** @name Instruction abort (EC 0x20, 0x21)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from an Instruction Abort" and
 * its ISS2 encoding.
 * @{ */
/** SET: synchronous error type (IFSC 0x10, FEAT_RAS). */
#define ARMVIRT_ESR_IABT_SET_SHIFT 11
#define ARMVIRT_ESR_IABT_SET_WIDTH 2 /**< Width of the field above. */
/** FnV: FAR not valid. */
#define ARMVIRT_ESR_IABT_FNV_SHIFT 10
#define ARMVIRT_ESR_IABT_FNV_WIDTH 1 /**< Width of the field above. */
/** EA: external abort type. */
#define ARMVIRT_ESR_IABT_EA_SHIFT 9
#define ARMVIRT_ESR_IABT_EA_WIDTH 1 /**< Width of the field above. */
/** S1PTW: stage-2 fault on a stage-1 table walk. */
#define ARMVIRT_ESR_IABT_S1PTW_SHIFT 7
#define ARMVIRT_ESR_IABT_S1PTW_WIDTH 1 /**< Width of the field above. */
/** IFSC: instruction fault status code. */
#define ARMVIRT_ESR_IABT_IFSC_SHIFT 0
#define ARMVIRT_ESR_IABT_IFSC_WIDTH 6 /**< Width of the field above. */
/** TopLevel (FEAT_THE): the fault is due to TopLevel. */
#define ARMVIRT_ESR_IABT_TOPLEVEL_SHIFT 21
#define ARMVIRT_ESR_IABT_TOPLEVEL_WIDTH 1 /**< Width of the field above. */
/** PFV (FEAT_PFAR, external abort): PFAR_EL2 is valid. */
#define ARMVIRT_ESR_IABT_PFV_SHIFT 14
#define ARMVIRT_ESR_IABT_PFV_WIDTH 1 /**< Width of the field above. */
/** ISS2 DirtyBit: permission fault due to dirty state (FEAT_S2PIE). */
#define ARMVIRT_ESR_IABT_DIRTYBIT_SHIFT 37
#define ARMVIRT_ESR_IABT_DIRTYBIT_WIDTH 1 /**< Width of the field above. */
/** ISS2 HDBSSF: the fault was caused by the HDBSS (FEAT_HDBSS). */
#define ARMVIRT_ESR_IABT_HDBSSF_SHIFT 43
#define ARMVIRT_ESR_IABT_HDBSSF_WIDTH 1 /**< Width of the field above. */
/** ISS2 Overlay: permission fault due to overlay permissions. */
#define ARMVIRT_ESR_IABT_OVERLAY_SHIFT 38
#define ARMVIRT_ESR_IABT_OVERLAY_WIDTH 1 /**< Width of the field above. */
/** ISS2 AssuredOnly: fault due to AssuredOnly (FEAT_THE). */
#define ARMVIRT_ESR_IABT_ASSUREDONLY_SHIFT 39
#define ARMVIRT_ESR_IABT_ASSUREDONLY_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name Memory copy/set exception (EC 0x27)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from the Memory Copy and Memory Set
 * instructions" (FEAT_MOPS).
 * @{ */
/** MemInst: 1 a SET* instruction, 0 a CPY* instruction. */
#define ARMVIRT_ESR_MOPS_MEMINST_SHIFT 24
#define ARMVIRT_ESR_MOPS_MEMINST_WIDTH 1 /**< Width of the field above. */
/** isSETG: a SETG* (tag-setting) form. */
#define ARMVIRT_ESR_MOPS_ISSETG_SHIFT 23
#define ARMVIRT_ESR_MOPS_ISSETG_WIDTH 1 /**< Width of the field above. */
/** Options: the instruction's options field. */
#define ARMVIRT_ESR_MOPS_OPTIONS_SHIFT 19
#define ARMVIRT_ESR_MOPS_OPTIONS_WIDTH 4 /**< Width of the field above. */
/** FromEpilogue: taken from an epilogue instruction. */
#define ARMVIRT_ESR_MOPS_FROMEPILOGUE_SHIFT 18
#define ARMVIRT_ESR_MOPS_FROMEPILOGUE_WIDTH 1 /**< Width of the field above. */
/** FormatOption: register format option, 0b01 or 0b10 option A, 0b00 or 0b11 option B
 * (earlier manuals: WrongOption [17] and OptionA [16]). */
#define ARMVIRT_ESR_MOPS_FORMATOPTION_SHIFT 16
#define ARMVIRT_ESR_MOPS_FORMATOPTION_WIDTH 2 /**< Width of the field above. */
/** destreg: destination register. */
#define ARMVIRT_ESR_MOPS_DESTREG_SHIFT 10
#define ARMVIRT_ESR_MOPS_DESTREG_WIDTH 5 /**< Width of the field above. */
/** srcreg: source register (SET*: the value register). */
#define ARMVIRT_ESR_MOPS_SRCREG_SHIFT 5
#define ARMVIRT_ESR_MOPS_SRCREG_WIDTH 5 /**< Width of the field above. */
/** sizereg: size register. */
#define ARMVIRT_ESR_MOPS_SIZEREG_SHIFT 0
#define ARMVIRT_ESR_MOPS_SIZEREG_WIDTH 5 /**< Width of the field above. */
/** @} */

/** @name Trapped floating-point exception (EC 0x28, 0x2C)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from a trapped floating-point exception".
 * @{ */
/** TFV: the flag bits below are valid. */
#define ARMVIRT_ESR_FPEXC_TFV_SHIFT 23
#define ARMVIRT_ESR_FPEXC_TFV_WIDTH 1 /**< Width of the field above. */
/** VECITR: AArch32 only, elements left in a vector iteration. */
#define ARMVIRT_ESR_FPEXC_VECITR_SHIFT 8
#define ARMVIRT_ESR_FPEXC_VECITR_WIDTH 3 /**< Width of the field above. */
/** IDF: Input Denormal. */
#define ARMVIRT_ESR_FPEXC_IDF_SHIFT 7
#define ARMVIRT_ESR_FPEXC_IDF_WIDTH 1 /**< Width of the field above. */
/** IXF: Inexact. */
#define ARMVIRT_ESR_FPEXC_IXF_SHIFT 4
#define ARMVIRT_ESR_FPEXC_IXF_WIDTH 1 /**< Width of the field above. */
/** UFF: Underflow. */
#define ARMVIRT_ESR_FPEXC_UFF_SHIFT 3
#define ARMVIRT_ESR_FPEXC_UFF_WIDTH 1 /**< Width of the field above. */
/** OFF: Overflow. */
#define ARMVIRT_ESR_FPEXC_OFF_SHIFT 2
#define ARMVIRT_ESR_FPEXC_OFF_WIDTH 1 /**< Width of the field above. */
/** DZF: Divide by Zero. */
#define ARMVIRT_ESR_FPEXC_DZF_SHIFT 1
#define ARMVIRT_ESR_FPEXC_DZF_WIDTH 1 /**< Width of the field above. */
/** IOF: Invalid Operation. */
#define ARMVIRT_ESR_FPEXC_IOF_SHIFT 0
#define ARMVIRT_ESR_FPEXC_IOF_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name GCS exception (EC 0x2D)
 * Arm ARM, ESR_EL2, "ISS encoding for a GCS exception" (FEAT_GCS).
 * @{ */
/** ExType: 0 data check, 1 EXLOCK, 2 trapped GCSSTR/GCSSTTR. */
#define ARMVIRT_ESR_GCS_EXTYPE_SHIFT 20
#define ARMVIRT_ESR_GCS_EXTYPE_WIDTH 4 /**< Width of the field above. */
/** Raddr (ExType 2): data address register of the trapped GCSSTR/GCSSTTR. */
#define ARMVIRT_ESR_GCS_RADDR_SHIFT 10
#define ARMVIRT_ESR_GCS_RADDR_WIDTH 5 /**< Width of the field above. */
/** Rn (ExType 0: register of the checked instruction) or Rvalue (ExType 2: value register). */
#define ARMVIRT_ESR_GCS_RN_SHIFT 5
#define ARMVIRT_ESR_GCS_RN_WIDTH 5 /**< Width of the field above. */
/** IT (ExType 0): 0 RET, 1 GCSPOPM, 2 RETAA, 3 RETAB, 4 GCSSS1, 5 GCSSS2, 8 GCSPOPCX, 9 GCSPOPX. */
#define ARMVIRT_ESR_GCS_IT_SHIFT 0
#define ARMVIRT_ESR_GCS_IT_WIDTH 5 /**< Width of the field above. */
/** @} */

/** @name SError (EC 0x2F)
 * Arm ARM, ESR_EL2, "ISS encoding for an SError exception" (FEAT_RAS).
 * @{ */
/** IDS: 1 means ISS[23:0] is IMPLEMENTATION DEFINED. */
#define ARMVIRT_ESR_SERROR_IDS_SHIFT 24
#define ARMVIRT_ESR_SERROR_IDS_WIDTH 1 /**< Width of the field above. */
/** IMPLEMENTATION DEFINED syndrome (IDS 1). */
#define ARMVIRT_ESR_SERROR_IMPDEF_SHIFT 0
#define ARMVIRT_ESR_SERROR_IMPDEF_WIDTH 24 /**< Width of the field above. */
/** ELS (FEAT_RASv2): the exception was triggered by the instruction at ELR_ELx. */
#define ARMVIRT_ESR_SERROR_ELS_SHIFT 18
#define ARMVIRT_ESR_SERROR_ELS_WIDTH 1 /**< Width of the field above. */
/** WU (FEAT_RASv2): whether a store that caused the error updated the location. */
#define ARMVIRT_ESR_SERROR_WU_SHIFT 16
#define ARMVIRT_ESR_SERROR_WU_WIDTH 2 /**< Width of the field above. */
/** VFV (FEAT_RASv2): FAR_EL2 holds a valid virtual address for the error. */
#define ARMVIRT_ESR_SERROR_VFV_SHIFT 15
#define ARMVIRT_ESR_SERROR_VFV_WIDTH 1 /**< Width of the field above. */
/** PFV (FEAT_PFAR): PFAR_EL2 is valid. */
#define ARMVIRT_ESR_SERROR_PFV_SHIFT 14
#define ARMVIRT_ESR_SERROR_PFV_WIDTH 1 /**< Width of the field above. */
/** WnRV (FEAT_RASv2): WnR is valid. */
#define ARMVIRT_ESR_SERROR_WNRV_SHIFT 7
#define ARMVIRT_ESR_SERROR_WNRV_WIDTH 1 /**< Width of the field above. */
/** WnR (FEAT_RASv2, WnRV 1): a write caused the error. */
#define ARMVIRT_ESR_SERROR_WNR_SHIFT 6
#define ARMVIRT_ESR_SERROR_WNR_WIDTH 1 /**< Width of the field above. */
/** IESB: synchronized by an implicit error synchronization barrier. */
#define ARMVIRT_ESR_SERROR_IESB_SHIFT 13
#define ARMVIRT_ESR_SERROR_IESB_WIDTH 1 /**< Width of the field above. */
/** AET: asynchronous error type, 0 UC, 1 UEU, 2 UEO, 3 UER, 6 CE. */
#define ARMVIRT_ESR_SERROR_AET_SHIFT 10
#define ARMVIRT_ESR_SERROR_AET_WIDTH 3 /**< Width of the field above. */
/** EA: external abort type. */
#define ARMVIRT_ESR_SERROR_EA_SHIFT 9
#define ARMVIRT_ESR_SERROR_EA_WIDTH 1 /**< Width of the field above. */
/** DFSC: 0x00 uncategorized, 0x11 asynchronous SError. */
#define ARMVIRT_ESR_SERROR_DFSC_SHIFT 0
#define ARMVIRT_ESR_SERROR_DFSC_WIDTH 6 /**< Width of the field above. */
/** @} */

/** @name Breakpoint, vector catch, software step (EC 0x30-0x33, 0x3A)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from a Breakpoint or Vector Catch debug
 * exception" and "... from a Software Step exception".
 * @{ */
/** IFSC: 0x22, a debug exception. */
#define ARMVIRT_ESR_DBG_IFSC_SHIFT 0
#define ARMVIRT_ESR_DBG_IFSC_WIDTH 6 /**< Width of the field above. */
/** ISV: EX is valid. */
#define ARMVIRT_ESR_SSTEP_ISV_SHIFT 24
#define ARMVIRT_ESR_SSTEP_ISV_WIDTH 1 /**< Width of the field above. */
/** EX: the stepped instruction was a load-exclusive. */
#define ARMVIRT_ESR_SSTEP_EX_SHIFT 6
#define ARMVIRT_ESR_SSTEP_EX_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name Watchpoint (EC 0x34, 0x35)
 * Arm ARM, ESR_EL2, "ISS encoding for an exception from a Watchpoint exception" and its ISS2.
 * @{ */
/** WPT: number of the watchpoint that fired (FEAT_Debugv8p9, WPTV 1). */
#define ARMVIRT_ESR_WPT_WPT_SHIFT 18
#define ARMVIRT_ESR_WPT_WPT_WIDTH 6 /**< Width of the field above. */
/** WPTV: WPT is valid. */
#define ARMVIRT_ESR_WPT_WPTV_SHIFT 17
#define ARMVIRT_ESR_WPT_WPTV_WIDTH 1 /**< Width of the field above. */
/** WPF: the watchpoint might be a false positive. */
#define ARMVIRT_ESR_WPT_WPF_SHIFT 16
#define ARMVIRT_ESR_WPT_WPF_WIDTH 1 /**< Width of the field above. */
/** FnP: FAR not precise. */
#define ARMVIRT_ESR_WPT_FNP_SHIFT 15
#define ARMVIRT_ESR_WPT_FNP_WIDTH 1 /**< Width of the field above. */
/** VNCR: a VNCR_EL2-relative access (FEAT_NV2). */
#define ARMVIRT_ESR_WPT_VNCR_SHIFT 13
#define ARMVIRT_ESR_WPT_VNCR_WIDTH 1 /**< Width of the field above. */
/** FnV: FAR not valid. */
#define ARMVIRT_ESR_WPT_FNV_SHIFT 10
#define ARMVIRT_ESR_WPT_FNV_WIDTH 1 /**< Width of the field above. */
/** CM: a cache maintenance instruction. */
#define ARMVIRT_ESR_WPT_CM_SHIFT 8
#define ARMVIRT_ESR_WPT_CM_WIDTH 1 /**< Width of the field above. */
/** WnR: write (1) or read (0). */
#define ARMVIRT_ESR_WPT_WNR_SHIFT 6
#define ARMVIRT_ESR_WPT_WNR_WIDTH 1 /**< Width of the field above. */
/** DFSC: 0x22, a debug exception. */
#define ARMVIRT_ESR_WPT_DFSC_SHIFT 0
#define ARMVIRT_ESR_WPT_DFSC_WIDTH 6 /**< Width of the field above. */
/** ISS2 GCS: a Guarded Control Stack access. */
#define ARMVIRT_ESR_WPT_GCS_SHIFT 40
#define ARMVIRT_ESR_WPT_GCS_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name Profiling exception (EC 0x3D)
 * Arm ARM, ESR_EL2, "ISS encoding for a Profiling exception" (FEAT_EBEP, FEAT_SPE_EXC,
 * FEAT_TRBE_EXC).
 * @{ */
/** FSC: 0 PMU overflow, 1 profiling buffer management event, 2 trace buffer management event. */
#define ARMVIRT_ESR_PROF_FSC_SHIFT 1
#define ARMVIRT_ESR_PROF_FSC_WIDTH 5 /**< Width of the field above. */
/** SYNC: taken synchronously (FEAT_SEBEP). */
#define ARMVIRT_ESR_PROF_SYNC_SHIFT 0
#define ARMVIRT_ESR_PROF_SYNC_WIDTH 1 /**< Width of the field above. */
/** @} */

/** @name HPFAR_EL2 (and the AArch32 HPFAR)
 * Arm ARM, HPFAR_EL2: FIPA holds IPA[55:12]. Bits [47:44] need FEAT_D128 and
 * bits [43:40] FEAT_LPA; they are RES0 otherwise, so one layout serves every IPA size.
 * @{ */
/** FIPA: faulting IPA bits [55:12]. */
#define ARMVIRT_HPFAR_FIPA_SHIFT 4
#define ARMVIRT_HPFAR_FIPA_WIDTH 44 /**< Width of the field above. */
/** NS: the faulting IPA is in the Non-secure IPA space (Secure EL2 only). */
#define ARMVIRT_HPFAR_NS_SHIFT 63
#define ARMVIRT_HPFAR_NS_WIDTH 1 /**< Width of the field above. */
/** @} */

#endif /* ARMVIRT_ESR_FIELDS_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file esr.h
 * @brief Syndrome decoding: ESR_EL2 (and the AArch32 HSR), fault addresses,
 *        system-register names and a one-line text form.
 *
 * Every exception a hypervisor takes starts here. armvirt_esr_decode() turns * the 64-bit ESR_EL2
 * into a struct armvirt_esr: the exception class, IL, ISS, ISS2 and, for every class the Arm ARM
 * (DDI 0487, Armv9.x, ESR_EL2) defines, each ISS field as a named, typed member of the matching
 * union member. An EC the architecture does not allocate decodes to ::ARMVIRT_ESR_LAYOUT_RESERVED
 * with no fields, never to a guess.
 *
 * The same field layouts (esr_fields.h) drive a per-class field table
 * (armvirt_esr_fields()), which tools and the formatter walk to print every
 * field by its Arm ARM name.
 *
 * All functions here are pure: no state, no hardware access, no allocation.
 * They may be called at any exception level, concurrently, from any CPU.
 */
#ifndef ARMVIRT_ESR_H
#define ARMVIRT_ESR_H

#include <armvirt/access.h>
#include <armvirt/bits.h>
#include <armvirt/err.h>
#include <armvirt/esr_fields.h>
#include <armvirt/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Exception classes (ESR_ELx.EC), Arm ARM ESR_EL2. Values not listed are unallocated. */
enum armvirt_esr_ec {
	ARMVIRT_ESR_EC_UNKNOWN = 0x00,	   /**< Unknown reason (UNDEFINED instruction, ...). */
	ARMVIRT_ESR_EC_WFX = 0x01,	   /**< Trapped WFI, WFE, WFIT or WFET. */
	ARMVIRT_ESR_EC_CP15_32 = 0x03,	   /**< Trapped MCR/MRC, coproc 0b1111 (AArch32). */
	ARMVIRT_ESR_EC_CP15_64 = 0x04,	   /**< Trapped MCRR/MRRC, coproc 0b1111 (AArch32). */
	ARMVIRT_ESR_EC_CP14_32 = 0x05,	   /**< Trapped MCR/MRC, coproc 0b1110 (AArch32). */
	ARMVIRT_ESR_EC_CP14_LS = 0x06,	   /**< Trapped LDC/STC (AArch32). */
	ARMVIRT_ESR_EC_FP_ASIMD = 0x07,	   /**< SME, SVE, Advanced SIMD or FP access trapped. */
	ARMVIRT_ESR_EC_CP10_ID = 0x08,	   /**< Trapped VMRS of an ID register (AArch32). */
	ARMVIRT_ESR_EC_PAC = 0x09,	   /**< Trapped pointer authentication instruction. */
	ARMVIRT_ESR_EC_OTHER = 0x0a,	   /**< LD64B/ST64B*, TSB/PSB CSYNC trapped. */
	ARMVIRT_ESR_EC_CP14_64 = 0x0c,	   /**< Trapped MRRC, coproc 0b1110 (AArch32). */
	ARMVIRT_ESR_EC_BTI = 0x0d,	   /**< Branch target exception (FEAT_BTI). */
	ARMVIRT_ESR_EC_ILL = 0x0e,	   /**< Illegal Execution state. */
	ARMVIRT_ESR_EC_SVC32 = 0x11,	   /**< SVC from AArch32. */
	ARMVIRT_ESR_EC_HVC32 = 0x12,	   /**< HVC from AArch32. */
	ARMVIRT_ESR_EC_SMC32 = 0x13,	   /**< SMC from AArch32. */
	ARMVIRT_ESR_EC_SYS128 = 0x14,	   /**< Trapped MSRR, MRRS or SYSP (FEAT_SYSREG128). */
	ARMVIRT_ESR_EC_SVC64 = 0x15,	   /**< SVC from AArch64. */
	ARMVIRT_ESR_EC_HVC64 = 0x16,	   /**< HVC from AArch64. */
	ARMVIRT_ESR_EC_SMC64 = 0x17,	   /**< SMC from AArch64. */
	ARMVIRT_ESR_EC_SYS64 = 0x18,	   /**< Trapped MSR, MRS or system instruction. */
	ARMVIRT_ESR_EC_SVE = 0x19,	   /**< SVE access trapped. */
	ARMVIRT_ESR_EC_ERET = 0x1a,	   /**< Trapped ERET/ERETAA/ERETAB (nested virt.). */
	ARMVIRT_ESR_EC_TSTART = 0x1b,	   /**< TSTART not permitted (FEAT_TME, since withdrawn). */
	ARMVIRT_ESR_EC_FPAC = 0x1c,	   /**< Pointer authentication failure (FEAT_FPAC). */
	ARMVIRT_ESR_EC_SME = 0x1d,	   /**< SME access trapped or illegal. */
	ARMVIRT_ESR_EC_IMP_DEF = 0x1f,	   /**< IMPLEMENTATION DEFINED, to EL3 (ESR_EL3 only). */
	ARMVIRT_ESR_EC_IABT_LOW = 0x20,	   /**< Instruction abort from a lower EL. */
	ARMVIRT_ESR_EC_IABT_CUR = 0x21,	   /**< Instruction abort, same EL. */
	ARMVIRT_ESR_EC_PC_ALIGN = 0x22,	   /**< PC alignment fault. */
	ARMVIRT_ESR_EC_DABT_LOW = 0x24,	   /**< Data abort from a lower EL. */
	ARMVIRT_ESR_EC_DABT_CUR = 0x25,	   /**< Data abort, same EL. */
	ARMVIRT_ESR_EC_SP_ALIGN = 0x26,	   /**< SP alignment fault. */
	ARMVIRT_ESR_EC_MOPS = 0x27,	   /**< Memory copy/set exception (FEAT_MOPS). */
	ARMVIRT_ESR_EC_FP_EXC32 = 0x28,	   /**< Trapped FP exception from AArch32. */
	ARMVIRT_ESR_EC_FP_EXC64 = 0x2c,	   /**< Trapped FP exception from AArch64. */
	ARMVIRT_ESR_EC_GCS = 0x2d,	   /**< Guarded Control Stack exception (FEAT_GCS). */
	ARMVIRT_ESR_EC_SERROR = 0x2f,	   /**< SError exception. */
	ARMVIRT_ESR_EC_BREAKPT_LOW = 0x30, /**< Breakpoint from a lower EL. */
	ARMVIRT_ESR_EC_BREAKPT_CUR = 0x31, /**< Breakpoint, same EL. */
	ARMVIRT_ESR_EC_SOFTSTP_LOW = 0x32, /**< Software step from a lower EL. */
	ARMVIRT_ESR_EC_SOFTSTP_CUR = 0x33, /**< Software step, same EL. */
	ARMVIRT_ESR_EC_WATCHPT_LOW = 0x34, /**< Watchpoint from a lower EL. */
	ARMVIRT_ESR_EC_WATCHPT_CUR = 0x35, /**< Watchpoint, same EL. */
	ARMVIRT_ESR_EC_BKPT32 = 0x38,	   /**< BKPT from AArch32. */
	ARMVIRT_ESR_EC_VECTOR_CATCH = 0x3a, /**< Vector catch (AArch32). */
	ARMVIRT_ESR_EC_BRK64 = 0x3c,	    /**< BRK from AArch64. */
	ARMVIRT_ESR_EC_PROFILING = 0x3d, /**< Profiling exception (FEAT_EBEP, SPE_EXC, TRBE_EXC). */
};

/**
 * ISS layouts: which union member of struct armvirt_esr holds the fields.
 * Several classes share a layout (for example every data abort).
 */
enum armvirt_esr_layout {
	ARMVIRT_ESR_LAYOUT_RESERVED, /**< Unallocated EC: no fields, nothing decoded. */
	ARMVIRT_ESR_LAYOUT_NONE,    /**< Allocated, ISS is RES0 (PAC, SVE, PC/SP alignment, ...). */
	ARMVIRT_ESR_LAYOUT_WFX,	    /**< armvirt_esr::wfx */
	ARMVIRT_ESR_LAYOUT_CP,	    /**< armvirt_esr::cp (MCR/MRC, VMRS) */
	ARMVIRT_ESR_LAYOUT_CP64,    /**< armvirt_esr::cp64 (MCRR/MRRC) */
	ARMVIRT_ESR_LAYOUT_LDC,	    /**< armvirt_esr::ldc */
	ARMVIRT_ESR_LAYOUT_COND,    /**< armvirt_esr::cond (FP/SIMD access: CV and COND only) */
	ARMVIRT_ESR_LAYOUT_OTHER,   /**< armvirt_esr::other */
	ARMVIRT_ESR_LAYOUT_BTI,	    /**< armvirt_esr::bti */
	ARMVIRT_ESR_LAYOUT_IMM16,   /**< armvirt_esr::imm (SVC, HVC, SMC64, BRK, BKPT) */
	ARMVIRT_ESR_LAYOUT_SMC32,   /**< armvirt_esr::smc32 */
	ARMVIRT_ESR_LAYOUT_SYS,	    /**< armvirt_esr::sys (MSR/MRS/SYS) */
	ARMVIRT_ESR_LAYOUT_SYS128,  /**< armvirt_esr::sys (MSRR/MRRS/SYSP) */
	ARMVIRT_ESR_LAYOUT_ERET,    /**< armvirt_esr::eret */
	ARMVIRT_ESR_LAYOUT_TSTART,  /**< armvirt_esr::tstart */
	ARMVIRT_ESR_LAYOUT_FPAC,    /**< armvirt_esr::fpac */
	ARMVIRT_ESR_LAYOUT_SME,	    /**< armvirt_esr::sme */
	ARMVIRT_ESR_LAYOUT_IMPDEF,  /**< armvirt_esr::impdef */
	ARMVIRT_ESR_LAYOUT_IABT,    /**< armvirt_esr::iabt */
	ARMVIRT_ESR_LAYOUT_DABT,    /**< armvirt_esr::dabt */
	ARMVIRT_ESR_LAYOUT_MOPS,    /**< armvirt_esr::mops */
	ARMVIRT_ESR_LAYOUT_FPEXC,   /**< armvirt_esr::fpexc */
	ARMVIRT_ESR_LAYOUT_GCS,	    /**< armvirt_esr::gcs */
	ARMVIRT_ESR_LAYOUT_SERROR,  /**< armvirt_esr::serror */
	ARMVIRT_ESR_LAYOUT_BREAKPT, /**< armvirt_esr::dbg (breakpoint, vector catch) */
	ARMVIRT_ESR_LAYOUT_SOFTSTP,
	/**< armvirt_esr::dbg (software step) */ ARMVIRT_ESR_LAYOUT_WATCHPT, /**< armvirt_esr::wpt
									      */
	ARMVIRT_ESR_LAYOUT_PROFILING, /**< armvirt_esr::prof */
	ARMVIRT_ESR_LAYOUT_COUNT_,    /**< Number of layouts; not a layout. */
};

/** What a fault status code (DFSC/IFSC) reports. Arm ARM, ESR_EL2 DFSC and HSR DFSC tables. */
enum armvirt_esr_fsc_type {
	ARMVIRT_ESR_FSC_ADDR_SIZE,   /**< Address size fault (levels -2..3). */
	ARMVIRT_ESR_FSC_TRANSLATION, /**< Translation fault (levels -2..3). */
	ARMVIRT_ESR_FSC_ACCESS_FLAG, /**< Access flag fault (levels 0..3). */
	ARMVIRT_ESR_FSC_PERMISSION,  /**< Permission fault (levels 0..3). */
	ARMVIRT_ESR_FSC_SEA,	     /**< Synchronous external abort, not on a table walk. */
	ARMVIRT_ESR_FSC_TAG_CHECK,   /**< Synchronous Tag Check Fault (FEAT_MTE2). */
	ARMVIRT_ESR_FSC_SEA_TTW, /**< Synchronous external abort on a table walk (levels -2..3). */
	ARMVIRT_ESR_FSC_PARITY,	 /**< Synchronous parity/ECC error, not on a table walk. */
	ARMVIRT_ESR_FSC_PARITY_TTW,   /**< Synchronous parity/ECC error on a table walk (-1..3). */
	ARMVIRT_ESR_FSC_ALIGNMENT,    /**< Alignment fault. */
	ARMVIRT_ESR_FSC_GPF_TTW,      /**< Granule protection fault on a table walk (-2..3). */
	ARMVIRT_ESR_FSC_GPF,	      /**< Granule protection fault, not on a table walk. */
	ARMVIRT_ESR_FSC_TLB_CONFLICT, /**< TLB conflict abort. */
	ARMVIRT_ESR_FSC_ATOMIC_HW_UPDATE, /**< Unsupported atomic hardware update (FEAT_HAFDBS). */
	ARMVIRT_ESR_FSC_IMPDEF_LOCKDOWN,  /**< IMPLEMENTATION DEFINED fault (Lockdown). */
	ARMVIRT_ESR_FSC_IMPDEF_ATOMIC,
	/**< IMPLEMENTATION DEFINED (unsupported exclusive/atomic).
	 */
	ARMVIRT_ESR_FSC_ASYNC_EXTERNAL,
	/**< HSR only: asynchronous SError exception. */
	ARMVIRT_ESR_FSC_ASYNC_PARITY, /**< HSR only: asynchronous SError from a parity/ECC error. */
	ARMVIRT_ESR_FSC_DEBUG,	      /**< HSR only: debug exception routed as an abort. */
	ARMVIRT_ESR_FSC_RESERVED,     /**< Not an allocated code. */
};

/** ::armvirt_esr_fsc level when the code has no translation level. */
#define ARMVIRT_ESR_FSC_NO_LEVEL (-128)

/** A decoded fault status code. */
struct armvirt_esr_fsc {
	uint8_t type; /**< ::armvirt_esr_fsc_type */
	int8_t level; /**< Translation level (-2..3) or ::ARMVIRT_ESR_FSC_NO_LEVEL. */
};

/** WFx trap (EC 0x01). In an HSR only CV, COND and a one-bit @c ti exist. */
struct armvirt_esr_wfx {
	bool cv;      /**< CV: @c cond is valid (AArch32). */
	uint8_t cond; /**< COND. */
	uint8_t ti;   /**< TI: 0 WFI, 1 WFE, 2 WFIT, 3 WFET. */
	bool rv;      /**< RV: @c rn is valid (WFIT/WFET only). */
	uint8_t rn;   /**< Rn: register holding the WFIT/WFET timeout. */
};

/** MCR/MRC (EC 0x03, 0x05) and VMRS (EC 0x08). */
struct armvirt_esr_cp {
	bool cv;	/**< CV. */
	uint8_t cond;	/**< COND. */
	uint8_t coproc; /**< 15, 14 or 10, implied by the EC. */
	uint8_t opc1;	/**< Opc1. */
	uint8_t crn;	/**< CRn (VMRS: the FP register, e.g. 7 for MVFR0). */
	uint8_t crm;	/**< CRm. */
	uint8_t opc2;	/**< Opc2. */
	uint8_t rt;	/**< Rt: AArch64 view of the register number (HSR: R0-R15). */
	bool read;	/**< Direction: true for MRC/VMRS (register read). */
};

/** MCRR/MRRC (EC 0x04, 0x0C). */
struct armvirt_esr_cp64 {
	bool cv;	/**< CV. */
	uint8_t cond;	/**< COND. */
	uint8_t coproc; /**< 15 or 14, implied by the EC. */
	uint8_t opc1;	/**< Opc1. */
	uint8_t crm;	/**< CRm. */
	uint8_t rt;	/**< Rt (low word). */
	uint8_t rt2;	/**< Rt2 (high word). */
	bool read;	/**< Direction: true for MRRC. */
};

/** LDC/STC (EC 0x06). */
struct armvirt_esr_ldc {
	bool cv;      /**< CV. */
	uint8_t cond; /**< COND. */
	uint8_t imm8; /**< imm8, in words. */
	uint8_t rn;   /**< Rn. */
	bool add;     /**< Offset: true to add @c imm8, false to subtract. */
	uint8_t am;   /**< AM: addressing mode. */
	bool read;    /**< Direction: true for LDC. */
};

/** SME/SVE/SIMD/FP access trap (EC 0x07): the AArch32 condition; an HSR adds TA and coproc. */
struct armvirt_esr_cond {
	bool cv;	/**< CV. */
	uint8_t cond;	/**< COND. */
	bool ta;	/**< HSR only: TA, trapped Advanced SIMD use. */
	uint8_t coproc; /**< HSR only: coproc (0b1010 when @c ta). */
};

/** Instruction not covered by another class (EC 0x0A). */
struct armvirt_esr_other {
	uint32_t type; /**< 0 ST64BV, 1 ST64BV0, 2 LD64B/ST64B, 3 TSB CSYNC, 4 PSB CSYNC. */
};

/** Branch target exception (EC 0x0D). */
struct armvirt_esr_bti {
	uint8_t btype; /**< BTYPE. */
};

/** SVC/HVC/SMC64 immediate, or BRK/BKPT comment. */
struct armvirt_esr_imm {
	uint16_t imm16; /**< imm16 or Comment. */
};

/** SMC from AArch32 (EC 0x13). */
struct armvirt_esr_smc32 {
	bool cv;	  /**< CV. */
	uint8_t cond;	  /**< COND. */
	bool ccknownpass; /**< CCKNOWNPASS: conditional, might have failed its check (CV, COND
			     valid). */
};

/** MSR/MRS/SYS (EC 0x18) and MSRR/MRRS/SYSP (EC 0x14). */
struct armvirt_esr_sys {
	uint8_t op0;  /**< Op0. */
	uint8_t op1;  /**< Op1. */
	uint8_t crn;  /**< CRn. */
	uint8_t crm;  /**< CRm. */
	uint8_t op2;  /**< Op2. */
	uint8_t rt;   /**< Rt; for EC 0x14 the first (even) register of the pair. */
	bool read;    /**< Direction: true for MRS/MRRS/SYSL. */
	uint32_t enc; /**< ARMVIRT_SYSREG_ENC(op0, op1, crn, crm, op2). */
};

/** Trapped ERET (EC 0x1A). */
struct armvirt_esr_eret {
	bool eret;  /**< ERET: true for ERETAA/ERETAB, false for ERET. */
	bool ereta; /**< ERETA: with @c eret, true for ERETAB (key B). */
};

/** TSTART (EC 0x1B). */
struct armvirt_esr_tstart {
	uint8_t rd; /**< Rd. */
};

/** Pointer authentication failure (EC 0x1C). */
struct armvirt_esr_fpac {
	bool dni; /**< DnI: a data key (else an instruction key). */
	bool bna; /**< BnA: a B key (else an A key). */
};

/** SME trap (EC 0x1D). */
struct armvirt_esr_sme {
	uint8_t smtc; /**< SMTC. */
};

/** IMPLEMENTATION DEFINED syndrome (EC 0x1F). */
struct armvirt_esr_impdef {
	uint32_t iss; /**< The IMPLEMENTATION DEFINED ISS. */
};

/** Instruction abort (EC 0x20, 0x21). An HSR has only @c fnv, @c ea, @c s1ptw and @c ifsc. */
struct armvirt_esr_iabt {
	bool toplevel;		    /**< TopLevel (FEAT_THE). */
	bool pfv;		    /**< PFV: PFAR_EL2 valid (external aborts, FEAT_PFAR). */
	uint8_t set;		    /**< SET (IFSC 0x10 with FEAT_RAS): 0 UER, 2 UC, 3 UEO. */
	bool fnv;		    /**< FnV (IFSC 0x10 only): FAR is not valid. */
	bool ea;		    /**< EA. */
	bool s1ptw;		    /**< S1PTW. */
	uint8_t ifsc;		    /**< IFSC. */
	struct armvirt_esr_fsc fsc; /**< IFSC decoded. */
	bool dirtybit;		    /**< ISS2 DirtyBit. */
	bool overlay;		    /**< ISS2 Overlay. */
	bool assuredonly;	    /**< ISS2 AssuredOnly. */
	bool hdbssf;		    /**< ISS2 HDBSSF. */
};

/**
 * Data abort (EC 0x24, 0x25). @c sas, @c sse, @c srt, @c sf and @c ar hold
 * only when @c isv is set, and @c toplevel, @c wu, @c fnp and @c pfv (which
 * share their bits) only when it is clear. @c set and @c wu apply to
 * synchronous external aborts (DFSC 0x10, 0x12-0x17), @c lst to translation,
 * access flag and permission faults, @c fnv to DFSC 0x10 only. An HSR has a
 * 4-bit SRT, @c ar, @c aet (DFSC 0x11) and @c fnv, and no other ISS or ISS2 fields.
 */
struct armvirt_esr_dabt {
	bool isv;      /**< ISV: bits 23:14 hold a valid instruction syndrome. */
	uint8_t sas;   /**< SAS: log2 of the access size in bytes. */
	bool sse;      /**< SSE: sign-extend the loaded value. */
	uint8_t srt;   /**< SRT: transfer register. */
	bool sf;       /**< SF: 64-bit register. */
	bool ar;       /**< AR: acquire/release. */
	bool toplevel; /**< TopLevel (ISV 0, FEAT_THE). */
	uint8_t wu;    /**< WU (ISV 0, FEAT_RASv2): 2 store did not update, 3 updated. */
	bool fnp;      /**< FnP (ISV 0): FAR not precise. */
	bool pfv;      /**< PFV (ISV 0, FEAT_PFAR): PFAR_EL2 valid. */
	bool vncr;     /**< VNCR: fault on a VNCR_EL2-relative access. */
	uint8_t set;   /**< SET: synchronous error type, 0 UER, 2 UC, 3 UEO. */
	uint8_t aet;   /**< HSR only: AET of an asynchronous abort (DFSC 0x11). */
	uint8_t lst;   /**< LST: LD64B/ST64B* load/store type. */
	bool fnv;      /**< FnV: FAR not valid. */
	bool ea;       /**< EA. */
	bool cm;       /**< CM: cache maintenance. */
	bool s1ptw;    /**< S1PTW. */
	bool wnr;      /**< WnR: write. */
	uint8_t dfsc;  /**< DFSC. */
	struct armvirt_esr_fsc fsc; /**< DFSC decoded. */
	uint8_t xs;		    /**< ISS2 Xs. */
	bool dirtybit;		    /**< ISS2 DirtyBit. */
	bool overlay;		    /**< ISS2 Overlay. */
	bool assuredonly;	    /**< ISS2 AssuredOnly. */
	bool gcs;		    /**< ISS2 GCS. */
	bool tagaccess;		    /**< ISS2 TagAccess. */
	bool tnd;		    /**< ISS2 TnD. */
	bool hdbssf;		    /**< ISS2 HDBSSF. */
};

/** Memory copy/set exception (EC 0x27). */
struct armvirt_esr_mops {
	bool meminst;	      /**< MemInst: SET* (else CPY*). */
	bool issetg;	      /**< isSETG. */
	uint8_t options;      /**< Options. */
	bool fromepilogue;    /**< FromEpilogue. */
	uint8_t formatoption; /**< FormatOption: 1 or 2 option A, 0 or 3 option B. */
	uint8_t destreg;      /**< destreg. */
	uint8_t srcreg;	      /**< srcreg. */
	uint8_t sizereg;      /**< sizereg. */
};

/** Trapped floating-point exception (EC 0x28, 0x2C). */
struct armvirt_esr_fpexc {
	bool tfv;	/**< TFV: the flags are valid. */
	uint8_t vecitr; /**< VECITR (AArch32). */
	bool idf;	/**< IDF: Input Denormal. */
	bool ixf;	/**< IXF: Inexact. */
	bool uff;	/**< UFF: Underflow. */
	bool off;	/**< OFF: Overflow. */
	bool dzf;	/**< DZF: Divide by Zero. */
	bool iof;	/**< IOF: Invalid Operation. */
};

/** GCS exception (EC 0x2D). */
struct armvirt_esr_gcs {
	uint8_t extype; /**< ExType. */
	uint8_t raddr;	/**< Raddr (ExType 2). */
	uint8_t rn;	/**< Rn (ExType 0) or Rvalue (ExType 2): ISS[9:5]. */
	uint8_t it;	/**< IT (ExType 0). */
};

/**
 * SError (EC 0x2F). With @c ids set only @c impdef holds; otherwise the fields
 * other than @c dfsc hold only for DFSC 0x11 (asynchronous SError, FEAT_RAS).
 */
struct armvirt_esr_serror {
	bool ids;	 /**< IDS: IMPLEMENTATION DEFINED syndrome. */
	uint32_t impdef; /**< ISS[23:0] when @c ids. */
	bool els;	 /**< ELS (FEAT_RASv2): triggered by the instruction at ELR_ELx. */
	uint8_t wu;	 /**< WU (FEAT_RASv2): 2 store did not update, 3 updated. */
	bool vfv;	 /**< VFV (FEAT_RASv2): FAR_EL2 is valid. */
	bool pfv;	 /**< PFV (FEAT_PFAR): PFAR_EL2 is valid. */
	bool iesb;	 /**< IESB. */
	uint8_t aet;	 /**< AET: 0 UC, 1 UEU, 2 UEO, 3 UER, 6 CE. */
	bool ea;	 /**< EA. */
	bool wnrv;	 /**< WnRV (FEAT_RASv2): @c wnr is valid. */
	bool wnr;	 /**< WnR: a write (meaningful when @c wnrv). */
	uint8_t dfsc;	 /**< DFSC: 0x00 uncategorized, 0x11 asynchronous SError. */
};

/** Breakpoint, vector catch and software step (EC 0x30-0x33, 0x3A). */
struct armvirt_esr_dbg {
	uint8_t ifsc; /**< IFSC (0x22, debug exception). */
	bool isv;     /**< Software step only: ISV, @c ex is valid. */
	bool ex;      /**< Software step only: EX, a load-exclusive was stepped. */
};

/** Watchpoint (EC 0x34, 0x35). */
struct armvirt_esr_wpt {
	uint8_t wpt;  /**< WPT: the watchpoint number. */
	bool wptv;    /**< WPTV: @c wpt is valid. */
	bool wpf;     /**< WPF: possibly a false positive. */
	bool fnp;     /**< FnP: FAR not precise. */
	bool vncr;    /**< VNCR. */
	bool fnv;     /**< FnV: FAR not valid. */
	bool cm;      /**< CM. */
	bool wnr;     /**< WnR. */
	uint8_t dfsc; /**< DFSC (0x22). */
	bool gcs;     /**< ISS2 GCS. */
};

/** Profiling exception (EC 0x3D). */
struct armvirt_esr_prof {
	uint8_t fsc; /**< FSC: 0 PMU overflow, 1 SPE buffer event, 2 trace buffer event. */
	bool sync;   /**< SYNC: taken synchronously (FEAT_SEBEP). */
};

/** A decoded syndrome. Filled by armvirt_esr_decode() or armvirt_esr_decode_hsr(). */
struct armvirt_esr {
	uint64_t raw;	/**< The value decoded (ESR_EL2, or HSR zero-extended). */
	uint32_t iss;	/**< ISS, bits [24:0]. */
	uint32_t iss2;	/**< ISS2, bits [55:32] (always 0 for an HSR). */
	uint64_t res0;	/**< Bits set where this class defines no field (should be 0). */
	uint8_t ec;	/**< EC (::armvirt_esr_ec). */
	uint8_t layout; /**< ::armvirt_esr_layout: which union member is valid. */
	bool il;	/**< IL: 32-bit instruction (false: 16-bit T32). */
	bool hsr;	/**< Decoded as an AArch32 HSR. */
	/** The ISS fields; the member named by @c layout is valid, the others are zero. */
	union {
		struct armvirt_esr_wfx wfx;	/**< ::ARMVIRT_ESR_LAYOUT_WFX */
		struct armvirt_esr_cp cp;	/**< ::ARMVIRT_ESR_LAYOUT_CP */
		struct armvirt_esr_cp64 cp64;	/**< ::ARMVIRT_ESR_LAYOUT_CP64 */
		struct armvirt_esr_ldc ldc;	/**< ::ARMVIRT_ESR_LAYOUT_LDC */
		struct armvirt_esr_cond cond;	/**< ::ARMVIRT_ESR_LAYOUT_COND */
		struct armvirt_esr_other other; /**< ::ARMVIRT_ESR_LAYOUT_OTHER */
		struct armvirt_esr_bti bti;	/**< ::ARMVIRT_ESR_LAYOUT_BTI */
		struct armvirt_esr_imm imm;	/**< ::ARMVIRT_ESR_LAYOUT_IMM16 */
		struct armvirt_esr_smc32 smc32; /**< ::ARMVIRT_ESR_LAYOUT_SMC32 */
		struct armvirt_esr_sys
			sys; /**< ::ARMVIRT_ESR_LAYOUT_SYS, ::ARMVIRT_ESR_LAYOUT_SYS128 */
		struct armvirt_esr_eret eret;	  /**< ::ARMVIRT_ESR_LAYOUT_ERET */
		struct armvirt_esr_tstart tstart; /**< ::ARMVIRT_ESR_LAYOUT_TSTART */
		struct armvirt_esr_fpac fpac;	  /**< ::ARMVIRT_ESR_LAYOUT_FPAC */
		struct armvirt_esr_sme sme;	  /**< ::ARMVIRT_ESR_LAYOUT_SME */
		struct armvirt_esr_impdef impdef; /**< ::ARMVIRT_ESR_LAYOUT_IMPDEF */
		struct armvirt_esr_iabt iabt;	  /**< ::ARMVIRT_ESR_LAYOUT_IABT */
		struct armvirt_esr_dabt dabt;	  /**< ::ARMVIRT_ESR_LAYOUT_DABT */
		struct armvirt_esr_mops mops;	  /**< ::ARMVIRT_ESR_LAYOUT_MOPS */
		struct armvirt_esr_fpexc fpexc;	  /**< ::ARMVIRT_ESR_LAYOUT_FPEXC */
		struct armvirt_esr_gcs gcs;	  /**< ::ARMVIRT_ESR_LAYOUT_GCS */
		struct armvirt_esr_serror serror; /**< ::ARMVIRT_ESR_LAYOUT_SERROR */
		struct armvirt_esr_dbg
			dbg; /**< ::ARMVIRT_ESR_LAYOUT_BREAKPT, ::ARMVIRT_ESR_LAYOUT_SOFTSTP */
		struct armvirt_esr_wpt wpt;   /**< ::ARMVIRT_ESR_LAYOUT_WATCHPT */
		struct armvirt_esr_prof prof; /**< ::ARMVIRT_ESR_LAYOUT_PROFILING */
	} u;
};

/**
 * @brief Decode a 64-bit ESR_EL2 (or ESR_EL1/ESR_EL3: the layouts agree).
 * @param esr the register value; bits [63:56] are RES0 and reported in @c res0
 * @param[out] out the decoded syndrome; every member is written
 * @return 0, or ::ARMVIRT_EINVAL if @p out is NULL. An unallocated EC is not
 *         an error: it decodes to ::ARMVIRT_ESR_LAYOUT_RESERVED.
 */
int armvirt_esr_decode(uint64_t esr, struct armvirt_esr *out);

/**
 * @brief Decode an AArch32 HSR (Hyp Syndrome Register).
 * * HSR is architecturally mapped to ESR_EL2[31:0] and they agree on EC, IL and
 * the shape of the ISS layouts (Arm ARM, HSR). The differences: HSR allocates
 * only ECs 0x00, 0x01, 0x03-0x08, 0x0C, 0x0E, 0x11-0x13, 0x20-0x22, 0x24 and
 * 0x25 (others decode as reserved); register fields (Rt, Rt2, Rn, SRT) are
 * four bits; WFx has a one-bit TI; EC 0x07 reports TA and coproc; data
 * aborts have AR but no SF, VNCR, SET, LST or ISS2, and report AET in bits
 * 11:10 for an asynchronous abort (DFSC 0x11); fault status codes follow the
 * AArch32 long-descriptor table (levels 1-3, plus asynchronous aborts and
 * debug exceptions).
 * @param hsr the register value
 * @param[out] out the decoded syndrome (@c hsr set)
 * @return 0, or ::ARMVIRT_EINVAL if @p out is NULL.
 */
int armvirt_esr_decode_hsr(uint32_t hsr, struct armvirt_esr *out);

/**
 * @brief Short name of an exception class, e.g. "DABT_LOW", or "RESERVED".
 * @param ec the EC (only the low 6 bits are used)
 * @param hsr true to name it as an HSR EC (unallocated ones are "RESERVED")
 * @return a static string, never NULL.
 */
const char *armvirt_esr_ec_name(unsigned ec, bool hsr);

/**
 * @brief One-sentence description of an exception class.
 * @param ec the EC (only the low 6 bits are used)
 * @param hsr true for the HSR's EC table
 * @return a static string, never NULL ("Reserved exception class" if unallocated).
 */
const char *armvirt_esr_ec_desc(unsigned ec, bool hsr);

/**
 * @brief Decode a DFSC/IFSC of ESR_ELx (AArch64 table, including FEAT_LPA2 and
 *        FEAT_D128 levels -1 and -2).
 * @param fsc the 6-bit code (higher bits are ignored)
 * @return the type and level; ::ARMVIRT_ESR_FSC_RESERVED for unallocated codes.
 */
struct armvirt_esr_fsc armvirt_esr_fsc_decode(unsigned fsc);

/**
 * @brief Decode an HSR DFSC/IFSC (AArch32 long-descriptor table).
 * @param fsc the 6-bit code
 * @return the type and level (1..3 for leveled codes).
 */
struct armvirt_esr_fsc armvirt_esr_fsc_decode_hsr(unsigned fsc);

/**
 * @brief Text for a fault status type, e.g. "translation fault".
 * @param type an ::armvirt_esr_fsc_type
 * @return a static string, never NULL.
 */
const char *armvirt_esr_fsc_type_name(unsigned type);

/** @name Field table
 * Every field of every class as (name, position), for printers and tools.
 * @{ */

/** When a field holds meaning; fields are listed always, printed when present. */
enum armvirt_esr_when {
	ARMVIRT_ESR_WHEN_ALWAYS,      /**< Always. */
	ARMVIRT_ESR_WHEN_ISV,	      /**< Data abort with ISV set. */
	ARMVIRT_ESR_WHEN_NOT_ISV,     /**< Data abort with ISV clear. */
	ARMVIRT_ESR_WHEN_SEA,	      /**< FSC 0x10, or (data abort) 0x12-0x17: external abort. */
	ARMVIRT_ESR_WHEN_SEA_NOT_ISV, /**< Data abort, ISV clear, external abort FSC. */
	ARMVIRT_ESR_WHEN_FSC_0X10,    /**< Abort with FSC 0x10 (FnV). */
	ARMVIRT_ESR_WHEN_LST,	  /**< Data abort: translation, access flag or permission fault. */
	ARMVIRT_ESR_WHEN_ASYNC,	  /**< HSR data abort with DFSC 0x11 (AET). */
	ARMVIRT_ESR_WHEN_IDS,	  /**< SError with IDS set. */
	ARMVIRT_ESR_WHEN_NOT_IDS, /**< SError with IDS clear. */
	ARMVIRT_ESR_WHEN_SERROR_RAS,  /**< SError with IDS clear and DFSC 0x11. */
	ARMVIRT_ESR_WHEN_SSTEP_ISV,   /**< Software step with ISV set. */
	ARMVIRT_ESR_WHEN_WPTV,	      /**< Watchpoint with WPTV set. */
	ARMVIRT_ESR_WHEN_WFXT,	      /**< WFIT or WFET (TI bit 1 set). */
	ARMVIRT_ESR_WHEN_RV,	      /**< WFx with RV set. */
	ARMVIRT_ESR_WHEN_CCKNOWNPASS, /**< AArch32 SMC with CCKNOWNPASS set. */
	ARMVIRT_ESR_WHEN_ERETA,	      /**< Trapped ERETAA/ERETAB (ERET bit set). */
	ARMVIRT_ESR_WHEN_LDC_IMM,     /**< LDC/STC immediate form (AM bit 2 clear). */
	ARMVIRT_ESR_WHEN_GCS_CHECK,   /**< GCS data check exception (ExType 0). */
	ARMVIRT_ESR_WHEN_GCS_STR,     /**< Trapped GCSSTR/GCSSTTR (ExType 2). */
	ARMVIRT_ESR_WHEN_HSR_TA,      /**< HSR FP/SIMD trap with TA set. */
};

/** One field of an ISS layout. */
struct armvirt_esr_field {
	const char *name; /**< The Arm ARM name in lower case ("srt", "op0", "direction"). */
	uint8_t shift;	  /**< Lowest bit, in the 64-bit ESR (ISS2 fields at 32 and up). */
	uint8_t width;	  /**< Width in bits. */
	uint8_t when;	  /**< ::armvirt_esr_when */
};

/**
 * @brief The fields of a decoded syndrome's layout.
 * @param e a decoded syndrome
 * @param[out] fields set to the first of the returned number of fields
 * @return the number of fields (0 for reserved or RES0 layouts), or
 *         ::ARMVIRT_EINVAL if an argument is NULL.
 */
int armvirt_esr_fields(const struct armvirt_esr *e, const struct armvirt_esr_field **fields);

/**
 * @brief Whether field @p f holds meaning in @p e (its ::armvirt_esr_when holds).
 * @param e a decoded syndrome
 * @param f one of the fields armvirt_esr_fields() returned for @p e
 * @return true if the field is meaningful.
 */
bool armvirt_esr_field_present(const struct armvirt_esr *e, const struct armvirt_esr_field *f);

/** @brief The value of field @p f in @p e (the raw bits, right-aligned). */
static inline uint64_t armvirt_esr_field_value(const struct armvirt_esr *e,
					       const struct armvirt_esr_field *f)
{
	return armvirt_field_get(e->raw, f->shift, f->width);
}
/** @} */

/** @name System-register names
 * One table of the registers (and system instructions) a hypervisor sees
 * trapped, keyed by ARMVIRT_SYSREG_ENC(); and the AArch32 CP15/CP14/CP10 names.
 * @{ */

/**
 * @brief The architectural name of an AArch64 system register or instruction.
 * @param enc ARMVIRT_SYSREG_ENC(op0, op1, CRn, CRm, op2)
 * @return e.g. "CNTV_CTL_EL0" or "DC ISW"; the read name where reads and
 *         writes differ (DBGDTRRX_EL0); NULL if the table has no name.
 */
const char *armvirt_esr_sysreg_name(uint32_t enc);

/**
 * @brief Like armvirt_esr_sysreg_name(), with the name a write uses where it
 *        differs from a read (DBGDTRTX_EL0, ICC_EOIR* vs ...).
 * @param enc the encoding
 * @param is_write true for MSR
 * @return the name or NULL.
 */
const char *armvirt_esr_sysreg_name_dir(uint32_t enc, bool is_write);

/**
 * @brief Iterate the system-register table (for tools and cross-checks).
 * @param i index from 0
 * @param[out] enc the i-th encoding
 * @param[out] name its name
 * @return 0, or ::ARMVIRT_ENOENT when @p i is past the end, ::ARMVIRT_EINVAL
 *         for NULL pointers.
 */
int armvirt_esr_sysreg_at(size_t i, uint32_t *enc, const char **name);

/**
 * @brief Name of an AArch32 register accessed by MCR/MRC (or VMRS, coproc 10).
 * @param coproc 15, 14 or 10
 * @param opc1 Opc1
 * @param crn CRn
 * @param crm CRm
 * @param opc2 Opc2
 * @return e.g. "SCTLR", "DBGDSCRint", "MVFR0"; NULL if unknown.
 */
const char *armvirt_esr_cp_name(unsigned coproc, unsigned opc1, unsigned crn, unsigned crm,
				unsigned opc2);

/**
 * @brief Name of an AArch32 64-bit register accessed by MCRR/MRRC.
 * @param coproc 15 or 14
 * @param opc1 Opc1
 * @param crm CRm
 * @return e.g. "CNTVCT", "TTBR0"; NULL if unknown.
 */
const char *armvirt_esr_cp64_name(unsigned coproc, unsigned opc1, unsigned crm);

/**
 * @brief Name of the register (or instruction) a decoded trap accesses:
 *        EC 0x18/0x14 through the AArch64 table, EC 0x03/0x05/0x08/0x04/0x0C
 *        through the AArch32 ones.
 * @param e a decoded syndrome
 * @return the name, or NULL for other classes and unnamed encodings.
 */
const char *armvirt_esr_trap_name(const struct armvirt_esr *e);

/**
 * @brief The access record lib/vtimer and lib/vgic consume, from an MSR/MRS trap.
 * @param e a decoded syndrome of EC 0x18 (::ARMVIRT_ESR_LAYOUT_SYS)
 * @param[out] out enc, rt and is_write filled; data set to 0 (the caller puts
 *             the guest's Rt value there for a write)
 * @return 0; ::ARMVIRT_EINVAL for NULL arguments or another class (then
 *         @p out is not written).
 */
int armvirt_esr_sysreg_access(const struct armvirt_esr *e, struct armvirt_sysreg_access *out);
/** @} */

/** @name Fault address
 * @{ */

/**
 * @brief Whether HPFAR_EL2 holds the faulting IPA for this syndrome.
 *
 * The Arm ARM (HPFAR_EL2) writes HPFAR_EL2 for an instruction or data abort
 * taken to EL2 on a stage-2 translation fault, access flag fault or address
 * size fault, and, when the fault is on the stage-2 translation of a stage-1
 * table walk (S1PTW = 1), also for a permission fault. For every other
 * abort it is UNKNOWN: a stage-2 permission fault not on a walk, external
 * aborts and parity errors (even on a walk), alignment faults, and every
 * abort from the same EL (EC 0x21, 0x25; EL2 has no stage 2). Translate
 * FAR_EL2 instead (for instance with AT S1E1R). Granule protection check
 * faults (FEAT_RME) may also write it, but the syndrome does not say whether
 * the fault was in the second stage, so they are reported as not valid.
 * For an abort on a memory copy/set instruction (FEAT_MOPS) the low bits of
 * FIPA within the stage-2 granule are UNKNOWN; the syndrome does not say
 * which instruction faulted.
 * @param e a decoded syndrome
 * @return true if HPFAR_EL2 is valid for it.
 */
bool armvirt_esr_hpfar_valid(const struct armvirt_esr *e);

/** armvirt_esr_fault_ipa(): the IPA is exact (page from HPFAR, offset from FAR). */
#define ARMVIRT_ESR_IPA_EXACT 0
/**
 * armvirt_esr_fault_ipa(): only the page is known (offset 0): the fault was on a
 * stage-1 table walk (S1PTW; HPFAR_EL2 names the descriptor's page and FAR the
 * original access) or FnV says FAR is not valid.
 */
#define ARMVIRT_ESR_IPA_PAGE 1

/**
 * @brief The faulting IPA of an abort: HPFAR_EL2.FIPA (IPA[55:12]) joined to
 *        FAR_EL2[11:0].
 *
 * Supports every IPA size up to 56 bits (52-bit with FEAT_LPA/LPA2,
 * 56-bit with FEAT_D128). FAR_EL2 holds a VA; only its page offset is used,
 * which VA and IPA share at every translation granule.
 * @param e a decoded abort syndrome (ESR_EL2 or HSR)
 * @param hpfar HPFAR_EL2 (or HPFAR) as read at the exception
 * @param far FAR_EL2 (or HDFAR/HIFAR) as read at the exception
 * @param ipa_bits the guest's IPA size (VTCR_EL2.T0SZ gives 64 - T0SZ), 32..56
 * @param[out] ipa the faulting IPA
 * @return ::ARMVIRT_ESR_IPA_EXACT, or ::ARMVIRT_ESR_IPA_PAGE when only the page
 *         is known (S1PTW, or FnV set), the offset then returned as 0;
 *         ::ARMVIRT_EINVAL for NULL pointers, a non-abort class or
 *         @p ipa_bits out of range; ::ARMVIRT_ENOENT when HPFAR_EL2 is not
 *         valid for this fault (see armvirt_esr_hpfar_valid());
 *         ::ARMVIRT_ERANGE when the IPA does not fit in @p ipa_bits.
 *         On error @p ipa is not written.
 */
int armvirt_esr_fault_ipa(const struct armvirt_esr *e, uint64_t hpfar, uint64_t far,
			  unsigned ipa_bits, armvirt_ipa_t *ipa);
/** @} */

/** @name Text
 * @{ */

/** A buffer this size always holds armvirt_esr_format()'s line and its NUL. */
#define ARMVIRT_ESR_FORMAT_MAX 512

/**
 * @brief Write one line of text describing @p e into @p buf, without libc.
 *
 * For example
 * `EC 0x24 DABT_LOW: data abort from a lower EL: write 4 bytes from w1, translation fault level 3 |
 * isv=1 sas=2 ...`. The line has the class, a plain-words summary (register names for register
 * traps, fault type and level for aborts) and then every present field as name=value.
 * @param e a decoded syndrome
 * @param buf the caller's buffer
 * @param size its size in bytes
 * @return the length written (without the NUL); ::ARMVIRT_ENOSPC if the line
 *         did not fit: @p buf then holds as much of it as fits, NUL-terminated
 *         (truncation is reported, the output is still usable);
 *         ::ARMVIRT_EINVAL for NULL pointers or @p size 0 (nothing written).
 */
int armvirt_esr_format(const struct armvirt_esr *e, char *buf, size_t size);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_ESR_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Exception classes and their ISS layouts: the EC table, the per-layout field
 * tables and the typed decode. Every position comes from esr_fields.h.
 */
#include <armvirt/esr.h>

#include "esr_internal.h"

struct ec_info {
	const char *name;
	const char *desc;
	uint8_t layout;
};

#define EC(v, n, l, d) [v] = { n, d, ARMVIRT_ESR_LAYOUT_##l }

/* Arm ARM, ESR_EL2.EC. */
static const struct ec_info ec_table[64] = {
	EC(0x00, "UNKNOWN", NONE, "unknown reason"),
	EC(0x01, "WFX", WFX, "trapped WFI/WFE/WFIT/WFET"),
	EC(0x03, "CP15_32", CP, "trapped MCR/MRC, coproc 15"),
	EC(0x04, "CP15_64", CP64, "trapped MCRR/MRRC, coproc 15"),
	EC(0x05, "CP14_32", CP, "trapped MCR/MRC, coproc 14"),
	EC(0x06, "CP14_LS", LDC, "trapped LDC/STC"),
	EC(0x07, "FP_ASIMD", COND, "SME, SVE, Advanced SIMD or FP access trapped"),
	EC(0x08, "CP10_ID", CP, "trapped VMRS of an ID register"),
	EC(0x09, "PAC", NONE, "trapped pointer authentication instruction"),
	EC(0x0a, "OTHER", OTHER, "trapped LD64B/ST64B* or TSB/PSB CSYNC"),
	EC(0x0c, "CP14_64", CP64, "trapped MRRC, coproc 14"),
	EC(0x0d, "BTI", BTI, "branch target exception"),
	EC(0x0e, "ILL", NONE, "illegal execution state"),
	EC(0x11, "SVC32", IMM16, "SVC from AArch32"),
	EC(0x12, "HVC32", IMM16, "HVC from AArch32"),
	EC(0x13, "SMC32", SMC32, "SMC from AArch32"),
	EC(0x14, "SYS128", SYS128, "trapped MSRR/MRRS/SYSP"),
	EC(0x15, "SVC64", IMM16, "SVC from AArch64"),
	EC(0x16, "HVC64", IMM16, "HVC from AArch64"),
	EC(0x17, "SMC64", IMM16, "SMC from AArch64"),
	EC(0x18, "SYS64", SYS, "trapped MSR/MRS or system instruction"),
	EC(0x19, "SVE", NONE, "SVE access trapped"),
	EC(0x1a, "ERET", ERET, "trapped ERET/ERETAA/ERETAB"),
	EC(0x1b, "TSTART", TSTART, "TSTART not permitted (FEAT_TME)"),
	EC(0x1c, "FPAC", FPAC, "pointer authentication failure"),
	EC(0x1d, "SME", SME, "SME access trapped or illegal"),
	EC(0x1f, "IMP_DEF", IMPDEF, "IMPLEMENTATION DEFINED exception to EL3"),
	EC(0x20, "IABT_LOW", IABT, "instruction abort from a lower EL"),
	EC(0x21, "IABT_CUR", IABT, "instruction abort from the same EL"),
	EC(0x22, "PC_ALIGN", NONE, "PC alignment fault"),
	EC(0x24, "DABT_LOW", DABT, "data abort from a lower EL"),
	EC(0x25, "DABT_CUR", DABT, "data abort from the same EL"),
	EC(0x26, "SP_ALIGN", NONE, "SP alignment fault"),
	EC(0x27, "MOPS", MOPS, "memory copy/set exception"),
	EC(0x28, "FP_EXC32", FPEXC, "trapped floating-point exception from AArch32"),
	EC(0x2c, "FP_EXC64", FPEXC, "trapped floating-point exception from AArch64"),
	EC(0x2d, "GCS", GCS, "Guarded Control Stack exception"),
	EC(0x2f, "SERROR", SERROR, "SError exception"),
	EC(0x30, "BREAKPT_LOW", BREAKPT, "breakpoint from a lower EL"),
	EC(0x31, "BREAKPT_CUR", BREAKPT, "breakpoint from the same EL"),
	EC(0x32, "SOFTSTP_LOW", SOFTSTP, "software step from a lower EL"),
	EC(0x33, "SOFTSTP_CUR", SOFTSTP, "software step from the same EL"),
	EC(0x34, "WATCHPT_LOW", WATCHPT, "watchpoint from a lower EL"),
	EC(0x35, "WATCHPT_CUR", WATCHPT, "watchpoint from the same EL"),
	EC(0x38, "BKPT32", IMM16, "BKPT from AArch32"),
	EC(0x3a, "VECTOR_CATCH", BREAKPT, "vector catch from AArch32"),
	EC(0x3c, "BRK64", IMM16, "BRK from AArch64"),
	EC(0x3d, "PROFILING", PROFILING, "profiling exception"),
};

/* The ECs an AArch32 HSR allocates (Arm ARM, HSR.EC); their names and
 * layouts are the ESR_ELx ones, with HSR's own field tables where they differ. */
static const uint64_t hsr_ecs = ARMVIRT_BIT(0x00) | ARMVIRT_BIT(0x01) | ARMVIRT_BIT(0x03) |
				ARMVIRT_BIT(0x04) | ARMVIRT_BIT(0x05) | ARMVIRT_BIT(0x06) |
				ARMVIRT_BIT(0x07) | ARMVIRT_BIT(0x08) | ARMVIRT_BIT(0x0c) |
				ARMVIRT_BIT(0x0e) | ARMVIRT_BIT(0x11) | ARMVIRT_BIT(0x12) |
				ARMVIRT_BIT(0x13) | ARMVIRT_BIT(0x20) | ARMVIRT_BIT(0x21) |
				ARMVIRT_BIT(0x22) | ARMVIRT_BIT(0x24) | ARMVIRT_BIT(0x25);

static const struct ec_info *ec_lookup(unsigned ec, bool hsr)
{
	const struct ec_info *i = &ec_table[ec & 0x3fu];

	if (i->name == NULL || (hsr && !(hsr_ecs & ARMVIRT_BIT(ec & 0x3fu))))
		return NULL;
	return i;
}

const char *armvirt_esr_ec_name(unsigned ec, bool hsr)
{
	const struct ec_info *i = ec_lookup(ec, hsr);

	return i ? i->name : "RESERVED";
}

const char *armvirt_esr_ec_desc(unsigned ec, bool hsr)
{
	const struct ec_info *i = ec_lookup(ec, hsr);

	return i ? i->desc : "reserved exception class";
}

/*
 * Field lists, one per layout: X(name, constant prefix, when). Each list
 * gives the printable table and the mask of bits the layout defines.
 */
/* clang-format off */
#define FIELDS_COND(X)                                                                             \
	X("cv", ARMVIRT_ESR_CV, ALWAYS)                                                            \
	X("cond", ARMVIRT_ESR_COND, ALWAYS)
#define FIELDS_FP_HSR(X)                                                                           \
	FIELDS_COND(X)                                                                             \
	X("ta", ARMVIRT_HSR_FP_TA, ALWAYS)                                                         \
	X("coproc", ARMVIRT_HSR_FP_COPROC, HSR_TA)
#define FIELDS_WFX(X)                                                                              \
	FIELDS_COND(X)                                                                             \
	X("rn", ARMVIRT_ESR_WFX_RN, RV)                                                            \
	X("rv", ARMVIRT_ESR_WFX_RV, WFXT)                                                          \
	X("ti", ARMVIRT_ESR_WFX_TI, ALWAYS)
#define FIELDS_WFX_HSR(X)                                                                          \
	FIELDS_COND(X)                                                                             \
	X("ti", ARMVIRT_HSR_WFX_TI, ALWAYS)
#define FIELDS_CP_(X, RT)                                                                          \
	FIELDS_COND(X)                                                                             \
	X("opc2", ARMVIRT_ESR_CP_OPC2, ALWAYS)                                                     \
	X("opc1", ARMVIRT_ESR_CP_OPC1, ALWAYS)                                                     \
	X("crn", ARMVIRT_ESR_CP_CRN, ALWAYS)                                                       \
	X("rt", RT, ALWAYS)                                                                        \
	X("crm", ARMVIRT_ESR_CP_CRM, ALWAYS)                                                       \
	X("direction", ARMVIRT_ESR_CP_DIRECTION, ALWAYS)
#define FIELDS_CP(X) FIELDS_CP_(X, ARMVIRT_ESR_CP_RT)
#define FIELDS_CP_HSR(X) FIELDS_CP_(X, ARMVIRT_HSR_CP_RT)
#define FIELDS_CP64_(X, RT2, RT)                                                                   \
	FIELDS_COND(X)                                                                             \
	X("opc1", ARMVIRT_ESR_CP64_OPC1, ALWAYS)                                                   \
	X("rt2", RT2, ALWAYS)                                                                      \
	X("rt", RT, ALWAYS)                                                                        \
	X("crm", ARMVIRT_ESR_CP64_CRM, ALWAYS)                                                     \
	X("direction", ARMVIRT_ESR_CP64_DIRECTION, ALWAYS)
#define FIELDS_CP64(X) FIELDS_CP64_(X, ARMVIRT_ESR_CP64_RT2, ARMVIRT_ESR_CP64_RT)
#define FIELDS_CP64_HSR(X) FIELDS_CP64_(X, ARMVIRT_HSR_CP64_RT2, ARMVIRT_HSR_CP64_RT)
#define FIELDS_LDC_(X, RN)                                                                         \
	FIELDS_COND(X)                                                                             \
	X("imm8", ARMVIRT_ESR_LDC_IMM8, ALWAYS)                                                    \
	X("rn", RN, LDC_IMM)                                                                       \
	X("offset", ARMVIRT_ESR_LDC_OFFSET, ALWAYS)                                                \
	X("am", ARMVIRT_ESR_LDC_AM, ALWAYS)                                                        \
	X("direction", ARMVIRT_ESR_LDC_DIRECTION, ALWAYS)
#define FIELDS_LDC(X) FIELDS_LDC_(X, ARMVIRT_ESR_LDC_RN)
#define FIELDS_LDC_HSR(X) FIELDS_LDC_(X, ARMVIRT_HSR_LDC_RN)
#define FIELDS_OTHER(X) X("type", ARMVIRT_ESR_OTHER_TYPE, ALWAYS)
#define FIELDS_BTI(X) X("btype", ARMVIRT_ESR_BTI_BTYPE, ALWAYS)
#define FIELDS_IMM16(X) X("imm16", ARMVIRT_ESR_IMM16, ALWAYS)
#define FIELDS_COMMENT(X) X("comment", ARMVIRT_ESR_IMM16, ALWAYS)
#define FIELDS_SMC32(X)                                                                            \
	X("cv", ARMVIRT_ESR_CV, CCKNOWNPASS)                                                       \
	X("cond", ARMVIRT_ESR_COND, CCKNOWNPASS)                                                   \
	X("ccknownpass", ARMVIRT_ESR_SMC32_CCKNOWNPASS, ALWAYS)
#define FIELDS_SYS_(X, RT)                                                                         \
	X("op0", ARMVIRT_ESR_SYS_OP0, ALWAYS)                                                      \
	X("op2", ARMVIRT_ESR_SYS_OP2, ALWAYS)                                                      \
	X("op1", ARMVIRT_ESR_SYS_OP1, ALWAYS)                                                      \
	X("crn", ARMVIRT_ESR_SYS_CRN, ALWAYS)                                                      \
	X("rt", RT, ALWAYS)                                                                        \
	X("crm", ARMVIRT_ESR_SYS_CRM, ALWAYS)                                                      \
	X("direction", ARMVIRT_ESR_SYS_DIRECTION, ALWAYS)
#define FIELDS_SYS(X) FIELDS_SYS_(X, ARMVIRT_ESR_SYS_RT)
#define FIELDS_SYS128(X) FIELDS_SYS_(X, ARMVIRT_ESR_SYS128_RT)
#define FIELDS_ERET(X)                                                                             \
	X("eret", ARMVIRT_ESR_ERET_ERET, ALWAYS)                                                   \
	X("ereta", ARMVIRT_ESR_ERET_ERETA, ERETA)
#define FIELDS_TSTART(X) X("rd", ARMVIRT_ESR_TSTART_RD, ALWAYS)
#define FIELDS_FPAC(X)                                                                             \
	X("dni", ARMVIRT_ESR_FPAC_DNI, ALWAYS)                                                     \
	X("bna", ARMVIRT_ESR_FPAC_BNA, ALWAYS)
#define FIELDS_SME(X) X("smtc", ARMVIRT_ESR_SME_SMTC, ALWAYS)
#define FIELDS_IMPDEF(X) X("impdef", ARMVIRT_ESR_IMPDEF, ALWAYS)
#define FIELDS_IABT(X)                                                                             \
	X("toplevel", ARMVIRT_ESR_IABT_TOPLEVEL, ALWAYS)                                           \
	X("pfv", ARMVIRT_ESR_IABT_PFV, SEA)                                                        \
	X("set", ARMVIRT_ESR_IABT_SET, FSC_0X10)                                                   \
	X("fnv", ARMVIRT_ESR_IABT_FNV, FSC_0X10)                                                   \
	X("ea", ARMVIRT_ESR_IABT_EA, ALWAYS)                                                       \
	X("s1ptw", ARMVIRT_ESR_IABT_S1PTW, ALWAYS)                                                 \
	X("ifsc", ARMVIRT_ESR_IABT_IFSC, ALWAYS)                                                   \
	X("dirtybit", ARMVIRT_ESR_IABT_DIRTYBIT, ALWAYS)                                           \
	X("overlay", ARMVIRT_ESR_IABT_OVERLAY, ALWAYS)                                             \
	X("assuredonly", ARMVIRT_ESR_IABT_ASSUREDONLY, ALWAYS)                                     \
	X("hdbssf", ARMVIRT_ESR_IABT_HDBSSF, ALWAYS)
#define FIELDS_IABT_HSR(X)                                                                         \
	X("fnv", ARMVIRT_ESR_IABT_FNV, FSC_0X10)                                                   \
	X("ea", ARMVIRT_ESR_IABT_EA, ALWAYS)                                                       \
	X("s1ptw", ARMVIRT_ESR_IABT_S1PTW, ALWAYS)                                                 \
	X("ifsc", ARMVIRT_ESR_IABT_IFSC, ALWAYS)
#define FIELDS_DABT(X)                                                                             \
	X("isv", ARMVIRT_ESR_DABT_ISV, ALWAYS)                                                     \
	X("sas", ARMVIRT_ESR_DABT_SAS, ISV)                                                        \
	X("sse", ARMVIRT_ESR_DABT_SSE, ISV)                                                        \
	X("toplevel", ARMVIRT_ESR_DABT_TOPLEVEL, NOT_ISV)                                          \
	X("srt", ARMVIRT_ESR_DABT_SRT, ISV)                                                        \
	X("wu", ARMVIRT_ESR_DABT_WU, SEA_NOT_ISV)                                                  \
	X("sf", ARMVIRT_ESR_DABT_SF, ISV)                                                          \
	X("fnp", ARMVIRT_ESR_DABT_FNP, NOT_ISV)                                                    \
	X("ar", ARMVIRT_ESR_DABT_AR, ISV)                                                          \
	X("pfv", ARMVIRT_ESR_DABT_PFV, SEA_NOT_ISV)                                                \
	X("vncr", ARMVIRT_ESR_DABT_VNCR, ALWAYS)                                                   \
	X("set", ARMVIRT_ESR_DABT_SET, SEA)                                                        \
	X("lst", ARMVIRT_ESR_DABT_LST, LST)                                                        \
	X("fnv", ARMVIRT_ESR_DABT_FNV, FSC_0X10)                                                   \
	X("ea", ARMVIRT_ESR_DABT_EA, ALWAYS)                                                       \
	X("cm", ARMVIRT_ESR_DABT_CM, ALWAYS)                                                       \
	X("s1ptw", ARMVIRT_ESR_DABT_S1PTW, ALWAYS)                                                 \
	X("wnr", ARMVIRT_ESR_DABT_WNR, ALWAYS)                                                     \
	X("dfsc", ARMVIRT_ESR_DABT_DFSC, ALWAYS)                                                   \
	X("xs", ARMVIRT_ESR_DABT_XS, ALWAYS)                                                       \
	X("dirtybit", ARMVIRT_ESR_DABT_DIRTYBIT, ALWAYS)                                           \
	X("overlay", ARMVIRT_ESR_DABT_OVERLAY, ALWAYS)                                             \
	X("assuredonly", ARMVIRT_ESR_DABT_ASSUREDONLY, ALWAYS)                                     \
	X("gcs", ARMVIRT_ESR_DABT_GCS, ALWAYS)                                                     \
	X("tagaccess", ARMVIRT_ESR_DABT_TAGACCESS, ALWAYS)                                         \
	X("tnd", ARMVIRT_ESR_DABT_TND, ALWAYS)                                                     \
	X("hdbssf", ARMVIRT_ESR_DABT_HDBSSF, ALWAYS)
#define FIELDS_DABT_HSR(X)                                                                         \
	X("isv", ARMVIRT_ESR_DABT_ISV, ALWAYS)                                                     \
	X("sas", ARMVIRT_ESR_DABT_SAS, ISV)                                                        \
	X("sse", ARMVIRT_ESR_DABT_SSE, ISV)                                                        \
	X("srt", ARMVIRT_HSR_DABT_SRT, ISV)                                                        \
	X("ar", ARMVIRT_ESR_DABT_AR, ISV)                                                          \
	X("aet", ARMVIRT_HSR_DABT_AET, ASYNC)                                                      \
	X("fnv", ARMVIRT_ESR_DABT_FNV, FSC_0X10)                                                   \
	X("ea", ARMVIRT_ESR_DABT_EA, ALWAYS)                                                       \
	X("cm", ARMVIRT_ESR_DABT_CM, ALWAYS)                                                       \
	X("s1ptw", ARMVIRT_ESR_DABT_S1PTW, ALWAYS)                                                 \
	X("wnr", ARMVIRT_ESR_DABT_WNR, ALWAYS)                                                     \
	X("dfsc", ARMVIRT_ESR_DABT_DFSC, ALWAYS)
#define FIELDS_MOPS(X)                                                                             \
	X("meminst", ARMVIRT_ESR_MOPS_MEMINST, ALWAYS)                                             \
	X("issetg", ARMVIRT_ESR_MOPS_ISSETG, ALWAYS)                                               \
	X("options", ARMVIRT_ESR_MOPS_OPTIONS, ALWAYS)                                             \
	X("fromepilogue", ARMVIRT_ESR_MOPS_FROMEPILOGUE, ALWAYS)                                   \
	X("formatoption", ARMVIRT_ESR_MOPS_FORMATOPTION, ALWAYS)                                   \
	X("destreg", ARMVIRT_ESR_MOPS_DESTREG, ALWAYS)                                             \
	X("srcreg", ARMVIRT_ESR_MOPS_SRCREG, ALWAYS)                                               \
	X("sizereg", ARMVIRT_ESR_MOPS_SIZEREG, ALWAYS)
#define FIELDS_FPEXC(X)                                                                            \
	X("tfv", ARMVIRT_ESR_FPEXC_TFV, ALWAYS)                                                    \
	X("vecitr", ARMVIRT_ESR_FPEXC_VECITR, ALWAYS)                                              \
	X("idf", ARMVIRT_ESR_FPEXC_IDF, ALWAYS)                                                    \
	X("ixf", ARMVIRT_ESR_FPEXC_IXF, ALWAYS)                                                    \
	X("uff", ARMVIRT_ESR_FPEXC_UFF, ALWAYS)                                                    \
	X("off", ARMVIRT_ESR_FPEXC_OFF, ALWAYS)                                                    \
	X("dzf", ARMVIRT_ESR_FPEXC_DZF, ALWAYS)                                                    \
	X("iof", ARMVIRT_ESR_FPEXC_IOF, ALWAYS)
#define FIELDS_GCS(X)                                                                              \
	X("extype", ARMVIRT_ESR_GCS_EXTYPE, ALWAYS)                                                \
	X("raddr", ARMVIRT_ESR_GCS_RADDR, GCS_STR)                                                 \
	X("rn", ARMVIRT_ESR_GCS_RN, GCS_CHECK)                                                     \
	X("rvalue", ARMVIRT_ESR_GCS_RN, GCS_STR)                                                   \
	X("it", ARMVIRT_ESR_GCS_IT, GCS_CHECK)
#define FIELDS_SERROR(X)                                                                           \
	X("ids", ARMVIRT_ESR_SERROR_IDS, ALWAYS)                                                   \
	X("impdef", ARMVIRT_ESR_SERROR_IMPDEF, IDS)                                                \
	X("els", ARMVIRT_ESR_SERROR_ELS, SERROR_RAS)                                               \
	X("wu", ARMVIRT_ESR_SERROR_WU, SERROR_RAS)                                                 \
	X("vfv", ARMVIRT_ESR_SERROR_VFV, SERROR_RAS)                                               \
	X("pfv", ARMVIRT_ESR_SERROR_PFV, SERROR_RAS)                                               \
	X("iesb", ARMVIRT_ESR_SERROR_IESB, SERROR_RAS)                                             \
	X("aet", ARMVIRT_ESR_SERROR_AET, SERROR_RAS)                                               \
	X("ea", ARMVIRT_ESR_SERROR_EA, SERROR_RAS)                                                 \
	X("wnrv", ARMVIRT_ESR_SERROR_WNRV, SERROR_RAS)                                             \
	X("wnr", ARMVIRT_ESR_SERROR_WNR, SERROR_RAS)                                               \
	X("dfsc", ARMVIRT_ESR_SERROR_DFSC, NOT_IDS)
#define FIELDS_BREAKPT(X) X("ifsc", ARMVIRT_ESR_DBG_IFSC, ALWAYS)
#define FIELDS_SOFTSTP(X)                                                                          \
	X("isv", ARMVIRT_ESR_SSTEP_ISV, ALWAYS)                                                    \
	X("ex", ARMVIRT_ESR_SSTEP_EX, SSTEP_ISV)                                                   \
	X("ifsc", ARMVIRT_ESR_DBG_IFSC, ALWAYS)
#define FIELDS_WATCHPT(X)                                                                          \
	X("wpt", ARMVIRT_ESR_WPT_WPT, WPTV)                                                        \
	X("wptv", ARMVIRT_ESR_WPT_WPTV, ALWAYS)                                                    \
	X("wpf", ARMVIRT_ESR_WPT_WPF, ALWAYS)                                                      \
	X("fnp", ARMVIRT_ESR_WPT_FNP, ALWAYS)                                                      \
	X("vncr", ARMVIRT_ESR_WPT_VNCR, ALWAYS)                                                    \
	X("fnv", ARMVIRT_ESR_WPT_FNV, ALWAYS)                                                      \
	X("cm", ARMVIRT_ESR_WPT_CM, ALWAYS)                                                        \
	X("wnr", ARMVIRT_ESR_WPT_WNR, ALWAYS)                                                      \
	X("dfsc", ARMVIRT_ESR_WPT_DFSC, ALWAYS)                                                    \
	X("gcs", ARMVIRT_ESR_WPT_GCS, ALWAYS)
#define FIELDS_PROFILING(X)                                                                        \
	X("fsc", ARMVIRT_ESR_PROF_FSC, ALWAYS)                                                     \
	X("sync", ARMVIRT_ESR_PROF_SYNC, ALWAYS)
/* clang-format on */

#define AS_FIELD(n, c, w) { n, c##_SHIFT, c##_WIDTH, ARMVIRT_ESR_WHEN_##w },
#define AS_MASK(n, c, w) | ARMVIRT_MASK(c##_SHIFT, c##_WIDTH)

#define TABLE(id, list)                                                                            \
	static const struct armvirt_esr_field id##_fields[] = { list(AS_FIELD) };                  \
	static const uint64_t id##_mask = 0 list(AS_MASK);

TABLE(wfx, FIELDS_WFX)
TABLE(wfx_hsr, FIELDS_WFX_HSR)
TABLE(cp, FIELDS_CP)
TABLE(cp_hsr, FIELDS_CP_HSR)
TABLE(cp64, FIELDS_CP64)
TABLE(cp64_hsr, FIELDS_CP64_HSR)
TABLE(ldc, FIELDS_LDC)
TABLE(ldc_hsr, FIELDS_LDC_HSR)
TABLE(cond, FIELDS_COND)
TABLE(fp_hsr, FIELDS_FP_HSR)
TABLE(other, FIELDS_OTHER)
TABLE(bti, FIELDS_BTI)
TABLE(imm16, FIELDS_IMM16)
TABLE(comment, FIELDS_COMMENT)
TABLE(smc32, FIELDS_SMC32)
TABLE(sys, FIELDS_SYS)
TABLE(sys128, FIELDS_SYS128)
TABLE(eret, FIELDS_ERET)
TABLE(tstart, FIELDS_TSTART)
TABLE(fpac, FIELDS_FPAC)
TABLE(sme, FIELDS_SME)
TABLE(impdef, FIELDS_IMPDEF)
TABLE(iabt, FIELDS_IABT)
TABLE(iabt_hsr, FIELDS_IABT_HSR)
TABLE(dabt, FIELDS_DABT)
TABLE(dabt_hsr, FIELDS_DABT_HSR)
TABLE(mops, FIELDS_MOPS)
TABLE(fpexc, FIELDS_FPEXC)
TABLE(gcs, FIELDS_GCS)
TABLE(serror, FIELDS_SERROR)
TABLE(breakpt, FIELDS_BREAKPT)
TABLE(softstp, FIELDS_SOFTSTP)
TABLE(watchpt, FIELDS_WATCHPT)
TABLE(profiling, FIELDS_PROFILING)

struct layout_info {
	const struct armvirt_esr_field *fields;
	uint8_t count;
	uint64_t mask;
};

#define INFO(id)                                                                                   \
	{                                                                                          \
		id##_fields, ARRAY_SIZE(id##_fields), id##_mask                                    \
	}
#define LAYOUT(l, id) [ARMVIRT_ESR_LAYOUT_##l] = INFO(id)

static const struct layout_info layouts[ARMVIRT_ESR_LAYOUT_COUNT_] = {
	LAYOUT(WFX, wfx),	  LAYOUT(CP, cp),
	LAYOUT(CP64, cp64),	  LAYOUT(LDC, ldc),
	LAYOUT(COND, cond),	  LAYOUT(OTHER, other),
	LAYOUT(BTI, bti),	  LAYOUT(IMM16, imm16),
	LAYOUT(SMC32, smc32),	  LAYOUT(SYS, sys),
	LAYOUT(SYS128, sys128),	  LAYOUT(ERET, eret),
	LAYOUT(TSTART, tstart),	  LAYOUT(FPAC, fpac),
	LAYOUT(SME, sme),	  LAYOUT(IMPDEF, impdef),
	LAYOUT(IABT, iabt),	  LAYOUT(DABT, dabt),
	LAYOUT(MOPS, mops),	  LAYOUT(FPEXC, fpexc),
	LAYOUT(GCS, gcs),	  LAYOUT(SERROR, serror),
	LAYOUT(BREAKPT, breakpt), LAYOUT(SOFTSTP, softstp),
	LAYOUT(WATCHPT, watchpt), LAYOUT(PROFILING, profiling),
};

/* HSR's own layouts (4-bit register fields, ...); the others are shared. */
static const struct layout_info hsr_layouts[ARMVIRT_ESR_LAYOUT_COUNT_] = {
	LAYOUT(WFX, wfx_hsr), LAYOUT(CP, cp_hsr),     LAYOUT(CP64, cp64_hsr), LAYOUT(LDC, ldc_hsr),
	LAYOUT(COND, fp_hsr), LAYOUT(IABT, iabt_hsr), LAYOUT(DABT, dabt_hsr),
};

static const struct layout_info brk_comment = INFO(comment);

static const struct layout_info *layout_of(const struct armvirt_esr *e)
{
	if (e->hsr && hsr_layouts[e->layout].fields != NULL)
		return &hsr_layouts[e->layout];
	/* BRK and BKPT call their immediate "Comment". */
	if (e->layout == ARMVIRT_ESR_LAYOUT_IMM16 &&
	    (e->ec == ARMVIRT_ESR_EC_BRK64 || e->ec == ARMVIRT_ESR_EC_BKPT32))
		return &brk_comment;
	return &layouts[e->layout];
}

int armvirt_esr_fields(const struct armvirt_esr *e, const struct armvirt_esr_field **fields)
{
	const struct layout_info *l;

	if (e == NULL || fields == NULL || e->layout >= ARMVIRT_ESR_LAYOUT_COUNT_)
		return ARMVIRT_EINVAL;
	l = layout_of(e);
	*fields = l->fields;
	return l->count;
}

/* Fault status codes that select fields (Arm ARM, ESR_EL2 DFSC and field conditions). */
#define FSC_SEA 0x10u	     /* synchronous external abort, not on a walk */
#define FSC_SERROR 0x11u     /* asynchronous SError (SError DFSC, HSR DFSC) */
#define FSC_SEA_TTW_M2 0x12u /* first of the "external abort on a walk" codes, level -2 */
#define FSC_SEA_TTW_L3 0x17u /* last of them, level 3 */
#define FSC_TRANS_L0 0x04u   /* first translation fault code */
#define FSC_PERM_L3 0x0fu    /* last permission fault code */
#define FSC_TRANS_M2 0x2au   /* translation fault, level -2 */
#define FSC_TRANS_M1 0x2bu   /* translation fault, level -1 */
#define WFX_TI_WFXT 2u	     /* TI bit 1: WFIT or WFET */
#define LDC_AM_LITERAL 4u    /* AM bit 2: literal form */
#define GCS_EXTYPE_CHECK 0u
#define GCS_EXTYPE_STR 2u

static bool dabt_sea(uint8_t dfsc)
{
	return dfsc == FSC_SEA || (dfsc >= FSC_SEA_TTW_M2 && dfsc <= FSC_SEA_TTW_L3);
}

static uint8_t abort_fsc(const struct armvirt_esr *e)
{
	return e->layout == ARMVIRT_ESR_LAYOUT_DABT ? e->u.dabt.dfsc : e->u.iabt.ifsc;
}

bool armvirt_esr_field_present(const struct armvirt_esr *e, const struct armvirt_esr_field *f)
{
	switch (f->when) {
	case ARMVIRT_ESR_WHEN_ALWAYS:
		return true;
	case ARMVIRT_ESR_WHEN_ISV:
		return e->u.dabt.isv;
	case ARMVIRT_ESR_WHEN_NOT_ISV:
		return !e->u.dabt.isv;
	case ARMVIRT_ESR_WHEN_SEA:
		return dabt_sea(abort_fsc(e));
	case ARMVIRT_ESR_WHEN_SEA_NOT_ISV:
		return !e->u.dabt.isv && dabt_sea(e->u.dabt.dfsc);
	case ARMVIRT_ESR_WHEN_FSC_0X10:
		return abort_fsc(e) == FSC_SEA;
	case ARMVIRT_ESR_WHEN_LST:
		return (e->u.dabt.dfsc >= FSC_TRANS_L0 && e->u.dabt.dfsc <= FSC_PERM_L3) ||
		       e->u.dabt.dfsc == FSC_TRANS_M2 || e->u.dabt.dfsc == FSC_TRANS_M1;
	case ARMVIRT_ESR_WHEN_ASYNC:
		return e->u.dabt.dfsc == FSC_SERROR;
	case ARMVIRT_ESR_WHEN_IDS:
		return e->u.serror.ids;
	case ARMVIRT_ESR_WHEN_NOT_IDS:
		return !e->u.serror.ids;
	case ARMVIRT_ESR_WHEN_SERROR_RAS:
		return !e->u.serror.ids && e->u.serror.dfsc == FSC_SERROR;
	case ARMVIRT_ESR_WHEN_SSTEP_ISV:
		return e->u.dbg.isv;
	case ARMVIRT_ESR_WHEN_WPTV:
		return e->u.wpt.wptv;
	case ARMVIRT_ESR_WHEN_WFXT:
		return (e->u.wfx.ti & WFX_TI_WFXT) != 0;
	case ARMVIRT_ESR_WHEN_RV:
		return e->u.wfx.rv;
	case ARMVIRT_ESR_WHEN_CCKNOWNPASS:
		return e->u.smc32.ccknownpass;
	case ARMVIRT_ESR_WHEN_ERETA:
		return e->u.eret.eret;
	case ARMVIRT_ESR_WHEN_LDC_IMM:
		return (e->u.ldc.am & LDC_AM_LITERAL) == 0;
	case ARMVIRT_ESR_WHEN_GCS_CHECK:
		return e->u.gcs.extype == GCS_EXTYPE_CHECK;
	case ARMVIRT_ESR_WHEN_GCS_STR:
		return e->u.gcs.extype == GCS_EXTYPE_STR;
	case ARMVIRT_ESR_WHEN_HSR_TA:
		return e->u.cond.ta;
	default:
		return false;
	}
}

#define GET(c) armvirt_field_get(v, c##_SHIFT, c##_WIDTH)
#define GET8(c) ((uint8_t)GET(c))
#define GETB(c) (GET(c) != 0)

static void decode_cp(uint64_t v, uint8_t coproc, bool hsr, struct armvirt_esr_cp *d)
{
	d->cv = GETB(ARMVIRT_ESR_CV);
	d->cond = GET8(ARMVIRT_ESR_COND);
	d->coproc = coproc;
	d->opc1 = GET8(ARMVIRT_ESR_CP_OPC1);
	d->crn = GET8(ARMVIRT_ESR_CP_CRN);
	d->crm = GET8(ARMVIRT_ESR_CP_CRM);
	d->opc2 = GET8(ARMVIRT_ESR_CP_OPC2);
	d->rt = hsr ? GET8(ARMVIRT_HSR_CP_RT) : GET8(ARMVIRT_ESR_CP_RT);
	d->read = GETB(ARMVIRT_ESR_CP_DIRECTION);
}

static void decode_cp64(uint64_t v, uint8_t coproc, bool hsr, struct armvirt_esr_cp64 *d)
{
	d->cv = GETB(ARMVIRT_ESR_CV);
	d->cond = GET8(ARMVIRT_ESR_COND);
	d->coproc = coproc;
	d->opc1 = GET8(ARMVIRT_ESR_CP64_OPC1);
	d->crm = GET8(ARMVIRT_ESR_CP64_CRM);
	d->rt = hsr ? GET8(ARMVIRT_HSR_CP64_RT) : GET8(ARMVIRT_ESR_CP64_RT);
	d->rt2 = hsr ? GET8(ARMVIRT_HSR_CP64_RT2) : GET8(ARMVIRT_ESR_CP64_RT2);
	d->read = GETB(ARMVIRT_ESR_CP64_DIRECTION);
}

static void decode_ldc(uint64_t v, bool hsr, struct armvirt_esr_ldc *d)
{
	d->cv = GETB(ARMVIRT_ESR_CV);
	d->cond = GET8(ARMVIRT_ESR_COND);
	d->imm8 = GET8(ARMVIRT_ESR_LDC_IMM8);
	d->add = GETB(ARMVIRT_ESR_LDC_OFFSET);
	d->am = GET8(ARMVIRT_ESR_LDC_AM);
	/* Rn is UNKNOWN for the literal forms (AM[2] set). */
	if ((d->am & LDC_AM_LITERAL) == 0)
		d->rn = hsr ? GET8(ARMVIRT_HSR_LDC_RN) : GET8(ARMVIRT_ESR_LDC_RN);
	d->read = GETB(ARMVIRT_ESR_LDC_DIRECTION);
}

static void decode_sys(uint64_t v, bool wide, struct armvirt_esr_sys *d)
{
	d->op0 = GET8(ARMVIRT_ESR_SYS_OP0);
	d->op1 = GET8(ARMVIRT_ESR_SYS_OP1);
	d->crn = GET8(ARMVIRT_ESR_SYS_CRN);
	d->crm = GET8(ARMVIRT_ESR_SYS_CRM);
	d->op2 = GET8(ARMVIRT_ESR_SYS_OP2);
	/* FEAT_SYSREG128 reports Rt[4:1] of the register pair X[Rt:0], X[Rt:1]. */
	d->rt = wide ? (uint8_t)(GET8(ARMVIRT_ESR_SYS128_RT) << 1) : GET8(ARMVIRT_ESR_SYS_RT);
	d->read = GETB(ARMVIRT_ESR_SYS_DIRECTION);
	d->enc = ARMVIRT_SYSREG_ENC((uint32_t)d->op0, (uint32_t)d->op1, (uint32_t)d->crn,
				    (uint32_t)d->crm, (uint32_t)d->op2);
}

static void decode_dabt(uint64_t v, bool hsr, struct armvirt_esr_dabt *d)
{
	d->isv = GETB(ARMVIRT_ESR_DABT_ISV);
	d->ea = GETB(ARMVIRT_ESR_DABT_EA);
	d->cm = GETB(ARMVIRT_ESR_DABT_CM);
	d->s1ptw = GETB(ARMVIRT_ESR_DABT_S1PTW);
	d->wnr = GETB(ARMVIRT_ESR_DABT_WNR);
	d->dfsc = GET8(ARMVIRT_ESR_DABT_DFSC);
	if (d->dfsc == FSC_SEA)
		d->fnv = GETB(ARMVIRT_ESR_DABT_FNV);
	if (d->isv) {
		d->sas = GET8(ARMVIRT_ESR_DABT_SAS);
		d->sse = GETB(ARMVIRT_ESR_DABT_SSE);
		d->srt = hsr ? GET8(ARMVIRT_HSR_DABT_SRT) : GET8(ARMVIRT_ESR_DABT_SRT);
		d->ar = GETB(ARMVIRT_ESR_DABT_AR);
	}
	if (hsr) {
		/* With DFSC 0x11 bits 11:10 are AET; bit 10 is FnV only for 0x10. */
		if (d->dfsc == FSC_SERROR)
			d->aet = GET8(ARMVIRT_HSR_DABT_AET);
		d->fsc = armvirt_esr_fsc_decode_hsr(d->dfsc);
		return;
	}
	if (d->isv) {
		d->sf = GETB(ARMVIRT_ESR_DABT_SF);
	} else {
		d->toplevel = GETB(ARMVIRT_ESR_DABT_TOPLEVEL);
		d->fnp = GETB(ARMVIRT_ESR_DABT_FNP);
		if (dabt_sea(d->dfsc)) {
			d->wu = GET8(ARMVIRT_ESR_DABT_WU);
			d->pfv = GETB(ARMVIRT_ESR_DABT_PFV);
		}
	}
	d->vncr = GETB(ARMVIRT_ESR_DABT_VNCR);
	d->fsc = armvirt_esr_fsc_decode(d->dfsc);
	if (dabt_sea(d->dfsc))
		d->set = GET8(ARMVIRT_ESR_DABT_SET);
	else if (d->fsc.type == ARMVIRT_ESR_FSC_TRANSLATION ||
		 d->fsc.type == ARMVIRT_ESR_FSC_ACCESS_FLAG ||
		 d->fsc.type == ARMVIRT_ESR_FSC_PERMISSION)
		d->lst = GET8(ARMVIRT_ESR_DABT_LST);
	d->xs = GET8(ARMVIRT_ESR_DABT_XS);
	d->dirtybit = GETB(ARMVIRT_ESR_DABT_DIRTYBIT);
	d->overlay = GETB(ARMVIRT_ESR_DABT_OVERLAY);
	d->assuredonly = GETB(ARMVIRT_ESR_DABT_ASSUREDONLY);
	d->gcs = GETB(ARMVIRT_ESR_DABT_GCS);
	d->tagaccess = GETB(ARMVIRT_ESR_DABT_TAGACCESS);
	d->tnd = GETB(ARMVIRT_ESR_DABT_TND);
	d->hdbssf = GETB(ARMVIRT_ESR_DABT_HDBSSF);
}

static void decode_iabt(uint64_t v, bool hsr, struct armvirt_esr_iabt *d)
{
	d->ea = GETB(ARMVIRT_ESR_IABT_EA);
	d->s1ptw = GETB(ARMVIRT_ESR_IABT_S1PTW);
	d->ifsc = GET8(ARMVIRT_ESR_IABT_IFSC);
	if (d->ifsc == FSC_SEA)
		d->fnv = GETB(ARMVIRT_ESR_IABT_FNV);
	if (hsr) {
		d->fsc = armvirt_esr_fsc_decode_hsr(d->ifsc);
		return;
	}
	d->toplevel = GETB(ARMVIRT_ESR_IABT_TOPLEVEL);
	if (dabt_sea(d->ifsc))
		d->pfv = GETB(ARMVIRT_ESR_IABT_PFV);
	if (d->ifsc == FSC_SEA)
		d->set = GET8(ARMVIRT_ESR_IABT_SET);
	d->fsc = armvirt_esr_fsc_decode(d->ifsc);
	d->dirtybit = GETB(ARMVIRT_ESR_IABT_DIRTYBIT);
	d->overlay = GETB(ARMVIRT_ESR_IABT_OVERLAY);
	d->assuredonly = GETB(ARMVIRT_ESR_IABT_ASSUREDONLY);
	d->hdbssf = GETB(ARMVIRT_ESR_IABT_HDBSSF);
}

static void decode_serror(uint64_t v, struct armvirt_esr_serror *d)
{
	d->ids = GETB(ARMVIRT_ESR_SERROR_IDS);
	if (d->ids) {
		d->impdef = (uint32_t)GET(ARMVIRT_ESR_SERROR_IMPDEF);
		return;
	}
	d->dfsc = GET8(ARMVIRT_ESR_SERROR_DFSC);
	if (d->dfsc != FSC_SERROR)
		return;
	d->els = GETB(ARMVIRT_ESR_SERROR_ELS);
	d->wu = GET8(ARMVIRT_ESR_SERROR_WU);
	d->vfv = GETB(ARMVIRT_ESR_SERROR_VFV);
	d->pfv = GETB(ARMVIRT_ESR_SERROR_PFV);
	d->iesb = GETB(ARMVIRT_ESR_SERROR_IESB);
	d->aet = GET8(ARMVIRT_ESR_SERROR_AET);
	d->ea = GETB(ARMVIRT_ESR_SERROR_EA);
	d->wnrv = GETB(ARMVIRT_ESR_SERROR_WNRV);
	d->wnr = GETB(ARMVIRT_ESR_SERROR_WNR);
}

/* The coprocessor an AArch32 register-trap EC names. */
static uint8_t ec_coproc(unsigned ec)
{
	switch (ec) {
	case ARMVIRT_ESR_EC_CP15_32:
	case ARMVIRT_ESR_EC_CP15_64:
		return 15;
	case ARMVIRT_ESR_EC_CP10_ID:
		return 10;
	default:
		return 14;
	}
}

static void decode_fields(uint64_t v, struct armvirt_esr *e)
{
	switch (e->layout) {
	case ARMVIRT_ESR_LAYOUT_WFX:
		e->u.wfx.cv = GETB(ARMVIRT_ESR_CV);
		e->u.wfx.cond = GET8(ARMVIRT_ESR_COND);
		if (e->hsr) {
			e->u.wfx.ti = GET8(ARMVIRT_HSR_WFX_TI);
			break;
		}
		e->u.wfx.ti = GET8(ARMVIRT_ESR_WFX_TI);
		if (e->u.wfx.ti & WFX_TI_WFXT) {
			e->u.wfx.rv = GETB(ARMVIRT_ESR_WFX_RV);
			if (e->u.wfx.rv)
				e->u.wfx.rn = GET8(ARMVIRT_ESR_WFX_RN);
		}
		break;
	case ARMVIRT_ESR_LAYOUT_CP:
		decode_cp(v, ec_coproc(e->ec), e->hsr, &e->u.cp);
		break;
	case ARMVIRT_ESR_LAYOUT_CP64:
		decode_cp64(v, ec_coproc(e->ec), e->hsr, &e->u.cp64);
		break;
	case ARMVIRT_ESR_LAYOUT_LDC:
		decode_ldc(v, e->hsr, &e->u.ldc);
		break;
	case ARMVIRT_ESR_LAYOUT_COND:
		e->u.cond.cv = GETB(ARMVIRT_ESR_CV);
		e->u.cond.cond = GET8(ARMVIRT_ESR_COND);
		if (e->hsr) {
			e->u.cond.ta = GETB(ARMVIRT_HSR_FP_TA);
			if (e->u.cond.ta)
				e->u.cond.coproc = GET8(ARMVIRT_HSR_FP_COPROC);
		}
		break;
	case ARMVIRT_ESR_LAYOUT_OTHER:
		e->u.other.type = (uint32_t)GET(ARMVIRT_ESR_OTHER_TYPE);
		break;
	case ARMVIRT_ESR_LAYOUT_BTI:
		e->u.bti.btype = GET8(ARMVIRT_ESR_BTI_BTYPE);
		break;
	case ARMVIRT_ESR_LAYOUT_IMM16:
		e->u.imm.imm16 = (uint16_t)GET(ARMVIRT_ESR_IMM16);
		break;
	case ARMVIRT_ESR_LAYOUT_SMC32:
		e->u.smc32.ccknownpass = GETB(ARMVIRT_ESR_SMC32_CCKNOWNPASS);
		if (e->u.smc32.ccknownpass) {
			e->u.smc32.cv = GETB(ARMVIRT_ESR_CV);
			e->u.smc32.cond = GET8(ARMVIRT_ESR_COND);
		}
		break;
	case ARMVIRT_ESR_LAYOUT_SYS:
	case ARMVIRT_ESR_LAYOUT_SYS128:
		decode_sys(v, e->layout == ARMVIRT_ESR_LAYOUT_SYS128, &e->u.sys);
		break;
	case ARMVIRT_ESR_LAYOUT_ERET:
		e->u.eret.eret = GETB(ARMVIRT_ESR_ERET_ERET);
		e->u.eret.ereta = e->u.eret.eret && GETB(ARMVIRT_ESR_ERET_ERETA);
		break;
	case ARMVIRT_ESR_LAYOUT_TSTART:
		e->u.tstart.rd = GET8(ARMVIRT_ESR_TSTART_RD);
		break;
	case ARMVIRT_ESR_LAYOUT_FPAC:
		e->u.fpac.dni = GETB(ARMVIRT_ESR_FPAC_DNI);
		e->u.fpac.bna = GETB(ARMVIRT_ESR_FPAC_BNA);
		break;
	case ARMVIRT_ESR_LAYOUT_SME:
		e->u.sme.smtc = GET8(ARMVIRT_ESR_SME_SMTC);
		break;
	case ARMVIRT_ESR_LAYOUT_IMPDEF:
		e->u.impdef.iss = (uint32_t)GET(ARMVIRT_ESR_IMPDEF);
		break;
	case ARMVIRT_ESR_LAYOUT_IABT:
		decode_iabt(v, e->hsr, &e->u.iabt);
		break;
	case ARMVIRT_ESR_LAYOUT_DABT:
		decode_dabt(v, e->hsr, &e->u.dabt);
		break;
	case ARMVIRT_ESR_LAYOUT_MOPS:
		e->u.mops.meminst = GETB(ARMVIRT_ESR_MOPS_MEMINST);
		e->u.mops.issetg = GETB(ARMVIRT_ESR_MOPS_ISSETG);
		e->u.mops.options = GET8(ARMVIRT_ESR_MOPS_OPTIONS);
		e->u.mops.fromepilogue = GETB(ARMVIRT_ESR_MOPS_FROMEPILOGUE);
		e->u.mops.formatoption = GET8(ARMVIRT_ESR_MOPS_FORMATOPTION);
		e->u.mops.destreg = GET8(ARMVIRT_ESR_MOPS_DESTREG);
		e->u.mops.srcreg = GET8(ARMVIRT_ESR_MOPS_SRCREG);
		e->u.mops.sizereg = GET8(ARMVIRT_ESR_MOPS_SIZEREG);
		break;
	case ARMVIRT_ESR_LAYOUT_FPEXC:
		e->u.fpexc.tfv = GETB(ARMVIRT_ESR_FPEXC_TFV);
		e->u.fpexc.vecitr = GET8(ARMVIRT_ESR_FPEXC_VECITR);
		e->u.fpexc.idf = GETB(ARMVIRT_ESR_FPEXC_IDF);
		e->u.fpexc.ixf = GETB(ARMVIRT_ESR_FPEXC_IXF);
		e->u.fpexc.uff = GETB(ARMVIRT_ESR_FPEXC_UFF);
		e->u.fpexc.off = GETB(ARMVIRT_ESR_FPEXC_OFF);
		e->u.fpexc.dzf = GETB(ARMVIRT_ESR_FPEXC_DZF);
		e->u.fpexc.iof = GETB(ARMVIRT_ESR_FPEXC_IOF);
		break;
	case ARMVIRT_ESR_LAYOUT_GCS:
		e->u.gcs.extype = GET8(ARMVIRT_ESR_GCS_EXTYPE);
		if (e->u.gcs.extype == GCS_EXTYPE_STR)
			e->u.gcs.raddr = GET8(ARMVIRT_ESR_GCS_RADDR);
		if (e->u.gcs.extype == GCS_EXTYPE_CHECK || e->u.gcs.extype == GCS_EXTYPE_STR)
			e->u.gcs.rn = GET8(ARMVIRT_ESR_GCS_RN);
		if (e->u.gcs.extype == GCS_EXTYPE_CHECK)
			e->u.gcs.it = GET8(ARMVIRT_ESR_GCS_IT);
		break;
	case ARMVIRT_ESR_LAYOUT_SERROR:
		decode_serror(v, &e->u.serror);
		break;
	case ARMVIRT_ESR_LAYOUT_BREAKPT:
		e->u.dbg.ifsc = GET8(ARMVIRT_ESR_DBG_IFSC);
		break;
	case ARMVIRT_ESR_LAYOUT_SOFTSTP:
		e->u.dbg.ifsc = GET8(ARMVIRT_ESR_DBG_IFSC);
		e->u.dbg.isv = GETB(ARMVIRT_ESR_SSTEP_ISV);
		e->u.dbg.ex = e->u.dbg.isv && GETB(ARMVIRT_ESR_SSTEP_EX);
		break;
	case ARMVIRT_ESR_LAYOUT_WATCHPT:
		e->u.wpt.wptv = GETB(ARMVIRT_ESR_WPT_WPTV);
		e->u.wpt.wpt = e->u.wpt.wptv ? GET8(ARMVIRT_ESR_WPT_WPT) : 0;
		e->u.wpt.wpf = GETB(ARMVIRT_ESR_WPT_WPF);
		e->u.wpt.fnp = GETB(ARMVIRT_ESR_WPT_FNP);
		e->u.wpt.vncr = GETB(ARMVIRT_ESR_WPT_VNCR);
		e->u.wpt.fnv = GETB(ARMVIRT_ESR_WPT_FNV);
		e->u.wpt.cm = GETB(ARMVIRT_ESR_WPT_CM);
		e->u.wpt.wnr = GETB(ARMVIRT_ESR_WPT_WNR);
		e->u.wpt.dfsc = GET8(ARMVIRT_ESR_WPT_DFSC);
		e->u.wpt.gcs = GETB(ARMVIRT_ESR_WPT_GCS);
		break;
	case ARMVIRT_ESR_LAYOUT_PROFILING:
		e->u.prof.fsc = GET8(ARMVIRT_ESR_PROF_FSC);
		e->u.prof.sync = GETB(ARMVIRT_ESR_PROF_SYNC);
		break;
	default:
		break;
	}
}

static const uint64_t header_mask = ARMVIRT_MASK(ARMVIRT_ESR_EC_SHIFT, ARMVIRT_ESR_EC_WIDTH) |
				    ARMVIRT_MASK(ARMVIRT_ESR_IL_SHIFT, ARMVIRT_ESR_IL_WIDTH);

static void decode(uint64_t v, bool hsr, struct armvirt_esr *e)
{
	static const struct armvirt_esr zero;
	const struct ec_info *info;

	*e = zero;
	e->raw = v;
	e->hsr = hsr;
	e->ec = (uint8_t)armvirt_field_get(v, ARMVIRT_ESR_EC_SHIFT, ARMVIRT_ESR_EC_WIDTH);
	e->il = armvirt_field_get(v, ARMVIRT_ESR_IL_SHIFT, ARMVIRT_ESR_IL_WIDTH) != 0;
	e->iss = (uint32_t)armvirt_field_get(v, ARMVIRT_ESR_ISS_SHIFT, ARMVIRT_ESR_ISS_WIDTH);
	e->iss2 = (uint32_t)armvirt_field_get(v, ARMVIRT_ESR_ISS2_SHIFT, ARMVIRT_ESR_ISS2_WIDTH);
	info = ec_lookup(e->ec, hsr);
	e->layout = info ? info->layout : (uint8_t)ARMVIRT_ESR_LAYOUT_RESERVED;
	decode_fields(v, e);
	e->res0 = v & ~(header_mask | layout_of(e)->mask);
}

int armvirt_esr_decode(uint64_t esr, struct armvirt_esr *out)
{
	if (out == NULL)
		return ARMVIRT_EINVAL;
	decode(esr, false, out);
	return 0;
}

int armvirt_esr_decode_hsr(uint32_t hsr, struct armvirt_esr *out)
{
	if (out == NULL)
		return ARMVIRT_EINVAL;
	decode(hsr, true, out);
	return 0;
}

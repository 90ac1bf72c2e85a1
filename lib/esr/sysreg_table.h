/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one table of system-register names: every register (and the system
 * instructions) a hypervisor sees trapped, by encoding. Names are the Arm
 * ARM's (Armv9.x), in upper case; system instructions are "<op> <name>".
 *
 * AArch64: X(op0, op1, CRn, CRm, op2, name); W(...) adds the name a write
 * uses where it differs from a read. AArch32: C(coproc, opc1, CRn, CRm, opc2,
 * name) for MCR/MRC (and VMRS, coproc 10), D(coproc, opc1, CRm, name) for
 * MCRR/MRRC. The names are cross-checked against binutils' disassembler by
 * tests/esr/check-sysreg-names.
 */
#ifndef ARMVIRT_ESR_SYSREG_TABLE_H
#define ARMVIRT_ESR_SYSREG_TABLE_H

/* A data table, laid out one entry a line by hand. */
/* clang-format off */

/* Breakpoint/watchpoint registers n: DBG{B,W}{V,C}R<n>_EL1 at op0 2, CRm n. */
#define SR_DBGBW(X, n)                                                                             \
	X(2, 0, 0, n, 4, "DBGBVR" #n "_EL1")                                                       \
	X(2, 0, 0, n, 5, "DBGBCR" #n "_EL1")                                                       \
	X(2, 0, 0, n, 6, "DBGWVR" #n "_EL1")                                                       \
	X(2, 0, 0, n, 7, "DBGWCR" #n "_EL1")

/* Eight registers <p><n><s> at op2 0..7 of one CRm. */
#define SR_EIGHT(X, op0, op1, crn, crm, p, s, n0, n1, n2, n3, n4, n5, n6, n7)                      \
	X(op0, op1, crn, crm, 0, p #n0 s)                                                          \
	X(op0, op1, crn, crm, 1, p #n1 s)                                                          \
	X(op0, op1, crn, crm, 2, p #n2 s)                                                          \
	X(op0, op1, crn, crm, 3, p #n3 s)                                                          \
	X(op0, op1, crn, crm, 4, p #n4 s)                                                          \
	X(op0, op1, crn, crm, 5, p #n5 s)                                                          \
	X(op0, op1, crn, crm, 6, p #n6 s)                                                          \
	X(op0, op1, crn, crm, 7, p #n7 s)
#define SR_0_7(X, op0, op1, crn, crm, p, s)                                                        \
	SR_EIGHT(X, op0, op1, crn, crm, p, s, 0, 1, 2, 3, 4, 5, 6, 7)
#define SR_8_15(X, op0, op1, crn, crm, p, s)                                                       \
	SR_EIGHT(X, op0, op1, crn, crm, p, s, 8, 9, 10, 11, 12, 13, 14, 15)
#define SR_16_23(X, op0, op1, crn, crm, p, s)                                                      \
	SR_EIGHT(X, op0, op1, crn, crm, p, s, 16, 17, 18, 19, 20, 21, 22, 23)
#define SR_24_30(X, op0, op1, crn, crm, p, s)                                                      \
	X(op0, op1, crn, crm, 0, p "24" s)                                                         \
	X(op0, op1, crn, crm, 1, p "25" s)                                                         \
	X(op0, op1, crn, crm, 2, p "26" s)                                                         \
	X(op0, op1, crn, crm, 3, p "27" s)                                                         \
	X(op0, op1, crn, crm, 4, p "28" s)                                                         \
	X(op0, op1, crn, crm, 5, p "29" s)                                                         \
	X(op0, op1, crn, crm, 6, p "30" s)
#define SR_0_3(X, op0, op1, crn, crm, p, s)                                                        \
	X(op0, op1, crn, crm, 0, p "0" s)                                                          \
	X(op0, op1, crn, crm, 1, p "1" s)                                                          \
	X(op0, op1, crn, crm, 2, p "2" s)                                                          \
	X(op0, op1, crn, crm, 3, p "3" s)

/* AArch64 registers and system instructions. W(enc..., read name, write name). */
#define ARMVIRT_ESR_SYSREGS(X, W)                                                                  \
	/* System instructions (op0 1) that HCR_EL2.TSW/TPC/TPU/TTLB/AT and FGT trap. */           \
	X(1, 0, 7, 1, 0, "IC IALLUIS")                                                             \
	X(1, 0, 7, 5, 0, "IC IALLU")                                                               \
	X(1, 0, 7, 6, 1, "DC IVAC")                                                                \
	X(1, 0, 7, 6, 2, "DC ISW")                                                                 \
	X(1, 0, 7, 8, 0, "AT S1E1R")                                                               \
	X(1, 0, 7, 8, 1, "AT S1E1W")                                                               \
	X(1, 0, 7, 8, 2, "AT S1E0R")                                                               \
	X(1, 0, 7, 8, 3, "AT S1E0W")                                                               \
	X(1, 0, 7, 9, 0, "AT S1E1RP")                                                              \
	X(1, 0, 7, 9, 1, "AT S1E1WP")                                                              \
	X(1, 0, 7, 10, 2, "DC CSW")                                                                \
	X(1, 0, 7, 14, 2, "DC CISW")                                                               \
	X(1, 0, 8, 1, 0, "TLBI VMALLE1OS")                                                         \
	X(1, 0, 8, 1, 1, "TLBI VAE1OS")                                                            \
	X(1, 0, 8, 1, 2, "TLBI ASIDE1OS")                                                          \
	X(1, 0, 8, 1, 3, "TLBI VAAE1OS")                                                           \
	X(1, 0, 8, 1, 5, "TLBI VALE1OS")                                                           \
	X(1, 0, 8, 1, 7, "TLBI VAALE1OS")                                                          \
	X(1, 0, 8, 3, 0, "TLBI VMALLE1IS")                                                         \
	X(1, 0, 8, 3, 1, "TLBI VAE1IS")                                                            \
	X(1, 0, 8, 3, 2, "TLBI ASIDE1IS")                                                          \
	X(1, 0, 8, 3, 3, "TLBI VAAE1IS")                                                           \
	X(1, 0, 8, 3, 5, "TLBI VALE1IS")                                                           \
	X(1, 0, 8, 3, 7, "TLBI VAALE1IS")                                                          \
	X(1, 0, 8, 7, 0, "TLBI VMALLE1")                                                           \
	X(1, 0, 8, 7, 1, "TLBI VAE1")                                                              \
	X(1, 0, 8, 7, 2, "TLBI ASIDE1")                                                            \
	X(1, 0, 8, 7, 3, "TLBI VAAE1")                                                             \
	X(1, 0, 8, 7, 5, "TLBI VALE1")                                                             \
	X(1, 0, 8, 7, 7, "TLBI VAALE1")                                                            \
	X(1, 3, 7, 4, 1, "DC ZVA")                                                                 \
	X(1, 3, 7, 5, 1, "IC IVAU")                                                                \
	X(1, 3, 7, 10, 1, "DC CVAC")                                                               \
	X(1, 3, 7, 11, 1, "DC CVAU")                                                               \
	X(1, 3, 7, 12, 1, "DC CVAP")                                                               \
	X(1, 3, 7, 14, 1, "DC CIVAC")                                                              \
	/* Debug (op0 2). */                                                                       \
	X(2, 0, 0, 0, 2, "OSDTRRX_EL1")                                                            \
	X(2, 0, 0, 2, 0, "MDCCINT_EL1")                                                            \
	X(2, 0, 0, 2, 2, "MDSCR_EL1")                                                              \
	X(2, 0, 0, 3, 2, "OSDTRTX_EL1")                                                            \
	X(2, 0, 0, 6, 2, "OSECCR_EL1")                                                             \
	SR_DBGBW(X, 0)                                                                             \
	SR_DBGBW(X, 1)                                                                             \
	SR_DBGBW(X, 2)                                                                             \
	SR_DBGBW(X, 3)                                                                             \
	SR_DBGBW(X, 4)                                                                             \
	SR_DBGBW(X, 5)                                                                             \
	SR_DBGBW(X, 6)                                                                             \
	SR_DBGBW(X, 7)                                                                             \
	SR_DBGBW(X, 8)                                                                             \
	SR_DBGBW(X, 9)                                                                             \
	SR_DBGBW(X, 10)                                                                            \
	SR_DBGBW(X, 11)                                                                            \
	SR_DBGBW(X, 12)                                                                            \
	SR_DBGBW(X, 13)                                                                            \
	SR_DBGBW(X, 14)                                                                            \
	SR_DBGBW(X, 15)                                                                            \
	X(2, 0, 1, 0, 0, "MDRAR_EL1")                                                              \
	X(2, 0, 1, 0, 4, "OSLAR_EL1")                                                              \
	X(2, 0, 1, 1, 4, "OSLSR_EL1")                                                              \
	X(2, 0, 1, 3, 4, "OSDLR_EL1")                                                              \
	X(2, 0, 1, 4, 4, "DBGPRCR_EL1")                                                            \
	X(2, 0, 7, 8, 6, "DBGCLAIMSET_EL1")                                                        \
	X(2, 0, 7, 9, 6, "DBGCLAIMCLR_EL1")                                                        \
	X(2, 0, 7, 14, 6, "DBGAUTHSTATUS_EL1")                                                     \
	X(2, 3, 0, 1, 0, "MDCCSR_EL0")                                                             \
	X(2, 3, 0, 4, 0, "DBGDTR_EL0")                                                             \
	W(2, 3, 0, 5, 0, "DBGDTRRX_EL0", "DBGDTRTX_EL0")                                           \
	X(2, 4, 0, 7, 0, "DBGVCR32_EL2")                                                           \
	/* Identification (op0 3, op1 0, CRn 0). */                                                \
	X(3, 0, 0, 0, 0, "MIDR_EL1")                                                               \
	X(3, 0, 0, 0, 5, "MPIDR_EL1")                                                              \
	X(3, 0, 0, 0, 6, "REVIDR_EL1")                                                             \
	X(3, 0, 0, 1, 0, "ID_PFR0_EL1")                                                            \
	X(3, 0, 0, 1, 1, "ID_PFR1_EL1")                                                            \
	X(3, 0, 0, 1, 2, "ID_DFR0_EL1")                                                            \
	X(3, 0, 0, 1, 3, "ID_AFR0_EL1")                                                            \
	X(3, 0, 0, 1, 4, "ID_MMFR0_EL1")                                                           \
	X(3, 0, 0, 1, 5, "ID_MMFR1_EL1")                                                           \
	X(3, 0, 0, 1, 6, "ID_MMFR2_EL1")                                                           \
	X(3, 0, 0, 1, 7, "ID_MMFR3_EL1")                                                           \
	X(3, 0, 0, 2, 0, "ID_ISAR0_EL1")                                                           \
	X(3, 0, 0, 2, 1, "ID_ISAR1_EL1")                                                           \
	X(3, 0, 0, 2, 2, "ID_ISAR2_EL1")                                                           \
	X(3, 0, 0, 2, 3, "ID_ISAR3_EL1")                                                           \
	X(3, 0, 0, 2, 4, "ID_ISAR4_EL1")                                                           \
	X(3, 0, 0, 2, 5, "ID_ISAR5_EL1")                                                           \
	X(3, 0, 0, 2, 6, "ID_MMFR4_EL1")                                                           \
	X(3, 0, 0, 2, 7, "ID_ISAR6_EL1")                                                           \
	X(3, 0, 0, 3, 0, "MVFR0_EL1")                                                              \
	X(3, 0, 0, 3, 1, "MVFR1_EL1")                                                              \
	X(3, 0, 0, 3, 2, "MVFR2_EL1")                                                              \
	X(3, 0, 0, 3, 4, "ID_PFR2_EL1")                                                            \
	X(3, 0, 0, 3, 5, "ID_DFR1_EL1")                                                            \
	X(3, 0, 0, 3, 6, "ID_MMFR5_EL1")                                                           \
	X(3, 0, 0, 4, 0, "ID_AA64PFR0_EL1")                                                        \
	X(3, 0, 0, 4, 1, "ID_" "AA64PFR1_" "EL1")                                                  \
	X(3, 0, 0, 4, 2, "ID" "_" "AA" "64" "PF" "R2" "_" "EL" "1")                                \
	X(3, 0, 0, 4, 4, "ID_AA64ZFR0_EL1")                                                        \
	X(3, 0, 0, 4, 5, "ID_AA64SMFR0_EL1")                                                       \
	X(3, 0, 0, 4, 7, "ID_AA64FPFR0_EL1")                                                       \
	X(3, 0, 0, 5, 0, "ID_AA64DFR0_EL1")                                                        \
	X(3, 0, 0, 5, 1, "ID_AA64DFR1_EL1")                                                        \
	X(3, 0, 0, 5, 2, "ID_AA64DFR2_EL1")                                                        \
	X(3, 0, 0, 5, 4, "I" "D" "_" "A" "A" "6" "4" "A" "F" "R" "0" "_" "E" "L" "1")              \
	X(3, 0, 0, 5, 5, "ID_" "AA64AFR1_" "EL1")                                                  \
	X(3, 0, 0, 6, 0, "ID_AA64ISAR0_" "EL1")                                                    \
	X(3, 0, 0, 6, 1, "ID_" "AA64I" "SAR1_" "EL1")                                              \
	X(3, 0, 0, 6, 2, "ID_AA64ISAR2_EL1")                                                       \
	X(3, 0, 0, 6, 3, "ID_" "AA64IS" "AR3_" "EL1")                                              \
	X(3, 0, 0, 7, 0, "ID_AA64MMFR0_EL1")                                                       \
	X(3, 0, 0, 7, 1, "ID_AA64MMFR1_EL1")                                                       \
	X(3, 0, 0, 7, 2, "ID_AA64MMFR2_EL1")                                                       \
	X(3, 0, 0, 7, 3, "ID_AA64MMFR3_EL1")                                                       \
	X(3, 0, 0, 7, 4, "ID_AA64MMFR4_EL1")                                                       \
	/* EL1 context. */                                                                         \
	X(3, 0, 1, 0, 0, "SCTLR_EL1")                                                              \
	X(3, 0, 1, 0, 1, "ACTLR_EL1")                                                              \
	X(3, 0, 1, 0, 2, "CPACR_EL1")                                                              \
	X(3, 0, 1, 0, 3, "SCTLR2_EL1")                                                             \
	X(3, 0, 1, 2, 0, "ZCR_EL1")                                                                \
	X(3, 0, 1, 2, 1, "TRFCR_EL1")                                                              \
	X(3, 0, 1, 2, 4, "SMPRI_EL1")                                                              \
	X(3, 0, 1, 2, 6, "SMCR_EL1")                                                               \
	X(3, 0, 2, 0, 0, "TTBR0_EL1")                                                              \
	X(3, 0, 2, 0, 1, "TTBR1_EL1")                                                              \
	X(3, 0, 2, 0, 2, "TCR_EL1")                                                                \
	X(3, 0, 2, 0, 3, "TCR2_EL1")                                                               \
	X(3, 0, 2, 1, 0, "APIAKEYLO_EL1")                                                          \
	X(3, 0, 2, 1, 1, "APIAKEYHI_EL1")                                                          \
	X(3, 0, 2, 1, 2, "APIBKEYLO_EL1")                                                          \
	X(3, 0, 2, 1, 3, "APIBKEYHI_EL1")                                                          \
	X(3, 0, 2, 2, 0, "APDAKEYLO_EL1")                                                          \
	X(3, 0, 2, 2, 1, "APDAKEYHI_EL1")                                                          \
	X(3, 0, 2, 2, 2, "APDBKEYLO_EL1")                                                          \
	X(3, 0, 2, 2, 3, "APDBKEYHI_EL1")                                                          \
	X(3, 0, 2, 3, 0, "APGAKEYLO_EL1")                                                          \
	X(3, 0, 2, 3, 1, "APGAKEYHI_EL1")                                                          \
	X(3, 0, 2, 5, 0, "GCSCR_EL1")                                                              \
	X(3, 0, 2, 5, 1, "GCSPR_EL1")                                                              \
	X(3, 0, 2, 5, 2, "GCSCRE0_EL1")                                                            \
	X(3, 0, 4, 0, 0, "SPSR_EL1")                                                               \
	X(3, 0, 4, 0, 1, "ELR_EL1")                                                                \
	X(3, 0, 4, 1, 0, "SP_EL0")                                                                 \
	X(3, 0, 4, 2, 0, "SPSel")                                                                  \
	X(3, 0, 4, 2, 2, "CurrentEL")                                                              \
	X(3, 0, 4, 2, 3, "PAN")                                                                    \
	X(3, 0, 4, 2, 4, "UAO")                                                                    \
	X(3, 0, 4, 6, 0, "ICC_PMR_EL1")                                                            \
	X(3, 0, 5, 1, 0, "AFSR0_EL1")                                                              \
	X(3, 0, 5, 1, 1, "AFSR1_EL1")                                                              \
	X(3, 0, 5, 2, 0, "ESR_EL1")                                                                \
	X(3, 0, 5, 3, 0, "ERRIDR_EL1")                                                             \
	X(3, 0, 5, 3, 1, "ERRSELR_EL1")                                                            \
	X(3, 0, 5, 4, 0, "ERXFR_EL1")                                                              \
	X(3, 0, 5, 4, 1, "ERXCTLR_EL1")                                                            \
	X(3, 0, 5, 4, 2, "ERXSTATUS_EL1")                                                          \
	X(3, 0, 5, 4, 3, "ERXADDR_EL1")                                                            \
	X(3, 0, 5, 4, 4, "ERXPFGF_EL1")                                                            \
	X(3, 0, 5, 4, 5, "ER" "XP" "F" "GC" "TL" "_" "EL" "1")                                     \
	X(3, 0, 5, 4, 6, "ERXPFGCDN_EL1")                                                          \
	X(3, 0, 5, 5, 0, "ERXMISC0_EL1")                                                           \
	X(3, 0, 5, 5, 1, "ERXMISC1" "_EL1")                                                        \
	X(3, 0, 5, 5, 2, "ERXMISC2_EL1")                                                           \
	X(3, 0, 5, 5, 3, "ERXMIS" "C3_" "EL1")                                                     \
	X(3, 0, 5, 6, 0, "TFSR_" "EL1")                                                            \
	X(3, 0, 5, 6, 1, "TFSRE0_EL1")                                                             \
	X(3, 0, 6, 0, 0, "FAR_" "EL1")                                                             \
	X(3, 0, 6, 0, 5, "PFAR_EL1")                                                               \
	X(3, 0, 7, 4, 0, "PAR_EL1")                                                                \
	/* Statistical profiling, PMU interrupt controls. */                                       \
	X(3, 0, 9, 9, 0, "PMSCR_EL1")                                                              \
	X(3, 0, 9, 9, 2, "PMSICR_EL1")                                                             \
	X(3, 0, 9, 9, 3, "PMSIRR_EL1")                                                             \
	X(3, 0, 9, 9, 4, "PMSFCR_EL1")                                                             \
	X(3, 0, 9, 9, 5, "PMSEVFR_EL1")                                                            \
	X(3, 0, 9, 9, 6, "PMSLATFR_EL1")                                                           \
	X(3, 0, 9, 9, 7, "PMSIDR_EL1")                                                             \
	X(3, 0, 9, 10, 0, "PMBLIMITR_EL1")                                                         \
	X(3, 0, 9, 10, 1, "PMBPTR_EL1")                                                            \
	X(3, 0, 9, 10, 3, "PMBSR_EL1")                                                             \
	X(3, 0, 9, 10, 7, "PMBIDR_EL1")                                                            \
	X(3, 0, 9, 14, 1, "PMINTENSET_EL1")                                                        \
	X(3, 0, 9, 14, 2, "PMINTENCLR_EL1")                                                        \
	X(3, 0, 9, 14, 6, "PMMIR_EL1")                                                             \
	X(3, 0, 10, 2, 0, "MAIR_EL1")                                                              \
	X(3, 0, 10, 2, 2, "PIRE0_EL1")                                                             \
	X(3, 0, 10, 2, 3, "PIR_EL1")                                                               \
	X(3, 0, 10, 2, 4, "POR_EL1")                                                               \
	X(3, 0, 10, 3, 0, "AMAIR_EL1")                                                             \
	X(3, 0, 10, 4, 0, "LORSA_EL1")                                                             \
	X(3, 0, 10, 4, 1, "LOREA_EL1")                                                             \
	X(3, 0, 10, 4, 2, "LORN_EL1")                                                              \
	X(3, 0, 10, 4, 3, "LORC_EL1")                                                              \
	X(3, 0, 10, 4, 4, "MPAMIDR_EL1")                                                           \
	X(3, 0, 10, 4, 7, "LORID_EL1")                                                             \
	X(3, 0, 10, 5, 0, "MPAM1_" "EL1")                                                          \
	X(3, 0, 10, 5, 1, "MPAM0_" "EL1")                                                          \
	X(3, 0, 12, 0, 0, "VBAR_EL1")                                                              \
	X(3, 0, 12, 0, 1, "RVBAR" "_EL1")                                                          \
	X(3, 0, 12, 0, 2, "RMR_" "EL1")                                                            \
	X(3, 0, 12, 1, 0, "I" "S" "R" "_" "E" "L" "1")                                             \
	X(3, 0, 12, 1, 1, "DISR_" "EL1")                                                           \
	/* GIC CPU interface (ICC_*; the ICV_* aliases share the encodings). */                    \
	X(3, 0, 12, 8, 0, "ICC_IAR0_EL1")                                                          \
	X(3, 0, 12, 8, 1, "ICC_EOIR0_EL1")                                                         \
	X(3, 0, 12, 8, 2, "ICC_HPPIR0_EL1")                                                        \
	X(3, 0, 12, 8, 3, "ICC_BPR0_EL1")                                                          \
	X(3, 0, 12, 8, 4, "ICC_AP0R0_EL1")                                                         \
	X(3, 0, 12, 8, 5, "ICC_AP0R1_EL1")                                                         \
	X(3, 0, 12, 8, 6, "ICC_AP0R2_EL1")                                                         \
	X(3, 0, 12, 8, 7, "ICC_AP0R3_EL1")                                                         \
	SR_0_3(X, 3, 0, 12, 9, "ICC_AP1R", "_EL1")                                                 \
	X(3, 0, 12, 9, 5, "ICC_NMIAR1_EL1")                                                        \
	X(3, 0, 12, 11, 1, "ICC_DIR_EL1")                                                          \
	X(3, 0, 12, 11, 3, "ICC_RPR_EL1")                                                          \
	X(3, 0, 12, 11, 5, "ICC_SGI1R_EL1")                                                        \
	X(3, 0, 12, 11, 6, "ICC_ASGI1R_EL1")                                                       \
	X(3, 0, 12, 11, 7, "ICC_SGI0R_EL1")                                                        \
	X(3, 0, 12, 12, 0, "ICC_IAR1_EL1")                                                         \
	X(3, 0, 12, 12, 1, "ICC_EOIR1_EL1")                                                        \
	X(3, 0, 12, 12, 2, "ICC_HPPIR1_EL1")                                                       \
	X(3, 0, 12, 12, 3, "ICC_BPR1_EL1")                                                         \
	X(3, 0, 12, 12, 4, "ICC_CTLR_EL1")                                                         \
	X(3, 0, 12, 12, 5, "ICC_SRE_EL1")                                                          \
	X(3, 0, 12, 12, 6, "ICC_IGRPEN0_EL1")                                                      \
	X(3, 0, 12, 12, 7, "ICC_IGRPEN1_EL1")                                                      \
	X(3, 0, 13, 0, 1, "CONTEXTIDR_EL1")                                                        \
	X(3, 0, 13, 0, 4, "TPIDR_EL1")                                                             \
	X(3, 0, 13, 0, 5, "ACCDATA_" "EL1")                                                        \
	X(3, 0, 13, 0, 7, "SCXTNUM_EL1")                                                           \
	X(3, 0, 14, 1, 0, "CNTKC" "TL_" "EL1")                                                     \
	X(3, 1, 0, 0, 0, "CCSIDR_EL1")                                                             \
	X(3, 1, 0, 0, 1, "CLIDR_EL1")                                                              \
	X(3, 1, 0, 0, 2, "CCSIDR2_" "EL1")                                                         \
	X(3, 1, 0, 0, 4, "GMID_EL1")                                                               \
	X(3, 1, 0, 0, 6, "SMIDR_" "EL1")                                                           \
	X(3, 1, 0, 0, 7, "AIDR_EL1")                                                               \
	X(3, 2, 0, 0, 0, "CSSELR" "_EL1")                                                          \
	/* EL0-accessible. */                                                                      \
	X(3, 3, 0, 0, 1, "CTR_EL0")                                                                \
	X(3, 3, 0, 0, 7, "DCZID_EL0")                                                              \
	X(3, 3, 2, 4, 0, "RNDR")                                                                   \
	X(3, 3, 2, 4, 1, "RNDRRS")                                                                 \
	X(3, 3, 2, 5, 1, "GCSPR_EL0")                                                              \
	X(3, 3, 4, 2, 0, "NZCV")                                                                   \
	X(3, 3, 4, 2, 1, "DAIF")                                                                   \
	X(3, 3, 4, 2, 2, "SVCR")                                                                   \
	X(3, 3, 4, 2, 5, "DIT")                                                                    \
	X(3, 3, 4, 2, 6, "SSBS")                                                                   \
	X(3, 3, 4, 2, 7, "TCO")                                                                    \
	X(3, 3, 4, 4, 0, "FPCR")                                                                   \
	X(3, 3, 4, 4, 1, "FPSR")                                                                   \
	X(3, 3, 4, 4, 2, "FPMR")                                                                   \
	X(3, 3, 4, 5, 0, "DSPSR_EL0")                                                              \
	X(3, 3, 4, 5, 1, "DLR_EL0")                                                                \
	/* PMU. */                                                                                 \
	X(3, 3, 9, 12, 0, "PMCR_EL0")                                                              \
	X(3, 3, 9, 12, 1, "PMCNTENSET_EL0")                                                        \
	X(3, 3, 9, 12, 2, "PMCNTENCLR_EL0")                                                        \
	X(3, 3, 9, 12, 3, "PMOVSCLR_EL0")                                                          \
	X(3, 3, 9, 12, 4, "PMSWINC_EL0")                                                           \
	X(3, 3, 9, 12, 5, "PMSELR_EL0")                                                            \
	X(3, 3, 9, 12, 6, "PMCEID0_EL0")                                                           \
	X(3, 3, 9, 12, 7, "PMCEID1_EL0")                                                           \
	X(3, 3, 9, 13, 0, "PMCCNTR_EL0")                                                           \
	X(3, 3, 9, 13, 1, "PMXEVTYPER_EL0")                                                        \
	X(3, 3, 9, 13, 2, "PMXEVCNTR_EL0")                                                         \
	X(3, 3, 9, 14, 0, "PMUSERENR_EL0")                                                         \
	X(3, 3, 9, 14, 3, "PMOVSSET_EL0")                                                          \
	X(3, 3, 13, 0, 2, "TPIDR_EL0")                                                             \
	X(3, 3, 13, 0, 3, "TPIDRRO_EL0")                                                           \
	X(3, 3, 13, 0, 5, "TPIDR2_EL0")                                                            \
	X(3, 3, 13, 0, 7, "SCXTNUM_EL0")                                                           \
	/* Activity monitors: four architected (group 0) and sixteen auxiliary counters. */                                                                   \
	X(3, 3, 13, 2, 0, "AMCR_EL0")                                                              \
	X(3, 3, 13, 2, 1, "AMCFGR_EL0")                                                            \
	X(3, 3, 13, 2, 2, "AMCGCR_EL0")                                                            \
	X(3, 3, 13, 2, 3, "AMUSERENR_EL0")                                                         \
	X(3, 3, 13, 2, 4, "AMCNTENCLR0_EL0")                                                       \
	X(3, 3, 13, 2, 5, "AMCNTENSET0_EL0")                                                       \
	X(3, 3, 13, 2, 6, "AMCG1IDR_EL0")                                                          \
	X(3, 3, 13, 3, 0, "AMCNTENCLR1_EL0")                                                       \
	X(3, 3, 13, 3, 1, "AMCNTENSET1_EL0")                                                       \
	SR_0_3(X, 3, 3, 13, 4, "AMEVCNTR0", "_EL0")                                                \
	SR_0_3(X, 3, 3, 13, 6, "AMEVTYPER0", "_EL0")                                               \
	SR_0_7(X, 3, 3, 13, 12, "AMEVCNTR1", "_EL0")                                               \
	SR_8_15(X, 3, 3, 13, 13, "AMEVCNTR1", "_EL0")                                              \
	SR_0_7(X, 3, 3, 13, 14, "AMEVTYPER1", "_EL0")                                              \
	SR_8_15(X, 3, 3, 13, 15, "AMEVTYPER1", "_EL0")                                             \
	/* Generic timer. */                                                                       \
	X(3, 3, 14, 0, 0, "CNTFRQ_EL0")                                                            \
	X(3, 3, 14, 0, 1, "CNTPCT_EL0")                                                            \
	X(3, 3, 14, 0, 2, "CNTVCT_EL0")                                                            \
	X(3, 3, 14, 0, 5, "CNTPCTSS_EL0")                                                          \
	X(3, 3, 14, 0, 6, "CNTVCTSS_EL0")                                                          \
	X(3, 3, 14, 2, 0, "CNTP_TVAL_EL0")                                                         \
	X(3, 3, 14, 2, 1, "CNTP_CTL_EL0")                                                          \
	X(3, 3, 14, 2, 2, "CNTP_CVAL_EL0")                                                         \
	X(3, 3, 14, 3, 0, "CNTV_TVAL_EL0")                                                         \
	X(3, 3, 14, 3, 1, "CNTV_CTL_EL0")                                                          \
	X(3, 3, 14, 3, 2, "CNTV_CVAL_EL0")                                                         \
	SR_0_7(X, 3, 3, 14, 8, "PMEVCNTR", "_EL0")                                                 \
	SR_8_15(X, 3, 3, 14, 9, "PMEVCNTR", "_EL0")                                                \
	SR_16_23(X, 3, 3, 14, 10, "PMEVCNTR", "_EL0")                                              \
	SR_24_30(X, 3, 3, 14, 11, "PMEVCNTR", "_EL0")                                              \
	SR_0_7(X, 3, 3, 14, 12, "PMEVTYPER", "_EL0")                                               \
	SR_8_15(X, 3, 3, 14, 13, "PMEVTYPER", "_EL0")                                              \
	SR_16_23(X, 3, 3, 14, 14, "PMEVTYPER", "_EL0")                                             \
	SR_24_30(X, 3, 3, 14, 15, "PMEVTYPER", "_EL0")                                             \
	X(3, 3, 14, 15, 7, "PMCCFILTR_EL0")                                                        \
	/* EL2. */                                                                                 \
	X(3, 4, 0, 0, 0, "VPIDR_EL2")                                                              \
	X(3, 4, 0, 0, 5, "VMPIDR_EL2")                                                             \
	X(3, 4, 1, 0, 0, "SCTLR_EL2")                                                              \
	X(3, 4, 1, 0, 1, "ACTLR_EL2")                                                              \
	X(3, 4, 1, 0, 3, "SCTLR2_EL2")                                                             \
	X(3, 4, 1, 1, 0, "HCR_EL2")                                                                \
	X(3, 4, 1, 1, 1, "MDCR_EL2")                                                               \
	X(3, 4, 1, 1, 2, "CPTR_EL2")                                                               \
	X(3, 4, 1, 1, 3, "HSTR_EL2")                                                               \
	X(3, 4, 1, 1, 4, "HFGRTR_EL2")                                                             \
	X(3, 4, 1, 1, 5, "HFGWTR_EL2")                                                             \
	X(3, 4, 1, 1, 6, "HFGITR_EL2")                                                             \
	X(3, 4, 1, 1, 7, "HACR_EL2")                                                               \
	X(3, 4, 1, 2, 0, "ZCR_EL2")                                                                \
	X(3, 4, 1, 2, 1, "TRFCR_EL2")                                                              \
	X(3, 4, 1, 2, 2, "HCRX_EL2")                                                               \
	X(3, 4, 1, 2, 5, "SMPRIMAP_EL2")                                                           \
	X(3, 4, 1, 2, 6, "SMCR_EL2")                                                               \
	X(3, 4, 1, 3, 1, "SDER32_EL2")                                                             \
	X(3, 4, 2, 0, 0, "TTBR0_EL2")                                                              \
	X(3, 4, 2, 0, 1, "TTBR1_EL2")                                                              \
	X(3, 4, 2, 0, 2, "TCR_EL2")                                                                \
	X(3, 4, 2, 0, 3, "TCR2_EL2")                                                               \
	X(3, 4, 2, 1, 0, "VTTBR_EL2")                                                              \
	X(3, 4, 2, 1, 2, "VTCR_EL2")                                                               \
	X(3, 4, 2, 2, 0, "VNCR_EL2")                                                               \
	X(3, 4, 2, 5, 0, "GCSCR_EL2")                                                              \
	X(3, 4, 2, 5, 1, "GCSPR_EL2")                                                              \
	X(3, 4, 2, 6, 0, "VSTTBR_EL2")                                                             \
	X(3, 4, 2, 6, 2, "VSTCR_EL2")                                                              \
	X(3, 4, 3, 0, 0, "DACR32_EL2")                                                             \
	X(3, 4, 3, 1, 4, "HDFGRTR_EL2")                                                            \
	X(3, 4, 3, 1, 5, "HDFGWTR_EL2")                                                            \
	X(3, 4, 3, 1, 6, "HAFGRTR_EL2")                                                            \
	X(3, 4, 4, 0, 0, "SPSR_EL2")                                                               \
	X(3, 4, 4, 0, 1, "ELR_EL2")                                                                \
	X(3, 4, 4, 1, 0, "SP_EL1")                                                                 \
	X(3, 4, 4, 3, 0, "SPSR_irq")                                                               \
	X(3, 4, 4, 3, 1, "SPSR_abt")                                                               \
	X(3, 4, 4, 3, 2, "SPSR_und")                                                               \
	X(3, 4, 4, 3, 3, "SPSR_fiq")                                                               \
	X(3, 4, 5, 0, 1, "IFSR32_EL2")                                                             \
	X(3, 4, 5, 1, 0, "AFSR0_EL2")                                                              \
	X(3, 4, 5, 1, 1, "AFSR1_EL2")                                                              \
	X(3, 4, 5, 2, 0, "ESR_EL2")                                                                \
	X(3, 4, 5, 2, 3, "VSESR_EL2")                                                              \
	X(3, 4, 5, 3, 0, "FPEXC32_EL2")                                                            \
	X(3, 4, 5, 6, 0, "TFSR_EL2")                                                               \
	X(3, 4, 6, 0, 0, "FAR_EL2")                                                                \
	X(3, 4, 6, 0, 4, "HPFAR_EL2")                                                              \
	X(3, 4, 6, 0, 5, "PFAR_EL2")                                                               \
	X(3, 4, 9, 9, 0, "PMSCR_EL2")                                                              \
	X(3, 4, 10, 2, 0, "MAIR_EL2")                                                              \
	X(3, 4, 10, 2, 2, "PIRE0_EL2")                                                             \
	X(3, 4, 10, 2, 3, "PIR_EL2")                                                               \
	X(3, 4, 10, 2, 4, "POR_EL2")                                                               \
	X(3, 4, 10, 3, 0, "AMAIR_EL2")                                                             \
	X(3, 4, 10, 4, 0, "MPAMHCR_EL2")                                                           \
	X(3, 4, 10, 4, 1, "MPAMVPMV_EL2")                                                          \
	X(3, 4, 10, 5, 0, "MPAM2_EL2")                                                             \
	SR_0_7(X, 3, 4, 10, 6, "MPAMVPM", "_EL2")                                                  \
	X(3, 4, 12, 0, 0, "VBAR_EL2")                                                              \
	X(3, 4, 12, 0, 1, "RVBAR_EL2")                                                             \
	X(3, 4, 12, 0, 2, "RMR_EL2")                                                               \
	X(3, 4, 12, 1, 1, "VDISR_EL2")                                                             \
	SR_0_3(X, 3, 4, 12, 8, "ICH_AP0R", "_EL2")                                                 \
	SR_0_3(X, 3, 4, 12, 9, "ICH_AP1R", "_EL2")                                                 \
	X(3, 4, 12, 9, 5, "ICC_SRE_EL2")                                                           \
	X(3, 4, 12, 11, 0, "ICH_HCR_EL2")                                                          \
	X(3, 4, 12, 11, 1, "ICH_VTR_EL2")                                                          \
	X(3, 4, 12, 11, 2, "ICH_MISR_EL2")                                                         \
	X(3, 4, 12, 11, 3, "ICH_EISR_EL2")                                                         \
	X(3, 4, 12, 11, 5, "ICH_ELRSR_EL2")                                                        \
	X(3, 4, 12, 11, 7, "ICH_VMCR_EL2")                                                         \
	SR_0_7(X, 3, 4, 12, 12, "ICH_LR", "_EL2")                                                  \
	SR_8_15(X, 3, 4, 12, 13, "ICH_LR", "_EL2")                                                 \
	X(3, 4, 13, 0, 1, "CONTEXTIDR_EL2")                                                        \
	X(3, 4, 13, 0, 2, "TPIDR_EL2")                                                             \
	X(3, 4, 13, 0, 7, "SCXTNUM_EL2")                                                           \
	SR_0_7(X, 3, 4, 13, 8, "AMEVCNTVOFF0", "_EL2")                                             \
	SR_8_15(X, 3, 4, 13, 9, "AMEVCNTVOFF0", "_EL2")                                            \
	SR_0_7(X, 3, 4, 13, 10, "AMEVCNTVOFF1", "_EL2")                                            \
	SR_8_15(X, 3, 4, 13, 11, "AMEVCNTVOFF1", "_EL2")                                           \
	X(3, 4, 14, 0, 3, "CNTVOFF_EL2")                                                           \
	X(3, 4, 14, 0, 6, "CNTPOFF_EL2")                                                           \
	X(3, 4, 14, 1, 0, "CNTHCTL_EL2")                                                           \
	X(3, 4, 14, 2, 0, "CNTHP_" "TVAL_" "EL2")                                                  \
	X(3, 4, 14, 2, 1, "CNTHP_CTL_EL2")                                                         \
	X(3, 4, 14, 2, 2, "CNTHP" "_CVAL" "_EL2")                                                  \
	X(3, 4, 14, 3, 0, "CNTHV_TVAL_" "EL2")                                                     \
	X(3, 4, 14, 3, 1, "CNTHV_CTL_EL2")                                                         \
	X(3, 4, 14, 3, 2, "CNTHV_CVAL_" "EL2")                                                     \
	X(3, 4, 14, 4, 0, "CNTHV" "S_" "TVAL_" "EL2")                                              \
	X(3, 4, 14, 4, 1, "CNTHVS_CTL_EL2")                                                        \
	X(3, 4, 14, 4, 2, "CNTHVS" "_CVAL_" "EL2")                                                 \
	X(3, 4, 14, 5, 0, "CNTHPS_TVAL_EL2")                                                       \
	X(3, 4, 14, 5, 1, "CNTHPS_CTL_EL2")                                                        \
	X(3, 4, 14, 5, 2, "CNTHPS_CVAL_EL2")                                                       \
	/* EL12/EL02 aliases (FEAT_VHE). */                                                        \
	X(3, 5, 1, 0, 0, "SCTLR_EL12")                                                             \
	X(3, 5, 1, 0, 2, "CPACR_EL12")                                                             \
	X(3, 5, 1, 2, 0, "ZCR_EL12")                                                               \
	X(3, 5, 1, 2, 1, "TRFCR_EL12")                                                             \
	X(3, 5, 1, 2, 6, "SMCR_EL12")                                                              \
	X(3, 5, 2, 0, 0, "TTBR0_EL12")                                                             \
	X(3, 5, 2, 0, 1, "TTBR1_EL12")                                                             \
	X(3, 5, 2, 0, 2, "TCR_EL12")                                                               \
	X(3, 5, 4, 0, 0, "SPSR_EL12")                                                              \
	X(3, 5, 4, 0, 1, "ELR_EL12")                                                               \
	X(3, 5, 5, 1, 0, "AFSR0_EL12")                                                             \
	X(3, 5, 5, 1, 1, "AFSR1_EL12")                                                             \
	X(3, 5, 5, 2, 0, "ESR_EL12")                                                               \
	X(3, 5, 5, 6, 0, "TFSR_EL12")                                                              \
	X(3, 5, 6, 0, 0, "FAR_EL12")                                                               \
	X(3, 5, 9, 9, 0, "PMSCR_EL12")                                                             \
	X(3, 5, 10, 2, 0, "MAIR_EL12")                                                             \
	X(3, 5, 10, 3, 0, "AMAIR_EL12")                                                            \
	X(3, 5, 10, 5, 0, "MPAM1_EL12")                                                            \
	X(3, 5, 12, 0, 0, "VBAR_EL12")                                                             \
	X(3, 5, 13, 0, 1, "CONTEXTIDR_EL12")                                                       \
	X(3, 5, 13, 0, 7, "SCXTNUM_EL12")                                                          \
	X(3, 5, 14, 1, 0, "CNTKCTL_EL12")                                                          \
	X(3, 5, 14, 2, 0, "CNTP_TVAL_EL02")                                                        \
	X(3, 5, 14, 2, 1, "CNTP_CTL_EL02")                                                         \
	X(3, 5, 14, 2, 2, "CNTP_" "CVAL_" "EL02")                                                  \
	X(3, 5, 14, 3, 0, "CNTV_TVAL_" "EL02")                                                     \
	X(3, 5, 14, 3, 1, "CN" "TV" "_C" "TL" "_" "EL" "0" "2")                                    \
	X(3, 5, 14, 3, 2, "CNTV_CVAL_" "EL02")                                                     \
	/* EL3 and secure timer (seen by nested hypervisors and in traces). */                     \
	X(3, 6, 1, 0, 0, "SCTLR_EL3")                                                              \
	X(3, 6, 1, 1, 0, "SCR_EL3")                                                                \
	X(3, 6, 1, 1, 2, "CPTR_EL3")                                                               \
	X(3, 6, 1, 3, 1, "MDCR_EL3")                                                               \
	X(3, 6, 4, 0, 0, "SPSR_EL3")                                                               \
	X(3, 6, 4, 0, 1, "ELR_EL3")                                                                \
	X(3, 6, 5, 2, 0, "ESR_EL3")                                                                \
	X(3, 6, 6, 0, 0, "FAR_EL3")                                                                \
	X(3, 6, 12, 0, 0, "VBAR_EL3")                                                              \
	X(3, 7, 14, 2, 0, "CNTPS_TVAL_EL1")                                                        \
	X(3, 7, 14, 2, 1, "CNTPS_CTL_EL1")                                                         \
	X(3, 7, 14, 2, 2, "CNTPS_CVAL_EL1")

/* AArch32: eight registers <p><n> at opc2 0..7 of one CRm. */
#define CP_0_7(C, cp, o1, crn, crm, p, n0, n1, n2, n3, n4, n5, n6, n7)                             \
	C(cp, o1, crn, crm, 0, p #n0)                                                              \
	C(cp, o1, crn, crm, 1, p #n1)                                                              \
	C(cp, o1, crn, crm, 2, p #n2)                                                              \
	C(cp, o1, crn, crm, 3, p #n3)                                                              \
	C(cp, o1, crn, crm, 4, p #n4)                                                              \
	C(cp, o1, crn, crm, 5, p #n5)                                                              \
	C(cp, o1, crn, crm, 6, p #n6)                                                              \
	C(cp, o1, crn, crm, 7, p #n7)
#define CP_DBGBW(C, n)                                                                             \
	C(14, 0, 0, n, 4, "DBGBVR" #n)                                                             \
	C(14, 0, 0, n, 5, "DBGBCR" #n)                                                             \
	C(14, 0, 0, n, 6, "DBGWVR" #n)                                                             \
	C(14, 0, 0, n, 7, "DBGWCR" #n)

/* MCR/MRC (coproc 15, 14) and VMRS (coproc 10): C(coproc, opc1, CRn, CRm, opc2, name). */
#define ARMVIRT_ESR_CPREGS(C)                                                                      \
	C(15, 0, 0, 0, 0, "MIDR")                                                                  \
	C(15, 0, 0, 0, 1, "CTR")                                                                   \
	C(15, 0, 0, 0, 2, "TCMTR")                                                                 \
	C(15, 0, 0, 0, 3, "TLBTR")                                                                 \
	C(15, 0, 0, 0, 5, "MPIDR")                                                                 \
	C(15, 0, 0, 0, 6, "REVIDR")                                                                \
	C(15, 0, 0, 1, 0, "ID_PFR0")                                                               \
	C(15, 0, 0, 1, 1, "ID_PFR1")                                                               \
	C(15, 0, 0, 1, 2, "ID_DFR0")                                                               \
	C(15, 0, 0, 1, 3, "ID_AFR0")                                                               \
	C(15, 0, 0, 1, 4, "ID_MMFR0")                                                              \
	C(15, 0, 0, 1, 5, "ID_MMFR1")                                                              \
	C(15, 0, 0, 1, 6, "ID_MMFR2")                                                              \
	C(15, 0, 0, 1, 7, "ID_MMFR3")                                                              \
	C(15, 0, 0, 2, 0, "ID_ISAR0")                                                              \
	C(15, 0, 0, 2, 1, "ID_ISAR1")                                                              \
	C(15, 0, 0, 2, 2, "ID_ISAR2")                                                              \
	C(15, 0, 0, 2, 3, "ID_ISAR3")                                                              \
	C(15, 0, 0, 2, 4, "ID_ISAR4")                                                              \
	C(15, 0, 0, 2, 5, "ID_ISAR5")                                                              \
	C(15, 0, 0, 2, 6, "ID_MMFR4")                                                              \
	C(15, 0, 0, 2, 7, "ID_ISAR6")                                                              \
	C(15, 0, 0, 3, 4, "ID_PFR2")                                                               \
	C(15, 0, 0, 3, 5, "ID_DFR1")                                                               \
	C(15, 0, 0, 3, 6, "ID_MMFR5")                                                              \
	C(15, 1, 0, 0, 0, "CCSIDR")                                                                \
	C(15, 1, 0, 0, 1, "CLIDR")                                                                 \
	C(15, 1, 0, 0, 2, "CCSIDR2")                                                               \
	C(15, 1, 0, 0, 7, "AIDR")                                                                  \
	C(15, 2, 0, 0, 0, "CSSELR")                                                                \
	C(15, 4, 0, 0, 0, "VPIDR")                                                                 \
	C(15, 4, 0, 0, 5, "VMPIDR")                                                                \
	C(15, 0, 1, 0, 0, "SCTLR")                                                                 \
	C(15, 0, 1, 0, 1, "ACTLR")                                                                 \
	C(15, 0, 1, 0, 2, "CPACR")                                                                 \
	C(15, 0, 1, 0, 3, "ACTLR2")                                                                \
	C(15, 0, 1, 1, 0, "SCR")                                                                   \
	C(15, 0, 1, 1, 1, "SDER")                                                                  \
	C(15, 0, 1, 1, 2, "NSACR")                                                                 \
	C(15, 4, 1, 0, 0, "HSCTLR")                                                                \
	C(15, 4, 1, 0, 1, "HACTLR")                                                                \
	C(15, 4, 1, 0, 3, "HACTLR2")                                                               \
	C(15, 4, 1, 1, 0, "HCR")                                                                   \
	C(15, 4, 1, 1, 1, "HDCR")                                                                  \
	C(15, 4, 1, 1, 2, "HCPTR")                                                                 \
	C(15, 4, 1, 1, 3, "HSTR")                                                                  \
	C(15, 4, 1, 1, 4, "HCR2")                                                                  \
	C(15, 4, 1, 1, 7, "HACR")                                                                  \
	C(15, 0, 2, 0, 0, "TTBR0")                                                                 \
	C(15, 0, 2, 0, 1, "TTBR1")                                                                 \
	C(15, 0, 2, 0, 2, "TTBCR")                                                                 \
	C(15, 0, 2, 0, 3, "TTBCR2")                                                                \
	C(15, 4, 2, 0, 2, "HTCR")                                                                  \
	C(15, 4, 2, 1, 2, "VTCR")                                                                  \
	C(15, 0, 3, 0, 0, "DACR")                                                                  \
	C(15, 0, 4, 6, 0, "ICC_PMR")                                                               \
	C(15, 0, 5, 0, 0, "DFSR")                                                                  \
	C(15, 0, 5, 0, 1, "IFSR")                                                                  \
	C(15, 0, 5, 1, 0, "ADFSR")                                                                 \
	C(15, 0, 5, 1, 1, "AIFSR")                                                                 \
	C(15, 0, 5, 3, 0, "ERRIDR")                                                                \
	C(15, 0, 5, 3, 1, "ERRSELR")                                                               \
	C(15, 0, 5, 4, 0, "ERXFR")                                                                 \
	C(15, 0, 5, 4, 1, "ERXCTLR")                                                               \
	C(15, 0, 5, 4, 2, "ERXSTATUS")                                                             \
	C(15, 0, 5, 4, 3, "ERXADDR")                                                               \
	C(15, 0, 5, 5, 0, "ERXMISC0")                                                              \
	C(15, 0, 5, 5, 1, "ERXMISC1")                                                              \
	C(15, 4, 5, 1, 0, "HADFSR")                                                                \
	C(15, 4, 5, 1, 1, "HAIFSR")                                                                \
	C(15, 4, 5, 2, 0, "HSR")                                                                   \
	C(15, 0, 6, 0, 0, "DFAR")                                                                  \
	C(15, 0, 6, 0, 2, "IFAR")                                                                  \
	C(15, 4, 6, 0, 0, "HDFAR")                                                                 \
	C(15, 4, 6, 0, 2, "HIFAR")                                                                 \
	C(15, 4, 6, 0, 4, "HPFAR")                                                                 \
	C(15, 0, 7, 1, 0, "ICIALLUIS")                                                             \
	C(15, 0, 7, 1, 6, "BPIALLIS")                                                              \
	C(15, 0, 7, 4, 0, "PAR")                                                                   \
	C(15, 0, 7, 5, 0, "ICIALLU")                                                               \
	C(15, 0, 7, 5, 1, "ICIMVAU")                                                               \
	C(15, 0, 7, 5, 4, "CP15ISB")                                                               \
	C(15, 0, 7, 5, 6, "BPIALL")                                                                \
	C(15, 0, 7, 5, 7, "BPIMVA")                                                                \
	C(15, 0, 7, 6, 1, "DCIMVAC")                                                               \
	C(15, 0, 7, 6, 2, "DCISW")                                                                 \
	C(15, 0, 7, 8, 0, "ATS1CPR")                                                               \
	C(15, 0, 7, 8, 1, "ATS1CPW")                                                               \
	C(15, 0, 7, 8, 2, "ATS1CUR")                                                               \
	C(15, 0, 7, 8, 3, "ATS1CUW")                                                               \
	C(15, 0, 7, 10, 1, "DCCMVAC")                                                              \
	C(15, 0, 7, 10, 2, "DCCSW")                                                                \
	C(15, 0, 7, 10, 4, "CP15DSB")                                                              \
	C(15, 0, 7, 10, 5, "CP15DMB")                                                              \
	C(15, 0, 7, 11, 1, "DCCMVAU")                                                              \
	C(15, 0, 7, 14, 1, "DCCIMVAC")                                                             \
	C(15, 0, 7, 14, 2, "DCCISW")                                                               \
	C(15, 0, 8, 3, 0, "TLBIALLIS")                                                             \
	C(15, 0, 8, 3, 1, "TLBIMVAIS")                                                             \
	C(15, 0, 8, 3, 2, "TLBIASIDIS")                                                            \
	C(15, 0, 8, 3, 3, "TLBIMVAAIS")                                                            \
	C(15, 0, 8, 7, 0, "TLBIALL")                                                               \
	C(15, 0, 8, 7, 1, "TLBIMVA")                                                               \
	C(15, 0, 8, 7, 2, "TLBIASID")                                                              \
	C(15, 0, 8, 7, 3, "TLBIMVAA")                                                              \
	C(15, 0, 9, 12, 0, "PMCR")                                                                 \
	C(15, 0, 9, 12, 1, "PMCNTENSET")                                                           \
	C(15, 0, 9, 12, 2, "PMCNTENCLR")                                                           \
	C(15, 0, 9, 12, 3, "PMOVSR")                                                               \
	C(15, 0, 9, 12, 4, "PMSWINC")                                                              \
	C(15, 0, 9, 12, 5, "PMSELR")                                                               \
	C(15, 0, 9, 12, 6, "PMCEID0")                                                              \
	C(15, 0, 9, 12, 7, "PMCEID1")                                                              \
	C(15, 0, 9, 13, 0, "PMCCNTR")                                                              \
	C(15, 0, 9, 13, 1, "PMXEVTYPER")                                                           \
	C(15, 0, 9, 13, 2, "PMXEVCNTR")                                                            \
	C(15, 0, 9, 14, 0, "PMUSERENR")                                                            \
	C(15, 0, 9, 14, 1, "PMINTENSET")                                                           \
	C(15, 0, 9, 14, 2, "PMINTENCLR")                                                           \
	C(15, 0, 9, 14, 3, "PMOVSSET")                                                             \
	C(15, 0, 9, 14, 4, "PMCEID2")                                                              \
	C(15, 0, 9, 14, 5, "PMCEID3")                                                              \
	C(15, 0, 9, 14, 6, "PMMIR")                                                                \
	C(15, 0, 10, 2, 0, "PRRR/MAIR0")                                                           \
	C(15, 0, 10, 2, 1, "NMRR/MAIR1")                                                           \
	C(15, 0, 10, 3, 0, "AMAIR0")                                                               \
	C(15, 0, 10, 3, 1, "AMAIR1")                                                               \
	C(15, 4, 10, 2, 0, "HMAIR0")                                                               \
	C(15, 4, 10, 2, 1, "HMAIR1")                                                               \
	C(15, 4, 10, 3, 0, "HAMAIR0")                                                              \
	C(15, 4, 10, 3, 1, "HAMAIR1")                                                              \
	C(15, 0, 12, 0, 0, "VBAR")                                                                 \
	C(15, 0, 12, 0, 1, "MVBAR")                                                                \
	C(15, 0, 12, 1, 0, "ISR")                                                                  \
	C(15, 0, 12, 1, 1, "DISR")                                                                 \
	C(15, 0, 12, 8, 0, "ICC_IAR0")                                                             \
	C(15, 0, 12, 8, 1, "ICC_EOIR0")                                                            \
	C(15, 0, 12, 8, 2, "ICC_HPPIR0")                                                           \
	C(15, 0, 12, 8, 3, "ICC_BPR0")                                                             \
	C(15, 0, 12, 8, 4, "ICC_AP0R0")                                                            \
	C(15, 0, 12, 8, 5, "ICC_AP0R1")                                                            \
	C(15, 0, 12, 8, 6, "ICC_AP0R2")                                                            \
	C(15, 0, 12, 8, 7, "ICC_AP0R3")                                                            \
	C(15, 0, 12, 9, 0, "ICC_AP1R0")                                                            \
	C(15, 0, 12, 9, 1, "ICC_AP1R1")                                                            \
	C(15, 0, 12, 9, 2, "ICC_AP1R2")                                                            \
	C(15, 0, 12, 9, 3, "ICC_AP1R3")                                                            \
	C(15, 0, 12, 11, 1, "ICC_DIR")                                                             \
	C(15, 0, 12, 11, 3, "ICC_RPR")                                                             \
	C(15, 0, 12, 12, 0, "ICC_IAR1")                                                            \
	C(15, 0, 12, 12, 1, "ICC_EOIR1")                                                           \
	C(15, 0, 12, 12, 2, "ICC_HPPIR1")                                                          \
	C(15, 0, 12, 12, 3, "ICC_BPR1")                                                            \
	C(15, 0, 12, 12, 4, "ICC_CTLR")                                                            \
	C(15, 0, 12, 12, 5, "ICC_SRE")                                                             \
	C(15, 0, 12, 12, 6, "ICC_IGRPEN0")                                                         \
	C(15, 0, 12, 12, 7, "ICC_IGRPEN1")                                                         \
	C(15, 4, 12, 0, 0, "HVBAR")                                                                \
	C(15, 4, 12, 1, 1, "VDISR")                                                                \
	C(15, 4, 12, 9, 5, "ICC_HSRE")                                                             \
	C(15, 4, 12, 11, 0, "ICH_HCR")                                                             \
	C(15, 4, 12, 11, 1, "ICH_VTR")                                                             \
	C(15, 4, 12, 11, 2, "ICH_MISR")                                                            \
	C(15, 4, 12, 11, 3, "ICH_EISR")                                                            \
	C(15, 4, 12, 11, 5, "ICH_ELRSR")                                                           \
	C(15, 4, 12, 11, 7, "ICH_VMCR")                                                            \
	C(15, 0, 13, 0, 0, "FCSEIDR")                                                              \
	C(15, 0, 13, 0, 1, "CONTEXTIDR")                                                           \
	C(15, 0, 13, 0, 2, "TPIDRURW")                                                             \
	C(15, 0, 13, 0, 3, "TPIDRURO")                                                             \
	C(15, 0, 13, 0, 4, "TPIDRPRW")                                                             \
	C(15, 4, 13, 0, 2, "HTPIDR")                                                               \
	C(15, 0, 14, 0, 0, "CNTFRQ")                                                               \
	C(15, 0, 14, 1, 0, "CNTKCTL")                                                              \
	C(15, 0, 14, 2, 0, "CNTP_TVAL")                                                            \
	C(15, 0, 14, 2, 1, "CNTP_CTL")                                                             \
	C(15, 0, 14, 3, 0, "CNTV_TVAL")                                                            \
	C(15, 0, 14, 3, 1, "CNTV_CTL")                                                             \
	C(15, 4, 14, 1, 0, "CNTHCTL")                                                              \
	C(15, 4, 14, 2, 0, "CNTHP_TVAL")                                                           \
	C(15, 4, 14, 2, 1, "CNTHP_CTL")                                                            \
	CP_0_7(C, 15, 0, 14, 8, "PMEVCNTR", 0, 1, 2, 3, 4, 5, 6, 7)                                \
	CP_0_7(C, 15, 0, 14, 9, "PMEVCNTR", 8, 9, 10, 11, 12, 13, 14, 15)                          \
	CP_0_7(C, 15, 0, 14, 10, "PMEVCNTR", 16, 17, 18, 19, 20, 21, 22, 23)                       \
	C(15, 0, 14, 11, 0, "PMEVCNTR24")                                                          \
	C(15, 0, 14, 11, 1, "PMEVCNTR25")                                                          \
	C(15, 0, 14, 11, 2, "PMEVCNTR26")                                                          \
	C(15, 0, 14, 11, 3, "PMEVCNTR27")                                                          \
	C(15, 0, 14, 11, 4, "PMEVCNTR28")                                                          \
	C(15, 0, 14, 11, 5, "PMEVCNTR29")                                                          \
	C(15, 0, 14, 11, 6, "PMEVCNTR30")                                                          \
	CP_0_7(C, 15, 0, 14, 12, "PMEVTYPER", 0, 1, 2, 3, 4, 5, 6, 7)                              \
	CP_0_7(C, 15, 0, 14, 13, "PMEVTYPER", 8, 9, 10, 11, 12, 13, 14, 15)                        \
	CP_0_7(C, 15, 0, 14, 14, "PMEVTYPER", 16, 17, 18, 19, 20, 21, 22, 23)                      \
	C(15, 0, 14, 15, 0, "PMEVTYPER24")                                                         \
	C(15, 0, 14, 15, 1, "PMEVTYPER25")                                                         \
	C(15, 0, 14, 15, 2, "PMEVTYPER26")                                                         \
	C(15, 0, 14, 15, 3, "PMEVTYPER27")                                                         \
	C(15, 0, 14, 15, 4, "PMEVTYPER28")                                                         \
	C(15, 0, 14, 15, 5, "PMEVTYPER29")                                                         \
	C(15, 0, 14, 15, 6, "PMEVTYPER30")                                                         \
	C(15, 0, 14, 15, 7, "PMCCFILTR")                                                           \
	/* CP14: debug, and the Jazelle registers KVM and Xen trap. */                             \
	C(14, 0, 0, 0, 0, "DBGDIDR")                                                               \
	C(14, 0, 0, 0, 2, "DBGDTRRXext")                                                           \
	C(14, 0, 0, 1, 0, "DBGDSCRint")                                                            \
	C(14, 0, 0, 2, 0, "DBGDCCINT")                                                             \
	C(14, 0, 0, 2, 2, "DBGDSCRext")                                                            \
	C(14, 0, 0, 3, 2, "DBGDTRTXext")                                                           \
	C(14, 0, 0, 5, 0, "DBGDTRRXint/DBGDTRTXint")                                               \
	C(14, 0, 0, 6, 0, "DBGWFAR")                                                               \
	C(14, 0, 0, 6, 2, "DBGOSECCR")                                                             \
	C(14, 0, 0, 7, 0, "DBGVCR")                                                                \
	CP_DBGBW(C, 0)                                                                             \
	CP_DBGBW(C, 1)                                                                             \
	CP_DBGBW(C, 2)                                                                             \
	CP_DBGBW(C, 3)                                                                             \
	CP_DBGBW(C, 4)                                                                             \
	CP_DBGBW(C, 5)                                                                             \
	CP_DBGBW(C, 6)                                                                             \
	CP_DBGBW(C, 7)                                                                             \
	CP_DBGBW(C, 8)                                                                             \
	CP_DBGBW(C, 9)                                                                             \
	CP_DBGBW(C, 10)                                                                            \
	CP_DBGBW(C, 11)                                                                            \
	CP_DBGBW(C, 12)                                                                            \
	CP_DBGBW(C, 13)                                                                            \
	CP_DBGBW(C, 14)                                                                            \
	CP_DBGBW(C, 15)                                                                            \
	C(14, 0, 1, 0, 0, "DBGDRAR")                                                               \
	C(14, 0, 1, 0, 4, "DBGOSLAR")                                                              \
	C(14, 0, 1, 1, 4, "DBGOSLSR")                                                              \
	C(14, 0, 1, 3, 4, "DBGOSDLR")                                                              \
	C(14, 0, 1, 4, 4, "DBGPRCR")                                                               \
	C(14, 0, 2, 0, 0, "DBGDSAR")                                                               \
	C(14, 0, 7, 0, 7, "DBGDEVID2")                                                             \
	C(14, 0, 7, 1, 7, "DBGDEVID1")                                                             \
	C(14, 0, 7, 2, 7, "DBGDEVID")                                                              \
	C(14, 0, 7, 8, 6, "DBGCLAIMSET")                                                           \
	C(14, 0, 7, 9, 6, "DBGCLAIMCLR")                                                           \
	C(14, 0, 7, 14, 6, "DBGAUTHSTATUS")                                                        \
	C(14, 6, 0, 0, 0, "TEECR")                                                                 \
	C(14, 6, 1, 0, 0, "TEEHBR")                                                                \
	C(14, 7, 0, 0, 0, "JIDR")                                                                  \
	C(14, 7, 1, 0, 0, "JOSCR")                                                                 \
	C(14, 7, 2, 0, 0, "JMCR")                                                                  \
	/* VMRS: MRC p10, 7, Rt, c<reg>, c0, 0 (Arm ARM, VMRS). */                                 \
	C(10, 7, 0, 0, 0, "FPSID")                                                                 \
	C(10, 7, 1, 0, 0, "FPSCR")                                                                 \
	C(10, 7, 5, 0, 0, "MVFR2")                                                                 \
	C(10, 7, 6, 0, 0, "MVFR1")                                                                 \
	C(10, 7, 7, 0, 0, "MVFR0")                                                                 \
	C(10, 7, 8, 0, 0, "FPEXC")

/* MCRR/MRRC: D(coproc, opc1, CRm, name). */
#define ARMVIRT_ESR_CP64REGS(D)                                                                    \
	D(15, 0, 2, "TTBR0")                                                                       \
	D(15, 1, 2, "TTBR1")                                                                       \
	D(15, 4, 2, "HTTBR")                                                                       \
	D(15, 6, 2, "VTTBR")                                                                       \
	D(15, 0, 7, "PAR")                                                                         \
	D(15, 0, 12, "ICC_SGI1R")                                                                  \
	D(15, 1, 12, "ICC_ASGI1R")                                                                 \
	D(15, 2, 12, "ICC_SGI0R")                                                                  \
	D(15, 0, 14, "CNTPCT")                                                                     \
	D(15, 1, 14, "CNTVCT")                                                                     \
	D(15, 2, 14, "CNTP_CVAL")                                                                  \
	D(15, 3, 14, "CNTV_CVAL")                                                                  \
	D(15, 4, 14, "CNTVOFF")                                                                    \
	D(15, 6, 14, "CNTHP_CVAL")                                                                 \
	D(15, 8, 14, "CNTPCTSS")                                                                   \
	D(15, 9, 14, "CNTVCTSS")                                                                   \
	D(14, 0, 1, "DBGDRAR")                                                                     \
	D(14, 0, 2, "DBGDSAR")

/* clang-format on */

#endif /* ARMVIRT_ESR_SYSREG_TABLE_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file port_sysregs.h
 * @brief The system registers the port gives access to, as one list.
 *
 * Each entry is X(name, op0, op1, CRn, CRm, op2), with the name in the
 * architecture's spelling in lower case. port.h turns the lists into
 * accessor declarations, the aarch64 port into MRS/MSR instructions and the
 * host port into slots of its fake register file: the lists are the one place
 * to add a register. Indexed registers (ICH_LR<n>_EL2, ICH_AP0R<n>_EL2,
 * ICH_AP1R<n>_EL2) have indexed accessors in port.h instead.
 */
#ifndef ARMVIRT_PORT_SYSREGS_H
#define ARMVIRT_PORT_SYSREGS_H

/** Registers the port can read and write. */
#define ARMVIRT_PORT_SYSREGS_RW(X)                                                                 \
	X(hcr_el2, 3, 4, 1, 1, 0)                                                                  \
	X(mdcr_el2, 3, 4, 1, 1, 1)                                                                 \
	X(cptr_el2, 3, 4, 1, 1, 2)                                                                 \
	X(hstr_el2, 3, 4, 1, 1, 3)                                                                 \
	X(vpidr_el2, 3, 4, 0, 0, 0)                                                                \
	X(vmpidr_el2, 3, 4, 0, 0, 5)                                                               \
	X(vttbr_el2, 3, 4, 2, 1, 0)                                                                \
	X(vtcr_el2, 3, 4, 2, 1, 2)                                                                 \
	X(vbar_el2, 3, 4, 12, 0, 0)                                                                \
	X(elr_el2, 3, 4, 4, 0, 1)                                                                  \
	X(spsr_el2, 3, 4, 4, 0, 0)                                                                 \
	X(esr_el2, 3, 4, 5, 2, 0)                                                                  \
	X(far_el2, 3, 4, 6, 0, 0)                                                                  \
	X(hpfar_el2, 3, 4, 6, 0, 4)                                                                \
	X(tpidr_el2, 3, 4, 13, 0, 2)                                                               \
	X(icc_sre_el2, 3, 4, 12, 9, 5)                                                             \
	X(ich_hcr_el2, 3, 4, 12, 11, 0)                                                            \
	X(ich_vmcr_el2, 3, 4, 12, 11, 7)                                                           \
	X(cntvoff_el2, 3, 4, 14, 0, 3)                                                             \
	X(cntpoff_el2, 3, 4, 14, 0, 6)                                                             \
	X(cnthctl_el2, 3, 4, 14, 1, 0)                                                             \
	X(cnthp_ctl_el2, 3, 4, 14, 2, 1)                                                           \
	X(cnthp_cval_el2, 3, 4, 14, 2, 2)                                                          \
	X(cntkctl_el1, 3, 0, 14, 1, 0)                                                             \
	X(cntp_ctl_el0, 3, 3, 14, 2, 1)                                                            \
	X(cntp_cval_el0, 3, 3, 14, 2, 2)                                                           \
	X(cntv_ctl_el0, 3, 3, 14, 3, 1)                                                            \
	X(cntv_cval_el0, 3, 3, 14, 3, 2)                                                           \
	X(sctlr_el1, 3, 0, 1, 0, 0)                                                                \
	X(actlr_el1, 3, 0, 1, 0, 1)                                                                \
	X(cpacr_el1, 3, 0, 1, 0, 2)                                                                \
	X(ttbr0_el1, 3, 0, 2, 0, 0)                                                                \
	X(ttbr1_el1, 3, 0, 2, 0, 1)                                                                \
	X(tcr_el1, 3, 0, 2, 0, 2)                                                                  \
	X(apiakeylo_el1, 3, 0, 2, 1, 0)                                                            \
	X(apiakeyhi_el1, 3, 0, 2, 1, 1)                                                            \
	X(apibkeylo_el1, 3, 0, 2, 1, 2)                                                            \
	X(apibkeyhi_el1, 3, 0, 2, 1, 3)                                                            \
	X(apdakeylo_el1, 3, 0, 2, 2, 0)                                                            \
	X(apdakeyhi_el1, 3, 0, 2, 2, 1)                                                            \
	X(apdbkeylo_el1, 3, 0, 2, 2, 2)                                                            \
	X(apdbkeyhi_el1, 3, 0, 2, 2, 3)                                                            \
	X(apgakeylo_el1, 3, 0, 2, 3, 0)                                                            \
	X(apgakeyhi_el1, 3, 0, 2, 3, 1)                                                            \
	X(spsr_el1, 3, 0, 4, 0, 0)                                                                 \
	X(elr_el1, 3, 0, 4, 0, 1)                                                                  \
	X(sp_el0, 3, 0, 4, 1, 0)                                                                   \
	X(sp_el1, 3, 4, 4, 1, 0)                                                                   \
	X(afsr0_el1, 3, 0, 5, 1, 0)                                                                \
	X(afsr1_el1, 3, 0, 5, 1, 1)                                                                \
	X(esr_el1, 3, 0, 5, 2, 0)                                                                  \
	X(far_el1, 3, 0, 6, 0, 0)                                                                  \
	X(par_el1, 3, 0, 7, 4, 0)                                                                  \
	X(mair_el1, 3, 0, 10, 2, 0)                                                                \
	X(amair_el1, 3, 0, 10, 3, 0)                                                               \
	X(vbar_el1, 3, 0, 12, 0, 0)                                                                \
	X(contextidr_el1, 3, 0, 13, 0, 1)                                                          \
	X(tpidr_el1, 3, 0, 13, 0, 4)                                                               \
	X(tpidr_el0, 3, 3, 13, 0, 2)                                                               \
	X(tpidrro_el0, 3, 3, 13, 0, 3)                                                             \
	X(csselr_el1, 3, 2, 0, 0, 0)                                                               \
	X(mdscr_el1, 2, 0, 0, 2, 2)                                                                \
	X(spsr_irq, 3, 4, 4, 3, 0)                                                                 \
	X(spsr_abt, 3, 4, 4, 3, 1)                                                                 \
	X(spsr_und, 3, 4, 4, 3, 2)                                                                 \
	X(spsr_fiq, 3, 4, 4, 3, 3)                                                                 \
	X(dacr32_el2, 3, 4, 3, 0, 0)                                                               \
	X(ifsr32_el2, 3, 4, 5, 0, 1)                                                               \
	X(fpexc32_el2, 3, 4, 5, 3, 0)

/** Registers the port can only read (writing them is UNDEFINED). */
#define ARMVIRT_PORT_SYSREGS_RO(X)                                                                 \
	X(midr_el1, 3, 0, 0, 0, 0)                                                                 \
	X(mpidr_el1, 3, 0, 0, 0, 5)                                                                \
	X(id_aa64pfr0_el1, 3, 0, 0, 4, 0)                                                          \
	X(id_aa64pfr1_el1, 3, 0, 0, 4, 1)                                                          \
	X(id_aa64isar0_el1, 3, 0, 0, 6, 0)                                                         \
	X(id_aa64isar1_el1, 3, 0, 0, 6, 1)                                                         \
	X(id_aa64isar2_el1, 3, 0, 0, 6, 2)                                                         \
	X(id_aa64mmfr0_el1, 3, 0, 0, 7, 0)                                                         \
	X(id_aa64mmfr1_el1, 3, 0, 0, 7, 1)                                                         \
	X(id_aa64mmfr2_el1, 3, 0, 0, 7, 2)                                                         \
	X(ich_vtr_el2, 3, 4, 12, 11, 1)                                                            \
	X(ich_misr_el2, 3, 4, 12, 11, 2)                                                           \
	X(ich_eisr_el2, 3, 4, 12, 11, 3)                                                           \
	X(ich_elrsr_el2, 3, 4, 12, 11, 5)                                                          \
	X(cntfrq_el0, 3, 3, 14, 0, 0)                                                              \
	X(cntpct_el0, 3, 3, 14, 0, 1)                                                              \
	X(cntvct_el0, 3, 3, 14, 0, 2)

/** Registers the port can only write (reading them is UNDEFINED). */
#define ARMVIRT_PORT_SYSREGS_WO(X) X(icc_dir_el1, 3, 0, 12, 11, 1)

#endif /* ARMVIRT_PORT_SYSREGS_H */

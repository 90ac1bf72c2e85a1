/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The generic-timer register layouts lib/vtimer uses, each field once.
 */
#ifndef ARMVIRT_VTIMER_TIMER_REGS_H
#define ARMVIRT_VTIMER_TIMER_REGS_H

/*
 * CNTV_CTL_EL0, CNTP_CTL_EL0, CNTHP_CTL_EL2 (Arm ARM D24, "CNTV_CTL_EL0"):
 * ENABLE, IMASK, and ISTATUS, which is read-only and reports the timer
 * condition while ENABLE is 1. All other bits are RES0.
 */
#define CNT_CTL_ENABLE_SHIFT 0
#define CNT_CTL_ENABLE_WIDTH 1
#define CNT_CTL_IMASK_SHIFT 1
#define CNT_CTL_IMASK_WIDTH 1
#define CNT_CTL_ISTATUS_SHIFT 2
#define CNT_CTL_ISTATUS_WIDTH 1

/*
 * CNTHCTL_EL2 when HCR_EL2.E2H == 0 (Arm ARM D24, "CNTHCTL_EL2"). With
 * E2H == 1 bits 0 and 1 are EL0PCTEN/EL0VCTEN and the EL1 controls move to
 * bits 10 and 11; this component targets nVHE only.
 *  EL1PCTEN  0: 0 traps EL0/EL1 reads of CNTPCT_EL0 (and CNTPCTSS_EL0).
 *  EL1PCEN   1: 0 traps EL0/EL1 accesses to CNTP_CTL/CVAL/TVAL_EL0.
 *  ECV      12: FEAT_ECV: 1 applies CNTPOFF_EL2 to EL0/EL1 physical counter
 *               reads and to the EL1 physical timer's condition (only when
 *               SCR_EL3.ECVEn is 1).
 *  EL1TVT   13: FEAT_ECV: 1 traps EL0/EL1 accesses to CNTV_CTL/CVAL/TVAL_EL0.
 *  EL1TVCT  14: FEAT_ECV: 1 traps EL0/EL1 reads of CNTVCT_EL0 (and CNTVCTSS_EL0).
 */
#define CNTHCTL_EL1PCTEN_SHIFT 0
#define CNTHCTL_EL1PCTEN_WIDTH 1
#define CNTHCTL_EL1PCEN_SHIFT 1
#define CNTHCTL_EL1PCEN_WIDTH 1
#define CNTHCTL_ECV_SHIFT 12
#define CNTHCTL_ECV_WIDTH 1
#define CNTHCTL_EL1TVT_SHIFT 13
#define CNTHCTL_EL1TVT_WIDTH 1
#define CNTHCTL_EL1TVCT_SHIFT 14
#define CNTHCTL_EL1TVCT_WIDTH 1

/*
 * ID_AA64MMFR0_EL1.ECV (Arm ARM D24, "ID_AA64MMFR0_EL1"): 1 = FEAT_ECV
 * (EL1TVT/EL1TVCT traps, self-synchronised counter views); 2 = that and
 * CNTPOFF_EL2 with CNTHCTL_EL2.ECV.
 */
#define ID_AA64MMFR0_ECV_SHIFT 60
#define ID_AA64MMFR0_ECV_WIDTH 4
#define ID_AA64MMFR0_ECV_IMP 1u
#define ID_AA64MMFR0_ECV_CNTPOFF 2u

/* CNTx_TVAL_EL0 is a 32-bit signed down-counter view (Arm ARM D11.2.4). */
#define CNT_TVAL_WIDTH 32

/* Timer PPIs occupy INTIDs 16..31 (GICv3 2.2.1). */
#define PPI_FIRST 16u
#define PPI_LAST 31u

#endif /* ARMVIRT_VTIMER_TIMER_REGS_H */

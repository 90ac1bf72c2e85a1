/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The architecture as the tests know it, written from the Arm ARM
 * independently of lib/vtimer's own tables: register encodings (D24, each
 * register's "Accessing" section), control bits and CNTHCTL_EL2 (E2H = 0).
 */
#ifndef VTIMER_TEST_ARCH_H
#define VTIMER_TEST_ARCH_H

#include <stdint.h>

/* MRS/MSR op0, op1, CRn, CRm, op2 packed as in access.h (bits [20:5] of the instruction). */
#define A_ENC(op0, op1, crn, crm, op2)                                                             \
	((uint32_t)(((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2)))
#define A_CNTFRQ A_ENC(3, 3, 14, 0, 0)
#define A_CNTPCT A_ENC(3, 3, 14, 0, 1)
#define A_CNTVCT A_ENC(3, 3, 14, 0, 2)
#define A_CNTPCTSS A_ENC(3, 3, 14, 0, 5)
#define A_CNTVCTSS A_ENC(3, 3, 14, 0, 6)
#define A_CNTP_TVAL A_ENC(3, 3, 14, 2, 0)
#define A_CNTP_CTL A_ENC(3, 3, 14, 2, 1)
#define A_CNTP_CVAL A_ENC(3, 3, 14, 2, 2)
#define A_CNTV_TVAL A_ENC(3, 3, 14, 3, 0)
#define A_CNTV_CTL A_ENC(3, 3, 14, 3, 1)
#define A_CNTV_CVAL A_ENC(3, 3, 14, 3, 2)

/* CNTx_CTL_EL0. */
#define A_CTL_ENABLE 0x1u
#define A_CTL_IMASK 0x2u
#define A_CTL_ISTATUS 0x4u

/* CNTHCTL_EL2 with HCR_EL2.E2H == 0. */
#define A_CNTHCTL_EL1PCTEN (1u << 0)
#define A_CNTHCTL_EL1PCEN (1u << 1)
#define A_CNTHCTL_EVNTEN (1u << 2)
#define A_CNTHCTL_EVNTI(n) ((uint64_t)(n) << 4)
#define A_CNTHCTL_ECV (1u << 12)
#define A_CNTHCTL_EL1TVT (1u << 13)
#define A_CNTHCTL_EL1TVCT (1u << 14)

/* ID_AA64MMFR0_EL1.ECV, bits [63:60]. */
#define A_MMFR0_ECV(n) ((uint64_t)(n) << 60)

#endif /* VTIMER_TEST_ARCH_H */

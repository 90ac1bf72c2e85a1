/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * System registers the hypervisor's own drivers use that the armvirt port
 * does not cover (the physical GICv3 CPU interface and a few ID registers),
 * by their generic S<op0>_<op1>_C<n>_C<m>_<op2> names so that no assembler
 * extension flags are needed. Components never use these: they go through
 * port.h; this is the integrator's own hardware access.
 */
#ifndef HYP_SYSREG_H
#define HYP_SYSREG_H

#include <stdint.h>

#define HYP_READ_SYSREG(enc)                                                                       \
	({                                                                                         \
		uint64_t v_;                                                                       \
		__asm__ volatile("mrs %0, " enc : "=r"(v_));                                       \
		v_;                                                                                \
	})
#define HYP_WRITE_SYSREG(enc, v) __asm__ volatile("msr " enc ", %0" : : "r"((uint64_t)(v)))

/* GICv3 physical CPU interface (GIC architecture v3/v4, 12.2). */
#define ICC_PMR_EL1 "S3_0_C4_C6_0"
#define ICC_IAR1_EL1 "S3_0_C12_C12_0"
#define ICC_EOIR1_EL1 "S3_0_C12_C12_1"
#define ICC_BPR1_EL1 "S3_0_C12_C12_3"
#define ICC_CTLR_EL1 "S3_0_C12_C12_4"
#define ICC_IGRPEN1_EL1 "S3_0_C12_C12_7"
#define ICC_DIR_EL1 "S3_0_C12_C11_1"
#define ICC_SGI1R_EL1 "S3_0_C12_C11_5"

/* ID registers (Arm ARM D24.2). */
#define ID_AA64DFR0_EL1 "S3_0_C0_C5_0"

#endif /* HYP_SYSREG_H */

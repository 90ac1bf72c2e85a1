/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * System-register accessors. Registers are named by their generic encoding
 * (S<op0>_<op1>_C<n>_C<m>_<op2>) so that every assembler accepts them,
 * whatever architecture level it assumes.
 */
#include <armvirt/port.h>

#define SYSREG_NAME(op0, op1, crn, crm, op2) "S" #op0 "_" #op1 "_C" #crn "_C" #crm "_" #op2

#define DEFINE_READ(name, op0, op1, crn, crm, op2)                                                 \
	uint64_t armvirt_port_read_##name(void)                                                    \
	{                                                                                          \
		uint64_t v;                                                                        \
		__asm__ volatile("mrs %0, " SYSREG_NAME(op0, op1, crn, crm, op2) : "=r"(v));       \
		return v;                                                                          \
	}

#define DEFINE_WRITE(name, op0, op1, crn, crm, op2)                                                \
	void armvirt_port_write_##name(uint64_t v)                                                 \
	{                                                                                          \
		__asm__ volatile("msr " SYSREG_NAME(op0, op1, crn, crm, op2) ", %0"                \
				 :                                                                 \
				 : "r"(v)                                                          \
				 : "memory");                                                      \
	}

#define DEFINE_RW(name, op0, op1, crn, crm, op2)                                                   \
	DEFINE_READ(name, op0, op1, crn, crm, op2)                                                 \
	DEFINE_WRITE(name, op0, op1, crn, crm, op2)

ARMVIRT_PORT_SYSREGS_RW(DEFINE_RW)
ARMVIRT_PORT_SYSREGS_RO(DEFINE_READ)
ARMVIRT_PORT_SYSREGS_WO(DEFINE_WRITE)

/*
 * Indexed GICv3 hypervisor registers (GIC architecture v3/v4, 12.4):
 * ICH_LR<n>_EL2 is (3, 4, 12, 12 + n / 8, n % 8), ICH_AP0R<n>_EL2 is
 * (3, 4, 12, 8, n) and ICH_AP1R<n>_EL2 is (3, 4, 12, 9, n).
 */
#define READ_CASE(n, crm, op2)                                                                     \
	case n:                                                                                    \
		__asm__ volatile("mrs %0, " SYSREG_NAME(3, 4, 12, crm, op2) : "=r"(v));            \
		break;
#define WRITE_CASE(n, crm, op2)                                                                    \
	case n:                                                                                    \
		__asm__ volatile("msr " SYSREG_NAME(3, 4, 12, crm, op2) ", %0"                     \
				 :                                                                 \
				 : "r"(v)                                                          \
				 : "memory");                                                      \
		break;

/* clang-format off */
#define LR_CASES(C)                                                                                \
	C(0, 12, 0) C(1, 12, 1) C(2, 12, 2) C(3, 12, 3) C(4, 12, 4) C(5, 12, 5) C(6, 12, 6)        \
	C(7, 12, 7) C(8, 13, 0) C(9, 13, 1) C(10, 13, 2) C(11, 13, 3) C(12, 13, 4) C(13, 13, 5)    \
	C(14, 13, 6) C(15, 13, 7)
#define AP0R_CASES(C) C(0, 8, 0) C(1, 8, 1) C(2, 8, 2) C(3, 8, 3)
#define AP1R_CASES(C) C(0, 9, 0) C(1, 9, 1) C(2, 9, 2) C(3, 9, 3)
/* clang-format on */

#define DEFINE_INDEXED(name, CASES)                                                                \
	uint64_t armvirt_port_read_##name(unsigned n)                                              \
	{                                                                                          \
		uint64_t v = 0;                                                                    \
		switch (n) {                                                                       \
			CASES(READ_CASE)                                                           \
		default:                                                                           \
			break;                                                                     \
		}                                                                                  \
		return v;                                                                          \
	}                                                                                          \
	void armvirt_port_write_##name(unsigned n, uint64_t v)                                     \
	{                                                                                          \
		switch (n) {                                                                       \
			CASES(WRITE_CASE)                                                          \
		default:                                                                           \
			break;                                                                     \
		}                                                                                  \
	}

DEFINE_INDEXED(ich_lr, LR_CASES)
DEFINE_INDEXED(ich_ap0r, AP0R_CASES)
DEFINE_INDEXED(ich_ap1r, AP1R_CASES)

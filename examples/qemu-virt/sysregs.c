/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The system registers the guest traps on, other than the timers (lib/vtimer)
 * and the GIC (lib/vgic), which exits.c asks first:
 *
 *  - ID registers (HCR_EL2.TID3): the guest sees the real CPU's, minus what
 *    this hypervisor does not give it. SVE and SME state is not switched
 *    (lib/switch traps them), MTE needs HCR_EL2.ATA and tag storage, AMU,
 *    MPAM, SPE, trace, BRBE and the PMU are neither switched nor emulated:
 *    their ID fields read as 0 (not implemented), so a guest such as Linux
 *    never uses them. Reserved encodings of the ID space read as zero, as on
 *    hardware.
 *  - The PMU registers (MDCR_EL2.TPM, TPMCR): with PMUVer 0 they are
 *    unallocated, so an access is UNDEFINED.
 *  - The OS lock and debug power registers (MDCR_EL2.TDOSA) and MDRAR_EL1
 *    (TDRA): emulated per vCPU, OSLAR_EL1 setting the lock that OSLSR_EL1
 *    reports; no debug ROM (MDRAR_EL1.Valid 0), OSDLR_EL1 and DBGPRCR_EL1
 *    read as zero and ignore writes.
 */
#include <armvirt/err.h>
#include <armvirt/esr.h>
#include <armvirt/port.h>

#include "sysreg.h"
#include "vm.h"

#define ENC ARMVIRT_SYSREG_ENC
/* The fields of an ARMVIRT_SYSREG_ENC() key (access.h: MRS/MSR bits [20:5]). */
#define KEY_OP0_SHIFT 14
#define KEY_OP0_WIDTH 2
#define KEY_OP1_SHIFT 11
#define KEY_OP1_WIDTH 3
#define KEY_CRN_SHIFT 7
#define KEY_CRN_WIDTH 4
#define KEY_CRM_SHIFT 3
#define KEY_CRM_WIDTH 4
#define KEY_FIELD(enc, f) ((unsigned)armvirt_field_get(enc, KEY_##f##_SHIFT, KEY_##f##_WIDTH))
/* The ID register space TID3 traps: op0 3, op1 0, CRn 0, CRm 1-7, any op2. */
#define ID_SPACE_OP0 3u
#define ID_SPACE_CRM_MIN 1u
#define ID_SPACE_CRM_MAX 7u

#define ID_AA64PFR0_EL1_ENC ENC(3, 0, 0, 4, 0)
#define ID_AA64PFR1_EL1_ENC ENC(3, 0, 0, 4, 1)
#define ID_AA64ZFR0_EL1_ENC ENC(3, 0, 0, 4, 4)
#define ID_AA64SMFR0_EL1_ENC ENC(3, 0, 0, 4, 5)
#define ID_AA64DFR0_EL1_ENC ENC(3, 0, 0, 5, 0)
#define ID_DFR0_EL1_ENC ENC(3, 0, 0, 1, 2)

/* Fields hidden from the guest (Arm ARM D24.2, the ID_AA64* register descriptions). */
#define PFR0_SVE ARMVIRT_MASK(32, 4)
#define PFR0_MPAM ARMVIRT_MASK(40, 4)
#define PFR0_AMU ARMVIRT_MASK(44, 4)
#define PFR1_MTE ARMVIRT_MASK(8, 4)
#define PFR1_SME ARMVIRT_MASK(24, 4)
#define PFR1_MPAM_FRAC ARMVIRT_MASK(16, 4)
#define PFR1_MTE_FRAC ARMVIRT_MASK(40, 4)
#define DFR0_TRACEVER ARMVIRT_MASK(4, 4)
#define DFR0_PMUVER ARMVIRT_MASK(8, 4)
#define DFR0_PMSVER ARMVIRT_MASK(32, 4)
#define DFR0_TRACEFILT ARMVIRT_MASK(40, 4)
#define DFR0_TRACEBUFFER ARMVIRT_MASK(44, 4)
#define DFR0_MTPMU ARMVIRT_MASK(48, 4)
#define DFR0_BRBE ARMVIRT_MASK(52, 4)
#define ID_DFR0_PERFMON ARMVIRT_MASK(24, 4)

/* Debug registers trapped by MDCR_EL2.TDOSA and TDRA. */
#define MDRAR_EL1_ENC ENC(2, 0, 1, 0, 0)
#define OSLAR_EL1_ENC ENC(2, 0, 1, 0, 4)
#define OSLSR_EL1_ENC ENC(2, 0, 1, 1, 4)
#define OSDLR_EL1_ENC ENC(2, 0, 1, 3, 4)
#define DBGPRCR_EL1_ENC ENC(2, 0, 1, 4, 4)
#define OSLAR_OSLK 1u
#define OSLSR_OSLM_IMPLEMENTED 0x8u /* OSLM = 0b10: bits {3, 0} = {1, 0} */
#define OSLSR_OSLK_SHIFT 1

/* PMU registers: op0 3, op1 3, CRn 9, CRm 12-14; CRn 14, CRm 8-15; op1 0, CRn 9, CRm 14. */
static bool is_pmu(uint32_t enc)
{
	unsigned op0 = KEY_FIELD(enc, OP0), op1 = KEY_FIELD(enc, OP1), crn = KEY_FIELD(enc, CRN),
		 crm = KEY_FIELD(enc, CRM);

	if (op0 != 3)
		return false;
	return (op1 == 3 && crn == 9 && crm >= 12 && crm <= 14) ||
	       (op1 == 3 && crn == 14 && crm >= 8) || (op1 == 0 && crn == 9 && crm == 14);
}

#define ID_READ_CASE(crm, op2)                                                                     \
	case ENC(3, 0, 0, crm, op2):                                                               \
		return HYP_READ_SYSREG("S3_0_C0_C" #crm "_" #op2);
#define ID_READ_ROW(crm)                                                                           \
	ID_READ_CASE(crm, 0)                                                                       \
	ID_READ_CASE(crm, 1)                                                                       \
	ID_READ_CASE(crm, 2)                                                                       \
	ID_READ_CASE(crm, 3)                                                                       \
	ID_READ_CASE(crm, 4)                                                                       \
	ID_READ_CASE(crm, 5)                                                                       \
	ID_READ_CASE(crm, 6)                                                                       \
	ID_READ_CASE(crm, 7)

/* The hardware's value of an ID register (reserved encodings read as 0 at EL2 too). */
static uint64_t id_read_hw(uint32_t enc)
{
	switch (enc) {
		ID_READ_ROW(1)
		ID_READ_ROW(2)
		ID_READ_ROW(3)
		ID_READ_ROW(4)
		ID_READ_ROW(5)
		ID_READ_ROW(6)
		ID_READ_ROW(7)
	default:
		return 0;
	}
}

static bool is_id_space(uint32_t enc)
{
	unsigned crm = KEY_FIELD(enc, CRM);

	return KEY_FIELD(enc, OP0) == ID_SPACE_OP0 && KEY_FIELD(enc, OP1) == 0 &&
	       KEY_FIELD(enc, CRN) == 0 && crm >= ID_SPACE_CRM_MIN && crm <= ID_SPACE_CRM_MAX;
}

uint64_t sysreg_guest_id(uint32_t enc)
{
	uint64_t v = id_read_hw(enc);

	switch (enc) {
	case ID_AA64PFR0_EL1_ENC:
		return v & ~(PFR0_SVE | PFR0_MPAM | PFR0_AMU);
	case ID_AA64PFR1_EL1_ENC:
		return v & ~(PFR1_MTE | PFR1_SME | PFR1_MPAM_FRAC | PFR1_MTE_FRAC);
	case ID_AA64ZFR0_EL1_ENC:
	case ID_AA64SMFR0_EL1_ENC:
		return 0;
	case ID_AA64DFR0_EL1_ENC:
		return v & ~(DFR0_TRACEVER | DFR0_PMUVER | DFR0_PMSVER | DFR0_TRACEFILT |
			     DFR0_TRACEBUFFER | DFR0_MTPMU | DFR0_BRBE);
	case ID_DFR0_EL1_ENC:
		return v & ~ID_DFR0_PERFMON;
	default:
		return v;
	}
}

static int debug_access(struct vcpu *v, struct armvirt_sysreg_access *acc)
{
	switch (acc->enc) {
	case OSLAR_EL1_ENC:
		if (!acc->is_write)
			return ARMVIRT_EINVAL; /* write-only */
		v->os_lock = acc->data & OSLAR_OSLK;
		return ARMVIRT_OK;
	case OSLSR_EL1_ENC:
		if (acc->is_write)
			return ARMVIRT_EINVAL; /* read-only */
		acc->data = OSLSR_OSLM_IMPLEMENTED | ((uint64_t)v->os_lock << OSLSR_OSLK_SHIFT);
		return ARMVIRT_OK;
	case MDRAR_EL1_ENC:
		if (acc->is_write)
			return ARMVIRT_EINVAL;
		acc->data = 0;
		return ARMVIRT_OK;
	case OSDLR_EL1_ENC:
	case DBGPRCR_EL1_ENC:
		acc->data = 0;
		return ARMVIRT_OK;
	default:
		return ARMVIRT_ENOENT;
	}
}

int sysreg_emulate(struct vcpu *v, struct armvirt_sysreg_access *acc)
{
	if (is_id_space(acc->enc)) {
		if (acc->is_write)
			return ARMVIRT_EINVAL;
		acc->data = sysreg_guest_id(acc->enc);
		return ARMVIRT_OK;
	}
	if (is_pmu(acc->enc))
		return ARMVIRT_EINVAL; /* no PMU: the encodings are unallocated */
	return debug_access(v, acc);
}

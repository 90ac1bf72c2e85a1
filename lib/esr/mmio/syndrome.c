/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The access described by a data abort's instruction syndrome (ISV = 1).
 * Arm ARM D24.2.40, ESR_EL2, "ISS encoding for an exception from a Data Abort".
 */
#include <armvirt/esr.h>

#include "mmio_internal.h"

/* LST values (FEAT_LS64). */
#define LST_ST64BV 1u
#define LST_ST64BV0 3u

#define ESR(esr, name)                                                                             \
	((unsigned)armvirt_field_get((esr), ARMVIRT_ESR_##name##_SHIFT, ARMVIRT_ESR_##name##_WIDTH))

/* LST is defined for translation, access flag and permission faults (ESR_EL2.LST). */
static bool lst_valid(unsigned dfsc)
{
	unsigned type = armvirt_esr_fsc_decode(dfsc).type;

	return type == ARMVIRT_ESR_FSC_TRANSLATION || type == ARMVIRT_ESR_FSC_ACCESS_FLAG ||
	       type == ARMVIRT_ESR_FSC_PERMISSION;
}

int armvirt_mmio_decode_esr(uint64_t esr, struct armvirt_mmio_insn *d)
{
	unsigned ec = ESR(esr, EC);
	unsigned len = ESR(esr, IL) ? 4u : 2u;
	bool write = ESR(esr, DABT_WNR) != 0;
	unsigned lst;

	if (!d || (ec != ARMVIRT_ESR_EC_DABT_LOW && ec != ARMVIRT_ESR_EC_DABT_CUR))
		return ARMVIRT_EINVAL;
	if (ESR(esr, DABT_S1PTW)) {
		/* WnR then says whether the walk itself wrote (hardware AF/dirty update). */
		mmio_desc_init(d, 0, ARMVIRT_MMIO_ISA_ESR, len, ARMVIRT_MMIO_S1PTW);
		d->kind = write ? ARMVIRT_MMIO_KIND_STORE : ARMVIRT_MMIO_KIND_LOAD;
		return 0;
	}
	if (ESR(esr, DABT_CM)) {
		mmio_desc_init(d, 0, ARMVIRT_MMIO_ISA_ESR, len, ARMVIRT_MMIO_OK);
		return 0;
	}
	if (!ESR(esr, DABT_ISV))
		return ARMVIRT_ENOENT;

	mmio_desc_init(d, 0, ARMVIRT_MMIO_ISA_ESR, len, ARMVIRT_MMIO_OK);
	d->kind = write ? ARMVIRT_MMIO_KIND_STORE : ARMVIRT_MMIO_KIND_LOAD;
	d->size = (uint8_t)(1u << ESR(esr, DABT_SAS));
	d->count = 1;
	d->bank = ESR(esr, DABT_SF) ? ARMVIRT_MMIO_BANK_X : ARMVIRT_MMIO_BANK_W;
	d->rt = (uint8_t)ESR(esr, DABT_SRT);
	d->sign_extend = !write && ESR(esr, DABT_SSE);
	d->acquire = !write && ESR(esr, DABT_AR);
	d->release = write && ESR(esr, DABT_AR);

	lst = ESR(esr, DABT_LST);
	if (lst != 0 && lst_valid(ESR(esr, DABT_DFSC))) {
		/* ST64BV, ST64BV0, LD64B, ST64B: eight X registers from SRT on. */
		d->reason = ARMVIRT_MMIO_LS64;
		d->count = 8;
		d->bank = ARMVIRT_MMIO_BANK_X;
		d->sign_extend = false;
		d->acquire = d->release = false;
		if (lst == LST_ST64BV || lst == LST_ST64BV0) {
			d->kind = ARMVIRT_MMIO_KIND_STORE;
			d->rs = (uint8_t)ESR(esr, DABT_XS);
		}
	}
	return 0;
}

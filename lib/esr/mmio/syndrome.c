/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The access described by a data abort's instruction syndrome (ISV = 1).
 * Arm ARM D24.2.40, ESR_EL2, "ISS encoding for an exception from a Data Abort".
 */
#include <armvirt/esr_fields.h>

#include "mmio_internal.h"

#define ESR_EC_DABT_LOW 0x24u /* data abort from a lower exception level */
#define ESR_EC_DABT_CUR 0x25u /* data abort without a change in exception level */

/* DFSC values for which LST is defined: translation, access flag, permission faults. */
#define DFSC_LEVEL_WIDTH 2	   /* the low two bits give the lookup level */
#define DFSC_TRANSLATION 0x1u	   /* 0b0001xx */
#define DFSC_ACCESS 0x2u	   /* 0b0010xx */
#define DFSC_PERMISSION 0x3u	   /* 0b0011xx */
#define DFSC_TRANSLATION_LM1 0x2bu /* translation fault, level -1 (FEAT_LPA2) */
#define DFSC_ACCESS_LM1 0x29u	   /* access flag fault, level -1 (FEAT_LPA2) */

/* LST values (FEAT_LS64). */
#define LST_ST64BV 1u
#define LST_ST64BV0 3u

#define ESR(esr, name)                                                                             \
	((unsigned)armvirt_field_get((esr), ARMVIRT_ESR_##name##_SHIFT, ARMVIRT_ESR_##name##_WIDTH))

static bool lst_valid(unsigned dfsc)
{
	unsigned type = dfsc >> DFSC_LEVEL_WIDTH;

	return type == DFSC_TRANSLATION || type == DFSC_ACCESS || type == DFSC_PERMISSION ||
	       dfsc == DFSC_TRANSLATION_LM1 || dfsc == DFSC_ACCESS_LM1;
}

int armvirt_mmio_decode_esr(uint64_t esr, struct armvirt_mmio_insn *d)
{
	unsigned ec = ESR(esr, EC);
	unsigned len = ESR(esr, IL) ? 4u : 2u;
	bool write = ESR(esr, DABT_WNR) != 0;
	unsigned lst;

	if (!d || (ec != ESR_EC_DABT_LOW && ec != ESR_EC_DABT_CUR))
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

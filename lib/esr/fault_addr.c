/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The faulting IPA of a stage-2 abort, from HPFAR_EL2 and FAR_EL2. The rules
 * for when HPFAR_EL2 is valid are the Arm ARM's (HPFAR_EL2 description); they
 * are spelled out in esr.h.
 */
#include <armvirt/esr.h>

#include "esr_internal.h"

/* FAR and IPA share the offset within the smallest (4KB) granule. */
#define PAGE_SHIFT 12
#define IPA_BITS_MIN 32
#define IPA_BITS_MAX 56

static bool is_lower_el_abort(const struct armvirt_esr *e)
{
	return e->ec == ARMVIRT_ESR_EC_IABT_LOW || e->ec == ARMVIRT_ESR_EC_DABT_LOW;
}

bool armvirt_esr_hpfar_valid(const struct armvirt_esr *e)
{
	struct armvirt_esr_fsc fsc;
	bool s1ptw;

	if (e == NULL || !is_lower_el_abort(e))
		return false;
	if (e->layout == ARMVIRT_ESR_LAYOUT_DABT) {
		fsc = e->u.dabt.fsc;
		s1ptw = e->u.dabt.s1ptw;
	} else {
		fsc = e->u.iabt.fsc;
		s1ptw = e->u.iabt.s1ptw;
	}
	if (fsc.type == ARMVIRT_ESR_FSC_TRANSLATION || fsc.type == ARMVIRT_ESR_FSC_ACCESS_FLAG ||
	    fsc.type == ARMVIRT_ESR_FSC_ADDR_SIZE)
		return true;
	/* A permission fault counts only on the stage-2 translation of a stage-1 walk. */
	return s1ptw && fsc.type == ARMVIRT_ESR_FSC_PERMISSION;
}

int armvirt_esr_fault_ipa(const struct armvirt_esr *e, uint64_t hpfar, uint64_t far,
			  unsigned ipa_bits, armvirt_ipa_t *ipa)
{
	uint64_t page;
	uint64_t v;
	bool page_only;

	if (e == NULL || ipa == NULL || ipa_bits < IPA_BITS_MIN || ipa_bits > IPA_BITS_MAX)
		return ARMVIRT_EINVAL;
	if (e->layout != ARMVIRT_ESR_LAYOUT_DABT && e->layout != ARMVIRT_ESR_LAYOUT_IABT)
		return ARMVIRT_EINVAL;
	if (!armvirt_esr_hpfar_valid(e))
		return ARMVIRT_ENOENT;
	page = armvirt_field_get(hpfar, ARMVIRT_HPFAR_FIPA_SHIFT, ARMVIRT_HPFAR_FIPA_WIDTH)
	       << PAGE_SHIFT;
	if (page >> ipa_bits)
		return ARMVIRT_ERANGE;
	/*
	 * On a stage-1 walk HPFAR_EL2 names the page of the descriptor being
	 * fetched while FAR_EL2 describes the original access, so their offsets
	 * are unrelated; with FnV, FAR holds nothing.
	 */
	if (e->layout == ARMVIRT_ESR_LAYOUT_DABT)
		page_only = e->u.dabt.s1ptw || e->u.dabt.fnv;
	else
		page_only = e->u.iabt.s1ptw || e->u.iabt.fnv;
	v = page;
	if (!page_only)
		v |= armvirt_field_get(far, 0, PAGE_SHIFT);
	*ipa = armvirt_ipa(v);
	return page_only ? ARMVIRT_ESR_IPA_PAGE : ARMVIRT_ESR_IPA_EXACT;
}

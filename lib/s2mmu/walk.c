/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Software table walk: what an MMIO handler, a fault handler or a debugger
 * needs to know about one IPA.
 */
#include "s2mmu_impl.h"

s2_pte_t *s2_find(const struct armvirt_s2mmu *s2, uint64_t ipa, unsigned *level)
{
	const struct armvirt_s2mmu_config *cfg = &s2->cfg;
	unsigned l = cfg->start_level;
	s2_pte_t *t = (s2_pte_t *)armvirt_va_ptr(s2->root_va);
	/* The root index takes every IPA bit above the level (concatenation). */
	uint64_t idx = ipa >> s2_level_shift(cfg, l);

	for (;;) {
		uint64_t d = s2_load(&t[idx]);

		if (!s2_is_table(d, l)) {
			*level = l;
			return &t[idx];
		}
		t = s2_table(s2, s2_oa_decode(cfg, d));
		l++;
		idx = (ipa >> s2_level_shift(cfg, l)) & ((UINT64_C(1) << s2_stride(cfg)) - 1);
	}
}

int armvirt_s2mmu_walk(const struct armvirt_s2mmu *s2, armvirt_ipa_t ipa,
		       struct armvirt_s2mmu_leaf *leaf)
{
	const struct armvirt_s2mmu_config *cfg = &s2->cfg;
	uint64_t a = armvirt_ipa_val(ipa), d, size;
	unsigned level;

	if (a >> cfg->ipa_bits)
		return ARMVIRT_ERANGE;
	d = s2_load(s2_find(s2, a, &level));
	size = UINT64_C(1) << s2_level_shift(cfg, level);
	*leaf = (struct armvirt_s2mmu_leaf){ 0 };
	leaf->ipa = armvirt_ipa(a & ~(size - 1));
	leaf->size = size;
	leaf->level = (uint8_t)level;
	if (!s2_valid(d))
		return ARMVIRT_ENOENT;
	leaf->pa = armvirt_pa(s2_oa_decode(cfg, d));
	leaf->desc = d;
	leaf->attr = s2_attr_decode(cfg, d);
	leaf->contiguous = (d & S2_CONT) != 0;
	leaf->tracked = (d & s2_track_bit(cfg)) != 0;
	leaf->dirty = leaf->tracked && (d & S2_AP_W);
	return ARMVIRT_OK;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Dirty tracking for live migration and snapshots. A tracked page is
 * logically writable but clean: S2AP[1] clear, and marked either with DBM
 * (FEAT_HAFDBS dirty state: the hardware sets S2AP[1] on the first write,
 * D8 "Hardware management of the dirty state") or with a software bit
 * (the first write takes a permission fault, handled here).
 */
#include "s2mmu_impl.h"

int armvirt_s2mmu_dirty_start(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, uint64_t size)
{
	struct s2_op op;
	int rc = s2_op_init(&op, s2, S2_OP_DIRTY_START, ipa, size, ARMVIRT_S2MMU_PAGES);

	return rc ? rc : s2_op_run(&op);
}

int armvirt_s2mmu_dirty_collect(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, uint64_t size,
				uint64_t *bitmap, uint32_t flags)
{
	struct s2_op op;
	int rc = s2_op_init(&op, s2, S2_OP_DIRTY_COLLECT, ipa, size,
			    (flags & ARMVIRT_S2MMU_DIRTY_PEEK) ? S2_OP_PEEK : 0);

	if (rc)
		return rc;
	if ((flags & ~ARMVIRT_S2MMU_DIRTY_PEEK) || !bitmap)
		return ARMVIRT_EINVAL;
	op.bitmap = bitmap;
	rc = s2_op_run(&op);
	return rc ? rc : (int)op.dirty;
}

int armvirt_s2mmu_dirty_stop(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, uint64_t size)
{
	struct s2_op op;
	int rc = s2_op_init(&op, s2, S2_OP_DIRTY_STOP, ipa, size, 0);

	return rc ? rc : s2_op_run(&op);
}

/*
 * A permission fault that a stale TLB entry may have caused: invalidate
 * this CPU's copy only (as KVM does on the fault path); the store, if any,
 * is made visible to every walker first.
 */
static void local_invalidate(struct armvirt_s2mmu *s2, uint64_t ipa, unsigned level)
{
	armvirt_port_dsb(ARMVIRT_PORT_ISHST);
	if (s2->ops.tlbi_enter)
		s2->ops.tlbi_enter(s2->ops.ctx);
	armvirt_port_tlbi(ARMVIRT_TLBI_IPAS2LE1, s2_tlbi_ipa_arg(&s2->cfg, ipa, level));
	armvirt_port_dsb(ARMVIRT_PORT_NSH);
	armvirt_port_tlbi(ARMVIRT_TLBI_VMALLE1, 0);
	armvirt_port_dsb(ARMVIRT_PORT_NSH);
	if (s2->ops.tlbi_exit)
		s2->ops.tlbi_exit(s2->ops.ctx);
}

int armvirt_s2mmu_dirty_fault(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa)
{
	const struct armvirt_s2mmu_config *cfg = &s2->cfg;
	uint64_t a = armvirt_ipa_val(ipa), track = s2_track_bit(cfg), d;
	unsigned level;
	s2_pte_t *p;

	if (a >> cfg->ipa_bits)
		return ARMVIRT_ERANGE;
	p = s2_find(s2, a, &level);
	d = s2_load(p);
	if (!s2_valid(d))
		return ARMVIRT_ENOENT;
	if (!(d & track) && !(d & S2_AP_W))
		return ARMVIRT_EPERM;
	if (d & S2_AP_W) {
		local_invalidate(s2, a & ~((UINT64_C(1) << s2_level_shift(cfg, level)) - 1), level);
		return 0;
	}
	/* Tracked and clean: a tracked page is never part of a contiguous group. */
	while (!atomic_compare_exchange_strong_explicit(p, &d, d | S2_AP_W, memory_order_relaxed,
							memory_order_relaxed)) {
		if (!s2_valid(d) || !(d & track))
			return s2_valid(d) ? ARMVIRT_EPERM : ARMVIRT_ENOENT;
		if (d & S2_AP_W)
			break; /* the hardware marked it dirty meanwhile */
	}
	local_invalidate(s2, a & ~((UINT64_C(1) << s2_level_shift(cfg, level)) - 1), level);
	return 1;
}

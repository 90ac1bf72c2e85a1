/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The table of hypercalls the exit vectors answer (switch.h,
 * struct armvirt_switch_smccc). aarch64/entry.S walks the same hash as
 * armvirt_switch_smccc_lookup(): a change here is a change there.
 */
#include "switch_internal.h"

#include <armvirt/err.h>

#define SLOT_MASK (ARMVIRT_SWITCH_SMCCC_SLOTS - 1u)

_Static_assert((ARMVIRT_SWITCH_SMCCC_SLOTS & SLOT_MASK) == 0, "a power of two");

/*
 * Fibonacci hashing (Knuth, TAOCP 6.4): the top bits of fid * 2^32/phi.
 * Function IDs cluster (small function numbers, a few owners); the
 * multiplication spreads them.
 */
#define HASH_MUL 0x9e3779b9u
#define SLOT_BITS 6u

_Static_assert(ARMVIRT_SWITCH_SMCCC_SLOTS == 1u << SLOT_BITS, "SLOT_BITS");

static unsigned home_slot(uint32_t fid)
{
	return (uint32_t)(fid * HASH_MUL) >> (32u - SLOT_BITS);
}

static bool valid_action(unsigned action)
{
	return action == ARMVIRT_SWITCH_SMCCC_ANSWER || action == ARMVIRT_SWITCH_SMCCC_EXIT;
}

/* The slot holding @fid, or the empty slot ending its probe sequence. */
static unsigned find(const struct armvirt_switch_smccc *t, uint32_t fid)
{
	unsigned i = home_slot(fid);

	/* Ends: one slot always stays empty (armvirt_switch_smccc_set()). */
	while (t->slot[i].action != ARMVIRT_SWITCH_SMCCC_EMPTY && t->slot[i].fid != fid)
		i = (i + 1u) & SLOT_MASK;
	return i;
}

int armvirt_switch_smccc_init(struct armvirt_switch_smccc *table, unsigned other_action,
			      uint64_t other_x0)
{
	if (!table || !valid_action(other_action))
		return ARMVIRT_EINVAL;
	table->other_action = other_action;
	table->other_x0 = other_x0;
	table->used = 0;
	for (unsigned i = 0; i < ARMVIRT_SWITCH_SMCCC_SLOTS; i++) {
		table->slot[i].fid = 0;
		table->slot[i].action = ARMVIRT_SWITCH_SMCCC_EMPTY;
		table->slot[i].x0 = 0;
	}
	return 0;
}

int armvirt_switch_smccc_set(struct armvirt_switch_smccc *table, uint32_t fid, unsigned action,
			     uint64_t x0)
{
	struct armvirt_switch_smccc_slot *s;

	if (!table || !valid_action(action))
		return ARMVIRT_EINVAL;
	s = &table->slot[find(table, fid)];
	if (s->action == ARMVIRT_SWITCH_SMCCC_EMPTY) {
		if (table->used >= ARMVIRT_SWITCH_SMCCC_SLOTS - 1u)
			return ARMVIRT_ENOSPC;
		table->used++;
		s->fid = fid;
	}
	s->x0 = x0;
	s->action = action;
	return 0;
}

int armvirt_switch_smccc_lookup(const struct armvirt_switch_smccc *table, uint32_t fid,
				uint64_t *x0)
{
	const struct armvirt_switch_smccc_slot *s;

	if (!table || !x0)
		return ARMVIRT_EINVAL;
	s = &table->slot[find(table, fid)];
	if (s->action == ARMVIRT_SWITCH_SMCCC_EMPTY) {
		if (table->other_action == ARMVIRT_SWITCH_SMCCC_ANSWER)
			*x0 = table->other_x0;
		return (int)table->other_action;
	}
	if (s->action == ARMVIRT_SWITCH_SMCCC_ANSWER)
		*x0 = s->x0;
	return (int)s->action;
}

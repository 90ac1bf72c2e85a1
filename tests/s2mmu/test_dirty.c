/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Dirty tracking, with write faults (software) and with FEAT_HAFDBS dirty
 * state (the test plays the hardware: it sets S2AP[1] of a DBM descriptor,
 * as the walker's atomic update would, D8 "Hardware management of the dirty state").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "harness.h"

#define K4 0x1000ull
#define M2 0x200000ull
#define RAM ARMVIRT_S2MMU_RW
#define PA_BASE 0x800000000ull
#define BASE 0x40000000ull

static struct hx H;

static int teardown(void **state)
{
	(void)state;
	hx_teardown(&H);
	return 0;
}

static void settle(bool canonical)
{
	bool ok = hx_model_end(&H) && hx_check(&H, canonical);
	if (!ok)
		print_error("%s\n", H.failure);
	assert_true(ok);
}

static struct armvirt_s2mmu_leaf walk(uint64_t ipa)
{
	struct armvirt_s2mmu_leaf l;
	assert_int_equal(armvirt_s2mmu_walk(&H.s2, armvirt_ipa(ipa), &l), 0);
	return l;
}

/* RW block, RO block, and a device page. */
static void populate(void)
{
	assert_int_equal(
		armvirt_s2mmu_map(&H.s2, armvirt_ipa(BASE), armvirt_pa(0x80000000), M2, RAM, 0), 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(BASE + M2), armvirt_pa(0x80200000),
					   M2, ARMVIRT_S2MMU_R, 0),
			 0);
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(0x9000000), armvirt_pa(0x9000000), K4,
					   RAM | ARMVIRT_S2MMU_MEM(ARMVIRT_S2MMU_MEM_DEVICE_nGnRE) |
						   ARMVIRT_S2MMU_XN,
					   0),
			 0);
}

static void expect_local_flush(size_t first, uint64_t ipa)
{
	const struct armvirt_host_event *e;

	assert_int_equal(armvirt_host_log_count(), first + 5);
	e = armvirt_host_log_at(first);
	assert_int_equal(e->kind, ARMVIRT_HOST_EV_DSB);
	assert_int_equal(e->id, ARMVIRT_PORT_ISHST);
	e = armvirt_host_log_at(first + 1);
	assert_int_equal(e->kind, ARMVIRT_HOST_EV_TLBI);
	assert_int_equal(e->id, ARMVIRT_TLBI_IPAS2LE1);
	assert_int_equal(e->value, ipa >> 12);
	e = armvirt_host_log_at(first + 2);
	assert_int_equal(e->kind, ARMVIRT_HOST_EV_DSB);
	assert_int_equal(e->id, ARMVIRT_PORT_NSH);
	e = armvirt_host_log_at(first + 3);
	assert_int_equal(e->kind, ARMVIRT_HOST_EV_TLBI);
	assert_int_equal(e->id, ARMVIRT_TLBI_VMALLE1);
	e = armvirt_host_log_at(first + 4);
	assert_int_equal(e->kind, ARMVIRT_HOST_EV_DSB);
	assert_int_equal(e->id, ARMVIRT_PORT_NSH);
}

static void test_software_tracking(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_v80();
	uint64_t bitmap[(2 * M2 / K4) / 64], tables;
	struct armvirt_s2mmu_leaf l;

	(void)state;
	assert_int_equal(hx_setup(&H, &cpu, 40, 4096, 0, 64, PA_BASE, true), 0);
	populate();
	tables = H.s2.table_pages;
	assert_int_equal(armvirt_s2mmu_dirty_start(&H.s2, armvirt_ipa(BASE), 2 * M2), 0);
	settle(false);
	/* The writable block became tracked, clean pages; the read-only one stayed a block. */
	assert_int_equal(H.s2.table_pages, tables + 1);
	l = walk(BASE + 3 * K4);
	assert_int_equal(l.level, 3);
	assert_true(l.tracked);
	assert_false(l.dirty);
	assert_false(l.contiguous);
	assert_int_equal(l.attr, RAM);		  /* the guest may write ... */
	assert_false(hx_tr(&H, BASE + 3 * K4).w); /* ... and the first write is caught */
	l = walk(BASE + M2);
	assert_int_equal(l.level, 2);
	assert_false(l.tracked);

	/* A write fault on a clean tracked page: dirty now, this CPU's TLB flushed. */
	armvirt_host_log_clear();
	assert_int_equal(armvirt_s2mmu_dirty_fault(&H.s2, armvirt_ipa(BASE + 3 * K4 + 8)), 1);
	expect_local_flush(0, BASE + 3 * K4);
	assert_true(hx_tr(&H, BASE + 3 * K4).w);
	assert_true(walk(BASE + 3 * K4).dirty);
	/* Again: a stale entry on this CPU; flushed, nothing changes. */
	assert_int_equal(armvirt_s2mmu_dirty_fault(&H.s2, armvirt_ipa(BASE + 3 * K4)), 0);
	expect_local_flush(5, BASE + 3 * K4);
	/* Faults that are the guest's. */
	assert_int_equal(armvirt_s2mmu_dirty_fault(&H.s2, armvirt_ipa(BASE + M2)), ARMVIRT_EPERM);
	assert_int_equal(armvirt_s2mmu_dirty_fault(&H.s2, armvirt_ipa(BASE + 4 * M2)),
			 ARMVIRT_ENOENT);
	assert_int_equal(armvirt_s2mmu_dirty_fault(&H.s2, armvirt_ipa(1ull << 40)), ARMVIRT_ERANGE);

	/* Collect: one dirty page, cleaned and invalidated. */
	memset(bitmap, 0, sizeof(bitmap));
	armvirt_host_log_clear();
	assert_int_equal(armvirt_s2mmu_dirty_collect(&H.s2, armvirt_ipa(BASE), 2 * M2, bitmap, 0),
			 1);
	assert_int_equal(bitmap[0], 1ull << 3);
	for (size_t i = 1; i < sizeof(bitmap) / 8; i++)
		assert_int_equal(bitmap[i], 0);
	assert_false(walk(BASE + 3 * K4).dirty);
	assert_false(hx_tr(&H, BASE + 3 * K4).w);
	settle(false);
	memset(bitmap, 0, sizeof(bitmap));
	assert_int_equal(armvirt_s2mmu_dirty_collect(&H.s2, armvirt_ipa(BASE), 2 * M2, bitmap, 0),
			 0);

	/* Two more; peek leaves them dirty. */
	assert_int_equal(armvirt_s2mmu_dirty_fault(&H.s2, armvirt_ipa(BASE + 100 * K4)), 1);
	assert_int_equal(armvirt_s2mmu_dirty_fault(&H.s2, armvirt_ipa(BASE + 511 * K4)), 1);
	memset(bitmap, 0, sizeof(bitmap));
	assert_int_equal(armvirt_s2mmu_dirty_collect(&H.s2, armvirt_ipa(BASE), 2 * M2, bitmap,
						     ARMVIRT_S2MMU_DIRTY_PEEK),
			 2);
	assert_int_equal(bitmap[100 / 64], 1ull << (100 % 64));
	assert_int_equal(bitmap[511 / 64], 1ull << (511 % 64));
	assert_true(walk(BASE + 100 * K4).dirty);
	/* A sub-range reports only its pages, indexed from its start. */
	memset(bitmap, 0, sizeof(bitmap));
	assert_int_equal(
		armvirt_s2mmu_dirty_collect(&H.s2, armvirt_ipa(BASE + 64 * K4), 64 * K4, bitmap, 0),
		1);
	assert_int_equal(bitmap[0], 1ull << 36);
	assert_true(walk(BASE + 511 * K4).dirty);
	assert_int_equal(armvirt_s2mmu_dirty_collect(&H.s2, armvirt_ipa(BASE), 2 * M2, NULL, 0),
			 ARMVIRT_EINVAL);
	settle(false);

	/* Stop: writable again, untracked, and the block comes back. */
	assert_int_equal(armvirt_s2mmu_dirty_stop(&H.s2, armvirt_ipa(BASE), 2 * M2), 0);
	l = walk(BASE + 3 * K4);
	assert_int_equal(l.level, 2);
	assert_false(l.tracked);
	assert_int_equal(l.attr, RAM);
	assert_int_equal(H.s2.table_pages, tables);
	settle(true);
}

static void test_tracking_and_other_changes(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_v80();

	(void)state;
	assert_int_equal(hx_setup(&H, &cpu, 40, 4096, 0, 64, PA_BASE, true), 0);
	populate();
	assert_int_equal(armvirt_s2mmu_dirty_start(&H.s2, armvirt_ipa(BASE), M2), 0);
	/* Read-only ends tracking; writable again is plain writable. */
	assert_int_equal(armvirt_s2mmu_protect(&H.s2, armvirt_ipa(BASE), K4, ARMVIRT_S2MMU_R, 0),
			 0);
	assert_false(walk(BASE).tracked);
	assert_int_equal(armvirt_s2mmu_protect(&H.s2, armvirt_ipa(BASE), K4, RAM, 0), 0);
	assert_false(walk(BASE).tracked);
	assert_true(hx_tr(&H, BASE).w);
	/* Keeping W in the mask keeps the page tracked (and clean). */
	assert_int_equal(armvirt_s2mmu_protect(&H.s2, armvirt_ipa(BASE + K4), K4, RAM, 0), 0);
	assert_true(walk(BASE + K4).tracked);
	assert_false(hx_tr(&H, BASE + K4).w);
	/* Another attribute change keeps the tracking state. */
	assert_int_equal(armvirt_s2mmu_set_attr(&H.s2, armvirt_ipa(BASE + K4), K4,
						ARMVIRT_S2MMU_SW(4), ARMVIRT_S2MMU_SW(7), 0),
			 0);
	assert_true(walk(BASE + K4).tracked);
	/* Remapping ends it. */
	assert_int_equal(armvirt_s2mmu_map(&H.s2, armvirt_ipa(BASE + 2 * K4),
					   armvirt_pa(0x70000000), K4, RAM, ARMVIRT_S2MMU_REPLACE),
			 0);
	assert_false(walk(BASE + 2 * K4).tracked);
	/* A tracked page never joins a contiguous group or a block. */
	assert_false(walk(BASE + 64 * K4).contiguous);
	settle(false);
}

static void test_hardware_dirty_state(void **state)
{
	struct armvirt_s2mmu_cpu cpu = hx_cpu_max();
	uint64_t bitmap[8] = { 0 };
	struct ref_tr tr;
	uint64_t *desc;

	(void)state;
	assert_int_equal(hx_setup(&H, &cpu, 40, 4096, ARMVIRT_S2MMU_FEAT_HD, 64, PA_BASE, true), 0);
	assert_int_equal(H.cfg.vtcr & (3ull << 21), 3ull << 21); /* HA and HD */
	populate();
	assert_int_equal(armvirt_s2mmu_dirty_start(&H.s2, armvirt_ipa(BASE), M2), 0);
	settle(false);
	/* Writable-clean: DBM (bit 51) set, S2AP[1] clear. */
	tr = hx_tr(&H, BASE + 5 * K4);
	assert_true(tr.dbm);
	assert_false(tr.w);
	assert_false(tr.desc & (1ull << 55));
	/* The hardware's first write sets S2AP[1]. */
	desc = hx_ptr(&H, tr.desc_pa);
	*desc |= 1ull << 7;
	assert_true(walk(BASE + 5 * K4).dirty);
	assert_int_equal(armvirt_s2mmu_dirty_collect(&H.s2, armvirt_ipa(BASE), M2, bitmap, 0), 1);
	assert_int_equal(bitmap[0], 1ull << 5);
	tr = hx_tr(&H, BASE + 5 * K4);
	assert_true(tr.dbm);
	assert_false(tr.w);
	settle(false);
	/* A write fault on a DBM page (say, the walker did not update it) is handled alike. */
	assert_int_equal(armvirt_s2mmu_dirty_fault(&H.s2, armvirt_ipa(BASE + 6 * K4)), 1);
	assert_true(hx_tr(&H, BASE + 6 * K4).w);
	assert_int_equal(armvirt_s2mmu_dirty_stop(&H.s2, armvirt_ipa(BASE), M2), 0);
	tr = hx_tr(&H, BASE + 6 * K4);
	assert_false(tr.dbm);
	assert_true(tr.w);
	assert_int_equal(tr.level, 2);
	settle(true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_software_tracking, teardown),
		cmocka_unit_test_teardown(test_tracking_and_other_changes, teardown),
		cmocka_unit_test_teardown(test_hardware_dirty_state, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

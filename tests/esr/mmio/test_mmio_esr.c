/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Access descriptions from the data-abort syndrome (ISV = 1). ESR values are
 * assembled here from the field positions of Arm ARM D24.2.40 written out as
 * numbers, independently of the library's field constants.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <armvirt/err.h>
#include <armvirt/mmio.h>

/* EC 0x24 (from a lower EL), IL, ISV, SAS, SSE, SRT, SF, AR, WnR, DFSC. */
static uint64_t dabt(unsigned il, unsigned isv, unsigned sas, unsigned sse, unsigned srt,
		     unsigned sf, unsigned ar, unsigned wnr, unsigned dfsc)
{
	return (UINT64_C(0x24) << 26) | ((uint64_t)il << 25) | ((uint64_t)isv << 24) |
	       ((uint64_t)sas << 22) | ((uint64_t)sse << 21) | ((uint64_t)srt << 16) |
	       ((uint64_t)sf << 15) | ((uint64_t)ar << 14) | ((uint64_t)wnr << 6) | dfsc;
}

#define DFSC_TRANSLATION_L3 0x07u
#define DFSC_SYNC_EXTERNAL 0x10u

static void test_loads_and_stores(void **state)
{
	struct armvirt_mmio_insn d;

	(void)state;
	/* A common one: ldr w3, [...] — ESR 0x93830007 */
	assert_int_equal(dabt(1, 1, 2, 0, 3, 0, 0, 0, DFSC_TRANSLATION_L3), 0x93830007u);
	assert_int_equal(armvirt_mmio_decode_esr(0x93830007u, &d), 0);
	assert_int_equal(d.isa, ARMVIRT_MMIO_ISA_ESR);
	assert_int_equal(d.kind, ARMVIRT_MMIO_KIND_LOAD);
	assert_int_equal(d.reason, ARMVIRT_MMIO_OK);
	assert_int_equal(d.size, 4);
	assert_int_equal(d.count, 1);
	assert_int_equal(d.bank, ARMVIRT_MMIO_BANK_W);
	assert_int_equal(d.rt, 3);
	assert_int_equal(d.rn, ARMVIRT_MMIO_NOREG);
	assert_int_equal(d.rt2, ARMVIRT_MMIO_NOREG);
	assert_int_equal(d.addressing, ARMVIRT_MMIO_ADDR_NONE);
	assert_false(d.sign_extend);
	assert_false(d.writeback);
	assert_int_equal(d.len, 4);

	/* ldrsh w5: SAS 01, SSE */
	assert_int_equal(armvirt_mmio_decode_esr(dabt(1, 1, 1, 1, 5, 0, 0, 0, 7), &d), 0);
	assert_int_equal(d.size, 2);
	assert_true(d.sign_extend);
	assert_int_equal(d.bank, ARMVIRT_MMIO_BANK_W);
	/* ldrsb x6: SAS 00, SSE, SF */
	assert_int_equal(armvirt_mmio_decode_esr(dabt(1, 1, 0, 1, 6, 1, 0, 0, 7), &d), 0);
	assert_int_equal(d.size, 1);
	assert_true(d.sign_extend);
	assert_int_equal(d.bank, ARMVIRT_MMIO_BANK_X);
	/* str x30: SAS 11, SF, WnR; SSE on a store means nothing */
	assert_int_equal(armvirt_mmio_decode_esr(dabt(1, 1, 3, 1, 30, 1, 0, 1, 7), &d), 0);
	assert_int_equal(d.kind, ARMVIRT_MMIO_KIND_STORE);
	assert_int_equal(d.size, 8);
	assert_int_equal(d.rt, 30);
	assert_false(d.sign_extend);
	/* ldarb w1 and stlr x2: AR */
	assert_int_equal(armvirt_mmio_decode_esr(dabt(1, 1, 0, 0, 1, 0, 1, 0, 7), &d), 0);
	assert_true(d.acquire);
	assert_false(d.release);
	assert_int_equal(armvirt_mmio_decode_esr(dabt(1, 1, 3, 0, 2, 1, 1, 1, 7), &d), 0);
	assert_false(d.acquire);
	assert_true(d.release);
	/* a 16-bit T32 instruction: IL = 0 */
	assert_int_equal(armvirt_mmio_decode_esr(dabt(0, 1, 2, 0, 0, 0, 0, 0, 7), &d), 0);
	assert_int_equal(d.len, 2);
	/* XZR as the transfer register */
	assert_int_equal(armvirt_mmio_decode_esr(dabt(1, 1, 3, 0, 31, 1, 0, 1, 7), &d), 0);
	assert_int_equal(d.rt, 31);
}

static void test_no_syndrome(void **state)
{
	struct armvirt_mmio_insn d, before;

	(void)state;
	memset(&d, 0x5a, sizeof(d));
	before = d;
	/* ISV = 0: decode the instruction instead; d untouched */
	assert_int_equal(armvirt_mmio_decode_esr(dabt(1, 0, 0, 0, 0, 0, 0, 0, 7), &d),
			 ARMVIRT_ENOENT);
	assert_memory_equal(&d, &before, sizeof(d));
	/* not a data abort: EC 0x15 (SVC), EC 0x20 (instruction abort) */
	assert_int_equal(armvirt_mmio_decode_esr(UINT64_C(0x15) << 26, &d), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_mmio_decode_esr((UINT64_C(0x20) << 26) | (1u << 24), &d),
			 ARMVIRT_EINVAL);
	assert_memory_equal(&d, &before, sizeof(d));
	assert_int_equal(armvirt_mmio_decode_esr(0x93830007u, NULL), ARMVIRT_EINVAL);
	/* EC 0x25: a data abort taken without a change of EL is decoded too */
	assert_int_equal(armvirt_mmio_decode_esr((UINT64_C(0x25) << 26) | 0x03830007u, &d), 0);
	assert_int_equal(d.rt, 3);
}

static void test_walk_and_maintenance(void **state)
{
	struct armvirt_mmio_insn d;
	uint64_t s1ptw = UINT64_C(1) << 7, cm = UINT64_C(1) << 8;

	(void)state;
	/* stage-2 fault on the guest's own table walk: never the access, even with ISV = 0 */
	assert_int_equal(armvirt_mmio_decode_esr(dabt(1, 0, 0, 0, 0, 0, 0, 0, 7) | s1ptw, &d), 0);
	assert_int_equal(d.reason, ARMVIRT_MMIO_S1PTW);
	assert_int_equal(d.kind, ARMVIRT_MMIO_KIND_LOAD);
	assert_int_equal(armvirt_mmio_decode_esr(dabt(1, 1, 2, 0, 0, 0, 0, 1, 7) | s1ptw, &d), 0);
	assert_int_equal(d.reason, ARMVIRT_MMIO_S1PTW);
	assert_int_equal(d.kind, ARMVIRT_MMIO_KIND_STORE);
	/* DC IVAC on emulated memory: nothing to move, step past it */
	assert_int_equal(armvirt_mmio_decode_esr(dabt(1, 0, 0, 0, 0, 0, 0, 1, 7) | cm, &d), 0);
	assert_int_equal(d.reason, ARMVIRT_MMIO_OK);
	assert_int_equal(d.kind, ARMVIRT_MMIO_KIND_OTHER);
	assert_int_equal(d.count, 0);
	assert_int_equal(d.len, 4);
}

static void test_ls64(void **state)
{
	struct armvirt_mmio_insn d;
	uint64_t lst_st64bv = UINT64_C(1) << 11, lst_ld64b = UINT64_C(2) << 11;
	uint64_t lst_st64bv0 = UINT64_C(3) << 11, xs7 = UINT64_C(7) << 32;

	(void)state;
	/* ST64BV x4 (status in x7): SAS 11, SF, WnR, LST 01, ISS2.Xs 7 */
	assert_int_equal(
		armvirt_mmio_decode_esr(dabt(1, 1, 3, 0, 4, 1, 0, 1, 7) | lst_st64bv | xs7, &d), 0);
	assert_int_equal(d.reason, ARMVIRT_MMIO_LS64);
	assert_int_equal(d.kind, ARMVIRT_MMIO_KIND_STORE);
	assert_int_equal(d.count, 8);
	assert_int_equal(d.size, 8);
	assert_int_equal(d.rt, 4);
	assert_int_equal(d.rs, 7);
	/* ST64BV0 */
	assert_int_equal(
		armvirt_mmio_decode_esr(dabt(1, 1, 3, 0, 4, 1, 0, 1, 7) | lst_st64bv0 | xs7, &d),
		0);
	assert_int_equal(d.reason, ARMVIRT_MMIO_LS64);
	assert_int_equal(d.rs, 7);
	/* LD64B x0: no status register */
	assert_int_equal(armvirt_mmio_decode_esr(dabt(1, 1, 3, 0, 0, 1, 0, 0, 7) | lst_ld64b, &d),
			 0);
	assert_int_equal(d.reason, ARMVIRT_MMIO_LS64);
	assert_int_equal(d.kind, ARMVIRT_MMIO_KIND_LOAD);
	assert_int_equal(d.rs, ARMVIRT_MMIO_NOREG);
	/* the same bits on a synchronous external abort are SET, not LST */
	assert_int_equal(armvirt_mmio_decode_esr(
				 dabt(1, 1, 3, 0, 0, 1, 0, 0, DFSC_SYNC_EXTERNAL) | lst_ld64b, &d),
			 0);
	assert_int_equal(d.reason, ARMVIRT_MMIO_OK);
	assert_int_equal(d.count, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loads_and_stores),
		cmocka_unit_test(test_no_syndrome),
		cmocka_unit_test(test_walk_and_maintenance),
		cmocka_unit_test(test_ls64),
	};
	return cmocka_run_group_tests_name("mmio-esr", tests, NULL, NULL);
}

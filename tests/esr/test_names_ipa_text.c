/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Register names (Arm ARM encodings by hand), the faulting IPA (HPFAR_EL2
 * rules) and the one-line text form.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <armvirt/esr.h>

#define EC(x) ((uint64_t)(x) << 26)
#define IL (UINT64_C(1) << 25)

static struct armvirt_esr dec(uint64_t v)
{
	struct armvirt_esr e;

	assert_int_equal(armvirt_esr_decode(v, &e), 0);
	return e;
}

static void test_sysreg_names(void **state)
{
	const char *name;
	uint32_t enc;
	size_t i;

	(void)state;
	/* Encodings from the Arm ARM register descriptions, packed by hand. */
	assert_string_equal(armvirt_esr_sysreg_name(0xdf02), "CNTVCT_EL0");	  /* 3,3,14,0,2 */
	assert_string_equal(armvirt_esr_sysreg_name(0xc65d), "ICC_SGI1R_EL1");	  /* 3,0,12,11,5 */
	assert_string_equal(armvirt_esr_sysreg_name(0xe088), "HCR_EL2");	  /* 3,4,1,1,0 */
	assert_string_equal(armvirt_esr_sysreg_name(0xc108), "APIAKEYLO_EL1");	  /* 3,0,2,1,0 */
	assert_string_equal(armvirt_esr_sysreg_name(0xc030), "ID_AA64ISAR0_EL1"); /* 3,0,0,6,0 */
	assert_string_equal(armvirt_esr_sysreg_name(ARMVIRT_SYSREG_ENC(3, 4, 12, 13, 7)),
			    "ICH_LR15_EL2");
	assert_string_equal(armvirt_esr_sysreg_name(ARMVIRT_SYSREG_ENC(3, 3, 14, 11, 6)),
			    "PMEVCNTR30_EL0");
	assert_string_equal(armvirt_esr_sysreg_name(ARMVIRT_SYSREG_ENC(2, 0, 0, 15, 7)),
			    "DBGWCR15_EL1");
	assert_string_equal(armvirt_esr_sysreg_name(ARMVIRT_SYSREG_ENC(1, 0, 8, 3, 0)),
			    "TLBI VMALLE1IS");
	assert_null(armvirt_esr_sysreg_name(ARMVIRT_SYSREG_ENC(3, 0, 15, 0, 0)));
	/* DBGDTRRX_EL0 / DBGDTRTX_EL0 share 2,3,0,5,0. */
	assert_string_equal(armvirt_esr_sysreg_name_dir(ARMVIRT_SYSREG_ENC(2, 3, 0, 5, 0), false),
			    "DBGDTRRX_EL0");
	assert_string_equal(armvirt_esr_sysreg_name_dir(ARMVIRT_SYSREG_ENC(2, 3, 0, 5, 0), true),
			    "DBGDTRTX_EL0");
	/* The iterator walks the same table the lookup uses. */
	for (i = 0; armvirt_esr_sysreg_at(i, &enc, &name) == 0; i++)
		assert_string_equal(armvirt_esr_sysreg_name(enc), name);
	assert_true(i > 600);
	assert_int_equal(armvirt_esr_sysreg_at(i, &enc, &name), ARMVIRT_ENOENT);
	assert_int_equal(armvirt_esr_sysreg_at(0, NULL, &name), ARMVIRT_EINVAL);

	assert_string_equal(armvirt_esr_cp_name(15, 0, 1, 0, 0), "SCTLR");
	assert_string_equal(armvirt_esr_cp_name(15, 4, 1, 1, 0), "HCR");
	assert_string_equal(armvirt_esr_cp_name(15, 0, 14, 2, 1), "CNTP_CTL");
	assert_string_equal(armvirt_esr_cp_name(14, 0, 0, 1, 0), "DBGDSCRint");
	assert_string_equal(armvirt_esr_cp_name(14, 0, 0, 7, 5), "DBGBCR7");
	assert_string_equal(armvirt_esr_cp_name(10, 7, 6, 0, 0), "MVFR1");
	assert_null(armvirt_esr_cp_name(15, 0, 15, 0, 0));
	assert_null(armvirt_esr_cp_name(31, 0, 1, 0, 0)); /* out of range, does not alias 15 */
	assert_string_equal(armvirt_esr_cp64_name(15, 6, 2), "VTTBR");
	assert_string_equal(armvirt_esr_cp64_name(15, 0, 12), "ICC_SGI1R");
	assert_null(armvirt_esr_cp64_name(15, 7, 2));
}

/* A stage-2 fault from a lower EL: translation fault level 3, FnV clear. */
static const uint64_t dabt_l3 = 0x93810047u;

static void test_fault_ipa(void **state)
{
	struct armvirt_esr e = dec(dabt_l3);
	armvirt_ipa_t ipa = armvirt_ipa(0);

	(void)state;
	assert_true(armvirt_esr_hpfar_valid(&e));
	/* IPA 0x9_0000_1234: FIPA = IPA[55:12] = 0x900001 in HPFAR bits [47:4]. FAR is a VA whose
	 * page offset (0x234) the IPA shares. */
	assert_int_equal(armvirt_esr_fault_ipa(&e, UINT64_C(0x900001) << 4,
					       UINT64_C(0xffff000012345234), 40, &ipa),
			 ARMVIRT_ESR_IPA_EXACT);
	assert_true(armvirt_ipa_val(ipa) == UINT64_C(0x900001234));
	/* The same IPA does not fit a 32-bit IPA space; nothing is written. */
	ipa = armvirt_ipa(7);
	assert_int_equal(armvirt_esr_fault_ipa(&e, UINT64_C(0x900001) << 4, 0, 32, &ipa),
			 ARMVIRT_ERANGE);
	assert_true(armvirt_ipa_val(ipa) == 7);
	/* 52-bit IPA (FEAT_LPA): 0xF_FFFF_FFFF_FABC, FIPA = 0xFF_FFFF_FFFF. */
	assert_int_equal(armvirt_esr_fault_ipa(&e, UINT64_C(0xffffffffff) << 4, 0xabc, 52, &ipa),
			 ARMVIRT_ESR_IPA_EXACT);
	assert_true(armvirt_ipa_val(ipa) == UINT64_C(0xffffffffffabc));
	assert_int_equal(armvirt_esr_fault_ipa(&e, UINT64_C(0xffffffffff) << 4, 0, 48, &ipa),
			 ARMVIRT_ERANGE);
	/* HPFAR_EL2.NS (bit 63) is not part of the address. */
	assert_int_equal(
		armvirt_esr_fault_ipa(&e, (UINT64_C(1) << 63) | (0x40000u << 4), 0x10, 40, &ipa),
		ARMVIRT_ESR_IPA_EXACT);
	assert_true(armvirt_ipa_val(ipa) == UINT64_C(0x40000010));
	assert_int_equal(armvirt_esr_fault_ipa(&e, 0, 0, 31, &ipa), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_esr_fault_ipa(&e, 0, 0, 57, &ipa), ARMVIRT_EINVAL);

	/* A stage-2 fault on a stage-1 walk (S1PTW): HPFAR names the descriptor's page, FAR the
	 * original access, so only the page is known. */
	e = dec(EC(0x24) | IL | 0x80 | 0x07);
	assert_int_equal(armvirt_esr_fault_ipa(&e, 0x40000u << 4, 0x123, 40, &ipa),
			 ARMVIRT_ESR_IPA_PAGE);
	assert_true(armvirt_ipa_val(ipa) == UINT64_C(0x40000000));
	/* FnV for a translation fault is RES0: the offset still comes from FAR. */
	e = dec(dabt_l3 | 0x400);
	assert_int_equal(armvirt_esr_fault_ipa(&e, 0x40000u << 4, 0x123, 40, &ipa),
			 ARMVIRT_ESR_IPA_EXACT);
	assert_true(armvirt_ipa_val(ipa) == UINT64_C(0x40000123));

	/* Stage-2 permission fault (DFSC 0x0f) not on a walk: HPFAR is UNKNOWN. */
	e = dec(EC(0x24) | IL | 0x40 | 0x0f);
	assert_false(armvirt_esr_hpfar_valid(&e));
	assert_int_equal(armvirt_esr_fault_ipa(&e, 0x40000u << 4, 0, 40, &ipa), ARMVIRT_ENOENT);
	/* ... but on a stage-1 table walk (S1PTW, bit 7) it is valid. */
	e = dec(EC(0x24) | IL | 0x80 | 0x0f);
	assert_true(armvirt_esr_hpfar_valid(&e));
	/* An external abort on the walk (DFSC 0b010101) does not write HPFAR, S1PTW or not. */
	assert_false(armvirt_esr_hpfar_valid((e = dec(EC(0x24) | IL | 0x80 | 0x15), &e)));
	/* Granule protection faults are not reported as valid (stage unknown). */
	assert_false(armvirt_esr_hpfar_valid((e = dec(EC(0x24) | IL | 0x28), &e)));
	/* Access flag and address size faults are valid; external aborts are not. */
	assert_true(armvirt_esr_hpfar_valid((e = dec(EC(0x24) | IL | 0x09), &e)));
	assert_true(armvirt_esr_hpfar_valid((e = dec(EC(0x20) | IL | 0x2b), &e)));
	assert_false(armvirt_esr_hpfar_valid((e = dec(EC(0x24) | IL | 0x10), &e)));
	/* Same-EL aborts never go through stage 2. */
	assert_false(armvirt_esr_hpfar_valid((e = dec(EC(0x25) | IL | 0x07), &e)));
	/* Not an abort. */
	e = dec(0x5a000000u);
	assert_false(armvirt_esr_hpfar_valid(&e));
	assert_int_equal(armvirt_esr_fault_ipa(&e, 0, 0, 40, &ipa), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_esr_fault_ipa(NULL, 0, 0, 40, &ipa), ARMVIRT_EINVAL);

	/* AArch32 HSR: HPFAR.FIPA is IPA[39:12] at bits [31:4]. */
	assert_int_equal(armvirt_esr_decode_hsr(0x93830005u, &e), 0);
	assert_int_equal(armvirt_esr_fault_ipa(&e, 0x800010u, 0xfff, 40, &ipa),
			 ARMVIRT_ESR_IPA_EXACT);
	assert_true(armvirt_ipa_val(ipa) == UINT64_C(0x80001fff));
}

static void test_format(void **state)
{
	char buf[ARMVIRT_ESR_FORMAT_MAX];
	char small[16];
	struct armvirt_esr e = dec(dabt_l3);
	int n;

	(void)state;
	n = armvirt_esr_format(&e, buf, sizeof(buf));
	assert_string_equal(buf, "EC 0x24 DABT_LOW (data abort from a lower EL): write 4 bytes "
				 "from w1, translation fault level 3 | il=1 isv=1 sas=2 sse=0 "
				 "srt=1 sf=0 ar=0 vncr=0 lst=0 ea=0 cm=0 s1ptw=0 wnr=1 dfsc=0x07 "
				 "xs=0 dirtybit=0 overlay=0 assuredonly=0 gcs=0 tagaccess=0 tnd=0 "
				 "hdbssf=0");
	assert_int_equal(n, (int)strlen(buf));

	e = dec(0x6232f826u);
	assert_true(armvirt_esr_format(&e, buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, ": MSR CNTV_CTL_EL0, x1 |"));
	e = dec(0x6234f801u);
	assert_true(armvirt_esr_format(&e, buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, ": MRS x0, CNTVCT_EL0 |"));
	e = dec(EC(0x18) | IL | (3u << 20) | (15u << 10) | (31u << 5) | 1); /* unnamed */
	assert_true(armvirt_esr_format(&e, buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, ": MRS xzr, S3_0_C15_C0_0 |"));
	e = dec(0x0fe00401u);
	assert_true(armvirt_esr_format(&e, buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, ": MRC p15, 0, x0, c1, c0, 0 (SCTLR) |"));
	e = dec(0x5a001234u);
	assert_true(armvirt_esr_format(&e, buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, "HVC64 (HVC from AArch64): HVC #0x1234 | il=1 imm16=0x1234"));
	e = dec(0x0a000005u);
	assert_true(armvirt_esr_format(&e, buf, sizeof(buf)) > 0);
	assert_string_equal(buf, "EC 0x02 RESERVED (reserved exception class) | il=1 res0=0x5");

	/* Truncation: reported, and the prefix that fits is kept, NUL-terminated. */
	e = dec(dabt_l3);
	assert_int_equal(armvirt_esr_format(&e, small, sizeof(small)), ARMVIRT_ENOSPC);
	assert_string_equal(small, "EC 0x24 DABT_LO"); /* 15 characters and the NUL */
	assert_int_equal(armvirt_esr_format(&e, small, 0), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_esr_format(&e, NULL, 8), ARMVIRT_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sysreg_names),
		cmocka_unit_test(test_fault_ipa),
		cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

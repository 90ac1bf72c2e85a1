/* SPDX-License-Identifier: BSD-3-Clause */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <armvirt/bits.h>
#include <armvirt/err.h>
#include <armvirt/types.h>

static void test_strerror_every_code_distinct(void **state)
{
	(void)state;
	for (int a = ARMVIRT_OK; a > ARMVIRT_ERR_COUNT_; a--) {
		assert_non_null(armvirt_strerror(a));
		assert_string_not_equal(armvirt_strerror(a), "unknown error");
		for (int b = a - 1; b > ARMVIRT_ERR_COUNT_; b--)
			assert_string_not_equal(armvirt_strerror(a), armvirt_strerror(b));
	}
}

static void test_strerror_out_of_range(void **state)
{
	(void)state;
	assert_string_equal(armvirt_strerror(5), "success");
	assert_string_equal(armvirt_strerror(ARMVIRT_ERR_COUNT_), "unknown error");
	assert_string_equal(armvirt_strerror(-1000), "unknown error");
	assert_string_equal(armvirt_strerror(INT32_MIN), "unknown error");
	assert_string_equal(armvirt_strerror(ARMVIRT_ENOMEM), "out of table memory");
}

static void test_fields(void **state)
{
	(void)state;
	/* ESR_EL2 0x93c08007: EC 0x24 in [31:26], ISV in bit 24, SAS [23:22] = 3. */
	assert_int_equal(armvirt_field_get(0x93c08007u, 26, 6), 0x24);
	assert_int_equal(armvirt_field_get(0x93c08007u, 24, 1), 1);
	assert_int_equal(armvirt_field_get(0x93c08007u, 22, 2), 3);
	assert_int_equal(armvirt_field_get(UINT64_MAX, 0, 64), UINT64_MAX);
	assert_int_equal(armvirt_field_set(0, 26, 6, 0xff), 0x3fu << 26);
	assert_int_equal(armvirt_field_set(UINT64_MAX, 4, 4, 0), 0xffffffffffffff0fu);
	assert_int_equal(armvirt_sign_extend(0x80, 8), -128);
	assert_int_equal(armvirt_sign_extend(0x7f, 8), 127);
	assert_int_equal(armvirt_sign_extend(0xffff8000, 16), -32768);
	assert_int_equal(armvirt_sign_extend(0x1ff, 9), -1);
	assert_int_equal(armvirt_sign_extend(UINT64_MAX, 64), -1);
}

static void test_address_types(void **state)
{
	(void)state;
	int x;
	assert_int_equal(armvirt_ipa_val(armvirt_ipa(0x40000000)), 0x40000000);
	assert_int_equal(armvirt_pa_val(armvirt_pa(0x8000000000)), 0x8000000000);
	assert_ptr_equal(armvirt_va_ptr(armvirt_va(&x)), &x);
	assert_int_equal(sizeof(armvirt_ipa_t), sizeof(uint64_t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strerror_every_code_distinct),
		cmocka_unit_test(test_strerror_out_of_range),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_address_types),
	};
	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}

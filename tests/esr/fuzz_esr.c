/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: decode arbitrary 64-bit values as ESR_EL2 and HSR, walk
 * every field, look up names, compute fault IPAs and format into buffers of
 * every size. The formatter must never write past the size it is given (the
 * canary bytes after it must survive) and must agree with itself across sizes.
 */
#include <stdint.h>
#include <string.h>

#include <armvirt/esr.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct armvirt_esr *e, uint64_t hpfar, uint64_t far)
{
	char full[ARMVIRT_ESR_FORMAT_MAX];
	char part[ARMVIRT_ESR_FORMAT_MAX + 8];
	const struct armvirt_esr_field *f;
	armvirt_ipa_t ipa;
	size_t sz;
	int n;
	int i;

	n = armvirt_esr_format(e, full, sizeof(full));
	if (n < 0 || (size_t)n != strlen(full))
		__builtin_trap(); /* the documented maximum must always suffice */
	for (sz = 1; sz <= (size_t)n + 1; sz += 1 + sz / 4) {
		memset(part, 0x5a, sizeof(part));
		i = armvirt_esr_format(e, part, sz);
		if (part[sz] != 0x5a || part[sz - 1 < (size_t)n ? sz - 1 : (size_t)n] != '\0')
			__builtin_trap();
		if ((sz > (size_t)n) != (i == n) || (sz <= (size_t)n && i != ARMVIRT_ENOSPC))
			__builtin_trap();
		if (strncmp(part, full, sz - 1) != 0)
			__builtin_trap();
	}
	n = armvirt_esr_fields(e, &f);
	for (i = 0; i < n; i++) {
		if (f[i].shift + f[i].width > 64 || f[i].name == NULL)
			__builtin_trap();
		(void)armvirt_esr_field_present(e, &f[i]);
		(void)armvirt_esr_field_value(e, &f[i]);
	}
	(void)armvirt_esr_trap_name(e);
	if (armvirt_esr_fault_ipa(e, hpfar, far, 48, &ipa) >= 0 && (armvirt_ipa_val(ipa) >> 48))
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t v[3] = { 0, 0, 0 };
	struct armvirt_esr e;

	memcpy(v, data, size < sizeof(v) ? size : sizeof(v));
	if (armvirt_esr_decode(v[0], &e) != 0)
		__builtin_trap();
	check(&e, v[1], v[2]);
	if (armvirt_esr_decode_hsr((uint32_t)v[0], &e) != 0)
		__builtin_trap();
	check(&e, v[1], v[2]);
	return 0;
}

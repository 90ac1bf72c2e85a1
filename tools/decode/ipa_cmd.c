/* SPDX-License-Identifier: BSD-3-Clause */
/* armvirt-decode ipa: the faulting IPA from HPFAR_EL2 and FAR_EL2 (and optionally ESR_EL2). */
#include <armvirt/esr.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

#define PAGE_OFFSET_BITS 12

int cmd_ipa(int argc, char **argv)
{
	const char *hpfar_s = NULL, *far_s = NULL, *esr_s = NULL, *bits_s = NULL;
	struct armvirt_esr e;
	struct cli_json j;
	armvirt_ipa_t ipa;
	bool json = false;
	uint64_t hpfar, far;
	unsigned bits = 56;
	char hex[24];
	int rc = ARMVIRT_ESR_IPA_EXACT;
	int i;

	for (i = 0; i < argc; i++) {
		const char **slot = NULL;

		if (strcmp(argv[i], "--json") == 0) {
			json = true;
			continue;
		}
		if (strcmp(argv[i], "--hpfar") == 0)
			slot = &hpfar_s;
		else if (strcmp(argv[i], "--far") == 0)
			slot = &far_s;
		else if (strcmp(argv[i], "--esr") == 0)
			slot = &esr_s;
		else if (strcmp(argv[i], "--ipa-bits") == 0)
			slot = &bits_s;
		else
			cli_usage_error("ipa: unexpected argument '%s'", argv[i]);
		if (i + 1 >= argc)
			cli_usage_error("ipa: %s needs a value", argv[i]);
		*slot = argv[++i];
	}
	if (hpfar_s == NULL || far_s == NULL)
		cli_usage_error("ipa: both --hpfar and --far are required");
	hpfar = cli_number(hpfar_s, UINT64_MAX, "--hpfar");
	far = cli_number(far_s, UINT64_MAX, "--far");
	if (bits_s)
		bits = (unsigned)cli_number(bits_s, 56, "--ipa-bits");
	if (bits < 32)
		cli_usage_error("--ipa-bits: %u is below 32", bits);

	if (esr_s) {
		armvirt_esr_decode(cli_number(esr_s, UINT64_MAX, "--esr"), &e);
		rc = armvirt_esr_fault_ipa(&e, hpfar, far, bits, &ipa);
		if (rc == ARMVIRT_EINVAL)
			cli_usage_error("--esr: EC 0x%02x (%s) is not an instruction or data abort",
					e.ec, armvirt_esr_ec_name(e.ec, false));
		if (rc == ARMVIRT_ENOENT) {
			fprintf(stderr, "armvirt-decode: HPFAR_EL2 is not valid for this fault "
					"(translate FAR_EL2 instead)\n");
			return 1;
		}
	} else {
		/* Without the syndrome the validity rules cannot be applied: compose only. */
		uint64_t page =
			armvirt_field_get(hpfar, ARMVIRT_HPFAR_FIPA_SHIFT, ARMVIRT_HPFAR_FIPA_WIDTH)
			<< PAGE_OFFSET_BITS;
		ipa = armvirt_ipa(page | armvirt_field_get(far, 0, PAGE_OFFSET_BITS));
		if (bits < 64 && (page >> bits))
			rc = ARMVIRT_ERANGE;
	}
	if (rc == ARMVIRT_ERANGE) {
		fprintf(stderr, "armvirt-decode: the IPA does not fit in %u bits\n", bits);
		return 1;
	}
	snprintf(hex, sizeof(hex), "0x%llx", (unsigned long long)armvirt_ipa_val(ipa));
	if (json) {
		json_init(&j, stdout);
		json_begin(&j);
		json_kv_string(&j, "ipa", hex);
		json_key(&j, "exact");
		json_bool(&j, rc == ARMVIRT_ESR_IPA_EXACT);
		json_key(&j, "checked");
		json_bool(&j, esr_s != NULL);
		json_end(&j);
	} else {
		printf("%s%s\n", hex,
		       rc == ARMVIRT_ESR_IPA_PAGE
			       ? " (page only: a stage-1 walk fault, or FAR not valid)"
			       : "");
	}
	return 0;
}

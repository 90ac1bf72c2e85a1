/* SPDX-License-Identifier: BSD-3-Clause */
/* armvirt-decode esr: ESR_EL2 (or HSR) values, as text or JSON. */
#include <armvirt/esr.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static void field_bits(char *buf, size_t n, const struct armvirt_esr_field *f)
{
	if (f->width == 1)
		snprintf(buf, n, "[%u]", f->shift);
	else
		snprintf(buf, n, "[%u:%u]", f->shift + f->width - 1, f->shift);
}

static const struct armvirt_esr_fsc *abort_fsc(const struct armvirt_esr *e)
{
	if (e->layout == ARMVIRT_ESR_LAYOUT_DABT)
		return &e->u.dabt.fsc;
	if (e->layout == ARMVIRT_ESR_LAYOUT_IABT)
		return &e->u.iabt.fsc;
	return NULL;
}

static void print_text(const struct armvirt_esr *e, const char *line)
{
	const struct armvirt_esr_fsc *fsc = abort_fsc(e);
	const struct armvirt_esr_field *f;
	const char *name = armvirt_esr_trap_name(e);
	char bits[16];
	int n;
	int i;

	printf("%s 0x%016llx\n", e->hsr ? "HSR" : "ESR", (unsigned long long)e->raw);
	printf("  %s\n", line);
	printf("  EC    0x%02x  %s: %s\n", e->ec, armvirt_esr_ec_name(e->ec, e->hsr),
	       armvirt_esr_ec_desc(e->ec, e->hsr));
	printf("  IL    %u     %s instruction\n", e->il, e->il ? "32-bit" : "16-bit");
	printf("  ISS   0x%07x\n", e->iss);
	if (!e->hsr)
		printf("  ISS2  0x%06x\n", e->iss2);
	n = armvirt_esr_fields(e, &f);
	for (i = 0; i < n; i++) {
		if (!armvirt_esr_field_present(e, &f[i]))
			continue;
		field_bits(bits, sizeof(bits), &f[i]);
		printf("    %-13s %-8s 0x%llx\n", f[i].name, bits,
		       (unsigned long long)armvirt_esr_field_value(e, &f[i]));
	}
	if (name)
		printf("  register: %s\n", name);
	if (fsc) {
		printf("  fault: %s", armvirt_esr_fsc_type_name(fsc->type));
		if (fsc->level != ARMVIRT_ESR_FSC_NO_LEVEL)
			printf(", level %d", fsc->level);
		printf("; HPFAR_EL2 %s\n",
		       armvirt_esr_hpfar_valid(e) ? "holds the faulting IPA" : "is not valid");
	}
	if (e->res0)
		printf("  warning: bits 0x%llx are set where this class defines no field\n",
		       (unsigned long long)e->res0);
}

static void print_json(struct cli_json *j, const struct armvirt_esr *e, const char *line)
{
	const struct armvirt_esr_fsc *fsc = abort_fsc(e);
	const struct armvirt_esr_field *f;
	const char *name = armvirt_esr_trap_name(e);
	char hex[24];
	int n;
	int i;

	snprintf(hex, sizeof(hex), "0x%016llx", (unsigned long long)e->raw);
	json_begin(j);
	json_kv_string(j, "esr", hex);
	json_key(j, "aarch32");
	json_bool(j, e->hsr);
	json_kv_uint(j, "ec", e->ec);
	json_kv_string(j, "ec_name", armvirt_esr_ec_name(e->ec, e->hsr));
	json_kv_string(j, "ec_desc", armvirt_esr_ec_desc(e->ec, e->hsr));
	json_key(j, "reserved");
	json_bool(j, e->layout == ARMVIRT_ESR_LAYOUT_RESERVED);
	json_kv_uint(j, "il", e->il);
	json_kv_uint(j, "iss", e->iss);
	json_kv_uint(j, "iss2", e->iss2);
	json_kv_string(j, "description", line);
	/* Every field of the class, then the ones that do not apply to this syndrome. */
	json_key(j, "fields");
	json_begin(j);
	n = armvirt_esr_fields(e, &f);
	for (i = 0; i < n; i++)
		json_kv_uint(j, f[i].name, armvirt_esr_field_value(e, &f[i]));
	json_end(j);
	json_key(j, "inactive");
	json_begin_array(j);
	for (i = 0; i < n; i++)
		if (!armvirt_esr_field_present(e, &f[i]))
			json_string(j, f[i].name);
	json_end_array(j);
	if (name)
		json_kv_string(j, "sysreg", name);
	if (fsc) {
		json_kv_string(j, "fault", armvirt_esr_fsc_type_name(fsc->type));
		if (fsc->level != ARMVIRT_ESR_FSC_NO_LEVEL) {
			json_key(j, "fault_level");
			json_int(j, fsc->level);
		}
		json_key(j, "hpfar_valid");
		json_bool(j, armvirt_esr_hpfar_valid(e));
	}
	json_kv_uint(j, "res0", e->res0);
	json_end(j);
}

int cmd_esr(int argc, char **argv)
{
	char line[ARMVIRT_ESR_FORMAT_MAX];
	struct armvirt_esr e;
	struct cli_json j;
	bool aarch32 = false;
	bool json = false;
	int first = -1;
	uint64_t v;
	int i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--aarch32") == 0)
			aarch32 = true;
		else if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (argv[i][0] == '-' && argv[i][1] == '-')
			cli_usage_error("esr: unknown option '%s'", argv[i]);
		else if (first < 0)
			first = i;
	}
	if (first < 0)
		cli_usage_error("esr: no VALUE given");
	/* Check every value before printing anything. */
	for (i = first; i < argc; i++)
		if (strncmp(argv[i], "--", 2) != 0)
			(void)cli_number(argv[i], aarch32 ? UINT32_MAX : UINT64_MAX,
					 aarch32 ? "HSR value" : "ESR value");
	json_init(&j, stdout);
	for (i = first; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) == 0)
			continue;
		v = cli_number(argv[i], UINT64_MAX, "value");
		if (aarch32)
			armvirt_esr_decode_hsr((uint32_t)v, &e);
		else
			armvirt_esr_decode(v, &e);
		armvirt_esr_format(&e, line, sizeof(line));
		if (json)
			print_json(&j, &e, line);
		else
			print_text(&e, line);
	}
	return 0;
}

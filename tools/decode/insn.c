/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * armvirt-decode insn: what a load/store instruction does to memory, and
 * whether an MMIO access by it can be emulated, as text or JSON.
 */
#include <armvirt/mmio.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

#define A64_REG_31 31u
#define AARCH32_REG_SP 13u
#define AARCH32_REG_LR 14u
#define AARCH32_REG_PC 15u

static bool aarch32(const struct armvirt_mmio_insn *d)
{
	return d->isa == ARMVIRT_MMIO_ISA_A32 || d->isa == ARMVIRT_MMIO_ISA_T32;
}

/* A register's assembler name: x0/w0/xzr/sp, b0..q31, or r0..r12/sp/lr/pc. */
static const char *reg_name(const struct armvirt_mmio_insn *d, unsigned r, bool base, char *buf,
			    size_t n)
{
	if (aarch32(d)) {
		static const char *const special[] = { "sp", "lr", "pc" };

		if (r >= AARCH32_REG_SP && r <= AARCH32_REG_PC)
			return special[r - AARCH32_REG_SP];
		snprintf(buf, n, "r%u", r);
	} else if (base) {
		if (r == A64_REG_31)
			return "sp";
		snprintf(buf, n, "x%u", r);
	} else if (d->bank == ARMVIRT_MMIO_BANK_W || d->bank == ARMVIRT_MMIO_BANK_X) {
		const char *bank = armvirt_mmio_bank_name(d->bank);

		if (r == A64_REG_31)
			snprintf(buf, n, "%szr", bank);
		else
			snprintf(buf, n, "%s%u", bank, r);
	} else {
		snprintf(buf, n, "%s%u", armvirt_mmio_bank_name(d->bank), r);
	}
	return buf;
}

static bool immediate_form(const struct armvirt_mmio_insn *d)
{
	return d->rm == ARMVIRT_MMIO_NOREG &&
	       (d->addressing == ARMVIRT_MMIO_ADDR_OFFSET ||
		d->addressing == ARMVIRT_MMIO_ADDR_PRE || d->addressing == ARMVIRT_MMIO_ADDR_POST ||
		d->addressing == ARMVIRT_MMIO_ADDR_LITERAL);
}

static void json_reg(struct cli_json *j, const char *key, unsigned r)
{
	json_key(j, key);
	if (r == ARMVIRT_MMIO_NOREG)
		json_null(j);
	else
		json_uint(j, r);
}

static void json_flag(struct cli_json *j, const char *key, bool v)
{
	json_key(j, key);
	json_bool(j, v);
}

static void print_json(struct cli_json *j, const struct armvirt_mmio_insn *d, unsigned digits)
{
	char hex[16];

	snprintf(hex, sizeof(hex), "%0*x", (int)digits, d->insn);
	json_begin(j);
	json_kv_string(j, "insn", hex);
	json_kv_string(j, "isa", armvirt_mmio_isa_name(d->isa));
	json_flag(j, "supported", d->reason == ARMVIRT_MMIO_OK);
	if (d->reason != ARMVIRT_MMIO_OK) {
		json_kv_string(j, "reason", armvirt_mmio_reason_name(d->reason));
		json_kv_string(j, "reason_text", armvirt_mmio_reason_text(d->reason));
	}
	json_kv_string(j, "kind", armvirt_mmio_kind_name(d->kind));
	json_kv_uint(j, "length", d->len);
	if (d->kind != ARMVIRT_MMIO_KIND_OTHER) {
		json_key(j, "access");
		if (d->size == 0u) {
			json_null(j); /* SVE, SME, MOPS, structures, multiple, tags */
		} else {
			json_begin(j);
			json_kv_uint(j, "size", d->size);
			json_kv_uint(j, "count", d->count);
			json_reg(j, "rt", d->rt);
			json_reg(j, "rt2", d->rt2);
			json_kv_string(j, "bank", armvirt_mmio_bank_name(d->bank));
			json_flag(j, "sign_extend", d->sign_extend);
			json_reg(j, "rn", d->rn);
			json_kv_string(j, "addressing",
				       armvirt_mmio_addressing_name(d->addressing));
			if (immediate_form(d)) {
				json_key(j, "offset");
				json_int(j, d->offset);
			}
			if (d->rm != ARMVIRT_MMIO_NOREG) {
				json_reg(j, "rm", d->rm);
				json_kv_string(j, "index", armvirt_mmio_index_name(d->index));
				json_kv_uint(j, "amount", d->amount);
				json_flag(j, "subtract", d->subtract);
			}
			json_flag(j, "writeback", d->writeback);
			json_flag(j, "acquire", d->acquire);
			json_flag(j, "release", d->release);
			json_flag(j, "exclusive", d->exclusive);
			json_flag(j, "unprivileged", d->unprivileged);
			json_reg(j, "rs", d->rs);
			json_end(j);
		}
	} else if (d->rn != ARMVIRT_MMIO_NOREG) {
		json_reg(j, "rn", d->rn);
	}
	json_end(j);
}

/* The address part in assembler-like syntax: [x1, #8]!, [x1], #8, [x1, w2, sxtw #3], pc+8. */
static void print_address(const struct armvirt_mmio_insn *d)
{
	char b1[8], b2[8];
	const char *base =
		d->rn == ARMVIRT_MMIO_NOREG ? "?" : reg_name(d, d->rn, true, b1, sizeof(b1));
	const char *sign = d->subtract ? "-" : "";
	char index[48] = "";

	if (d->rm != ARMVIRT_MMIO_NOREG) {
		struct armvirt_mmio_insn w = *d;

		/* A64 UXTW/SXTW index a W register */
		w.bank =
			(d->index == ARMVIRT_MMIO_INDEX_UXTW || d->index == ARMVIRT_MMIO_INDEX_SXTW)
				? ARMVIRT_MMIO_BANK_W
				: ARMVIRT_MMIO_BANK_X;
		snprintf(index, sizeof(index), "%s%s, %s #%u", sign,
			 reg_name(&w, d->rm, false, b2, sizeof(b2)),
			 armvirt_mmio_index_name(d->index), d->amount);
	}
	switch (d->addressing) {
	case ARMVIRT_MMIO_ADDR_LITERAL:
		printf("[pc, #%d]", (int)d->offset);
		break;
	case ARMVIRT_MMIO_ADDR_PRE:
		printf("[%s, #%d]!", base, (int)d->offset);
		break;
	case ARMVIRT_MMIO_ADDR_POST:
		if (d->rm != ARMVIRT_MMIO_NOREG)
			printf("[%s], %s", base, index);
		else
			printf("[%s], #%d", base, (int)d->offset);
		break;
	case ARMVIRT_MMIO_ADDR_REGISTER:
		printf("[%s, %s]%s", base, index, d->writeback ? "!" : "");
		break;
	default:
		printf("[%s, #%d]", base, (int)d->offset);
		break;
	}
}

static void print_text(const struct armvirt_mmio_insn *d, unsigned digits)
{
	char b1[8], b2[8];

	printf("%s %0*x: %s", armvirt_mmio_isa_name(d->isa), (int)digits, d->insn,
	       armvirt_mmio_kind_name(d->kind));
	if (d->reason == ARMVIRT_MMIO_OK)
		printf(", emulable");
	else
		printf(", not emulable: %s (%s)", armvirt_mmio_reason_text(d->reason),
		       armvirt_mmio_reason_name(d->reason));
	if (d->kind != ARMVIRT_MMIO_KIND_OTHER && d->size != 0u) {
		printf("\n  %u x %u byte%s, %s", d->count, d->size, d->size > 1u ? "s" : "",
		       d->rt == ARMVIRT_MMIO_NOREG ? "no register"
						   : reg_name(d, d->rt, false, b1, sizeof(b1)));
		if (d->rt2 != ARMVIRT_MMIO_NOREG)
			printf(", %s", reg_name(d, d->rt2, false, b2, sizeof(b2)));
		if (d->count > 2u)
			printf(" and the next %u", d->count - 1u);
		printf(", ");
		print_address(d);
		if (d->rs != ARMVIRT_MMIO_NOREG)
			printf(", status/compare %s", reg_name(d, d->rs, false, b2, sizeof(b2)));
		printf("\n  %s addressing", armvirt_mmio_addressing_name(d->addressing));
		if (d->sign_extend)
			printf(", sign-extended");
		if (d->writeback)
			printf(", writeback");
		if (d->acquire)
			printf(", acquire");
		if (d->release)
			printf(", release");
		if (d->exclusive)
			printf(", exclusive");
		if (d->unprivileged)
			printf(", unprivileged");
		if (d->descending)
			printf(", second register first");
	}
	printf("\n");
}

/* An instruction word in hexadecimal, with or without 0x; at most 32 bits. */
static uint32_t parse_word(const char *s)
{
	char buf[24];
	uint64_t v;

	if (strlen(s) > 16 || s[0] == '\0')
		cli_usage_error("insn: '%s' is not a 32-bit hexadecimal instruction word", s);
	snprintf(buf, sizeof(buf), "%s%s",
		 (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) ? "" : "0x", s);
	if (cli_parse_u64(buf, UINT32_MAX, &v) != 0)
		cli_usage_error("insn: '%s' is not a 32-bit hexadecimal instruction word", s);
	return (uint32_t)v;
}

int cmd_insn(int argc, char **argv)
{
	struct armvirt_mmio_insn d;
	struct cli_json j;
	unsigned isa = ARMVIRT_MMIO_ISA_A64;
	bool json = false;
	int words = 0;
	int i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--a64") == 0)
			isa = ARMVIRT_MMIO_ISA_A64;
		else if (strcmp(argv[i], "--a32") == 0)
			isa = ARMVIRT_MMIO_ISA_A32;
		else if (strcmp(argv[i], "--t32") == 0)
			isa = ARMVIRT_MMIO_ISA_T32;
		else if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (argv[i][0] == '-')
			cli_usage_error("insn: unknown option '%s'", argv[i]);
		else
			words++;
	}
	if (words == 0)
		cli_usage_error("insn: no instruction given");
	/* Check every word before printing anything. */
	for (i = 0; i < argc; i++)
		if (argv[i][0] != '-' && armvirt_mmio_decode(isa, parse_word(argv[i]), &d) != 0)
			cli_usage_error("insn: '%s' is half a 32-bit T32 instruction, or not T32",
					argv[i]);
	json_init(&j, stdout);
	for (i = 0; i < argc; i++) {
		unsigned digits;

		if (argv[i][0] == '-')
			continue;
		(void)armvirt_mmio_decode(isa, parse_word(argv[i]), &d);
		digits = (isa == ARMVIRT_MMIO_ISA_T32 && d.len == 2u) ? 4u : 8u;
		if (json)
			print_json(&j, &d, digits);
		else
			print_text(&d, digits);
	}
	return 0;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The little the benchmark needs from its device tree (Devicetree
 * Specification v0.4, chapter 5, the flattened format): /chosen/bootargs,
 * and which GIC the interrupt controller node is compatible with.
 */
#include "bench.h"

#define FDT_MAGIC 0xd00dfeedu
#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE 2u
#define FDT_PROP 3u
#define FDT_NOP 4u
#define FDT_END 9u
/* Header fields, as 32-bit big-endian words. */
#define HDR_MAGIC 0u
#define HDR_TOTALSIZE 1u
#define HDR_OFF_STRUCT 2u
#define HDR_OFF_STRINGS 3u
#define HDR_SIZE_STRUCT 9u
#define MAX_DTB_SIZE (2u << 20)

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static bool str_eq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* @want is one of the strings of a string-list property value. */
static bool list_has(const char *val, uint32_t len, const char *want)
{
	uint32_t i = 0;

	while (i < len) {
		const char *s = val + i;
		if (str_eq(s, want))
			return true;
		while (i < len && val[i])
			i++;
		i++;
	}
	return false;
}

int dt_read(const void *fdt, struct dt_info *info)
{
	const uint8_t *base = fdt;
	const char *strings;
	uint32_t off, end;
	unsigned depth = 0;
	bool in_chosen = false;

	info->bootargs = "";
	info->gic_version = 0;
	if (!fdt || be32(base + 4 * HDR_MAGIC) != FDT_MAGIC ||
	    be32(base + 4 * HDR_TOTALSIZE) > MAX_DTB_SIZE)
		return -1;
	off = be32(base + 4 * HDR_OFF_STRUCT);
	end = off + be32(base + 4 * HDR_SIZE_STRUCT);
	strings = (const char *)base + be32(base + 4 * HDR_OFF_STRINGS);
	while (off + 4 <= end) {
		uint32_t tok = be32(base + off);
		off += 4;
		switch (tok) {
		case FDT_BEGIN_NODE: {
			const char *name = (const char *)base + off;
			uint32_t n = 0;
			while (name[n])
				n++;
			off += (n + 4) & ~3u; /* the name, its NUL, padding to 4 */
			depth++;
			in_chosen = depth == 2 && str_eq(name, "chosen");
			break;
		}
		case FDT_END_NODE:
			depth--;
			in_chosen = false;
			break;
		case FDT_PROP: {
			uint32_t len = be32(base + off);
			const char *name = strings + be32(base + off + 4);
			const char *val = (const char *)base + off + 8;
			off += 8 + ((len + 3) & ~3u);
			if (in_chosen && str_eq(name, "bootargs") && len > 0 && val[len - 1] == 0)
				info->bootargs = val;
			if (str_eq(name, "compatible")) {
				if (list_has(val, len, "arm,gic-v3"))
					info->gic_version = 3;
				else if (list_has(val, len, "arm,cortex-a15-gic") ||
					 list_has(val, len, "arm,gic-400"))
					info->gic_version = 2;
			}
			break;
		}
		case FDT_NOP:
			break;
		case FDT_END:
			return 0;
		default:
			return -1;
		}
	}
	return -1;
}

/*
 * The boot arguments are words separated by spaces. word_is() says whether
 * the word at @p is @text (up to a space, the end, or for a key an '=').
 */
static bool word_is(const char *p, const char *text, char end)
{
	while (*text && *p == *text) {
		p++;
		text++;
	}
	return !*text && (*p == end || (end == ' ' && *p == 0));
}

static const char *next_word(const char *p)
{
	while (*p && *p != ' ')
		p++;
	while (*p == ' ')
		p++;
	return p;
}

static const char *first_word(const char *args)
{
	while (*args == ' ')
		args++;
	return args;
}

uint64_t arg_u64(const char *args, const char *key, uint64_t dflt)
{
	for (const char *p = first_word(args); *p; p = next_word(p)) {
		const char *v = p;
		uint64_t n = 0;
		if (!word_is(p, key, '='))
			continue;
		while (*v != '=')
			v++;
		if (*++v < '0' || *v > '9')
			return dflt;
		while (*v >= '0' && *v <= '9')
			n = n * 10 + (uint64_t)(*v++ - '0');
		return n;
	}
	return dflt;
}

bool arg_word(const char *args, const char *word)
{
	for (const char *p = first_word(args); *p; p = next_word(p))
		if (word_is(p, word, ' '))
			return true;
	return false;
}

bool arg_has(const char *args, const char *key, const char *value)
{
	for (const char *p = first_word(args); *p; p = next_word(p)) {
		const char *v = p;
		if (!word_is(p, key, '='))
			continue;
		while (*v != '=')
			v++;
		if (word_is(v + 1, value, ' '))
			return true;
	}
	return false;
}

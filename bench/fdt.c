/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The little the benchmark needs from its device tree (Devicetree
 * Specification v0.4, chapter 5, the flattened format): /chosen/bootargs,
 * and which GIC the interrupt controller node is compatible with. The
 * walk is the guest runtime's (rt.h).
 */
#include "bench.h"

static void dt_prop(void *ctx, const char *const *path, int depth, const char *name,
		    const uint8_t *val, uint32_t len)
{
	struct dt_info *info = ctx;

	if (depth == 1 && rt_str_eq(path[0], "chosen") && rt_str_eq(name, "bootargs") && len > 0 &&
	    val[len - 1] == 0)
		info->bootargs = (const char *)val;
	if (rt_str_eq(name, "compatible")) {
		if (rt_strlist_has(val, len, "arm,gic-v3"))
			info->gic_version = 3;
		else if (rt_strlist_has(val, len, "arm,cortex-a15-gic") ||
			 rt_strlist_has(val, len, "arm,gic-400"))
			info->gic_version = 2;
	}
}

int dt_read(const void *fdt, struct dt_info *info)
{
	info->bootargs = "";
	info->gic_version = 0;
	return rt_fdt_walk(fdt, dt_prop, info);
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

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A walker of the flattened device tree (Devicetree Specification v0.4,
 * chapter 5), and the few string helpers its users need (rt.h).
 */
#include "rt.h"

/* Structure block tokens (5.4.1). */
#define FDT_MAGIC 0xd00dfeedu
#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE 2u
#define FDT_PROP 3u
#define FDT_NOP 4u
#define FDT_END 9u
/* Header fields (5.2), as indices of 32-bit big-endian words. */
#define HDR_MAGIC 0u
#define HDR_TOTALSIZE 1u
#define HDR_OFF_STRUCT 2u
#define HDR_OFF_STRINGS 3u
#define HDR_SIZE_STRUCT 9u
#define MAX_DTB_SIZE (2u << 20)
#define DTB_ALIGN 8u /* the Linux boot protocol's */

uint32_t rt_be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

uint64_t rt_be64(const void *p)
{
	return (uint64_t)rt_be32(p) << 32 | rt_be32((const uint8_t *)p + 4);
}

bool rt_str_eq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

bool rt_strlist_has(const uint8_t *val, uint32_t len, const char *want)
{
	for (uint32_t i = 0; val && i < len;) {
		if (rt_str_eq((const char *)val + i, want))
			return true;
		while (i < len && val[i])
			i++;
		i++;
	}
	return false;
}

int rt_fdt_walk(const void *dtb, rt_fdt_prop_fn fn, void *ctx)
{
	const uint8_t *fdt = dtb;
	const char *path[RT_FDT_MAX_DEPTH];
	const uint8_t *s;
	const char *strings;
	uint32_t size;
	int depth = -1;

	if (!fdt || ((uintptr_t)fdt & (DTB_ALIGN - 1)) ||
	    rt_be32(fdt + 4 * HDR_MAGIC) != FDT_MAGIC ||
	    rt_be32(fdt + 4 * HDR_TOTALSIZE) > MAX_DTB_SIZE)
		return -1;
	s = fdt + rt_be32(fdt + 4 * HDR_OFF_STRUCT);
	size = rt_be32(fdt + 4 * HDR_SIZE_STRUCT);
	strings = (const char *)fdt + rt_be32(fdt + 4 * HDR_OFF_STRINGS);
	for (uint32_t i = 0; i + 4 <= size;) {
		uint32_t tok = rt_be32(s + i);
		i += 4;
		switch (tok) {
		case FDT_BEGIN_NODE: {
			const char *name = (const char *)s + i;
			uint32_t n = 0;
			while (name[n])
				n++;
			if (++depth > 0 && depth <= RT_FDT_MAX_DEPTH)
				path[depth - 1] = name;
			i += (n + 4) & ~3u; /* the name, its NUL, padding to 4 */
			break;
		}
		case FDT_END_NODE:
			depth--;
			break;
		case FDT_PROP: {
			uint32_t len = rt_be32(s + i);
			const char *name = strings + rt_be32(s + i + 4);
			if (depth >= 0 && depth <= RT_FDT_MAX_DEPTH)
				fn(ctx, path, depth, name, s + i + 8, len);
			i += 8 + ((len + 3) & ~3u);
			break;
		}
		case FDT_NOP:
			break;
		case FDT_END:
			return depth == -1 ? 0 : -1;
		default:
			return -1;
		}
	}
	return -1;
}

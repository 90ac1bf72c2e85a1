/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Test helpers: a one-line rendering of a decoded description, so that the
 * decoder tests state what each instruction is in a few words worked out by
 * hand from the instruction's assembly text.
 *
 *   <kind> <reason> [<size>x<count> <bank> t=<rt>[,<rt2>] n=<rn>|lit
 *                   <addressing>[:<offset> | :m=<rm>,<index>#<amount>] [s=<rs>]
 *                   [sx] [wb] [sub] [acq] [rel] [excl] [unpriv] [desc]]
 *
 * Register numbers print as in the instruction (A64 31 = SP/ZR). Fields that
 * the description does not fill are left out.
 */
#ifndef MMIO_TEST_H
#define MMIO_TEST_H

#include <stdio.h>
#include <string.h>

#include <armvirt/mmio.h>

static inline void mmio_render(const struct armvirt_mmio_insn *d, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s %s", armvirt_mmio_kind_name(d->kind),
			 armvirt_mmio_reason_name(d->reason));

#define MMIO_APPEND(...)                                                                           \
	do {                                                                                       \
		if (n >= 0 && (size_t)n < len)                                                     \
			n += snprintf(buf + n, len - (size_t)n, __VA_ARGS__);                      \
	} while (0)
	if (d->size) {
		MMIO_APPEND(" %ux%u %s", d->size, d->count, armvirt_mmio_bank_name(d->bank));
		if (d->rt != ARMVIRT_MMIO_NOREG)
			MMIO_APPEND(" t=%u", d->rt);
		else
			MMIO_APPEND(" t=-");
		if (d->rt2 != ARMVIRT_MMIO_NOREG)
			MMIO_APPEND(",%u", d->rt2);
		if (d->addressing == ARMVIRT_MMIO_ADDR_LITERAL)
			MMIO_APPEND(" lit");
		else if (d->rn != ARMVIRT_MMIO_NOREG)
			MMIO_APPEND(" n=%u", d->rn);
		if (d->rm != ARMVIRT_MMIO_NOREG)
			MMIO_APPEND(" %s:m=%u,%s#%u", armvirt_mmio_addressing_name(d->addressing),
				    d->rm, armvirt_mmio_index_name(d->index), d->amount);
		else if (d->addressing != ARMVIRT_MMIO_ADDR_LITERAL)
			MMIO_APPEND(" %s:%d", armvirt_mmio_addressing_name(d->addressing),
				    (int)d->offset);
		else
			MMIO_APPEND(":%d", (int)d->offset);
		if (d->rs != ARMVIRT_MMIO_NOREG)
			MMIO_APPEND(" s=%u", d->rs);
		if (d->sign_extend)
			MMIO_APPEND(" sx");
		if (d->writeback)
			MMIO_APPEND(" wb");
		if (d->subtract)
			MMIO_APPEND(" sub");
		if (d->acquire)
			MMIO_APPEND(" acq");
		if (d->release)
			MMIO_APPEND(" rel");
		if (d->exclusive)
			MMIO_APPEND(" excl");
		if (d->unprivileged)
			MMIO_APPEND(" unpriv");
		if (d->descending)
			MMIO_APPEND(" desc");
	}
#undef MMIO_APPEND
}

/* One decoder test vector: the word and its expected rendering. */
struct mmio_vector {
	uint32_t insn;
	const char *text; /* the instruction, for the failure message */
	const char *want;
};

/* Decode every vector with @isa; print and count the mismatches. */
static inline int mmio_check_vectors(unsigned isa, const struct mmio_vector *v, size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		struct armvirt_mmio_insn d;
		char got[256];

		if (armvirt_mmio_decode(isa, v[i].insn, &d) != 0) {
			printf("%08x %s: decode failed\n", v[i].insn, v[i].text);
			bad++;
			continue;
		}
		mmio_render(&d, got, sizeof(got));
		if (strcmp(got, v[i].want)) {
			printf("%08x %-40s\n    want %s\n    got  %s\n", v[i].insn, v[i].text,
			       v[i].want, got);
			bad++;
		}
	}
	return bad;
}

#endif /* MMIO_TEST_H */

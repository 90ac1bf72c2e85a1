/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The QEMU execution test's host side. QEMU is an independent implementation
 * of the architecture: what it does when it executes an instruction is the
 * truth the completion step must reproduce.
 *
 *   qemu_host gen SLOT SEED COUNT > cases     random emulable A64 loads and stores,
 *                                             registers aimed at the data window
 *   qemu_host check SLOT CASES RESULTS        replay each case through
 *                                             armvirt_mmio_xfer_init()/complete() on the
 *                                             same data and compare with QEMU's registers
 *                                             and memory
 *   qemu_host gen32 SEED COUNT, check32 CASES RESULTS
 *                                             the same for A32 and T32 (qemu_guest32.S)
 *
 * SLOT is the test instruction's address in the A64 guest (qemu_guest --slot).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <armvirt/mmio.h>

#include "qemu_layout.h"

/* A64 classes that hold emulable loads and stores: (mask, value), random elsewhere. */
static const struct {
	const char *name;
	uint32_t mask, value;
	bool newer_than_qemu; /* QEMU 7.2 may not implement these: SIGILL is a skip */
} classes[] = {
	{ "unsigned-offset", 0x3b000000, 0x39000000, false },
	{ "unscaled", 0x3b200c00, 0x38000000, false },
	{ "post-index", 0x3b200c00, 0x38000400, false },
	{ "unprivileged", 0x3b200c00, 0x38000800, false },
	{ "pre-index", 0x3b200c00, 0x38000c00, false },
	{ "register-offset", 0x3b204c00, 0x38204800, false },
	{ "literal", 0x3b000000, 0x18000000, false },
	{ "pair-noalloc", 0x3b800000, 0x28000000, false },
	{ "pair-post", 0x3b800000, 0x28800000, false },
	{ "pair-offset", 0x3b800000, 0x29000000, false },
	{ "pair-pre", 0x3b800000, 0x29800000, false },
	{ "ordered", 0x3fbf7c00, 0x089f7c00, false },
	{ "ldapr", 0x3fbffc00, 0x38bfc000, false },
	{ "ldapur-stlur", 0x3f200c00, 0x19000000, false },
	{ "rcpc3", 0x3f200c00, 0x19000800, true },
	{ "rcpc3-simd", 0x3f200c00, 0x1d000800, true },
	{ "lsui-pair-post", 0xfb800000, 0xe8800000, true },
	{ "lsui-pair-offset", 0xfb800000, 0xe9000000, true },
	{ "lsui-pair-pre", 0xfb800000, 0xe9800000, true },
};
#define NCLASSES (sizeof(classes) / sizeof(classes[0]))

static uint64_t rng;
static uint64_t rnd(void)
{
	return qemu_fill_next(&rng);
}

static unsigned class_of(uint32_t insn)
{
	for (unsigned i = NCLASSES; i-- > 0;)
		if ((insn & classes[i].mask) == classes[i].value)
			return i;
	return 0;
}

static void base_regs(struct armvirt_mmio_regs *r, const struct qemu_case *c, uint64_t slot)
{
	memset(r, 0, sizeof(*r));
	memcpy(r->x, c->x, sizeof(r->x));
	r->sp = c->sp;
	r->pc = slot;
	r->pstate = 0; /* AArch64 EL0t, as the guest runs */
}

/* Aim the access of @d at the data window; false when these registers cannot. */
static bool aim(const struct armvirt_mmio_insn *d, struct qemu_case *c, uint64_t slot)
{
	static struct armvirt_mmio_vreg v[32];
	struct armvirt_mmio_regs r;
	unsigned bytes = d->size * d->count;
	uint64_t target, va;

	if (d->rm != ARMVIRT_MMIO_NOREG) {
		/* a small index, with random upper bits where an extend ignores them */
		int64_t idx = (int64_t)(rnd() % 129) - 64;
		uint64_t hi = rnd() & ~UINT64_C(0xffffffff);

		if (d->rm == d->rn)
			return false;
		if (d->index == ARMVIRT_MMIO_INDEX_UXTW)
			c->x[d->rm] = hi | (uint32_t)(idx < 0 ? -idx : idx);
		else if (d->index == ARMVIRT_MMIO_INDEX_SXTW)
			c->x[d->rm] = hi | (uint32_t)idx;
		else if (d->rm < 31)
			c->x[d->rm] = (uint64_t)idx;
	}
	target = QEMU_WINDOW + QEMU_DATA_LO + rnd() % (QEMU_DATA_HI - QEMU_DATA_LO - 64);
	if (d->acquire || d->release)
		target &= ~(uint64_t)(bytes - 1); /* ordered accesses must be aligned */
	if (d->addressing == ARMVIRT_MMIO_ADDR_LITERAL) {
		target &= ~UINT64_C(3);
		c->insn = (c->insn & ~(UINT32_C(0x7ffff) << 5)) |
			  ((uint32_t)((target - slot) >> 2) & 0x7ffff) << 5;
		return true;
	}
	/* the address is the base plus a displacement: find it with base 0 */
	if (d->rn == 31)
		c->sp = 0;
	else
		c->x[d->rn] = 0;
	base_regs(&r, c, slot);
	r.v = v;
	if (armvirt_mmio_access_va(d, &r, &va) != 0)
		return false;
	if (d->rn == 31) {
		c->sp = (target - va) & ~UINT64_C(15); /* SP-based accesses check SP alignment */
		target = c->sp + va;
		if (target < QEMU_WINDOW + QEMU_DATA_LO ||
		    target + bytes > QEMU_WINDOW + QEMU_DATA_HI)
			return false;
		if ((d->acquire || d->release) && (target & (bytes - 1)))
			return false;
	} else {
		c->x[d->rn] = target - va;
	}
	return true;
}

static int gen(uint64_t slot, uint64_t seed, unsigned count)
{
	rng = seed;
	for (unsigned n = 0; n < count;) {
		unsigned k = (unsigned)(rnd() % NCLASSES);
		struct qemu_case c;

		if (classes[k].newer_than_qemu && rnd() % 4u)
			continue; /* mostly SIGILL under QEMU 7.2: fewer of them */
		struct armvirt_mmio_insn d;
		struct armvirt_mmio_regs r;
		static struct armvirt_mmio_vreg v[32];
		uint64_t va;

		memset(&c, 0, sizeof(c));
		c.insn = classes[k].value | ((uint32_t)rnd() & ~classes[k].mask);
		if (armvirt_mmio_decode_a64(c.insn, &d) != 0 || d.reason != ARMVIRT_MMIO_OK)
			continue;
		c.seed = rnd();
		for (unsigned i = 0; i < 31; i++)
			c.x[i] = rnd();
		for (unsigned i = 0; i < 32; i++)
			c.v[i][0] = rnd(), c.v[i][1] = rnd();
		c.sp = QEMU_STACK;
		if (!aim(&d, &c, slot))
			continue;
		if (armvirt_mmio_decode_a64(c.insn, &d) != 0)
			return 2;
		base_regs(&r, &c, slot);
		r.v = v;
		if (armvirt_mmio_access_va(&d, &r, &va) != 0 || va < QEMU_WINDOW + QEMU_DATA_LO ||
		    va + d.size * d.count > QEMU_WINDOW + QEMU_DATA_HI)
			continue;
		c.watch_off = (uint32_t)(va - QEMU_WINDOW);
		c.watch_len = d.size * d.count;
		if (fwrite(&c, sizeof(c), 1, stdout) != 1)
			return 2;
		n++;
	}
	return 0;
}

static int check(uint64_t slot, const char *cases_path, const char *results_path)
{
	static uint8_t window[QEMU_FILL_HI];
	FILE *fc = fopen(cases_path, "rb"), *fr = fopen(results_path, "rb");
	unsigned total[NCLASSES] = { 0 }, skipped[NCLASSES] = { 0 }, bad[NCLASSES] = { 0 };
	unsigned nbad = 0, ncases = 0;
	struct qemu_case c;
	struct qemu_result q;

	if (!fc || !fr)
		return 2;
	while (fread(&c, sizeof(c), 1, fc) == 1) {
		static struct armvirt_mmio_vreg v[32];
		struct armvirt_mmio_insn d;
		struct armvirt_mmio_regs r;
		struct armvirt_mmio_xfer x;
		unsigned k = class_of(c.insn);
		uint8_t stored[ARMVIRT_MMIO_MAX_BYTES];
		char why[160] = "";
		uint64_t va;

		if (fread(&q, sizeof(q), 1, fr) != 1) {
			printf("fewer results than cases\n");
			return 1;
		}
		ncases++;
		total[k]++;
		if (q.signal == SIGILL && classes[k].newer_than_qemu) {
			skipped[k]++;
			continue;
		}
		base_regs(&r, &c, slot);
		memcpy(v, c.v, sizeof(v));
		r.v = v;
		qemu_fill(window, c.seed);
		if (armvirt_mmio_decode_a64(c.insn, &d) != 0 ||
		    armvirt_mmio_access_va(&d, &r, &va) != 0 ||
		    armvirt_mmio_xfer_init(&x, &d, &r, va, armvirt_ipa(va), 0) != 0) {
			snprintf(why, sizeof(why), "the library refused the case");
		} else {
			for (unsigned i = 0; i < x.nparts; i++) {
				struct armvirt_mmio_part *p = &x.part[i];

				if (!p->ipa_valid)
					p->acc.addr = armvirt_ipa(va + p->pos); /* identity IPA */
				for (unsigned b = 0; b < p->acc.size; b++) {
					if (p->acc.is_write)
						stored[p->pos + b] =
							(uint8_t)(p->acc.data >> (8 * b));
					else
						p->acc.data |= (uint64_t)window[va - QEMU_WINDOW +
										p->pos + b]
							       << (8 * b);
				}
			}
			if (armvirt_mmio_complete(&d, &x, &r) != 0)
				snprintf(why, sizeof(why), "completion refused the case");
		}
		if (!why[0] && q.signal)
			snprintf(why, sizeof(why), "QEMU raised signal %u", q.signal);
		for (unsigned i = 0; !why[0] && i < 31; i++)
			if (r.x[i] != q.x[i])
				snprintf(why, sizeof(why), "x%u: library %016llx, QEMU %016llx", i,
					 (unsigned long long)r.x[i], (unsigned long long)q.x[i]);
		if (!why[0] && r.sp != q.sp)
			snprintf(why, sizeof(why), "sp: library %016llx, QEMU %016llx",
				 (unsigned long long)r.sp, (unsigned long long)q.sp);
		for (unsigned i = 0; !why[0] && i < 32; i++)
			if (v[i].lo != q.v[i][0] || v[i].hi != q.v[i][1])
				snprintf(why, sizeof(why),
					 "v%u: library %016llx%016llx, QEMU %016llx%016llx", i,
					 (unsigned long long)v[i].hi, (unsigned long long)v[i].lo,
					 (unsigned long long)q.v[i][1],
					 (unsigned long long)q.v[i][0]);
		if (!why[0] && d.kind == ARMVIRT_MMIO_KIND_STORE &&
		    memcmp(stored, q.watch, c.watch_len))
			snprintf(why, sizeof(why), "stored bytes differ");
		if (why[0]) {
			bad[k]++;
			if (++nbad <= 20)
				printf("%08x (%s): %s\n", c.insn, classes[k].name, why);
		}
	}
	for (unsigned k = 0; k < NCLASSES; k++)
		printf("%-16s %5u cases, %5u not implemented by QEMU, %u disagree\n",
		       classes[k].name, total[k], skipped[k], bad[k]);
	printf("%u cases, %u disagreements\n", ncases, nbad);
	return nbad ? 1 : 0;
}

/* ------------------------------------------------------------------ AArch32 */

/* A32 (condition AL) and T32 classes holding emulable loads and stores. */
static const struct {
	const char *name;
	uint32_t mask, value;
	bool thumb;
} classes32[] = {
	{ "a32-word-byte-imm", 0xfe000000, 0xe4000000, false },
	{ "a32-word-byte-reg", 0xfe000010, 0xe6000000, false },
	{ "a32-extra-imm", 0xfe400090, 0xe0400090, false },
	{ "a32-extra-reg", 0xfe400f90, 0xe0000090, false },
	{ "a32-literal", 0xffbf0000, 0xe59f0000, false },
	{ "a32-extra-literal", 0xffff0090, 0xe1df0090, false },
	{ "a32-lda", 0xff900fff, 0xe1900c9f, false },
	{ "a32-stl", 0xff90fff0, 0xe180fc90, false },
	{ "t16-literal", 0xffff0000 | 0xf800, 0x4800, true },
	{ "t16-register", 0xffff0000 | 0xf000, 0x5000, true },
	{ "t16-immediate", 0xffff0000 | 0xe000, 0x6000, true },
	{ "t16-halfword", 0xffff0000 | 0xf000, 0x8000, true },
	{ "t16-sp", 0xffff0000 | 0xf000, 0x9000, true },
	{ "t32-single", 0xfe000000, 0xf8000000, true },
	{ "t32-literal", 0xfe9f0000, 0xf89f0000, true },
	{ "t32-dual", 0xfe400000, 0xe8400000, true },
	{ "t32-lda-stl", 0xffe00f8f, 0xe8c00f8f, true },
};
#define NCLASSES32 (sizeof(classes32) / sizeof(classes32[0]))

static unsigned class32_of(const struct qemu_case32 *c)
{
	for (unsigned i = NCLASSES32; i-- > 0;)
		if (classes32[i].thumb == (c->thumb != 0) &&
		    (c->insn & classes32[i].mask) == classes32[i].value)
			return i;
	return 0;
}

static void regs32(struct armvirt_mmio_regs *r, const struct qemu_case32 *c)
{
	memset(r, 0, sizeof(*r));
	for (unsigned i = 0; i < 15; i++)
		r->x[i] = c->r[i];
	r->pc = (c->thumb ? QEMU_CODE32_T32 : QEMU_CODE32_A32) + QEMU_SLOT_OFF;
	r->pstate = 0x10u | (c->thumb ? 0x20u : 0u) | (c->cpsr & 0xf8000000u); /* usr mode */
}

static int gen32(uint64_t seed, unsigned count)
{
	rng = seed;
	for (unsigned n = 0; n < count;) {
		unsigned k = (unsigned)(rnd() % NCLASSES32);
		struct armvirt_mmio_insn d;
		struct armvirt_mmio_regs r;
		struct qemu_case32 c;
		uint64_t va, slot, target, lo, hi;

		memset(&c, 0, sizeof(c));
		c.thumb = classes32[k].thumb;
		c.insn = classes32[k].value | ((uint32_t)rnd() & ~classes32[k].mask);
		if (c.thumb && (c.insn >> 16) == 0 && armvirt_mmio_t32_is_32bit((uint16_t)c.insn))
			continue;
		if (armvirt_mmio_decode(c.thumb ? ARMVIRT_MMIO_ISA_T32 : ARMVIRT_MMIO_ISA_A32,
					c.insn, &d) != 0 ||
		    d.reason != ARMVIRT_MMIO_OK)
			continue;
		for (unsigned i = 0; i < 15; i++)
			c.r[i] = (uint32_t)rnd();
		c.cpsr = (uint32_t)rnd() & 0xf8000000u;
		slot = (c.thumb ? QEMU_CODE32_T32 : QEMU_CODE32_A32) + QEMU_SLOT_OFF;
		if (d.rm != ARMVIRT_MMIO_NOREG && d.rm == d.rn)
			continue;
		if (d.rn == 15 || d.addressing == ARMVIRT_MMIO_ADDR_LITERAL) {
			lo = slot +
			     QEMU_LIT_LO; /* PC-relative: hope the offset lands past the code */
			hi = slot + QEMU_LIT_HI;
		} else {
			lo = QEMU_WINDOW + QEMU_DATA_LO;
			hi = QEMU_WINDOW + QEMU_DATA_HI;
			target = lo + rnd() % (hi - lo - 16);
			if (d.acquire || d.release || d.count == 2)
				target &= ~(uint64_t)(d.size - 1); /* no unaligned LDRD/LDA* */
			c.r[d.rn] = 0; /* the address is the base plus a displacement */
			regs32(&r, &c);
			if (armvirt_mmio_access_va(&d, &r, &va) != 0)
				continue;
			c.r[d.rn] = (uint32_t)(target - va);
		}
		regs32(&r, &c);
		if (armvirt_mmio_access_va(&d, &r, &va) != 0 || va < lo ||
		    va + d.size * d.count > hi ||
		    ((d.acquire || d.release || d.count == 2) && (va & (d.size - 1))))
			continue;
		c.data_off = (uint32_t)((va & ~UINT64_C(15)) - 16 - QEMU_WINDOW);
		for (unsigned i = 0; i < sizeof(c.data); i++)
			c.data[i] = (uint8_t)rnd();
		if (fwrite(&c, sizeof(c), 1, stdout) != 1)
			return 2;
		n++;
	}
	return 0;
}

static int check32(const char *cases_path, const char *results_path)
{
	FILE *fc = fopen(cases_path, "rb"), *fr = fopen(results_path, "rb");
	unsigned total[NCLASSES32] = { 0 }, bad[NCLASSES32] = { 0 };
	unsigned nbad = 0, ncases = 0;
	struct qemu_case32 c;
	struct qemu_result32 q;

	if (!fc || !fr)
		return 2;
	while (fread(&c, sizeof(c), 1, fc) == 1) {
		struct armvirt_mmio_insn d;
		struct armvirt_mmio_regs r;
		struct armvirt_mmio_xfer x;
		unsigned k = class32_of(&c);
		uint8_t mem[sizeof(c.data)];
		char why[160] = "";
		uint64_t va;

		if (fread(&q, sizeof(q), 1, fr) != 1) {
			printf("fewer results than cases\n");
			return 1;
		}
		ncases++;
		total[k]++;
		regs32(&r, &c);
		memcpy(mem, c.data, sizeof(mem));
		if (armvirt_mmio_decode(c.thumb ? ARMVIRT_MMIO_ISA_T32 : ARMVIRT_MMIO_ISA_A32,
					c.insn, &d) != 0 ||
		    armvirt_mmio_access_va(&d, &r, &va) != 0 ||
		    armvirt_mmio_xfer_init(&x, &d, &r, va, armvirt_ipa(va), 0) != 0) {
			snprintf(why, sizeof(why), "the library refused the case");
		} else {
			uint64_t off = va - QEMU_WINDOW - c.data_off;

			for (unsigned i = 0; i < x.nparts; i++) {
				struct armvirt_mmio_part *p = &x.part[i];

				for (unsigned b = 0; b < p->acc.size; b++) {
					if (p->acc.is_write)
						mem[off + p->pos + b] =
							(uint8_t)(p->acc.data >> (8 * b));
					else
						p->acc.data |= (uint64_t)c.data[off + p->pos + b]
							       << (8 * b);
				}
			}
			if (armvirt_mmio_complete(&d, &x, &r) != 0)
				snprintf(why, sizeof(why), "completion refused the case");
		}
		for (unsigned i = 0; !why[0] && i < 15; i++)
			if (r.x[i] != q.r[i])
				snprintf(why, sizeof(why), "r%u: library %08llx, QEMU %08x", i,
					 (unsigned long long)r.x[i], q.r[i]);
		if (!why[0] && memcmp(mem, q.data, sizeof(mem)))
			snprintf(why, sizeof(why), "memory differs");
		if (why[0]) {
			bad[k]++;
			if (++nbad <= 20)
				printf("%s %08x (%s): %s\n", c.thumb ? "t32" : "a32", c.insn,
				       classes32[k].name, why);
		}
	}
	for (unsigned k = 0; k < NCLASSES32; k++)
		printf("%-18s %5u cases, %u disagree\n", classes32[k].name, total[k], bad[k]);
	printf("%u cases, %u disagreements\n", ncases, nbad);
	return nbad ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "gen32"))
		return gen32(strtoull(argv[2], NULL, 0), (unsigned)strtoul(argv[3], NULL, 0));
	if (argc == 4 && !strcmp(argv[1], "check32"))
		return check32(argv[2], argv[3]);
	if (argc == 5 && !strcmp(argv[1], "gen"))
		return gen(strtoull(argv[2], NULL, 0), strtoull(argv[3], NULL, 0),
			   (unsigned)strtoul(argv[4], NULL, 0));
	if (argc == 5 && !strcmp(argv[1], "check"))
		return check(strtoull(argv[2], NULL, 0), argv[3], argv[4]);
	fprintf(stderr, "usage: qemu_host gen SLOT SEED COUNT | check SLOT CASES RESULTS |\n"
			"       gen32 SEED COUNT | check32 CASES RESULTS\n");
	return 2;
}

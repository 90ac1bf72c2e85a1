/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: arbitrary instruction words, syndromes and register
 * files. The decoders must never crash, never call a word outside the
 * load/store encoding space emulable (checked against the top-level
 * encoding tables, independently of the decoders), and describe every
 * emulable access consistently; planning and completing it must cover the
 * access exactly and change no register the instruction does not write.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <armvirt/err.h>
#include <armvirt/mmio.h>

#define CHECK(c)                                                                                   \
	do {                                                                                       \
		if (!(c))                                                                          \
			abort();                                                                   \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A small PRNG fed from the input, for register values and choices. */
static uint64_t rng_state;
static uint64_t rnd(void)
{
	rng_state += 0x9e3779b97f4a7c15u;
	uint64_t z = rng_state;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/*
 * Whether a word lies in an encoding space that holds single or dual
 * loads/stores (Arm ARM A64 Table C4-1 "loads and stores", A32 F4.1 op0,
 * T32 F3.1): a coarse, independent bound on what may be emulable.
 */
static bool in_ldst_space(unsigned isa, uint32_t w)
{
	switch (isa) {
	case ARMVIRT_MMIO_ISA_A64:
		return (w & 0x0a000000u) == 0x08000000u; /* op0 = x1x0 */
	case ARMVIRT_MMIO_ISA_A32:
		if ((w >> 28) == 0xfu)
			return false;
		return ((w >> 26) & 3u) == 1u || /* 01x: word and unsigned byte */
		       (((w >> 25) & 7u) == 0u && (w & 0x90u) == 0x90u) || /* extra, sync */
		       ((w >> 25) & 7u) == 6u;				   /* never emulable */
	default:
		if (!(w >> 16)) {
			unsigned op = w >> 12;
			return op == 5u || op == 6u || op == 7u || op == 8u || op == 9u ||
			       (w >> 11) == 9u;
		}
		return (w >> 25) == 0x7cu ||			 /* 1111 100x: single data */
		       ((w >> 25) == 0x74u && (w & (1u << 22))); /* 1110 100x x1xx: dual */
	}
}

/* X register holding AArch32 register r in a mode (Arm ARM register mapping table). */
static int a32_xreg(unsigned mode, unsigned r)
{
	static const int8_t sp[16] = { 13, 29, 17, 19, -1, -1, -1, 21,
				       -1, -1, -1, 23, -1, -1, -1, 13 };
	static const int8_t lr[16] = { 14, 30, 16, 18, -1, -1, -1, 20,
				       -1, -1, -1, 22, -1, -1, -1, 14 };

	if (sp[mode] < 0 || r > 14)
		return -1;
	if (r == 13)
		return sp[mode];
	if (r == 14)
		return lr[mode];
	if (mode == 1 && r >= 8)
		return 24 + (int)r - 8;
	return (int)r;
}

static bool aarch32(const struct armvirt_mmio_insn *d)
{
	return d->isa == ARMVIRT_MMIO_ISA_A32 || d->isa == ARMVIRT_MMIO_ISA_T32;
}

static void check_description(const struct armvirt_mmio_insn *d, unsigned isa, uint32_t w)
{
	static const uint8_t bank_size[8] = { 0, 4, 8, 1, 2, 4, 8, 16 };

	CHECK(d->isa == isa);
	CHECK(d->reason < ARMVIRT_MMIO_REASON_COUNT);
	CHECK(d->kind <= ARMVIRT_MMIO_KIND_STORE);
	CHECK(d->len == 2 || d->len == 4);
	CHECK(d->addressing <= ARMVIRT_MMIO_ADDR_LITERAL);
	CHECK(d->index <= ARMVIRT_MMIO_INDEX_RRX);
	CHECK(d->bank <= ARMVIRT_MMIO_BANK_Q);
	if (d->kind == ARMVIRT_MMIO_KIND_OTHER)
		CHECK(d->size == 0 && d->count == 0);
	if (d->reason != ARMVIRT_MMIO_OK)
		return;
	/* emulable: a load or store in the load/store space, fully described */
	CHECK(in_ldst_space(isa, w));
	CHECK(d->kind == ARMVIRT_MMIO_KIND_LOAD || d->kind == ARMVIRT_MMIO_KIND_STORE);
	CHECK(d->count == 1 || d->count == 2);
	CHECK(d->bank != ARMVIRT_MMIO_BANK_NONE);
	if (d->bank == ARMVIRT_MMIO_BANK_W || d->bank == ARMVIRT_MMIO_BANK_X)
		CHECK(d->size >= 1 && d->size <= bank_size[d->bank] && !(d->size & (d->size - 1)));
	else
		CHECK(d->size == bank_size[d->bank] && !d->sign_extend);
	CHECK(d->addressing != ARMVIRT_MMIO_ADDR_NONE);
	CHECK((d->count == 2) == (d->rt2 != ARMVIRT_MMIO_NOREG));
	CHECK(d->writeback ==
	      (d->addressing == ARMVIRT_MMIO_ADDR_PRE || d->addressing == ARMVIRT_MMIO_ADDR_POST ||
	       (d->addressing == ARMVIRT_MMIO_ADDR_REGISTER && d->writeback)));
	CHECK((d->addressing == ARMVIRT_MMIO_ADDR_LITERAL) == (d->rn == ARMVIRT_MMIO_NOREG));
	CHECK(!d->exclusive);
	if (aarch32(d)) {
		CHECK(d->bank == ARMVIRT_MMIO_BANK_W && d->rt < 15);
		CHECK(!d->writeback || d->rn < 15);
	} else {
		CHECK(d->rt < 32 && (d->rn == ARMVIRT_MMIO_NOREG || d->rn < 32));
		CHECK(d->size != 16 || d->bank == ARMVIRT_MMIO_BANK_Q);
	}
}

/* Plan and complete an emulable access on random registers; check what changed. */
static void exercise(const struct armvirt_mmio_insn *d)
{
	static struct armvirt_mmio_vreg v[32], v0[32];
	static const unsigned modes[] = { 0x0, 0x1, 0x2, 0x3, 0x7, 0xb, 0xf };
	struct armvirt_mmio_regs r, r0;
	struct armvirt_mmio_xfer x;
	uint64_t va, far, covered = 0;
	unsigned mode = modes[rnd() % 7];
	uint64_t page_mask =
		(aarch32(d) ? UINT64_C(0xffffffff) : (UINT64_C(1) << 56) - 1) & ~UINT64_C(0xfff);
	bool allowed[31] = { false };

	for (unsigned i = 0; i < 31; i++)
		r.x[i] = (rnd() & 1) ? rnd() : rnd() & 0xffff;
	r.sp = rnd();
	r.pc = rnd() & ~UINT64_C(1);
	r.pstate = rnd() & 0xffffffc0u;
	if (aarch32(d))
		r.pstate = (r.pstate & ~UINT64_C(0x3f)) | 0x10u | mode |
			   (d->isa == ARMVIRT_MMIO_ISA_T32 ? 0x20u : 0u);
	for (unsigned i = 0; i < 32; i++)
		v[i].lo = rnd(), v[i].hi = rnd();
	r.v = v;
	CHECK(armvirt_mmio_access_va(d, &r, &va) == 0);
	far = va + rnd() % (d->size * d->count);
	CHECK(armvirt_mmio_xfer_init(&x, d, &r, far, armvirt_ipa(rnd() & ~UINT64_C(0xfff)),
				     (unsigned)rnd() & ARMVIRT_MMIO_XFER_BIG_ENDIAN) == 0);
	CHECK(x.bytes == d->size * d->count && x.nparts >= 1 && x.nparts <= 9);
	for (unsigned i = 0; i < x.nparts; i++) {
		const struct armvirt_mmio_part *p = &x.part[i];

		CHECK(p->acc.size && p->acc.size <= 8 && !(p->acc.size & (p->acc.size - 1)));
		CHECK(p->pos + p->acc.size <= x.bytes);
		CHECK(!(covered & (((UINT64_C(1) << p->acc.size) - 1) << p->pos)));
		covered |= ((UINT64_C(1) << p->acc.size) - 1) << p->pos;
		CHECK(p->acc.is_write == (d->kind == ARMVIRT_MMIO_KIND_STORE));
		/* the IPA is known exactly for the parts in the fault's 4 KiB page */
		CHECK(p->ipa_valid == ((((x.va + p->pos) ^ far) & page_mask) == 0));
		if (p->ipa_valid)
			CHECK(((armvirt_ipa_val(p->acc.addr) ^ (x.va + p->pos)) & 0xfff) == 0);
	}
	CHECK(covered == (UINT64_C(1) << x.bytes) - 1);
	/* split a random part at a random valid point: coverage holds */
	{
		unsigned i = (unsigned)(rnd() % x.nparts);

		x.part[i].ipa_valid = true;
		if (x.part[i].acc.size > 1) {
			uint64_t at = armvirt_ipa_val(x.part[i].acc.addr) + 1 +
				      rnd() % (x.part[i].acc.size - 1u);
			int n = armvirt_mmio_xfer_split(&x, i, armvirt_ipa(at));

			CHECK(n >= 2 || n == ARMVIRT_ENOSPC);
		}
	}
	for (unsigned i = 0; i < x.nparts; i++)
		x.part[i].acc.data = rnd();
	r0 = r;
	memcpy(v0, v, sizeof(v));
	CHECK(armvirt_mmio_complete(d, &x, &r) == 0);
	CHECK(r.pc == ((r0.pc + d->len) & (aarch32(d) ? 0xffffffffu : ~UINT64_C(0))));
	/* registers: only the loaded ones and the base may change */
	if (aarch32(d)) {
		if (d->kind == ARMVIRT_MMIO_KIND_LOAD) {
			allowed[a32_xreg(mode, d->rt)] = true;
			if (d->count == 2)
				allowed[a32_xreg(mode, d->rt2)] = true;
		}
		if (d->writeback)
			allowed[a32_xreg(mode, d->rn)] = true;
	} else {
		bool gpr = d->bank == ARMVIRT_MMIO_BANK_W || d->bank == ARMVIRT_MMIO_BANK_X;

		if (d->kind == ARMVIRT_MMIO_KIND_LOAD && gpr) {
			if (d->rt < 31)
				allowed[d->rt] = true;
			if (d->count == 2 && d->rt2 < 31)
				allowed[d->rt2] = true;
		}
		if (d->writeback && d->rn < 31)
			allowed[d->rn] = true;
		if (!(d->writeback && d->rn == 31))
			CHECK(r.sp == r0.sp);
		if (d->kind == ARMVIRT_MMIO_KIND_STORE || gpr)
			CHECK(!memcmp(v, v0, sizeof(v)));
	}
	for (unsigned i = 0; i < 31; i++)
		if (!allowed[i])
			CHECK(r.x[i] == r0.x[i]);
	if (aarch32(d))
		for (unsigned i = 0; i < 31; i++)
			if (allowed[i])
				CHECK(!(r.x[i] >> 32));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct armvirt_mmio_insn d;
	uint32_t w;
	uint64_t esr = 0;
	int rc;

	if (size < 4)
		return 0;
	memcpy(&w, data, 4);
	rng_state = 0;
	for (size_t i = 4; i < size && i < 12; i++)
		esr = (esr << 8) | data[i];
	rng_state = esr ^ w;

	CHECK(armvirt_mmio_decode_a64(w, &d) == 0);
	check_description(&d, ARMVIRT_MMIO_ISA_A64, w);
	if (d.reason == ARMVIRT_MMIO_OK)
		exercise(&d);

	CHECK(armvirt_mmio_decode_a32(w, &d) == 0);
	check_description(&d, ARMVIRT_MMIO_ISA_A32, w);
	if (d.reason == ARMVIRT_MMIO_OK)
		exercise(&d);

	/* T32: the low halfword alone, and the word as hw1:hw2 */
	rc = armvirt_mmio_decode_t32(w & 0xffff, &d);
	CHECK(rc == 0 || (rc == ARMVIRT_EINVAL && armvirt_mmio_t32_is_32bit((uint16_t)w)));
	if (rc == 0) {
		check_description(&d, ARMVIRT_MMIO_ISA_T32, w & 0xffff);
		if (d.reason == ARMVIRT_MMIO_OK)
			exercise(&d);
	}
	rc = armvirt_mmio_decode_t32(w, &d);
	CHECK(rc == 0 || (rc == ARMVIRT_EINVAL && !armvirt_mmio_t32_is_32bit((uint16_t)(w >> 16))));
	if (rc == 0 && (w >> 16)) {
		check_description(&d, ARMVIRT_MMIO_ISA_T32, w);
		if (d.reason == ARMVIRT_MMIO_OK)
			exercise(&d);
	}

	/* the syndrome, with the word as its low half */
	esr = (esr << 32) | w;
	rc = armvirt_mmio_decode_esr(esr, &d);
	CHECK(rc == 0 || rc == ARMVIRT_EINVAL || rc == ARMVIRT_ENOENT);
	if (rc == 0) {
		CHECK(d.reason == ARMVIRT_MMIO_OK || d.reason == ARMVIRT_MMIO_LS64 ||
		      d.reason == ARMVIRT_MMIO_S1PTW);
		CHECK(d.isa == ARMVIRT_MMIO_ISA_ESR);
	}
	return 0;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Instructions decoded per second: a mix of the loads and stores guests aim
 * at device memory, the same in A32 and T32, and uniformly random words; then
 * whole emulations (decode, plan, complete) per second. Prints figures; never
 * fails on them. ARMVIRT_BENCH_QUICK selects a short run.
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <armvirt/mmio.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ldr, str, ldrb/h, ldrsw, ldp/stp (X, W, Q), pre/post, register offset, ldar/stlr, ldapr, ldur. */
static const uint32_t a64_mix[] = {
	0xb9400820, 0xb9000020, 0xf9400020, 0xf9000020, 0x39400020, 0x79400020, 0xb98000a4,
	0xa9bf7bfd, 0xa8c110a3, 0x28c114c4, 0xad400440, 0xf85f8c20, 0xb84ff420, 0xf8626820,
	0xb8625820, 0xc8dffc20, 0x889ffc20, 0xf8bfc149, 0xb85fc020, 0x3dc00420,
};
/* ldr, str, ldrb, ldrh, ldrd/strd, pre/post, register offset, lda/stl. */
static const uint32_t a32_mix[] = {
	0xe5910000, 0xe5810000, 0xe5d76001, 0xe1d100b2, 0xe1c200d8, 0xe5298008,
	0xe4110004, 0xe7910002, 0xe1910c9f, 0xe187fc96, 0xe0c861f8, 0xe59f0008,
};
/* 16-bit ldr/str/ldrb/ldrh/register/sp/literal and 32-bit ldr.w, pre/post, ldrd. */
static const uint32_t t32_mix[] = {
	0x6fc8, 0x601a,	    0x7fec,	0x8fc8,	    0x9cff,	0x4eff,
	0x5888, 0xf8d10fff, 0xf8510fff, 0xf8510904, 0xe9d201ff, 0xf8310032,
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define RANDOM_WORDS 4096u

static uint32_t random_words[RANDOM_WORDS];

static void bench_decode(const char *what, unsigned isa, const uint32_t *words, size_t n,
			 uint64_t rounds)
{
	struct armvirt_mmio_insn d;
	volatile uint64_t sink = 0;
	double t0, dt;

	t0 = now();
	for (uint64_t i = 0; i < rounds; i++) {
		(void)armvirt_mmio_decode(isa, words[i % n], &d);
		sink += d.reason + d.size;
	}
	dt = now() - t0;
	printf("mmio decode %-22s %7.1f M insn/s (%.2f ns each, %llu decodes)\n", what,
	       (double)rounds / dt / 1e6, dt * 1e9 / (double)rounds, (unsigned long long)rounds);
	(void)sink;
}

/* Decode, plan and complete ldr w0, [x1, #8] and stp x29, x30, [sp, #-16]! alternately. */
static void bench_emulate(uint64_t rounds)
{
	static struct armvirt_mmio_vreg v[32];
	struct armvirt_mmio_regs r;
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;
	volatile uint64_t sink = 0;
	double t0, dt;

	memset(&r, 0, sizeof(r));
	r.v = v;
	r.pstate = 0x3c5;
	t0 = now();
	for (uint64_t i = 0; i < rounds; i++) {
		uint64_t far;

		r.x[1] = 0x9000000;
		r.sp = 0x80001000;
		if (i & 1u) {
			(void)armvirt_mmio_decode_a64(0xa9bf7bfd, &d);
			far = 0x80000ff0;
		} else {
			(void)armvirt_mmio_decode_a64(0xb9400820, &d);
			far = 0x9000008;
		}
		if (armvirt_mmio_xfer_init(&x, &d, &r, far, armvirt_ipa(far), 0) != 0)
			abort();
		x.part[0].acc.data = i;
		if (armvirt_mmio_complete(&d, &x, &r) != 0)
			abort();
		sink += r.x[0] + x.nparts;
	}
	dt = now() - t0;
	printf("mmio emulate (decode, plan, complete)  %7.1f M accesses/s (%.2f ns each)\n",
	       (double)rounds / dt / 1e6, dt * 1e9 / (double)rounds);
	(void)sink;
}

int main(void)
{
	const bool quick = getenv("ARMVIRT_BENCH_QUICK") != NULL;
	const uint64_t rounds = quick ? 100000u : 50000000u;
	uint64_t s = 0x243f6a8885a308d3u;

	for (unsigned i = 0; i < RANDOM_WORDS; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		random_words[i] = (uint32_t)s;
	}
	bench_decode("a64 load/store mix", ARMVIRT_MMIO_ISA_A64, a64_mix, N(a64_mix), rounds);
	bench_decode("a64 random words", ARMVIRT_MMIO_ISA_A64, random_words, RANDOM_WORDS, rounds);
	bench_decode("a32 load/store mix", ARMVIRT_MMIO_ISA_A32, a32_mix, N(a32_mix), rounds);
	bench_decode("a32 random words", ARMVIRT_MMIO_ISA_A32, random_words, RANDOM_WORDS, rounds);
	bench_decode("t32 load/store mix", ARMVIRT_MMIO_ISA_T32, t32_mix, N(t32_mix), rounds);
	bench_emulate(quick ? 100000u : 20000000u);
	return 0;
}

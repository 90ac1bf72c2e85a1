/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The QEMU execution test's memory layout and records, shared by the guest
 * (qemu_guest.c, qemu_tramp.S, built for aarch64 Linux) and the host side
 * (qemu_host.c).
 *
 * One 64 KiB window at QEMU_WINDOW holds the data accesses read and write
 * ([QEMU_DATA_LO, QEMU_DATA_HI), filled from a per-case seed), the
 * trampoline with the test instruction (QEMU_CODE) and the register context
 * (QEMU_CTX).
 */
#ifndef QEMU_LAYOUT_H
#define QEMU_LAYOUT_H

#define QEMU_WINDOW 0x10000000
#define QEMU_WINDOW_SIZE 0x10000
#define QEMU_FILL_HI 0x8000 /* bytes [0, QEMU_FILL_HI) of the window hold seeded data */
#define QEMU_DATA_LO 0x1000 /* accesses stay in [QEMU_DATA_LO, QEMU_DATA_HI) */
#define QEMU_DATA_HI 0x7000
#define QEMU_CODE (QEMU_WINDOW + 0x8000)
#define QEMU_CTX (QEMU_WINDOW + 0xf000)
#define QEMU_STACK (QEMU_WINDOW + 0xe000) /* a 16-aligned SP for cases that do not use it */

/* AArch32: the A32 and T32 trampolines, each with its test slot QEMU_SLOT_OFF in. */
#define QEMU_CODE32_A32 (QEMU_WINDOW + 0x8000)
#define QEMU_CODE32_T32 (QEMU_WINDOW + 0xa000)
#define QEMU_SLOT_OFF 0x800
#define QEMU_LIT_LO 0x80  /* PC-relative data lies between slot + QEMU_LIT_LO ... */
#define QEMU_LIT_HI 0x7c0 /* ... and slot + QEMU_LIT_HI, past the epilogue */
#define QEMU_CASE32_SIZE 144
#define QEMU_RESULT32_SIZE 128

#ifndef __ASSEMBLER__
#include <stdint.h>

/* One test: the instruction, the seed of the data, the registers, the bytes to report. */
struct qemu_case {
	uint32_t insn;
	uint32_t watch_off; /* window offset of the bytes the access covers */
	uint32_t watch_len; /* 0-32 */
	uint32_t pad;
	uint64_t seed;
	uint64_t x[31];
	uint64_t sp;
	uint64_t v[32][2];
};

/* What the guest reports after running it. */
struct qemu_result {
	uint32_t signal; /* 0, or the signal the instruction raised (SIGILL: not implemented) */
	uint32_t pad;
	uint64_t x[31];
	uint64_t sp;
	uint64_t v[32][2];
	uint8_t watch[32];
};

/* One AArch32 test: the instruction, its state, R0-R14 and APSR, 64 bytes of data. */
struct qemu_case32 {
	uint32_t insn;	   /* A32 word; T32 halfword, or hw1 << 16 | hw2 */
	uint32_t thumb;	   /* 1: T32 */
	uint32_t data_off; /* window offset of data[] */
	uint32_t pad;
	uint32_t r[15];
	uint32_t cpsr; /* N Z C V Q in bits 31:27 */
	uint8_t data[64];
};

struct qemu_result32 {
	uint32_t r[15];
	uint32_t pad;
	uint8_t data[64]; /* data[] after the instruction */
};

/* The data fill: splitmix64 from the case's seed, 8 bytes at a time, little-endian. */
static inline uint64_t qemu_fill_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static inline void qemu_fill(uint8_t *window, uint64_t seed)
{
	for (unsigned i = 0; i < QEMU_FILL_HI; i += 8) {
		uint64_t v = qemu_fill_next(&seed);

		for (unsigned b = 0; b < 8; b++)
			window[i + b] = (uint8_t)(v >> (8 * b));
	}
}
#endif

#endif /* QEMU_LAYOUT_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A reference model of a VM's stage-2 mappings, as a sorted list of extents
 * (IPA range -> PA, attributes, dirty-tracking state), and a driver that
 * applies random operations to both the library and the model and compares
 * every IPA's translation (through the reference walker) after each one.
 * Used by the randomized model test (driven by a PRNG) and the fuzz target
 * (driven by the fuzzer's bytes).
 */
#ifndef S2MMU_TEST_MODEL_H
#define S2MMU_TEST_MODEL_H

#include "harness.h"

struct mext {
	uint64_t start, end, pa;
	armvirt_s2mmu_attr_t attr; /* as the guest sees it (W for tracked pages) */
	bool tracked, dirty;
};

/* Where the operation parameters come from. */
struct msrc {
	const uint8_t *p; /* fuzzer bytes, or NULL for the PRNG */
	size_t n;
	uint64_t rng;
};

uint64_t msrc_u64(struct msrc *s);

struct model {
	struct hx *h;
	struct mext *e;
	size_t n, cap;
	uint64_t window;  /* operations fall in [0, window) */
	bool allow_pages; /* PAGES flag and dirty tracking (tables need not be canonical) */
	bool allow_fail;  /* inject allocator failures */
	bool used_pages;  /* a page-granular operation happened */
	bool verbose;	  /* print each operation */
	unsigned steps, failures_injected;
	unsigned counts[16];
	char err[512];
	char detail[128];
};

void model_init(struct model *m, struct hx *h, uint64_t window, bool allow_pages, bool allow_fail);
void model_fini(struct model *m);
/* One random operation and the checks after it; false with m->err set on a mismatch. */
bool model_step(struct model *m, struct msrc *s);
/* Compare every translation with the model. */
bool model_check(struct model *m);

#endif

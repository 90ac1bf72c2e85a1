/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fuzz target: the fuzzer's bytes choose a configuration (granule, CPU
 * features, 52-bit or not), then a sequence of map, unmap, attribute and
 * dirty-tracking operations, with allocator failures injected. After every
 * operation the tables must match the reference model, pass the TLB model's
 * break-before-make checks and the structural checks; at the end,
 * destroying the tables must give every page back.
 */
#include <stdio.h>
#include <stdlib.h>

#include "model.h"

#define PA_BASE 0x800000000ull

struct fconfig {
	struct armvirt_s2mmu_cpu (*cpu)(void);
	unsigned ipa;
	uint64_t granule;
	uint32_t want;
	uint64_t window;
	uint64_t pool_pages;
};

static const struct fconfig configs[] = {
	{ hx_cpu_v80, 36, 4096, 0, 4ull << 30, 1024 },
	{ hx_cpu_max, 40, 4096, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC | ARMVIRT_S2MMU_FEAT_HD,
	  4ull << 30, 1024 },
	{ hx_cpu_v80, 40, 16384, 0, 2ull << 30, 256 },
	{ hx_cpu_max, 47, 16384, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC | ARMVIRT_S2MMU_FEAT_FWB,
	  2ull << 30, 256 },
	{ hx_cpu_v80, 40, 65536, 0, 4ull << 30, 64 },
	{ hx_cpu_max, 48, 65536, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC, 4ull << 30, 64 },
	{ hx_cpu_lpa2, 52, 4096, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC, 4ull << 30, 1024 },
	{ hx_cpu_lpa2, 52, 16384, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC, 2ull << 30, 256 },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct fconfig *c;
	struct armvirt_s2mmu_cpu cpu;
	struct msrc s;
	struct model m;
	struct hx h;

	if (size < 2)
		return 0;
	c = &configs[data[0] % (sizeof(configs) / sizeof(configs[0]))];
	cpu = c->cpu();
	if (hx_setup(&h, &cpu, c->ipa, c->granule, c->want, c->pool_pages, PA_BASE, true))
		abort();
	model_init(&m, &h, c->window, data[1] & 1, data[1] & 2);
	s.p = data + 2;
	s.n = size - 2;
	s.rng = 0;
	for (unsigned i = 0; s.n >= 4 && i < 64; i++)
		if (!model_step(&m, &s)) {
			fprintf(stderr, "step %u: %s\n", i, m.err);
			abort();
		}
	if (armvirt_s2mmu_destroy(&h.s2) || h.pool.used || !hx_model_end(&h)) {
		fprintf(stderr, "destroy: %llu pages left; %s\n", (unsigned long long)h.pool.used,
			h.failure);
		abort();
	}
	model_fini(&m);
	hx_teardown(&h);
	return 0;
}

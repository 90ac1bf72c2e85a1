/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Test machine for the stage-2 library: physical memory for the tables, a
 * page pool with failure injection and leak accounting, the reference walker
 * wired to it, and a TLB model fed by every barrier and TLBI the library
 * issues (the test executables are linked with --wrap for the port's DSB and
 * TLBI functions).
 */
#ifndef S2MMU_TEST_HARNESS_H
#define S2MMU_TEST_HARNESS_H

#include <stddef.h>
#include <stdint.h>

#include <armvirt/bits.h>
#include <armvirt/port_host.h>
#include <armvirt/s2mmu.h>

#include "refwalk.h"

/* ID register presets. */
struct armvirt_s2mmu_cpu hx_cpu_v80(void);  /* ARMv8.0: 40-bit PA, 4K/16K/64K, nothing else */
struct armvirt_s2mmu_cpu hx_cpu_max(void);  /* 48-bit PA and every optional feature */
struct armvirt_s2mmu_cpu hx_cpu_lpa2(void); /* 52-bit PA, LPA2 for 4K and 16K, plus max */

struct tlbm;

struct hx {
	struct armvirt_s2mmu_cpu cpu;
	struct armvirt_s2mmu_config cfg;
	struct armvirt_s2mmu s2;
	struct armvirt_s2mmu_pool pool;
	struct armvirt_s2mmu_ops ops;
	struct ref_regs rr;
	uint8_t *mem; /* the "physical memory": root then pool */
	uint64_t mem_size;
	uint64_t pa_base; /* its physical address */
	uint64_t root_pa;
	uint64_t vttbr;
	long fail_after; /* allocations that succeed before one fails; < 0: none fail */
	uint64_t allocs; /* successful allocations */
	uint64_t frees;
	struct tlbm *tm; /* the TLB model, or NULL */
	/* Called after every DSB (is_dsb) or TLBI the library issues, for tests
	 * that look at the tables at each step. */
	void (*on_event)(struct hx *h, bool is_dsb, uint32_t id, uint64_t arg);
	void *user;
	char failure[256]; /* first problem the model or a check found */
};

/*
 * Configure and initialise. Returns armvirt_s2mmu_configure()'s result; on
 * success the tables are empty, the host port log is clear and, if @model,
 * the TLB model is watching.
 */
int hx_setup(struct hx *h, const struct armvirt_s2mmu_cpu *cpu, unsigned ipa_bits, uint64_t granule,
	     uint32_t want, uint64_t pool_pages, uint64_t pa_base, bool model);
void hx_teardown(struct hx *h);

/* The host address of physical address @pa inside the machine's memory. */
void *hx_ptr(struct hx *h, uint64_t pa);

/* Translate with the reference walker. */
struct ref_tr hx_tr(struct hx *h, uint64_t ipa);

/*
 * Structural checks over every reachable table: no pending marker, no empty
 * table below the root, page accounting (library, pool, reachable pages)
 * consistent, every leaf well-formed for the reference walker. With
 * @canonical, also: no table that could be a block, no uniform aligned group
 * without the contiguous hint. Returns false with h->failure set.
 */
bool hx_check(struct hx *h, bool canonical);

/* The TLB model's verdict since setup or the last hx_model_end(): false with h->failure set. */
bool hx_model_end(struct hx *h);

/* A copy of every reachable table page, to compare before/after. */
struct hx_snap {
	size_t n;
	uint64_t *pa;
	uint8_t *bytes;
	size_t page;
};
void hx_snap_take(struct hx *h, struct hx_snap *s);
bool hx_snap_equal(const struct hx_snap *a, const struct hx_snap *b);
void hx_snap_free(struct hx_snap *s);

/* The machine the port wrappers report to (set by hx_setup). */
extern struct hx *hx_current;

/* ---- TLB model (tlbmodel.c) ---- */
struct tlbm *tlbm_new(struct hx *h);
void tlbm_free(struct tlbm *m);
void tlbm_event_dsb(struct tlbm *m, enum armvirt_port_domain d);
void tlbm_event_tlbi(struct tlbm *m, enum armvirt_port_tlbi op, uint64_t arg);
void tlbm_page_freed(struct tlbm *m, uint64_t pa);
void tlbm_hw_write(struct tlbm *m);
bool tlbm_end(struct tlbm *m);

#endif

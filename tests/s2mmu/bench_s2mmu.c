/* SPDX-License-Identifier: BSD-3-Clause */
#define _POSIX_C_SOURCE 200809L
/*
 * Stage-2 benchmark. Prints, for 4 GiB (64 MiB with ARMVIRT_BENCH_QUICK):
 * the time to map it as 4 KiB pages and as blocks, to write-protect and to
 * unmap it, the time of a million software walks of random IPAs, the table
 * pages used against the theoretical minimum, and, as the physical
 * reference, the time memset takes to write as many descriptor bytes.
 * Figures only: it never fails on a number.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <armvirt/port_host.h>
#include <armvirt/s2mmu.h>

#define K4 4096ull
#define M2 (2ull << 20)
#define G1 (1ull << 30)
#define IPA_BASE G1	      /* guest RAM from 1 GiB */
#define PA_BASE (64ull << 30) /* host memory from 64 GiB */

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static struct armvirt_s2mmu s2;
static struct armvirt_s2mmu_pool pool;
static volatile uint64_t sink;

/* Best of a few runs of op() (each preceded by reset(), not timed). */
static double best(int reps, void (*reset)(void), void (*op)(void))
{
	double b = 1e9;

	for (int i = 0; i < reps; i++) {
		double t0;
		if (reset)
			reset();
		t0 = now();
		op();
		t0 = now() - t0;
		b = t0 < b ? t0 : b;
	}
	return b;
}

static uint64_t size;

static void check(int rc, const char *what)
{
	if (rc < 0) {
		fprintf(stderr, "%s: %s\n", what, armvirt_strerror(rc));
		exit(1);
	}
}

static void unmap_all(void)
{
	check(armvirt_s2mmu_unmap(&s2, armvirt_ipa(IPA_BASE), size, 0), "unmap");
	armvirt_host_log_clear();
}

static void map_pages(void)
{
	check(armvirt_s2mmu_map(&s2, armvirt_ipa(IPA_BASE), armvirt_pa(PA_BASE), size,
				ARMVIRT_S2MMU_RW, ARMVIRT_S2MMU_PAGES),
	      "map pages");
}

static void map_blocks(void)
{
	check(armvirt_s2mmu_map(&s2, armvirt_ipa(IPA_BASE), armvirt_pa(PA_BASE), size,
				ARMVIRT_S2MMU_RW, 0),
	      "map blocks");
}

static void map_2m(void)
{
	/* Output aligned to 2 MiB only: level-2 blocks in 16-entry groups. */
	check(armvirt_s2mmu_map(&s2, armvirt_ipa(IPA_BASE), armvirt_pa(PA_BASE + M2), size,
				ARMVIRT_S2MMU_RW, 0),
	      "map 2M");
}

static void protect(void)
{
	check(armvirt_s2mmu_protect(&s2, armvirt_ipa(IPA_BASE), size, ARMVIRT_S2MMU_R,
				    ARMVIRT_S2MMU_PAGES),
	      "protect");
}

static void unmap_timed(void)
{
	check(armvirt_s2mmu_unmap(&s2, armvirt_ipa(IPA_BASE), size, 0), "unmap");
}

static void reset_pages(void)
{
	unmap_all();
	map_pages();
	armvirt_host_log_clear();
}

static uint64_t *ref_buf;
static size_t ref_bytes;

static void memset_ref(void)
{
	memset(ref_buf, 0x5a, ref_bytes);
	sink += ref_buf[ref_bytes / 16];
}

#define WALKS 1000000u
static uint64_t *walk_ipa;

static void walks(void)
{
	struct armvirt_s2mmu_leaf leaf;
	uint64_t acc = 0;

	for (unsigned i = 0; i < WALKS; i++) {
		armvirt_s2mmu_walk(&s2, armvirt_ipa(walk_ipa[i]), &leaf);
		acc += armvirt_pa_val(leaf.pa);
	}
	sink += acc;
}

int main(void)
{
	bool quick = getenv("ARMVIRT_BENCH_QUICK") != NULL;
	struct armvirt_s2mmu_cpu cpu = { 0 };
	struct armvirt_s2mmu_config cfg;
	struct armvirt_s2mmu_ops ops = { 0 };
	uint64_t pool_bytes, leaves, l3_tables, l2_tables, min_pages;
	int reps = quick ? 1 : 5;
	void *mem;
	double t_pages, t_ref, t_blocks, t_2m, t_protect, t_unmap, t_walk;
	uint64_t pages_used, blocks_used, m2_used;

	size = quick ? 64ull << 20 : 4ull << 30;
	/* 48-bit PA, 4K granule; the VM has a 40-bit IPA space (level 1, 2 root tables). */
	cpu.id_aa64mmfr0 = 5;
	check(armvirt_s2mmu_configure(&cfg, &cpu, 40, K4, 0), "configure");

	leaves = size / K4;
	l3_tables = size / M2;
	l2_tables = (size + G1 - 1) / G1;
	min_pages = l3_tables + l2_tables;
	pool_bytes = armvirt_s2mmu_root_size(&cfg) + (min_pages + 16) * K4;
	mem = aligned_alloc(armvirt_s2mmu_root_size(&cfg), pool_bytes);
	if (!mem)
		return 1;
	memset(mem, 0, pool_bytes); /* fault the pages in: time the tables, not the kernel */
	check(armvirt_s2mmu_pool_init(&pool, armvirt_pa(0x80000000), armvirt_va(mem), pool_bytes,
				      K4),
	      "pool");
	armvirt_s2mmu_pool_ops(&pool, &ops);
	/* The root first, from the pool's start (aligned to its size). */
	check(armvirt_s2mmu_init(&s2, &cfg, armvirt_pa(0x80000000), &ops), "init");
	pool.next_ = armvirt_s2mmu_root_size(&cfg) / K4;
	pool.used = 0;

	ref_bytes = (size_t)(leaves + l3_tables + l2_tables) * 8;
	ref_buf = aligned_alloc(4096, ref_bytes);
	memset(ref_buf, 0, ref_bytes);

	t_pages = best(reps, unmap_all, map_pages);
	pages_used = s2.table_pages;
	t_ref = best(reps, NULL, memset_ref);

	walk_ipa = malloc(WALKS * sizeof(*walk_ipa));
	srand(1);
	for (unsigned i = 0; i < WALKS; i++)
		walk_ipa[i] =
			IPA_BASE + (((uint64_t)rand() << 16 ^ (uint64_t)rand()) % size & ~7ull);
	t_walk = best(reps, NULL, walks);

	t_protect = best(reps, reset_pages, protect);
	t_unmap = best(reps, reset_pages, unmap_timed);

	t_blocks = best(reps, unmap_all, map_blocks);
	blocks_used = s2.table_pages;
	t_2m = best(reps, unmap_all, map_2m);
	m2_used = s2.table_pages;
	unmap_all();

	printf("stage-2 tables, 4KB granule, %llu MiB of guest memory%s\n",
	       (unsigned long long)(size >> 20), quick ? " (quick)" : "");
	printf("  map as 4KB pages:        %8.3f ms  (%llu descriptors, %.2f ns each)\n",
	       t_pages * 1e3, (unsigned long long)leaves, t_pages * 1e9 / (double)leaves);
	printf("  memset of as many bytes: %8.3f ms  (%zu bytes)  -> map/memset = %.2fx (goal <= "
	       "4x)\n",
	       t_ref * 1e3, ref_bytes, t_pages / t_ref);
	printf("  table pages used:        %8llu     (theoretical minimum %llu)\n",
	       (unsigned long long)pages_used, (unsigned long long)min_pages);
	printf("  map as blocks:           %8.3f ms  (1GB/2MB blocks; %llu table pages, minimum "
	       "%llu)\n",
	       t_blocks * 1e3, (unsigned long long)blocks_used,
	       (unsigned long long)(size % G1 ? l2_tables : 0));
	printf("  map as 2MB blocks:       %8.3f ms  (%llu table pages, minimum %llu)\n",
	       t_2m * 1e3, (unsigned long long)m2_used, (unsigned long long)l2_tables);
	printf("  write-protect (pages):   %8.3f ms\n", t_protect * 1e3);
	printf("  unmap (pages):           %8.3f ms\n", t_unmap * 1e3);
	printf("  walk, %u random IPAs:  %8.3f ms  (%.1f ns per lookup, goal < 50)\n", WALKS,
	       t_walk * 1e3, t_walk * 1e9 / WALKS);
	free(walk_ipa);
	free(ref_buf);
	free(mem);
	return 0;
}

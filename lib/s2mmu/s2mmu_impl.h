/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Internals of the stage-2 table library: table geometry, descriptor
 * encoding, and the update engine's interface between its files.
 */
#ifndef ARMVIRT_S2MMU_IMPL_H
#define ARMVIRT_S2MMU_IMPL_H

#include <stdatomic.h>

#include <armvirt/bits.h>
#include <armvirt/err.h>
#include <armvirt/port.h>
#include <armvirt/s2mmu.h>

/*
 * A descriptor as the hardware walkers see it: every access is one 64-bit
 * load or store (relaxed; the DSBs order them against the walkers).
 */
typedef _Atomic uint64_t s2_pte_t;

#define S2_LAST_LEVEL 3u
#define S2_DESC_BITS 3u /* log2 of the descriptor size */

/*
 * Software state kept in descriptors. Bits [63:1] of an invalid descriptor
 * are ignored by hardware (D8, descriptor formats); an entry waiting for the "make" half of
 * break-before-make holds its future value there, valid bit clear.
 */
#define S2_PENDING ARMVIRT_BIT(63)
/* Dirty tracking without hardware dirty state: the page is writable but clean. */
#define S2_SW_TRACKED ARMVIRT_BIT(ARMVIRT_S2_DESC_SW_SHIFT)
/* The integrator's three software bits sit above ours. */
#define S2_SW_USER_SHIFT (ARMVIRT_S2_DESC_SW_SHIFT + 1u)

#define S2_VALID ARMVIRT_BIT(ARMVIRT_S2_DESC_VALID_SHIFT)
#define S2_TYPE ARMVIRT_BIT(ARMVIRT_S2_DESC_TYPE_SHIFT)
#define S2_AF ARMVIRT_BIT(ARMVIRT_S2_DESC_AF_SHIFT)
#define S2_DBM ARMVIRT_BIT(ARMVIRT_S2_DESC_DBM_SHIFT)
#define S2_CONT ARMVIRT_BIT(ARMVIRT_S2_DESC_CONT_SHIFT)
#define S2_AP_R ARMVIRT_BIT(ARMVIRT_S2_DESC_S2AP_SHIFT)
#define S2_AP_W ARMVIRT_BIT(ARMVIRT_S2_DESC_S2AP_SHIFT + 1u)
#define S2_MEMATTR ARMVIRT_MASK(ARMVIRT_S2_DESC_MEMATTR_SHIFT, ARMVIRT_S2_DESC_MEMATTR_WIDTH)
#define S2_SH ARMVIRT_MASK(ARMVIRT_S2_DESC_SH_SHIFT, ARMVIRT_S2_DESC_SH_WIDTH)
#define S2_XN ARMVIRT_MASK(ARMVIRT_S2_DESC_XN_SHIFT, ARMVIRT_S2_DESC_XN_WIDTH)

/* ---- Geometry -------------------------------------------------------- */

/* Index bits a table level resolves: 9, 11 or 13 for the 4KB, 16KB, 64KB granules. */
static inline unsigned s2_stride(const struct armvirt_s2mmu_config *cfg)
{
	switch (cfg->granule_shift) {
	case 12:
		return 12 - S2_DESC_BITS;
	case 14:
		return 14 - S2_DESC_BITS;
	default:
		return 16 - S2_DESC_BITS;
	}
}

/* log2 of the bytes one entry at @level maps. */
static inline unsigned s2_level_shift(const struct armvirt_s2mmu_config *cfg, unsigned level)
{
	return cfg->granule_shift + (S2_LAST_LEVEL - level) * s2_stride(cfg);
}

/* Entries in a table at @level (the root holds the concatenated tables). */
static inline uint64_t s2_entries(const struct armvirt_s2mmu_config *cfg, unsigned level)
{
	if (level == cfg->start_level)
		return UINT64_C(1) << (cfg->ipa_bits - s2_level_shift(cfg, level));
	return UINT64_C(1) << s2_stride(cfg);
}

/* Whether an entry at @level may be a block or page (D8, "Translation granule size and associated block and page sizes"). */
static inline bool s2_level_has_leaves(const struct armvirt_s2mmu_config *cfg, unsigned level)
{
	return level >= (cfg->granule_shift == 12 ? 1u : 2u);
}

/*
 * Entries in a contiguous group at @level (D8, "The Contiguous bit"):
 * 4KB: 16 at levels 2 and 3; 16KB: 32 at level 2, 128 at level 3; 64KB: 32
 * at levels 2 and 3. The library uses the hint at levels 2 and 3 only.
 */
static inline unsigned s2_cont_entries(const struct armvirt_s2mmu_config *cfg, unsigned level)
{
	if (level < 2)
		return 1;
	switch (cfg->granule_shift) {
	case 12:
		return 16;
	case 14:
		return level == S2_LAST_LEVEL ? 128 : 32;
	default:
		return 32;
	}
}

static inline bool s2_lpa2(const struct armvirt_s2mmu_config *cfg)
{
	return (cfg->features & ARMVIRT_S2MMU_FEAT_LPA2) != 0;
}

/* ---- Descriptors ----------------------------------------------------- */

static inline bool s2_valid(uint64_t d)
{
	return (d & S2_VALID) != 0;
}

static inline bool s2_is_table(uint64_t d, unsigned level)
{
	return level < S2_LAST_LEVEL && (d & (S2_VALID | S2_TYPE)) == (S2_VALID | S2_TYPE);
}

static inline bool s2_is_leaf(uint64_t d, unsigned level)
{
	return s2_valid(d) && !s2_is_table(d, level);
}

static inline bool s2_is_pending(uint64_t d)
{
	return !s2_valid(d) && (d & S2_PENDING) != 0;
}

/* Which descriptor bits hold the output (or next-table) address. */
static inline uint64_t s2_oa_mask(const struct armvirt_s2mmu_config *cfg)
{
	if (s2_lpa2(cfg))
		return ARMVIRT_MASK(ARMVIRT_S2_DESC_OA_SHIFT, ARMVIRT_S2_DESC_LPA2_OA_WIDTH) |
		       ARMVIRT_MASK(ARMVIRT_S2_DESC_LPA2_HI_SHIFT, ARMVIRT_S2_DESC_LPA2_HI_WIDTH);
	return ARMVIRT_MASK(ARMVIRT_S2_DESC_OA_SHIFT, ARMVIRT_S2_DESC_OA_WIDTH);
}

/*
 * Address <-> descriptor bits (D8, descriptor formats): OA[47:12] in place;
 * 64KB with a 52-bit OA puts OA[51:48] in [15:12]; FEAT_LPA2 keeps OA[49:12]
 * in place and OA[51:50] in [9:8].
 */
static inline uint64_t s2_oa_encode(const struct armvirt_s2mmu_config *cfg, uint64_t pa)
{
	uint64_t d;

	if (s2_lpa2(cfg)) {
		d = pa & ARMVIRT_MASK(ARMVIRT_S2_DESC_OA_SHIFT, ARMVIRT_S2_DESC_LPA2_OA_WIDTH);
		return armvirt_field_set(
			d, ARMVIRT_S2_DESC_LPA2_HI_SHIFT, ARMVIRT_S2_DESC_LPA2_HI_WIDTH,
			pa >> (ARMVIRT_S2_DESC_OA_SHIFT + ARMVIRT_S2_DESC_LPA2_OA_WIDTH));
	}
	d = pa & ARMVIRT_MASK(ARMVIRT_S2_DESC_OA_SHIFT, ARMVIRT_S2_DESC_OA_WIDTH);
	if (cfg->granule_shift == 16 && cfg->pa_bits == 52)
		d = armvirt_field_set(d, ARMVIRT_S2_DESC_OA52_HI_SHIFT,
				      ARMVIRT_S2_DESC_OA52_HI_WIDTH,
				      pa >> (ARMVIRT_S2_DESC_OA_SHIFT + ARMVIRT_S2_DESC_OA_WIDTH));
	return d;
}

static inline uint64_t s2_oa_decode(const struct armvirt_s2mmu_config *cfg, uint64_t d)
{
	uint64_t pa;

	if (s2_lpa2(cfg)) {
		pa = d & ARMVIRT_MASK(ARMVIRT_S2_DESC_OA_SHIFT, ARMVIRT_S2_DESC_LPA2_OA_WIDTH);
		return pa | armvirt_field_get(d, ARMVIRT_S2_DESC_LPA2_HI_SHIFT,
					      ARMVIRT_S2_DESC_LPA2_HI_WIDTH)
				    << (ARMVIRT_S2_DESC_OA_SHIFT + ARMVIRT_S2_DESC_LPA2_OA_WIDTH);
	}
	if (cfg->granule_shift == 16 && cfg->pa_bits == 52) {
		pa = d & ARMVIRT_MASK(ARMVIRT_S2_DESC_OA52_HI_SHIFT + ARMVIRT_S2_DESC_OA52_HI_WIDTH,
				      ARMVIRT_S2_DESC_OA_WIDTH - ARMVIRT_S2_DESC_OA52_HI_WIDTH);
		return pa | armvirt_field_get(d, ARMVIRT_S2_DESC_OA52_HI_SHIFT,
					      ARMVIRT_S2_DESC_OA52_HI_WIDTH)
				    << (ARMVIRT_S2_DESC_OA_SHIFT + ARMVIRT_S2_DESC_OA_WIDTH);
	}
	return d & ARMVIRT_MASK(ARMVIRT_S2_DESC_OA_SHIFT, ARMVIRT_S2_DESC_OA_WIDTH);
}

static inline uint64_t s2_make_table(const struct armvirt_s2mmu_config *cfg, uint64_t pa)
{
	return s2_oa_encode(cfg, pa) | S2_TYPE | S2_VALID;
}

/* A block (levels 0-2) or page (level 3) with attribute bits @bits. */
static inline uint64_t s2_make_leaf(const struct armvirt_s2mmu_config *cfg, unsigned level,
				    uint64_t pa, uint64_t bits)
{
	return s2_oa_encode(cfg, pa) | bits | (level == S2_LAST_LEVEL ? S2_TYPE : 0) | S2_VALID;
}

/* The attribute bits of a leaf: everything but the address, type and valid bits. */
static inline uint64_t s2_leaf_bits(const struct armvirt_s2mmu_config *cfg, uint64_t d)
{
	return d & ~(s2_oa_mask(cfg) | S2_TYPE | S2_VALID);
}

/* The marker of a tracked page: DBM with hardware dirty state, else a software bit. */
static inline uint64_t s2_track_bit(const struct armvirt_s2mmu_config *cfg)
{
	return (cfg->features & ARMVIRT_S2MMU_FEAT_HD) ? S2_DBM : S2_SW_TRACKED;
}

static inline armvirt_va_t s2_va(const struct armvirt_s2mmu *s2, uint64_t pa)
{
	armvirt_va_t va;

	if (s2->ops.pa_to_va)
		return s2->ops.pa_to_va(s2->ops.ctx, armvirt_pa(pa));
	va.va = (uintptr_t)pa + s2->ops.va_offset;
	return va;
}

static inline s2_pte_t *s2_table(const struct armvirt_s2mmu *s2, uint64_t pa)
{
	return (s2_pte_t *)armvirt_va_ptr(s2_va(s2, pa));
}

static inline uint64_t s2_load(s2_pte_t *p)
{
	return atomic_load_explicit(p, memory_order_relaxed);
}

static inline void s2_store(s2_pte_t *p, uint64_t v)
{
	atomic_store_explicit(p, v, memory_order_relaxed);
}

/* ---- Attributes (desc.c) ---------------------------------------------- */

/* Descriptor attribute bits for @attr; ARMVIRT_EINVAL or ARMVIRT_ENOTSUP. */
int s2_attr_encode(const struct armvirt_s2mmu_config *cfg, armvirt_s2mmu_attr_t attr,
		   uint64_t *bits);
/* Which descriptor bits the attribute bits in @mask live in; ARMVIRT_EINVAL
 * if @mask takes part of a field (memory type, shareability, PXN/UXN). */
int s2_attr_desc_mask(const struct armvirt_s2mmu_config *cfg, armvirt_s2mmu_attr_t mask,
		      uint64_t *dmask);
/* The attributes of leaf @d (W as the guest sees it: set for a tracked page). */
armvirt_s2mmu_attr_t s2_attr_decode(const struct armvirt_s2mmu_config *cfg, uint64_t d);

/* ---- The update engine (map.c) ----------------------------------------- */

enum s2_op_kind {
	S2_OP_MAP,
	S2_OP_UNMAP,
	S2_OP_ATTR,
	S2_OP_DIRTY_START,
	S2_OP_DIRTY_COLLECT,
	S2_OP_DIRTY_STOP,
};

/* Operation flag, internal: report dirty pages without cleaning them. */
#define S2_OP_PEEK (1u << 31)

/* One run of TLB invalidations: entries of 2^shift bytes over [start, end). */
struct s2_tlb_run {
	uint64_t start;
	uint64_t end;
	uint8_t shift;
	uint8_t level; /* level of the leaves, or 0 when unknown */
	bool nonleaf;  /* table entries were removed: walk caches too */
};

#define S2_TLB_RUNS 8

struct s2_op {
	struct armvirt_s2mmu *s2;
	const struct armvirt_s2mmu_config *cfg;
	enum s2_op_kind kind;
	uint32_t flags;
	uint64_t start;
	uint64_t end;
	uint64_t pa_delta; /* map: PA - IPA, modulo 2^64 */
	uint64_t bits;	   /* map: leaf attribute bits; attr: new values under dmask */
	uint64_t dmask;	   /* attr: descriptor bits changed (W handled apart) */
	armvirt_s2mmu_attr_t amask;
	armvirt_s2mmu_attr_t attr;
	uint64_t *bitmap; /* dirty collect */
	int64_t dirty;
	/* Pages taken from the allocator for this operation, linked through entry 0. */
	uint64_t reserve;
	uint64_t reserve_n;
	/* Detached table pages, freed once the TLBs are clean, linked the same way. */
	uint64_t deferred;
	uint64_t allocated;
	uint64_t released;
	/* Invalidations owed. */
	struct s2_tlb_run run[S2_TLB_RUNS];
	unsigned nrun;
	bool tlb_all;
	/* Entries waiting for the make step, and where. */
	uint64_t pending;
	uint64_t pend_lo;
	uint64_t pend_hi;
	bool wrote;
};

/* Run an operation described by @op: prepare, commit, maintain. */
int s2_op_run(struct s2_op *op);
/* Check and set up the common fields of a range operation. */
int s2_op_init(struct s2_op *op, struct armvirt_s2mmu *s2, enum s2_op_kind kind, armvirt_ipa_t ipa,
	       uint64_t size, uint32_t flags);

/* The entry that translates @ipa: a leaf, or the invalid entry ending the walk (walk.c). */
s2_pte_t *s2_find(const struct armvirt_s2mmu *s2, uint64_t ipa, unsigned *level);

/* ---- TLB maintenance (tlbi.c) ------------------------------------------ */

/* Owe an invalidation of the entries of 2^shift bytes covering [ipa, ipa + size). */
void s2_tlb_add(struct s2_op *op, uint64_t ipa, uint64_t size, unsigned shift, unsigned level,
		bool nonleaf);
/* Issue what is owed: TLBIs, DSB ISH, stage-1 invalidation (callbacks around). */
void s2_tlb_issue(struct s2_op *op);
/* The by-IPA TLBI operand for @ipa with leaf level @level (0: unknown). */
uint64_t s2_tlbi_ipa_arg(const struct armvirt_s2mmu_config *cfg, uint64_t ipa, unsigned level);

#endif /* ARMVIRT_S2MMU_IMPL_H */

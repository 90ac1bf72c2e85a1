/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file s2mmu.h
 * @brief Stage-2 (IPA to PA) translation tables.
 *
 * The library builds and maintains the VMSAv8-64 stage-2 tables of one VM:
 * it computes VTCR_EL2 and VTTBR_EL2 from the CPU's ID registers, maps,
 * unmaps and re-attributes IPA ranges with the largest blocks the alignment
 * allows (splitting and re-coalescing them as later operations require),
 * walks the tables in software, and tracks dirty pages for migration.
 *
 * Guarantees:
 *  - **Failure atomicity.** Each operation first works out how many table
 *    pages it can need and takes them from the allocator; if the allocator
 *    runs dry the pages are given back and the call returns
 *    ::ARMVIRT_ENOMEM with the tables exactly as they were. Every other
 *    failure is detected before anything is written.
 *  - **Break-before-make.** A valid entry whose output address, memory type,
 *    shareability, size or contiguous hint changes is first made invalid,
 *    the TLBs are invalidated and only then is the new entry written (Arm
 *    ARM D8, "Using break-before-make when updating translation table
 *    entries"). A contiguous group is broken and remade as a whole.
 *  - **Batched TLB maintenance.** One operation issues one DSB before its
 *    invalidations, the invalidations themselves (by IPA with the level
 *    hint, by range with FEAT_TLBIRANGE, or the whole VMID once the count
 *    would pass armvirt_s2mmu::tlbi_max_ops), one DSB after them, the
 *    stage-1 invalidation that combined TLB entries require, and one final
 *    DSB. See docs/s2mmu.md for the exact sequences.
 *  - **Hardware walkers may run at any time.** Every descriptor is written
 *    with a single 64-bit store, and a table is fully written and made
 *    visible (DSB ISHST) before it is linked.
 *
 * Concurrency: the functions that change the tables (map, unmap, set_attr,
 * protect, the dirty-tracking calls and destroy) must be serialised by the
 * caller, per VM. armvirt_s2mmu_walk() may run concurrently with other walks
 * but not with a change (a change frees table pages). Guest vCPUs, that is,
 * the hardware table walkers of every CPU, may run throughout.
 *
 * Exception level: the functions that change the tables issue TLB
 * invalidations and must run at EL2 with the VM's VMID current in
 * VTTBR_EL2, or with armvirt_s2mmu_ops::tlbi_enter making it current. The
 * configuration functions and the walk touch no system register (except
 * armvirt_s2mmu_cpu_read()) and can run anywhere.
 */
#ifndef ARMVIRT_S2MMU_H
#define ARMVIRT_S2MMU_H

#include <armvirt/err.h>
#include <armvirt/s2mmu_desc.h>
#include <armvirt/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @name Features
 * Bits of armvirt_s2mmu_config::features and of the @p want argument of
 * armvirt_s2mmu_configure().
 * @{
 */
/** 16-bit VMIDs (FEAT_VMID16): sets VTCR_EL2.VS. Requested; absent: error. */
#define ARMVIRT_S2MMU_FEAT_VMID16 (1u << 0)
/** Hardware Access flag updates (FEAT_HAFDBS): VTCR_EL2.HA. Requested. */
#define ARMVIRT_S2MMU_FEAT_HA (1u << 1)
/**
 * Hardware dirty state (FEAT_HAFDBS level 2): VTCR_EL2.HA and HD; dirty
 * tracking then uses the DBM bit instead of write faults. Requested.
 */
#define ARMVIRT_S2MMU_FEAT_HD (1u << 2)
/**
 * FEAT_S2FWB memory type encodings. The caller sets HCR_EL2.FWB; with it,
 * ::ARMVIRT_S2MMU_MEM_NORMAL_WB forces Write-Back whatever stage 1 says and
 * ::ARMVIRT_S2MMU_MEM_NORMAL_S1 defers to stage 1. Requested.
 */
#define ARMVIRT_S2MMU_FEAT_FWB (1u << 3)
/**
 * 52-bit output (and input) addresses with the 4KB or 16KB granule
 * (FEAT_LPA2, VTCR_EL2.DS). Requested; implied by an IPA size above 48 bits
 * with those granules. Shareability is then VTCR_EL2.SH0 (Inner) for every
 * mapping.
 */
#define ARMVIRT_S2MMU_FEAT_LPA2 (1u << 4)
/** Common not Private (FEAT_TTCNP): VTTBR_EL2.CnP. Requested. */
#define ARMVIRT_S2MMU_FEAT_CNP (1u << 5)
/** The TLBI level hint (FEAT_TTL). Used if wanted and present; never an error. */
#define ARMVIRT_S2MMU_FEAT_TTL (1u << 6)
/** Range TLB invalidation (FEAT_TLBIRANGE). Used if wanted and present. */
#define ARMVIRT_S2MMU_FEAT_TLBIRANGE (1u << 7)
/** Separate EL1/EL0 execute permission (FEAT_XNX). Used if wanted and present. */
#define ARMVIRT_S2MMU_FEAT_XNX (1u << 8)
/** The features used whenever the CPU has them. */
#define ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC                                                           \
	(ARMVIRT_S2MMU_FEAT_TTL | ARMVIRT_S2MMU_FEAT_TLBIRANGE | ARMVIRT_S2MMU_FEAT_XNX)
/** @} */

/** The ID register values the configuration is computed from. */
struct armvirt_s2mmu_cpu {
	uint64_t id_aa64mmfr0; /**< ID_AA64MMFR0_EL1. */
	uint64_t id_aa64mmfr1; /**< ID_AA64MMFR1_EL1. */
	uint64_t id_aa64mmfr2; /**< ID_AA64MMFR2_EL1. */
	uint64_t id_aa64isar0; /**< ID_AA64ISAR0_EL1 (FEAT_TLBIRANGE). */
};

/**
 * @brief Read the running CPU's ID registers through the port.
 * @param cpu filled in
 *
 * Callable at EL1 or EL2. On a system with heterogeneous CPUs, combine the
 * values of every CPU (the lowest of each field) before configuring.
 */
void armvirt_s2mmu_cpu_read(struct armvirt_s2mmu_cpu *cpu);

/**
 * A stage-2 configuration: the translation regime of one or more VMs.
 * Filled by armvirt_s2mmu_configure(); read-only to the caller except that
 * opportunistic feature bits may be cleared before armvirt_s2mmu_init() to
 * stop the library from using them.
 */
struct armvirt_s2mmu_config {
	uint64_t vtcr;	       /**< The VTCR_EL2 value to program. */
	uint32_t features;     /**< ARMVIRT_S2MMU_FEAT_* in effect. */
	uint8_t granule_shift; /**< log2 of the granule: 12, 14 or 16. */
	uint8_t ipa_bits;      /**< IPA size in bits (64 - T0SZ). */
	uint8_t pa_bits;       /**< Output address size in bits (VTCR_EL2.PS). */
	uint8_t start_level;   /**< Initial lookup level, 0 to 3. */
	uint8_t root_pages;    /**< Concatenated tables at the initial level, 1 to 16. */
	uint8_t vmid_bits;     /**< VMID width: 8 or 16. */
};

/**
 * @brief Compute a stage-2 configuration.
 * @param cfg      filled in on success, untouched on failure
 * @param cpu      the CPU's ID registers (armvirt_s2mmu_cpu_read())
 * @param ipa_bits the IPA size wanted, in bits: 25 to 52, or down to 16
 *                 (4KB granule) or 17 (16KB, 64KB) with FEAT_TTST
 * @param granule  the translation granule in bytes: 4096, 16384 or 65536
 * @param want     ARMVIRT_S2MMU_FEAT_* bits: the requested ones are an error
 *                 if absent, the opportunistic ones are used if present
 * @return 0, or
 *  - ::ARMVIRT_EINVAL: @p granule is not one of the three sizes, @p want has
 *    an unknown bit, or @p ipa_bits is below the minimum;
 *  - ::ARMVIRT_ENOTSUP: the granule is not supported for stage 2, or a
 *    requested feature is absent;
 *  - ::ARMVIRT_ERANGE: @p ipa_bits exceeds the output address size the CPU
 *    and granule can describe (PARange; 48 bits without FEAT_LPA2 for the
 *    4KB and 16KB granules, without FEAT_LPA for 64KB).
 *
 * The initial lookup level is chosen to minimise the number of levels,
 * concatenating up to 16 tables at the initial level (D8, "Concatenated
 * translation tables for the initial stage 2 lookup"). Table walks are
 * Inner Shareable, Write-Back cacheable: the tables must live in memory the
 * hypervisor maps that way. VTCR_EL2.PS is the CPU's PARange (capped at 48
 * bits when the descriptors cannot hold more). Pure computation; any EL.
 */
int armvirt_s2mmu_configure(struct armvirt_s2mmu_config *cfg, const struct armvirt_s2mmu_cpu *cpu,
			    unsigned ipa_bits, uint64_t granule, uint32_t want);

/**
 * @brief Size in bytes of the root table (the concatenated initial tables).
 *
 * The root must be physically contiguous and aligned to this size.
 * Pure computation; any EL.
 */
uint64_t armvirt_s2mmu_root_size(const struct armvirt_s2mmu_config *cfg);

/**
 * @brief Compute VTTBR_EL2 for a root table and a VMID.
 * @param cfg   the configuration
 * @param root  the root table's physical address
 * @param vmid  the VMID: fewer bits than the configuration's @c vmid_bits
 * @param vttbr the value to program, set on success
 * @return 0, ::ARMVIRT_EALIGN if @p root is not aligned to
 *         armvirt_s2mmu_root_size(), ::ARMVIRT_ERANGE if @p root is beyond
 *         the output address size, ::ARMVIRT_EINVAL if @p vmid is too wide.
 *
 * With a 52-bit output address size the base address bits [51:48] go to
 * VTTBR_EL2[5:2]. CnP is set when ::ARMVIRT_S2MMU_FEAT_CNP is in effect.
 * Pure computation; any EL.
 */
int armvirt_s2mmu_vttbr(const struct armvirt_s2mmu_config *cfg, armvirt_pa_t root, uint32_t vmid,
			uint64_t *vttbr);

/**
 * The services the library needs from its user: table pages, the hypervisor
 * address of a table page, and (optionally) making the VMID current around
 * TLB invalidation. Callbacks run with the caller's lock held, from within
 * the library call that needs them.
 */
struct armvirt_s2mmu_ops {
	/**
	 * Allocate one table page: granule-sized and granule-aligned, in
	 * memory mapped Normal Inner Shareable Write-Back. Its content does
	 * not matter (the library writes every entry before use). Return 0
	 * and set @p pa, or a negative value when nothing is left.
	 */
	int (*alloc_page)(void *ctx, armvirt_pa_t *pa);
	/** Give back a page obtained from @c alloc_page. */
	void (*free_page)(void *ctx, armvirt_pa_t pa);
	/**
	 * The hypervisor address of a table page (or of the root). NULL: the
	 * address is @c pa + @c va_offset (a linear map; 0 for identity).
	 */
	armvirt_va_t (*pa_to_va)(void *ctx, armvirt_pa_t pa);
	/** Used when @c pa_to_va is NULL: VA = PA + va_offset, modulo 2^64. */
	uintptr_t va_offset;
	/**
	 * Optional: called before the library's TLB invalidations for this VM,
	 * to make its VTTBR_EL2 current (and ISB). NULL: the caller guarantees
	 * the VM's VMID is current during every changing call.
	 */
	void (*tlbi_enter)(void *ctx);
	/** Optional: called after the invalidations, to restore VTTBR_EL2. */
	void (*tlbi_exit)(void *ctx);
	void *ctx; /**< Passed to every callback. */
};

/** Default of armvirt_s2mmu::tlbi_max_ops. */
#define ARMVIRT_S2MMU_TLBI_MAX_OPS_DEFAULT 512u

/// @cond ARMVIRT_INTERNAL
/* Scratch for one contiguous group at level 2 and one at level 3. */
#define ARMVIRT_S2MMU_SCRATCH_ (32 + 128)
/// @endcond

/**
 * The tables of one VM. The caller owns the memory (static, embedded in a
 * VM structure, ...); fill it with armvirt_s2mmu_init() only.
 */
struct armvirt_s2mmu {
	struct armvirt_s2mmu_config cfg; /**< The configuration (a copy). */
	struct armvirt_s2mmu_ops ops;	 /**< The caller's services (a copy). */
	armvirt_pa_t root_pa;		 /**< The root table. */
	armvirt_va_t root_va;		 /**< Its hypervisor address. */
	/**
	 * Once one operation would issue more than this many TLBI
	 * instructions by IPA or range, it invalidates the whole VMID instead
	 * (TLBI VMALLS12E1IS). The caller may change it between calls.
	 */
	uint32_t tlbi_max_ops;
	uint64_t table_pages; /**< Table pages in use, the root excluded. Read-only. */
	/// @cond ARMVIRT_INTERNAL
	uint64_t scratch_[ARMVIRT_S2MMU_SCRATCH_];
	/// @endcond
};

/**
 * @brief Set up the empty tables of a VM.
 * @param s2   the context to fill
 * @param cfg  a configuration from armvirt_s2mmu_configure()
 * @param root the root table: armvirt_s2mmu_root_size() bytes, aligned to
 *             that size; the library zeroes it
 * @param ops  the caller's services, copied; @c alloc_page and @c free_page
 *             are required
 * @return 0, ::ARMVIRT_EINVAL (missing callback, malformed @p cfg),
 *         ::ARMVIRT_EALIGN (@p root misaligned) or ::ARMVIRT_ERANGE (@p root
 *         beyond the output address size).
 *
 * The root must not be in use by any walker. Issues no barrier: the caller
 * programs VTTBR_EL2 later, which needs its own DSB and ISB. Any EL.
 */
int armvirt_s2mmu_init(struct armvirt_s2mmu *s2, const struct armvirt_s2mmu_config *cfg,
		       armvirt_pa_t root, const struct armvirt_s2mmu_ops *ops);

/**
 * @name Attributes
 * A mapping's attributes, as one ::armvirt_s2mmu_attr_t word: a memory type,
 * permissions, shareability, the access flag and the integrator's software
 * bits. The default (0) is Normal Write-Back, no access, Inner Shareable,
 * access flag set.
 * @{
 */
/** A mapping's attributes: an OR of the ARMVIRT_S2MMU_* attribute bits. */
typedef uint32_t armvirt_s2mmu_attr_t;

/** Memory types (field ARMVIRT_S2MMU_ATTR_MEM). */
enum armvirt_s2mmu_mem {
	ARMVIRT_S2MMU_MEM_NORMAL_WB = 0,     /**< Normal, Write-Back (forced with FWB). */
	ARMVIRT_S2MMU_MEM_NORMAL_NC = 1,     /**< Normal, Non-cacheable. */
	ARMVIRT_S2MMU_MEM_NORMAL_WT = 2,     /**< Normal, Write-Through (not with FWB). */
	ARMVIRT_S2MMU_MEM_DEVICE_nGnRnE = 3, /**< Device-nGnRnE. */
	ARMVIRT_S2MMU_MEM_DEVICE_nGnRE = 4,  /**< Device-nGnRE. */
	ARMVIRT_S2MMU_MEM_DEVICE_nGRE = 5,   /**< Device-nGRE. */
	ARMVIRT_S2MMU_MEM_DEVICE_GRE = 6,    /**< Device-GRE. */
	ARMVIRT_S2MMU_MEM_NORMAL_S1 = 7,     /**< Normal, stage 1 decides (FWB only). */
};

/** Shareability (field ARMVIRT_S2MMU_ATTR_SH). */
enum armvirt_s2mmu_sh {
	ARMVIRT_S2MMU_SH_INNER = 0, /**< Inner Shareable. */
	ARMVIRT_S2MMU_SH_OUTER = 1, /**< Outer Shareable. */
	ARMVIRT_S2MMU_SH_NONE = 2,  /**< Non-shareable. */
};

#define ARMVIRT_S2MMU_ATTR_MEM_SHIFT 0 /**< Memory type, an ::armvirt_s2mmu_mem. */
#define ARMVIRT_S2MMU_ATTR_MEM_WIDTH 3 /**< Width of the memory type. */
#define ARMVIRT_S2MMU_R (1u << 3)      /**< Stage-2 read permission (S2AP[0]). */
#define ARMVIRT_S2MMU_W (1u << 4)      /**< Stage-2 write permission (S2AP[1]). */
#define ARMVIRT_S2MMU_PXN (1u << 5)    /**< Not executable at EL1. */
#define ARMVIRT_S2MMU_UXN (1u << 6)    /**< Not executable at EL0. */
#define ARMVIRT_S2MMU_ATTR_SH_SHIFT 7  /**< Shareability, an ::armvirt_s2mmu_sh. */
#define ARMVIRT_S2MMU_ATTR_SH_WIDTH 2  /**< Width of the shareability. */
/** Access flag clear: the first access faults (or sets it, with FEAT_HAFDBS). */
#define ARMVIRT_S2MMU_OLD (1u << 9)
#define ARMVIRT_S2MMU_ATTR_SW_SHIFT 10 /**< Software bits (descriptor [58:56]). */
#define ARMVIRT_S2MMU_ATTR_SW_WIDTH 3  /**< Width of the software bits. */

/** Not executable at any EL. Without FEAT_XNX only both or neither of PXN/UXN. */
#define ARMVIRT_S2MMU_XN (ARMVIRT_S2MMU_PXN | ARMVIRT_S2MMU_UXN)
/** Read and write. */
#define ARMVIRT_S2MMU_RW (ARMVIRT_S2MMU_R | ARMVIRT_S2MMU_W)
/** The permission bits, the mask armvirt_s2mmu_protect() changes. */
#define ARMVIRT_S2MMU_ATTR_PERMS (ARMVIRT_S2MMU_RW | ARMVIRT_S2MMU_XN)
/** Every attribute bit. */
#define ARMVIRT_S2MMU_ATTR_ALL 0x1fffu
/** Field value: the memory type @p m. */
#define ARMVIRT_S2MMU_MEM(m) ((armvirt_s2mmu_attr_t)(m) << ARMVIRT_S2MMU_ATTR_MEM_SHIFT)
/** Field value: the shareability @p s. */
#define ARMVIRT_S2MMU_SH(s) ((armvirt_s2mmu_attr_t)(s) << ARMVIRT_S2MMU_ATTR_SH_SHIFT)
/** Field value: the software bits @p v (0 to 7). */
#define ARMVIRT_S2MMU_SW(v) ((armvirt_s2mmu_attr_t)((v)&7u) << ARMVIRT_S2MMU_ATTR_SW_SHIFT)
/** @} */

/**
 * @name Operation flags
 * @{
 */
/** armvirt_s2mmu_map(): replace whatever is mapped in the range. */
#define ARMVIRT_S2MMU_REPLACE (1u << 0)
/**
 * Leave what the call changes as pages: split the blocks whose mapping
 * changes, and form no block or contiguous group in the range (dirty
 * logging granularity).
 */
#define ARMVIRT_S2MMU_PAGES (1u << 1)
/** @} */

/**
 * @brief Map [@p ipa, @p ipa + @p size) to [@p pa, @p pa + @p size).
 * @param s2    the tables
 * @param ipa   start, aligned to the granule
 * @param pa    output start, aligned to the granule
 * @param size  bytes, a non-zero multiple of the granule
 * @param attr  the attributes
 * @param flags ::ARMVIRT_S2MMU_REPLACE, ::ARMVIRT_S2MMU_PAGES
 * @return 0, or
 *  - ::ARMVIRT_EALIGN: an address or the size is not granule-aligned;
 *  - ::ARMVIRT_ERANGE: the IPA range passes the IPA size or the PA range the
 *    output address size, or @p size is zero;
 *  - ::ARMVIRT_EINVAL: unknown attribute or flag bits;
 *  - ::ARMVIRT_ENOTSUP: an attribute the configuration cannot express
 *    (PXN without UXN without FEAT_XNX, NORMAL_WT with FWB, NORMAL_S1
 *    without, a shareability other than Inner with FEAT_LPA2);
 *  - ::ARMVIRT_EEXIST: part of the range is mapped and REPLACE is absent;
 *  - ::ARMVIRT_ENOMEM: the allocator ran dry.
 *  On failure nothing changed.
 *
 * Uses the largest leaf the alignment of @p ipa and @p pa allows (blocks of
 * 1GB and 2MB with the 4KB granule, 32MB with 16KB, 512MB with 64KB) and
 * the contiguous hint over every aligned, uniform group of 16 (4KB), 32 or
 * 128 (16KB) or 32 (64KB) entries at levels 2 and 3. A table whose entries
 * become one uniform, aligned run is replaced by a block. Mapping over
 * unmapped IPAs invalidates no TLB entry. EL2 (see the file comment).
 */
int armvirt_s2mmu_map(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, armvirt_pa_t pa, uint64_t size,
		      armvirt_s2mmu_attr_t attr, uint32_t flags);

/**
 * @brief Unmap [@p ipa, @p ipa + @p size); unmapped parts are skipped.
 * @param s2    the tables
 * @param ipa   start, granule-aligned
 * @param size  bytes, a non-zero multiple of the granule
 * @param flags must be 0
 * @return 0, ::ARMVIRT_EALIGN, ::ARMVIRT_ERANGE, ::ARMVIRT_EINVAL (flags),
 *         or ::ARMVIRT_ENOMEM (a block partly unmapped must be split). On
 *         failure nothing changed.
 *
 * Table pages that become empty are freed once the TLBs no longer refer to
 * them; unmapping everything leaves only the root. EL2.
 */
int armvirt_s2mmu_unmap(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, uint64_t size, uint32_t flags);

/**
 * @brief Change attributes of the mappings in a range: for each mapped page,
 *        new = (old & ~@p mask) | (@p attr & @p mask).
 * @param s2    the tables
 * @param ipa   start, granule-aligned
 * @param size  bytes, a non-zero multiple of the granule
 * @param attr  the new values of the bits in @p mask
 * @param mask  which attribute bits to change
 * @param flags ::ARMVIRT_S2MMU_PAGES or 0
 * @return 0, ::ARMVIRT_EALIGN, ::ARMVIRT_ERANGE, ::ARMVIRT_EINVAL (unknown
 *         bits, or a @p mask that takes only part of the memory type or the
 *         shareability, or only one of PXN and UXN), ::ARMVIRT_ENOTSUP (as
 *         for armvirt_s2mmu_map()) or ::ARMVIRT_ENOMEM (a block partly
 *         covered must be split). On failure nothing changed.
 *
 * Unmapped parts are skipped. A change of memory type or shareability is
 * made with break-before-make; a change of permissions, access flag or
 * software bits is written in place, followed by the TLB invalidation that
 * makes it effective everywhere before the call returns. Clearing W ends
 * dirty tracking of the pages it applies to. Blocks and contiguous groups
 * are re-formed where the range becomes uniform again (unless PAGES). EL2.
 */
int armvirt_s2mmu_set_attr(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, uint64_t size,
			   armvirt_s2mmu_attr_t attr, armvirt_s2mmu_attr_t mask, uint32_t flags);

/**
 * @brief Change the permissions of the mappings in a range.
 *
 * armvirt_s2mmu_set_attr() with the mask ::ARMVIRT_S2MMU_ATTR_PERMS: @p perms
 * is an OR of ::ARMVIRT_S2MMU_R, ::ARMVIRT_S2MMU_W, ::ARMVIRT_S2MMU_PXN and
 * ::ARMVIRT_S2MMU_UXN. Same errors and EL.
 */
static inline int armvirt_s2mmu_protect(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, uint64_t size,
					armvirt_s2mmu_attr_t perms, uint32_t flags)
{
	return armvirt_s2mmu_set_attr(s2, ipa, size, perms, ARMVIRT_S2MMU_ATTR_PERMS, flags);
}

/** What armvirt_s2mmu_walk() found. */
struct armvirt_s2mmu_leaf {
	armvirt_ipa_t ipa;	   /**< First IPA of the block, page or hole. */
	armvirt_pa_t pa;	   /**< Output address of @c ipa (0 for a hole). */
	uint64_t size;		   /**< Bytes the leaf (or hole) covers. */
	uint64_t desc;		   /**< The raw descriptor (0 for a hole). */
	armvirt_s2mmu_attr_t attr; /**< Attributes; W is the permission the guest has. */
	uint8_t level;		   /**< Lookup level of the descriptor. */
	bool contiguous;	   /**< Part of a contiguous group. */
	bool tracked;		   /**< Under dirty tracking. */
	bool dirty;		   /**< Tracked and written since the last collection. */
};

/**
 * @brief Look up the translation of one IPA in software.
 * @param s2   the tables
 * @param ipa  any IPA
 * @param leaf filled in (also on ::ARMVIRT_ENOENT, describing the hole)
 * @return 0 when mapped, ::ARMVIRT_ENOENT when not, ::ARMVIRT_ERANGE when
 *         @p ipa is beyond the IPA size.
 *
 * The output address of @p ipa is leaf->pa + (ipa - leaf->ipa). For a
 * tracked page that is clean, the attributes report W (the guest may write;
 * the first write is caught) and the descriptor has it clear. Reads only;
 * see the file comment for concurrency. Any EL.
 */
int armvirt_s2mmu_walk(const struct armvirt_s2mmu *s2, armvirt_ipa_t ipa,
		       struct armvirt_s2mmu_leaf *leaf);

/**
 * @brief Unmap everything and free every table page but the root.
 * @return 0 (cannot fail: unmapping the whole space splits nothing).
 *
 * The root is left zeroed and still owned by the caller; the VMID's TLB
 * entries are invalidated. EL2.
 */
int armvirt_s2mmu_destroy(struct armvirt_s2mmu *s2);

/**
 * @name Dirty tracking
 * For live migration and snapshots. A tracked page is writable for the
 * guest but clean: write-protected in the descriptor until the first write.
 * With ::ARMVIRT_S2MMU_FEAT_HD the hardware records that write in the
 * descriptor (DBM); otherwise the write takes a stage-2 permission fault
 * that the hypervisor hands to armvirt_s2mmu_dirty_fault(). Either way
 * armvirt_s2mmu_dirty_collect() reports and cleans the dirty pages.
 * Tracked pages are never folded into blocks or contiguous groups.
 * All are EL2 and serialised like the other changes.
 * @{
 */

/**
 * @brief Start tracking the writable pages of a range.
 * @param s2   the tables
 * @param ipa  start, granule-aligned
 * @param size bytes, a non-zero multiple of the granule
 * @return 0, ::ARMVIRT_EALIGN, ::ARMVIRT_ERANGE, or ::ARMVIRT_ENOMEM (blocks
 *         are split into pages); on failure nothing changed.
 *
 * Every mapped, writable page in the range becomes tracked and clean
 * (already tracked pages are cleaned without being reported). Read-only
 * mappings are left alone.
 */
int armvirt_s2mmu_dirty_start(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, uint64_t size);

/**
 * @brief Handle a stage-2 permission fault on a write to @p ipa.
 * @return 1: the page was tracked and clean, it is now dirty and writable;
 *         0: the page is already writable (a stale TLB entry caused the
 *         fault; this CPU's entry has been invalidated);
 *         ::ARMVIRT_EPERM: the page is not tracked, the fault is the guest's;
 *         ::ARMVIRT_ENOENT: nothing is mapped there; ::ARMVIRT_ERANGE.
 *
 * Only this CPU's TLB is invalidated (a stale read-only entry elsewhere
 * causes at most one more fault there).
 */
int armvirt_s2mmu_dirty_fault(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa);

/** armvirt_s2mmu_dirty_collect(): report without cleaning (tracking goes on). */
#define ARMVIRT_S2MMU_DIRTY_PEEK (1u << 0)

/**
 * @brief Report the dirty pages of a range and clean them.
 * @param s2     the tables
 * @param ipa    start, granule-aligned
 * @param size   bytes, a non-zero multiple of the granule
 * @param bitmap one bit a page: bit n (of word n / 64) is the page at
 *               @p ipa + n granules; the bits of dirty pages are set, the
 *               others are left as they are
 * @param flags  ::ARMVIRT_S2MMU_DIRTY_PEEK or 0
 * @return the number of dirty pages, ::ARMVIRT_EALIGN, ::ARMVIRT_ERANGE or
 *         ::ARMVIRT_EINVAL. Cannot fail with ENOMEM (tracked ranges are pages).
 *
 * Cleaning write-protects the pages again and invalidates their TLB entries
 * before returning, so every write after the call is caught.
 */
int armvirt_s2mmu_dirty_collect(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, uint64_t size,
				uint64_t *bitmap, uint32_t flags);

/**
 * @brief Stop tracking a range: its tracked pages become plainly writable.
 * @return 0, ::ARMVIRT_EALIGN, ::ARMVIRT_ERANGE. Cannot fail with ENOMEM.
 *
 * Blocks and contiguous groups are re-formed where the range allows.
 */
int armvirt_s2mmu_dirty_stop(struct armvirt_s2mmu *s2, armvirt_ipa_t ipa, uint64_t size);
/** @} */

/**
 * @name Page pool
 * A ready-made allocator over one caller-supplied, physically contiguous
 * region: O(1) allocation and release, no other memory. Not thread-safe
 * (the stage-2 lock already serialises its use).
 * @{
 */

/** A page pool. Fill with armvirt_s2mmu_pool_init() only. */
struct armvirt_s2mmu_pool {
	uint64_t pa;	/**< Physical address of the region. */
	uintptr_t va;	/**< Its hypervisor address. */
	uint64_t pages; /**< Pages in the region. */
	uint64_t used;	/**< Pages handed out and not given back. */
	uint8_t shift;	/**< log2 of the page size. */
	/// @cond ARMVIRT_INTERNAL
	uint64_t next_;	   /* first never-used page index */
	uint64_t free_pa_; /* head of the list of returned pages, or ~0 */
			   /// @endcond
};

/**
 * @brief Make a pool of the region [@p pa, @p pa + @p size).
 * @param pool    the pool to fill
 * @param pa      physical start, aligned to @p granule
 * @param va      its hypervisor address
 * @param size    bytes; rounded down to whole pages
 * @param granule the page size: 4096, 16384 or 65536
 * @return 0, ::ARMVIRT_EINVAL (granule) or ::ARMVIRT_EALIGN (@p pa). Any EL.
 */
int armvirt_s2mmu_pool_init(struct armvirt_s2mmu_pool *pool, armvirt_pa_t pa, armvirt_va_t va,
			    uint64_t size, uint64_t granule);

/**
 * @brief Fill the allocation fields of @p ops (alloc_page, free_page,
 *        pa_to_va = NULL and va_offset, ctx) to use @p pool.
 *
 * The TLB callbacks are left as they are.
 */
void armvirt_s2mmu_pool_ops(struct armvirt_s2mmu_pool *pool, struct armvirt_s2mmu_ops *ops);

/** @brief Take one page from the pool @p ctx; ::ARMVIRT_ENOMEM when empty. */
int armvirt_s2mmu_pool_alloc(void *ctx, armvirt_pa_t *pa);

/** @brief Give a page back to the pool @p ctx. */
void armvirt_s2mmu_pool_free(void *ctx, armvirt_pa_t pa);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_S2MMU_H */

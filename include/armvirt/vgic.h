/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file vgic.h
 * @brief Virtual GIC: interrupt state, list-register scheduling and the
 *        guest-facing GICv2/GICv3 distributor and redistributor.
 *
 * One ::armvirt_vgic serves one virtual machine. It keeps the state of every
 * virtual interrupt (pending, active, enabled, priority, group, trigger,
 * routing, line level), emulates the registers the guest reaches by trapped
 * MMIO (GICD; for GICv3 also GICR) and by trapped system-register writes
 * (ICC_SGI1R_EL1, ICC_ASGI1R_EL1, ICC_SGI0R_EL1, ICC_DIR_EL1), and moves
 * interrupts into and out of the hardware list registers around every guest
 * entry. The guest's CPU interface itself is the hardware's: GICv3 guests use
 * the ICV_* system registers, GICv2 guests the GICV frame the integrator maps
 * at the guest's GICC address.
 *
 * @par Models and list-register formats
 * The guest sees a GICv2 (::ARMVIRT_VGIC_V2: 4 KB GICD, at most 8 vCPUs) or a
 * GICv3 (::ARMVIRT_VGIC_V3: 64 KB GICD and a redistributor region of
 * 128 KB per vCPU, affinity routing always on, one security state, no LPIs).
 * The list registers are the GICv2 GICH frame (::ARMVIRT_VGIC_CPUIF_GICH) or
 * the GICv3 ICH_*_EL2 registers (::ARMVIRT_VGIC_CPUIF_ICH); a GICv2 guest can
 * run on either, a GICv3 guest on ICH only. The number of list registers and
 * priority bits come from GICH_VTR or ICH_VTR_EL2, read at initialisation.
 *
 * @par Scheduling
 * Pending interrupts wait in a per-vCPU queue ordered by priority (one FIFO
 * per priority level and group, and a bitmap of non-empty levels), so the
 * highest-priority one is found in constant time whatever the queue's length.
 * Before each entry armvirt_vgic_vcpu_fill() puts the highest-priority
 * deliverable interrupts into the list registers, evicting a lower-priority
 * one when they are full; the work is bounded by the number of list
 * registers, not by the queue. When interrupts remain queued it arms the
 * no-pending maintenance interrupt, so the guest exits to refill as soon as
 * it has acknowledged everything in the list registers. An active interrupt
 * may be evicted too, so that list registers full of active interrupts never
 * starve a pending one; its deactivation is then observed through
 * ICH_HCR_EL2.EOIcount (EOImode 0) or by trapping ICC_DIR_EL1 (EOImode 1,
 * GICv3 only; a GICv2 guest in EOImode 1 keeps its active interrupts in the
 * list registers, because a GICV_DIR write cannot be observed).
 *
 * @par The integrator's part
 *  - armvirt_vgic_init() once; armvirt_vgic_set_affinity() for each vCPU
 *    whose MPIDR is not the default.
 *  - On the physical CPU running a vCPU: armvirt_vgic_vcpu_load() when it is
 *    scheduled in, armvirt_vgic_vcpu_fill() right before each guest entry,
 *    armvirt_vgic_vcpu_sync() right after each exit, armvirt_vgic_vcpu_put()
 *    when it is scheduled out.
 *  - Data aborts on the GIC frames go to armvirt_vgic_mmio(), trapped
 *    ICC_* writes to armvirt_vgic_sysreg(). Both may be called while the
 *    accessing vCPU is still in the guest (between fill and sync, its list
 *    registers live), on a fast exit path that does not sync: a change that
 *    must reach its own list registers then puts that vCPU itself in the
 *    kicks, and the caller syncs and fills before resuming it; the accesses
 *    that need what the guest did to its live list registers (reads of the
 *    pending or active state of an interrupt in flight on it, ICC_DIR_EL1)
 *    return ::ARMVIRT_EBUSY having changed nothing, and the caller makes
 *    them again between sync and fill.
 *  - Devices inject with armvirt_vgic_inject() (an edge) or
 *    armvirt_vgic_set_level() (a line), from any physical CPU.
 *  - The maintenance interrupt (PPI 25) needs nothing but acknowledging: the
 *    exit it causes runs armvirt_vgic_vcpu_sync(), which disarms it, and
 *    armvirt_vgic_vcpu_fill(), which deals with its cause.
 *  - A WFI exit blocks the vCPU until armvirt_vgic_vcpu_pending() says an
 *    interrupt can be taken, or until a kick (below).
 *
 * @par Kicks
 * Functions that can make an interrupt deliverable record the vCPUs that
 * may need to hear about it in a ::armvirt_vgic_kicks set. For each vCPU in
 * the set the integrator interrupts it if it is running in the guest on
 * another physical CPU (an IPI; the exit picks the interrupt up) and wakes
 * it if it is blocked waiting for an interrupt; if it is the vCPU whose
 * access is being handled in the guest (above), it syncs and fills it
 * before resuming it; otherwise it does nothing, since the vCPU sees the
 * interrupt at its next entry. A vCPU running in the
 * guest is not put in the set when the new interrupt cannot enter its list
 * registers before an armed maintenance interrupt makes it exit anyway.
 *
 * @par Concurrency
 * Every function may be called on any physical CPU, concurrently with the
 * others, except: armvirt_vgic_init() and armvirt_vgic_set_affinity(), which
 * must run alone, before any vCPU runs; and the per-vCPU functions
 * (armvirt_vgic_vcpu_*, armvirt_vgic_mmio(), armvirt_vgic_sysreg(), and
 * armvirt_vgic_map_hw() / armvirt_vgic_unmap_hw() for a PPI), which only the
 * physical CPU running that vCPU calls, one at a time. Internally each vCPU
 * has a spinlock guarding its private interrupts, its queue and its list
 * register copy; an SPI is guarded by the lock of the vCPU it is queued on or
 * delivered to; at most two vCPU locks are held, taken in index order, and
 * none is held on return. Calls must not be made from an interrupt handler
 * that can interrupt another vgic call on the same physical CPU: run EL2 with
 * interrupts masked around them, as hypervisors usually do. All functions
 * are for EL2; those that touch the CPU interface (vcpu_load, vcpu_put,
 * vcpu_fill, vcpu_sync, and vcpu_pending and sysreg when they need it) use
 * the calling physical CPU's registers through port.h.
 *
 * @par Memory
 * The integrator allocates every structure (statically or otherwise) and
 * passes them to armvirt_vgic_init(); the library keeps pointers to the vCPU
 * and SPI arrays. The structures' members are private: read and change them
 * only through these functions.
 */
#ifndef ARMVIRT_VGIC_H
#define ARMVIRT_VGIC_H

#include <armvirt/access.h>
#include <armvirt/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Most vCPUs one virtual GIC serves (GICv3 model; a GICv2 model serves at most 8). */
#define ARMVIRT_VGIC_MAX_VCPUS 256u
/** Most SPIs: INTIDs 32 to 1019. */
#define ARMVIRT_VGIC_MAX_SPIS 988u
/** Most list registers used (GICH_VTR allows 64; ICH_VTR_EL2 allows 16). */
#define ARMVIRT_VGIC_MAX_LRS 64u
/** Number of SGIs and PPIs, the interrupts private to each vCPU. */
#define ARMVIRT_VGIC_NR_PRIVATE 32u
/** Default GICD_IIDR / GICR_IIDR: ProductID 'v' (0x76), no JEP106 implementer code. */
#define ARMVIRT_VGIC_IIDR_DEFAULT 0x76000000u

/// @cond ARMVIRT_INTERNAL
/* C++ sees the same layout; only the library (C11) accesses these fields. */
#ifdef __cplusplus
#define ARMVIRT_VGIC_ATOMIC_(t) t
#else
#define ARMVIRT_VGIC_ATOMIC_(t) _Atomic t
#endif
#define ARMVIRT_VGIC_PRIO_LEVELS_ 256u
/// @endcond

/** The GIC the guest sees. */
enum armvirt_vgic_model {
	ARMVIRT_VGIC_V2 = 2, /**< GICv2: memory-mapped CPU interface, at most 8 vCPUs. */
	ARMVIRT_VGIC_V3 = 3, /**< GICv3: affinity routing, system-register CPU interface. */
};

/** The hardware list registers the library programs. */
enum armvirt_vgic_cpuif {
	ARMVIRT_VGIC_CPUIF_GICH = 0, /**< GICv2 GICH frame, through armvirt_port_gich_read/write. */
	ARMVIRT_VGIC_CPUIF_ICH = 1,  /**< GICv3 ICH_*_EL2 system registers. */
};

/** What armvirt_vgic_init() needs to know. */
struct armvirt_vgic_config {
	enum armvirt_vgic_model model; /**< The GIC the guest sees. */
	enum armvirt_vgic_cpuif cpuif; /**< The list registers used; GICv3 needs ICH. */
	armvirt_ipa_t gicd_base; /**< Guest address of the distributor (4 KB or 64 KB aligned). */
	armvirt_ipa_t
		gicr_base; /**< GICv3: guest address of the redistributor region (64 KB aligned). */
	uint32_t iidr; /**< Value of GICD_IIDR and GICR_IIDR, e.g. ::ARMVIRT_VGIC_IIDR_DEFAULT. */
};

/**
 * The state of one virtual interrupt. Private: allocate an array of them for
 * the SPIs (one per SPI) and let the library manage it.
 */
struct armvirt_vgic_irq {
	/// @cond ARMVIRT_INTERNAL
	ARMVIRT_VGIC_ATOMIC_(uint16_t) owner; /* vCPU whose lock guards this interrupt */
	uint16_t intid;
	uint16_t next, prev;   /* pending-queue links (INTIDs) */
	uint16_t anext, aprev; /* evicted-active list links (INTIDs) */
	uint16_t route;	       /* vCPU the routing selects, or ARMVIRT_VGIC_NONE_ */
	uint16_t pintid;       /* physical INTID when hardware-linked */
	uint32_t affinity;     /* GICv3 GICD_IROUTER affinity, Aff2.Aff1.Aff0 */
	uint8_t priority;
	uint8_t targets; /* GICv2 GICD_ITARGETSR byte */
	uint8_t flags;
	uint8_t req; /* changes waiting for the owner's next exit */
	/* Per source (bit n: GICv2 SGI from CPU n; bit 0 for all others): */
	uint8_t latch;	 /* edge or software pending state held here */
	uint8_t active;	 /* active, in a list register or not */
	uint8_t in_lr;	 /* occupies a list register */
	uint8_t lr_pend; /* its list register holds the pending state */
			 /// @endcond
};

/// @cond ARMVIRT_INTERNAL
struct armvirt_vgic_lr_ {
	uint64_t hw;	/* what the hardware register holds, as far as known */
	uint16_t intid; /* the interrupt this register holds */
	uint8_t src;	/* GICv2 SGI source */
	uint8_t state;	/* GIC_LR_STATE_* as of the last exit or entry */
};
/// @endcond

/**
 * One vCPU's virtual GIC state: its SGIs and PPIs, its pending queue, its
 * list registers' contents and its saved CPU interface. Private.
 */
struct armvirt_vgic_vcpu {
	/// @cond ARMVIRT_INTERNAL
	ARMVIRT_VGIC_ATOMIC_(uint32_t) lock;
	uint16_t index;
	uint8_t flags;
	uint8_t qsum;	   /* bit 4g + w: qmap[g][w] != 0 */
	uint32_t affinity; /* Aff3.Aff2.Aff1.Aff0 */
	struct armvirt_vgic_irq priv[ARMVIRT_VGIC_NR_PRIVATE];
	uint16_t qhead[2][ARMVIRT_VGIC_PRIO_LEVELS_]; /* per group and priority */
	uint64_t qmap[2][ARMVIRT_VGIC_PRIO_LEVELS_ / 64];
	uint16_t ahead; /* evicted-active list, highest priority first */
	uint16_t admit; /* a new interrupt below this priority value needs a kick */
	uint64_t lr_used;
	uint64_t lr_stale; /* hardware contents unknown: rewrite at the next entry */
	struct armvirt_vgic_lr_ lr[ARMVIRT_VGIC_MAX_LRS];
	uint32_t hcr;	    /* ICH_HCR_EL2 / GICH_HCR as last written */
	uint32_t vmcr;	    /* ICH_VMCR_EL2 / GICH_VMCR */
	uint32_t apr[2][4]; /* ICH_AP0R/AP1R<n>_EL2, or GICH_APR in apr[1][0] */
			    /// @endcond
};

/** One virtual machine's virtual GIC. Private. */
struct armvirt_vgic {
	/// @cond ARMVIRT_INTERNAL
	struct armvirt_vgic_vcpu *vcpus;
	struct armvirt_vgic_irq *spis;
	uint64_t gicd_base, gicr_base;
	ARMVIRT_VGIC_ATOMIC_(uint32_t) ctlr; /* GICD_CTLR group enables */
	uint32_t iidr;
	uint16_t nr_vcpus, nr_spis;
	uint8_t model, cpuif;
	uint8_t nr_lrs, pri_bits, pre_bits, nr_apr;
	/// @endcond
};

/**
 * A set of vCPUs that need a kick (see "Kicks" above). Functions taking one
 * add to it and never clear it: clear it with armvirt_vgic_kicks_clear()
 * before a batch of calls. NULL may be passed where the caller will not act.
 */
struct armvirt_vgic_kicks {
	uint64_t bits[ARMVIRT_VGIC_MAX_VCPUS / 64]; /**< Bit n: vCPU n. */
};

/** @brief Empty @p k. */
static inline void armvirt_vgic_kicks_clear(struct armvirt_vgic_kicks *k)
{
	for (unsigned i = 0; i < ARMVIRT_VGIC_MAX_VCPUS / 64; i++)
		k->bits[i] = 0;
}

/** @brief Whether vCPU @p vcpu is in @p k. */
static inline bool armvirt_vgic_kicks_test(const struct armvirt_vgic_kicks *k, unsigned vcpu)
{
	return vcpu < ARMVIRT_VGIC_MAX_VCPUS && ((k->bits[vcpu / 64] >> (vcpu % 64)) & 1u);
}

/** What armvirt_vgic_get_irq() reports about one interrupt. */
struct armvirt_vgic_irq_info {
	bool pending;	  /**< Pending (from any source), in a list register or not. */
	bool active;	  /**< Active. */
	bool enabled;	  /**< Enabled (GICD_ISENABLER). */
	bool group1;	  /**< Group 1 (GICD_IGROUPR). */
	bool edge;	  /**< Edge-triggered (GICD_ICFGR); level-sensitive otherwise. */
	bool line_level;  /**< The level last given by armvirt_vgic_set_level(). */
	bool hw;	  /**< Linked to a physical interrupt (armvirt_vgic_map_hw()). */
	uint8_t priority; /**< Priority, with the unimplemented low bits zero. */
	uint16_t pintid;  /**< The physical INTID when @c hw. */
	uint16_t target;  /**< The vCPU an SPI is routed to (UINT16_MAX: none); the vCPU for a
			     PPI/SGI. */
	uint8_t sources; /**< GICv2 SGI: CPUs with a pending SGI from them; else bit 0 = pending. */
};

/**
 * @brief Initialise a virtual GIC and reset every interrupt to its
 *        architectural reset state.
 *
 * Reads GICH_VTR (::ARMVIRT_VGIC_CPUIF_GICH; set the port's GICH base first)
 * or ICH_VTR_EL2 for the number of list registers and of priority and
 * preemption bits; the virtual distributor implements as many priority bits
 * as the virtual CPU interface. vCPU @e i gets affinity Aff1 = i / 16,
 * Aff0 = i % 16 (change it with armvirt_vgic_set_affinity()). Reset state:
 * every interrupt inactive, not pending, priority 0, Group 0 (GICv2) or
 * Group 1 (GICv3); SGIs enabled and edge-triggered, PPIs and SPIs disabled
 * and level-sensitive; SPIs targeting no CPU (GICv2) or routed to affinity
 * 0.0.0.0 (GICv3); distributor disabled; GICR_WAKER.ProcessorSleep set.
 *
 * @param vgic    the state to initialise (overwritten)
 * @param cfg     the configuration
 * @param vcpus   @p nr_vcpus vCPU states; vCPU @e i is vcpus[i] and (GICv2) CPU interface @e i
 * @param nr_vcpus 1 to ::ARMVIRT_VGIC_MAX_VCPUS (GICv3) or 8 (GICv2)
 * @param spis    @p nr_spis SPI states; SPI INTID 32 + @e i is spis[i]; may be NULL if @p nr_spis
 * is 0
 * @param nr_spis a multiple of 32 up to 960, or ::ARMVIRT_VGIC_MAX_SPIS (GICD_TYPER.ITLinesNumber
 *                reports (32 + @p nr_spis) / 32 - 1 lines, rounded up)
 * @return 0; ARMVIRT_EINVAL for a NULL pointer, an unknown or impossible
 *         model/cpuif pair, a vCPU or SPI count out of range, or a misaligned
 *         base; ARMVIRT_ENOTSUP when the hardware reports more list registers
 *         than the port can address (ICH) or fewer than 4 priority bits.
 *         Call once, at EL2, before any other function on @p vgic.
 */
int armvirt_vgic_init(struct armvirt_vgic *vgic, const struct armvirt_vgic_config *cfg,
		      struct armvirt_vgic_vcpu *vcpus, unsigned nr_vcpus,
		      struct armvirt_vgic_irq *spis, unsigned nr_spis);

/**
 * @brief Set the affinity (the MPIDR_EL1 value the integrator gives the vCPU
 *        through VMPIDR_EL2) by which GICv3 routing and SGIs find vCPU @p vcpu.
 * @param vgic  the virtual GIC
 * @param vcpu  the vCPU's index
 * @param mpidr its MPIDR; only Aff2, Aff1 and Aff0 are used
 * @return 0; ARMVIRT_EINVAL for a bad index, Aff3 not 0 (GICD_TYPER.A3V is 0)
 *         or Aff0 above 15 (GICD_TYPER.RSS is 0); ARMVIRT_EEXIST if another
 *         vCPU has that affinity. Call before any vCPU runs, with no other
 *         call on @p vgic in progress. SPI routes are re-resolved.
 */
int armvirt_vgic_set_affinity(struct armvirt_vgic *vgic, unsigned vcpu, uint64_t mpidr);

/**
 * @brief Restore vCPU @p vcpu's virtual CPU interface on this physical CPU.
 *
 * Writes the saved ICH_VMCR_EL2 / GICH_VMCR and active-priority registers,
 * and ICH_HCR_EL2 / GICH_HCR as 0. The
 * list registers are written at the next armvirt_vgic_vcpu_fill(), all of
 * them that once after a load, because their contents are unknown; the
 * interface is enabled (ICH_HCR_EL2.En / GICH_HCR.En) there too.
 * @param vgic the virtual GIC
 * @param vcpu the vCPU's index
 * @return 0; ARMVIRT_EINVAL for a bad index; ARMVIRT_EBUSY if the vCPU is
 *         already loaded. EL2, on the physical CPU that will run the vCPU.
 */
int armvirt_vgic_vcpu_load(struct armvirt_vgic *vgic, unsigned vcpu);

/**
 * @brief Save vCPU @p vcpu's virtual CPU interface and disable it on this
 *        physical CPU (ICH_HCR_EL2 / GICH_HCR written 0).
 *
 * Call after armvirt_vgic_vcpu_sync(), when the vCPU is scheduled out; its
 * list register contents are already held in software and come back at the
 * next fill, on whichever physical CPU loads it. The list registers it
 * used are zeroed.
 * @param vgic the virtual GIC
 * @param vcpu the vCPU's index
 * @return 0; ARMVIRT_EINVAL for a bad index; ARMVIRT_EPERM if the vCPU is
 *         not loaded or is between fill and sync. EL2, on the vCPU's CPU.
 */
int armvirt_vgic_vcpu_put(struct armvirt_vgic *vgic, unsigned vcpu);

/**
 * @brief Program the list registers right before entering the guest.
 *
 * Refreshes the interrupts already in list registers (state changes made
 * while the vCPU was out, priority and group changes, level re-sampling),
 * then fills free registers with the highest-priority pending, enabled
 * interrupts whose group is enabled in both the distributor and the guest's
 * CPU interface, evicting lower-priority ones when full, and reloads
 * evicted active interrupts into registers left free. Writes only registers
 * whose contents change, and the control register (ICH_HCR_EL2 / GICH_HCR)
 * only when its value changes. Cost: O(L^2) for L list registers,
 * independent of how many interrupts are pending.
 *
 * Maintenance interrupts armed: no-pending (NPIE) while interrupts remain
 * queued; underflow (UIE) while evicted active interrupts wait for a free
 * register; EOIcount (LRENPIE) and, for a GICv3 guest, ICC_DIR_EL1 trapping
 * (TDIR) while any active interrupt is outside the list registers; group
 * enable (VGrpnEIE) while a queued interrupt waits for the guest to enable
 * its group, and group disable (VGrpnDIE) when the guest disabling a group
 * would strand pending list-register entries ahead of queued interrupts.
 * When queued interrupts wait but every register holds an active interrupt
 * that may not leave, each such register asks for an EOI maintenance
 * interrupt, so the first deactivation brings the vCPU out.
 *
 * An SPI that leaves the list registers while routed to another vCPU moves
 * there, which may be recorded in @p kicks.
 *
 * @param vgic  the virtual GIC
 * @param vcpu  the vCPU's index
 * @param kicks vCPUs to kick (may be NULL)
 * @return 0 or 1 (1 when @p kicks gained a vCPU); ARMVIRT_EINVAL for a bad
 *         index; ARMVIRT_EPERM if the vCPU is not loaded or is already
 *         between fill and sync. EL2, on the vCPU's CPU, with no interrupt
 *         taken between this call and the guest entry.
 */
int armvirt_vgic_vcpu_fill(struct armvirt_vgic *vgic, unsigned vcpu,
			   struct armvirt_vgic_kicks *kicks);

/**
 * @brief Fold the list registers back into the interrupt state right after
 *        an exit from the guest.
 *
 * Reads ICH_ELRSR_EL2 / GICH_ELRSR (and EISR when an EOI maintenance was
 * requested) and only the list registers still valid, records what the guest
 * acknowledged and deactivated, re-samples level-triggered interrupts it
 * deactivated, deactivates evicted active interrupts the guest ended (EOIcount),
 * clears a hardware-linked level interrupt's line level when the guest
 * deactivates it (the physical interrupt is deactivated by the same act; if
 * its source is still asserted the physical GIC signals it again), reads
 * ICH_VMCR_EL2 / GICH_VMCR, and disarms the maintenance interrupt. SPIs whose
 * routing changed while they were in flight move to their new target, which
 * may be recorded in @p kicks.
 * @param vgic  the virtual GIC
 * @param vcpu  the vCPU's index
 * @param kicks vCPUs to kick (may be NULL)
 * @return 0 or 1 (1 when @p kicks gained a vCPU); ARMVIRT_EINVAL for a bad
 *         index; ARMVIRT_EPERM if the vCPU did not go through fill. EL2, on
 *         the vCPU's CPU, before anything else touches the vCPU's interrupts.
 */
int armvirt_vgic_vcpu_sync(struct armvirt_vgic *vgic, unsigned vcpu,
			   struct armvirt_vgic_kicks *kicks);

/**
 * @brief Whether vCPU @p vcpu has an interrupt the guest would take now
 *        (for WFI): pending, enabled, its group enabled in the distributor
 *        and the guest's CPU interface, its priority higher than the
 *        guest's priority mask and its group priority higher than the
 *        running priority.
 * @param vgic the virtual GIC
 * @param vcpu the vCPU's index
 * @return 1 or 0; ARMVIRT_EINVAL for a bad index. Call on the vCPU's own CPU
 *         between sync and fill (the live active-priority registers are
 *         read), or while the vCPU is not loaded (the saved ones are used).
 */
int armvirt_vgic_vcpu_pending(struct armvirt_vgic *vgic, unsigned vcpu);

/**
 * @brief Make interrupt @p intid pending, as an edge on its input would.
 *
 * For a level-sensitive interrupt this sets the pending latch a GICD_ISPENDR
 * write sets: it stays pending until the guest acknowledges it.
 * @param vgic  the virtual GIC
 * @param vcpu  for a PPI, the vCPU whose PPI it is; ignored for an SPI
 * @param intid a PPI (16-31) or an SPI below 32 + the SPI count
 * @param kicks vCPUs to kick (may be NULL)
 * @return 1 if the target vCPU was added to @p kicks, 0 if it needs no kick;
 *         ARMVIRT_EINVAL for a bad index or an SGI or unknown INTID. Any
 *         physical CPU, EL2.
 */
int armvirt_vgic_inject(struct armvirt_vgic *vgic, unsigned vcpu, uint32_t intid,
			struct armvirt_vgic_kicks *kicks);

/**
 * @brief Set the level of interrupt @p intid's input line.
 *
 * A level-sensitive interrupt is pending while its line is high (or its
 * pending latch is set); an edge-triggered one becomes pending on a rising
 * edge. Lowering the line of a level-sensitive interrupt the guest has not
 * taken withdraws it (unless latched): at once if its vCPU is out of the
 * guest, including from the list registers saved by a put; at the vCPU's
 * next sync if it is running, for which it is kicked.
 * @param vgic  the virtual GIC
 * @param vcpu  for a PPI, the vCPU whose PPI it is; ignored for an SPI
 * @param intid a PPI (16-31) or an SPI below 32 + the SPI count
 * @param level the new line level
 * @param kicks vCPUs to kick (may be NULL)
 * @return 1 if the target vCPU was added to @p kicks, 0 if not;
 *         ARMVIRT_EINVAL as for armvirt_vgic_inject(). Any physical CPU, EL2.
 */
int armvirt_vgic_set_level(struct armvirt_vgic *vgic, unsigned vcpu, uint32_t intid, bool level,
			   struct armvirt_vgic_kicks *kicks);

/**
 * @brief Link virtual interrupt @p vintid to physical interrupt @p pintid.
 *
 * While linked, the interrupt's list register has the HW bit and @p pintid,
 * so the guest's deactivation deactivates the physical interrupt too (the
 * integrator acknowledges and priority-drops it but leaves it active,
 * physical EOImode 1). It is never pending and active in a list register at
 * once, and never evicted while active. When the guest deactivates it, a
 * level-sensitive one's line level is cleared: report the line again when
 * the physical interrupt fires again. Link it while the virtual interrupt is
 * inactive.
 * @param vgic   the virtual GIC
 * @param vcpu   for a PPI, the vCPU whose PPI it is; ignored for an SPI
 * @param vintid a PPI or SPI
 * @param pintid a physical PPI or SPI, 16 to 1019
 * @return 0; ARMVIRT_EINVAL for a bad index or INTID; ARMVIRT_EBUSY while
 *         the owning vCPU is between fill and sync (its list registers are
 *         live). EL2.
 */
int armvirt_vgic_map_hw(struct armvirt_vgic *vgic, unsigned vcpu, uint32_t vintid, uint32_t pintid);

/**
 * @brief Undo armvirt_vgic_map_hw(). The virtual interrupt keeps its state;
 *        if it is active, the physical interrupt is left active, for the
 *        caller to deal with.
 * @param vgic   the virtual GIC
 * @param vcpu   for a PPI, the vCPU whose PPI it is; ignored for an SPI
 * @param vintid the linked PPI or SPI
 * @return 0; ARMVIRT_EINVAL for a bad index or INTID or one not linked;
 *         ARMVIRT_EBUSY while the owning vCPU is between fill and sync. EL2.
 */
int armvirt_vgic_unmap_hw(struct armvirt_vgic *vgic, unsigned vcpu, uint32_t vintid);

/**
 * @brief Report the state of interrupt @p intid.
 *
 * For an interrupt in the list registers of a vCPU that is running in the
 * guest, pending and active are as of that vCPU's last exit.
 * @param vgic  the virtual GIC
 * @param vcpu  for an SGI or PPI, the vCPU whose interrupt it is
 * @param intid any implemented INTID
 * @param out   filled in
 * @return 0; ARMVIRT_EINVAL for a bad index, INTID or NULL @p out. EL2.
 */
int armvirt_vgic_get_irq(struct armvirt_vgic *vgic, unsigned vcpu, uint32_t intid,
			 struct armvirt_vgic_irq_info *out);

/**
 * @brief Emulate one guest access to the distributor or (GICv3) a
 *        redistributor.
 *
 * The frame and offset come from @p acc->addr and the bases in the
 * configuration. Every offset and width behaves as the GIC architecture
 * says: reserved and unimplemented registers, and registers that GICD_CTLR.ARE
 * or one security state make RAZ/WI, read as zero and ignore writes. Accesses
 * must be naturally aligned; 32-bit accesses reach every register, 8-bit ones
 * the byte-accessible registers (IPRIORITYR, ITARGETSR, CPENDSGIR,
 * SPENDSGIR), 64-bit ones GICD_IROUTER<n> and GICR_TYPER. Other sizes, which
 * the architecture leaves CONSTRAINED UNPREDICTABLE, are RAZ/WI. For a read,
 * @p acc->data is set.
 * @param vgic  the virtual GIC
 * @param vcpu  the vCPU that made the access (banked GICv2 registers, SGI source)
 * @param acc   the decoded access
 * @param kicks vCPUs to kick (may be NULL)
 * @return 0 or 1 (1 when @p kicks gained a vCPU, which may be @p vcpu
 *         itself when it is in the guest: sync and fill it before it
 *         resumes); ARMVIRT_ENOENT if the address is not in the virtual
 *         GIC's frames (the caller's other devices may claim it);
 *         ARMVIRT_EFAULT for a misaligned access or a size other than 1, 2,
 *         4 or 8 (give the guest an abort); ARMVIRT_EBUSY, having changed
 *         nothing, when @p vcpu is in the guest and the access is a read of
 *         the pending or active state (GICD/GICR_ISPENDR, ICPENDR,
 *         ISACTIVER, ICACTIVER; GICv2 GICD_SPENDSGIR, CPENDSGIR) covering
 *         an interrupt in flight on @p vcpu (in its list registers, or
 *         active), or a GICv2 GICD_CPENDSGIR write that clears some but not
 *         all of the sources its list registers hold pending: sync, make the
 *         access again, then fill; ARMVIRT_EINVAL for a bad index or NULL
 *         @p acc. EL2, on the accessing vCPU's CPU, either between sync and
 *         fill or while it is in the guest (between fill and sync).
 */
int armvirt_vgic_mmio(struct armvirt_vgic *vgic, unsigned vcpu, struct armvirt_mmio_access *acc,
		      struct armvirt_vgic_kicks *kicks);

/**
 * @brief Emulate a trapped write to a GICv3 CPU interface register.
 *
 * ICC_SGI1R_EL1 generates SGIs of either group (as the SGI is configured),
 * ICC_SGI0R_EL1 and ICC_ASGI1R_EL1 Group 0 SGIs only (one security state;
 * GICv3 4.8 and 12.2.23), to the vCPUs the affinity fields or IRM select.
 * ICC_DIR_EL1 deactivates an interrupt when the guest's EOImode is 1,
 * whether it is in a list register or not; a hardware-linked one is
 * deactivated physically too (armvirt_port_write_icc_dir_el1()).
 * @param vgic  the virtual GIC
 * @param vcpu  the vCPU that made the access
 * @param acc   the decoded access (@c enc, @c is_write, @c data)
 * @param kicks vCPUs to kick (may be NULL)
 * @return 0 or 1 (1 when @p kicks gained a vCPU, which may be @p vcpu
 *         itself when it is in the guest: sync and fill it before it
 *         resumes); ARMVIRT_ENOENT for an encoding the virtual GIC does not
 *         handle, or any of them in a GICv2 model; ARMVIRT_EFAULT for a read
 *         of these write-only registers (the access is UNDEFINED: give the
 *         guest an undefined instruction exception); ARMVIRT_EBUSY, having
 *         changed nothing, for ICC_DIR_EL1 while @p vcpu is in the guest
 *         (sync, make the access again, then fill); ARMVIRT_EINVAL for a bad
 *         index or NULL @p acc. EL2, on the accessing vCPU's CPU, either
 *         between sync and fill or while it is in the guest (SGIs).
 */
int armvirt_vgic_sysreg(struct armvirt_vgic *vgic, unsigned vcpu, struct armvirt_sysreg_access *acc,
			struct armvirt_vgic_kicks *kicks);

/**
 * @brief Check the internal consistency of @p vgic: queues ordered and
 *        complete, list-register copies matching interrupt state, every SPI
 *        owned by a valid vCPU. A debugging and testing aid.
 * @param vgic the virtual GIC
 * @return 0 if consistent, ARMVIRT_EINVAL at the first inconsistency found.
 *         Takes each vCPU's lock in turn; meaningful when no other call on
 *         @p vgic is in progress. EL2 or host builds.
 */
int armvirt_vgic_check(struct armvirt_vgic *vgic);

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_VGIC_H */

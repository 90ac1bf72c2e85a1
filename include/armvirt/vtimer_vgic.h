/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file vtimer_vgic.h
 * @brief The glue from lib/vtimer's timer lines to lib/vgic: level changes,
 *        hardware links while the vCPU runs, and the host PPIs' active state.
 *
 * lib/vtimer reports each guest timer's line (armvirt_vtimer_lines()) and
 * lib/vgic keeps the virtual interrupts; neither depends on the other. This
 * small library (libarmvirt-vtimer-vgic, which needs both) hands one to the
 * other, for one vCPU, in one call: armvirt_vtimer_vgic_update().
 *
 * For each of the vCPU's two timers it
 *  - sets the guest PPI's line level in the vGIC (ISTATUS && ENABLE && !IMASK,
 *    now), so a timer that expires makes it pending and a timer the guest
 *    disables, masks or moves into the future withdraws it;
 *  - while a hardware timer backs the guest timer (vCPU loaded, mode DIRECT
 *    or TRAP_HW), links the virtual interrupt to the host PPI
 *    (armvirt_vgic_map_hw()), so the guest's deactivation deactivates the
 *    physical interrupt without a trap; otherwise (vCPU not loaded, or
 *    TRAP_SW) unlinks it and the level is a software injection;
 *  - keeps the host PPI's active state in step: while a hardware timer backs
 *    the guest timer, the host PPI is active exactly while the virtual
 *    interrupt is pending or active, so the restored timer cannot interrupt
 *    EL2 for an interrupt the guest already has, and an expiry the guest has
 *    not yet been given does interrupt EL2. The port reaches no distributor
 *    or redistributor, so the glue does not write the host GIC itself: it
 *    says which host PPIs to make active or inactive
 *    (struct armvirt_vtimer_vgic_phys), for the integrator to write to
 *    GICR_ISACTIVER0 / GICR_ICACTIVER0 (GICv3) or GICD_ISACTIVER0 /
 *    GICD_ICACTIVER0 (GICv2, banked per CPU).
 *
 * A virtual interrupt that is active when its timer becomes hardware-backed
 * (an interrupt the guest was handling when it was scheduled out) is linked
 * only once the guest has deactivated it: lib/vgic links interrupts while
 * inactive, and the host PPI is held active meanwhile.
 *
 * Concurrency and exception level: as for the vCPU's own vtimer and vGIC
 * calls. Calls for one vCPU must not run concurrently. For a loaded vCPU,
 * call at EL2 on the physical CPU running it, outside the window between
 * armvirt_vgic_vcpu_fill() and armvirt_vgic_vcpu_sync(). Nothing allocates.
 */
#ifndef ARMVIRT_VTIMER_VGIC_H
#define ARMVIRT_VTIMER_VGIC_H

#include <armvirt/types.h>
#include <armvirt/vgic.h>
#include <armvirt/vtimer.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * One vCPU's connection between its timers and its virtual GIC. Allocate it
 * anywhere; set it up with armvirt_vtimer_vgic_init(); read and change it
 * only through this API.
 */
struct armvirt_vtimer_vgic {
	struct armvirt_vtimer_vcpu *timer; /**< The vCPU's timers. */
	struct armvirt_vgic *gic;	   /**< The VM's virtual GIC. */
	unsigned vcpu;			   /**< The vCPU's index in @c gic. */
	/** Whether a hardware timer backed each timer at the last update. */
	bool hw[ARMVIRT_VTIMER_NR];
	/** Whether each hardware-backed timer's host PPI is active, as last arranged. */
	bool phys_active[ARMVIRT_VTIMER_NR];
	/** The line level each timer's interrupt has in the vGIC, as last set. */
	bool level[ARMVIRT_VTIMER_NR];
	/** Whether @c level holds for each timer (from its first update on). */
	bool level_known[ARMVIRT_VTIMER_NR];
};

/**
 * What the integrator must do to this physical CPU's host PPIs after
 * armvirt_vtimer_vgic_update(): bit @e n stands for INTID @e n (16 to 31),
 * the layout of GICR_ISACTIVER0 / GICR_ICACTIVER0 and of the banked
 * GICD_ISACTIVER0 / GICD_ICACTIVER0.
 */
struct armvirt_vtimer_vgic_phys {
	/** Make these PPIs active (write the mask to GICR_ISACTIVER0 or GICD_ISACTIVER0). */
	uint32_t activate;
	/**
	 * Make these PPIs inactive (write the mask to GICR_ICACTIVER0 or
	 * GICD_ICACTIVER0; for a PPI EL2 acknowledged, ICC_DIR_EL1 or GICC_DIR
	 * with EOImode 1 does as well).
	 */
	uint32_t deactivate;
};

/**
 * @brief Connect a vCPU's timers to its virtual GIC.
 * @param g     the state to initialise (any previous content is ignored)
 * @param timer the vCPU's timers, initialised (armvirt_vtimer_vcpu_init())
 * @param gic   the VM's virtual GIC, initialised (armvirt_vgic_init())
 * @param vcpu  the vCPU's index in @p gic
 * @return ::ARMVIRT_OK; ::ARMVIRT_EINVAL if @p vcpu is not a vCPU of
 *         @p gic (nothing is written to @p g then).
 *
 * Touches neither the timers nor the vGIC's interrupt state: the first
 * armvirt_vtimer_vgic_update() does. The glue takes over the two guest
 * timer PPIs' line levels and hardware links; nothing else should set them.
 * It remembers the levels it set: a timer no hardware backs, now or at the
 * previous update, is updated without reading the vGIC (only a linked
 * interrupt's level changes there without the glue). Initialise the glue
 * again whenever @p gic is initialised again.
 * EL2 (reads the vGIC's state under its lock).
 */
int armvirt_vtimer_vgic_init(struct armvirt_vtimer_vgic *g, struct armvirt_vtimer_vcpu *timer,
			     struct armvirt_vgic *gic, unsigned vcpu);

/**
 * @brief Hand the vCPU's timer lines to the vGIC and say what the host PPIs
 *        need.
 * @param g      the vCPU's glue
 * @param taken  host PPIs (bit @e n: INTID @e n) that EL2 has just
 *               acknowledged on this CPU and priority-dropped without
 *               deactivating (EOImode 1); 0 when the call is for another
 *               reason
 * @param kicks  vCPUs to kick (see vgic.h), as armvirt_vgic_set_level()
 *               records them; may be NULL
 * @param phys   receives the host PPIs to make active or inactive on this
 *               CPU, to apply before entering the guest: only changes, but
 *               for the first call after a load, which states both
 * @return 0, or 1 if @p kicks gained a vCPU; ::ARMVIRT_EINVAL if @p taken
 *         has bits below 16, or both timers are hardware-backed with the
 *         same host PPI, or the vGIC rejects the vCPU or a timer INTID;
 *         ::ARMVIRT_EBUSY if a hardware link must change while the vCPU is
 *         between armvirt_vgic_vcpu_fill() and armvirt_vgic_vcpu_sync().
 *         On error nothing changed and @p phys is zero.
 *
 * Call it after every event that can move a timer line or its backing:
 *  - after armvirt_vtimer_vcpu_load() (with armvirt_vgic_vcpu_load()),
 *    before the first fill: the host PPIs of the hardware-backed timers are
 *    then set explicitly, active or inactive, whatever the CPU last did
 *    with them;
 *  - after armvirt_vtimer_vcpu_put(), on the same CPU: the links are
 *    removed, the lines become software injections and host PPIs left active
 *    are deactivated;
 *  - after a trapped timer access (armvirt_vtimer_sysreg_access());
 *  - when EL2 takes a host timer PPI: acknowledge it, drop its priority, do
 *    not deactivate it, and pass it in @p taken (a PPI that no timer of this
 *    vCPU backs now is returned in @c deactivate);
 *  - when the integrator's EL2 timer fires for a vCPU that is not loaded or
 *    has a TRAP_SW timer (armvirt_vtimer_next_deadline()), on a resume, and
 *    after a counter change;
 *  - preferably after every exit of a loaded vCPU: a DIRECT timer's guest
 *    changes nothing visible to EL2, so a guest that masks, disables or
 *    reprograms it while its interrupt is pending is only seen at an
 *    exit, which withdraws the interrupt (as KVM resamples at each exit).
 *
 * Reads the vCPU's timers (CNTPCT_EL0, and the hardware timers of a loaded
 * vCPU) and the vGIC's state; changes the two guest PPIs' levels and links.
 * EL2; see the file comment for the physical CPU and concurrency rules.
 */
int armvirt_vtimer_vgic_update(struct armvirt_vtimer_vgic *g, uint32_t taken,
			       struct armvirt_vgic_kicks *kicks,
			       struct armvirt_vtimer_vgic_phys *phys);

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_VTIMER_VGIC_H */

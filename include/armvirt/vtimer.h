/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file vtimer.h
 * @brief Generic-timer virtualization: virtual time, the guest's virtual and
 *        physical EL1 timers, their interrupt lines and deadlines.
 *
 * Arm ARM D11, "The Generic Timer in AArch64 state". A guest at EL1 sees two
 * timers: the virtual timer (CNTV_*, compared against the virtual counter
 * CNTVCT_EL0) and the EL1 physical timer (CNTP_*, compared against
 * CNTPCT_EL0). This component gives each VM one counter offset, so that the
 * guest's counters read `host CNTPCT_EL0 - offset` on every vCPU, and keeps
 * each vCPU's two timers correct across scheduling:
 *
 *  - **switch-in / switch-out**: armvirt_vtimer_vcpu_load() and
 *    armvirt_vtimer_vcpu_put() restore and save the timers and configure
 *    CNTHCTL_EL2; a timer is disabled in hardware while its vCPU is out, so it
 *    never fires into another context;
 *  - **trap emulation**: armvirt_vtimer_sysreg_access() emulates trapped
 *    timer and counter accesses (CNTP_CTL/CVAL/TVAL, CNTPCT and, when
 *    trapped, the CNTV_* registers and CNTVCT);
 *  - **lines**: armvirt_vtimer_lines() says, at any moment, which timer PPIs
 *    the vCPU should see asserted (ISTATUS && ENABLE && !IMASK) and which are
 *    backed by a hardware timer that can be HW-linked in the vGIC;
 *  - **deadlines**: armvirt_vtimer_next_deadline() gives the host-counter
 *    value at which the next software-visible timer will assert its line, so
 *    the integrator can arm its EL2 timer (armvirt_vtimer_hyp_arm()).
 *
 * How each guest timer is backed is a ::armvirt_vtimer_mode. The target is
 * an nVHE hypervisor (HCR_EL2.E2H == 0): CNTHCTL_EL2 is used with that
 * layout. The component reads the machine only through port.h. All counter
 * values are in ticks of the system counter (CNTFRQ_EL0 per second).
 *
 * Concurrency: functions on one vCPU must not run concurrently with each
 * other; the VM-wide functions (armvirt_vtimer_vm_*, armvirt_vtimer_vcpu_init)
 * must not run concurrently with any function on that VM's vCPUs. Different
 * vCPUs of one VM may be operated on concurrently from different CPUs.
 * Nothing allocates; all state is in caller-owned structs.
 */
#ifndef ARMVIRT_VTIMER_H
#define ARMVIRT_VTIMER_H

#include <armvirt/access.h>
#include <armvirt/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The guest's two EL1 timers. */
enum armvirt_vtimer_id {
	ARMVIRT_VTIMER_VIRT = 0, /**< The virtual timer, CNTV_* (guest PPI 27 by default). */
	ARMVIRT_VTIMER_PHYS = 1, /**< The EL1 physical timer, CNTP_* (guest PPI 30 by default). */
	ARMVIRT_VTIMER_NR = 2,	 /**< Number of timers; not a timer. */
};

/**
 * How a guest timer is backed.
 *
 * | Mode | Guest accesses | Hardware timer while loaded | Needs |
 * |---|---|---|---|
 * | DIRECT | not trapped | the guest's own, offset by CNTVOFF_EL2 / CNTPOFF_EL2 | VIRT: nothing; PHYS: FEAT_ECV with CNTPOFF_EL2 (ID_AA64MMFR0_EL1.ECV >= 2) |
 * | TRAP_HW | trapped and emulated | programmed by armvirt as an alarm in host time | PHYS: nothing; VIRT: FEAT_ECV (ECV >= 1) for the CNTHCTL_EL2.EL1TVT/EL1TVCT traps |
 * | TRAP_SW | trapped and emulated | none: the integrator's EL2 timer wakes it | as TRAP_HW |
 *
 * TRAP_HW for the virtual timer is the workaround for implementations whose
 * CNTVOFF_EL2 misbehaves when non-zero (see docs/vtimer.md): CNTVOFF_EL2 is
 * kept at zero and the offset is applied in software.
 */
enum armvirt_vtimer_mode {
	ARMVIRT_VTIMER_MODE_AUTO = 0, /**< VIRT: DIRECT. PHYS: DIRECT with CNTPOFF, else TRAP_SW. */
	ARMVIRT_VTIMER_MODE_DIRECT,   /**< The guest drives the hardware timer itself. */
	ARMVIRT_VTIMER_MODE_TRAP_HW,  /**< Emulated; the hardware timer raises its PPI on time. */
	ARMVIRT_VTIMER_MODE_TRAP_SW,  /**< Emulated entirely in software. */
};

/** What guest time does while the VM is paused (armvirt_vtimer_vm_pause()). */
enum armvirt_vtimer_pause_policy {
	/**
	 * Guest counters stop: on resume the offset grows by the paused time,
	 * so the guest sees no gap and no timer fires for time it did not run.
	 */
	ARMVIRT_VTIMER_PAUSE_FREEZE = 0,
	/**
	 * Guest counters keep following the host counter; timers that expire
	 * while paused are asserted on resume (wall-clock time is preserved).
	 */
	ARMVIRT_VTIMER_PAUSE_RUN,
};

/** How to build a VM's timers; fill with armvirt_vtimer_config_default(). */
struct armvirt_vtimer_config {
	uint32_t intid[ARMVIRT_VTIMER_NR];    /**< Guest PPI of each timer (16..31, distinct). */
	uint32_t hw_intid[ARMVIRT_VTIMER_NR]; /**< Host PPI of each hardware timer (16..31). */
	enum armvirt_vtimer_mode mode[ARMVIRT_VTIMER_NR]; /**< Backing of each timer. */
	enum armvirt_vtimer_pause_policy pause;		  /**< Guest time while paused. */
	uint64_t counter; /**< Value of the guest's counters at armvirt_vtimer_vm_init(). */
};

struct armvirt_vtimer_vcpu;

/**
 * One VM's timer state. Allocate it anywhere; set it up with
 * armvirt_vtimer_vm_init(); read and change it only through this API.
 */
struct armvirt_vtimer_vm {
	uint64_t offset;		      /**< Host counter minus guest counter, in ticks. */
	uint64_t paused_at;		      /**< Host counter when the VM was paused. */
	struct armvirt_vtimer_vcpu *vcpus;    /**< The VM's vCPUs, newest first. */
	uint32_t intid[ARMVIRT_VTIMER_NR];    /**< Guest PPIs. */
	uint32_t hw_intid[ARMVIRT_VTIMER_NR]; /**< Host PPIs of the hardware timers. */
	enum armvirt_vtimer_mode mode[ARMVIRT_VTIMER_NR]; /**< Resolved modes (never AUTO). */
	enum armvirt_vtimer_pause_policy pause;		  /**< Pause policy. */
	bool ecv;					  /**< FEAT_ECV (ECV >= 1). */
	bool paused;					  /**< Between pause and resume. */
};

/**
 * One vCPU's timer state. Allocate it anywhere; set it up with
 * armvirt_vtimer_vcpu_init(); read and change it only through this API.
 */
struct armvirt_vtimer_vcpu {
	struct armvirt_vtimer_vm *vm;	  /**< The VM this vCPU belongs to. */
	struct armvirt_vtimer_vcpu *next; /**< The VM's next vCPU. */
	uint64_t ctl[ARMVIRT_VTIMER_NR];  /**< Saved CNTx_CTL_EL0 ENABLE and IMASK bits. */
	uint64_t cval[ARMVIRT_VTIMER_NR]; /**< Saved CNTx_CVAL_EL0, in guest counter ticks. */
	bool loaded;			  /**< Between load and put. */
};

/** The interrupt line of one guest timer, as the vGIC should see it. */
struct armvirt_vtimer_line {
	uint32_t intid;	   /**< Guest PPI. */
	uint32_t hw_intid; /**< Host PPI to HW-link to when @c hw is true. */
	bool level;	   /**< Line asserted: ISTATUS && ENABLE && !IMASK, now. */
	/**
	 * A hardware timer backs this line now (the vCPU is loaded and the
	 * timer is DIRECT or TRAP_HW): the virtual interrupt should be linked
	 * to @c hw_intid so the guest's deactivation deactivates the physical
	 * interrupt. When false, the level is injected in software.
	 */
	bool hw;
};

/** Both lines of a vCPU, indexed by ::armvirt_vtimer_id. */
struct armvirt_vtimer_lines {
	struct armvirt_vtimer_line line[ARMVIRT_VTIMER_NR]; /**< One per timer. */
};

/**
 * @brief Fill @p cfg with the defaults: guest and host PPIs 27 (virtual) and
 *        30 (physical), both modes AUTO, ::ARMVIRT_VTIMER_PAUSE_FREEZE and a
 *        guest counter starting at 0.
 * @param cfg the configuration to fill
 *
 * Any exception level; touches no hardware.
 */
void armvirt_vtimer_config_default(struct armvirt_vtimer_config *cfg);

/**
 * @brief Set up a VM's timer state.
 * @param vm  the state to initialise (any previous content is ignored)
 * @param cfg the configuration (see armvirt_vtimer_config_default())
 * @return ::ARMVIRT_OK;
 *         ::ARMVIRT_EINVAL if a PPI is outside 16..31, the guest PPIs are
 *         equal, or a mode or policy is not a listed value;
 *         ::ARMVIRT_ENOTSUP if a mode needs FEAT_ECV that the CPU lacks
 *         (see ::armvirt_vtimer_mode).
 *
 * Reads ID_AA64MMFR0_EL1 and CNTPCT_EL0: call at EL2. The guest counters
 * then read @c cfg->counter and count from there. The VM has no vCPU yet.
 */
int armvirt_vtimer_vm_init(struct armvirt_vtimer_vm *vm, const struct armvirt_vtimer_config *cfg);

/**
 * @brief The mode a timer of the VM resolved to (never AUTO).
 * @param vm    an initialised VM
 * @param timer which timer
 * @return its mode; ::ARMVIRT_VTIMER_MODE_AUTO if @p timer is out of range.
 *
 * Any exception level; touches no hardware.
 */
enum armvirt_vtimer_mode armvirt_vtimer_vm_mode(const struct armvirt_vtimer_vm *vm,
						enum armvirt_vtimer_id timer);

/**
 * @brief The VM's guest counter (CNTVCT_EL0 and CNTPCT_EL0 as the guest
 *        reads them) now.
 * @param vm an initialised VM
 * @return the count in ticks; while paused under ::ARMVIRT_VTIMER_PAUSE_FREEZE,
 *         the count at which it was paused.
 *
 * Reads CNTPCT_EL0: call at EL2.
 */
uint64_t armvirt_vtimer_vm_counter(const struct armvirt_vtimer_vm *vm);

/**
 * @brief Make the VM's guest counter read @p value now (boot, restore after
 *        migration), by changing the VM's offset.
 * @param vm    an initialised VM
 * @param value the guest counter value, in ticks
 * @return ::ARMVIRT_OK; ::ARMVIRT_EBUSY if one of the VM's vCPUs is loaded.
 *
 * Armed timers keep their compare values, which are in guest time: moving
 * the counter forward past one asserts its line, moving it back drops it,
 * and its deadline in host time moves with the offset. On a paused VM the
 * value is what the counter reads on resume. Reads CNTPCT_EL0: call at EL2.
 */
int armvirt_vtimer_vm_set_counter(struct armvirt_vtimer_vm *vm, uint64_t value);

/**
 * @brief Pause the VM's guest time according to its pause policy.
 * @param vm an initialised VM
 * @return ::ARMVIRT_OK; ::ARMVIRT_EPERM if already paused;
 *         ::ARMVIRT_EBUSY if one of the VM's vCPUs is loaded (put them first).
 *
 * Until armvirt_vtimer_vm_resume(), armvirt_vtimer_vcpu_load() refuses the
 * VM's vCPUs. Reads CNTPCT_EL0: call at EL2.
 */
int armvirt_vtimer_vm_pause(struct armvirt_vtimer_vm *vm);

/**
 * @brief Resume a paused VM's guest time.
 * @param vm a paused VM
 * @return ::ARMVIRT_OK; ::ARMVIRT_EPERM if the VM is not paused.
 *
 * Under ::ARMVIRT_VTIMER_PAUSE_FREEZE the offset grows by the time spent
 * paused, so the guest counter continues from the value it was paused at.
 * Reads CNTPCT_EL0: call at EL2.
 */
int armvirt_vtimer_vm_resume(struct armvirt_vtimer_vm *vm);

/**
 * @brief Set up a vCPU's timers (both disabled, compare values 0) and add it
 *        to @p vm.
 * @param vcpu the state to initialise; not a vCPU of another VM
 * @param vm   the VM it belongs to
 * @return ::ARMVIRT_OK; ::ARMVIRT_EEXIST if @p vcpu is already one of
 *         @p vm's vCPUs.
 *
 * Any exception level; touches no hardware.
 */
int armvirt_vtimer_vcpu_init(struct armvirt_vtimer_vcpu *vcpu, struct armvirt_vtimer_vm *vm);

/**
 * @brief Reset a vCPU's timers to their state after a warm reset (both
 *        disabled, compare values 0), as for PSCI CPU_ON.
 * @param vcpu an initialised vCPU
 * @return ::ARMVIRT_OK; ::ARMVIRT_EBUSY if the vCPU is loaded.
 *
 * Any exception level; touches no hardware.
 */
int armvirt_vtimer_vcpu_reset(struct armvirt_vtimer_vcpu *vcpu);

/**
 * @brief Switch a vCPU's timers in, on the CPU about to run it.
 * @param vcpu an initialised vCPU that is not loaded
 * @return ::ARMVIRT_OK; ::ARMVIRT_EBUSY if already loaded;
 *         ::ARMVIRT_EPERM if its VM is paused.
 *
 * Configures CNTHCTL_EL2 (traps per mode, other fields kept), writes the
 * offsets (CNTVOFF_EL2, and CNTPOFF_EL2 for a DIRECT physical timer), then
 * each hardware-backed timer's compare value, an ISB, and its control. The
 * ERET into the guest is the final context synchronisation. Call at EL2
 * with interrupts masked, after the previous vCPU on this CPU was put.
 */
int armvirt_vtimer_vcpu_load(struct armvirt_vtimer_vcpu *vcpu);

/**
 * @brief Switch a vCPU's timers out, on the CPU that ran it.
 * @param vcpu a loaded vCPU
 * @return ::ARMVIRT_OK; ::ARMVIRT_EPERM if not loaded.
 *
 * Saves the state of the DIRECT timers, disables every hardware timer the
 * vCPU used and issues an ISB, so nothing of this vCPU fires afterwards
 * (a PPI already signalled may still be taken: armvirt_vtimer_lines() tells
 * whether it still matters). Call at EL2 with interrupts masked.
 */
int armvirt_vtimer_vcpu_put(struct armvirt_vtimer_vcpu *vcpu);

/**
 * @brief The timer lines the vCPU should see now.
 * @param vcpu an initialised vCPU
 * @param out  receives one ::armvirt_vtimer_line per timer
 * @return ::ARMVIRT_OK.
 *
 * Call after every event that can change a line: a timer PPI or the EL2
 * timer firing, a trapped timer access, a put, a load, a resume or a counter
 * change; hand each line to the vGIC (docs/vtimer.md shows the glue). A
 * loaded vCPU's lines are read from the hardware timers: call at EL2 on the
 * CPU running it. Reads CNTPCT_EL0.
 */
int armvirt_vtimer_lines(const struct armvirt_vtimer_vcpu *vcpu, struct armvirt_vtimer_lines *out);

/**
 * @brief The host-counter value at which the next timer that needs software
 *        attention asserts its line.
 * @param vcpu     an initialised vCPU
 * @param deadline receives the host CNTPCT_EL0 value (saturated at
 *                 UINT64_MAX) when the return value is 1
 * @return 1 if a deadline was stored; 0 if no such timer will assert its
 *         line without a guest action.
 *
 * A vCPU that is not loaded (descheduled, or blocked in WFI after a put):
 * every timer counts. A loaded vCPU: only ::ARMVIRT_VTIMER_MODE_TRAP_SW
 * timers, since the hardware raises the others. Timers whose line is already
 * asserted, disabled or masked have no deadline; neither has any timer of a
 * VM paused under ::ARMVIRT_VTIMER_PAUSE_FREEZE. Arm the EL2 timer with the
 * earliest deadline of the CPU's vCPUs; when it fires, call
 * armvirt_vtimer_lines(). Reads CNTPCT_EL0: call at EL2.
 */
int armvirt_vtimer_next_deadline(const struct armvirt_vtimer_vcpu *vcpu, uint64_t *deadline);

/**
 * @brief Emulate a trapped access to a timer or counter register.
 * @param vcpu the vCPU that trapped (normally loaded)
 * @param acc  the decoded access: for a read, @c data receives the value
 * @return ::ARMVIRT_OK when emulated (the integrator completes the
 *         instruction and then calls armvirt_vtimer_lines());
 *         ::ARMVIRT_ENOENT if @c acc->enc is not one of the registers below
 *         (try another emulator);
 *         ::ARMVIRT_EINVAL for a write to a counter, which is read-only
 *         (the guest should get an UNDEFINED exception).
 *
 * Registers: CNTP_CTL_EL0, CNTP_CVAL_EL0, CNTP_TVAL_EL0, CNTV_CTL_EL0,
 * CNTV_CVAL_EL0, CNTV_TVAL_EL0, CNTPCT_EL0, CNTVCT_EL0, CNTPCTSS_EL0 and
 * CNTVCTSS_EL0, with the semantics of Arm ARM D11.2.4: TVAL reads as
 * (CVAL - counter)[31:0] and a TVAL write sets CVAL to counter +
 * SignExtend(TVAL[31:0]); CTL.ISTATUS is computed (0 while disabled); the
 * counters read the VM's guest counter. AArch32 accesses are emulated when
 * the decoder presents them under these AArch64 encodings. A DIRECT timer's
 * registers are emulated against the live hardware registers while the vCPU
 * is loaded. Call at EL2.
 */
int armvirt_vtimer_sysreg_access(struct armvirt_vtimer_vcpu *vcpu,
				 struct armvirt_sysreg_access *acc);

/**
 * @brief Arm this CPU's EL2 physical timer (CNTHP) to assert its PPI when the
 *        host counter reaches @p deadline.
 * @param deadline host CNTPCT_EL0 value, typically from
 *                 armvirt_vtimer_next_deadline()
 *
 * Writes CNTHP_CVAL_EL2, then CNTHP_CTL_EL2 = ENABLE (unmasked); a deadline
 * in the past asserts the PPI at once. Call at EL2.
 */
void armvirt_vtimer_hyp_arm(uint64_t deadline);

/** @brief Disable this CPU's EL2 physical timer (CNTHP_CTL_EL2 = 0). Call at EL2. */
void armvirt_vtimer_hyp_disarm(void);

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_VTIMER_H */

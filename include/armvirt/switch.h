/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file switch.h
 * @brief The world switch: EL2 vectors, guest entry and exit, vCPU context.
 *
 * lib/switch runs a vCPU on the calling physical CPU until it exits, and
 * keeps everything the vCPU owns. The state is split by how often it moves:
 *
 *  - **Hot state**, moved on every exit and entry by the vectors:
 *    X0-X30, the guest PC (ELR_EL2) and PSTATE (SPSR_EL2), plus the
 *    syndrome of the exit (ESR_EL2, FAR_EL2, HPFAR_EL2).
 *  - **Resident state**, moved only by armvirt_switch_vcpu_load() and
 *    armvirt_switch_vcpu_put(): the EL1/EL0 system registers of
 *    ::ARMVIRT_SWITCH_EL1_REGS (SP_EL0, SP_EL1, ELR_EL1, SPSR_EL1, SCTLR_EL1,
 *    ...), VMPIDR_EL2/VPIDR_EL2 and, when implemented, the
 *    pointer-authentication keys and the AArch32 banked registers. Resuming
 *    the vCPU that is already loaded on this CPU costs none of it.
 *  - **FP/SIMD state** (V0-V31, FPSR, FPCR), switched lazily through
 *    CPTR_EL2.TFP: it moves only when a vCPU (or the host, after a vCPU)
 *    actually executes an FP/SIMD instruction.
 *
 * Exits that the integrator can answer without leaving EL2's exit path
 * (hypercalls, trapped system registers, simple MMIO) go to *fast handlers*
 * chosen by exception class from a ::armvirt_switch_handlers table; the
 * handler runs with the guest's registers in memory and returns
 * ::ARMVIRT_SWITCH_RESUME to re-enter the guest at once. Anything else
 * returns from armvirt_switch_run() to the integrator's exit loop.
 *
 * The library runs at EL2 with HCR_EL2.E2H = 0 (nVHE); docs/switch.md says
 * what a VHE host would change. It owns TPIDR_EL2 (pointing at the CPU's
 * ::armvirt_switch_cpu) and VBAR_EL2 on every CPU it is initialised on.
 *
 * Concurrency: a ::armvirt_switch_cpu belongs to one physical CPU and is used
 * only by that CPU. A vCPU is loaded on at most one CPU at a time
 * (armvirt_switch_vcpu_load() refuses otherwise); moving it between CPUs
 * needs armvirt_switch_vcpu_put() on the old CPU first, ordered before the
 * load by the integrator (a lock or a barrier).
 *
 * EL2 code that runs while a vCPU may own the FP/SIMD registers must not use
 * them: the fast handlers and everything they call must be built with
 * `-mgeneral-regs-only`. Code that runs after armvirt_switch_run() returns may
 * use FP/SIMD freely: its first use traps and brings the host's registers
 * back.
 */
#ifndef ARMVIRT_SWITCH_H
#define ARMVIRT_SWITCH_H

#include <armvirt/switch_regs.h>
#include <armvirt/types.h>
#include <stdalign.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The resident EL1/EL0 context of a vCPU, as one list.
 *
 * Each entry is X(NAME, port accessor name, feature). The feature says when
 * the register is switched: ARMVIRT_SWITCH_FEAT_BASE always,
 * ARMVIRT_SWITCH_FEAT_PAUTH when the CPU implements pointer authentication,
 * ARMVIRT_SWITCH_FEAT_AARCH32 when EL1 can be AArch32. The list drives the
 * ::armvirt_switch_el1_reg enumeration, the save and the restore: it is the
 * one place to add a register.
 */
#define ARMVIRT_SWITCH_EL1_REGS(X)                                                                 \
	X(SCTLR_EL1, sctlr_el1, ARMVIRT_SWITCH_FEAT_BASE)                                          \
	X(ACTLR_EL1, actlr_el1, ARMVIRT_SWITCH_FEAT_BASE)                                          \
	X(CPACR_EL1, cpacr_el1, ARMVIRT_SWITCH_FEAT_BASE)                                          \
	X(TTBR0_EL1, ttbr0_el1, ARMVIRT_SWITCH_FEAT_BASE)                                          \
	X(TTBR1_EL1, ttbr1_el1, ARMVIRT_SWITCH_FEAT_BASE)                                          \
	X(TCR_EL1, tcr_el1, ARMVIRT_SWITCH_FEAT_BASE)                                              \
	X(ESR_EL1, esr_el1, ARMVIRT_SWITCH_FEAT_BASE)                                              \
	X(AFSR0_EL1, afsr0_el1, ARMVIRT_SWITCH_FEAT_BASE)                                          \
	X(AFSR1_EL1, afsr1_el1, ARMVIRT_SWITCH_FEAT_BASE)                                          \
	X(FAR_EL1, far_el1, ARMVIRT_SWITCH_FEAT_BASE)                                              \
	X(PAR_EL1, par_el1, ARMVIRT_SWITCH_FEAT_BASE)                                              \
	X(MAIR_EL1, mair_el1, ARMVIRT_SWITCH_FEAT_BASE)                                            \
	X(AMAIR_EL1, amair_el1, ARMVIRT_SWITCH_FEAT_BASE)                                          \
	X(VBAR_EL1, vbar_el1, ARMVIRT_SWITCH_FEAT_BASE)                                            \
	X(CONTEXTIDR_EL1, contextidr_el1, ARMVIRT_SWITCH_FEAT_BASE)                                \
	X(TPIDR_EL0, tpidr_el0, ARMVIRT_SWITCH_FEAT_BASE)                                          \
	X(TPIDRRO_EL0, tpidrro_el0, ARMVIRT_SWITCH_FEAT_BASE)                                      \
	X(TPIDR_EL1, tpidr_el1, ARMVIRT_SWITCH_FEAT_BASE)                                          \
	X(CNTKCTL_EL1, cntkctl_el1, ARMVIRT_SWITCH_FEAT_BASE)                                      \
	X(CSSELR_EL1, csselr_el1, ARMVIRT_SWITCH_FEAT_BASE)                                        \
	X(MDSCR_EL1, mdscr_el1, ARMVIRT_SWITCH_FEAT_BASE)                                          \
	X(SP_EL0, sp_el0, ARMVIRT_SWITCH_FEAT_BASE)                                                \
	X(SP_EL1, sp_el1, ARMVIRT_SWITCH_FEAT_BASE)                                                \
	X(ELR_EL1, elr_el1, ARMVIRT_SWITCH_FEAT_BASE)                                              \
	X(SPSR_EL1, spsr_el1, ARMVIRT_SWITCH_FEAT_BASE)                                            \
	X(VMPIDR_EL2, vmpidr_el2, ARMVIRT_SWITCH_FEAT_BASE)                                        \
	X(VPIDR_EL2, vpidr_el2, ARMVIRT_SWITCH_FEAT_BASE)                                          \
	X(APIAKEYLO_EL1, apiakeylo_el1, ARMVIRT_SWITCH_FEAT_PAUTH)                                 \
	X(APIAKEYHI_EL1, apiakeyhi_el1, ARMVIRT_SWITCH_FEAT_PAUTH)                                 \
	X(APIBKEYLO_EL1, apibkeylo_el1, ARMVIRT_SWITCH_FEAT_PAUTH)                                 \
	X(APIBKEYHI_EL1, apibkeyhi_el1, ARMVIRT_SWITCH_FEAT_PAUTH)                                 \
	X(APDAKEYLO_EL1, apdakeylo_el1, ARMVIRT_SWITCH_FEAT_PAUTH)                                 \
	X(APDAKEYHI_EL1, apdakeyhi_el1, ARMVIRT_SWITCH_FEAT_PAUTH)                                 \
	X(APDBKEYLO_EL1, apdbkeylo_el1, ARMVIRT_SWITCH_FEAT_PAUTH)                                 \
	X(APDBKEYHI_EL1, apdbkeyhi_el1, ARMVIRT_SWITCH_FEAT_PAUTH)                                 \
	X(APGAKEYLO_EL1, apgakeylo_el1, ARMVIRT_SWITCH_FEAT_PAUTH)                                 \
	X(APGAKEYHI_EL1, apgakeyhi_el1, ARMVIRT_SWITCH_FEAT_PAUTH)                                 \
	X(SPSR_IRQ, spsr_irq, ARMVIRT_SWITCH_FEAT_AARCH32)                                         \
	X(SPSR_ABT, spsr_abt, ARMVIRT_SWITCH_FEAT_AARCH32)                                         \
	X(SPSR_UND, spsr_und, ARMVIRT_SWITCH_FEAT_AARCH32)                                         \
	X(SPSR_FIQ, spsr_fiq, ARMVIRT_SWITCH_FEAT_AARCH32)                                         \
	X(DACR32_EL2, dacr32_el2, ARMVIRT_SWITCH_FEAT_AARCH32)                                     \
	X(IFSR32_EL2, ifsr32_el2, ARMVIRT_SWITCH_FEAT_AARCH32)                                     \
	X(FPEXC32_EL2, fpexc32_el2, ARMVIRT_SWITCH_FEAT_AARCH32)

/** @name CPU features the switch adapts to (::armvirt_switch_cpu.features)
 * @{ */
#define ARMVIRT_SWITCH_FEAT_BASE 0u	      /**< Always present. */
#define ARMVIRT_SWITCH_FEAT_PAUTH (1u << 0)   /**< Pointer authentication (FEAT_PAuth). */
#define ARMVIRT_SWITCH_FEAT_AARCH32 (1u << 1) /**< EL1 can run AArch32. */
#define ARMVIRT_SWITCH_FEAT_SVE (1u << 2)     /**< SVE implemented (trapped for guests). */
/** @} */

/// @cond ARMVIRT_INTERNAL
#define ARMVIRT_SWITCH_EL1_ENUM_(name, acc, feat) ARMVIRT_SWITCH_##name,
/// @endcond

/** Index of each resident register in armvirt_vcpu::el1. */
enum armvirt_switch_el1_reg {
	ARMVIRT_SWITCH_EL1_REGS(ARMVIRT_SWITCH_EL1_ENUM_)
		ARMVIRT_SWITCH_EL1_COUNT /**< Number of resident registers; not a register. */
};

/** The guest's general-purpose registers, PC and PSTATE: the hot state. */
struct armvirt_switch_gprs {
	uint64_t x[31];	 /**< X0-X30. */
	uint64_t pc;	 /**< Where the guest resumes (ELR_EL2). */
	uint64_t pstate; /**< The guest's PSTATE as SPSR_EL2 holds it. */
};

/** FP/SIMD register file: V0-V31, FPSR and FPCR. 16-byte aligned for STP/LDP of Q registers. */
struct armvirt_switch_fpsimd {
	alignas(16) uint64_t v[32][2]; /**< V0-V31: [n][0] the low 64 bits, [n][1] the high. */
	uint64_t fpsr;		       /**< FPSR. */
	uint64_t fpcr;		       /**< FPCR. */
};

/** Which vector the exit came through. */
enum armvirt_switch_exit_kind {
	ARMVIRT_SWITCH_EXIT_SYNC = 0,	/**< Synchronous exception: see ESR_EL2. */
	ARMVIRT_SWITCH_EXIT_IRQ = 1,	/**< Physical IRQ routed to EL2. */
	ARMVIRT_SWITCH_EXIT_FIQ = 2,	/**< Physical FIQ routed to EL2. */
	ARMVIRT_SWITCH_EXIT_SERROR = 3, /**< SError routed to EL2. */
};

/** Number of exception classes (ESR_ELx.EC is 6 bits). */
#define ARMVIRT_SWITCH_EC_COUNT 64

/** What the vectors captured on the last exit. */
struct armvirt_switch_exit {
	uint64_t esr;	       /**< ESR_EL2 (meaningful for SYNC and SERROR). */
	uint64_t far;	       /**< FAR_EL2 (meaningful for aborts and some traps). */
	uint64_t hpfar;	       /**< HPFAR_EL2 (meaningful for stage-2 aborts). */
	uint32_t kind;	       /**< ::armvirt_switch_exit_kind. */
	uint32_t from_aarch32; /**< 1 when the guest was in AArch32 state. */
};

/** What a fast handler wants next. */
enum armvirt_switch_action {
	ARMVIRT_SWITCH_RESUME = 0, /**< Handled: re-enter the guest at once. */
	ARMVIRT_SWITCH_EXIT = 1,   /**< Return from armvirt_switch_run() to the exit loop. */
};

struct armvirt_vcpu;

/**
 * @brief A fast exit handler.
 *
 * Called at EL2 on the exit path, with the guest's hot state in @p vcpu->gp
 * (read and change it there; the guest resumes from it) and the syndrome in
 * @p exit. It must not use FP/SIMD registers and must not call
 * armvirt_switch_vcpu_load(), armvirt_switch_vcpu_put() or
 * armvirt_switch_run(). To skip a trapped instruction, call
 * armvirt_switch_skip_instr().
 *
 * @param vcpu the vCPU that exited (loaded and running on this CPU)
 * @param exit the exit's syndrome
 * @param arg  armvirt_switch_handlers::arg
 * @return ::ARMVIRT_SWITCH_RESUME or ::ARMVIRT_SWITCH_EXIT
 */
typedef enum armvirt_switch_action (*armvirt_switch_fast_fn)(struct armvirt_vcpu *vcpu,
							     const struct armvirt_switch_exit *exit,
							     void *arg);

/** Slots of a ::armvirt_switch_smccc table (a power of two); one always stays empty. */
#define ARMVIRT_SWITCH_SMCCC_SLOTS 64u

/** What the vectors do with an SMCCC call (see ::armvirt_switch_smccc). */
enum armvirt_switch_smccc_action {
	ARMVIRT_SWITCH_SMCCC_EMPTY = 0,	 /**< A free slot (never an answer). */
	ARMVIRT_SWITCH_SMCCC_ANSWER = 1, /**< Set X0 to the value and resume, in the vectors. */
	ARMVIRT_SWITCH_SMCCC_EXIT = 2,	 /**< Take the exit as any other: fast handler, loop. */
};

/** One function ID of a ::armvirt_switch_smccc table. */
struct armvirt_switch_smccc_slot {
	uint32_t fid;	 /**< SMCCC function ID (W0). */
	uint32_t action; /**< ::armvirt_switch_smccc_action; EMPTY for a free slot. */
	uint64_t x0;	 /**< X0 for ::ARMVIRT_SWITCH_SMCCC_ANSWER. */
};

/**
 * @brief Hypercalls the exit vectors answer themselves.
 *
 * SMCCC calls whose answer is a constant for the life of a VM (the version
 * calls, an implementation-defined "how many vCPUs", and NOT_SUPPORTED for
 * every function ID the VM does not implement) need neither the guest's
 * registers saved nor any C. When a vCPU's handlers point at such a table,
 * the AArch64 synchronous vector looks up every `HVC #0` (ESR_EL2 exactly
 * EC 0x16, IL 1, imm16 0) by the function ID in W0: for
 * ::ARMVIRT_SWITCH_SMCCC_ANSWER it sets X0 to the value, leaves every other
 * register as it was (SMCCC 1.1 and later preserve X1-X17 for calls with one
 * result) and returns to the guest, without saving the guest's state; for
 * ::ARMVIRT_SWITCH_SMCCC_EXIT, or any other exit (HVC from AArch32, SMC, a
 * non-zero immediate), the exit takes its usual path. A function ID not in
 * the table gets @ref other_action and @ref other_x0.
 *
 * The table is an open-addressed hash: slot (fid * 0x9e3779b9 mod 2^32) >>
 * 26, then the next ones, until the function ID or an empty slot. Build it with armvirt_switch_smccc_init() and
 * armvirt_switch_smccc_set(); armvirt_switch_smccc_lookup() answers as the
 * vectors do, for the paths that see the call in C (SMC, AArch32 HVC).
 * Such an answered exit counts in armvirt_vcpu::exits and
 * armvirt_vcpu::fast_resumes.
 */
struct armvirt_switch_smccc {
	uint32_t other_action; /**< ::armvirt_switch_smccc_action for unlisted function IDs. */
	uint32_t used;	       /**< Slots in use. */
	uint64_t other_x0;     /**< X0 for unlisted function IDs when @ref other_action answers. */
	struct armvirt_switch_smccc_slot slot[ARMVIRT_SWITCH_SMCCC_SLOTS]; /**< The hash table. */
};

/**
 * The fast-path dispatch table: a handler per exception class for
 * synchronous exits, and one per asynchronous kind. An empty slot (NULL)
 * means "exit to the integrator's loop". Several vCPUs (typically a VM's)
 * share one table; it must not change while a vCPU using it runs.
 */
struct armvirt_switch_handlers {
	armvirt_switch_fast_fn sync[ARMVIRT_SWITCH_EC_COUNT]; /**< By ESR_EL2.EC. */
	armvirt_switch_fast_fn irq;			      /**< Physical IRQ. */
	armvirt_switch_fast_fn fiq;			      /**< Physical FIQ. */
	armvirt_switch_fast_fn serror;			      /**< SError. */
	void *arg;					      /**< Passed to every handler. */
	/** Hypercalls answered in the vectors, or NULL (::armvirt_switch_smccc). */
	const struct armvirt_switch_smccc *smccc;
};

struct armvirt_switch_cpu;

/**
 * A virtual CPU. Allocated by the caller (statically or otherwise, 16-byte
 * aligned as the type requires), set up with armvirt_switch_vcpu_init().
 * The integrator may read and change @ref gp, @ref hcr_el2 and @ref handlers
 * between runs; @ref el1 and @ref fp are valid in memory only while the vCPU
 * is not loaded (use armvirt_switch_el1_read() / armvirt_switch_el1_write()
 * otherwise). The other members belong to the library.
 */
struct armvirt_vcpu {
	struct armvirt_switch_gprs gp;			/**< Hot state: X0-X30, PC, PSTATE. */
	struct armvirt_switch_exit exit;		/**< The last exit's syndrome. */
	uint64_t hcr_el2;				/**< HCR_EL2 while this vCPU runs. */
	const struct armvirt_switch_handlers *handlers; /**< Fast handlers, or NULL for none. */
	struct armvirt_switch_cpu *loaded_on;		/**< The CPU it is loaded on, or NULL. */
	uint64_t exits;					/**< Exits taken (statistics). */
	uint64_t fast_resumes; /**< Exits a fast handler resumed (statistics). */
	uint64_t fp_loads;     /**< Times its FP/SIMD state was loaded (statistics). */
	uint64_t el1[ARMVIRT_SWITCH_EL1_COUNT]; /**< Resident state, by ::armvirt_switch_el1_reg. */
	struct armvirt_switch_fpsimd fp;	/**< FP/SIMD state (when not live in registers). */
	void *priv; /**< The integrator's; never touched by the library. */
};

/** Where the FP/SIMD registers of a CPU currently belong. */
enum armvirt_switch_fp_state {
	ARMVIRT_SWITCH_FP_HOST = 0, /**< They hold the host's state. */
	ARMVIRT_SWITCH_FP_VCPU = 1, /**< They hold armvirt_switch_cpu::fp_owner's state. */
	ARMVIRT_SWITCH_FP_NONE =
		2, /**< Every owner's state is in memory; the registers are stale. */
};

/** The registers an exception taken at EL2 itself interrupted. */
struct armvirt_switch_el2_frame {
	uint64_t x[31]; /**< X0-X30 at the exception (restored from here on resume). */
	uint64_t sp;	/**< SP_EL2 at the exception. */
	uint64_t elr;	/**< ELR_EL2: where EL2 resumes. */
	uint64_t spsr;	/**< SPSR_EL2. */
	uint64_t esr;	/**< ESR_EL2. */
	uint64_t far;	/**< FAR_EL2. */
	uint64_t kind;	/**< ::armvirt_switch_exit_kind of the vector taken. */
	uint64_t sp0;	/**< 1 when taken while EL2 used SP_EL0 (never in this library's code). */
};

/**
 * @brief The integrator's handler for EL2's own exceptions.
 *
 * Called for every exception taken from EL2 itself, except the FP/SIMD
 * access traps the library resolves: EL2 faults (which should print a
 * diagnostic, see armvirt_switch_format_frame(), and stop), and IRQs if the
 * integrator runs EL2 with interrupts unmasked. Runs on the interrupted
 * stack.
 *
 * @return 0 to resume at @p frame->elr with @p frame's registers; any other
 *         value makes the library park the CPU (a loop of WFE).
 */
typedef int (*armvirt_switch_el2_fn)(struct armvirt_switch_cpu *cpu,
				     struct armvirt_switch_el2_frame *frame, void *arg);

/**
 * Per physical CPU state. Allocated by the caller, one for each CPU, and
 * set up with armvirt_switch_cpu_init() on that CPU.
 */
struct armvirt_switch_cpu {
	struct armvirt_vcpu *running;  /**< The vCPU in armvirt_switch_run(), or NULL. */
	struct armvirt_vcpu *loaded;   /**< The vCPU whose resident state is in the registers. */
	struct armvirt_vcpu *fp_owner; /**< The vCPU of ::ARMVIRT_SWITCH_FP_VCPU, else NULL. */
	uint32_t fp_state;	       /**< ::armvirt_switch_fp_state. */
	uint32_t features;	       /**< ARMVIRT_SWITCH_FEAT_* the CPU implements. */
	uint64_t cptr_el2;	       /**< CPTR_EL2 as last written. */
	uint64_t hcr_el2;	       /**< HCR_EL2 as last written by the library. */
	armvirt_switch_el2_fn el2_handler; /**< EL2 exception handler, or NULL. */
	void *el2_arg;			   /**< Passed to @ref el2_handler. */
	uint64_t host_fp_restores;	   /**< Host FP/SIMD reloads after a vCPU (statistics). */
	struct armvirt_switch_fpsimd host_fp; /**< The host's FP/SIMD state while not live. */
};

/**
 * @brief Prepare the calling CPU for running vCPUs.
 *
 * Detects the features the switch adapts to (pointer authentication, AArch32
 * EL1, SVE), points TPIDR_EL2 at @p cpu and VBAR_EL2 at the library's
 * vectors, and sets CPTR_EL2 so that the host owns the FP/SIMD registers and
 * SVE and SME trap (SVE state is not switched: guests see SVE trap to EL2).
 *
 * @param cpu        this CPU's state (caller-owned, 16-byte aligned)
 * @param el2_handler handler for EL2's own exceptions, or NULL (the CPU is then
 *                   parked on an EL2 fault, with the frame on its stack)
 * @param el2_arg    passed to @p el2_handler
 * @return 0, or ::ARMVIRT_EINVAL if @p cpu is NULL or misaligned.
 *         Call at EL2, once per CPU, before any other call on that CPU.
 */
int armvirt_switch_cpu_init(struct armvirt_switch_cpu *cpu, armvirt_switch_el2_fn el2_handler,
			    void *el2_arg);

/**
 * @brief Set a vCPU to its reset state.
 *
 * The vCPU starts at @p pc in AArch64 EL1h with D, A, I and F masked, X0 =
 * @p x0 and the other registers zero, SCTLR_EL1 with its RES1 bits set
 * (MMU and caches off), VMPIDR_EL2 = @p mpidr and VPIDR_EL2 = @p midr.
 * HCR_EL2 starts as @p hcr_el2; when the CPU implements pointer
 * authentication the library adds HCR_EL2.API and APK at run time, since it
 * switches the keys.
 *
 * @param vcpu     the vCPU (caller-owned, 16-byte aligned; not loaded anywhere)
 * @param pc       entry point (IPA)
 * @param x0       value of X0 at entry (for example a device-tree address)
 * @param mpidr    the vCPU's MPIDR_EL1 as the guest reads it
 * @param midr     the vCPU's MIDR_EL1 as the guest reads it
 * @param hcr_el2  HCR_EL2 while it runs (traps and routing chosen by the integrator)
 * @param handlers fast handlers, or NULL
 * @return 0, ::ARMVIRT_EINVAL if @p vcpu is NULL or misaligned, ::ARMVIRT_EBUSY
 *         if it is loaded. Callable at any EL (touches memory only).
 */
int armvirt_switch_vcpu_init(struct armvirt_vcpu *vcpu, uint64_t pc, uint64_t x0, uint64_t mpidr,
			     uint64_t midr, uint64_t hcr_el2,
			     const struct armvirt_switch_handlers *handlers);

/**
 * @brief Make @p vcpu the one whose resident state is in this CPU's registers.
 *
 * Does nothing if it already is. Otherwise puts the loaded vCPU (see
 * armvirt_switch_vcpu_put()) and writes @p vcpu's resident registers.
 *
 * @return 0; ::ARMVIRT_EINVAL for a NULL argument; ::ARMVIRT_EBUSY if @p vcpu
 *         is loaded on another CPU or @p cpu is running a vCPU. Call at EL2 on
 *         @p cpu's CPU.
 */
int armvirt_switch_vcpu_load(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu);

/**
 * @brief Save the loaded vCPU's resident state (and its FP/SIMD state if it
 *        owns the registers) to memory and unload it.
 *
 * Afterwards the vCPU may be loaded on any CPU. Does nothing when no vCPU
 * is loaded. Call at EL2 on @p cpu's CPU, not from a fast handler.
 */
void armvirt_switch_vcpu_put(struct armvirt_switch_cpu *cpu);

/**
 * @brief Run the loaded vCPU until an exit its fast handlers do not resume.
 *
 * Enters the guest; the vectors save the hot state and the syndrome on
 * every exit, resolve FP/SIMD access traps (lazy switching), and call the
 * fast handler of the exit's class, re-entering the guest while it returns
 * ::ARMVIRT_SWITCH_RESUME. The host's callee-saved registers (X19-X30, SP)
 * are preserved across the call; its FP/SIMD registers come back lazily on
 * first use.
 *
 * @return the ::armvirt_switch_exit_kind of the exit (>= 0), with
 *         @p vcpu->exit holding the syndrome and @p vcpu->gp the registers;
 *         ::ARMVIRT_EINVAL for a NULL argument; ::ARMVIRT_EPERM if @p vcpu is
 *         not loaded on @p cpu. Call at EL2 on @p cpu's CPU, with the
 *         stage-2 translation (VTTBR_EL2, VTCR_EL2) and interrupt
 *         virtualisation for @p vcpu already set up.
 */
int armvirt_switch_run(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu);

/**
 * @brief Read a resident register, from the hardware if @p vcpu is loaded
 *        on @p cpu, else from memory.
 * @return the value; 0 for an out-of-range @p reg or a register of a feature
 *         @p cpu lacks. Call at EL2 on @p cpu's CPU (or anywhere if @p vcpu is
 *         not loaded).
 */
uint64_t armvirt_switch_el1_read(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu,
				 enum armvirt_switch_el1_reg reg);

/**
 * @brief Write a resident register, to the hardware if @p vcpu is loaded on
 *        @p cpu, else to memory.
 * @return 0; ::ARMVIRT_EINVAL for an out-of-range @p reg; ::ARMVIRT_ENOTSUP
 *         for a register of a feature @p cpu lacks. Same calling rules as
 *         armvirt_switch_el1_read(); also callable from a fast handler.
 */
int armvirt_switch_el1_write(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu,
			     enum armvirt_switch_el1_reg reg, uint64_t value);

/**
 * @brief Advance the guest past the instruction that trapped.
 *
 * Adds 4, or 2 for a 16-bit T32 instruction (ESR_EL2.IL = 0), to the guest PC.
 * For exceptions whose preferred return address is already the next
 * instruction (HVC, SVC) do not call it. (For AArch32 guests the IT state is
 * not advanced.) Callable from a fast handler or between runs.
 */
void armvirt_switch_skip_instr(struct armvirt_vcpu *vcpu);

/**
 * @brief General-purpose register @p n of the guest (31 reads as XZR, 0).
 * @return the value. Callable anywhere.
 */
uint64_t armvirt_switch_get_reg(const struct armvirt_vcpu *vcpu, unsigned n);

/**
 * @brief Set general-purpose register @p n of the guest (31, XZR, is ignored).
 * Callable anywhere.
 */
void armvirt_switch_set_reg(struct armvirt_vcpu *vcpu, unsigned n, uint64_t value);

/**
 * @brief Install the fast handler for exception class @p ec.
 * @param table the table
 * @param ec    ESR_EL2.EC value (0..63)
 * @param fn    the handler, or NULL to send this class to the exit loop
 * @return 0, or ::ARMVIRT_EINVAL if @p table is NULL or @p ec > 63.
 *         Callable anywhere; not while a vCPU using @p table runs.
 */
int armvirt_switch_set_handler(struct armvirt_switch_handlers *table, unsigned ec,
			       armvirt_switch_fast_fn fn);

/**
 * @brief Empty an SMCCC table, giving unlisted function IDs @p other_action.
 * @param table        the table
 * @param other_action ::ARMVIRT_SWITCH_SMCCC_ANSWER or ::ARMVIRT_SWITCH_SMCCC_EXIT
 * @param other_x0     X0 for unlisted IDs when answered (SMCCC NOT_SUPPORTED is -1)
 * @return 0, or ::ARMVIRT_EINVAL for a NULL @p table or another action.
 *         Callable anywhere; not while a vCPU using @p table runs.
 */
int armvirt_switch_smccc_init(struct armvirt_switch_smccc *table, unsigned other_action,
			      uint64_t other_x0);

/**
 * @brief Say what the vectors do with function ID @p fid.
 *
 * Adds @p fid, or changes its entry when it is already there.
 * @param table  the table
 * @param fid    the SMCCC function ID
 * @param action ::ARMVIRT_SWITCH_SMCCC_ANSWER or ::ARMVIRT_SWITCH_SMCCC_EXIT
 * @param x0     the answer for ::ARMVIRT_SWITCH_SMCCC_ANSWER
 * @return 0; ::ARMVIRT_EINVAL for a NULL @p table or another action;
 *         ::ARMVIRT_ENOSPC when @p fid is new and the table already holds
 *         ::ARMVIRT_SWITCH_SMCCC_SLOTS - 1 function IDs (nothing changed).
 *         Callable anywhere; not while a vCPU using @p table runs.
 */
int armvirt_switch_smccc_set(struct armvirt_switch_smccc *table, uint32_t fid, unsigned action,
			     uint64_t x0);

/**
 * @brief What the vectors do with function ID @p fid, as they would do it.
 * @param table the table
 * @param fid   the SMCCC function ID (W0)
 * @param x0    set to the answer when the result is ::ARMVIRT_SWITCH_SMCCC_ANSWER
 * @return ::ARMVIRT_SWITCH_SMCCC_ANSWER or ::ARMVIRT_SWITCH_SMCCC_EXIT;
 *         ::ARMVIRT_EINVAL for a NULL argument. Callable anywhere.
 */
int armvirt_switch_smccc_lookup(const struct armvirt_switch_smccc *table, uint32_t fid,
				uint64_t *x0);

/**
 * @brief Describe an EL2 exception frame as text, for a panic message.
 *
 * Writes the exception kind, ESR/FAR/ELR/SPSR/SP and X0-X30 in hexadecimal,
 * several lines of at most 80 characters, NUL-terminated.
 *
 * @param frame the frame the vectors passed to the EL2 handler
 * @param buf   where to write
 * @param size  size of @p buf in bytes (1024 is always enough)
 * @return the number of characters written (without the NUL), or
 *         ::ARMVIRT_ENOSPC if @p buf was too small (it then holds a
 *         truncated, NUL-terminated text) or ::ARMVIRT_EINVAL for a NULL
 *         pointer or @p size 0. Callable anywhere.
 */
int armvirt_switch_format_frame(const struct armvirt_switch_el2_frame *frame, char *buf,
				size_t size);

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_SWITCH_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The guest and the CPUs that run it: one VM, up to 8 vCPUs, each with a
 * home physical CPU (vCPU i runs on CPU i mod M); each physical CPU runs
 * its vCPUs round-robin (sched.c) and answers their exits (exits.c).
 */
#ifndef HYP_VM_H
#define HYP_VM_H

#include <armvirt/switch.h>
#include <armvirt/vgic.h>
#include <armvirt/vtimer.h>
#include <armvirt/vtimer_vgic.h>

#include "hyp.h"

#define MAX_VCPUS 8

/* Host interrupts (INTIDs on the physical GIC). */
#define SGI_KICK 0u	  /* another CPU changed something this CPU must look at */
#define PPI_HYP_TIMER 26u /* CNTHP: time slices and timer deadlines */

/*
 * A vCPU's life (PSCI): OFF -> ON_PENDING (CPU_ON from any CPU) -> RUNNABLE
 * (reset by its home CPU) <-> BLOCKED (WFI, until an interrupt or a timer)
 * -> OFF (CPU_OFF). Only the OFF -> ON_PENDING step is taken by another CPU
 * than the home one, under the vCPU's lock; every other change is the home
 * CPU's.
 */
enum vcpu_state {
	VCPU_OFF,
	VCPU_ON_PENDING,
	VCPU_RUNNABLE,
	VCPU_BLOCKED,
};

struct pcpu;

struct vcpu {
	struct armvirt_vcpu arch;	       /* lib/switch: registers, exit syndrome */
	struct armvirt_vtimer_vcpu timer;      /* lib/vtimer: CNTV and CNTP */
	struct armvirt_vtimer_vgic timer_glue; /* lib/vtimer_vgic: their lines to the vGIC */
	struct pcpu *home;
	unsigned id;	/* index; Aff0 of its MPIDR */
	uint32_t state; /* enum vcpu_state */
	uint32_t lock;
	uint64_t on_entry, on_context; /* the pending CPU_ON */
	bool os_lock;		       /* OSLSR_EL1.OSLK (sysregs.c) */
	bool fast_done;		       /* a fast handler completed the exit (exits.c) */
	uint64_t blocks, slices;       /* statistics: WFI blocks, runs (schedule-ins) */
};

struct pcpu {
	struct armvirt_switch_cpu sw; /* lib/switch's per-CPU state */
	unsigned id;
	uint64_t mpidr;
	struct vcpu *vcpus[MAX_VCPUS]; /* the vCPUs whose home this is */
	unsigned nvcpus, next;	       /* round-robin cursor */
	uint64_t slice_end;	       /* host counter; 0: no time slice running */
	struct vcpu *current;	       /* the vCPU loaded and running, or NULL */
	bool wake_local;	       /* a waiting vCPU of this CPU got an interrupt */
	bool timer_dirty;	       /* CNTHP must be recomputed before the next entry */
	bool irq_held;		       /* held_iar: acknowledged on the fast path, for the loop */
	uint32_t held_iar;
	uint64_t idle_wakeups, irqs; /* statistics */
};

struct vm {
	struct guest_boot boot;
	unsigned nvcpus, npcpus;
	struct vcpu vcpus[MAX_VCPUS];
	struct pcpu pcpus[HYP_MAX_CPUS];
	struct armvirt_vtimer_vm timer;
	struct armvirt_vtimer_config timer_cfg;
	struct armvirt_switch_handlers fast;
	struct armvirt_switch_smccc smccc; /* hypercalls the vectors answer (psci.c) */
	uint64_t hcr, midr;
	uint64_t slice_ticks;	/* time slice, in host counter ticks */
	unsigned switch_every;	/* also switch vCPUs every K exits (0: never) */
	uint32_t uart_intid;	/* the real UART's interrupt (console input) */
	uint32_t maint_intid;	/* the maintenance interrupt (ends an exit, nothing more) */
	uint64_t exits_to_loop; /* statistics */
};

extern struct vm vm;

/* Spinlocks (EL2 runs with interrupts masked: nothing nests). */
static inline void spin_lock(uint32_t *l)
{
	while (__atomic_exchange_n(l, 1u, __ATOMIC_ACQUIRE))
		;
}
static inline void spin_unlock(uint32_t *l)
{
	__atomic_store_n(l, 0u, __ATOMIC_RELEASE);
}
static inline uint32_t vcpu_state(const struct vcpu *v)
{
	return __atomic_load_n(&v->state, __ATOMIC_ACQUIRE);
}
static inline void vcpu_set_state(struct vcpu *v, uint32_t s)
{
	__atomic_store_n(&v->state, s, __ATOMIC_RELEASE);
}

/* The MPIDR_EL1 a vCPU reads: RES1 bit 31, Aff0 = its index. */
#define VCPU_MPIDR(i) (0x80000000ull | (uint64_t)(i))

/* sched.c */
__attribute__((noreturn)) void sched_loop(struct pcpu *p);
void sched_kick(struct vcpu *v); /* make its home CPU look at it again */
void sched_handle_host_irqs(struct pcpu *p);
/* On the exit fast path: an interrupt that needs no loop, @v running. */
bool sched_irq_fast(struct pcpu *p, struct vcpu *v);

/* What the exit handlers want the scheduler to do next. */
enum run_action {
	RUN_CONTINUE, /* re-enter this vCPU */
	RUN_YIELD,    /* let the CPU's other vCPUs run */
	RUN_BLOCK,    /* WFI: sleep until an interrupt or a timer */
	RUN_OFF,      /* PSCI CPU_OFF */
};

/* exits.c */
void exits_init(void);
enum run_action exit_handle(struct pcpu *p, struct vcpu *v, int kind);
/* An interrupt the vCPU would take (for WFI); @p is its home CPU. */
bool vcpu_wakeup_pending(struct pcpu *p, struct vcpu *v);

/* sysregs.c: ARMVIRT_OK, ARMVIRT_EINVAL (UNDEFINED for the guest), ARMVIRT_ENOENT */
int sysreg_emulate(struct vcpu *v, struct armvirt_sysreg_access *acc);
uint64_t sysreg_guest_id(uint32_t enc);

/* inject.c: a synchronous exception for the guest, taken at EL1 */
void inject_data_abort(struct pcpu *p, struct vcpu *v, bool write, uint64_t far);
void inject_instruction_abort(struct pcpu *p, struct vcpu *v, uint64_t far);
void inject_undef(struct pcpu *p, struct vcpu *v);

/* vdev.c: the emulated devices; ARMVIRT_ENOENT when nothing is at the address */
void vdev_init(void);
int vdev_access(struct armvirt_mmio_access *acc, bool *uart_touched);
bool vdev_uart_line_moved(void);	  /* the UART's line differs from what the vGIC has */
void vdev_uart_line_sync(struct pcpu *p); /* give the vGIC the UART's line */
void vdev_console_input(void);

/* mmio.c: emulate the access of a stage-2 data abort at @fault_ipa */
enum mmio_result {
	MMIO_DONE,  /* performed and completed: registers, PC */
	MMIO_ABORT, /* nothing to emulate it on, or not emulable: an abort for the guest */
};
enum mmio_result mmio_emulate(struct pcpu *p, struct vcpu *v, armvirt_ipa_t fault_ipa,
			      bool *uart_touched, unsigned *reason);

/* virq.c: the virtual GIC and what feeds it */
int virq_init(const struct machine *m, unsigned nvcpus);
void virq_cpu_init(struct pcpu *p);
void virq_vcpu_load(struct pcpu *p, struct vcpu *v);
void virq_vcpu_put(struct pcpu *p, struct vcpu *v);
void virq_enter(struct pcpu *p, struct vcpu *v); /* right before the guest runs */
void virq_exit(struct pcpu *p, struct vcpu *v);	 /* right after it exits */
bool virq_pending(struct vcpu *v);
void virq_timer_sync(struct pcpu *p, struct vcpu *v, uint32_t taken);
bool virq_is_hw_timer(uint32_t intid);
void virq_hw_timer_fired(struct pcpu *p, struct vcpu *running, uint32_t intid);
int virq_mmio(struct pcpu *p, struct vcpu *v, struct armvirt_mmio_access *acc);
int virq_sysreg(struct pcpu *p, struct vcpu *v, struct armvirt_sysreg_access *acc);
void virq_set_spi(struct pcpu *p, uint32_t intid, bool level);
void virq_kick(struct pcpu *p, const struct armvirt_vgic_kicks *k);

/* psci.c */
/* Builds the SMCCC table the vectors answer from; after vm.nvcpus is known. */
void psci_init(void);
enum run_action psci_call(struct vcpu *v);
/* Answers an HVC needing no scheduler (fast path); false for the others. */
bool psci_call_fast(struct armvirt_vcpu *a);
void vcpu_reset(struct pcpu *p, struct vcpu *v, uint64_t entry, uint64_t x0);

#endif /* HYP_VM_H */

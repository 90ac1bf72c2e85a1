/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One physical CPU running one vCPU whose timers reach its virtual GIC
 * through lib/vtimer_vgic, for the cmocka tests of the glue. Three parts,
 * each written apart from the libraries under test:
 *  - the generic timer (machine.c, from the Arm ARM);
 *  - the guest's virtual CPU interface on the fake list registers
 *    (tests/vgic/sim.c, from the GIC specifications);
 *  - the host GIC's view of the timer PPIs on this CPU: PPI 27 follows the
 *    hardware virtual timer's output and PPI 30 the EL1 physical timer's (as
 *    on QEMU's virt machine); each has an active bit, which EL2 sets by
 *    acknowledging it, the integrator sets or clears as the glue says, and
 *    the guest clears by deactivating a list register with the HW bit.
 * EL2 takes a host PPI whenever it is asserted and inactive, at once, as a
 * physical IRQ routed to EL2 preempts the guest; the maintenance interrupt
 * brings the vCPU out likewise.
 */
#ifndef VTIMER_TEST_RIG_H
#define VTIMER_TEST_RIG_H

#include <armvirt/vtimer_vgic.h>

#include "../vgic/sim.h"

#define RIG_GICD 0x08000000u
#define RIG_GICR 0x080A0000u
#define RIG_PPI_VIRT 27u /* host PPI of the hardware virtual timer */
#define RIG_PPI_PHYS 30u /* host PPI of the hardware EL1 physical timer */
#define RIG_PRIO 0xa0u	 /* priority the guest gives its timer PPIs */

struct rig {
	struct armvirt_vtimer_vm vm;
	struct armvirt_vtimer_vcpu timer;
	struct armvirt_vgic gic;
	struct armvirt_vgic_vcpu gic_vcpu[1];
	struct armvirt_vtimer_vgic glue;
	struct armvirt_vgic_kicks kicks;
	bool loaded;	      /* between rig_load() and rig_put() */
	bool in_guest;	      /* between fill and sync */
	bool host_active[32]; /* the host GIC's active bits for this CPU's PPIs */
	unsigned el2_takes;   /* host timer PPIs EL2 acknowledged */
	unsigned host_writes; /* ISACTIVER0/ICACTIVER0 writes the glue asked for */
	unsigned exits;
	unsigned eoimode; /* the guest's */
	int last_update;  /* return value of the last glue update */
};

extern struct rig rig;

/*
 * Reset the machine (host counter @host, FEAT_ECV level @ecv, @nr_lrs list
 * registers of format @f) and build the VM with timer configuration @cfg and
 * a GIC @model; the guest enables its two timer PPIs at RIG_PRIO and its
 * CPU interface (both groups, priority mask 0xff, EOImode @eoimode).
 */
void rig_init(enum armvirt_vgic_model model, enum sim_format f, unsigned nr_lrs, unsigned ecv,
	      uint64_t host, const struct armvirt_vtimer_config *cfg, unsigned eoimode);

/*
 * The glue update, its host PPI requests applied; fails the test on an error
 * or on a request that changes nothing.
 */
void rig_update(uint32_t taken);
/* Schedule the vCPU in (vtimer and vGIC load, glue update) and enter the guest. */
void rig_load(void);
/* Exit and schedule the vCPU out (sync, vGIC and vtimer put, glue update). */
void rig_put(void);
/* An exit: the vGIC's sync. */
void rig_exit(void);
/* Back into the guest: EL2 takes pending host PPIs, the vGIC fills. */
void rig_enter(void);
/* An exit for no timer reason: sync, glue update, enter again. */
void rig_bounce(void);
/*
 * Let time pass by @ticks. While the guest runs, host PPIs and maintenance
 * interrupts that come up make it exit and re-enter.
 */
void rig_advance(uint64_t ticks);
/* The integrator's EL2 timer fired: update the glue (the vCPU is not loaded). */
void rig_hyp_timer(void);

/* The guest's MRS/MSR of a timer register; a trapped one is an exit. */
uint64_t rig_guest_read(uint32_t enc);
void rig_guest_write(uint32_t enc, uint64_t value);
/* The guest acknowledges an interrupt (ICC_IAR1_EL1 / GICC_IAR): INTID or 1023. */
unsigned rig_guest_ack(void);
/* The guest ends interrupt @iar (EOIR, then DIR in EOImode 1). */
void rig_guest_end(unsigned iar);

/* The list register holding virtual INTID @intid, or -1. */
int rig_find_lr(unsigned intid);
/* The vGIC's state of the guest's PPI @intid. */
struct armvirt_vgic_irq_info rig_irq(unsigned intid);
/* The host PPI of hardware timer @t (0 virtual, 1 EL1 physical). */
unsigned rig_host_ppi(unsigned t);

/*
 * Check what must hold whenever the guest is about to run or EL2 has just
 * dealt with an event: for each timer, the vGIC's line equals the timer's
 * line; an interrupt the guest is not handling is pending exactly while the
 * line is high (out of the guest: at least while it is high); it is linked, to the right host PPI, exactly while a
 * hardware timer backs it (unless the guest was still handling it when that
 * began); the host PPI of a hardware-backed timer is active exactly while
 * the virtual interrupt is pending or active; and list registers carry the
 * HW bit and pINTID of linked interrupts only. @level gives the timer lines
 * as an independent model has them.
 */
void rig_check(const bool level[ARMVIRT_VTIMER_NR]);

#endif /* VTIMER_TEST_RIG_H */

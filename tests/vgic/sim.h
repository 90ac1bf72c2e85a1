/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A guest's view of the virtual CPU interface, played against the host
 * port's fake list registers: acknowledge, end (EOIR), deactivate (DIR) and
 * the maintenance interrupt, as the GIC architecture specifies them (GICv3
 * 12.5 and the ICV_* pseudocode; GICv2 5.3 and 5.4). It is written from the
 * specifications with its own encodings, not the library's, so the tests
 * check the library against the architecture rather than against itself.
 */
#ifndef VGIC_TEST_SIM_H
#define VGIC_TEST_SIM_H

#include <stdbool.h>
#include <stdint.h>

#include <armvirt/vgic.h>

/* Which list registers the fake machine has: GICv3 ICH_* or GICv2 GICH. */
enum sim_format { SIM_ICH, SIM_GICH };

/* One decoded list register. */
struct sim_lr {
	unsigned state; /* 0 invalid, 1 pending, 2 active, 3 pending and active */
	unsigned intid; /* virtual INTID, without the source CPU */
	unsigned cpuid; /* GICv2 SGI source CPU */
	unsigned prio;	/* 8-bit priority */
	unsigned group;
	bool hw, eoi;
	unsigned pintid;
};

/* Reset the fake machine and give it @nr_lrs list registers, 5 priority and
 * preemption bits (as QEMU's and Cortex-A cores' GICs have). */
void sim_reset(enum sim_format f, unsigned nr_lrs);
enum sim_format sim_format(void);
unsigned sim_nr_lrs(void);

struct sim_lr sim_lr(unsigned n);
void sim_lr_set_state(unsigned n, unsigned state);

/* The guest's CPU interface controls (ICC_PMR, ICC_IGRPEN<n>, ICC_CTLR.EOImode),
 * which live in ICH_VMCR_EL2 / GICH_VMCR. */
void sim_set_pmr(unsigned pmr);
void sim_enable_groups(bool g0, bool g1);
void sim_set_eoimode(unsigned eoimode);
unsigned sim_eoimode(void);

/* The highest-priority pending list register the guest would take now, or
 * -1 (GICv3 pseudocode VirtualHighestPriorityPendingInterrupt, with the
 * priority mask, the running priority and the group enables). */
int sim_hppi(void);

/* Acknowledge (ICV_IAR / GICV_IAR): the INTID taken (with the source CPU
 * in bits [12:10] for a GICv2 SGI), or 1023. */
unsigned sim_ack(void);

/* Result of an EOIR or DIR write. */
enum sim_end {
	SIM_DONE,    /* handled by the list registers */
	SIM_COUNTED, /* no list register: EOIcount incremented */
	SIM_TRAPPED, /* ICH_HCR_EL2.TDIR: the write traps to EL2 */
	SIM_IGNORED, /* no effect */
};

/* ICV_EOIR / GICV_EOIR with the value sim_ack() returned. */
enum sim_end sim_eoi(unsigned iar);
/* ICV_DIR / GICV_DIR. */
enum sim_end sim_dir(unsigned iar);

/* The running priority (ICV_RPR): 256 when idle. */
unsigned sim_rpr(void);

/* ICH_MISR_EL2 / GICH_MISR as the architecture defines it from the list
 * registers and ICH_HCR_EL2 / GICH_HCR; 0 when ICH_HCR.En is clear. */
uint32_t sim_misr(void);
unsigned sim_eoicount(void);

/* Physical deactivations the hardware made for HW list registers, and
 * the last physical INTID. */
unsigned sim_phys_deactivations(void);
unsigned sim_last_pintid(void);

#endif

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the bare-metal EL1 test guests share (guest_lib.c) on top of the
 * guest runtime (rt/rt.h): one result line per check and a few
 * synchronisation helpers. The guests run with their MMU off
 * unless a check turns it on, and know the machine only as QEMU's virt.
 */
#ifndef GUEST_H
#define GUEST_H

#include "rt.h"

/* Results, printed a line at a time under out_lock(). */
void out_lock(void);
void out_unlock(void);
void check(unsigned id, bool ok, const char *what, const char *detail, uint64_t want, uint64_t got);
void check_eq(unsigned id, const char *what, uint64_t want, uint64_t got);
/* Print "N passed, M failed" over every vCPU's checks, then PSCI SYSTEM_OFF. */
__attribute__((noreturn)) void report_and_power_off(void);

/* A 64-bit pattern that depends on a vCPU, a round and an index. */
uint64_t pattern(unsigned id, unsigned round, unsigned i);

/* The counter's frequency (CNTFRQ_EL0), and microseconds in its ticks. */
uint64_t counter_freq(void);
uint64_t ticks_from_us(uint64_t us);

/* Spin locks on guest memory. */
void spin_lock(volatile uint32_t *l);
void spin_unlock(volatile uint32_t *l);

/*
 * A barrier among the vCPUs taking part: each call waits until every vCPU
 * below guest_nvcpus that is not done has made as many calls. Waiting is
 * WFE (the writer sends SEV).
 */
void barrier(unsigned id);
extern unsigned guest_nvcpus;
extern volatile bool vcpu_done[MAX_VCPUS];

extern volatile unsigned passed[MAX_VCPUS], failed[MAX_VCPUS];

#endif /* GUEST_H */

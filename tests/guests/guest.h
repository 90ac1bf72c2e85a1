/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the bare-metal EL1 test guests share (guest_lib.c): console output,
 * one result line per check, PSCI and SMCCC calls, system-register access
 * and a few synchronisation helpers. The guests run with their MMU off
 * unless a check turns it on, and know the machine only as QEMU's virt.
 */
#ifndef GUEST_H
#define GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MAX_VCPUS 8
#define UART_BASE 0x09000000ul
#define RAM_BASE 0x40000000ul
#define MPIDR_RES1 0x80000000ul

/* PSCI (Arm DEN 0022) and SMCCC (Arm DEN 0028) function IDs and results. */
#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_SUSPEND_64 0xc4000001u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON_64 0xc4000003u
#define PSCI_CPU_ON_32 0x84000003u
#define PSCI_AFFINITY_INFO_64 0xc4000004u
#define PSCI_MIGRATE_INFO_TYPE 0x84000006u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_SYSTEM_RESET 0x84000009u
#define PSCI_FEATURES 0x8400000au
#define SMCCC_VERSION 0x80000000u
#define SMCCC_ARCH_FEATURES 0x80000001u
#define PSCI_RET_SUCCESS 0ul
#define PSCI_RET_NOT_SUPPORTED ((uint64_t)-1)
#define PSCI_RET_INVALID_PARAMS ((uint64_t)-2)
#define PSCI_RET_ALREADY_ON ((uint64_t)-4)
#define PSCI_RET_INVALID_ADDRESS ((uint64_t)-9)
#define PSCI_AFF_ON 0u
#define PSCI_AFF_OFF 1u

/* The example hypervisor's vendor hypercalls (SMCCC owner 6). */
#define HYP_CALL_NULL_FAST 0x86000000u
#define HYP_CALL_NULL_FULL 0x86000001u
#define HYP_CALL_YIELD 0x86000002u
#define HYP_CALL_VCPU_COUNT 0x86000003u

#define READ_SYSREG(enc)                                                                           \
	({                                                                                         \
		uint64_t v_;                                                                       \
		__asm__ volatile("mrs %0, " enc : "=r"(v_));                                       \
		v_;                                                                                \
	})
#define WRITE_SYSREG(enc, v) __asm__ volatile("msr " enc ", %0" : : "r"((uint64_t)(v)))
#define ISB() __asm__ volatile("isb" ::: "memory")
#define DSB() __asm__ volatile("dsb sy" ::: "memory")

/* Console and results. */
void putc_(char c);
void puts_(const char *s);
void putu(uint64_t v);
void putx(uint64_t v);
void out_lock(void);
void out_unlock(void);
void check(unsigned id, bool ok, const char *what, const char *detail, uint64_t want, uint64_t got);
void check_eq(unsigned id, const char *what, uint64_t want, uint64_t got);
/* Print "N passed, M failed" over every vCPU's checks, then PSCI SYSTEM_OFF. */
__attribute__((noreturn)) void report_and_power_off(void);

/* Calls (SMCCC: function ID in x0, arguments in x1-x3, result in x0). */
uint64_t hvc_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);
uint64_t smc_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);

/* This vCPU's index: MPIDR_EL1.Aff0, as the hypervisor numbers them. */
unsigned vcpu_self(void);
/* A 64-bit pattern that depends on a vCPU, a round and an index. */
uint64_t pattern(unsigned id, unsigned round, unsigned i);

/* Counters (CNTVCT_EL0 and CNTPCT_EL0, the two the guest sees), in ticks. */
uint64_t counter(void);
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

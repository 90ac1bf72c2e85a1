/* SPDX-License-Identifier: BSD-3-Clause */
/* The example hypervisor's own interfaces: console, firmware calls, machine, guests. */
#ifndef HYP_H
#define HYP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mmu.h"

/* Console (console.c): the PL011 the device tree names. */
void console_init(uintptr_t pl011_base);
void console_putc(char c);
void console_write(const char *s, size_t n);
void hyp_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void hyp_vprintf(const char *fmt, va_list ap);

/* Stop everything: print, then exit QEMU with a failure status. */
__attribute__((noreturn)) void hyp_panic(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/* Power off with @status as QEMU's exit status (0: the guest powered off). */
__attribute__((noreturn)) void hyp_poweroff(int status);

/* boot.S */
uint64_t hyp_smc(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);
void hyp_semihost_exit(uint64_t code);
void hyp_secondary_entry(void);
void hyp_main(uint64_t dtb);
void hyp_secondary_main(uint64_t cpu);

/* What the device tree says (machine.c). */
struct machine {
	uint64_t ram_base, ram_size;
	uintptr_t uart;
	unsigned gic_version;
	uint64_t gicd, gicr_or_gicc, gich;
	unsigned ncpus;
	uint64_t mpidr[HYP_MAX_CPUS];
	bool psci_smc;
	char bootargs[256];
};
int machine_discover(const void *fdt, struct machine *m);
/* The value of "key=<number>" in the boot arguments, or @dflt. */
unsigned long machine_bootarg(const struct machine *m, const char *key, unsigned long dflt);

/* The guest's memory (stage2.c): IPA [GUEST_IPA_BASE, +size) -> PA [GUEST_PA_BASE, +size). */
#define GUEST_IPA_BASE 0x40000000ull
#define GUEST_PA_BASE 0x44000000ull
#define GUEST_ENTRY_OFFSET 0x80000ull
int stage2_init(uint64_t guest_ram_size, unsigned vmid);

/* PSCI function IDs (Arm DEN 0022) and SMCCC (Arm DEN 0028). */
#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON_64 0xc4000003u
#define PSCI_CPU_ON_32 0x84000003u
#define PSCI_AFFINITY_INFO_64 0xc4000004u
#define PSCI_AFFINITY_INFO_32 0x84000004u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_SYSTEM_RESET 0x84000009u
#define PSCI_FEATURES 0x8400000au
#define SMCCC_VERSION 0x80000000u
#define SMCCC_ARCH_FEATURES 0x80000001u
#define PSCI_SUCCESS 0
#define PSCI_NOT_SUPPORTED (-1)
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_ALREADY_ON (-4)

/*
 * The example's own hypercalls (SMCCC vendor-specific hypervisor service,
 * owner 6): the test guest uses them to measure and exercise the switch.
 */
#define HYP_CALL_NULL_FAST 0x86000000u /* answered by the fast path */
#define HYP_CALL_NULL_FULL 0x86000001u /* answered by the exit loop */
#define HYP_CALL_YIELD 0x86000002u     /* switch to the next vCPU */
#define HYP_CALL_VCPU_COUNT 0x86000003u

#endif /* HYP_H */

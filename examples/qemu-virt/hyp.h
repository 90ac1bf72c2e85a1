/* SPDX-License-Identifier: BSD-3-Clause */
/* The example hypervisor's own interfaces: console, machine, host GIC, images. */
#ifndef HYP_H
#define HYP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mmu.h"

/* libc.c: the few C library functions the hypervisor and libfdt call. */
void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strncmp(const char *a, const char *b, size_t n);

/* Console (console.c): the PL011 the device tree names. */
void console_init(uintptr_t pl011_base);
void console_putc(char c);
void console_write(const char *s, size_t n);
/* Input: enable the receive interrupt; take one received byte (-1: none). */
void console_rx_enable(bool on);
int console_getc(void);
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
	uint32_t uart_intid; /* the UART's SPI as an INTID */
	unsigned gic_version;
	uint64_t gicd, gicr_or_gicc, gich, gicv;
	uint32_t gic_maint_intid; /* the virtual CPU interface's maintenance interrupt */
	uint64_t fw_cfg;
	unsigned ncpus;
	uint64_t mpidr[HYP_MAX_CPUS];
	bool psci_smc;
	char bootargs[256];
};
int machine_discover(const void *fdt, struct machine *m);
/* The value of "key=<number>" in the boot arguments, or @dflt. */
unsigned long machine_bootarg(const struct machine *m, const char *key, unsigned long dflt);

/* The physical GIC, for the hypervisor's own interrupts (gic.c). */
#define GIC_SPURIOUS 1023u
int gic_init(const struct machine *m);			  /* once, on the boot CPU */
int gic_init_cpu(unsigned cpu, uint64_t mpidr);		  /* on each CPU */
void gic_enable(unsigned cpu, uint32_t intid, bool edge); /* an SPI is routed to @cpu */
/* Acknowledge: the IAR value, whose gic_intid() is the INTID or GIC_SPURIOUS.
 * It is the INTID itself except for a GICv2 SGI (its source CPU added). */
uint32_t gic_ack(void);
uint32_t gic_intid(uint32_t iar);
void gic_eoi(uint32_t iar);	   /* priority drop of what gic_ack() returned */
void gic_deactivate(uint32_t iar); /* its deactivation (EOImode 1) */
void gic_send_sgi(unsigned cpu, uint32_t sgi);
/* The calling CPU's PPIs: make @activate active and @deactivate inactive (bit n: INTID n). */
void gic_set_active_mask(unsigned cpu, uint32_t activate, uint32_t deactivate);

/* QEMU's fw_cfg (fwcfg.c): named items, read by DMA. */
int fwcfg_init(uint64_t base);
int fwcfg_find(const char *name, uint16_t *select, uint32_t *size);
int fwcfg_read(uint16_t select, uint32_t offset, void *dst, uint32_t len);

/*
 * The guest's memory: IPA [GUEST_IPA_BASE, +size) is PA [GUEST_PA_BASE,
 * +size), which the hypervisor's identity map reaches at the same address.
 */
#define GUEST_IPA_BASE 0x40000000ull
#define GUEST_PA_BASE 0x44000000ull
#define GUEST_RAW_OFFSET 0x80000ull
#define GUEST_IPA_BITS 32u
/* Once: build the tables (RAM; for GICv2, the GICV frame at the guest's GICC). */
int stage2_init(uint64_t guest_ram_size, uint64_t gicv_pa, uint64_t gicv_size);
void stage2_install(void); /* on each CPU: VTCR_EL2, VTTBR_EL2 */
/* Whether @ipa is guest RAM, and its PA (= the hypervisor's VA of it). */
bool stage2_is_ram(uint64_t ipa, uint64_t *pa);

/* The guest's view of QEMU's virt machine (the addresses of its memory map). */
#define GUEST_GIC_IPA 0x08000000ull /* the GIC's frames: GICD, GICC, GICR */
#define GUEST_GIC_SIZE 0x01000000ull
#define GUEST_GICD_IPA 0x08000000ull
#define GUEST_GICC_IPA 0x08010000ull
#define GUEST_GICC_SIZE 0x2000ull
#define GUEST_GICR_IPA 0x080a0000ull
#define GUEST_GICR_STRIDE 0x20000ull
#define GUEST_UART_IPA 0x09000000ull
#define GUEST_UART_SPI 1u
#define GUEST_VIRTIO_IPA 0x0a000000ull
#define GUEST_VIRTIO_STRIDE 0x200ull
#define GUEST_VIRTIO_COUNT 32u
#define GUEST_VIRTIO_SPI 16u
#define GUEST_TESTDEV_IPA 0x0b000000ull
#define GUEST_TESTDEV_SIZE 0x1000ull

/* What the guest boots with (loader.c). */
struct guest_boot {
	uint64_t ram_size;
	unsigned nvcpus, gic_version;
	uint64_t entry, kernel_end; /* IPAs */
	uint64_t initrd, initrd_size;
	uint64_t dtb;
	bool linux_image;
	char cmdline[1024];
};
/* Load the kernel, initrd and command line from fw_cfg, then the device tree. */
int guest_load(struct guest_boot *g);
/* Build the guest's device tree into @buf (guest_fdt.c). */
int guest_fdt_build(void *buf, int size, const struct guest_boot *g);

static inline void *guest_ipa_to_hva(uint64_t ipa)
{
	return (void *)(uintptr_t)(ipa - GUEST_IPA_BASE + GUEST_PA_BASE);
}

/* PSCI function IDs (Arm DEN 0022) and SMCCC (Arm DEN 0028). */
#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_SUSPEND_32 0x84000001u
#define PSCI_CPU_SUSPEND_64 0xc4000001u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON_32 0x84000003u
#define PSCI_CPU_ON_64 0xc4000003u
#define PSCI_AFFINITY_INFO_32 0x84000004u
#define PSCI_AFFINITY_INFO_64 0xc4000004u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_SYSTEM_RESET 0x84000009u
#define PSCI_FEATURES 0x8400000au
#define SMCCC_VERSION 0x80000000u
#define SMCCC_ARCH_FEATURES 0x80000001u
#define PSCI_SUCCESS 0
#define PSCI_NOT_SUPPORTED (-1)
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_ALREADY_ON (-4)
#define PSCI_ON_PENDING (-5)
#define PSCI_AFF_ON 0
#define PSCI_AFF_OFF 1
#define PSCI_AFF_ON_PENDING 2

/*
 * The example's own hypercalls (SMCCC vendor-specific hypervisor service,
 * owner 6): the test guests use them to measure and exercise the switch.
 */
#define HYP_CALL_NULL_FAST 0x86000000u /* answered by the fast path */
#define HYP_CALL_NULL_FULL 0x86000001u /* answered by the exit loop */
#define HYP_CALL_YIELD 0x86000002u     /* switch to the next vCPU */
#define HYP_CALL_VCPU_COUNT 0x86000003u

#endif /* HYP_H */

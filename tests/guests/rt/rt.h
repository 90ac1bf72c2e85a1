/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The runtime every bare-metal EL1 guest of the project shares: the test
 * guests (tests/guests) and the benchmark guest (bench). It is the entry
 * code (start.S), the exception frame layout (frame.inc), console output on
 * QEMU virt's PL011, SMCCC calls and the memory functions the compiler
 * may call (rt.c), a device tree walker (fdt.c), and the linker script
 * (guest.ld).
 *
 * Entry: vCPU 0 enters at _start with the device tree's address in x0, as
 * the Linux boot protocol has it; other vCPUs enter at
 * guest_secondary_entry from PSCI CPU_ON with the context ID in x0 (bits
 * [7:0]: the vCPU's index). Each gets a 16 KiB stack, FP/SIMD enabled at
 * EL1 and VBAR_EL1 = guest_vectors, then C: guest_main(dtb) or
 * guest_secondary_main(context). A guest defines those three symbols.
 */
#ifndef GUEST_RT_H
#define GUEST_RT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MAX_VCPUS 8u
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
#define HYP_CALL_NULL_FAST 0x86000000u /* answered on its exit fast path */
#define HYP_CALL_NULL_FULL 0x86000001u /* answered by its exit loop */
#define HYP_CALL_YIELD 0x86000002u     /* let the next vCPU of this CPU run */
#define HYP_CALL_VCPU_COUNT 0x86000003u

#define READ_SYSREG(enc)                                                                           \
	({                                                                                         \
		uint64_t v_;                                                                       \
		__asm__ volatile("mrs %0, " enc : "=r"(v_));                                       \
		v_;                                                                                \
	})
#define WRITE_SYSREG(enc, v) __asm__ volatile("msr " enc ", %0" : : "r"((uint64_t)(v)) : "memory")
#define ISB() __asm__ volatile("isb" ::: "memory")
#define DSB() __asm__ volatile("dsb sy" ::: "memory")

/* The virtual counter (CNTVCT_EL0), between two ISBs so it is not read early or late. */
static inline uint64_t counter(void)
{
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntvct_el0; isb" : "=r"(v) : : "memory");
	return v;
}

/* Console output on the PL011; "\n" is sent as "\r\n". Not serialised between vCPUs. */
void putc_(char c);
void puts_(const char *s);
void putu(uint64_t v); /* decimal */
void putx(uint64_t v); /* "0x" and 16 hexadecimal digits */

/* Calls (SMCCC: function ID in x0, arguments in x1-x3, result in x0). */
uint64_t hvc_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);
uint64_t smc_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);

/* This vCPU's index: MPIDR_EL1.Aff0, as the hypervisor numbers them. */
unsigned vcpu_self(void);
/* PSCI SYSTEM_OFF, repeated should it ever return. */
__attribute__((noreturn)) void power_off(void);

/*
 * The device tree (fdt.c). rt_fdt_walk() calls @fn for each property of
 * each node no deeper than RT_FDT_MAX_DEPTH below the root, with the
 * node's path: path[0..depth-1] are the names from the root's child down
 * (depth 0: a property of the root); @val and @len are the raw value. It
 * returns 0 when the walk reached FDT_END with every node closed, -1 when
 * the blob is absent, not 8-byte aligned, not an FDT, larger than 2 MiB
 * or malformed (properties may have been reported by then).
 */
#define RT_FDT_MAX_DEPTH 8
typedef void (*rt_fdt_prop_fn)(void *ctx, const char *const *path, int depth, const char *name,
			       const uint8_t *val, uint32_t len);
int rt_fdt_walk(const void *fdt, rt_fdt_prop_fn fn, void *ctx);
/* Big-endian loads of a property's cells, at any alignment. */
uint32_t rt_be32(const void *p);
uint64_t rt_be64(const void *p);
bool rt_str_eq(const char *a, const char *b);
/* @want is one of the NUL-terminated strings of a string-list value (false if @val is NULL). */
bool rt_strlist_has(const uint8_t *val, uint32_t len, const char *want);

/* What start.S enters and installs; each guest defines them. */
void guest_main(uint64_t dtb);
void guest_secondary_main(uint64_t context);
extern const char guest_vectors[];
/* start.S: where PSCI CPU_ON starts a secondary vCPU. */
void guest_secondary_entry(void);

#endif /* GUEST_RT_H */

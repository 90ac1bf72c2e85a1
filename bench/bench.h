/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The exit-path benchmark guest: a bare-metal EL1 program for QEMU's virt
 * machine that measures, from inside a virtual machine, what each
 * virtualization operation costs. Under QEMU's -icount shift=0 one
 * nanosecond of guest time is one instruction executed at any exception
 * level on any CPU, so the virtual counter, read around many iterations of
 * an operation, counts the instructions the guest and the hypervisor
 * executed for it.
 *
 * The guest runs with its MMU off: every data access is Device-nGnRnE,
 * which keeps the vCPUs' flags coherent without caches or exclusives. Each
 * flag shared between vCPUs has one writer.
 */
#ifndef BENCH_H
#define BENCH_H

#include "rt.h"

/* QEMU virt's memory map, as the guest sees it. */
#define GICD_BASE 0x08000000ul
#define GICC_BASE 0x08010000ul /* GICv2 CPU interface (the hypervisor's GICV) */
#define GICR_BASE 0x080a0000ul /* GICv3 redistributors, 128 KiB each */
#define VIRTIO_BASE 0x0a000000ul

/*
 * A function ID no one implements: a fast SMC32 call in the range SMCCC
 * reserves for the vendor-specific hypervisor service (owner 6), above the
 * few calls the example hypervisor defines. The answer must be
 * NOT_SUPPORTED.
 */
#define FID_UNKNOWN 0x8600ff00u

/* The interrupts the benchmark uses. */
#define SGI_BENCH 1u   /* vCPU 0 -> peer */
#define PPI_VTIMER 27u /* the EL1 virtual timer (CNTV) */
#define INTID_SPURIOUS 1023u
#define INTID_MASK 0x3ffu /* of an IAR value */

static inline uint32_t mmio_read32(uintptr_t a)
{
	return *(volatile uint32_t *)a;
}
static inline void mmio_write32(uintptr_t a, uint32_t v)
{
	*(volatile uint32_t *)a = v;
}

/*
 * Output goes through the guest runtime's console (rt.h). Only vCPU 0
 * prints, but for a crash report. A fixed-point figure with one decimal:
 * @tenths / 10 (bench.c).
 */
void out_tenths(int64_t tenths);

/*
 * A load that may fault (traps.c): false when the access took a
 * synchronous external abort (nothing emulated there) instead of
 * completing.
 */
bool probe_read32(uintptr_t addr, uint32_t *val);
bool probe_write32(uintptr_t addr, uint32_t val);
/* The same store, post-indexed by 0 (ESR_EL2.ISV = 0 for the hypervisor). */
bool probe_write32_post(uintptr_t addr, uint32_t val);

/* What the device tree says (fdt.c). */
struct dt_info {
	const char *bootargs; /* "" when there are none */
	unsigned gic_version; /* 2, 3, or 0 when no GIC node was found */
};
int dt_read(const void *fdt, struct dt_info *info);
/* "key=<decimal>" in @args, or @dflt. */
uint64_t arg_u64(const char *args, const char *key, uint64_t dflt);
/* @word appears in @args as a whole word. */
bool arg_word(const char *args, const char *word);
/* "key=value" appears in @args (a key may appear several times). */
bool arg_has(const char *args, const char *key, const char *value);

/* The guest's GIC driver (gic.c): GICv2 or GICv3, as the device tree says. */
int gic_init_dist(unsigned version);
int gic_init_cpu(void); /* on each vCPU that takes interrupts */
void gic_send_sgi(unsigned target, unsigned intid);
uint32_t gic_ack(void);
void gic_eoi(uint32_t intid);
/* The address or encoding the measurement loops use. */
uintptr_t gic_eoir_addr(void); /* GICv2: GICC_EOIR */
uintptr_t gic_sgir_addr(void); /* GICv2: GICD_SGIR */
uint64_t gic_sgi_value(unsigned target, unsigned intid);
extern unsigned gic_version;

/*
 * loops.S: each runs @n iterations (n >= 1) of one operation between two
 * reads of the virtual counter and returns the ticks that passed. The loop
 * itself is two instructions an iteration (subs, b.ne): loop_empty()
 * measures it.
 */
uint64_t loop_empty(uint64_t n);
uint64_t loop_hvc(uint64_t n, uint64_t fid);
uint64_t loop_ldr32(uint64_t n, uintptr_t addr);
uint64_t loop_str32(uint64_t n, uintptr_t addr, uint32_t value);
uint64_t loop_str32_post(uint64_t n, uintptr_t addr, uint32_t value);
uint64_t loop_eoi_v3(uint64_t n, uint64_t intid);
uint64_t loop_ipi_v3(uint64_t n, uint64_t sgi1r, volatile uint32_t *ack);
uint64_t loop_ipi_v2(uint64_t n, uintptr_t sgir, uint32_t value, volatile uint32_t *ack);
/* The vCPU-switch round trip: the peer's side, until *stop (vCPU 0 uses loop_hvc()). */
void peer_yield_until(uint64_t fid, volatile uint32_t *stop);
/* peer_yield_until()'s loop overhead: the load of *stop and the branch. */
#define PEER_YIELD_LOOP_INSNS 2u

/*
 * A precise timestamp, in nanoseconds of guest time (instructions), of the
 * moment the call began: it reads the counter, then spins until the next
 * tick, counting, which places the first read within a tick to a few
 * instructions (see bench.c).
 */
struct stamp {
	uint64_t ticks; /* the counter at the end of the spin */
	uint64_t spins; /* spin iterations */
};
void stamp_now(struct stamp *s);
/* The spin loop's length, and the instructions from the call's first read to its first spin. */
#define STAMP_SPIN_INSNS 5u
#define STAMP_LEAD_INSNS 3u

/* Exception handlers (entry.S's vectors, bench.c). */
void bench_irq(void);
void bench_sync(uint64_t *frame);

#endif /* BENCH_H */

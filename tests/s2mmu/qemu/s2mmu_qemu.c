/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * System test of lib/s2mmu on QEMU's virt machine: the library runs at EL2
 * with the aarch64 port and programs a real (emulated) MMU, whose stage-2
 * walker and TLBs are an implementation of the architecture independent of
 * this project. A guest at EL1 (stage 1 off, so it uses IPAs) loads and
 * stores through the tables; EL2 checks the values it sees and the stage-2
 * aborts it takes, for each granule the CPU offers:
 *  - block, contiguous and page translations, misaligned output addresses;
 *  - remapping after the guest has used a translation (break-before-make
 *    and TLB invalidation: QEMU caches translations until they are
 *    invalidated the way the architecture says);
 *  - permission and translation faults where the tables say so, with the
 *    faulting IPA in HPFAR_EL2; re-coalescing;
 *  - dirty tracking by write faults, and by FEAT_HAFDBS when present;
 *  - unmapping everything.
 * Prints "s2mmu-qemu: PASS" and powers off; any failure prints a line.
 */
#include <armvirt/bits.h>
#include <armvirt/port.h>
#include <armvirt/s2mmu.h>

#define UART_DR 0x09000000ul

/* RAM regions (QEMU virt: RAM at 1 GiB; -m 256 ends at 0x50000000). */
#define IMAGE_BASE 0x40000000ull /* identity-mapped for the guest's code */
#define IMAGE_SIZE 0x00400000ull
#define TABLES_PA 0x44000000ull /* the root and the page pool */
#define TABLES_SIZE 0x01000000ull
#define DATA_PA 0x48000000ull /* what the guest reads, a pattern */
#define DATA_SIZE 0x08000000ull
#define GUEST_IPA 0x80000000ull /* where the guest sees it */
#define DIRTY_IPA 0xc0000000ull /* a region for dirty tracking */

#define HCR_VM ARMVIRT_BIT(0)
#define HCR_RW ARMVIRT_BIT(31)
#define SCTLR_EL1_RES1 0x30d00800ull /* M, C, I clear: stage 1 off */
#define ESR_EC_SHIFT 26
#define ESR_EC_WIDTH 6
#define ESR_EC_DABT_LOW 0x24u
#define ESR_DFSC_WIDTH 6
#define DFSC_TRANSLATION 0x04u /* 0b0001xx: translation fault, level xx */
#define DFSC_PERMISSION 0x0cu  /* 0b0011xx: permission fault, level xx */
#define HPFAR_FIPA_SHIFT 4
#define HPFAR_FIPA_WIDTH 40

uint64_t guest_call(uint64_t op, uint64_t ipa, uint64_t value);
void power_off(void);
void qemu_main(void);
void el2_trap(uint64_t *regs);
void el2_panic(uint64_t esr, uint64_t elr, uint64_t far);
void *memset(void *d, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);
void *memmove(void *d, const void *s, unsigned long n);
int memcmp(const void *a, const void *b, unsigned long n);

/* ---- What a freestanding consumer supplies ---- */

void *memset(void *d, int c, unsigned long n)
{
	unsigned char *p = d;
	while (n--)
		*p++ = (unsigned char)c;
	return d;
}

void *memmove(void *d, const void *s, unsigned long n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;
	if (dp < sp)
		while (n--)
			*dp++ = *sp++;
	else
		while (n--)
			dp[n] = sp[n];
	return d;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
	return memmove(d, s, n);
}

int memcmp(const void *a, const void *b, unsigned long n)
{
	const unsigned char *x = a, *y = b;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

/* ---- Console ---- */

static void putc_(char c)
{
	*(volatile unsigned int *)UART_DR = (unsigned char)c;
}

static void puts_(const char *s)
{
	while (*s)
		putc_(*s++);
}

static void puthex(uint64_t v)
{
	puts_("0x");
	for (int i = 60; i >= 0; i -= 4)
		putc_("0123456789abcdef"[(v >> i) & 15]);
}

static void putdec(uint64_t v)
{
	char b[21];
	int i = 20;
	b[i] = 0;
	do
		b[--i] = (char)('0' + v % 10);
	while (v /= 10);
	puts_(&b[i]);
}

void el2_panic(uint64_t esr, uint64_t elr, uint64_t far)
{
	puts_("s2mmu-qemu: unexpected exception, ESR ");
	puthex(esr);
	puts_(" ELR ");
	puthex(elr);
	puts_(" FAR ");
	puthex(far);
	puts_("\n");
	power_off();
}

/* ---- The VM ---- */

static struct armvirt_s2mmu vm;
static struct armvirt_s2mmu_pool pool;
static const char *config_name;
static unsigned checks, failures;

/* Abort bookkeeping, set by el2_trap(). */
static volatile uint64_t fault_esr, fault_ipa;
static volatile unsigned faults, dirty_faults;
static volatile int dirty_mode;

#define CHECK(cond, what, v)                                                                       \
	do {                                                                                       \
		checks++;                                                                          \
		if (!(cond)) {                                                                     \
			failures++;                                                                \
			puts_("s2mmu-qemu: ");                                                     \
			puts_(config_name);                                                        \
			puts_(": FAILED ");                                                        \
			puts_(what);                                                               \
			puts_(" ");                                                                \
			puthex(v);                                                                 \
			puts_(" (line ");                                                          \
			putdec(__LINE__);                                                          \
			puts_(")\n");                                                              \
		}                                                                                  \
	} while (0)

void el2_trap(uint64_t *regs)
{
	uint64_t esr = armvirt_port_read_esr_el2();
	uint64_t far = armvirt_port_read_far_el2();
	uint64_t hpfar = armvirt_port_read_hpfar_el2();
	uint64_t ipa;

	(void)regs;
	if (armvirt_field_get(esr, ESR_EC_SHIFT, ESR_EC_WIDTH) != ESR_EC_DABT_LOW)
		el2_panic(esr, armvirt_port_read_elr_el2(), far);
	/* HPFAR_EL2.FIPA holds IPA[51:12]; the page offset comes from FAR_EL2. */
	ipa = (armvirt_field_get(hpfar, HPFAR_FIPA_SHIFT, HPFAR_FIPA_WIDTH) << 12) | (far & 0xfff);
	fault_esr = esr;
	fault_ipa = ipa;
	faults++;
	if (dirty_mode && armvirt_s2mmu_dirty_fault(&vm, armvirt_ipa(ipa)) >= 0) {
		dirty_faults++;
		return; /* retry the store */
	}
	armvirt_port_write_elr_el2(armvirt_port_read_elr_el2() + 4); /* skip it */
}

static uint64_t pattern(uint64_t pa)
{
	return pa ^ 0xa5a5000000005a5aull;
}

static uint64_t guest_read(uint64_t ipa)
{
	return guest_call(0, ipa, 0);
}

static void guest_write(uint64_t ipa, uint64_t v)
{
	guest_call(1, ipa, v);
}

static unsigned dfsc(void)
{
	return (unsigned)armvirt_field_get(fault_esr, 0, ESR_DFSC_WIDTH);
}

/* Read @ipa as the guest; expect the pattern of @pa. */
static void expect_read(uint64_t ipa, uint64_t pa)
{
	unsigned before = faults;
	uint64_t v = guest_read(ipa);

	CHECK(faults == before, "unexpected fault reading IPA", ipa);
	CHECK(v == pattern(pa), "wrong value at IPA", ipa);
}

static void expect_fault(uint64_t ipa, bool write, unsigned kind)
{
	unsigned before = faults;

	if (write)
		guest_write(ipa, 0);
	else
		guest_read(ipa);
	CHECK(faults == before + 1, "no fault at IPA", ipa);
	CHECK((dfsc() & ~3u) == kind, "wrong fault status", fault_esr);
	CHECK(fault_ipa == ipa, "wrong fault IPA", fault_ipa);
}

static void ok(int rc, const char *what)
{
	CHECK(rc >= 0, what, (uint64_t)(int64_t)rc);
}

static void stage2_on(const struct armvirt_s2mmu_config *cfg, uint64_t vttbr)
{
	armvirt_port_write_vtcr_el2(cfg->vtcr);
	armvirt_port_write_vttbr_el2(vttbr);
	armvirt_port_write_hcr_el2(HCR_VM | HCR_RW);
	armvirt_port_isb();
	armvirt_port_tlbi(ARMVIRT_TLBI_VMALLS12E1IS, 0);
	armvirt_port_dsb(ARMVIRT_PORT_ISH);
	armvirt_port_isb();
}

static void stage2_off(void)
{
	armvirt_port_write_hcr_el2(HCR_RW);
	armvirt_port_isb();
	armvirt_port_tlbi(ARMVIRT_TLBI_VMALLS12E1IS, 0);
	armvirt_port_dsb(ARMVIRT_PORT_ISH);
	armvirt_port_isb();
}

static void run(const char *name, const struct armvirt_s2mmu_cpu *cpu, unsigned ipa_bits,
		uint64_t g, uint32_t want)
{
	struct armvirt_s2mmu_config cfg;
	struct armvirt_s2mmu_ops ops = { 0 };
	uint64_t root, vttbr, bitmap[4], tables;
	const uint64_t rw = ARMVIRT_S2MMU_RW;
	unsigned c0 = checks, f0 = failures, before;
	int rc;

	config_name = name;
	rc = armvirt_s2mmu_configure(&cfg, cpu, ipa_bits, g, want);
	if (rc == ARMVIRT_ENOTSUP || rc == ARMVIRT_ERANGE) {
		puts_("s2mmu-qemu: ");
		puts_(name);
		puts_(rc == ARMVIRT_ENOTSUP ? ": not supported by this CPU, skipped\n"
					    : ": beyond this CPU's PA range, skipped\n");
		return;
	}
	ok(rc, "configure");
	if (rc)
		return;
	root = TABLES_PA;
	ok(armvirt_s2mmu_pool_init(
		   &pool, armvirt_pa(root + armvirt_s2mmu_root_size(&cfg)),
		   armvirt_va((void *)(uintptr_t)(root + armvirt_s2mmu_root_size(&cfg))),
		   TABLES_SIZE - armvirt_s2mmu_root_size(&cfg), g),
	   "pool");
	armvirt_s2mmu_pool_ops(&pool, &ops); /* EL2 runs with its MMU off: VA = PA */
	ok(armvirt_s2mmu_init(&vm, &cfg, armvirt_pa(root), &ops), "init");
	ok(armvirt_s2mmu_vttbr(&cfg, armvirt_pa(root), 1, &vttbr), "vttbr");

	/* The guest's code, identity-mapped, read-only and executable. */
	ok(armvirt_s2mmu_map(&vm, armvirt_ipa(IMAGE_BASE), armvirt_pa(IMAGE_BASE), IMAGE_SIZE,
			     ARMVIRT_S2MMU_R, 0),
	   "map image");
	stage2_on(&cfg, vttbr);

	/* Blocks (and contiguous groups where blocks do not fit), then a read. */
	ok(armvirt_s2mmu_map(&vm, armvirt_ipa(GUEST_IPA), armvirt_pa(DATA_PA), 32ull << 20, rw, 0),
	   "map data");
	for (uint64_t off = 0; off < (32ull << 20); off += 3 * (1ull << 20) + 5 * g)
		expect_read(GUEST_IPA + off, DATA_PA + off);
	/* Pages with an output address aligned to the granule only. */
	ok(armvirt_s2mmu_map(&vm, armvirt_ipa(GUEST_IPA + (64ull << 20)),
			     armvirt_pa(DATA_PA + (40ull << 20) + g), 20 * g, rw, 0),
	   "map pages");
	for (uint64_t i = 0; i < 20; i += 3)
		expect_read(GUEST_IPA + (64ull << 20) + i * g,
			    DATA_PA + (40ull << 20) + (i + 1) * g);
	/* Unmapped IPAs fault with a translation fault. */
	expect_fault(GUEST_IPA + (64ull << 20) + 20 * g, false, DFSC_TRANSLATION);

	/* Remap what the guest has just used: the old translation must be gone. */
	ok(armvirt_s2mmu_map(&vm, armvirt_ipa(GUEST_IPA), armvirt_pa(DATA_PA + (64ull << 20)),
			     4ull << 20, rw, ARMVIRT_S2MMU_REPLACE),
	   "remap");
	for (uint64_t off = 0; off < (4ull << 20); off += (1ull << 20) + g)
		expect_read(GUEST_IPA + off, DATA_PA + (64ull << 20) + off);
	expect_read(GUEST_IPA + (4ull << 20), DATA_PA + (4ull << 20));

	/* Write-protect one page inside a block: the split is live at once. */
	tables = vm.table_pages;
	guest_write(GUEST_IPA + (8ull << 20) + 2 * g, 0x1234);
	CHECK(guest_read(GUEST_IPA + (8ull << 20) + 2 * g) == 0x1234, "write through block", 0);
	guest_write(GUEST_IPA + (8ull << 20) + 2 * g, pattern(DATA_PA + (8ull << 20) + 2 * g));
	ok(armvirt_s2mmu_protect(&vm, armvirt_ipa(GUEST_IPA + (8ull << 20) + 2 * g), g,
				 ARMVIRT_S2MMU_R, 0),
	   "protect");
	expect_fault(GUEST_IPA + (8ull << 20) + 2 * g, true, DFSC_PERMISSION);
	expect_read(GUEST_IPA + (8ull << 20) + 2 * g, DATA_PA + (8ull << 20) + 2 * g);
	before = faults;
	guest_write(GUEST_IPA + (8ull << 20) + 3 * g, pattern(DATA_PA + (8ull << 20) + 3 * g));
	CHECK(faults == before, "neighbour of a protected page faults", 0);
	/* Unmap a page; map it back as it was: the block re-forms. */
	ok(armvirt_s2mmu_unmap(&vm, armvirt_ipa(GUEST_IPA + (8ull << 20) + 5 * g), g, 0), "unmap");
	expect_fault(GUEST_IPA + (8ull << 20) + 5 * g, false, DFSC_TRANSLATION);
	expect_read(GUEST_IPA + (8ull << 20) + 6 * g, DATA_PA + (8ull << 20) + 6 * g);
	ok(armvirt_s2mmu_protect(&vm, armvirt_ipa(GUEST_IPA + (8ull << 20) + 2 * g), g, rw, 0),
	   "unprotect");
	ok(armvirt_s2mmu_map(&vm, armvirt_ipa(GUEST_IPA + (8ull << 20) + 5 * g),
			     armvirt_pa(DATA_PA + (8ull << 20) + 5 * g), g, rw, 0),
	   "map back");
	expect_read(GUEST_IPA + (8ull << 20) + 5 * g, DATA_PA + (8ull << 20) + 5 * g);
	CHECK(vm.table_pages == tables, "tables not coalesced", vm.table_pages);

	/* Dirty tracking over 32 MiB mapped with the largest blocks that fit. */
	ok(armvirt_s2mmu_map(&vm, armvirt_ipa(DIRTY_IPA), armvirt_pa(DATA_PA + (64ull << 20)),
			     32ull << 20, rw, 0),
	   "map dirty region");
	tables = vm.table_pages;
	ok(armvirt_s2mmu_dirty_start(&vm, armvirt_ipa(DIRTY_IPA), 32ull << 20), "dirty start");
	dirty_mode = 1;
	before = dirty_faults;
	guest_write(DIRTY_IPA + 3 * g + 8, 0xd1d1);
	CHECK(guest_read(DIRTY_IPA + 3 * g + 8) == 0xd1d1, "tracked write lost", 0);
	guest_write(DIRTY_IPA + 3 * g, 0xd2d2); /* already dirty: no fault */
	if (cfg.features & ARMVIRT_S2MMU_FEAT_HD)
		CHECK(dirty_faults == before, "write fault with hardware dirty state",
		      dirty_faults - before);
	else
		CHECK(dirty_faults == before + 1, "dirty faults", dirty_faults - before);
	guest_write(DIRTY_IPA + 200 * g, 0xd3d3);
	memset(bitmap, 0, sizeof(bitmap));
	rc = armvirt_s2mmu_dirty_collect(&vm, armvirt_ipa(DIRTY_IPA), 256 * g, bitmap, 0);
	CHECK(rc == 2, "dirty pages", (uint64_t)rc);
	CHECK(bitmap[0] == (1ull << 3) && bitmap[3] == (1ull << (200 - 192)), "dirty bitmap",
	      bitmap[0]);
	/* Cleaned: the next write is caught again. */
	guest_write(DIRTY_IPA + 3 * g, 0xd4d4);
	memset(bitmap, 0, sizeof(bitmap));
	rc = armvirt_s2mmu_dirty_collect(&vm, armvirt_ipa(DIRTY_IPA), 256 * g, bitmap, 0);
	CHECK(rc == 1 && bitmap[0] == (1ull << 3), "dirty after cleaning", bitmap[0]);
	dirty_mode = 0;
	ok(armvirt_s2mmu_dirty_stop(&vm, armvirt_ipa(DIRTY_IPA), 32ull << 20), "dirty stop");
	before = faults;
	guest_write(DIRTY_IPA + 5 * g, 1);
	CHECK(faults == before, "write after dirty stop faults", 0);
	CHECK(vm.table_pages == tables, "tables not coalesced after tracking", vm.table_pages);

	/* Everything goes; only the root remains, and the guest faults. */
	ok(armvirt_s2mmu_destroy(&vm), "destroy");
	CHECK(vm.table_pages == 0 && pool.used == 0, "pages left", pool.used);
	stage2_off();

	puts_("s2mmu-qemu: ");
	puts_(name);
	puts_(": ");
	putdec(checks - c0);
	puts_(" checks, ");
	putdec(failures - f0);
	puts_(" failed; VTCR_EL2 ");
	puthex(cfg.vtcr);
	puts_("\n");
}

void qemu_main(void)
{
	struct armvirt_s2mmu_cpu cpu;

	armvirt_port_write_sctlr_el1(SCTLR_EL1_RES1);
	for (uint64_t pa = DATA_PA; pa < DATA_PA + DATA_SIZE; pa += 0x1000)
		for (uint64_t o = 0; o < 0x1000; o += 0x800)
			*(volatile uint64_t *)(uintptr_t)(pa + o) = pattern(pa + o);
	armvirt_s2mmu_cpu_read(&cpu);
	puts_("s2mmu-qemu: ID_AA64MMFR0 ");
	puthex(cpu.id_aa64mmfr0);
	puts_(" MMFR1 ");
	puthex(cpu.id_aa64mmfr1);
	puts_(" MMFR2 ");
	puthex(cpu.id_aa64mmfr2);
	puts_("\n");

	run("4K/40", &cpu, 40, 4096, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC);
	run("4K/32 no TTL/range", &cpu, 32, 4096, 0);
	run("16K/40", &cpu, 40, 16384, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC);
	run("64K/42", &cpu, 42, 65536, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC);
	run("4K/48 HA+HD", &cpu, 48, 4096,
	    ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC | ARMVIRT_S2MMU_FEAT_HD);
	run("4K/52 LPA2", &cpu, 52, 4096, ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC);
	/*
	 * Not 16K/52: it starts at level 0 (SL0 = 3 with DS, as the pseudocode's
	 * AArch64.S2InvalidSL allows), which QEMU before 8.0 refuses.
	 */

	puts_(failures ? "s2mmu-qemu: FAIL\n" : "s2mmu-qemu: PASS\n");
}

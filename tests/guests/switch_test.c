/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The world-switch test guest. Every vCPU fills its general-purpose,
 * FP/SIMD and EL1 system registers with patterns of its own, takes
 * thousands of exits (fast-path and full-path hypercalls, trapped system
 * register accesses, emulated MMIO) while the hypervisor switches vCPUs on
 * one physical CPU, and checks every register bit for bit. One line per
 * check, then "N passed, M failed", then PSCI SYSTEM_OFF. With QEMU's
 * -icount shift=0 it also measures a null hypercall round trip through the
 * fast and the full path (1 ns of virtual time = 1 instruction).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MAX_VCPUS 8
#define UART_DR ((volatile uint32_t *)0x09000000)

#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON_64 0xc4000003u
#define PSCI_AFFINITY_INFO_64 0xc4000004u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_FEATURES 0x8400000au
#define SMCCC_VERSION 0x80000000u
#define HYP_CALL_NULL_FAST 0x86000000u
#define HYP_CALL_NULL_FULL 0x86000001u
#define HYP_CALL_YIELD 0x86000002u
#define HYP_CALL_VCPU_COUNT 0x86000003u
#define NOT_SUPPORTED ((uint64_t)-1)

struct fp_regs {
	_Alignas(16) uint64_t v[32][2];
	uint64_t fpsr, fpcr;
};

/* regs.S and start.S */
void gpr_hvc_fast(const uint64_t *in, uint64_t *out);
void gpr_hvc_full(const uint64_t *in, uint64_t *out);
void gpr_sysreg(const uint64_t *in, uint64_t *out);
void gpr_mmio(const uint64_t *in, uint64_t *out);
void fp_load(const struct fp_regs *in);
void fp_store(struct fp_regs *out);
void hvc_loop(uint64_t fid, uint64_t n);
void empty_loop(uint64_t fid, uint64_t n);
uint64_t hvc_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);
void guest_secondary_entry(void);
extern const char guest_vectors[];
void guest_main(uint64_t id);
void guest_exception(uint64_t vector, uint64_t esr, uint64_t elr, uint64_t far);

static volatile unsigned passed[MAX_VCPUS], failed[MAX_VCPUS];
static volatile unsigned arrived[MAX_VCPUS];
static volatile bool vcpu_done[MAX_VCPUS];
static unsigned nvcpus;

/* ---- output ---- */

static void putc_(char c)
{
	if (c == '\n')
		*UART_DR = '\r';
	*UART_DR = (uint32_t)(unsigned char)c;
}

static void puts_(const char *s)
{
	while (*s)
		putc_(*s++);
}

static void putu(uint64_t v)
{
	char b[21];
	int n = 0;

	do {
		b[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		putc_(b[--n]);
}

static void putx(uint64_t v)
{
	puts_("0x");
	for (int s = 60; s >= 0; s -= 4)
		putc_("0123456789abcdef"[(v >> s) & 0xf]);
}

static void check(unsigned id, bool ok, const char *what, const char *detail, uint64_t a,
		  uint64_t b)
{
	if (ok)
		passed[id]++;
	else
		failed[id]++;
	puts_(ok ? "ok   vcpu" : "FAIL vcpu");
	putu(id);
	puts_(": ");
	puts_(what);
	if (detail) {
		puts_(detail);
		if (!ok) {
			puts_(" expected ");
			putx(a);
			puts_(" got ");
			putx(b);
		}
	}
	putc_('\n');
}

void guest_exception(uint64_t vector, uint64_t esr, uint64_t elr, uint64_t far)
{
	unsigned p = 0, f = 1;

	puts_("FAIL unexpected EL1 exception, vector ");
	putu(vector);
	puts_(" ESR_EL1 ");
	putx(esr);
	puts_(" ELR_EL1 ");
	putx(elr);
	puts_(" FAR_EL1 ");
	putx(far);
	putc_('\n');
	for (unsigned i = 0; i < MAX_VCPUS; i++) {
		p += passed[i];
		f += failed[i];
	}
	putu(p);
	puts_(" passed, ");
	putu(f);
	puts_(" failed\n");
	hvc_call(PSCI_SYSTEM_OFF, 0, 0, 0);
}

/* ---- helpers ---- */

#define READ_SYSREG(enc)                                                                           \
	({                                                                                         \
		uint64_t v_;                                                                       \
		__asm__ volatile("mrs %0, " enc : "=r"(v_));                                       \
		v_;                                                                                \
	})
#define WRITE_SYSREG(enc, v) __asm__ volatile("msr " enc ", %0" : : "r"((uint64_t)(v)))

static uint64_t pattern(unsigned id, unsigned round, unsigned i)
{
	uint64_t x = ((uint64_t)id + 1) * 0x9e3779b97f4a7c15u ^ ((uint64_t)round << 40) ^
		     ((uint64_t)i * 0x0101010101010101u);
	return x ^ (x >> 29);
}

/* Wait (yielding) until every running vCPU reached @phase. */
static void rendezvous(unsigned id, unsigned phase)
{
	arrived[id] = phase;
	for (;;) {
		bool all = true;
		for (unsigned i = 0; i < nvcpus; i++)
			all = all && (vcpu_done[i] || arrived[i] >= phase);
		if (all)
			return;
		hvc_call(HYP_CALL_YIELD, 0, 0, 0);
	}
}

/* Exits of every kind, several of them to the loop (which switches vCPUs). */
static void exit_storm(unsigned id, unsigned rounds)
{
	uint64_t in[31], out[31];

	for (unsigned r = 0; r < rounds; r++) {
		for (unsigned i = 0; i < 31; i++)
			in[i] = pattern(id, r, i);
		gpr_hvc_fast(in, out);
		gpr_hvc_full(in, out);
		gpr_sysreg(in, out);
		hvc_call(HYP_CALL_YIELD, 0, 0, 0);
	}
}

/* ---- general-purpose registers ---- */

static void gpr_check(unsigned id, const char *what, void (*fn)(const uint64_t *, uint64_t *),
		      uint64_t x0, unsigned rounds)
{
	uint64_t in[31], out[31], want = 0, got = 0;
	bool ok = true;

	for (unsigned r = 0; r < rounds; r++) {
		for (unsigned i = 0; i < 31; i++)
			in[i] = pattern(id, r, i);
		fn(in, out);
		for (unsigned i = 0; i < 31; i++) {
			uint64_t expect = i == 0 ? x0 : in[i];
			if (out[i] != expect && ok) {
				ok = false;
				want = expect;
				got = out[i];
			}
		}
	}
	check(id, ok, what, ": X0-X30", want, got);
}

/* ---- FP/SIMD ---- */

static void fp_check(unsigned id)
{
	static struct fp_regs in[MAX_VCPUS], out[MAX_VCPUS];
	struct fp_regs *i_ = &in[id], *o = &out[id];
	bool ok = true;
	uint64_t want = 0, got = 0;

	for (unsigned r = 0; r < 32; r++) {
		i_->v[r][0] = pattern(id, 100, r);
		i_->v[r][1] = pattern(id, 101, r);
	}
	/* FPSR: QC and cumulative flags; FPCR: DN/FZ and a rounding mode, per vCPU. */
	i_->fpsr = id & 1 ? 0x0800009fu : 0x08000011u;
	i_->fpcr = id & 1 ? 0x01800000u : 0x02400000u;
	fp_load(i_);
	exit_storm(id, 8);
	fp_store(o);
	for (unsigned r = 0; r < 32 && ok; r++) {
		for (unsigned h = 0; h < 2 && ok; h++) {
			if (o->v[r][h] != i_->v[r][h]) {
				ok = false;
				want = i_->v[r][h];
				got = o->v[r][h];
			}
		}
	}
	check(id, ok, "FP/SIMD", ": V0-V31 after 520 exits and vCPU switches", want, got);
	check(id, o->fpsr == i_->fpsr, "FP/SIMD", ": FPSR", i_->fpsr, o->fpsr);
	check(id, o->fpcr == i_->fpcr, "FP/SIMD", ": FPCR", i_->fpcr, o->fpcr);
}

/* ---- EL1 system registers ---- */

/*
 * Each register: its generic encoding, which bits the architecture (or
 * QEMU) must keep exactly as written (0: only check that whatever it kept
 * survives), and whether it is a pointer-authentication key.
 */
#define EL1_REGS(X)                                                                                \
	X(SCTLR_EL1, "S3_0_C1_C0_0", 0, 0)                                                         \
	X(CPACR_EL1, "S3_0_C1_C0_2", 0x300000u, 0)                                                 \
	X(TTBR0_EL1, "S3_0_C2_C0_0", 0x0000fffffffffffeu, 0)                                       \
	X(TTBR1_EL1, "S3_0_C2_C0_1", 0x0000fffffffffffeu, 0)                                       \
	X(TCR_EL1, "S3_0_C2_C0_2", 0x00000007ffffffffu, 0)                                         \
	X(ESR_EL1, "S3_0_C5_C2_0", 0xffffffffu, 0)                                                 \
	X(AFSR0_EL1, "S3_0_C5_C1_0", 0, 0)                                                         \
	X(AFSR1_EL1, "S3_0_C5_C1_1", 0, 0)                                                         \
	X(FAR_EL1, "S3_0_C6_C0_0", ~0ull, 0)                                                       \
	X(PAR_EL1, "S3_0_C7_C4_0", 0, 0)                                                           \
	X(MAIR_EL1, "S3_0_C10_C2_0", ~0ull, 0)                                                     \
	X(AMAIR_EL1, "S3_0_C10_C3_0", 0, 0)                                                        \
	X(VBAR_EL1, "S3_0_C12_C0_0", ~0x7ffull, 0)                                                 \
	X(CONTEXTIDR_EL1, "S3_0_C13_C0_1", 0xffffffffu, 0)                                         \
	X(TPIDR_EL1, "S3_0_C13_C0_4", ~0ull, 0)                                                    \
	X(TPIDR_EL0, "S3_3_C13_C0_2", ~0ull, 0)                                                    \
	X(TPIDRRO_EL0, "S3_3_C13_C0_3", ~0ull, 0)                                                  \
	X(CNTKCTL_EL1, "S3_0_C14_C1_0", 0x3u, 0)                                                   \
	X(CSSELR_EL1, "S3_2_C0_C0_0", 0, 0)                                                        \
	X(MDSCR_EL1, "S2_0_C0_C2_2", 0, 0)                                                         \
	X(SP_EL0, "S3_0_C4_C1_0", ~0ull, 0)                                                        \
	X(ELR_EL1, "S3_0_C4_C0_1", ~0ull, 0)                                                       \
	X(SPSR_EL1, "S3_0_C4_C0_0", 0xf0000000u, 0)                                                \
	X(APIAKEYLO_EL1, "S3_0_C2_C1_0", ~0ull, 1)                                                 \
	X(APIAKEYHI_EL1, "S3_0_C2_C1_1", ~0ull, 1)                                                 \
	X(APIBKEYLO_EL1, "S3_0_C2_C1_2", ~0ull, 1)                                                 \
	X(APIBKEYHI_EL1, "S3_0_C2_C1_3", ~0ull, 1)                                                 \
	X(APDAKEYLO_EL1, "S3_0_C2_C2_0", ~0ull, 1)                                                 \
	X(APDAKEYHI_EL1, "S3_0_C2_C2_1", ~0ull, 1)                                                 \
	X(APDBKEYLO_EL1, "S3_0_C2_C2_2", ~0ull, 1)                                                 \
	X(APDBKEYHI_EL1, "S3_0_C2_C2_3", ~0ull, 1)                                                 \
	X(APGAKEYLO_EL1, "S3_0_C2_C3_0", ~0ull, 1)                                                 \
	X(APGAKEYHI_EL1, "S3_0_C2_C3_1", ~0ull, 1)

#define ENUM_(name, enc, mask, pauth) R_##name,
enum { EL1_REGS(ENUM_) R_COUNT };

static void el1_write(unsigned r, uint64_t v)
{
	switch (r) {
#define WR_(name, enc, mask, pauth)                                                                \
	case R_##name:                                                                             \
		WRITE_SYSREG(enc, v);                                                              \
		break;
		EL1_REGS(WR_)
	default:
		break;
	}
	__asm__ volatile("isb");
}

static uint64_t el1_read(unsigned r)
{
	switch (r) {
#define RD_(name, enc, mask, pauth)                                                                \
	case R_##name:                                                                             \
		return READ_SYSREG(enc);
		EL1_REGS(RD_)
	default:
		return 0;
	}
}

static const char *const el1_names[] = {
#define NAME_(name, enc, mask, pauth) #name,
	EL1_REGS(NAME_)
};
static const uint64_t el1_masks[] = {
#define MASK_(name, enc, mask, pauth) mask,
	EL1_REGS(MASK_)
};
static const bool el1_pauth[] = {
#define PAUTH_(name, enc, mask, pauth) pauth,
	EL1_REGS(PAUTH_)
};

static bool has_pauth(void)
{
	uint64_t isar1 = READ_SYSREG("S3_0_C0_C6_1"), isar2 = READ_SYSREG("S3_0_C0_C6_2");

	/* ID_AA64ISAR1_EL1 APA, API, GPA, GPI; ID_AA64ISAR2_EL1 GPA3, APA3. */
	return (isar1 & 0xff000ff0u) != 0 || (isar2 & 0xff00u) != 0;
}

static uint64_t el1_value(unsigned id, unsigned r)
{
	switch (r) {
	case R_SCTLR_EL1: /* RES1 bits plus C and I, or UCT, UCI and SA0; the MMU stays off */
		return 0x30d00800u | (id & 1 ? (1u << 15) | (1u << 26) | (1u << 4) : 0x1004u);
	case R_CPACR_EL1:
		return 0x300000u | (id & 1 ? 0x30000u : 0);
	case R_TCR_EL1: /* 4 KiB granules, T0SZ = T1SZ = 25 or 16, IPS 40 or 48 bits */
		return id & 1 ? 0x00000005b5103510u : 0x00000002b5193519u;
	case R_CNTKCTL_EL1:
		return id & 1 ? 0x303u : 0x3u;
	case R_CSSELR_EL1:
		return id & 1 ? 2u : 0u;
	case R_MDSCR_EL1:
		return id & 1 ? 0x1000u : 0u;
	case R_SPSR_EL1:
		return (id & 1 ? 0xa0000000u : 0x50000000u) | 0x3c5u;
	case R_ESR_EL1:
	case R_CONTEXTIDR_EL1:
		return pattern(id, 200, r) & 0xffffffffu;
	default:
		return pattern(id, 200, r);
	}
}

static void el1_check(unsigned id)
{
	uint64_t kept[R_COUNT], after[R_COUNT], written[R_COUNT];
	bool pauth = has_pauth();
	uint64_t mpidr, sp_before, sp_after;

	for (unsigned r = 0; r < R_COUNT; r++) {
		if (el1_pauth[r] && !pauth)
			continue;
		written[r] = el1_value(id, r);
		el1_write(r, written[r]);
		kept[r] = el1_read(r);
	}
	__asm__ volatile("mov %0, sp" : "=r"(sp_before));
	rendezvous(id, 2);
	exit_storm(id, 8);
	rendezvous(id, 3);
	__asm__ volatile("mov %0, sp" : "=r"(sp_after));
	for (unsigned r = 0; r < R_COUNT; r++)
		after[r] = el1_pauth[r] && !pauth ? 0 : el1_read(r);
	/* Back to a sane state before printing anything. */
	el1_write(R_VBAR_EL1, (uintptr_t)guest_vectors);
	el1_write(R_SCTLR_EL1, 0x30d00800u);
	el1_write(R_CPACR_EL1, 0x300000u);
	el1_write(R_MDSCR_EL1, 0);

	for (unsigned r = 0; r < R_COUNT; r++) {
		uint64_t m = el1_masks[r];
		if (el1_pauth[r] && !pauth)
			continue;
		check(id, after[r] == kept[r] && (kept[r] & m) == (written[r] & m), el1_names[r],
		      m ? " kept as written across exits and switches"
			: " kept across exits and switches",
		      m ? written[r] & m : kept[r], after[r]);
	}
	check(id, sp_after == sp_before, "SP_EL1", " (the stack pointer) intact", sp_before,
	      sp_after);
	mpidr = READ_SYSREG("mpidr_el1");
	check(id, mpidr == (0x80000000u | id), "MPIDR_EL1", " is this vCPU's (VMPIDR_EL2)",
	      0x80000000u | id, mpidr);
}

/* ---- PSCI ---- */

static void psci_checks(void)
{
	uint64_t v;

	v = hvc_call(PSCI_VERSION, 0, 0, 0);
	check(0, v == 0x10001, "PSCI", " VERSION is 1.1", 0x10001, v);
	v = hvc_call(SMCCC_VERSION, 0, 0, 0);
	check(0, v == 0x10001, "SMCCC", " VERSION is 1.1", 0x10001, v);
	v = hvc_call(PSCI_FEATURES, PSCI_SYSTEM_OFF, 0, 0);
	check(0, v == 0, "PSCI", " FEATURES(SYSTEM_OFF) implemented", 0, v);
	v = hvc_call(0x8400001fu, 0, 0, 0);
	check(0, v == NOT_SUPPORTED, "PSCI", " unknown function is NOT_SUPPORTED", NOT_SUPPORTED,
	      v);
	v = hvc_call(0xc6001234u, 0, 0, 0);
	check(0, v == NOT_SUPPORTED, "SMCCC", " unknown vendor call is NOT_SUPPORTED",
	      NOT_SUPPORTED, v);
}

/* ---- measurement ---- */

static uint64_t counter(void)
{
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntvct_el0; isb" : "=r"(v));
	return v;
}

static uint64_t ns_per_iter(uint64_t ticks, uint64_t n)
{
	uint64_t freq = READ_SYSREG("cntfrq_el0");

	return ticks * (1000000000u / freq) / n;
}

static void measure(void)
{
	const uint64_t n = 2000;
	uint64_t t0, t1, t2, t3, loop, fast, full;

	t0 = counter();
	empty_loop(HYP_CALL_NULL_FAST, n);
	t1 = counter();
	hvc_loop(HYP_CALL_NULL_FAST, n);
	t2 = counter();
	hvc_loop(HYP_CALL_NULL_FULL, n);
	t3 = counter();
	loop = ns_per_iter(t1 - t0, n);
	fast = ns_per_iter(t2 - t1, n);
	full = ns_per_iter(t3 - t2, n);
	puts_("icount: null hypercall round trip (guest HVC to guest resume): fast path ");
	putu(fast - loop);
	puts_(", full path ");
	putu(full - loop);
	puts_(" instructions (guest loop of ");
	putu(loop);
	puts_(" subtracted; exact with -icount shift=0)\n");
}

/* ---- main ---- */

static void run_checks(unsigned id)
{
	rendezvous(id, 1);
	gpr_check(id, "fast-path HVC x1024", gpr_hvc_fast, 0, 64);
	gpr_check(id, "full-path HVC x1024", gpr_hvc_full, 0, 64);
	gpr_check(id, "trapped ACTLR_EL1 x1024", gpr_sysreg, 0, 32);
	gpr_check(id, "emulated UART read x1024", gpr_mmio, 0x90, 64);
	el1_check(id);
	rendezvous(id, 4);
	fp_check(id);
}

void guest_main(uint64_t id)
{
	unsigned p = 0, f = 0;

	if (id != 0) {
		run_checks((unsigned)id);
		vcpu_done[id] = true;
		hvc_call(PSCI_CPU_OFF, 0, 0, 0);
		return;
	}
	nvcpus = (unsigned)hvc_call(HYP_CALL_VCPU_COUNT, 0, 0, 0);
	puts_("armvirt switch test guest: ");
	putu(nvcpus);
	puts_(" vCPU(s)\n");
	if (nvcpus > MAX_VCPUS)
		nvcpus = MAX_VCPUS;
	psci_checks();
	for (unsigned i = 1; i < nvcpus; i++) {
		uint64_t r = hvc_call(PSCI_CPU_ON_64, 0x80000000u | i,
				      (uintptr_t)guest_secondary_entry, i);
		check(0, r == 0, "PSCI", " CPU_ON of a secondary vCPU", 0, r);
	}
	run_checks(0);
	vcpu_done[0] = true;
	for (unsigned i = 1; i < nvcpus; i++) {
		while (hvc_call(PSCI_AFFINITY_INFO_64, 0x80000000u | i, 0, 0) != 1)
			hvc_call(HYP_CALL_YIELD, 0, 0, 0);
		check(0, vcpu_done[i], "PSCI", " secondary finished, then CPU_OFF", 1,
		      vcpu_done[i]);
	}
	measure();
	for (unsigned i = 0; i < MAX_VCPUS; i++) {
		p += passed[i];
		f += failed[i];
	}
	putu(p);
	puts_(" passed, ");
	putu(f);
	puts_(" failed\n");
	hvc_call(PSCI_SYSTEM_OFF, 0, 0, 0);
}

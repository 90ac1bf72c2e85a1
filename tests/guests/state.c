/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Register state across exits and vCPU switches: every vCPU fills its
 * general-purpose, FP/SIMD and EL1 system registers with patterns of its
 * own, takes thousands of exits (hypercalls answered in the vectors, on the fast path and in the loop,
 * trapped system register accesses, emulated MMIO) while the hypervisor
 * switches vCPUs, and checks every register bit for bit.
 */
#include "guest.h"
#include "state.h"

/* Exits of every kind, several of them to the loop (which switches vCPUs). */
static void exit_storm(unsigned id, unsigned rounds)
{
	uint64_t in[31], out[31];

	for (unsigned r = 0; r < rounds; r++) {
		for (unsigned i = 0; i < 31; i++)
			in[i] = pattern(id, r, i);
		gpr_hvc_fast(in, out);
		gpr_hvc_full(in, out);
		gpr_hvc_vector(in, out);
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
	uint64_t vbar = el1_read(R_VBAR_EL1), sctlr = el1_read(R_SCTLR_EL1),
		 cpacr = el1_read(R_CPACR_EL1), mdscr = el1_read(R_MDSCR_EL1);

	for (unsigned r = 0; r < R_COUNT; r++) {
		if (el1_pauth[r] && !pauth)
			continue;
		written[r] = el1_value(id, r);
		el1_write(r, written[r]);
		kept[r] = el1_read(r);
	}
	__asm__ volatile("mov %0, sp" : "=r"(sp_before));
	barrier(id);
	exit_storm(id, 8);
	barrier(id);
	__asm__ volatile("mov %0, sp" : "=r"(sp_after));
	for (unsigned r = 0; r < R_COUNT; r++)
		after[r] = el1_pauth[r] && !pauth ? 0 : el1_read(r);
	/* Back to a sane state before printing anything. */
	el1_write(R_VBAR_EL1, vbar);
	el1_write(R_SCTLR_EL1, sctlr);
	el1_write(R_CPACR_EL1, cpacr);
	el1_write(R_MDSCR_EL1, mdscr);

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

/* Every check, on vCPU @id, in step with the other vCPUs running them. */
void state_checks(unsigned id)
{
	barrier(id);
	gpr_check(id, "fast-path HVC x1024", gpr_hvc_fast, 0, 64);
	gpr_check(id, "full-path HVC x1024", gpr_hvc_full, 0, 64);
	gpr_check(id, "HVC answered in the vectors x1024", gpr_hvc_vector, 0x10001, 64);
	gpr_check(id, "unknown HVC answered in the vectors x1024", gpr_hvc_unknown, ~0ull, 64);
	gpr_check(id, "trapped ACTLR_EL1 x1024", gpr_sysreg, 0, 32);
	gpr_check(id, "emulated UART read x1024", gpr_mmio, 0x90, 64);
	el1_check(id);
	barrier(id);
	fp_check(id);
}

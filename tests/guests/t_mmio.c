/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MMIO emulation, checked from the inside: every load/store class the
 * hypervisor must emulate, executed against the test device's scratch
 * memory (devices.h), once each. A shadow copy in RAM says what the device
 * must hold; the expected register values are worked out here from the
 * Arm ARM's description of each instruction (zero or sign extension, W
 * registers clearing bits [63:32], writing a SIMD&FP register's low bits
 * clearing the rest, writeback of the base), not from the hypervisor's
 * code. The device's access log gives the number and width of the
 * accesses the hypervisor made.
 */
#include "tests.h"

#define TESTDEV 0x0b000000ul
#define TD_SCRATCH 0x800u
#define TD_LAST_INFO 0x808u
#define TD_COUNT 0x818u
#define TD_WRITE (1u << 8)
#define WIN 0x200u			   /* where the instructions point in the scratch */
#define SPAN 0x40u			   /* bytes on each side of WIN the checks compare */
#define SIGNED_VALUE 0xf1e2d3c48765c39aull /* byte, halfword, word all negative */

struct mmio_regs {
	uint64_t x0, x1, x2, x3;
	uint64_t q0[2], q1[2];
};

uint64_t isolation_load(uint64_t addr); /* t_isolation.c */

/* mmio_ops.S: one instruction each. */
#define DECLARE_OP(n) void mmio_##n(struct mmio_regs *r)
DECLARE_OP(str_x);
DECLARE_OP(ldr_x);
DECLARE_OP(str_w);
DECLARE_OP(ldr_w);
DECLARE_OP(strh);
DECLARE_OP(ldrh);
DECLARE_OP(ldrsh_w);
DECLARE_OP(ldrsh_x);
DECLARE_OP(strb);
DECLARE_OP(ldrb);
DECLARE_OP(ldrsb_w);
DECLARE_OP(ldrsb_x);
DECLARE_OP(ldrsw);
DECLARE_OP(ldr_x_off);
DECLARE_OP(ldr_x_reg);
DECLARE_OP(ldur_x);
DECLARE_OP(stur_w);
DECLARE_OP(str_xzr);
DECLARE_OP(ldar_x);
DECLARE_OP(stlr_w);
DECLARE_OP(ldapr_w);
DECLARE_OP(ldr_x_pre);
DECLARE_OP(str_x_post);
DECLARE_OP(ldrb_post);
DECLARE_OP(strh_pre);
DECLARE_OP(ldp_x);
DECLARE_OP(stp_x);
DECLARE_OP(ldp_w);
DECLARE_OP(stp_w_pre);
DECLARE_OP(ldp_x_post);
DECLARE_OP(ldpsw);
DECLARE_OP(ldnp_x);
DECLARE_OP(stnp_w);
DECLARE_OP(str_q);
DECLARE_OP(ldr_q);
DECLARE_OP(ldr_d);
DECLARE_OP(str_s);
DECLARE_OP(ldr_h);
DECLARE_OP(ldr_b_post);
DECLARE_OP(ldp_q);
DECLARE_OP(stp_d_pre);
DECLARE_OP(stp_s);

/* The device (and its log) is shared: one vCPU at a time runs a check. */
static volatile uint32_t device_lock;
static uint8_t shadow[TD_SCRATCH];
/* Where each vCPU's instructions see the device: its IPA (0), or another VA with the MMU on. */
static uintptr_t device_va[MAX_VCPUS];

static volatile uint64_t *td64(uint64_t off)
{
	return (volatile uint64_t *)(TESTDEV + off);
}

static uint64_t sh_get(uint64_t off, unsigned size)
{
	uint64_t v = 0;

	for (unsigned i = size; i-- > 0;)
		v = (v << 8) | shadow[off + i];
	return v;
}

static void sh_put(uint64_t off, unsigned size, uint64_t v)
{
	for (unsigned i = 0; i < size; i++)
		shadow[off + i] = (uint8_t)(v >> (8 * i));
}

/* Fill the window with fresh values, in the device and the shadow alike. */
static void window_fill(unsigned round)
{
	for (uint64_t off = WIN - SPAN; off < WIN + SPAN; off += 8) {
		uint64_t v = off == WIN ? SIGNED_VALUE : pattern(vcpu_self(), round, (unsigned)off);
		*td64(off) = v;
		sh_put(off, 8, v);
	}
	*td64(TD_COUNT) = 0; /* reset the access log */
}

static uint64_t sext(uint64_t v, unsigned bits)
{
	uint64_t m = 1ull << (bits - 1);

	v &= (m << 1) - 1;
	return (v ^ m) - m;
}

/*
 * Run @op with @in, then check the registers against @want, the number of
 * device accesses against @accesses, the last access's width and direction
 * against @info (0: not checked) and the whole window against the shadow.
 */
static void run(const char *name, void (*op)(struct mmio_regs *), const struct mmio_regs *in,
		const struct mmio_regs *want, unsigned accesses, unsigned info)
{
	struct mmio_regs r = *in;
	uint64_t n, last, want_v = 0, got_v = 0;
	const uint64_t *w = &want->x0, *g = &r.x0;
	bool ok = true;

	op(&r);
	n = *td64(TD_COUNT);
	last = *td64(TD_LAST_INFO);
	for (unsigned i = 0; i < sizeof(r) / 8 && ok; i++) {
		if (g[i] != w[i]) {
			ok = false;
			want_v = w[i];
			got_v = g[i];
		}
	}
	if (ok && n != accesses) {
		ok = false;
		want_v = accesses;
		got_v = n;
	}
	if (ok && info && last != info) {
		ok = false;
		want_v = info;
		got_v = last;
	}
	for (uint64_t off = WIN - SPAN; off < WIN + SPAN && ok; off += 8) {
		uint64_t v = *td64(off);
		if (v != sh_get(off, 8)) {
			ok = false;
			want_v = sh_get(off, 8);
			got_v = v;
		}
	}
	check(vcpu_self(), ok,
	      device_va[vcpu_self()] ? "MMIO, guest MMU on, device at another VA: " : "MMIO ", name,
	      want_v, got_v);
}

static void base_regs(struct mmio_regs *r, unsigned round)
{
	unsigned vid = vcpu_self();

	r->x0 = (device_va[vid] ? device_va[vid] : TESTDEV) + WIN;
	r->x1 = pattern(vid, round, 1);
	r->x2 = pattern(vid, round, 2);
	r->x3 = 5;
	r->q0[0] = pattern(vid, round, 3);
	r->q0[1] = pattern(vid, round, 4);
	r->q1[0] = pattern(vid, round, 5);
	r->q1[1] = pattern(vid, round, 6);
}

static bool has_lrcpc(void)
{
	return ((READ_SYSREG("S3_0_C0_C6_1") >> 20) & 0xfu) != 0; /* ID_AA64ISAR1_EL1.LRCPC */
}

/* One check: fresh window, registers, expected effects (@setup), run. */
#define CASE_OP(op) mmio_##op
#define CASE(op, accesses, info, setup)                                                            \
	do {                                                                                       \
		spin_lock(&device_lock);                                                           \
		window_fill(++round);                                                              \
		base_regs(&in, round);                                                             \
		want = in;                                                                         \
		setup;                                                                             \
		run(#op, CASE_OP(op), &in, &want, accesses, info);                                 \
		spin_unlock(&device_lock);                                                         \
	} while (0)

/* Loads and stores the syndrome describes (ESR_EL2.ISV = 1). */
static void syndrome_forms(void)
{
	struct mmio_regs in, want;
	unsigned round = 0;

	CASE(str_x, 1, 8 | TD_WRITE, sh_put(WIN, 8, in.x1));
	CASE(ldr_x, 1, 8, want.x1 = sh_get(WIN, 8));
	CASE(str_w, 1, 4 | TD_WRITE, sh_put(WIN, 4, in.x1));
	CASE(ldr_w, 1, 4, want.x1 = sh_get(WIN, 4));
	CASE(strh, 1, 2 | TD_WRITE, sh_put(WIN, 2, in.x1));
	CASE(ldrh, 1, 2, want.x1 = sh_get(WIN, 2));
	CASE(ldrsh_w, 1, 2, want.x1 = (uint32_t)sext(sh_get(WIN, 2), 16));
	CASE(ldrsh_x, 1, 2, want.x1 = sext(sh_get(WIN, 2), 16));
	CASE(strb, 1, 1 | TD_WRITE, sh_put(WIN, 1, in.x1));
	CASE(ldrb, 1, 1, want.x1 = sh_get(WIN, 1));
	CASE(ldrsb_w, 1, 1, want.x1 = (uint32_t)sext(sh_get(WIN, 1), 8));
	CASE(ldrsb_x, 1, 1, want.x1 = sext(sh_get(WIN, 1), 8));
	CASE(ldrsw, 1, 4, want.x1 = sext(sh_get(WIN, 4), 32));
	CASE(ldr_x_off, 1, 8, want.x1 = sh_get(WIN + 0x18, 8));
	CASE(ldr_x_reg, 1, 8, want.x1 = sh_get(WIN + 5 * 8, 8));
	CASE(ldur_x, 1, 8, want.x1 = sh_get(WIN - 8, 8));
	CASE(stur_w, 1, 4 | TD_WRITE, sh_put(WIN - 4, 4, in.x1));
	CASE(str_xzr, 1, 8 | TD_WRITE, sh_put(WIN, 8, 0));
	CASE(ldar_x, 1, 8, want.x1 = sh_get(WIN, 8));
	CASE(stlr_w, 1, 4 | TD_WRITE, sh_put(WIN, 4, in.x1));
	if (has_lrcpc())
		CASE(ldapr_w, 1, 4, want.x1 = sh_get(WIN, 4));
}

/* Loads and stores the hypervisor must decode from the instruction (ISV = 0). */
static void instruction_forms(void)
{
	struct mmio_regs in, want;
	unsigned round = 100;

	/* Writeback: pre- and post-index, both directions. */
	CASE(ldr_x_pre, 1, 8, (want.x1 = sh_get(WIN + 8, 8), want.x0 = in.x0 + 8));
	CASE(str_x_post, 1, 8 | TD_WRITE, (sh_put(WIN, 8, in.x1), want.x0 = in.x0 + 16));
	CASE(ldrb_post, 1, 1, (want.x1 = sh_get(WIN, 1), want.x0 = in.x0 - 1));
	CASE(strh_pre, 1, 2 | TD_WRITE, (sh_put(WIN - 2, 2, in.x1), want.x0 = in.x0 - 2));
	/* Pairs: two accesses each. */
	CASE(ldp_x, 2, 8, (want.x1 = sh_get(WIN, 8), want.x2 = sh_get(WIN + 8, 8)));
	CASE(stp_x, 2, 8 | TD_WRITE, (sh_put(WIN + 16, 8, in.x1), sh_put(WIN + 24, 8, in.x2)));
	CASE(ldp_w, 2, 4, (want.x1 = sh_get(WIN, 4), want.x2 = sh_get(WIN + 4, 4)));
	CASE(stp_w_pre, 2, 4 | TD_WRITE,
	     (sh_put(WIN - 8, 4, in.x1), sh_put(WIN - 4, 4, in.x2), want.x0 = in.x0 - 8));
	CASE(ldp_x_post, 2, 8,
	     (want.x1 = sh_get(WIN, 8), want.x2 = sh_get(WIN + 8, 8), want.x0 = in.x0 + 32));
	CASE(ldpsw, 2, 4,
	     (want.x1 = sext(sh_get(WIN, 4), 32), want.x2 = sext(sh_get(WIN + 4, 4), 32)));
	CASE(ldnp_x, 2, 8, (want.x1 = sh_get(WIN, 8), want.x2 = sh_get(WIN + 8, 8)));
	CASE(stnp_w, 2, 4 | TD_WRITE, (sh_put(WIN, 4, in.x1), sh_put(WIN + 4, 4, in.x2)));
	/* SIMD&FP: writing B/H/S/D clears the rest of the register; Q is two accesses. */
	CASE(str_q, 2, 8 | TD_WRITE, (sh_put(WIN, 8, in.q0[0]), sh_put(WIN + 8, 8, in.q0[1])));
	CASE(ldr_q, 2, 8, (want.q0[0] = sh_get(WIN, 8), want.q0[1] = sh_get(WIN + 8, 8)));
	CASE(ldr_d, 1, 8, (want.q0[0] = sh_get(WIN, 8), want.q0[1] = 0));
	CASE(str_s, 1, 4 | TD_WRITE, sh_put(WIN, 4, in.q0[0]));
	CASE(ldr_h, 1, 2, (want.q0[0] = sh_get(WIN, 2), want.q0[1] = 0));
	CASE(ldr_b_post, 1, 1, (want.q0[0] = sh_get(WIN, 1), want.q0[1] = 0, want.x0 = in.x0 + 1));
	CASE(ldp_q, 4, 8,
	     (want.q0[0] = sh_get(WIN, 8), want.q0[1] = sh_get(WIN + 8, 8),
	      want.q1[0] = sh_get(WIN + 16, 8), want.q1[1] = sh_get(WIN + 24, 8)));
	CASE(stp_d_pre, 2, 8 | TD_WRITE,
	     (sh_put(WIN + 16, 8, in.q0[0]), sh_put(WIN + 24, 8, in.q1[0]), want.x0 = in.x0 + 16));
	CASE(stp_s, 2, 4 | TD_WRITE, (sh_put(WIN, 4, in.q0[0]), sh_put(WIN + 4, 4, in.q1[0])));
}

/*
 * The guest's own stage 1 on: RAM and the low devices identity-mapped, RAM
 * a second time at CODE_ALIAS_VA (the instructions run from there), and the
 * test device at REMAP_VA (two pages, both the device). Neither the PC nor
 * the data address is then the IPA: the hypervisor must translate the PC
 * to fetch the instruction, and the second page of an access that crosses
 * into it, through the guest's tables. VMSAv8-64, 4 KiB granule, 39-bit
 * VAs starting at level 1 (Arm ARM D8).
 */
#define REMAP_VA 0x100000000ul
#define CODE_ALIAS_VA 0x80000000ul
#define BEYOND_IPA 0x100000000ul /* past the 32-bit IPA space QEMU's virt guest has */
#define EC_DABT_CUR 0x25u
#define FSC_SEA 0x10u
#define MAIR_DEVICE 0u /* attribute index 0: Device-nGnRnE (0x00) */
#define MAIR_NORMAL 1u /* attribute index 1: Normal write-back (0xff) */
#define MAIR_VALUE 0xff00ul
#define DESC_BLOCK 0x1ul
#define DESC_TABLE 0x3ul
#define DESC_PAGE 0x3ul
#define DESC_ATTR(i) ((uint64_t)(i) << 2)
#define DESC_SH_INNER (3ul << 8)
#define DESC_AF (1ul << 10)
#define DESC_XN (3ul << 53) /* PXN and UXN */
#define TCR_VALUE                                                                                  \
	(25ul /* T0SZ: 39-bit VA */ | 1ul << 8 /* IRGN0 WB */ | 1ul << 10 /* ORGN0 WB */ |         \
	 3ul << 12 /* SH0 inner */ | 1ul << 23 /* EPD1: no TTBR1 walks */ |                        \
	 2ul << 32 /* IPS 40 */)
#define SCTLR_M (1ul << 0)
#define SCTLR_C (1ul << 2)
#define SCTLR_I (1ul << 12)

static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t l2_remap[512] __attribute__((aligned(4096)));
static uint64_t l3_remap[512] __attribute__((aligned(4096)));

static uint64_t mmu_on(void)
{
	uint64_t sctlr = READ_SYSREG("sctlr_el1");

	l1[0] = 0x00000000ul | DESC_BLOCK | DESC_ATTR(MAIR_DEVICE) | DESC_AF | DESC_XN;
	l1[1] = RAM_BASE | DESC_BLOCK | DESC_ATTR(MAIR_NORMAL) | DESC_SH_INNER | DESC_AF;
	l1[CODE_ALIAS_VA >> 30] = l1[1];
	l1[REMAP_VA >> 30] = (uintptr_t)l2_remap | DESC_TABLE;
	l2_remap[0] = (uintptr_t)l3_remap | DESC_TABLE;
	l3_remap[0] = TESTDEV | DESC_PAGE | DESC_ATTR(MAIR_DEVICE) | DESC_AF | DESC_XN;
	l3_remap[1] = l3_remap[0];
	l3_remap[2] = BEYOND_IPA | DESC_PAGE | DESC_ATTR(MAIR_DEVICE) | DESC_AF | DESC_XN;
	DSB();
	WRITE_SYSREG("mair_el1", MAIR_VALUE);
	WRITE_SYSREG("tcr_el1", TCR_VALUE);
	WRITE_SYSREG("ttbr0_el1", (uintptr_t)l1);
	__asm__ volatile("isb; tlbi vmalle1; dsb nsh; isb" ::: "memory");
	WRITE_SYSREG("sctlr_el1", sctlr | SCTLR_M | SCTLR_C | SCTLR_I);
	ISB();
	return sctlr;
}

static void mmu_off(uint64_t sctlr)
{
	WRITE_SYSREG("sctlr_el1", sctlr);
	__asm__ volatile("isb; tlbi vmalle1; dsb nsh; isb" ::: "memory");
}

typedef void (*op_fn)(struct mmio_regs *);

/* The same function, at its address in the alias of RAM. */
static op_fn aliased(op_fn f)
{
	return (op_fn)((uintptr_t)f - RAM_BASE + CODE_ALIAS_VA);
}

static void remapped_forms(void)
{
	struct fault_info f;
	struct mmio_regs in, want;
	unsigned round = 200;
	uint64_t sctlr = mmu_on();

#undef CASE_OP
#define CASE_OP(op) aliased(mmio_##op)
	device_va[vcpu_self()] = REMAP_VA;
	CASE(str_x, 1, 8 | TD_WRITE, sh_put(WIN, 8, in.x1));
	CASE(ldr_x_pre, 1, 8, (want.x1 = sh_get(WIN + 8, 8), want.x0 = in.x0 + 8));
	CASE(ldp_x, 2, 8, (want.x1 = sh_get(WIN, 8), want.x2 = sh_get(WIN + 8, 8)));
	CASE(ldr_q, 2, 8, (want.q0[0] = sh_get(WIN, 8), want.q0[1] = sh_get(WIN + 8, 8)));
	CASE(stp_w_pre, 2, 4 | TD_WRITE,
	     (sh_put(WIN - 8, 4, in.x1), sh_put(WIN - 4, 4, in.x2), want.x0 = in.x0 - 8));
	/* Across the page boundary: offset 0xff8 of one page (a register that reads
	 * 0), then the scratch at offset 0 of the next. */
	CASE(ldp_x, 1, 8,
	     (in.x0 = REMAP_VA + 0xff8, want.x0 = in.x0, want.x1 = 0, want.x2 = sh_get(0, 8)));
	device_va[vcpu_self()] = 0;
#undef CASE_OP
	/* A page the guest maps beyond its IPA space: an external abort, as for nothing. */
	fault_expect(FAULT_SKIP);
	(void)isolation_load(REMAP_VA + 0x2000);
	f = fault_result();
	check(vcpu_self(),
	      f.taken && ((f.esr >> 26) & 0x3fu) == EC_DABT_CUR && (f.esr & 0x3fu) == FSC_SEA &&
		      f.far == REMAP_VA + 0x2000,
	      "MMIO, guest MMU on: a load from beyond the IPA space", " is an external abort",
	      REMAP_VA + 0x2000, f.taken ? f.far : 0);
#define CASE_OP(op) mmio_##op
	mmu_off(sctlr);
}

void mmio_checks(unsigned id, bool instruction_forms_too)
{
	syndrome_forms();
	if (instruction_forms_too) {
		instruction_forms();
		if (id == 0)
			remapped_forms();
	}
}

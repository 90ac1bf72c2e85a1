/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Planning and completion on a register file: writeback, XZR/WZR and SP,
 * W-register zeroing, sign extension, SIMD&FP registers, PC and PSTATE,
 * AArch32 banking and IT state, endianness, and accesses that straddle a
 * page or a device boundary. Instruction words are GNU as output; the
 * expected register values are worked out by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <armvirt/err.h>
#include <armvirt/mmio.h>

#define SPSR_EL1H 0x3c5u	       /* AArch64 EL1h, DAIF masked */
#define SPSR_BTYPE (UINT64_C(3) << 10) /* AArch64 BTYPE */
#define SPSR_SS (UINT64_C(1) << 21)
#define SPSR_A32(mode) (0x10u | (mode)) /* AArch32, A32 state */
#define SPSR_T (UINT64_C(1) << 5)
#define SPSR_E (UINT64_C(1) << 9)
#define SPSR_C (UINT64_C(1) << 29)
#define MODE_FIQ 0x1u
#define MODE_IRQ 0x2u
#define MODE_SVC 0x3u
#define MODE_HYP 0xau
#define MODE_USR 0x0u

static struct armvirt_mmio_vreg vregs[32];

static struct armvirt_mmio_regs regs_a64(void)
{
	struct armvirt_mmio_regs r;

	memset(&r, 0, sizeof(r));
	for (unsigned i = 0; i < 31; i++)
		r.x[i] = UINT64_C(0x1111111111111111) * (i % 15 + 1);
	r.sp = 0x80001000;
	r.pc = 0xffff000000010000;
	r.pstate = SPSR_EL1H | SPSR_BTYPE | SPSR_SS;
	memset(vregs, 0xee, sizeof(vregs));
	r.v = vregs;
	return r;
}

/* Decode, plan with the fault at @far (IPA @ipa), check the part count. */
static void plan(unsigned isa, uint32_t insn, const struct armvirt_mmio_regs *r, uint64_t far,
		 uint64_t ipa, unsigned flags, struct armvirt_mmio_insn *d,
		 struct armvirt_mmio_xfer *x, unsigned nparts)
{
	assert_int_equal(armvirt_mmio_decode(isa, insn, d), 0);
	assert_int_equal(d->reason, ARMVIRT_MMIO_OK);
	assert_int_equal(armvirt_mmio_xfer_init(x, d, r, far, armvirt_ipa(ipa), flags), 0);
	assert_int_equal(x->nparts, nparts);
}

static void test_load_w_clears_upper(void **state)
{
	struct armvirt_mmio_regs r = regs_a64();
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;
	uint64_t pc = r.pc;

	(void)state;
	r.x[1] = 0x90000000;
	/* ldr w0, [x1, #8] */
	plan(ARMVIRT_MMIO_ISA_A64, 0xb9400820, &r, 0x90000008, 0x09000008, 0, &d, &x, 1);
	assert_int_equal(x.va, 0x90000008);
	assert_int_equal(x.bytes, 4);
	assert_int_equal(armvirt_ipa_val(x.part[0].acc.addr), 0x09000008);
	assert_true(x.part[0].ipa_valid);
	assert_int_equal(x.part[0].acc.size, 4);
	assert_false(x.part[0].acc.is_write);
	x.part[0].acc.data = 0xdeadbeefcafef00d; /* bits above the size are ignored */
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[0], 0xcafef00d);
	assert_int_equal(r.x[1], 0x90000000);
	assert_int_equal(r.pc, pc + 4);
	assert_int_equal(r.pstate, SPSR_EL1H); /* BTYPE and SS cleared */
}

static void test_sign_extension_and_post_index(void **state)
{
	struct armvirt_mmio_regs r = regs_a64();
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;

	(void)state;
	/* ldrsb x2, [x3], #1: loads from x3, then x3 += 1 */
	r.x[3] = 0x5000;
	plan(ARMVIRT_MMIO_ISA_A64, 0x38801462, &r, 0x5000, 0x40005000, 0, &d, &x, 1);
	x.part[0].acc.data = 0x80;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[2], 0xffffffffffffff80);
	assert_int_equal(r.x[3], 0x5001);

	/* ldrsb w2, [x3], #1: to 32 bits, upper half zero */
	plan(ARMVIRT_MMIO_ISA_A64, 0x38c01462, &r, 0x5001, 0x40005001, 0, &d, &x, 1);
	x.part[0].acc.data = 0xfe;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[2], 0xfffffffe);
	assert_int_equal(r.x[3], 0x5002);

	/* ldrsw x4, [x5] */
	r.x[5] = 0x6000;
	plan(ARMVIRT_MMIO_ISA_A64, 0xb98000a4, &r, 0x6000, 0x40006000, 0, &d, &x, 1);
	x.part[0].acc.data = 0x80000000;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[4], 0xffffffff80000000);
	/* positive values stay positive */
	plan(ARMVIRT_MMIO_ISA_A64, 0xb98000a4, &r, 0x6000, 0x40006000, 0, &d, &x, 1);
	x.part[0].acc.data = 0x7fffffff;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[4], 0x7fffffff);
}

static void test_zero_register_and_sp(void **state)
{
	struct armvirt_mmio_regs r = regs_a64(), before;
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;

	(void)state;
	/* ldr xzr, [sp, #8]!: the value goes nowhere, SP moves */
	before = r;
	plan(ARMVIRT_MMIO_ISA_A64, 0xf8408fff, &r, 0x80001008, 0x08001008, 0, &d, &x, 1);
	x.part[0].acc.data = 0x1234;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.sp, 0x80001008);
	assert_memory_equal(r.x, before.x, sizeof(r.x));

	/* str wzr, [x0]: stores zero */
	r.x[0] = 0x7000;
	plan(ARMVIRT_MMIO_ISA_A64, 0xb900001f, &r, 0x7000, 0x40007000, 0, &d, &x, 1);
	assert_true(x.part[0].acc.is_write);
	assert_int_equal(x.part[0].acc.data, 0);
	assert_int_equal(x.part[0].acc.size, 4);

	/* stp x29, x30, [sp, #-16]!: two parts, in order, then SP -= 16 */
	r.x[29] = 0x2929292929292929;
	r.x[30] = 0x3030303030303030;
	plan(ARMVIRT_MMIO_ISA_A64, 0xa9bf7bfd, &r, 0x80000ff8, 0x08000ff8, 0, &d, &x, 2);
	assert_int_equal(x.va, 0x80000ff8);
	assert_int_equal(armvirt_ipa_val(x.part[0].acc.addr), 0x08000ff8);
	assert_int_equal(x.part[0].acc.data, 0x2929292929292929);
	assert_int_equal(x.part[1].acc.data, 0x3030303030303030);
	assert_false(x.part[1].ipa_valid); /* 0x80001000 is the next page */
	assert_int_equal(armvirt_ipa_val(x.part[1].acc.addr), 0);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.sp, 0x80000ff8);
}

static void test_simd_registers(void **state)
{
	struct armvirt_mmio_regs r = regs_a64();
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;

	(void)state;
	/* ldp q0, q1, [x2]: four 8-byte parts, Q0 low, Q0 high, Q1 low, Q1 high */
	r.x[2] = 0xa000;
	plan(ARMVIRT_MMIO_ISA_A64, 0xad400440, &r, 0xa000, 0x4000a000, 0, &d, &x, 4);
	for (unsigned i = 0; i < 4; i++) {
		assert_int_equal(x.part[i].pos, 8 * i);
		assert_int_equal(x.part[i].acc.size, 8);
		x.part[i].acc.data = UINT64_C(0x0101010101010101) * (i + 1);
	}
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(vregs[0].lo, 0x0101010101010101);
	assert_int_equal(vregs[0].hi, 0x0202020202020202);
	assert_int_equal(vregs[1].lo, 0x0303030303030303);
	assert_int_equal(vregs[1].hi, 0x0404040404040404);

	/* ldr b0, [x1]: the rest of V0 is cleared */
	r.x[1] = 0xb000;
	plan(ARMVIRT_MMIO_ISA_A64, 0x3d400020, &r, 0xb000, 0x4000b000, 0, &d, &x, 1);
	x.part[0].acc.data = 0x1ff;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(vregs[0].lo, 0xff);
	assert_int_equal(vregs[0].hi, 0);

	/* str q3, [x4, #16]!: the register's bytes, low half first */
	vregs[3].lo = 0x0706050403020100;
	vregs[3].hi = 0x0f0e0d0c0b0a0908;
	r.x[4] = 0xc000;
	plan(ARMVIRT_MMIO_ISA_A64, 0x3c810c83, &r, 0xc010, 0x4000c010, 0, &d, &x, 2);
	assert_int_equal(x.part[0].acc.data, 0x0706050403020100);
	assert_int_equal(x.part[1].acc.data, 0x0f0e0d0c0b0a0908);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[4], 0xc010);

	/* without the V registers, SIMD&FP accesses are refused and nothing changes */
	r.v = NULL;
	assert_int_equal(armvirt_mmio_decode_a64(0x3d400020, &d), 0);
	memset(&x, 0x77, sizeof(x));
	{
		struct armvirt_mmio_xfer before = x;

		assert_int_equal(armvirt_mmio_xfer_init(&x, &d, &r, 0xb000, armvirt_ipa(0), 0),
				 ARMVIRT_EINVAL);
		assert_memory_equal(&x, &before, sizeof(x));
	}
}

static void test_register_offset_and_literal(void **state)
{
	struct armvirt_mmio_regs r = regs_a64();
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;

	(void)state;
	/* ldr x0, [x1, w2, sxtw #3] with w2 = -1: x1 - 8 */
	r.x[1] = 0x20010;
	r.x[2] = 0x12345678ffffffff;
	plan(ARMVIRT_MMIO_ISA_A64, 0xf862d820, &r, 0x20008, 0x40020008, 0, &d, &x, 1);
	assert_int_equal(x.va, 0x20008);
	/* the fault must lie in the access the registers describe */
	assert_int_equal(armvirt_mmio_xfer_init(&x, &d, &r, 0x20010, armvirt_ipa(0), 0),
			 ARMVIRT_EINVAL);
	/* ldrh w7, [x8, x9] */
	r.x[8] = 0x30000;
	r.x[9] = 0x22;
	plan(ARMVIRT_MMIO_ISA_A64, 0x78696907, &r, 0x30022, 0x40030022, 0, &d, &x, 1);
	x.part[0].acc.data = 0xbeef;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[7], 0xbeef);
	/* ldr x0, .+8: PC-relative */
	r.pc = 0x40080000;
	plan(ARMVIRT_MMIO_ISA_A64, 0x58000040, &r, 0x40080008, 0x40080008, 0, &d, &x, 1);
	assert_int_equal(x.va, 0x40080008);
}

static void test_pairs(void **state)
{
	struct armvirt_mmio_regs r = regs_a64();
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;

	(void)state;
	/* ldp w4, w5, [x6], #8 */
	r.x[6] = 0xd000;
	plan(ARMVIRT_MMIO_ISA_A64, 0x28c114c4, &r, 0xd004, 0x4000d004, 0, &d, &x, 2);
	x.part[0].acc.data = 0x11111111;
	x.part[1].acc.data = 0x22222222;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[4], 0x11111111);
	assert_int_equal(r.x[5], 0x22222222);
	assert_int_equal(r.x[6], 0xd008);
	/* ldpsw x4, x5, [x6, #-8]! */
	plan(ARMVIRT_MMIO_ISA_A64, 0x69ff14c4, &r, 0xd000, 0x4000d000, 0, &d, &x, 2);
	x.part[0].acc.data = 0xfffffffe;
	x.part[1].acc.data = 0x00000003;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[4], 0xfffffffffffffffe);
	assert_int_equal(r.x[5], 3);
	assert_int_equal(r.x[6], 0xd000);
	/* stilp x25, x1, [x17, #-16]!: Rt2 (higher address) is stored first */
	r.x[17] = 0xe010;
	r.x[25] = 0x2525;
	r.x[1] = 0x0101;
	plan(ARMVIRT_MMIO_ISA_A64, 0xd9010a39, &r, 0xe000, 0x4000e000, 0, &d, &x, 2);
	assert_int_equal(armvirt_ipa_val(x.part[0].acc.addr), 0x4000e008);
	assert_int_equal(x.part[0].acc.data, 0x0101);
	assert_int_equal(armvirt_ipa_val(x.part[1].acc.addr), 0x4000e000);
	assert_int_equal(x.part[1].acc.data, 0x2525);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[17], 0xe000);
}

static void test_straddling_pages(void **state)
{
	struct armvirt_mmio_regs r = regs_a64();
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;
	static const struct {
		uint8_t pos, size;
	} want[] = { { 0, 1 }, { 1, 2 }, { 3, 4 }, { 7, 1 } };

	(void)state;
	/* ldr x0, [x1] at 0x1ffd: bytes 0-2 in one page, 3-7 in the next */
	r.x[1] = 0x1ffd;
	plan(ARMVIRT_MMIO_ISA_A64, 0xf9400020, &r, 0x1ffd, 0x40000ffd, 0, &d, &x, 4);
	for (unsigned i = 0; i < 4; i++) {
		assert_int_equal(x.part[i].pos, want[i].pos);
		assert_int_equal(x.part[i].acc.size, want[i].size);
	}
	assert_true(x.part[0].ipa_valid);
	assert_int_equal(armvirt_ipa_val(x.part[0].acc.addr), 0x40000ffd);
	assert_true(x.part[1].ipa_valid);
	assert_int_equal(armvirt_ipa_val(x.part[1].acc.addr), 0x40000ffe);
	assert_false(x.part[2].ipa_valid);
	assert_false(x.part[3].ipa_valid);
	/* the other page is elsewhere in IPA space: the integrator translates it */
	x.part[2].acc.addr = armvirt_ipa(0x50000000);
	x.part[2].ipa_valid = true;
	x.part[3].acc.addr = armvirt_ipa(0x50000004);
	x.part[3].ipa_valid = true;
	x.part[0].acc.data = 0x88;
	x.part[1].acc.data = 0x7766;
	x.part[2].acc.data = 0x55443322;
	x.part[3].acc.data = 0x11;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[0], 0x1155443322776688);

	/* the same access reported on its second page */
	plan(ARMVIRT_MMIO_ISA_A64, 0xf9400020, &r, 0x2000, 0x60000000, 0, &d, &x, 4);
	assert_false(x.part[0].ipa_valid);
	assert_false(x.part[1].ipa_valid);
	assert_true(x.part[2].ipa_valid);
	assert_int_equal(armvirt_ipa_val(x.part[2].acc.addr), 0x60000000);
	assert_int_equal(armvirt_ipa_val(x.part[3].acc.addr), 0x60000004);

	/* an unaligned access inside one page stays one part */
	r.x[1] = 0x1003;
	plan(ARMVIRT_MMIO_ISA_A64, 0xf9400020, &r, 0x1003, 0x40000003, 0, &d, &x, 1);
	assert_int_equal(x.part[0].acc.size, 8);
}

static void test_store_straddling_big_endian(void **state)
{
	struct armvirt_mmio_regs r = regs_a64();
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;

	(void)state;
	/* str x0, [x1], big-endian guest, at 0x2ffe: bytes 01 02 | 03 .. 08 */
	r.x[0] = 0x0102030405060708;
	r.x[1] = 0x2ffe;
	plan(ARMVIRT_MMIO_ISA_A64, 0xf9000020, &r, 0x2ffe, 0x40002ffe, ARMVIRT_MMIO_XFER_BIG_ENDIAN,
	     &d, &x, 3);
	assert_true(x.big_endian);
	assert_int_equal(x.part[0].acc.size, 2);
	assert_int_equal(x.part[0].acc.data, 0x0201); /* memory order: 01 then 02 */
	assert_int_equal(x.part[1].acc.size, 4);
	assert_int_equal(x.part[1].acc.data, 0x06050403);
	assert_int_equal(x.part[2].acc.size, 2);
	assert_int_equal(x.part[2].acc.data, 0x0807);
	/* the same load reads the register back */
	plan(ARMVIRT_MMIO_ISA_A64, 0xf9400020, &r, 0x2ffe, 0x40002ffe, ARMVIRT_MMIO_XFER_BIG_ENDIAN,
	     &d, &x, 3);
	x.part[0].acc.data = 0x0201;
	x.part[1].acc.data = 0x06050403;
	x.part[2].acc.data = 0x0807;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[0], 0x0102030405060708);
}

static void test_split_at_device(void **state)
{
	struct armvirt_mmio_regs r = regs_a64();
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x, before;

	(void)state;
	/* str x0, [x1] at IPA 0x40001000, a device ending at 0x40001003 */
	r.x[0] = 0x8877665544332211;
	r.x[1] = 0x1000;
	plan(ARMVIRT_MMIO_ISA_A64, 0xf9000020, &r, 0x1000, 0x40001000, 0, &d, &x, 1);
	assert_int_equal(armvirt_mmio_xfer_split(&x, 0, armvirt_ipa(0x40001003)), 4);
	assert_int_equal(x.nparts, 4);
	assert_int_equal(armvirt_ipa_val(x.part[0].acc.addr), 0x40001000);
	assert_int_equal(x.part[0].acc.size, 2);
	assert_int_equal(x.part[0].acc.data, 0x2211);
	assert_int_equal(armvirt_ipa_val(x.part[1].acc.addr), 0x40001002);
	assert_int_equal(x.part[1].acc.size, 1);
	assert_int_equal(x.part[1].acc.data, 0x33);
	assert_int_equal(armvirt_ipa_val(x.part[2].acc.addr), 0x40001003);
	assert_int_equal(x.part[2].acc.size, 1);
	assert_int_equal(x.part[2].acc.data, 0x44);
	assert_int_equal(armvirt_ipa_val(x.part[3].acc.addr), 0x40001004);
	assert_int_equal(x.part[3].acc.size, 4);
	assert_int_equal(x.part[3].acc.data, 0x88776655);
	assert_int_equal(x.part[3].pos, 4);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);

	/* refused: outside the part, at its start, unknown IPA, bad index */
	plan(ARMVIRT_MMIO_ISA_A64, 0xf9000020, &r, 0x1000, 0x40001000, 0, &d, &x, 1);
	before = x;
	assert_int_equal(armvirt_mmio_xfer_split(&x, 0, armvirt_ipa(0x40001000)), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_mmio_xfer_split(&x, 0, armvirt_ipa(0x40001008)), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_mmio_xfer_split(&x, 1, armvirt_ipa(0x40001004)), ARMVIRT_EINVAL);
	x.part[0].ipa_valid = false;
	assert_int_equal(armvirt_mmio_xfer_split(&x, 0, armvirt_ipa(0x40001004)), ARMVIRT_EINVAL);
	x.part[0].ipa_valid = true;
	assert_memory_equal(&x, &before, sizeof(x));
	/* splitting down to bytes: 8 one-byte parts in address order, then no room */
	for (unsigned i = 0; i < x.nparts; i++)
		while (x.part[i].acc.size > 1)
			assert_true(armvirt_mmio_xfer_split(
					    &x, i,
					    armvirt_ipa(armvirt_ipa_val(x.part[i].acc.addr) + 1)) >=
				    2);
	assert_int_equal(x.nparts, 8);
	for (unsigned i = 0; i < 8; i++) {
		assert_int_equal(x.part[i].acc.size, 1);
		assert_int_equal(x.part[i].acc.data, 0x11 * (i + 1));
	}
	x.nparts = ARMVIRT_MMIO_MAX_PARTS;
	x.part[0].acc.size = 2;
	assert_int_equal(armvirt_mmio_xfer_split(&x, 0, armvirt_ipa(0x40001001)), ARMVIRT_ENOSPC);
}

static void test_refusals(void **state)
{
	struct armvirt_mmio_regs r = regs_a64(), before;
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;

	(void)state;
	/* not emulable: ldxr x0, [x1] */
	assert_int_equal(armvirt_mmio_decode_a64(0xc85f7c20, &d), 0);
	assert_int_equal(armvirt_mmio_xfer_init(&x, &d, &r, 0, armvirt_ipa(0), 0), ARMVIRT_ENOTSUP);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), ARMVIRT_ENOTSUP);
	assert_int_equal(armvirt_mmio_xfer_init(NULL, &d, &r, 0, armvirt_ipa(0), 0),
			 ARMVIRT_EINVAL);
	assert_int_equal(armvirt_mmio_complete(NULL, &x, &r), ARMVIRT_EINVAL);
	/* a plan that does not cover the access: nothing changes */
	r.x[1] = 0x1000;
	plan(ARMVIRT_MMIO_ISA_A64, 0xf9400020, &r, 0x1000, 0x40001000, 0, &d, &x, 1);
	x.part[0].acc.size = 4;
	before = r;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), ARMVIRT_EINVAL);
	assert_memory_equal(&r, &before, sizeof(r));
	/* an A64 description with an AArch32 SPSR */
	r.pstate = SPSR_A32(MODE_SVC);
	assert_int_equal(armvirt_mmio_xfer_init(&x, &d, &r, 0x1000, armvirt_ipa(0), 0),
			 ARMVIRT_EINVAL);
}

static void test_high_and_tagged_addresses(void **state)
{
	struct armvirt_mmio_regs r = regs_a64();
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;
	uint64_t va;

	(void)state;
	/* ldr x0, [x1] at a TTBR1 address: the plan keeps all 64 bits */
	r.x[1] = 0xffff800000001ffc;
	plan(ARMVIRT_MMIO_ISA_A64, 0xf9400020, &r, 0xffff800000001ffc, 0x40000ffc, 0, &d, &x, 2);
	assert_int_equal(x.va, 0xffff800000001ffc);
	assert_int_equal(armvirt_mmio_access_va(&d, &r, &va), 0);
	assert_int_equal(va, 0xffff800000001ffc);
	assert_true(x.part[0].ipa_valid);
	assert_false(x.part[1].ipa_valid);
	/* a tagged pointer (TBI): FAR may or may not carry the tag */
	r.x[1] = 0x3400000000005008;
	plan(ARMVIRT_MMIO_ISA_A64, 0xf9400020, &r, 0x3400000000005008, 0x40005008, 0, &d, &x, 1);
	plan(ARMVIRT_MMIO_ISA_A64, 0xf9400020, &r, 0x0000000000005008, 0x40005008, 0, &d, &x, 1);
	assert_true(x.part[0].ipa_valid);
	/* access_va refuses what it cannot compute */
	assert_int_equal(armvirt_mmio_decode_esr(0x93830007u, &d), 0);
	assert_int_equal(armvirt_mmio_access_va(&d, &r, &va), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_mmio_decode_a64(0xc85f7c20, &d), 0);
	assert_int_equal(armvirt_mmio_access_va(&d, &r, &va), ARMVIRT_ENOTSUP);
	assert_int_equal(armvirt_mmio_access_va(&d, &r, NULL), ARMVIRT_EINVAL);
}

static void test_syndrome_paths(void **state)
{
	struct armvirt_mmio_regs r = regs_a64();
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;
	uint64_t pc = r.pc;

	(void)state;
	/* ESR 0x93830007: ldr w3 from the fault address */
	assert_int_equal(armvirt_mmio_decode_esr(0x93830007u, &d), 0);
	assert_int_equal(armvirt_mmio_xfer_init(&x, &d, &r, 0x9000, armvirt_ipa(0x09000000), 0), 0);
	assert_int_equal(x.nparts, 1);
	assert_int_equal(armvirt_ipa_val(x.part[0].acc.addr), 0x09000000);
	x.part[0].acc.data = 0xffffffffff;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[3], 0xffffffff);
	assert_int_equal(r.pc, pc + 4);
	/* ISV with SSE, SF: ldrsh x4 */
	assert_int_equal(armvirt_mmio_decode_esr(0x93648007u, &d), 0);
	assert_true(d.sign_extend);
	assert_int_equal(d.rt, 4);
	assert_int_equal(d.bank, ARMVIRT_MMIO_BANK_X);
	assert_int_equal(armvirt_mmio_xfer_init(&x, &d, &r, 0x9000, armvirt_ipa(0x09000000), 0), 0);
	x.part[0].acc.data = 0x8001;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[4], 0xffffffffffff8001);
	/* DC CIVAC on emulated memory (CM = 1): no parts, just the PC */
	pc = r.pc;
	assert_int_equal(armvirt_mmio_decode_esr(0x92000147u, &d), 0);
	assert_int_equal(armvirt_mmio_xfer_init(&x, &d, &r, 0x9000, armvirt_ipa(0), 0), 0);
	assert_int_equal(x.nparts, 0);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.pc, pc + 4);
}

static struct armvirt_mmio_regs regs_a32(unsigned mode, bool thumb)
{
	struct armvirt_mmio_regs r;

	memset(&r, 0, sizeof(r));
	for (unsigned i = 0; i < 31; i++)
		r.x[i] = UINT64_C(0x100) * i;
	r.pc = 0x8000;
	r.pstate = SPSR_A32(mode) | (thumb ? SPSR_T : 0) | SPSR_SS;
	return r;
}

static void test_aarch32_banking(void **state)
{
	struct armvirt_mmio_regs r = regs_a32(MODE_SVC, false);
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;

	(void)state;
	/* ldr sp, [r0] in SVC mode writes SP_svc, which is X19 */
	r.x[0] = 0x4000;
	plan(ARMVIRT_MMIO_ISA_A32, 0xe590d000, &r, 0x4000, 0x4000, 0, &d, &x, 1);
	x.part[0].acc.data = 0xaabbccdd;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[19], 0xaabbccdd);
	assert_int_equal(r.x[13], 0xd00);
	assert_int_equal(r.pc, 0x8004);
	assert_int_equal(r.pstate, SPSR_A32(MODE_SVC)); /* SS cleared */

	/* ldr r8, [r1] in FIQ mode writes R8_fiq, which is X24 */
	r = regs_a32(MODE_FIQ, false);
	r.x[1] = 0x4100;
	plan(ARMVIRT_MMIO_ISA_A32, 0xe5918000, &r, 0x4100, 0x4100, 0, &d, &x, 1);
	x.part[0].acc.data = 0x88;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[24], 0x88);
	assert_int_equal(r.x[8], 0x800);

	/* ldr r0, [sp], #4 in IRQ mode: SP_irq is X17 */
	r = regs_a32(MODE_IRQ, false);
	r.x[17] = 0x5000;
	plan(ARMVIRT_MMIO_ISA_A32, 0xe49d0004, &r, 0x5000, 0x5000, 0, &d, &x, 1);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[17], 0x5004);
	assert_int_equal(r.x[13], 0xd00);

	/* str lr, [r0] in user mode stores X14 */
	r = regs_a32(MODE_USR, false);
	r.x[0] = 0x6000;
	r.x[14] = 0x12345678;
	plan(ARMVIRT_MMIO_ISA_A32, 0xe580e000, &r, 0x6000, 0x6000, 0, &d, &x, 1);
	assert_int_equal(x.part[0].acc.data, 0x12345678);

	/* Hyp mode is not a guest mode */
	r = regs_a32(MODE_HYP, false);
	assert_int_equal(armvirt_mmio_decode_a32(0xe5918000, &d), 0);
	assert_int_equal(armvirt_mmio_xfer_init(&x, &d, &r, 0x4100, armvirt_ipa(0), 0),
			 ARMVIRT_EINVAL);
	/* nor does an A32 description fit a T32 state */
	r = regs_a32(MODE_SVC, true);
	assert_int_equal(armvirt_mmio_xfer_init(&x, &d, &r, 0x4100, armvirt_ipa(0), 0),
			 ARMVIRT_EINVAL);
}

static void test_aarch32_addressing(void **state)
{
	struct armvirt_mmio_regs r = regs_a32(MODE_SVC, false);
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;

	(void)state;
	/* ldr r0, [r1, r2, lsl #2]!: r1 += r2 << 2 */
	r.x[1] = 0x10000;
	r.x[2] = 0x10;
	plan(ARMVIRT_MMIO_ISA_A32, 0xe7b10102, &r, 0x10040, 0x10040, 0, &d, &x, 1);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[1], 0x10040);
	/* ldrb r0, [r1, r2, rrx] with C set: (r2 >> 1) | 0x80000000, wrapping at 32 bits */
	r.x[1] = 0x80000010;
	r.x[2] = 0x20;
	r.pstate |= SPSR_C;
	plan(ARMVIRT_MMIO_ISA_A32, 0xe7d10062, &r, 0x20, 0x20, 0, &d, &x, 1);
	assert_int_equal(x.va, 0x20);
	r.pstate &= ~SPSR_C;
	/* ldr r0, [pc, #8] at 0x8000: PC reads as 0x8008 */
	r.pc = 0x8000;
	plan(ARMVIRT_MMIO_ISA_A32, 0xe59f0008, &r, 0x8010, 0x8010, 0, &d, &x, 1);
	/* ldr r0, [r1], #8 with r1 = 0xfffffffc: the base wraps */
	r.x[1] = 0xfffffffc;
	plan(ARMVIRT_MMIO_ISA_A32, 0xe4910008, &r, 0xfffffffc, 0xfffffffc, 0, &d, &x, 1);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[1], 0x4);
	/* ldrd r2, r3, [r4, #-8]! */
	r.x[4] = 0x9008;
	plan(ARMVIRT_MMIO_ISA_A32, 0xe16420d8, &r, 0x9000, 0x9000, 0, &d, &x, 2);
	x.part[0].acc.data = 0x22;
	x.part[1].acc.data = 0x33;
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[2], 0x22);
	assert_int_equal(r.x[3], 0x33);
	assert_int_equal(r.x[4], 0x9000);
	/* ldrh r0, [r1], big-endian (SPSR.E): bytes 12 34 read as 0x1234 */
	r.x[1] = 0xa000;
	r.pstate |= SPSR_E;
	plan(ARMVIRT_MMIO_ISA_A32, 0xe1d100b0, &r, 0xa000, 0xa000, 0, &d, &x, 1);
	assert_true(x.big_endian);
	x.part[0].acc.data = 0x3412; /* byte 0x12 at the lower address */
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.x[0], 0x1234);
}

static void test_thumb_pc_and_it(void **state)
{
	struct armvirt_mmio_regs r = regs_a32(MODE_SVC, true);
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;

	(void)state;
	/* ldr r6, [pc, #1020] at 0x8002: Align(0x8006, 4) + 1020 */
	r.pc = 0x8002;
	plan(ARMVIRT_MMIO_ISA_T32, 0x4eff, &r, 0x8400, 0x8400, 0, &d, &x, 1);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.pc, 0x8004);

	/* ITT EQ (ITSTATE 0x04) then two loads: 0x04 -> 0x08 -> 0 */
	r.x[1] = 0xb000;
	r.pstate = SPSR_A32(MODE_SVC) | SPSR_T | (UINT64_C(1) << 10);
	plan(ARMVIRT_MMIO_ISA_T32, 0x6808, &r, 0xb000, 0xb000, 0, &d, &x, 1);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.pstate, SPSR_A32(MODE_SVC) | SPSR_T | (UINT64_C(2) << 10));
	assert_int_equal(r.pc, 0x8006);
	plan(ARMVIRT_MMIO_ISA_T32, 0xf8d10004, &r, 0xb004, 0xb004, 0, &d, &x, 1);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.pstate, SPSR_A32(MODE_SVC) | SPSR_T);
	assert_int_equal(r.pc, 0x800a);
	/* IT[1:0] lives in SPSR[26:25]: ITSTATE 0x1b (cond 000, mask 11011) shifts to 0x16 */
	r.pstate = SPSR_A32(MODE_SVC) | SPSR_T | (UINT64_C(6) << 10) | (UINT64_C(3) << 25);
	plan(ARMVIRT_MMIO_ISA_T32, 0x6808, &r, 0xb000, 0xb000, 0, &d, &x, 1);
	assert_int_equal(armvirt_mmio_complete(&d, &x, &r), 0);
	assert_int_equal(r.pstate,
			 SPSR_A32(MODE_SVC) | SPSR_T | (UINT64_C(5) << 10) | (UINT64_C(2) << 25));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_w_clears_upper),
		cmocka_unit_test(test_sign_extension_and_post_index),
		cmocka_unit_test(test_zero_register_and_sp),
		cmocka_unit_test(test_simd_registers),
		cmocka_unit_test(test_register_offset_and_literal),
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_straddling_pages),
		cmocka_unit_test(test_store_straddling_big_endian),
		cmocka_unit_test(test_split_at_device),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_high_and_tagged_addresses),
		cmocka_unit_test(test_syndrome_paths),
		cmocka_unit_test(test_aarch32_banking),
		cmocka_unit_test(test_aarch32_addressing),
		cmocka_unit_test(test_thumb_pc_and_it),
	};
	return cmocka_run_group_tests_name("mmio-complete", tests, NULL, NULL);
}

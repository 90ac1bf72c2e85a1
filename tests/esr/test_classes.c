/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Syndrome decoding against values worked by hand from the Arm ARM
 * (ESR_EL2 and HSR: the EC tables and each "ISS encoding for ..." table).
 * Each ESR is written as the sum of its fields: EC << 26, IL << 25, then the
 * ISS fields at the positions the manual gives.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <armvirt/esr.h>

#define EC(x) ((uint64_t)(x) << 26)
#define IL (UINT64_C(1) << 25)

static struct armvirt_esr dec(uint64_t v)
{
	struct armvirt_esr e;

	assert_int_equal(armvirt_esr_decode(v, &e), 0);
	assert_true(e.raw == v);
	return e;
}

/* Every EC the Arm ARM allocates, with the layout its ISS table gives. */
static void test_every_ec(void **state)
{
	static const struct {
		unsigned ec;
		const char *name;
		unsigned layout;
	} allocated[] = {
		{ 0x00, "UNKNOWN", ARMVIRT_ESR_LAYOUT_NONE },
		{ 0x01, "WFX", ARMVIRT_ESR_LAYOUT_WFX },
		{ 0x03, "CP15_32", ARMVIRT_ESR_LAYOUT_CP },
		{ 0x04, "CP15_64", ARMVIRT_ESR_LAYOUT_CP64 },
		{ 0x05, "CP14_32", ARMVIRT_ESR_LAYOUT_CP },
		{ 0x06, "CP14_LS", ARMVIRT_ESR_LAYOUT_LDC },
		{ 0x07, "FP_ASIMD", ARMVIRT_ESR_LAYOUT_COND },
		{ 0x08, "CP10_ID", ARMVIRT_ESR_LAYOUT_CP },
		{ 0x09, "PAC", ARMVIRT_ESR_LAYOUT_NONE },
		{ 0x0a, "OTHER", ARMVIRT_ESR_LAYOUT_OTHER },
		{ 0x0c, "CP14_64", ARMVIRT_ESR_LAYOUT_CP64 },
		{ 0x0d, "BTI", ARMVIRT_ESR_LAYOUT_BTI },
		{ 0x0e, "ILL", ARMVIRT_ESR_LAYOUT_NONE },
		{ 0x11, "SVC32", ARMVIRT_ESR_LAYOUT_IMM16 },
		{ 0x12, "HVC32", ARMVIRT_ESR_LAYOUT_IMM16 },
		{ 0x13, "SMC32", ARMVIRT_ESR_LAYOUT_SMC32 },
		{ 0x14, "SYS128", ARMVIRT_ESR_LAYOUT_SYS128 },
		{ 0x15, "SVC64", ARMVIRT_ESR_LAYOUT_IMM16 },
		{ 0x16, "HVC64", ARMVIRT_ESR_LAYOUT_IMM16 },
		{ 0x17, "SMC64", ARMVIRT_ESR_LAYOUT_IMM16 },
		{ 0x18, "SYS64", ARMVIRT_ESR_LAYOUT_SYS },
		{ 0x19, "SVE", ARMVIRT_ESR_LAYOUT_NONE },
		{ 0x1a, "ERET", ARMVIRT_ESR_LAYOUT_ERET },
		{ 0x1b, "TSTART", ARMVIRT_ESR_LAYOUT_TSTART },
		{ 0x1c, "FPAC", ARMVIRT_ESR_LAYOUT_FPAC },
		{ 0x1d, "SME", ARMVIRT_ESR_LAYOUT_SME },
		{ 0x1f, "IMP_DEF", ARMVIRT_ESR_LAYOUT_IMPDEF },
		{ 0x20, "IABT_LOW", ARMVIRT_ESR_LAYOUT_IABT },
		{ 0x21, "IABT_CUR", ARMVIRT_ESR_LAYOUT_IABT },
		{ 0x22, "PC_ALIGN", ARMVIRT_ESR_LAYOUT_NONE },
		{ 0x24, "DABT_LOW", ARMVIRT_ESR_LAYOUT_DABT },
		{ 0x25, "DABT_CUR", ARMVIRT_ESR_LAYOUT_DABT },
		{ 0x26, "SP_ALIGN", ARMVIRT_ESR_LAYOUT_NONE },
		{ 0x27, "MOPS", ARMVIRT_ESR_LAYOUT_MOPS },
		{ 0x28, "FP_EXC32", ARMVIRT_ESR_LAYOUT_FPEXC },
		{ 0x2c, "FP_EXC64", ARMVIRT_ESR_LAYOUT_FPEXC },
		{ 0x2d, "GCS", ARMVIRT_ESR_LAYOUT_GCS },
		{ 0x2f, "SERROR", ARMVIRT_ESR_LAYOUT_SERROR },
		{ 0x30, "BREAKPT_LOW", ARMVIRT_ESR_LAYOUT_BREAKPT },
		{ 0x31, "BREAKPT_CUR", ARMVIRT_ESR_LAYOUT_BREAKPT },
		{ 0x32, "SOFTSTP_LOW", ARMVIRT_ESR_LAYOUT_SOFTSTP },
		{ 0x33, "SOFTSTP_CUR", ARMVIRT_ESR_LAYOUT_SOFTSTP },
		{ 0x34, "WATCHPT_LOW", ARMVIRT_ESR_LAYOUT_WATCHPT },
		{ 0x35, "WATCHPT_CUR", ARMVIRT_ESR_LAYOUT_WATCHPT },
		{ 0x38, "BKPT32", ARMVIRT_ESR_LAYOUT_IMM16 },
		{ 0x3a, "VECTOR_CATCH", ARMVIRT_ESR_LAYOUT_BREAKPT },
		{ 0x3c, "BRK64", ARMVIRT_ESR_LAYOUT_IMM16 },
		{ 0x3d, "PROFILING", ARMVIRT_ESR_LAYOUT_PROFILING },
	};
	unsigned ec;
	size_t i;

	(void)state;
	for (ec = 0; ec < 64; ec++) {
		struct armvirt_esr e = dec(EC(ec) | IL | 0x1ffffffu);
		bool found = false;

		for (i = 0; i < sizeof(allocated) / sizeof(allocated[0]); i++) {
			if (allocated[i].ec != ec)
				continue;
			found = true;
			assert_int_equal(e.layout, allocated[i].layout);
			assert_string_equal(armvirt_esr_ec_name(ec, false), allocated[i].name);
		}
		if (!found) {
			/* Unallocated: a clear reserved result, no fields, all ISS bits RES0. */
			assert_int_equal(e.layout, ARMVIRT_ESR_LAYOUT_RESERVED);
			assert_string_equal(armvirt_esr_ec_name(ec, false), "RESERVED");
			assert_true(e.res0 == 0x1ffffffu);
		}
		assert_int_equal(e.ec, ec);
		assert_true(e.il);
		assert_int_equal(e.iss, 0x1ffffffu);
	}
	assert_int_equal(armvirt_esr_decode(0, NULL), ARMVIRT_EINVAL);
}

/* STR w1, [x0] from EL1, stage-2 translation fault at level 3. */
static void test_dabt_isv(void **state)
{
	/* ISV bit 24, SAS=0b10 (word) bits 23:22, SRT=1 bits 20:16, WnR bit 6, DFSC=0b000111. */
	uint64_t v = EC(0x24) | IL | 0x01000000 | 0x00800000 | 0x00010000 | 0x40 | 0x07;
	struct armvirt_esr e;

	(void)state;
	assert_true(v == 0x93810047u);
	e = dec(v);
	assert_true(e.u.dabt.isv);
	assert_int_equal(e.u.dabt.sas, 2);
	assert_false(e.u.dabt.sse);
	assert_int_equal(e.u.dabt.srt, 1);
	assert_false(e.u.dabt.sf);
	assert_false(e.u.dabt.ar);
	assert_true(e.u.dabt.wnr);
	assert_false(e.u.dabt.s1ptw);
	assert_int_equal(e.u.dabt.dfsc, 0x07);
	assert_int_equal(e.u.dabt.fsc.type, ARMVIRT_ESR_FSC_TRANSLATION);
	assert_int_equal(e.u.dabt.fsc.level, 3);
	assert_true(e.res0 == 0);

	/* LDAR x5 with sign-extension bits set: SSE bit 21, SF bit 15, AR bit 14, SRT 5. */
	e = dec(EC(0x24) | IL | 0x01000000 | 0x00c00000 | 0x00200000 | (5u << 16) | 0x8000 |
		0x4000 | 0x06);
	assert_int_equal(e.u.dabt.sas, 3);
	assert_true(e.u.dabt.sse);
	assert_int_equal(e.u.dabt.srt, 5);
	assert_true(e.u.dabt.sf);
	assert_true(e.u.dabt.ar);
	assert_false(e.u.dabt.wnr);
	assert_int_equal(e.u.dabt.fsc.level, 2);
}

static void test_dabt_no_isv_and_iss2(void **state)
{
	struct armvirt_esr e;

	(void)state;
	/* DABT_CUR, WnR, DFSC 0b001110 permission fault level 2. */
	e = dec(EC(0x25) | IL | 0x40 | 0x0e);
	assert_true(e.raw == 0x9600004eu);
	assert_false(e.u.dabt.isv);
	assert_int_equal(e.u.dabt.fsc.type, ARMVIRT_ESR_FSC_PERMISSION);
	assert_int_equal(e.u.dabt.fsc.level, 2);
	/* Synchronous external abort (DFSC 0b010000) with FnV (bit 10): FAR not valid. */
	e = dec(EC(0x25) | IL | 0x400 | 0x10);
	assert_true(e.raw == 0x96000410u);
	assert_true(e.u.dabt.fnv);

	/* Synchronous external abort (DFSC 0b010000), SET=0b10 (UC) at bits 12:11, EA, CM, VNCR. */
	e = dec(EC(0x24) | IL | 0x2000 | 0x1000 | 0x200 | 0x100 | 0x10);
	assert_int_equal(e.u.dabt.set, 2);
	assert_int_equal(e.u.dabt.lst, 0);
	assert_true(e.u.dabt.vncr);
	assert_true(e.u.dabt.ea);
	assert_true(e.u.dabt.cm);
	assert_int_equal(e.u.dabt.fsc.type, ARMVIRT_ESR_FSC_SEA);
	assert_int_equal(e.u.dabt.fsc.level, ARMVIRT_ESR_FSC_NO_LEVEL);

	/* FnV (bit 10) only means something for DFSC 0b010000. */
	e = dec(EC(0x24) | IL | 0x400 | 0x07);
	assert_false(e.u.dabt.fnv);

	/* LST (bits 12:11) for a translation fault: 0b10, an LD64B or ST64B. */
	e = dec(EC(0x24) | IL | 0x1000 | 0x07);
	assert_int_equal(e.u.dabt.lst, 2);
	assert_int_equal(e.u.dabt.set, 0);
	/* DFSC 0b110101: unsupported exclusive or atomic access; neither LST nor SET. */
	e = dec(EC(0x24) | IL | 0x1800 | 0x35);
	assert_int_equal(e.u.dabt.lst, 0);
	assert_int_equal(e.u.dabt.set, 0);
	assert_int_equal(e.u.dabt.fsc.type, ARMVIRT_ESR_FSC_IMPDEF_ATOMIC);

	/* External abort on a walk (DFSC 0b010101, level 1), ISV 0: SET 0b11 (UEO) at 12:11,
	 * WU 0b11 at 17:16, PFV at 14 (FEAT_RASv2, FEAT_PFAR). */
	e = dec(EC(0x24) | IL | 0x30000 | 0x4000 | 0x1800 | 0x15);
	assert_int_equal(e.u.dabt.set, 3);
	assert_int_equal(e.u.dabt.wu, 3);
	assert_true(e.u.dabt.pfv);
	assert_int_equal(e.u.dabt.fsc.type, ARMVIRT_ESR_FSC_SEA_TTW);
	assert_int_equal(e.u.dabt.fsc.level, 1);
	/* The same bits with ISV set are SRT and AR, not WU and PFV. */
	e = dec(EC(0x24) | IL | 0x01000000 | 0x30000 | 0x4000 | 0x15);
	assert_int_equal(e.u.dabt.wu, 0);
	assert_false(e.u.dabt.pfv);
	assert_int_equal(e.u.dabt.srt, 3);
	assert_true(e.u.dabt.ar);

	/* ISS2 (bits 55:32): Xs=5 [4:0], DirtyBit [5], Overlay [6], AssuredOnly [7], GCS [8],
	 * TagAccess [9], TnD [10], HDBSSF [11]; with ISV 0, TopLevel is bit 21 and FnP bit 15;
	 * S1PTW [7]. */
	e = dec(((uint64_t)0xfe5 << 32) | EC(0x24) | IL | 0x200000 | 0x8000 | 0x80 | 0x0d);
	assert_int_equal(e.iss2, 0xfe5);
	assert_int_equal(e.u.dabt.xs, 5);
	assert_true(e.u.dabt.dirtybit && e.u.dabt.overlay && e.u.dabt.assuredonly);
	assert_true(e.u.dabt.gcs && e.u.dabt.tagaccess && e.u.dabt.tnd && e.u.dabt.hdbssf);
	assert_true(e.u.dabt.toplevel && e.u.dabt.fnp);
	assert_false(e.u.dabt.sse || e.u.dabt.sf);
	assert_true(e.u.dabt.s1ptw);
	assert_true(e.res0 == 0);

	/* An ISS2 bit no data-abort field defines (bit 12 of ISS2) is reported as RES0. */
	e = dec(((uint64_t)0x1000 << 32) | EC(0x24) | IL | 0x07);
	assert_true(e.res0 == (UINT64_C(1) << 44));
}

static void test_iabt(void **state)
{
	struct armvirt_esr e;

	(void)state;
	/* IFSC 0b001111 permission fault level 3; ISS2 DirtyBit [5], Overlay [6],
	 * AssuredOnly [7], HDBSSF [11]; TopLevel is ISS bit 21. */
	e = dec(((uint64_t)0x8e0 << 32) | EC(0x20) | IL | 0x200000 | 0x0f);
	assert_true((uint32_t)e.raw == 0x8220000fu);
	assert_int_equal(e.u.iabt.ifsc, 0x0f);
	assert_int_equal(e.u.iabt.fsc.type, ARMVIRT_ESR_FSC_PERMISSION);
	assert_int_equal(e.u.iabt.fsc.level, 3);
	assert_true(e.u.iabt.dirtybit && e.u.iabt.overlay && e.u.iabt.assuredonly);
	assert_true(e.u.iabt.hdbssf && e.u.iabt.toplevel);
	assert_true(e.res0 == 0);
	/* FnV and SET mean nothing for a translation fault. */
	e = dec(EC(0x20) | IL | 0x1800 | 0x400 | 0x05);
	assert_false(e.u.iabt.fnv);
	assert_int_equal(e.u.iabt.set, 0);
	/* S1PTW, EA, FnV, PFV (bit 14), IFSC 0b010000 with SET 0b11 (UEO). */
	e = dec(EC(0x21) | IL | 0x4000 | 0x1800 | 0x400 | 0x200 | 0x80 | 0x10);
	assert_true(e.u.iabt.s1ptw && e.u.iabt.ea && e.u.iabt.fnv && e.u.iabt.pfv);
	assert_int_equal(e.u.iabt.set, 3);
}

static void test_wfx(void **state)
{
	struct armvirt_esr e;

	(void)state;
	e = dec(0x06000000u); /* WFI: EC 0x01, IL, TI 0 */
	assert_int_equal(e.u.wfx.ti, 0);
	e = dec(0x06000001u); /* WFE */
	assert_int_equal(e.u.wfx.ti, 1);
	/* RV is RES0 unless TI[1] is set: WFE with bit 2 and Rn bits set reports neither. */
	e = dec(EC(0x01) | IL | (3u << 5) | 0x4 | 0x1);
	assert_false(e.u.wfx.rv);
	assert_int_equal(e.u.wfx.rn, 0);
	/* WFIT x3: TI=0b10, RV bit 2, Rn=3 at bits 9:5. */
	e = dec(EC(0x01) | IL | (3u << 5) | 0x4 | 0x2);
	assert_true(e.raw == 0x06000066u);
	assert_int_equal(e.u.wfx.ti, 2);
	assert_true(e.u.wfx.rv);
	assert_int_equal(e.u.wfx.rn, 3);
	/* From AArch32 with a condition: CV bit 24, COND 0b0001 (NE). */
	e = dec(EC(0x01) | IL | 0x01000000 | 0x00100000 | 1);
	assert_true(e.u.wfx.cv);
	assert_int_equal(e.u.wfx.cond, 1);
}

static void test_cp(void **state)
{
	struct armvirt_esr e;

	(void)state;
	/* MRC p15, 0, r0, c1, c0, 0 (SCTLR), CV, COND 0b1110: CRn 1 at bits 13:10, Direction 1. */
	e = dec(EC(0x03) | IL | 0x01000000 | 0x00e00000 | (1u << 10) | 1);
	assert_true(e.raw == 0x0fe00401u);
	assert_int_equal(e.u.cp.coproc, 15);
	assert_int_equal(e.u.cp.opc1, 0);
	assert_int_equal(e.u.cp.crn, 1);
	assert_int_equal(e.u.cp.crm, 0);
	assert_int_equal(e.u.cp.opc2, 0);
	assert_int_equal(e.u.cp.rt, 0);
	assert_true(e.u.cp.read && e.u.cp.cv);
	assert_int_equal(e.u.cp.cond, 0xe);
	assert_string_equal(armvirt_esr_trap_name(&e), "SCTLR");

	/* MCR p14, 0, r2, c0, c2, 2 (DBGDSCRext): Opc2 2 at 19:17, Rt 2, CRm 2 at 4:1. */
	e = dec(EC(0x05) | IL | (2u << 17) | (2u << 5) | (2u << 1));
	assert_int_equal(e.u.cp.coproc, 14);
	assert_int_equal(e.u.cp.opc2, 2);
	assert_int_equal(e.u.cp.crm, 2);
	assert_int_equal(e.u.cp.rt, 2);
	assert_false(e.u.cp.read);
	assert_string_equal(armvirt_esr_trap_name(&e), "DBGDSCRext");

	/* VMRS r2, MVFR0 = MRC p10, 7, r2, c7, c0, 0: Opc1 7 at 16:14, CRn 7. */
	e = dec(EC(0x08) | IL | 0x01e00000 | (7u << 14) | (7u << 10) | (2u << 5) | 1);
	assert_true(e.raw == 0x23e1dc41u);
	assert_int_equal(e.u.cp.coproc, 10);
	assert_string_equal(armvirt_esr_trap_name(&e), "MVFR0");

	/* MRRC p15, 1, r0, r1, c14 (CNTVCT): Opc1 1 at 19:16, Rt2 1 at 14:10, CRm 14 at 4:1. */
	e = dec(EC(0x04) | IL | 0x01e00000 | (1u << 16) | (1u << 10) | (14u << 1) | 1);
	assert_true(e.raw == 0x13e1041du);
	assert_int_equal(e.u.cp64.opc1, 1);
	assert_int_equal(e.u.cp64.rt, 0);
	assert_int_equal(e.u.cp64.rt2, 1);
	assert_int_equal(e.u.cp64.crm, 14);
	assert_true(e.u.cp64.read);
	assert_string_equal(armvirt_esr_trap_name(&e), "CNTVCT");

	/* MRRC p14, 0, r4, r5, c1 (DBGDRAR). */
	e = dec(EC(0x0c) | IL | (5u << 10) | (4u << 5) | (1u << 1) | 1);
	assert_int_equal(e.u.cp64.coproc, 14);
	assert_string_equal(armvirt_esr_trap_name(&e), "DBGDRAR");

	/* LDC p14, c5, [r3], #8: imm8 2 at 19:12, Rn 3, Offset (add) bit 4, Direction 1. */
	e = dec(EC(0x06) | IL | 0x01e00000 | (2u << 12) | (3u << 5) | 0x10 | 1);
	assert_true(e.raw == 0x1be02071u);
	assert_int_equal(e.u.ldc.imm8, 2);
	assert_int_equal(e.u.ldc.rn, 3);
	assert_true(e.u.ldc.add && e.u.ldc.read);
	assert_int_equal(e.u.ldc.am, 0);
}

static void test_sys(void **state)
{
	struct armvirt_esr e;
	struct armvirt_sysreg_access a;

	(void)state;
	/* MRS x0, CNTVCT_EL0 (3,3,14,0,2): Op0 21:20, Op2 19:17, Op1 16:14, CRn 13:10, Dir 1. */
	e = dec(EC(0x18) | IL | (3u << 20) | (2u << 17) | (3u << 14) | (14u << 10) | 1);
	assert_true(e.raw == 0x6234f801u);
	assert_int_equal(e.u.sys.op0, 3);
	assert_int_equal(e.u.sys.op1, 3);
	assert_int_equal(e.u.sys.crn, 14);
	assert_int_equal(e.u.sys.crm, 0);
	assert_int_equal(e.u.sys.op2, 2);
	assert_int_equal(e.u.sys.rt, 0);
	assert_true(e.u.sys.read);
	assert_int_equal(e.u.sys.enc, 0xdf02); /* (3<<14)|(3<<11)|(14<<7)|(0<<3)|2 */
	assert_string_equal(armvirt_esr_trap_name(&e), "CNTVCT_EL0");

	/* MSR CNTV_CTL_EL0, x1 (3,3,14,3,1): Rt 1 at 9:5, CRm 3 at 4:1, Direction 0. */
	e = dec(EC(0x18) | IL | (3u << 20) | (1u << 17) | (3u << 14) | (14u << 10) | (1u << 5) |
		(3u << 1));
	assert_true(e.raw == 0x6232f826u);
	assert_int_equal(armvirt_esr_sysreg_access(&e, &a), 0);
	assert_int_equal(a.enc, 0xdf19);
	assert_int_equal(a.rt, 1);
	assert_true(a.is_write);
	assert_true(a.data == 0);
	assert_string_equal(armvirt_esr_trap_name(&e), "CNTV_CTL_EL0");

	/* MRRS x2, x3, TTBR0_EL1 (3,0,2,0,0) via EC 0x14: Rt[4:1]=1 at bits 9:6. */
	e = dec(EC(0x14) | IL | (3u << 20) | (2u << 10) | (1u << 6) | 1);
	assert_true(e.raw == 0x52300841u);
	assert_int_equal(e.layout, ARMVIRT_ESR_LAYOUT_SYS128);
	assert_int_equal(e.u.sys.rt, 2);
	assert_string_equal(armvirt_esr_trap_name(&e), "TTBR0_EL1");
	assert_int_equal(armvirt_esr_sysreg_access(&e, &a), ARMVIRT_EINVAL);

	/* DC ISW, x4 (1,0,7,6,2): a system instruction, Direction 0. */
	e = dec(EC(0x18) | IL | (1u << 20) | (2u << 17) | (7u << 10) | (4u << 5) | (6u << 1));
	assert_string_equal(armvirt_esr_trap_name(&e), "DC ISW");
}

static void test_imm_and_small_classes(void **state)
{
	struct armvirt_esr e;

	(void)state;
	e = dec(0x5a001234u); /* HVC #0x1234 from AArch64: EC 0x16, IL, imm16 */
	assert_int_equal(e.ec, ARMVIRT_ESR_EC_HVC64);
	assert_int_equal(e.u.imm.imm16, 0x1234);
	e = dec(0x44000011u); /* SVC #0x11 from T32 (IL 0) */
	assert_false(e.il);
	assert_int_equal(e.u.imm.imm16, 0x11);
	e = dec(0xf20003e8u); /* BRK #0x3e8: EC 0x3c */
	assert_int_equal(e.u.imm.imm16, 0x3e8);
	e = dec(0xe0000005u); /* BKPT #5, T32 */
	assert_int_equal(e.u.imm.imm16, 5);
	/* SMC from AArch32 that might have failed its condition: CCKNOWNPASS bit 19, then CV
	 * and COND (0b0001) are valid. */
	e = dec(EC(0x13) | IL | 0x01000000 | 0x00100000 | 0x80000);
	assert_true(e.raw == 0x4f180000u);
	assert_true(e.u.smc32.cv && e.u.smc32.ccknownpass);
	assert_int_equal(e.u.smc32.cond, 1);
	e = dec(EC(0x13) | IL); /* unconditional or passed: CV and COND are RES0 */
	assert_false(e.u.smc32.cv || e.u.smc32.ccknownpass);
	e = dec(0x6a000003u); /* ERETAB: EC 0x1a, ERET bit 1, ERETA bit 0 */
	assert_true(e.u.eret.eret && e.u.eret.ereta);
	e = dec(0x6a000001u); /* ERETA is RES0 for a plain ERET */
	assert_false(e.u.eret.eret || e.u.eret.ereta);
	e = dec(0x72000003u); /* PAC fail with key DB: DnI bit 1, BnA bit 0 */
	assert_true(e.u.fpac.dni && e.u.fpac.bna);
	e = dec(0xf6000003u); /* profiling: FSC 1 (SPE buffer) at 5:1, SYNC bit 0 */
	assert_int_equal(e.u.prof.fsc, 1);
	assert_true(e.u.prof.sync);
	e = dec(0x36000002u); /* BTI, BTYPE 0b10 */
	assert_int_equal(e.u.bti.btype, 2);
	e = dec(0x76000002u); /* SME, SMTC 2 (PSTATE.SM 0) */
	assert_int_equal(e.u.sme.smtc, 2);
	e = dec(0x6e000080u); /* TSTART x4: Rd at 9:5 */
	assert_int_equal(e.u.tstart.rd, 4);
	e = dec(0x2a000001u); /* EC 0x0a, ST64BV0 */
	assert_int_equal(e.u.other.type, 1);
	e = dec(0x7e000123u); /* IMPLEMENTATION DEFINED to EL3 */
	assert_int_equal(e.u.impdef.iss, 0x123);
	/* FP access from AArch32 with a condition: CV, COND 0b0000. */
	e = dec(EC(0x07) | IL | 0x01000000);
	assert_true(e.u.cond.cv);
	assert_int_equal(e.u.cond.cond, 0);
}

static void test_mops_fpexc_gcs(void **state)
{
	struct armvirt_esr e;

	(void)state;
	/* SETG*: MemInst 24, isSETG 23, Options 0b0101 at 22:19, FromEpilogue 18,
	 * FormatOption 0b11 at 17:16, destreg 1 at 14:10, srcreg 2 at 9:5, sizereg 3 at 4:0. */
	e = dec(EC(0x27) | IL | 0x01000000 | 0x800000 | (5u << 19) | 0x40000 | 0x20000 | 0x10000 |
		(1u << 10) | (2u << 5) | 3);
	assert_true(e.u.mops.meminst && e.u.mops.issetg);
	assert_int_equal(e.u.mops.options, 5);
	assert_true(e.u.mops.fromepilogue);
	assert_int_equal(e.u.mops.formatoption, 3);
	assert_int_equal(e.u.mops.destreg, 1);
	assert_int_equal(e.u.mops.srcreg, 2);
	assert_int_equal(e.u.mops.sizereg, 3);
	assert_true(e.res0 == 0);

	/* FP exception from AArch64: TFV 23, DZF 1. */
	e = dec(0xb2800002u);
	assert_true(e.u.fpexc.tfv && e.u.fpexc.dzf);
	assert_false(e.u.fpexc.iof || e.u.fpexc.off || e.u.fpexc.uff || e.u.fpexc.ixf ||
		     e.u.fpexc.idf);
	/* From AArch32: VECITR 0b011 at 10:8, IDF 7, IXF 4, UFF 3, OFF 2, IOF 0. */
	e = dec(EC(0x28) | IL | 0x800000 | (3u << 8) | 0x80 | 0x10 | 0x8 | 0x4 | 0x1);
	assert_int_equal(e.u.fpexc.vecitr, 3);
	assert_true(e.u.fpexc.idf && e.u.fpexc.ixf && e.u.fpexc.uff && e.u.fpexc.off &&
		    e.u.fpexc.iof);

	/* GCS data check on RETAA: ExType 0, Rn 30 at 9:5, IT 0b00010; Raddr (14:10) is RES0
	 * for a data check. */
	e = dec(EC(0x2d) | IL | (30u << 5) | 2);
	assert_true(e.raw == 0xb60003c2u);
	assert_int_equal(e.u.gcs.extype, 0);
	assert_int_equal(e.u.gcs.rn, 30);
	assert_int_equal(e.u.gcs.it, 2);
	/* Trapped GCSSTR: ExType 0b0010 at 23:20, Raddr 4 at 14:10, Rvalue 5 at 9:5. */
	e = dec(EC(0x2d) | IL | (2u << 20) | (4u << 10) | (5u << 5));
	assert_int_equal(e.u.gcs.extype, 2);
	assert_int_equal(e.u.gcs.raddr, 4);
	assert_int_equal(e.u.gcs.rn, 5);
	assert_int_equal(e.u.gcs.it, 0);
}

static void test_serror_and_debug(void **state)
{
	struct armvirt_esr e;

	(void)state;
	/* SError: AET 0b011 (UER) at 12:10, DFSC 0b010001; IESB 13, EA 9. */
	e = dec(EC(0x2f) | IL | 0x2000 | (3u << 10) | 0x200 | 0x11);
	assert_false(e.u.serror.ids);
	assert_int_equal(e.u.serror.aet, 3);
	assert_true(e.u.serror.iesb && e.u.serror.ea);
	assert_int_equal(e.u.serror.dfsc, 0x11);
	/* FEAT_RASv2/PFAR: ELS 18, WU 0b10 at 17:16, VFV 15, PFV 14, WnRV 7, WnR 6. */
	e = dec(EC(0x2f) | IL | 0x40000 | 0x20000 | 0x8000 | 0x4000 | 0x80 | 0x40 | 0x11);
	assert_true(e.u.serror.els && e.u.serror.vfv && e.u.serror.pfv);
	assert_int_equal(e.u.serror.wu, 2);
	assert_true(e.u.serror.wnrv && e.u.serror.wnr);
	assert_true(e.res0 == 0);
	/* Uncategorized (DFSC 0): the other fields are RES0. */
	e = dec(EC(0x2f) | IL | (3u << 10) | 0x40);
	assert_int_equal(e.u.serror.aet, 0);
	assert_false(e.u.serror.wnr);
	/* WnR without WnRV: reported, but not valid. */
	e = dec(EC(0x2f) | IL | 0x40 | 0x11);
	assert_true(e.u.serror.wnr && !e.u.serror.wnrv);
	/* IDS: the rest is an IMPLEMENTATION DEFINED syndrome. */
	e = dec(EC(0x2f) | IL | 0x01000000 | 0xabcdef);
	assert_true(e.u.serror.ids);
	assert_int_equal(e.u.serror.impdef, 0xabcdef);
	assert_int_equal(e.u.serror.aet, 0);

	e = dec(0xc2000022u); /* breakpoint, lower EL, IFSC 0x22 */
	assert_int_equal(e.u.dbg.ifsc, 0x22);
	e = dec(0xea000022u); /* vector catch */
	assert_int_equal(e.layout, ARMVIRT_ESR_LAYOUT_BREAKPT);
	e = dec(0xcb000062u); /* software step: ISV 24, EX 6 */
	assert_true(e.u.dbg.isv && e.u.dbg.ex);
	/* Watchpoint: WPT 5 at 23:18, WPTV 17, WnR, DFSC 0x22; ISS2 GCS [8]. */
	e = dec((UINT64_C(1) << 40) | 0xd2160062u);
	assert_true(e.u.wpt.wptv && e.u.wpt.wnr && e.u.wpt.gcs);
	assert_int_equal(e.u.wpt.wpt, 5);
	assert_int_equal(e.u.wpt.dfsc, 0x22);
	/* WPF 16, FnP 15, VNCR 13, FnV 10, CM 8. */
	e = dec(EC(0x35) | IL | 0x10000 | 0x8000 | 0x2000 | 0x400 | 0x100 | 0x22);
	assert_true(e.u.wpt.wpf && e.u.wpt.fnp && e.u.wpt.vncr && e.u.wpt.fnv && e.u.wpt.cm);
	assert_false(e.u.wpt.wptv);
}

/* The fault status table, code by code from the DFSC table of ESR_EL2. */
static void test_fsc(void **state)
{
	static const struct {
		unsigned code;
		unsigned type;
		int level;
	} rows[] = {
		{ 0x00, ARMVIRT_ESR_FSC_ADDR_SIZE, 0 },
		{ 0x03, ARMVIRT_ESR_FSC_ADDR_SIZE, 3 },
		{ 0x29, ARMVIRT_ESR_FSC_ADDR_SIZE, -1 },
		{ 0x2c, ARMVIRT_ESR_FSC_ADDR_SIZE, -2 },
		{ 0x04, ARMVIRT_ESR_FSC_TRANSLATION, 0 },
		{ 0x2b, ARMVIRT_ESR_FSC_TRANSLATION, -1 },
		{ 0x2a, ARMVIRT_ESR_FSC_TRANSLATION, -2 },
		{ 0x08, ARMVIRT_ESR_FSC_ACCESS_FLAG, 0 },
		{ 0x0b, ARMVIRT_ESR_FSC_ACCESS_FLAG, 3 },
		{ 0x0c, ARMVIRT_ESR_FSC_PERMISSION, 0 },
		{ 0x11, ARMVIRT_ESR_FSC_TAG_CHECK, -128 },
		{ 0x12, ARMVIRT_ESR_FSC_SEA_TTW, -2 },
		{ 0x13, ARMVIRT_ESR_FSC_SEA_TTW, -1 },
		{ 0x17, ARMVIRT_ESR_FSC_SEA_TTW, 3 },
		{ 0x18, ARMVIRT_ESR_FSC_PARITY, -128 },
		{ 0x1b, ARMVIRT_ESR_FSC_PARITY_TTW, -1 },
		{ 0x1f, ARMVIRT_ESR_FSC_PARITY_TTW, 3 },
		{ 0x21, ARMVIRT_ESR_FSC_ALIGNMENT, -128 },
		{ 0x22, ARMVIRT_ESR_FSC_GPF_TTW, -2 },
		{ 0x23, ARMVIRT_ESR_FSC_GPF_TTW, -1 },
		{ 0x27, ARMVIRT_ESR_FSC_GPF_TTW, 3 },
		{ 0x28, ARMVIRT_ESR_FSC_GPF, -128 },
		{ 0x30, ARMVIRT_ESR_FSC_TLB_CONFLICT, -128 },
		{ 0x31, ARMVIRT_ESR_FSC_ATOMIC_HW_UPDATE, -128 },
		{ 0x34, ARMVIRT_ESR_FSC_IMPDEF_LOCKDOWN, -128 },
		{ 0x19, ARMVIRT_ESR_FSC_RESERVED, -128 },
		{ 0x20, ARMVIRT_ESR_FSC_RESERVED, -128 },
		{ 0x3f, ARMVIRT_ESR_FSC_RESERVED, -128 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct armvirt_esr_fsc f = armvirt_esr_fsc_decode(rows[i].code);

		assert_int_equal(f.type, rows[i].type);
		assert_int_equal(f.level, rows[i].level);
	}
	/* HSR: 0x11 asynchronous SError, 0x22 debug, 0x00 TTBR address size, 0x04 reserved. */
	assert_int_equal(armvirt_esr_fsc_decode_hsr(0x11).type, ARMVIRT_ESR_FSC_ASYNC_EXTERNAL);
	assert_int_equal(armvirt_esr_fsc_decode_hsr(0x22).type, ARMVIRT_ESR_FSC_DEBUG);
	assert_int_equal(armvirt_esr_fsc_decode_hsr(0x04).type, ARMVIRT_ESR_FSC_RESERVED);
	assert_int_equal(armvirt_esr_fsc_decode_hsr(0x19).type, ARMVIRT_ESR_FSC_ASYNC_PARITY);
	assert_int_equal(armvirt_esr_fsc_decode_hsr(0x00).type, ARMVIRT_ESR_FSC_ADDR_SIZE);
	assert_int_equal(armvirt_esr_fsc_decode_hsr(0x0f).level, 3);
	assert_string_equal(armvirt_esr_fsc_type_name(ARMVIRT_ESR_FSC_TRANSLATION),
			    "translation fault");
	assert_string_equal(armvirt_esr_fsc_type_name(999), "reserved fault status code");
}

static void test_hsr(void **state)
{
	struct armvirt_esr e;

	(void)state;
	/* HSR data abort: ISV, SAS word, SRT=3 at 19:16, bit 20 set (RES0 in HSR), DFSC 0x11. */
	assert_int_equal(armvirt_esr_decode_hsr(0x93930011u, &e), 0);
	assert_true(e.hsr);
	assert_int_equal(e.u.dabt.srt, 3);
	assert_int_equal(e.u.dabt.fsc.type, ARMVIRT_ESR_FSC_ASYNC_EXTERNAL);
	assert_true(e.res0 == 0x100000);
	/* The same bits as ESR_EL2: SRT is 5 bits (19) and 0x11 is a tag check fault. */
	e = dec(0x93930011u);
	assert_int_equal(e.u.dabt.srt, 0x13);
	assert_int_equal(e.u.dabt.fsc.type, ARMVIRT_ESR_FSC_TAG_CHECK);
	/* HSR WFx: TI is one bit, bit 1 is RES0. */
	assert_int_equal(armvirt_esr_decode_hsr(0x06000003u, &e), 0);
	assert_int_equal(e.u.wfx.ti, 1);
	assert_true(e.res0 == 2);
	/* HSR MRC p15, 0, r3, c1, c0, 0: Rt is bits 8:5; bit 9 is RES0 (in ESR_EL2 it is Rt[4]). */
	assert_int_equal(armvirt_esr_decode_hsr(0x0fe00661u, &e), 0);
	assert_int_equal(e.u.cp.rt, 3);
	assert_true(e.res0 == 0x200);
	assert_string_equal(armvirt_esr_trap_name(&e), "SCTLR");
	e = dec(0x0fe00661u);
	assert_int_equal(e.u.cp.rt, 0x13);
	/* HSR MRRC p15, 1, r0, r1, c14: Rt2 is bits 13:10. */
	assert_int_equal(armvirt_esr_decode_hsr(0x13e1041du, &e), 0);
	assert_int_equal(e.u.cp64.rt2, 1);
	/* HSR LDC: Rn bits 8:5. */
	assert_int_equal(armvirt_esr_decode_hsr(EC(0x06) | IL | (9u << 5) | 1, &e), 0);
	assert_int_equal(e.u.ldc.rn, 9);
	/* HSR EC 0x07: TA bit 5, coproc 0b1010. */
	assert_int_equal(armvirt_esr_decode_hsr(EC(0x07) | IL | 0x01e00000 | 0x20 | 0xa, &e), 0);
	assert_true(e.u.cond.ta);
	assert_int_equal(e.u.cond.coproc, 10);
	assert_true(e.res0 == 0);
	/* HSR asynchronous abort: DFSC 0x11 with AET 0b11 (UER) at 11:10, AR at 14 (ISV 0). */
	assert_int_equal(armvirt_esr_decode_hsr(EC(0x24) | IL | 0xc00 | 0x11, &e), 0);
	assert_int_equal(e.u.dabt.aet, 3);
	assert_false(e.u.dabt.fnv);
	/* HSR synchronous external abort: bit 10 is FnV. */
	assert_int_equal(armvirt_esr_decode_hsr(EC(0x24) | IL | 0x400 | 0x10, &e), 0);
	assert_true(e.u.dabt.fnv);
	assert_int_equal(e.u.dabt.aet, 0);
	/* HSR prefetch abort with FnV. */
	assert_int_equal(armvirt_esr_decode_hsr(EC(0x20) | IL | 0x400 | 0x10, &e), 0);
	assert_true(e.u.iabt.fnv);
	/* EC 0x18 does not exist in HSR. */
	assert_int_equal(armvirt_esr_decode_hsr(0x6234f801u, &e), 0);
	assert_int_equal(e.layout, ARMVIRT_ESR_LAYOUT_RESERVED);
	assert_string_equal(armvirt_esr_ec_name(0x18, true), "RESERVED");
	assert_string_equal(armvirt_esr_ec_name(0x24, true), "DABT_LOW");
	/* BKPT (EC 0x38) is not an HSR class: no fields, even the BRK/BKPT "comment". */
	{
		const struct armvirt_esr_field *f;

		assert_int_equal(armvirt_esr_decode_hsr(0xe0000005u, &e), 0);
		assert_int_equal(e.layout, ARMVIRT_ESR_LAYOUT_RESERVED);
		assert_int_equal(armvirt_esr_fields(&e, &f), 0);
		assert_true(e.res0 == 5);
	}
	assert_int_equal(armvirt_esr_decode_hsr(0, NULL), ARMVIRT_EINVAL);
}

static void test_field_table(void **state)
{
	const struct armvirt_esr_field *f;
	struct armvirt_esr e = dec(0x93810047u);
	int n;
	int i;
	bool seen_srt = false;

	(void)state;
	n = armvirt_esr_fields(&e, &f);
	assert_true(n > 10);
	for (i = 0; i < n; i++) {
		if (strcmp(f[i].name, "srt") == 0) {
			seen_srt = true;
			assert_int_equal(f[i].shift, 16);
			assert_int_equal(f[i].width, 5);
			assert_true(armvirt_esr_field_value(&e, &f[i]) == 1);
		}
		if (strcmp(f[i].name, "set") == 0)
			assert_false(armvirt_esr_field_present(&e, &f[i])); /* DFSC is not 0x10 */
	}
	assert_true(seen_srt);
	/* BRK calls its immediate "comment". */
	e = dec(0xf20003e8u);
	assert_int_equal(armvirt_esr_fields(&e, &f), 1);
	assert_string_equal(f[0].name, "comment");
	e = dec(0x0a000005u); /* EC 0x02, unallocated */
	assert_int_equal(armvirt_esr_fields(&e, &f), 0);
	assert_int_equal(armvirt_esr_fields(NULL, &f), ARMVIRT_EINVAL);
}

/* The bits that make a field meaningful (its armvirt_esr_when), for test_every_field. */
static uint64_t context_for(unsigned when)
{
	switch (when) {
	case ARMVIRT_ESR_WHEN_ISV:
	case ARMVIRT_ESR_WHEN_IDS:
	case ARMVIRT_ESR_WHEN_SSTEP_ISV:
		return UINT64_C(1) << 24;
	case ARMVIRT_ESR_WHEN_SEA:
	case ARMVIRT_ESR_WHEN_SEA_NOT_ISV:
	case ARMVIRT_ESR_WHEN_FSC_0X10:
		return 0x10; /* DFSC/IFSC: synchronous external abort */
	case ARMVIRT_ESR_WHEN_LST:
		return 0x07; /* translation fault, level 3 */
	case ARMVIRT_ESR_WHEN_ASYNC:
	case ARMVIRT_ESR_WHEN_SERROR_RAS:
		return 0x11; /* asynchronous SError */
	case ARMVIRT_ESR_WHEN_WPTV:
		return UINT64_C(1) << 17;
	case ARMVIRT_ESR_WHEN_WFXT:
		return 0x2; /* TI = WFIT */
	case ARMVIRT_ESR_WHEN_RV:
		return 0x6; /* TI = WFIT, RV */
	case ARMVIRT_ESR_WHEN_CCKNOWNPASS:
		return UINT64_C(1) << 19;
	case ARMVIRT_ESR_WHEN_ERETA:
		return 0x2; /* ERET */
	case ARMVIRT_ESR_WHEN_GCS_STR:
		return UINT64_C(2) << 20; /* ExType 2 */
	case ARMVIRT_ESR_WHEN_HSR_TA:
		return 0x20;
	default:
		return 0;
	}
}

/*
 * Every field of every class, ESR_EL2 and HSR: with its bits set (and the bits
 * that make it meaningful), it is present, reads back as all ones, reaches the
 * typed struct (which differs from the decode without it), leaves no RES0
 * bits, and appears in the text form.
 */
static void test_every_field(void **state)
{
	char line[ARMVIRT_ESR_FORMAT_MAX];
	char want[64];
	unsigned pass;
	unsigned ec;

	(void)state;
	for (pass = 0; pass < 2; pass++) {
		for (ec = 0; ec < 64; ec++) {
			const struct armvirt_esr_field *f;
			struct armvirt_esr e;
			struct armvirt_esr base;
			int n;
			int i;

			if (pass)
				armvirt_esr_decode_hsr((uint32_t)(EC(ec) | IL), &e);
			else
				e = dec(EC(ec) | IL);
			n = armvirt_esr_fields(&e, &f);
			for (i = 0; i < n; i++) {
				uint64_t ctx = EC(ec) | IL | context_for(f[i].when);
				uint64_t v = ctx | ARMVIRT_MASK(f[i].shift, f[i].width);
				uint64_t ones = ARMVIRT_MASK(0, f[i].width);

				if (pass) {
					assert_int_equal(armvirt_esr_decode_hsr((uint32_t)v, &e),
							 0);
					assert_int_equal(
						armvirt_esr_decode_hsr((uint32_t)ctx, &base), 0);
				} else {
					e = dec(v);
					base = dec(ctx);
				}
				assert_true(armvirt_esr_field_present(&e, &f[i]));
				assert_true(armvirt_esr_field_value(&e, &f[i]) == ones);
				assert_true(e.res0 == 0);
				if (memcmp(&e.u, &base.u, sizeof(e.u)) == 0)
					fail_msg("EC 0x%02x %s: field %s does not reach the typed "
						 "struct",
						 ec, pass ? "HSR" : "ESR", f[i].name);
				assert_true(armvirt_esr_format(&e, line, sizeof(line)) > 0);
				snprintf(want, sizeof(want), " %s=", f[i].name);
				assert_non_null(strstr(line, want));
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_ec),
		cmocka_unit_test(test_dabt_isv),
		cmocka_unit_test(test_dabt_no_isv_and_iss2),
		cmocka_unit_test(test_iabt),
		cmocka_unit_test(test_wfx),
		cmocka_unit_test(test_cp),
		cmocka_unit_test(test_sys),
		cmocka_unit_test(test_imm_and_small_classes),
		cmocka_unit_test(test_mops_fpexc_gcs),
		cmocka_unit_test(test_serror_and_debug),
		cmocka_unit_test(test_fsc),
		cmocka_unit_test(test_hsr),
		cmocka_unit_test(test_field_table),
		cmocka_unit_test(test_every_field),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

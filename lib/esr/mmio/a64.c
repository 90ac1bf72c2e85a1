/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A64 load/store decoding. Encoding classes and field names follow the Arm
 * ARM, C4.1 "A64 instruction set encoding", "Loads and Stores", with the
 * FEAT_LRCPC3, FEAT_LSUI, FEAT_LSCP, FEAT_THE and FEAT_GCS classes from the
 * A64 ISA XML.
 */
#include "mmio_internal.h"

/* Top-level encoding: op0 = bits 28:25 (C4.1, Table C4-1). */
#define A64_OP0_SHIFT 25
#define A64_OP0_WIDTH 4
#define A64_TOP_SHIFT 31 /* bit 31 (SME when op0 = 0000) */
#define A64_TOP_WIDTH 1
#define A64_GROUP_LDST_MASK 0x5u /* op0 = x1x0: loads and stores */
#define A64_GROUP_LDST 0x4u
#define A64_GROUP_SVE 0x2u   /* op0 = 0010 */
#define A64_GROUP_SME 0x0u   /* op0 = 0000 with bit 31 set */
#define A64_LS_OP0_TAGS 0xdu /* loads and stores op0 = 1101 (op2 = 1x, op3 = 1xxxxx): MTE */

/* Loads and stores: class selectors. */
#define A64_LS_OP0_SHIFT 28 /* bits 31:28 */
#define A64_LS_OP0_WIDTH 4
#define A64_LS_OP0LO_SHIFT 28 /* bits 29:28 pick the class family */
#define A64_LS_OP0LO_WIDTH 2
#define A64_LS_OP1_SHIFT 26 /* the V bit in most classes */
#define A64_LS_OP1_WIDTH 1
#define A64_LS_OP2_SHIFT 23 /* bits 24:23 */
#define A64_LS_OP2_WIDTH 2
#define A64_LS_OP3HI_SHIFT 21 /* bit 21, the top of op3 */
#define A64_LS_OP3HI_WIDTH 1
#define A64_LS_OP4_SHIFT 10 /* bits 11:10 */
#define A64_LS_OP4_WIDTH 2

/* Common fields. */
#define A64_RT_SHIFT 0
#define A64_RT_WIDTH 5
#define A64_RN_SHIFT 5
#define A64_RN_WIDTH 5
#define A64_RT2_SHIFT 10
#define A64_RT2_WIDTH 5
#define A64_RM_SHIFT 16 /* Rm, Rs */
#define A64_RM_WIDTH 5
#define A64_SIZE_SHIFT 30
#define A64_SIZE_WIDTH 2
#define A64_SZ_SHIFT 30 /* size<0> of the pair-sized classes */
#define A64_SZ_WIDTH 1
#define A64_TOPBIT_SHIFT 31 /* size<1> */
#define A64_TOPBIT_WIDTH 1
#define A64_V_SHIFT 26
#define A64_V_WIDTH 1
#define A64_OPC_SHIFT 22
#define A64_OPC_WIDTH 2
#define A64_L_SHIFT 22
#define A64_L_WIDTH 1
#define A64_O2_SHIFT 23 /* exclusive/ordered class selectors */
#define A64_O2_WIDTH 1
#define A64_O1_SHIFT 21
#define A64_O1_WIDTH 1
#define A64_O0_SHIFT 15
#define A64_O0_WIDTH 1
#define A64_IMM12_SHIFT 10
#define A64_IMM12_WIDTH 12
#define A64_IMM9_SHIFT 12
#define A64_IMM9_WIDTH 9
#define A64_IMM7_SHIFT 15
#define A64_IMM7_WIDTH 7
#define A64_IMM19_SHIFT 5
#define A64_IMM19_WIDTH 19
#define A64_OPTION_SHIFT 13
#define A64_OPTION_WIDTH 3
#define A64_S_SHIFT 12
#define A64_S_WIDTH 1
#define A64_PAC_S_SHIFT 22 /* sign of the 10-bit offset */
#define A64_PAC_S_WIDTH 1
#define A64_PAC_W_SHIFT 11
#define A64_PAC_W_WIDTH 1
#define A64_AT_A_SHIFT 23 /* atomics: acquire, release, o3, opc */
#define A64_AT_A_WIDTH 1
#define A64_AT_R_SHIFT 22
#define A64_AT_R_WIDTH 1
#define A64_AT_O3_SHIFT 15
#define A64_AT_O3_WIDTH 1
#define A64_AT_OPC_SHIFT 12
#define A64_AT_OPC_WIDTH 3
#define A64_RC3_OPC2_SHIFT 12 /* FEAT_LRCPC3 / FEAT_LSCP pair class */
#define A64_RC3_OPC2_WIDTH 4
#define A64_RC3_OP_SHIFT 22 /* bits 23:22: STILP, LDIAPP, STLR, LDAPR */
#define A64_RC3_OP_WIDTH 2
#define A64_MOPS_OP1_SHIFT 22 /* 11: SET*, else CPY* */
#define A64_MOPS_OP1_WIDTH 2
#define A64_MOPS_OP2_SHIFT 12
#define A64_MOPS_OP2_WIDTH 4
#define A64_TAG_OPC_SHIFT 22
#define A64_TAG_OPC_WIDTH 2
#define A64_TAG_OP2_SHIFT 10
#define A64_TAG_OP2_WIDTH 2
#define A64_ST_OPCODE_SHIFT 12 /* SIMD structures */
#define A64_ST_OPCODE_WIDTH 4
#define A64_ST_Q_SHIFT 30
#define A64_ST_Q_WIDTH 1
#define A64_ST_SIZE_SHIFT 10
#define A64_ST_SIZE_WIDTH 2
#define A64_ST_SOPC_SHIFT 13 /* single structure opcode */
#define A64_ST_SOPC_WIDTH 3
#define A64_ST_S_SHIFT 12
#define A64_ST_S_WIDTH 1
#define A64_ST_R_SHIFT 21
#define A64_ST_R_WIDTH 1
#define A64_ST_OP3_SHIFT 16 /* op3 of the single structure class */
#define A64_ST_OP3_WIDTH 5
#define A64_ST_LANE_SHIFT 10 /* opcode:S:size of the ordered single-lane forms */
#define A64_ST_LANE_WIDTH 6
#define A64_SVE_OP0_SHIFT 29 /* SVE: bits 31:29, memory when 1xx */
#define A64_SVE_OP0_WIDTH 3

#define A64_REG_SP_ZR 31u /* 31: SP as a base, ZR as a transfer register */
#define A64_OPTION_UXTW 2u
#define A64_OPTION_LSL 3u
#define A64_OPTION_SXTW 6u
#define A64_OPTION_SXTX 7u

/* SYS (C6.2, "SYS"): bits 31:19 = 1101010100001, op1 [18:16], CRn [15:12], CRm [11:8], op2 [7:5].
 */
#define A64_SYS_MASK 0xfff8f000u
#define A64_SYS_CRN7 0xd5087000u /* SYS #op1, C7, ...: the DC/IC/AT space */
#define A64_DC_ZVA 0xd50b7420u	 /* SYS #3, C7, C4, #1 with Rt = 0 */
#define A64_DC_GVA 0xd50b7460u	 /* SYS #3, C7, C4, #3 */
#define A64_DC_GZVA 0xd50b7480u	 /* SYS #3, C7, C4, #4 */

/* GCSSTR/GCSSTTR: 1101 1001 0001 1111 000x 11 Rn Rt (bit 12: unprivileged). */
#define A64_GCSSTR_MASK 0xffffec00u
#define A64_GCSSTR 0xd91f0c00u
#define A64_GCS_T_SHIFT 12
#define A64_GCS_T_WIDTH 1

/* SME loads and stores: bits 31:25. */
#define A64_SME_HI_SHIFT 25
#define A64_SME_HI_WIDTH 7
#define A64_SME_LDST 0x70u     /* 1110000: LD1x/ST1x ZA slices, LDR/STR ZA and ZT0 */
#define A64_SME_LDST_MV 0x50u  /* 1010000: SME2 multi-vector contiguous */
#define A64_SME_MV_OP_SHIFT 23 /* 1010000x: 0 memory, 1 outer products */
#define A64_SME_MV_OP_WIDTH 1
#define A64_SME_ST_SHIFT 21 /* set for the stores */
#define A64_SME_ST_WIDTH 1

/* Register transfers of the LDAP1/STL1 single-lane forms: opcode:S:size = 100:0:01. */
#define A64_ST_LANE_D 0x21u
#define A64_ST_OP3_LANE 1u

#define K_ST(log2, bank)                                                                           \
	{                                                                                          \
		ARMVIRT_MMIO_KIND_STORE, ARMVIRT_MMIO_OK, (log2), ARMVIRT_MMIO_BANK_##bank, false  \
	}
#define K_LD(log2, bank)                                                                           \
	{                                                                                          \
		ARMVIRT_MMIO_KIND_LOAD, ARMVIRT_MMIO_OK, (log2), ARMVIRT_MMIO_BANK_##bank, false   \
	}
#define K_LDS(log2, bank)                                                                          \
	{                                                                                          \
		ARMVIRT_MMIO_KIND_LOAD, ARMVIRT_MMIO_OK, (log2), ARMVIRT_MMIO_BANK_##bank, true    \
	}
#define K_PRF                                                                                      \
	{                                                                                          \
		ARMVIRT_MMIO_KIND_OTHER, ARMVIRT_MMIO_PREFETCH, 0, ARMVIRT_MMIO_BANK_NONE, false   \
	}
#define K_BAD                                                                                      \
	{                                                                                          \
		ARMVIRT_MMIO_KIND_OTHER, ARMVIRT_MMIO_UNALLOCATED, 0, ARMVIRT_MMIO_BANK_NONE,      \
			false                                                                      \
	}

/*
 * Single-register loads and stores, indexed [size][V][opc]: the same table
 * serves the unsigned-offset, unscaled, pre/post-index, unprivileged and
 * register-offset classes (C6.2, "LDR/STR ..." decode: opc<1> selects sign
 * extension, opc<0> the 32-bit destination; for V = 1, opc<1> selects Q).
 */
static const struct mmio_xfer_kind a64_single_tab[4][2][4] = {
	{ { K_ST(0, W), K_LD(0, W), K_LDS(0, X), K_LDS(0, W) },
	  { K_ST(0, B), K_LD(0, B), K_ST(4, Q), K_LD(4, Q) } },
	{ { K_ST(1, W), K_LD(1, W), K_LDS(1, X), K_LDS(1, W) },
	  { K_ST(1, H), K_LD(1, H), K_BAD, K_BAD } },
	{ { K_ST(2, W), K_LD(2, W), K_LDS(2, X), K_BAD },
	  { K_ST(2, S), K_LD(2, S), K_BAD, K_BAD } },
	{ { K_ST(3, X), K_LD(3, X), K_PRF, K_BAD }, { K_ST(3, D), K_LD(3, D), K_BAD, K_BAD } },
};

/* LDR (literal), indexed [opc][V]. */
static const struct mmio_xfer_kind a64_literal_tab[4][2] = {
	{ K_LD(2, W), K_LD(2, S) },
	{ K_LD(3, X), K_LD(3, D) },
	{ K_LDS(2, X), K_LD(4, Q) },
	{ K_PRF, K_BAD },
};

/*
 * Register pairs, indexed [opc][V] for L = 1; the store of an entry is the
 * same with kind STORE. opc = 01, V = 0 is LDPSW/STGP and opc = 11 the
 * FEAT_LSUI unprivileged pairs; both are handled in a64_pair().
 */
static const struct mmio_xfer_kind a64_pair_tab[4][2] = {
	{ K_LD(2, W), K_LD(2, S) },
	{ K_LDS(2, X), K_LD(3, D) },
	{ K_LD(3, X), K_LD(4, Q) },
	{ K_LD(3, X), K_LD(4, Q) },
};

/* LDAPUR/STLUR (integer), indexed [size][opc]. */
static const struct mmio_xfer_kind a64_rcpc_tab[4][4] = {
	{ K_ST(0, W), K_LD(0, W), K_LDS(0, X), K_LDS(0, W) },
	{ K_ST(1, W), K_LD(1, W), K_LDS(1, X), K_LDS(1, W) },
	{ K_ST(2, W), K_LD(2, W), K_LDS(2, X), K_BAD },
	{ K_ST(3, X), K_LD(3, X), K_BAD, K_BAD },
};

static void a64_regs_t_n(struct armvirt_mmio_insn *d, uint32_t insn)
{
	d->rt = (uint8_t)MMIO_FIELD(insn, A64_RT);
	d->rn = (uint8_t)MMIO_FIELD(insn, A64_RN);
}

static bool a64_is_gpr(const struct armvirt_mmio_insn *d)
{
	return d->bank == ARMVIRT_MMIO_BANK_W || d->bank == ARMVIRT_MMIO_BANK_X;
}

/*
 * The CONSTRAINED UNPREDICTABLE overlaps of the A64 load/store pseudocode
 * (Arm ARM appendix K1, "Architectural Constraints on UNPREDICTABLE
 * behaviors", loads and stores): writeback to a base that is
 * also a transfer register, and a load pair into one register twice.
 */
static void a64_check_overlap(struct armvirt_mmio_insn *d)
{
	if (!a64_is_gpr(d))
		return;
	if (d->writeback && d->rn != A64_REG_SP_ZR &&
	    (d->rn == d->rt || (d->count == 2 && d->rn == d->rt2)))
		mmio_desc_refuse(d, ARMVIRT_MMIO_UNPREDICTABLE);
	if (d->count == 2 && d->kind == ARMVIRT_MMIO_KIND_LOAD && d->rt == d->rt2)
		mmio_desc_refuse(d, ARMVIRT_MMIO_UNPREDICTABLE);
}

/* SIMD&FP pairs loading one register twice are constrained too. */
static void a64_check_vpair(struct armvirt_mmio_insn *d)
{
	if (!a64_is_gpr(d) && d->count == 2 && d->kind == ARMVIRT_MMIO_KIND_LOAD && d->rt == d->rt2)
		mmio_desc_refuse(d, ARMVIRT_MMIO_UNPREDICTABLE);
}

/* Load/store register: unsigned offset, unscaled, pre/post-index, unprivileged, register. */
static void a64_single(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned size = MMIO_FIELD(insn, A64_SIZE);
	unsigned v = MMIO_FIELD(insn, A64_V);
	unsigned opc = MMIO_FIELD(insn, A64_OPC);
	unsigned op2 = MMIO_FIELD(insn, A64_LS_OP2);
	unsigned op4 = MMIO_FIELD(insn, A64_LS_OP4);
	const struct mmio_xfer_kind *k = &a64_single_tab[size][v][opc];

	mmio_desc_xfer(d, k, 1);
	a64_regs_t_n(d, insn);
	if (k->reason == ARMVIRT_MMIO_UNALLOCATED) {
		d->rt = d->rn = ARMVIRT_MMIO_NOREG;
		return;
	}
	if (op2 & 2u) { /* unsigned immediate, scaled */
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
		d->offset = (int32_t)(MMIO_FIELD(insn, A64_IMM12) << k->log2size);
		return;
	}
	if (MMIO_FIELD(insn, A64_LS_OP3HI)) { /* register offset (op4 = 10) */
		unsigned option = MMIO_FIELD(insn, A64_OPTION);

		d->addressing = ARMVIRT_MMIO_ADDR_REGISTER;
		d->rm = (uint8_t)MMIO_FIELD(insn, A64_RM);
		d->amount = (uint8_t)(MMIO_FIELD(insn, A64_S) ? k->log2size : 0u);
		switch (option) {
		case A64_OPTION_UXTW:
			d->index = ARMVIRT_MMIO_INDEX_UXTW;
			break;
		case A64_OPTION_LSL:
			d->index = ARMVIRT_MMIO_INDEX_LSL;
			break;
		case A64_OPTION_SXTW:
			d->index = ARMVIRT_MMIO_INDEX_SXTW;
			break;
		case A64_OPTION_SXTX:
			d->index = ARMVIRT_MMIO_INDEX_SXTX;
			break;
		default: /* option<1> == 0: UNDEFINED */
			mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_A64, 4, ARMVIRT_MMIO_UNALLOCATED);
			break;
		}
		return;
	}
	d->offset = MMIO_SFIELD(insn, A64_IMM9);
	switch (op4) {
	case 0: /* unscaled: LDUR/STUR/PRFUM */
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
		return;
	case 2: /* unprivileged: LDTR/STTR, GPRs only, no PRFM */
		if (v || k->reason != ARMVIRT_MMIO_OK) {
			mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_A64, 4, ARMVIRT_MMIO_UNALLOCATED);
			return;
		}
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
		d->unprivileged = true;
		return;
	default: /* 01 post-index, 11 pre-index: no PRFM */
		if (k->reason != ARMVIRT_MMIO_OK) {
			mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_A64, 4, ARMVIRT_MMIO_UNALLOCATED);
			return;
		}
		d->addressing = op4 == 1 ? ARMVIRT_MMIO_ADDR_POST : ARMVIRT_MMIO_ADDR_PRE;
		d->writeback = true;
		a64_check_overlap(d);
		return;
	}
}

/* LDRAA/LDRAB: recognised, not emulable (the authenticated base cannot be recomputed). */
static void a64_pac(struct armvirt_mmio_insn *d, uint32_t insn)
{
	static const struct mmio_xfer_kind k = K_LD(3, X);

	if (MMIO_FIELD(insn, A64_SIZE) != 3u || MMIO_FIELD(insn, A64_V))
		return; /* unallocated */
	mmio_desc_xfer(d, &k, 1);
	a64_regs_t_n(d, insn);
	d->reason = ARMVIRT_MMIO_PAC;
	d->offset = (int32_t)armvirt_sign_extend((MMIO_FIELD(insn, A64_PAC_S) << A64_IMM9_WIDTH) |
							 MMIO_FIELD(insn, A64_IMM9),
						 A64_IMM9_WIDTH + 1) *
		    8;
	d->writeback = MMIO_FIELD(insn, A64_PAC_W) != 0;
	d->addressing = d->writeback ? ARMVIRT_MMIO_ADDR_PRE : ARMVIRT_MMIO_ADDR_OFFSET;
}

/* Atomic memory operations class: LSE, LDAPR, LS64, FEAT_LSFE. */
static void a64_atomic(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned size = MMIO_FIELD(insn, A64_SIZE);
	unsigned a = MMIO_FIELD(insn, A64_AT_A);
	unsigned r = MMIO_FIELD(insn, A64_AT_R);
	unsigned o3 = MMIO_FIELD(insn, A64_AT_O3);
	unsigned opc = MMIO_FIELD(insn, A64_AT_OPC);
	unsigned rs = MMIO_FIELD(insn, A64_RM);
	struct mmio_xfer_kind k = K_LD(size, W);

	if (size == 3u)
		k.bank = ARMVIRT_MMIO_BANK_X;
	a64_regs_t_n(d, insn);
	if (MMIO_FIELD(insn, A64_V)) { /* FEAT_LSFE floating-point atomics */
		k.bank = ARMVIRT_MMIO_BANK_NONE;
		mmio_desc_xfer(d, &k, 1);
		d->bank = ARMVIRT_MMIO_BANK_NONE;
		d->reason = ARMVIRT_MMIO_ATOMIC;
		d->rs = (uint8_t)rs;
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
		return;
	}
	if (o3 && opc == 4u) { /* LDAPR{B,H}: RCpc load-acquire; Rs is (1)(1)(1)(1)(1) */
		if (!a || r) {
			mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_A64, 4, ARMVIRT_MMIO_UNALLOCATED);
			return;
		}
		mmio_desc_xfer(d, &k, 1);
		d->acquire = true;
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
		if (rs != A64_REG_SP_ZR)
			d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
		return;
	}
	if (o3 && opc >= 1u && opc <= 3u && size <= 1u) {
		/* FEAT_THE RCWCLR, RCWSWP, RCWSET (size 00) and RCWS* (size 01): 64-bit */
		k.log2size = 3;
		k.bank = ARMVIRT_MMIO_BANK_X;
		mmio_desc_xfer(d, &k, 1);
		d->reason = ARMVIRT_MMIO_ATOMIC;
		d->rs = (uint8_t)rs;
		d->acquire = a != 0;
		d->release = r != 0;
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
		return;
	}
	if (o3 && opc != 0u) { /* LS64: size 11, A = R = 0 */
		static const uint8_t ls64_kind[8] = {
			0,
			ARMVIRT_MMIO_KIND_STORE, /* 001 ST64B  */
			ARMVIRT_MMIO_KIND_STORE, /* 010 ST64BV0 */
			ARMVIRT_MMIO_KIND_STORE, /* 011 ST64BV */
			0,
			ARMVIRT_MMIO_KIND_LOAD, /* 101 LD64B */
			0,
			0,
		};
		if (size != 3u || a || r || !ls64_kind[opc]) {
			mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_A64, 4, ARMVIRT_MMIO_UNALLOCATED);
			return;
		}
		mmio_desc_xfer(d, &k, 8);
		d->kind = ls64_kind[opc];
		d->reason = ARMVIRT_MMIO_LS64;
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
		if (opc == 2u || opc == 3u)
			d->rs = (uint8_t)rs;
		else if (rs != A64_REG_SP_ZR)
			d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
		return;
	}
	/* LD<op>, SWP: the ST<op> aliases (Rt = ZR, no acquire) only store. */
	mmio_desc_xfer(d, &k, 1);
	if (!o3 && !a && d->rt == A64_REG_SP_ZR)
		d->kind = ARMVIRT_MMIO_KIND_STORE;
	d->reason = ARMVIRT_MMIO_ATOMIC;
	d->rs = (uint8_t)rs;
	d->acquire = a != 0;
	d->release = r != 0;
	d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
}

/* Exclusive, ordered and compare-and-swap classes (op0 = xx00, op1 = 0, op2 = 0x). */
static void a64_excl_ordered(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned size = MMIO_FIELD(insn, A64_SIZE);
	unsigned l = MMIO_FIELD(insn, A64_L);
	unsigned o2 = MMIO_FIELD(insn, A64_O2);
	unsigned o1 = MMIO_FIELD(insn, A64_O1);
	unsigned o0 = MMIO_FIELD(insn, A64_O0);
	unsigned rs = MMIO_FIELD(insn, A64_RM);
	unsigned rt2 = MMIO_FIELD(insn, A64_RT2);
	struct mmio_xfer_kind k = K_LD(size, W);

	if (size == 3u)
		k.bank = ARMVIRT_MMIO_BANK_X;
	if (!l)
		k.kind = ARMVIRT_MMIO_KIND_STORE;
	a64_regs_t_n(d, insn);
	d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
	if (!o2 && !o1) { /* LDXR, LDAXR, STXR, STLXR */
		mmio_desc_xfer(d, &k, 1);
		d->reason = ARMVIRT_MMIO_EXCLUSIVE;
		d->exclusive = true;
		d->acquire = l && o0;
		d->release = !l && o0;
		if (!l)
			d->rs = (uint8_t)rs;
		return;
	}
	if (!o2) { /* o1 = 1: LDXP/STXP (size<1> = 1) or CASP (size<1> = 0) */
		k.log2size = (uint8_t)(2u + MMIO_FIELD(insn, A64_SZ));
		k.bank = MMIO_FIELD(insn, A64_SZ) ? ARMVIRT_MMIO_BANK_X : ARMVIRT_MMIO_BANK_W;
		if (MMIO_FIELD(insn, A64_TOPBIT)) {
			mmio_desc_xfer(d, &k, 2);
			d->rt2 = (uint8_t)rt2;
			d->reason = ARMVIRT_MMIO_EXCLUSIVE;
			d->exclusive = true;
			d->acquire = l && o0;
			d->release = !l && o0;
			if (!l)
				d->rs = (uint8_t)rs;
			return;
		}
		if (rt2 != A64_REG_SP_ZR)
			return; /* CASP: Rt2 is 11111 */
		k.kind = ARMVIRT_MMIO_KIND_LOAD;
		mmio_desc_xfer(d, &k, 2);
		d->rt2 = (uint8_t)((d->rt + 1u) & 31u);
		d->reason = ARMVIRT_MMIO_ATOMIC;
		d->rs = (uint8_t)rs;
		d->acquire = l != 0;
		d->release = o0 != 0;
		if ((d->rt & 1u) || (rs & 1u))
			mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_A64, 4, ARMVIRT_MMIO_UNALLOCATED);
		return;
	}
	if (!o1) { /* LDAR, LDLAR, STLR, STLLR; Rs and Rt2 are (1)(1)(1)(1)(1) */
		mmio_desc_xfer(d, &k, 1);
		d->acquire = l != 0;
		d->release = l == 0;
		if (rs != A64_REG_SP_ZR || rt2 != A64_REG_SP_ZR)
			d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
		return;
	}
	/* CAS{A,L,AL}{B,H}: Rt2 is 11111 */
	if (rt2 != A64_REG_SP_ZR)
		return;
	k.kind = ARMVIRT_MMIO_KIND_LOAD;
	mmio_desc_xfer(d, &k, 1);
	d->reason = ARMVIRT_MMIO_ATOMIC;
	d->rs = (uint8_t)rs;
	d->acquire = l != 0;
	d->release = o0 != 0;
}

/* FEAT_LSUI exclusives and compare-and-swap (op0 = xx00, op1 = 0, op2 = 1x). */
static void a64_lsui_excl(struct armvirt_mmio_insn *d, uint32_t insn)
{
	struct mmio_xfer_kind k = K_LD(MMIO_FIELD(insn, A64_SIZE), W);

	if (MMIO_FIELD(insn, A64_SIZE) == 3u)
		k.bank = ARMVIRT_MMIO_BANK_X;
	a64_regs_t_n(d, insn);
	d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
	d->unprivileged = true;
	d->rs = (uint8_t)MMIO_FIELD(insn, A64_RM);
	if (!MMIO_FIELD(insn, A64_O2)) { /* LDTXR, LDATXR, STTXR, STLTXR */
		if (!MMIO_FIELD(insn, A64_L))
			k.kind = ARMVIRT_MMIO_KIND_STORE;
		mmio_desc_xfer(d, &k, 1);
		d->reason = ARMVIRT_MMIO_EXCLUSIVE;
		d->exclusive = true;
		if (d->kind == ARMVIRT_MMIO_KIND_LOAD)
			d->rs = ARMVIRT_MMIO_NOREG;
		return;
	}
	mmio_desc_xfer(d, &k, 1); /* CAST, CASPT and their ordered forms */
	d->reason = ARMVIRT_MMIO_ATOMIC;
}

/* Load/store pairs (op0 = xx10): no-allocate, post-index, offset, pre-index. */
static void a64_pair(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned opc = MMIO_FIELD(insn, A64_SIZE);
	unsigned v = MMIO_FIELD(insn, A64_V);
	unsigned l = MMIO_FIELD(insn, A64_L);
	unsigned op2 = MMIO_FIELD(insn, A64_LS_OP2);
	struct mmio_xfer_kind k = a64_pair_tab[opc][v];
	unsigned scale = k.log2size;

	if (op2 == 0u && (opc == 3u || (opc == 1u && !v)))
		return; /* LDNP/STNP have no LDPSW, STGP or unprivileged forms */
	if (!l)
		k.kind = ARMVIRT_MMIO_KIND_STORE;
	if (opc == 1u && !v && !l) { /* STGP: two X and the tag, 16-byte scaled */
		k.log2size = 3;
		k.bank = ARMVIRT_MMIO_BANK_X;
		k.sign_extend = false;
		scale = 4;
	}
	mmio_desc_xfer(d, &k, 2);
	a64_regs_t_n(d, insn);
	d->rt2 = (uint8_t)MMIO_FIELD(insn, A64_RT2);
	d->offset = MMIO_SFIELD(insn, A64_IMM7) * (int32_t)(1u << scale);
	d->unprivileged = opc == 3u;
	switch (op2) {
	case 1:
		d->addressing = ARMVIRT_MMIO_ADDR_POST;
		d->writeback = true;
		break;
	case 3:
		d->addressing = ARMVIRT_MMIO_ADDR_PRE;
		d->writeback = true;
		break;
	default:
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
		break;
	}
	if (opc == 1u && !v && !l) {
		d->reason = ARMVIRT_MMIO_TAGS;
		return;
	}
	a64_check_overlap(d);
	a64_check_vpair(d);
}

/* LDR (literal) and PRFM (literal). */
static void a64_literal(struct armvirt_mmio_insn *d, uint32_t insn)
{
	const struct mmio_xfer_kind *k =
		&a64_literal_tab[MMIO_FIELD(insn, A64_SIZE)][MMIO_FIELD(insn, A64_V)];

	mmio_desc_xfer(d, k, 1);
	if (k->reason == ARMVIRT_MMIO_UNALLOCATED)
		return;
	d->rt = (uint8_t)MMIO_FIELD(insn, A64_RT);
	d->addressing = ARMVIRT_MMIO_ADDR_LITERAL;
	d->offset = MMIO_SFIELD(insn, A64_IMM19) * 4;
}

/* LDAPUR/STLUR, integer (op4 = 00) and SIMD&FP (op4 = 10, FEAT_LRCPC3). */
static void a64_rcpc_unscaled(struct armvirt_mmio_insn *d, uint32_t insn, bool simd)
{
	unsigned size = MMIO_FIELD(insn, A64_SIZE);
	unsigned opc = MMIO_FIELD(insn, A64_OPC);
	const struct mmio_xfer_kind *k =
		simd ? &a64_single_tab[size][1][opc] : &a64_rcpc_tab[size][opc];

	mmio_desc_xfer(d, k, 1);
	if (k->reason != ARMVIRT_MMIO_OK)
		return;
	a64_regs_t_n(d, insn);
	d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
	d->offset = MMIO_SFIELD(insn, A64_IMM9);
	d->acquire = d->kind == ARMVIRT_MMIO_KIND_LOAD;
	d->release = d->kind == ARMVIRT_MMIO_KIND_STORE;
}

/*
 * FEAT_LRCPC3 (LDIAPP, STILP, LDAPR post-index, STLR pre-index) and FEAT_LSCP
 * (LDAP, STLP): "1x 011001 op(2) 0 Rt2 opc2 10 Rn Rt".
 */
static void a64_rcpc3(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned size = MMIO_FIELD(insn, A64_SIZE);
	unsigned op = MMIO_FIELD(insn, A64_RC3_OP);
	unsigned opc2 = MMIO_FIELD(insn, A64_RC3_OPC2);
	unsigned rt2 = MMIO_FIELD(insn, A64_RM); /* Rt2 is in bits 20:16 here */
	bool load = (op & 1u) != 0;
	bool pair = !(op & 2u);
	struct mmio_xfer_kind k = K_LD(size, W);

	if (!(size & 2u))
		return;
	if (size == 3u)
		k.bank = ARMVIRT_MMIO_BANK_X;
	if (!load)
		k.kind = ARMVIRT_MMIO_KIND_STORE;
	if (opc2 == 0u) { /* writeback forms */
		int32_t step = (int32_t)((pair ? 2u : 1u) << size);

		if (!pair && rt2 != 0u)
			return;
		mmio_desc_xfer(d, &k, pair ? 2u : 1u);
		d->writeback = true;
		d->addressing = load ? ARMVIRT_MMIO_ADDR_POST : ARMVIRT_MMIO_ADDR_PRE;
		d->offset = load ? step : -step;
		d->descending = pair && !load; /* STILP pre-index stores Rt2 first */
	} else if ((opc2 == 1u && pair) || (opc2 == 5u && pair && size == 3u)) {
		mmio_desc_xfer(d, &k, 2); /* LDIAPP/STILP, or FEAT_LSCP LDAP/STLP */
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
	} else {
		return;
	}
	a64_regs_t_n(d, insn);
	if (pair)
		d->rt2 = (uint8_t)rt2;
	d->acquire = load;
	d->release = !load;
	a64_check_overlap(d);
}

/* CPY* and SET*: FEAT_MOPS prologue, main and epilogue (size = 00). */
static void a64_mops(struct armvirt_mmio_insn *d, uint32_t insn)
{
	bool set = MMIO_FIELD(insn, A64_MOPS_OP1) == 3u;
	unsigned rd = MMIO_FIELD(insn, A64_RT), rn = MMIO_FIELD(insn, A64_RN);

	if (MMIO_FIELD(insn, A64_SIZE) != 0u)
		return;
	/* Xd and Xn are never 31; CPY's source Xs neither, SET's value may be XZR */
	if (rd == A64_REG_SP_ZR || rn == A64_REG_SP_ZR ||
	    (!set && MMIO_FIELD(insn, A64_RM) == A64_REG_SP_ZR))
		return;
	if (set && (MMIO_FIELD(insn, A64_MOPS_OP2) >> 2) == 3u)
		return; /* SET op2<3:2> = 11 is unallocated */
	d->kind = set ? ARMVIRT_MMIO_KIND_STORE : ARMVIRT_MMIO_KIND_LOAD;
	d->reason = ARMVIRT_MMIO_MOPS;
	if (rd == rn || rd == MMIO_FIELD(insn, A64_RM) || rn == MMIO_FIELD(insn, A64_RM))
		d->reason = ARMVIRT_MMIO_UNPREDICTABLE; /* the three registers must differ */
}

/* GCSSTR, GCSSTTR: 1101 1001 0001 1111 000x 11 Rn Rt. */
static void a64_gcs(struct armvirt_mmio_insn *d, uint32_t insn)
{
	static const struct mmio_xfer_kind k = K_ST(3, X);

	if ((insn & A64_GCSSTR_MASK) != A64_GCSSTR)
		return;
	mmio_desc_xfer(d, &k, 1);
	a64_regs_t_n(d, insn);
	d->reason = ARMVIRT_MMIO_GCS;
	d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
	d->unprivileged = MMIO_FIELD(insn, A64_GCS_T) != 0;
}

/* MTE: STG, STZG, ST2G, STZ2G, LDG, STGM, STZGM, LDGM (op0 = 1101, op2 = 1x, op3 = 1xxxxx). */
static void a64_tags(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned opc = MMIO_FIELD(insn, A64_TAG_OPC);
	unsigned op2 = MMIO_FIELD(insn, A64_TAG_OP2);

	if (op2 == 0u && opc != 1u && MMIO_FIELD(insn, A64_IMM9) != 0u)
		return; /* STZGM, STGM, LDGM take no offset */
	d->kind = ((opc == 1u || opc == 3u) && op2 == 0u) ? ARMVIRT_MMIO_KIND_LOAD
							  : ARMVIRT_MMIO_KIND_STORE;
	d->reason = ARMVIRT_MMIO_TAGS;
	d->rn = (uint8_t)MMIO_FIELD(insn, A64_RN);
}

/*
 * AdvSIMD load/store multiple and single structures (op0 = 0x00, op1 = 1),
 * with the FEAT_LRCPC3 LDAP1/STL1 lane forms. The opcode checks are those of
 * the LD1-LD4/ST1-ST4 decode pseudocode.
 */
static void a64_structure(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned op2 = MMIO_FIELD(insn, A64_LS_OP2);
	unsigned l = MMIO_FIELD(insn, A64_L);
	unsigned op3 = MMIO_FIELD(insn, A64_ST_OP3);
	unsigned size = MMIO_FIELD(insn, A64_ST_SIZE);

	if (op2 < 2u) { /* multiple structures */
		unsigned opcode = MMIO_FIELD(insn, A64_ST_OPCODE);
		bool ldn = opcode == 0u || opcode == 4u || opcode == 8u; /* LD4, LD3, LD2 */

		if (MMIO_FIELD(insn, A64_O1) || (op2 == 0u && op3 != 0u))
			return;
		if (!ldn && opcode != 2u && opcode != 6u && opcode != 7u && opcode != 10u)
			return;
		if (ldn && size == 3u && !MMIO_FIELD(insn, A64_ST_Q))
			return;
	} else { /* single structure */
		unsigned sopc = MMIO_FIELD(insn, A64_ST_SOPC);
		unsigned s = MMIO_FIELD(insn, A64_ST_S);
		unsigned scale = sopc >> 1;

		if (op2 == 2u && op3 != 0u) {
			/* only LDAP1/STL1 {Vt.D}[i] here: R = 0, op3 = 00001 */
			if (op3 != A64_ST_OP3_LANE || MMIO_FIELD(insn, A64_ST_R) ||
			    MMIO_FIELD(insn, A64_ST_LANE) != A64_ST_LANE_D)
				return;
		} else if (scale == 3u) {
			if (!l || s) /* LD1R-LD4R */
				return;
		} else if ((scale == 1u && (size & 1u)) || (scale == 2u && (size & 2u)) ||
			   (scale == 2u && size == 1u && s)) {
			return;
		}
	}
	d->kind = l ? ARMVIRT_MMIO_KIND_LOAD : ARMVIRT_MMIO_KIND_STORE;
	d->reason = ARMVIRT_MMIO_STRUCTURE;
	d->rn = (uint8_t)MMIO_FIELD(insn, A64_RN);
}

static void a64_ldst(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned op0 = MMIO_FIELD(insn, A64_LS_OP0);
	unsigned op1 = MMIO_FIELD(insn, A64_LS_OP1);
	unsigned op2 = MMIO_FIELD(insn, A64_LS_OP2);
	unsigned op3hi = MMIO_FIELD(insn, A64_LS_OP3HI);
	unsigned op4 = MMIO_FIELD(insn, A64_LS_OP4);

	switch (MMIO_FIELD(insn, A64_LS_OP0LO)) {
	case 0: /* xx00 */
		if (op1) {
			if (!(op0 & 8u))
				a64_structure(d, insn);
			return;
		}
		if (op2 & 2u)
			a64_lsui_excl(d, insn);
		else
			a64_excl_ordered(d, insn);
		return;
	case 1: /* xx01 */
		if (!(op2 & 2u)) {
			a64_literal(d, insn);
			return;
		}
		if (op3hi && op0 == A64_LS_OP0_TAGS) {
			if (!op1)
				a64_tags(d, insn);
			return;
		}
		if (op3hi) {
			if (!op1) { /* FEAT_LSE128, FEAT_THE, FEAT_LSUI atomics */
				d->kind = ARMVIRT_MMIO_KIND_LOAD;
				d->reason = ARMVIRT_MMIO_ATOMIC;
				d->rn = (uint8_t)MMIO_FIELD(insn, A64_RN);
			}
			return;
		}
		switch (op4) {
		case 0:
			if (!op1)
				a64_rcpc_unscaled(d, insn, false);
			return;
		case 1:
			a64_mops(d, insn);
			return;
		case 2:
			if (op1)
				a64_rcpc_unscaled(d, insn, true);
			else
				a64_rcpc3(d, insn);
			return;
		default:
			if (!op1)
				a64_gcs(d, insn);
			return;
		}
	case 2: /* xx10 */
		a64_pair(d, insn);
		return;
	default:				       /* xx11 */
		if ((op2 & 2u) || !op3hi || op4 == 2u) /* immediate forms, register offset */
			a64_single(d, insn);
		else if (op4 & 1u)
			a64_pac(d, insn);
		else
			a64_atomic(d, insn);
		return;
	}
}

/*
 * SVE memory instructions: op0 (bits 31:29) = 100 (32-bit gather and unsized
 * contiguous), 101 (contiguous load), 110 (64-bit gather), 111 (store).
 * Prefetches in the load spaces are told apart by their fixed bits.
 */
static bool a64_sve_prefetch(uint32_t insn)
{
	/* PRFB/PRFH/PRFW/PRFD encodings, all with bit 4 = 0 (SVE encoding index). */
	static const struct {
		uint32_t mask, value;
		bool rm_not_zr; /* Rm = 11111 is unallocated */
	} prf[] = {
		{ 0xffc08010u, 0x85c00000u, false }, /* scalar plus immediate */
		{ 0xfe60e010u, 0x8400c000u, true },  /* scalar plus scalar */
		{ 0xfe60e010u, 0x8400e000u, false }, /* 32-bit vector plus immediate */
		{ 0xffa08010u, 0x84200000u, false }, /* 32-bit scaled offsets */
		{ 0xfe60e010u, 0xc400e000u, false }, /* 64-bit vector plus immediate */
		{ 0xffe08010u, 0xc4608000u, false }, /* 64-bit scaled offsets */
		{ 0xffa08010u, 0xc4200000u, false }, /* 32-bit unpacked scaled offsets */
	};
	for (unsigned i = 0; i < sizeof(prf) / sizeof(prf[0]); i++)
		if ((insn & prf[i].mask) == prf[i].value)
			return !prf[i].rm_not_zr || MMIO_FIELD(insn, A64_RM) != A64_REG_SP_ZR;
	return false;
}

static void a64_sve(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned op0 = MMIO_FIELD(insn, A64_SVE_OP0);

	if (!(op0 & 4u))
		return; /* data processing */
	if (op0 != 7u && a64_sve_prefetch(insn)) {
		d->reason = ARMVIRT_MMIO_PREFETCH;
		return;
	}
	d->kind = op0 == 7u ? ARMVIRT_MMIO_KIND_STORE : ARMVIRT_MMIO_KIND_LOAD;
	d->reason = ARMVIRT_MMIO_SVE;
	d->rn = (uint8_t)MMIO_FIELD(insn, A64_RN);
}

/*
 * SME loads and stores (bit 31 = 1, op0 = 0000): LD1x/ST1x to ZA tile slices,
 * LDR/STR of ZA and ZT0 (bits 31:25 = 1110000, bit 21 = store), and the SME2
 * multi-vector contiguous loads and stores (bits 31:25 = 1010000).
 */
static void a64_sme(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned hi = MMIO_FIELD(insn, A64_SME_HI);

	if (hi != A64_SME_LDST && (hi != A64_SME_LDST_MV || MMIO_FIELD(insn, A64_SME_MV_OP)))
		return; /* 1010000x 1xxx: SME2 outer products */
	d->kind = MMIO_FIELD(insn, A64_SME_ST) ? ARMVIRT_MMIO_KIND_STORE : ARMVIRT_MMIO_KIND_LOAD;
	d->reason = ARMVIRT_MMIO_SME;
	d->rn = (uint8_t)MMIO_FIELD(insn, A64_RN);
}

/* DC ZVA, DC GVA, DC GZVA: SYS #3, C7, C4, #{1,3,4}, Xt. */
static void a64_dc_zero(struct armvirt_mmio_insn *d, uint32_t insn)
{
	uint32_t op = insn & ~(uint32_t)ARMVIRT_MASK(A64_RT_SHIFT, A64_RT_WIDTH);

	if (op != A64_DC_ZVA && op != A64_DC_GVA && op != A64_DC_GZVA)
		return;
	d->kind = ARMVIRT_MMIO_KIND_STORE;
	d->reason = ARMVIRT_MMIO_DC_ZERO;
	d->rn = (uint8_t)MMIO_FIELD(insn, A64_RT);
}

int armvirt_mmio_decode_a64(uint32_t insn, struct armvirt_mmio_insn *d)
{
	unsigned op0;

	if (!d)
		return ARMVIRT_EINVAL;
	op0 = MMIO_FIELD(insn, A64_OP0);
	if ((op0 & A64_GROUP_LDST_MASK) == A64_GROUP_LDST) {
		mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_A64, 4, ARMVIRT_MMIO_UNALLOCATED);
		a64_ldst(d, insn);
	} else {
		mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_A64, 4, ARMVIRT_MMIO_NOT_MEMORY);
		if (op0 == A64_GROUP_SVE)
			a64_sve(d, insn);
		else if (op0 == A64_GROUP_SME && MMIO_FIELD(insn, A64_TOP))
			a64_sme(d, insn);
		else if ((insn & A64_SYS_MASK) == A64_SYS_CRN7)
			a64_dc_zero(d, insn);
	}
	return 0;
}

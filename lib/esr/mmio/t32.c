/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * T32 load/store decoding, 16- and 32-bit. Encoding classes follow the Arm
 * ARM, F3.1 "T32 instruction set encoding"; the UNPREDICTABLE cases are those
 * of each instruction's decode pseudocode for Armv8-A, which no longer makes
 * R13 UNPREDICTABLE as a transfer or index register.
 *
 * A 32-bit instruction is held as hw1:hw2 (hw1 in bits 31:16), so the field
 * positions below are those of the Arm ARM plus 16 for hw1.
 */
#include "mmio_internal.h"

/* 16-bit encodings. */
#define T16_OP_SHIFT 12 /* bits 15:12 */
#define T16_OP_WIDTH 4
#define T16_LIT_SHIFT 11 /* 01001: LDR (literal) */
#define T16_LIT_WIDTH 5
#define T16_LIT 0x9u
#define T16_OPB_SHIFT 9 /* 0101: register-offset opcode */
#define T16_OPB_WIDTH 3
#define T16_L_SHIFT 11
#define T16_L_WIDTH 1
#define T16_IMM5_SHIFT 6
#define T16_IMM5_WIDTH 5
#define T16_IMM8_SHIFT 0
#define T16_IMM8_WIDTH 8
#define T16_RM_SHIFT 6
#define T16_RM_WIDTH 3
#define T16_RN_SHIFT 3
#define T16_RN_WIDTH 3
#define T16_RT_SHIFT 0
#define T16_RT_WIDTH 3
#define T16_RT8_SHIFT 8 /* Rt of LDR (literal), LDR/STR (SP) */
#define T16_RT8_WIDTH 3
#define T16_PUSHPOP_SHIFT 9 /* 1011 x10x: PUSH (x = 0), POP (x = 1) */
#define T16_PUSHPOP_WIDTH 7
#define T16_PUSH 0x5au
#define T16_POP 0x5eu
#define T16_OP_REG 0x5u	     /* 0101: load/store register offset */
#define T16_OP_WORD_IMM 0x6u /* 0110 */
#define T16_OP_BYTE_IMM 0x7u /* 0111 */
#define T16_OP_HALF_IMM 0x8u /* 1000 */
#define T16_OP_SP 0x9u	     /* 1001: SP-relative */
#define T16_OP_LDM 0xcu	     /* 1100: LDM/STM */
#define T16_REG_SP 13u

/* 32-bit encodings: hw1 fields. */
#define T32_RN_SHIFT 16 /* hw1[3:0] */
#define T32_RN_WIDTH 4
#define T32_L_SHIFT 20 /* hw1[4] */
#define T32_L_WIDTH 1
#define T32_W_SHIFT 21 /* hw1[5] */
#define T32_W_WIDTH 1
#define T32_U_SHIFT 23 /* hw1[7] */
#define T32_U_WIDTH 1
#define T32_P_SHIFT 24 /* hw1[8] */
#define T32_P_WIDTH 1
#define T32_SIZE_SHIFT 21 /* single data: hw1[6:5] */
#define T32_SIZE_WIDTH 2
#define T32_SIGN_SHIFT 24 /* single data: hw1[8] */
#define T32_SIGN_WIDTH 1
#define T32_IMM12F_SHIFT 23 /* single data: hw1[7], the imm12 form (add for literals) */
#define T32_IMM12F_WIDTH 1
#define T32_PUDWL_SHIFT 20 /* coprocessor: hw1[8:4] */
#define T32_PUDWL_WIDTH 5
/* hw2 fields. */
#define T32_RT_SHIFT 12
#define T32_RT_WIDTH 4
#define T32_RT2_SHIFT 8 /* LDRD/STRD, LDREXD */
#define T32_RT2_WIDTH 4
#define T32_RM_SHIFT 0
#define T32_RM_WIDTH 4
#define T32_IMM12_SHIFT 0
#define T32_IMM12_WIDTH 12
#define T32_IMM8_SHIFT 0
#define T32_IMM8_WIDTH 8
#define T32_IMM8F_SHIFT 11 /* single data, hw1[7] = 0: 1 = imm8 forms */
#define T32_IMM8F_WIDTH 1
#define T32_PUW_SHIFT 8 /* single data imm8 forms: P U W */
#define T32_PUW_WIDTH 3
#define T32_REGZ_SHIFT 6 /* single data register form: hw2[10:6] = 00000 */
#define T32_REGZ_WIDTH 5
#define T32_IMM2_SHIFT 4 /* register form shift */
#define T32_IMM2_WIDTH 2
#define T32_XOP_SHIFT 4 /* exclusive/acquire-release op: hw2[7:4] */
#define T32_XOP_WIDTH 4
#define T32_XSBO_SHIFT 8 /* LDA/STL: hw2[11:8] = (1)(1)(1)(1) */
#define T32_XSBO_WIDTH 4
#define T32_COPROC_SHIFT 8
#define T32_COPROC_WIDTH 4
#define T32_TB_SBO_SHIFT 8 /* TBB/TBH: hw2[15:8] = (1)(1)(1)(1)(0)(0)(0)(0) */
#define T32_TB_SBO_WIDTH 8
#define T32_TB_SBO_VALUE 0xf0u
#define T32_SBO4 0xfu

#define T32_REG_PC 15u
#define T32_HW1_SHIFT 16

/* hw1[15:4] patterns (bits 31:20 of the word). */
#define T32_SINGLE_MASK 0xfe0u /* 1111 100x xxxx: load/store single */
#define T32_SINGLE 0xf80u
#define T32_SIMD_LS_MASK 0xff1u /* 1111 1001 xxx0: AdvSIMD element/structure */
#define T32_SIMD_LS 0xf90u
#define T32_LSM_MASK 0xfe4u /* 1110 100x x0xx: load/store multiple, SRS, RFE */
#define T32_LSM 0xe80u
#define T32_DUAL_MASK 0xfe4u /* 1110 100x x1xx: dual, exclusive, table branch */
#define T32_DUAL 0xe84u
#define T32_COPROC_MASK 0xee0u /* 111x 110x xxxx: coprocessor and SIMD&FP loads/stores */
#define T32_COPROC 0xec0u
#define T32_COPROC2_SHIFT 28 /* hw1[12]: the unconditional (LDC2/STC2) half */
#define T32_COPROC2_WIDTH 1
#define T32_LSM_OP_SHIFT 23 /* hw1[8:7]: 01 IA, 10 DB; 00 and 11 are SRS/RFE */
#define T32_LSM_OP_WIDTH 2
#define T32_LSM_IA 1u
#define T32_LSM_DB 2u
#define T32_SRS_MASK 0xffdfffe0u /* SRS: 1110 100x x0W0 1101 | 1100 0000 000 mode */
#define T32_SRS_DB 0xe80dc000u
#define T32_SRS_IA 0xe98dc000u
#define T32_RFE_MASK 0xffd0ffffu /* RFE: 1110 100x x0W1 Rn | 1100 0000 0000 0000 */
#define T32_RFE_DB 0xe810c000u
#define T32_RFE_IA 0xe990c000u
#define T32_EXCL_WORD_MASK 0xffeu /* 1110 1000 010x: LDREX, STREX; 110x holds the others */
#define T32_EXCL_WORD 0xe84u

/* Single data: imm8 forms' P U W. */
#define T32_PUW_T 0x6u	     /* 110: unprivileged LDRT ... */
#define T32_PUW_NEG 0x4u     /* 100: offset, subtract */
#define T32_PUW_W 0x1u	     /* writeback */
#define T32_PUW_P 0x4u	     /* index */
#define T32_PUW_U 0x2u	     /* add */
#define T32_SIZE_RESERVED 3u /* hw1[6:5] = 11 */

/* Exclusive, table branch and acquire/release ops, hw2[7:4]. */
enum t32_xop {
	T32_X_TBB = 0x0,
	T32_X_TBH = 0x1,
	T32_X_EXB = 0x4,
	T32_X_EXH = 0x5,
	T32_X_EXD = 0x7,
	T32_X_AB = 0x8,
	T32_X_AH = 0x9,
	T32_X_A = 0xa,
	T32_X_AEXB = 0xc,
	T32_X_AEXH = 0xd,
	T32_X_AEX = 0xe,
	T32_X_AEXD = 0xf,
};

static const struct mmio_xfer_kind t_word = { ARMVIRT_MMIO_KIND_LOAD, ARMVIRT_MMIO_OK, 2,
					      ARMVIRT_MMIO_BANK_W, false };

/* 16-bit load/store register offset: STR, STRH, STRB, LDRSB, LDR, LDRH, LDRB, LDRSH. */
static const struct mmio_xfer_kind t16_reg[8] = {
	{ ARMVIRT_MMIO_KIND_STORE, ARMVIRT_MMIO_OK, 2, ARMVIRT_MMIO_BANK_W, false },
	{ ARMVIRT_MMIO_KIND_STORE, ARMVIRT_MMIO_OK, 1, ARMVIRT_MMIO_BANK_W, false },
	{ ARMVIRT_MMIO_KIND_STORE, ARMVIRT_MMIO_OK, 0, ARMVIRT_MMIO_BANK_W, false },
	{ ARMVIRT_MMIO_KIND_LOAD, ARMVIRT_MMIO_OK, 0, ARMVIRT_MMIO_BANK_W, true },
	{ ARMVIRT_MMIO_KIND_LOAD, ARMVIRT_MMIO_OK, 2, ARMVIRT_MMIO_BANK_W, false },
	{ ARMVIRT_MMIO_KIND_LOAD, ARMVIRT_MMIO_OK, 1, ARMVIRT_MMIO_BANK_W, false },
	{ ARMVIRT_MMIO_KIND_LOAD, ARMVIRT_MMIO_OK, 0, ARMVIRT_MMIO_BANK_W, false },
	{ ARMVIRT_MMIO_KIND_LOAD, ARMVIRT_MMIO_OK, 1, ARMVIRT_MMIO_BANK_W, true },
};

static void t16_imm(struct armvirt_mmio_insn *d, uint32_t hw, unsigned log2size)
{
	struct mmio_xfer_kind k = t_word;

	k.log2size = (uint8_t)log2size;
	if (!MMIO_FIELD(hw, T16_L))
		k.kind = ARMVIRT_MMIO_KIND_STORE;
	mmio_desc_xfer(d, &k, 1);
	d->rt = (uint8_t)MMIO_FIELD(hw, T16_RT);
	d->rn = (uint8_t)MMIO_FIELD(hw, T16_RN);
	d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
	d->offset = (int32_t)(MMIO_FIELD(hw, T16_IMM5) << log2size);
}

static void t16(struct armvirt_mmio_insn *d, uint32_t hw)
{
	unsigned op = MMIO_FIELD(hw, T16_OP);
	unsigned pushpop = MMIO_FIELD(hw, T16_PUSHPOP);

	if (MMIO_FIELD(hw, T16_LIT) == T16_LIT) { /* LDR (literal) */
		mmio_desc_xfer(d, &t_word, 1);
		d->rt = (uint8_t)MMIO_FIELD(hw, T16_RT8);
		d->addressing = ARMVIRT_MMIO_ADDR_LITERAL;
		d->offset = (int32_t)(MMIO_FIELD(hw, T16_IMM8) << 2);
		return;
	}
	if (pushpop == T16_PUSH || pushpop == T16_POP) {
		d->kind = pushpop == T16_POP ? ARMVIRT_MMIO_KIND_LOAD : ARMVIRT_MMIO_KIND_STORE;
		d->reason = ARMVIRT_MMIO_MULTIPLE;
		d->rn = T16_REG_SP;
		return;
	}
	switch (op) {
	case T16_OP_REG:
		mmio_desc_xfer(d, &t16_reg[MMIO_FIELD(hw, T16_OPB)], 1);
		d->rt = (uint8_t)MMIO_FIELD(hw, T16_RT);
		d->rn = (uint8_t)MMIO_FIELD(hw, T16_RN);
		d->rm = (uint8_t)MMIO_FIELD(hw, T16_RM);
		d->addressing = ARMVIRT_MMIO_ADDR_REGISTER;
		d->index = ARMVIRT_MMIO_INDEX_LSL;
		return;
	case T16_OP_WORD_IMM:
		t16_imm(d, hw, 2);
		return;
	case T16_OP_BYTE_IMM:
		t16_imm(d, hw, 0);
		return;
	case T16_OP_HALF_IMM:
		t16_imm(d, hw, 1);
		return;
	case T16_OP_SP: {
		struct mmio_xfer_kind k = t_word;

		if (!MMIO_FIELD(hw, T16_L))
			k.kind = ARMVIRT_MMIO_KIND_STORE;
		mmio_desc_xfer(d, &k, 1);
		d->rt = (uint8_t)MMIO_FIELD(hw, T16_RT8);
		d->rn = T16_REG_SP;
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
		d->offset = (int32_t)(MMIO_FIELD(hw, T16_IMM8) << 2);
		return;
	}
	case T16_OP_LDM:
		d->kind = MMIO_FIELD(hw, T16_L) ? ARMVIRT_MMIO_KIND_LOAD : ARMVIRT_MMIO_KIND_STORE;
		d->reason = ARMVIRT_MMIO_MULTIPLE;
		d->rn = (uint8_t)MMIO_FIELD(hw, T16_RT8);
		return;
	default:
		return;
	}
}

/* LDR, LDRB, LDRH, LDRSB, LDRSH, STR, STRB, STRH (hw1 = 1111 100x xxxx, not structures). */
static void t32_single(struct armvirt_mmio_insn *d, uint32_t insn)
{
	struct mmio_xfer_kind k = t_word;
	unsigned size = MMIO_FIELD(insn, T32_SIZE);
	bool load = MMIO_FIELD(insn, T32_L);
	unsigned t = MMIO_FIELD(insn, T32_RT), n = MMIO_FIELD(insn, T32_RN);
	bool hint_form = false; /* Rt = PC in a byte/halfword load selects a preload hint */

	if (size == T32_SIZE_RESERVED || (!load && n == T32_REG_PC))
		return; /* unallocated */
	k.log2size = (uint8_t)size;
	k.sign_extend = MMIO_FIELD(insn, T32_SIGN) != 0;
	if (!load)
		k.kind = ARMVIRT_MMIO_KIND_STORE;
	if (k.sign_extend && size == 2u)
		return; /* no LDRSW */
	mmio_desc_xfer(d, &k, 1);
	d->rt = (uint8_t)t;
	d->rn = (uint8_t)n;
	if (n == T32_REG_PC) { /* literal: U = hw1[7] */
		d->addressing = ARMVIRT_MMIO_ADDR_LITERAL;
		d->rn = ARMVIRT_MMIO_NOREG;
		d->offset = (int32_t)MMIO_FIELD(insn, T32_IMM12);
		if (!MMIO_FIELD(insn, T32_IMM12F))
			d->offset = -d->offset;
		hint_form = true;
	} else if (MMIO_FIELD(insn, T32_IMM12F)) {
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
		d->offset = (int32_t)MMIO_FIELD(insn, T32_IMM12);
		hint_form = true;
	} else if (MMIO_FIELD(insn, T32_IMM8F)) {
		unsigned puw = MMIO_FIELD(insn, T32_PUW);

		d->offset = (int32_t)MMIO_FIELD(insn, T32_IMM8);
		if (puw == T32_PUW_T) {
			d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
			d->unprivileged = true;
		} else if (!(puw & T32_PUW_P) && !(puw & T32_PUW_W)) {
			mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_T32, 4, ARMVIRT_MMIO_UNALLOCATED);
			return;
		} else {
			if (!(puw & T32_PUW_U))
				d->offset = -d->offset;
			d->writeback = (puw & T32_PUW_W) != 0;
			d->addressing = !(puw & T32_PUW_P) ? ARMVIRT_MMIO_ADDR_POST
					: d->writeback	   ? ARMVIRT_MMIO_ADDR_PRE
							   : ARMVIRT_MMIO_ADDR_OFFSET;
			hint_form = puw == T32_PUW_NEG;
		}
	} else if (MMIO_FIELD(insn, T32_REGZ) == 0u) {
		d->addressing = ARMVIRT_MMIO_ADDR_REGISTER;
		d->rm = (uint8_t)MMIO_FIELD(insn, T32_RM);
		d->index = ARMVIRT_MMIO_INDEX_LSL;
		d->amount = (uint8_t)MMIO_FIELD(insn, T32_IMM2);
		if (d->rm == T32_REG_PC)
			d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
		hint_form = true;
	} else {
		mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_T32, 4, ARMVIRT_MMIO_UNALLOCATED);
		return;
	}
	if (t == T32_REG_PC) {
		if (load && size != 2u && hint_form) { /* PLD, PLDW, PLI, unallocated hints */
			mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_T32, 4, ARMVIRT_MMIO_PREFETCH);
			return;
		}
		mmio_desc_refuse(d, (load && size == 2u && !d->unprivileged)
					    ? ARMVIRT_MMIO_PC
					    : ARMVIRT_MMIO_UNPREDICTABLE);
	}
	if (d->writeback && n == t)
		mmio_desc_refuse(d, ARMVIRT_MMIO_UNPREDICTABLE);
}

/* LDRD, STRD (immediate and literal): hw1 = 1110 100P U1WL Rn with P or W set. */
static void t32_dual(struct armvirt_mmio_insn *d, uint32_t insn)
{
	struct mmio_xfer_kind k = t_word;
	bool load = MMIO_FIELD(insn, T32_L);
	bool p = MMIO_FIELD(insn, T32_P), w = MMIO_FIELD(insn, T32_W);
	unsigned t = MMIO_FIELD(insn, T32_RT), t2 = MMIO_FIELD(insn, T32_RT2);
	unsigned n = MMIO_FIELD(insn, T32_RN);

	if (!load)
		k.kind = ARMVIRT_MMIO_KIND_STORE;
	mmio_desc_xfer(d, &k, 2);
	d->rt = (uint8_t)t;
	d->rt2 = (uint8_t)t2;
	d->rn = (uint8_t)n;
	d->offset = (int32_t)(MMIO_FIELD(insn, T32_IMM8) << 2);
	if (!MMIO_FIELD(insn, T32_U))
		d->offset = -d->offset;
	d->writeback = w;
	d->addressing = !p  ? ARMVIRT_MMIO_ADDR_POST
			: w ? ARMVIRT_MMIO_ADDR_PRE
			    : ARMVIRT_MMIO_ADDR_OFFSET;
	if (n == T32_REG_PC) {
		if (p && !w) { /* LDRD (literal); STRD is UNPREDICTABLE */
			d->addressing = ARMVIRT_MMIO_ADDR_LITERAL;
			d->rn = ARMVIRT_MMIO_NOREG;
		}
		if (!load || w || !p)
			d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
	}
	if (t == T32_REG_PC || t2 == T32_REG_PC || (load && t == t2) || (w && (n == t || n == t2)))
		mmio_desc_refuse(d, ARMVIRT_MMIO_UNPREDICTABLE);
}

/*
 * The (1) and (0) bits of the 1110 1000 110x group: hw2[15:8] of TBB/TBH are
 * (1)(1)(1)(1)(0)(0)(0)(0); hw2[11:8] is (1)(1)(1)(1) except where it holds
 * Rt2 (the doubleword forms); hw2[3:0] is (1)(1)(1)(1) in every load and in
 * STL/STLB/STLH (the other stores hold the status register there).
 */
static bool t32_excl_sbo_bad(uint32_t insn, unsigned xop, bool load)
{
	bool dword = xop == T32_X_EXD || xop == T32_X_AEXD;

	if (xop <= T32_X_TBH)
		return MMIO_FIELD(insn, T32_TB_SBO) != T32_TB_SBO_VALUE;
	if (!dword && MMIO_FIELD(insn, T32_XSBO) != T32_SBO4)
		return true;
	if ((load || (xop >= T32_X_AB && xop <= T32_X_A)) && MMIO_FIELD(insn, T32_RM) != T32_SBO4)
		return true;
	return false;
}

/* LDREX/STREX family, TBB/TBH, LDA/STL family (hw1 = 1110 1000 x10x). */
static void t32_exclusive(struct armvirt_mmio_insn *d, uint32_t insn)
{
	static const int8_t log2size[16] = {
		[T32_X_TBB] = 0,  [T32_X_TBH] = 1,  [2] = -1,	     [3] = -1,
		[T32_X_EXB] = 0,  [T32_X_EXH] = 1,  [6] = -1,	     [T32_X_EXD] = 3,
		[T32_X_AB] = 0,	  [T32_X_AH] = 1,   [T32_X_A] = 2,   [11] = -1,
		[T32_X_AEXB] = 0, [T32_X_AEXH] = 1, [T32_X_AEX] = 2, [T32_X_AEXD] = 3,
	};
	struct mmio_xfer_kind k = t_word;
	bool load = MMIO_FIELD(insn, T32_L);
	unsigned n = MMIO_FIELD(insn, T32_RN);
	unsigned t = MMIO_FIELD(insn, T32_RT);
	unsigned xop;

	if (((insn >> (T32_HW1_SHIFT + 4)) & T32_EXCL_WORD_MASK) == T32_EXCL_WORD) {
		/* LDREX, STREX: word, offset imm8 * 4; hw2[11:8] is STREX's status, LDREX's (1) */
		if (!load)
			k.kind = ARMVIRT_MMIO_KIND_STORE;
		mmio_desc_xfer(d, &k, 1);
		d->reason = (load && MMIO_FIELD(insn, T32_XSBO) != T32_SBO4)
				    ? ARMVIRT_MMIO_UNPREDICTABLE
				    : ARMVIRT_MMIO_EXCLUSIVE;
		d->exclusive = true;
		d->rt = (uint8_t)t;
		d->rn = (uint8_t)n;
		if (!load)
			d->rs = (uint8_t)MMIO_FIELD(insn, T32_RT2);
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
		d->offset = (int32_t)(MMIO_FIELD(insn, T32_IMM8) << 2);
		if (t == T32_REG_PC || n == T32_REG_PC ||
		    (!load && (d->rs == T32_REG_PC || d->rs == n || d->rs == t)))
			d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
		return;
	}
	xop = MMIO_FIELD(insn, T32_XOP);
	if (log2size[xop] < 0 || (!load && xop <= T32_X_TBH))
		return; /* unallocated */
	if (t32_excl_sbo_bad(insn, xop, load)) {
		d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
		d->kind = load ? ARMVIRT_MMIO_KIND_LOAD : ARMVIRT_MMIO_KIND_STORE;
		d->rn = (uint8_t)n;
		return;
	}
	if (xop <= T32_X_TBH) { /* TBB, TBH: a load that branches, into no register */
		k.log2size = (uint8_t)log2size[xop];
		k.bank = ARMVIRT_MMIO_BANK_NONE;
		mmio_desc_xfer(d, &k, 1);
		d->reason = ARMVIRT_MMIO_PC;
		d->rn = (uint8_t)n;
		d->rm = (uint8_t)MMIO_FIELD(insn, T32_RM);
		d->addressing = ARMVIRT_MMIO_ADDR_REGISTER;
		d->index = ARMVIRT_MMIO_INDEX_LSL;
		d->amount = (uint8_t)(xop == T32_X_TBH);
		return;
	}
	k.log2size = (uint8_t)(log2size[xop] == 3 ? 2 : log2size[xop]);
	if (!load)
		k.kind = ARMVIRT_MMIO_KIND_STORE;
	mmio_desc_xfer(d, &k, log2size[xop] == 3 ? 2u : 1u);
	d->rt = (uint8_t)t;
	d->rn = (uint8_t)n;
	d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
	d->acquire = load && xop >= T32_X_AB;
	d->release = !load && xop >= T32_X_AB;
	if (log2size[xop] == 3)
		d->rt2 = (uint8_t)MMIO_FIELD(insn, T32_RT2);
	if (xop < T32_X_AB || xop >= T32_X_AEXB) {
		d->reason = ARMVIRT_MMIO_EXCLUSIVE;
		d->exclusive = true;
		if (!load)
			d->rs = (uint8_t)MMIO_FIELD(insn, T32_RM);
		return;
	}
	/* LDA, LDAB, LDAH, STL, STLB, STLH */
	if (t == T32_REG_PC || n == T32_REG_PC)
		d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
}

static void t32(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned hw1hi = insn >> (T32_HW1_SHIFT + 4); /* hw1[15:4] */

	if ((hw1hi & T32_SIMD_LS_MASK) == T32_SIMD_LS) {
		armvirt_mmio_priv_simd_structure(d, insn);
	} else if ((hw1hi & T32_SINGLE_MASK) == T32_SINGLE) {
		d->reason = ARMVIRT_MMIO_UNALLOCATED;
		t32_single(d, insn);
	} else if ((hw1hi & T32_LSM_MASK) == T32_LSM) {
		/*
		 * LDM/STM (op = 01, 10), SRS/RFE (op = 00, 11): the operands
		 * SRS and RFE fix are (0)/(1) bits, CONSTRAINED UNPREDICTABLE
		 * when wrong.
		 */
		unsigned op = MMIO_FIELD(insn, T32_LSM_OP);

		d->kind =
			MMIO_FIELD(insn, T32_L) ? ARMVIRT_MMIO_KIND_LOAD : ARMVIRT_MMIO_KIND_STORE;
		d->reason = ARMVIRT_MMIO_MULTIPLE;
		d->rn = (uint8_t)MMIO_FIELD(insn, T32_RN);
		if (d->rn == T32_REG_PC) /* LDM/STM/SRS/RFE: n == 15 is UNPREDICTABLE */
			d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
		if (op != T32_LSM_DB && op != T32_LSM_IA && (insn & T32_SRS_MASK) != T32_SRS_DB &&
		    (insn & T32_SRS_MASK) != T32_SRS_IA && (insn & T32_RFE_MASK) != T32_RFE_DB &&
		    (insn & T32_RFE_MASK) != T32_RFE_IA)
			d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
	} else if ((hw1hi & T32_DUAL_MASK) == T32_DUAL) {
		d->reason = ARMVIRT_MMIO_UNALLOCATED;
		if (MMIO_FIELD(insn, T32_P) || MMIO_FIELD(insn, T32_W))
			t32_dual(d, insn);
		else
			t32_exclusive(d, insn);
	} else if ((hw1hi & T32_COPROC_MASK) == T32_COPROC && !MMIO_FIELD(insn, T32_COPROC2)) {
		/* 1111 110x (LDC2/STC2) holds no memory access in Armv8-A */
		armvirt_mmio_priv_coproc(d, MMIO_FIELD(insn, T32_PUDWL),
					 MMIO_FIELD(insn, T32_COPROC), MMIO_FIELD(insn, T32_RN));
		if (d->reason == ARMVIRT_MMIO_MULTIPLE && d->rn == T32_REG_PC)
			d->reason = ARMVIRT_MMIO_UNPREDICTABLE; /* T32 VLDM/VSTM with n == 15 */
	}
}

int armvirt_mmio_decode_t32(uint32_t insn, struct armvirt_mmio_insn *d)
{
	uint16_t hw1 = (uint16_t)(insn >> T32_HW1_SHIFT);

	if (!d)
		return ARMVIRT_EINVAL;
	if (hw1 == 0u) {
		if (armvirt_mmio_t32_is_32bit((uint16_t)insn))
			return ARMVIRT_EINVAL; /* only the first half of a 32-bit instruction */
		mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_T32, 2, ARMVIRT_MMIO_NOT_MEMORY);
		t16(d, insn);
		return 0;
	}
	if (!armvirt_mmio_t32_is_32bit(hw1))
		return ARMVIRT_EINVAL;
	mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_T32, 4, ARMVIRT_MMIO_NOT_MEMORY);
	t32(d, insn);
	return 0;
}

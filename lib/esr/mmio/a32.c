/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A32 load/store decoding. Encoding classes follow the Arm ARM, F4.1 "A32
 * instruction set encoding"; the UNPREDICTABLE cases are those of each
 * instruction's decode pseudocode (Armv8-A AArch32).
 */
#include "mmio_internal.h"

#define A32_COND_SHIFT 28
#define A32_COND_WIDTH 4
#define A32_OP0_SHIFT 25 /* bits 27:25 */
#define A32_OP0_WIDTH 3
#define A32_P_SHIFT 24
#define A32_P_WIDTH 1
#define A32_U_SHIFT 23
#define A32_U_WIDTH 1
#define A32_B_SHIFT 22 /* word/byte: byte; extra load/store: immediate form (I) */
#define A32_B_WIDTH 1
#define A32_W_SHIFT 21
#define A32_W_WIDTH 1
#define A32_L_SHIFT 20
#define A32_L_WIDTH 1
#define A32_RN_SHIFT 16
#define A32_RN_WIDTH 4
#define A32_RT_SHIFT 12
#define A32_RT_WIDTH 4
#define A32_RM_SHIFT 0
#define A32_RM_WIDTH 4
#define A32_IMM12_SHIFT 0
#define A32_IMM12_WIDTH 12
#define A32_IMM5_SHIFT 7 /* shift amount of the register forms */
#define A32_IMM5_WIDTH 5
#define A32_TYPE_SHIFT 5 /* shift type of the register forms */
#define A32_TYPE_WIDTH 2
#define A32_REGSHIFT_SHIFT 4 /* 1: register-shifted register (media space) */
#define A32_REGSHIFT_WIDTH 1
#define A32_BIT7_SHIFT 7
#define A32_BIT7_WIDTH 1
#define A32_IMM4H_SHIFT 8
#define A32_IMM4H_WIDTH 4
#define A32_IMM4L_SHIFT 0
#define A32_IMM4L_WIDTH 4
#define A32_XOP_SHIFT 5 /* extra load/store op2: 01 H, 10 D/SB, 11 D/SH */
#define A32_XOP_WIDTH 2
#define A32_SYNC_SHIFT 23 /* synchronization primitives: 0 SWP, 1 exclusives/acquire-release */
#define A32_SYNC_WIDTH 1
#define A32_SYNC_SZ_SHIFT 21 /* 00 word, 01 doubleword, 10 byte, 11 halfword */
#define A32_SYNC_SZ_WIDTH 2
#define A32_SYNC_EX_SHIFT 8 /* 00 LDA/STL, 10 LDAEX/STLEX, 11 LDREX/STREX */
#define A32_SYNC_EX_WIDTH 2
#define A32_SYNC_B1_SHIFT 10 /* (1)(1) */
#define A32_SYNC_B1_WIDTH 2
#define A32_SWP_OP_SHIFT 20 /* SWP/SWPB: bits 21:20 are 00 */
#define A32_SWP_OP_WIDTH 2
#define A32_SWP_B_SHIFT 22
#define A32_SWP_B_WIDTH 1
#define A32_BIT24_SHIFT 24 /* data processing space: 1 = synchronization primitives */
#define A32_BIT24_WIDTH 1
#define A32_PUDWL_SHIFT 20 /* coprocessor load/store: P U D W L */
#define A32_PUDWL_WIDTH 5
#define A32_COPROC_SHIFT 8
#define A32_COPROC_WIDTH 4
#define A32_UNC_OP1_SHIFT 20 /* unconditional space: bits 27:20 */
#define A32_UNC_OP1_WIDTH 8
#define A32_SIMD_L_SHIFT 21 /* AdvSIMD element/structure load/store: L */
#define A32_SIMD_L_WIDTH 1
#define A32_SIMD_A_SHIFT 23 /* 0: multiple structures, 1: single lane / all lanes */
#define A32_SIMD_A_WIDTH 1
#define A32_SIMD_TYPE_SHIFT 8 /* multiple: itype */
#define A32_SIMD_TYPE_WIDTH 4
#define A32_SIMD_MSIZE_SHIFT 6 /* multiple: size */
#define A32_SIMD_MSIZE_WIDTH 2
#define A32_SIMD_ALIGN_SHIFT 4 /* multiple: align */
#define A32_SIMD_ALIGN_WIDTH 2
#define A32_SIMD_SSIZE_SHIFT 10 /* single: size (11: to all lanes) */
#define A32_SIMD_SSIZE_WIDTH 2
#define A32_SIMD_N_SHIFT 8 /* single: number of structure elements - 1 */
#define A32_SIMD_N_WIDTH 2
#define A32_SIMD_IA_SHIFT 4 /* single: index_align; all lanes: size:T:a */
#define A32_SIMD_IA_WIDTH 4

#define A32_COND_UNCOND 0xfu
#define A32_SBO2 0x3u /* a two-bit (1)(1) field */
#define A32_SBO4 0xfu /* a four-bit (1)(1)(1)(1) field */
#define A32_REG_PC 15u
#define A32_COPROC_SIMDFP 0x5u /* coproc 101x: SIMD&FP */
#define A32_COPROC_DEBUG 14u   /* coproc 1110: debug (LDC/STC of DBGDTR) */
#define A32_COPROC_FP16 9u     /* coproc 1001: VLDR.16/VSTR.16 (FEAT_FP16) */

/* A32 op0 classes (F4.1, Table F4-1). */
#define A32_OP0_DP_MISC 0u /* data processing, extra load/store, synchronization */
#define A32_OP0_LS_IMM 2u  /* load/store word and unsigned byte, immediate */
#define A32_OP0_LS_REG 3u  /* ... register (bit 4 = 0); media (bit 4 = 1) */
#define A32_OP0_LDM 4u	   /* load/store multiple */
#define A32_OP0_COPROC 6u  /* coprocessor load/store, 64-bit transfers */

/* Unconditional space, bits 27:20. */
#define A32_UNC_SIMD_LS_MASK 0xf1u /* 0100 xxx0: AdvSIMD element/structure */
#define A32_UNC_SIMD_LS 0x40u
#define A32_UNC_HINT_MASK 0xc3u /* 01xx xx01: PLI, PLD, PLDW and unallocated hints */
#define A32_UNC_HINT 0x41u
#define A32_UNC_HINT_REG 0x20u	  /* bit 25: the register forms */
#define A32_UNC_SRSRFE_MASK 0xe0u /* 100x xxxx: SRS, RFE */
#define A32_UNC_SRSRFE 0x80u
#define A32_SRS_MASK 0xfe5fffe0u /* SRS: 1111 100P U1W0 1101 0000 0101 000 mode */
#define A32_SRS 0xf84d0500u
#define A32_RFE_MASK 0xfe50ffffu /* RFE: 1111 100P U0W1 Rn 0000 1010 0000 0000 */
#define A32_RFE 0xf8100a00u

/* AdvSIMD multiple-structure itype values. */
#define A32_VLD4 0x0u
#define A32_VLD4_SPACED 0x1u
#define A32_VLD1_4REGS 0x2u
#define A32_VLD2_4REGS 0x3u
#define A32_VLD3 0x4u
#define A32_VLD3_SPACED 0x5u
#define A32_VLD1_3REGS 0x6u
#define A32_VLD1_1REG 0x7u
#define A32_VLD2 0x8u
#define A32_VLD2_SPACED 0x9u
#define A32_VLD1_2REGS 0xau

/* Coprocessor P U D W L values (bits 24:20). */
#define A32_PUDWL_P 0x10u
#define A32_PUDWL_U 0x08u
#define A32_PUDWL_W 0x02u
#define A32_PUDWL_L 0x01u
#define A32_PUDWL_D 0x04u

static const struct mmio_xfer_kind a32_word = { ARMVIRT_MMIO_KIND_LOAD, ARMVIRT_MMIO_OK, 2,
						ARMVIRT_MMIO_BANK_W, false };

/*
 * Coprocessor and SIMD&FP loads and stores, shared with T32 (same P U D W L
 * bits; Arm ARM F4.1 and F3.1, coprocessor and SIMD&FP load/store classes):
 * 64-bit register transfers and unallocated forms are
 * not memory; VLDR/VSTR and LDC/STC are COPROC, VLDM/VSTM MULTIPLE.
 */
void armvirt_mmio_priv_coproc(struct armvirt_mmio_insn *d, unsigned pudwl, unsigned coproc,
			      unsigned rn)
{
	bool p = pudwl & A32_PUDWL_P;
	bool u = pudwl & A32_PUDWL_U;
	bool w = pudwl & A32_PUDWL_W;

	if (!p && !u && !w) {
		/* MCRR/MRRC/VMOV (D = 1) or unallocated (D = 0) */
		d->reason =
			(pudwl & A32_PUDWL_D) ? ARMVIRT_MMIO_NOT_MEMORY : ARMVIRT_MMIO_UNALLOCATED;
		return;
	}
	if ((coproc >> 1) != A32_COPROC_SIMDFP && coproc != A32_COPROC_DEBUG &&
	    !(coproc == A32_COPROC_FP16 && p && !w)) {
		d->reason = ARMVIRT_MMIO_UNALLOCATED; /* Armv8-A has no other coprocessors */
		return;
	}
	d->kind = (pudwl & A32_PUDWL_L) ? ARMVIRT_MMIO_KIND_LOAD : ARMVIRT_MMIO_KIND_STORE;
	d->rn = (uint8_t)rn;
	if (coproc == A32_COPROC_DEBUG || coproc == A32_COPROC_FP16) {
		d->reason = ARMVIRT_MMIO_COPROC; /* LDC/STC p14 (DBGDTR), VLDR.16/VSTR.16 */
		return;
	}
	if (p && !w) {
		d->reason = ARMVIRT_MMIO_COPROC; /* VLDR, VSTR */
	} else if ((p && u) || (!p && !u)) {
		d->kind = ARMVIRT_MMIO_KIND_OTHER; /* P = U with W = 1: unallocated */
		d->reason = ARMVIRT_MMIO_UNALLOCATED;
		d->rn = ARMVIRT_MMIO_NOREG;
	} else {
		d->reason = ARMVIRT_MMIO_MULTIPLE; /* VLDM, VSTM, VPUSH, VPOP */
	}
}

/*
 * AdvSIMD element and structure loads/stores (VLD1-VLD4, VST1-VST4): A32
 * 1111 0100 A D L 0 and T32 1111 1001 A D L 0 put every field at the same
 * place. Recognised as not emulable; the UNDEFINED cases are those of the
 * instructions' decode pseudocode, so that unallocated words are not
 * reported as accesses.
 */
void armvirt_mmio_priv_simd_structure(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned l = MMIO_FIELD(insn, A32_SIMD_L);
	bool undef;

	if (!MMIO_FIELD(insn, A32_SIMD_A)) { /* multiple structures */
		unsigned type = MMIO_FIELD(insn, A32_SIMD_TYPE);
		unsigned size = MMIO_FIELD(insn, A32_SIMD_MSIZE);
		unsigned align = MMIO_FIELD(insn, A32_SIMD_ALIGN);

		switch (type) {
		case A32_VLD4:
		case A32_VLD4_SPACED:
		case A32_VLD2_4REGS:
			undef = size == 3u;
			break;
		case A32_VLD1_4REGS:
			undef = false;
			break;
		case A32_VLD3:
		case A32_VLD3_SPACED:
			undef = size == 3u || (align & 2u);
			break;
		case A32_VLD1_3REGS:
		case A32_VLD1_1REG:
			undef = (align & 2u) != 0;
			break;
		case A32_VLD2:
		case A32_VLD2_SPACED:
			undef = size == 3u || align == 3u;
			break;
		case A32_VLD1_2REGS:
			undef = align == 3u;
			break;
		default:
			undef = true;
			break;
		}
	} else {
		unsigned size = MMIO_FIELD(insn, A32_SIMD_SSIZE);
		unsigned nm1 = MMIO_FIELD(insn, A32_SIMD_N);
		unsigned ia = MMIO_FIELD(insn, A32_SIMD_IA);

		if (size == 3u) { /* to all lanes: loads only */
			unsigned sz = ia >> 2, a = ia & 1u;

			undef = !l || (nm1 == 0u && (sz == 3u || (sz == 0u && a))) ||
				(nm1 == 1u && sz == 3u) || (nm1 == 2u && (sz == 3u || a)) ||
				(nm1 == 3u && sz == 3u && !a);
		} else {
			static const uint8_t bad_index_bits[4][3] = {
				/* index_align bits that must be zero, per n - 1 and size */
				{ 0x1u, 0x2u, 0x4u },
				{ 0x0u, 0x0u, 0x2u },
				{ 0x1u, 0x1u, 0x3u },
				{ 0x0u, 0x0u, 0x0u },
			};
			undef = (ia & bad_index_bits[nm1][size]) != 0u ||
				(nm1 == 0u && size == 2u && (ia & 3u) != 0u && (ia & 3u) != 3u) ||
				(nm1 == 3u && size == 2u && (ia & 3u) == 3u);
		}
	}
	if (undef) {
		d->reason = ARMVIRT_MMIO_UNALLOCATED;
		return;
	}
	d->kind = l ? ARMVIRT_MMIO_KIND_LOAD : ARMVIRT_MMIO_KIND_STORE;
	d->reason = ARMVIRT_MMIO_STRUCTURE;
	d->rn = (uint8_t)MMIO_FIELD(insn, A32_RN);
}

/* Decode an immediate shift (A32 DecodeImmShift()). */
static void a32_imm_shift(struct armvirt_mmio_insn *d, unsigned type, unsigned imm5)
{
	static const uint8_t index[4] = { ARMVIRT_MMIO_INDEX_LSL, ARMVIRT_MMIO_INDEX_LSR,
					  ARMVIRT_MMIO_INDEX_ASR, ARMVIRT_MMIO_INDEX_ROR };

	d->index = index[type];
	d->amount = (uint8_t)imm5;
	if (type != 0u && imm5 == 0u) {
		if (type == 3u) {
			d->index = ARMVIRT_MMIO_INDEX_RRX;
			d->amount = 1;
		} else {
			d->amount = 32;
		}
	}
}

/* Addressing from P and W; writeback for pre, post and the unprivileged forms. */
static void a32_mode(struct armvirt_mmio_insn *d, bool p, bool w)
{
	d->writeback = !p || w;
	d->addressing = !p  ? ARMVIRT_MMIO_ADDR_POST
			: w ? ARMVIRT_MMIO_ADDR_PRE
			    : ARMVIRT_MMIO_ADDR_OFFSET;
}

/* LDR, STR, LDRB, STRB and the unprivileged forms (immediate and register). */
static void a32_word_byte(struct armvirt_mmio_insn *d, uint32_t insn, bool reg)
{
	struct mmio_xfer_kind k = a32_word;
	bool p = MMIO_FIELD(insn, A32_P), w = MMIO_FIELD(insn, A32_W);
	bool byte = MMIO_FIELD(insn, A32_B);
	bool load = MMIO_FIELD(insn, A32_L);
	unsigned t = MMIO_FIELD(insn, A32_RT), n = MMIO_FIELD(insn, A32_RN);

	if (byte)
		k.log2size = 0;
	if (!load)
		k.kind = ARMVIRT_MMIO_KIND_STORE;
	mmio_desc_xfer(d, &k, 1);
	d->rt = (uint8_t)t;
	d->rn = (uint8_t)n;
	d->unprivileged = !p && w;
	a32_mode(d, p, w);
	if (reg) {
		if (p)
			d->addressing = ARMVIRT_MMIO_ADDR_REGISTER; /* post-indexed stays POST */
		d->rm = (uint8_t)MMIO_FIELD(insn, A32_RM);
		d->subtract = !MMIO_FIELD(insn, A32_U);
		a32_imm_shift(d, MMIO_FIELD(insn, A32_TYPE), MMIO_FIELD(insn, A32_IMM5));
		if (d->rm == A32_REG_PC)
			d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
	} else {
		d->offset = (int32_t)MMIO_FIELD(insn, A32_IMM12);
		if (!MMIO_FIELD(insn, A32_U))
			d->offset = -d->offset;
		if (n == A32_REG_PC && !d->writeback) {
			d->addressing = ARMVIRT_MMIO_ADDR_LITERAL;
			d->rn = ARMVIRT_MMIO_NOREG;
		}
	}
	if (d->unprivileged && (n == A32_REG_PC || n == t))
		mmio_desc_refuse(d, ARMVIRT_MMIO_UNPREDICTABLE);
	if (d->writeback && (n == A32_REG_PC || n == t))
		mmio_desc_refuse(d, ARMVIRT_MMIO_UNPREDICTABLE);
	if (t == A32_REG_PC)
		mmio_desc_refuse(d, (byte || (d->unprivileged && load)) ? ARMVIRT_MMIO_UNPREDICTABLE
									: ARMVIRT_MMIO_PC);
}

/* LDRH, STRH, LDRSB, LDRSH, LDRD, STRD and the unprivileged halfword/byte forms. */
static void a32_extra(struct armvirt_mmio_insn *d, uint32_t insn)
{
	struct mmio_xfer_kind k = a32_word;
	bool p = MMIO_FIELD(insn, A32_P), w = MMIO_FIELD(insn, A32_W);
	bool imm = MMIO_FIELD(insn, A32_B);
	bool load = MMIO_FIELD(insn, A32_L);
	unsigned op = MMIO_FIELD(insn, A32_XOP);
	unsigned t = MMIO_FIELD(insn, A32_RT), n = MMIO_FIELD(insn, A32_RN);
	bool dual = !load && op != 1u;
	bool wide_store = dual && op == 3u;

	if (dual) {
		k.kind = wide_store ? ARMVIRT_MMIO_KIND_STORE : ARMVIRT_MMIO_KIND_LOAD;
	} else {
		k.kind = load ? ARMVIRT_MMIO_KIND_LOAD : ARMVIRT_MMIO_KIND_STORE;
		k.log2size = op == 2u ? 0 : 1;
		k.sign_extend = op != 1u;
	}
	mmio_desc_xfer(d, &k, dual ? 2u : 1u);
	d->rt = (uint8_t)t;
	d->rn = (uint8_t)n;
	if (dual)
		d->rt2 = (uint8_t)((t + 1u) & 15u);
	d->unprivileged = !p && w && !dual;
	a32_mode(d, p, w);
	if (imm) {
		d->offset = (int32_t)((MMIO_FIELD(insn, A32_IMM4H) << A32_IMM4L_WIDTH) |
				      MMIO_FIELD(insn, A32_IMM4L));
		if (!MMIO_FIELD(insn, A32_U))
			d->offset = -d->offset;
		if (n == A32_REG_PC && !d->writeback) {
			d->addressing = ARMVIRT_MMIO_ADDR_LITERAL;
			d->rn = ARMVIRT_MMIO_NOREG;
		}
	} else {
		unsigned m = MMIO_FIELD(insn, A32_RM);

		if (p)
			d->addressing = ARMVIRT_MMIO_ADDR_REGISTER; /* post-indexed stays POST */
		d->rm = (uint8_t)m;
		d->index = ARMVIRT_MMIO_INDEX_LSL;
		d->subtract = !MMIO_FIELD(insn, A32_U);
		if (m == A32_REG_PC || MMIO_FIELD(insn, A32_IMM4H) != 0u ||
		    (dual && !wide_store && (m == t || m == t + 1u)))
			d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
	}
	if (dual && ((t & 1u) || t + 1u == A32_REG_PC || (!p && w)))
		mmio_desc_refuse(d, ARMVIRT_MMIO_UNPREDICTABLE);
	if (d->writeback && (n == A32_REG_PC || n == t || (dual && n == t + 1u)))
		mmio_desc_refuse(d, ARMVIRT_MMIO_UNPREDICTABLE);
	if (!dual && t == A32_REG_PC)
		mmio_desc_refuse(d, ARMVIRT_MMIO_UNPREDICTABLE);
}

/* SWP/SWPB, LDREX/STREX family, LDA/STL family (cond 0001 xxxx ... 1001). */
static void a32_sync(struct armvirt_mmio_insn *d, uint32_t insn)
{
	static const uint8_t log2size[4] = { 2, 3, 0, 1 }; /* word, doubleword, byte, half */
	struct mmio_xfer_kind k = a32_word;
	bool load = MMIO_FIELD(insn, A32_L);
	unsigned sz = MMIO_FIELD(insn, A32_SYNC_SZ);
	unsigned ex = MMIO_FIELD(insn, A32_SYNC_EX);
	unsigned n = MMIO_FIELD(insn, A32_RN);

	if (!MMIO_FIELD(insn, A32_SYNC)) { /* SWP, SWPB: bits 11:8 are (0) */
		if (MMIO_FIELD(insn, A32_SWP_OP) != 0u || MMIO_FIELD(insn, A32_IMM4H) != 0u)
			return;
		k.log2size = MMIO_FIELD(insn, A32_SWP_B) ? 0 : 2;
		mmio_desc_xfer(d, &k, 1);
		d->reason = ARMVIRT_MMIO_ATOMIC;
		d->rt = (uint8_t)MMIO_FIELD(insn, A32_RT);
		d->rs = (uint8_t)MMIO_FIELD(insn, A32_RM); /* Rt2, the value stored */
		d->rn = (uint8_t)n;
		d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
		return;
	}
	if (ex == 1u || (ex == 0u && sz == 1u))
		return; /* unallocated; LDA/STL have no doubleword form */
	k.log2size = log2size[sz];
	if (!load)
		k.kind = ARMVIRT_MMIO_KIND_STORE;
	mmio_desc_xfer(d, &k, sz == 1u ? 2u : 1u);
	if (sz == 1u) /* LDREXD/STREXD family: two words */
		d->size = 4;
	d->rn = (uint8_t)n;
	d->addressing = ARMVIRT_MMIO_ADDR_OFFSET;
	d->acquire = load && ex != 3u;
	d->release = !load && ex != 3u;
	/* Loads name Rt in bits 15:12; stores in bits 3:0, with the status in 15:12. */
	d->rt = (uint8_t)(load ? MMIO_FIELD(insn, A32_RT) : MMIO_FIELD(insn, A32_RM));
	if (sz == 1u)
		d->rt2 = (uint8_t)((d->rt + 1u) & 15u);
	if (ex != 0u) {
		d->reason = ARMVIRT_MMIO_EXCLUSIVE;
		d->exclusive = true;
		if (!load)
			d->rs = (uint8_t)MMIO_FIELD(insn, A32_RT);
	} else if (d->rt == A32_REG_PC || n == A32_REG_PC) {
		d->reason = ARMVIRT_MMIO_UNPREDICTABLE; /* LDA*, STL* with R15 */
	}
	/* Bits 11:10 are (1)(1); a load's bits 3:0 and STL's bits 15:12 are (1)(1)(1)(1). */
	if (MMIO_FIELD(insn, A32_SYNC_B1) != A32_SBO2 ||
	    (load && MMIO_FIELD(insn, A32_RM) != A32_SBO4) ||
	    (!load && ex == 0u && MMIO_FIELD(insn, A32_RT) != A32_SBO4))
		d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
}

/* cond = 1111: hints, AdvSIMD structures, SRS/RFE, LDC2/STC2. */
static void a32_unconditional(struct armvirt_mmio_insn *d, uint32_t insn)
{
	unsigned op1 = MMIO_FIELD(insn, A32_UNC_OP1);

	if ((op1 & A32_UNC_SIMD_LS_MASK) == A32_UNC_SIMD_LS) {
		armvirt_mmio_priv_simd_structure(d, insn);
	} else if ((op1 & A32_UNC_HINT_MASK) == A32_UNC_HINT) {
		/*
		 * PLI, PLD, PLDW and the unallocated memory hints, which execute
		 * as NOPs; register forms (bit 25) need bit 4 = 0, and bits
		 * 15:12 are (1)(1)(1)(1).
		 */
		d->reason = ARMVIRT_MMIO_UNALLOCATED;
		if ((op1 & A32_UNC_HINT_REG) && MMIO_FIELD(insn, A32_REGSHIFT))
			return;
		if (MMIO_FIELD(insn, A32_RT) == A32_SBO4)
			d->reason = ARMVIRT_MMIO_PREFETCH;
	} else if ((op1 & A32_UNC_SRSRFE_MASK) == A32_UNC_SRSRFE) {
		/* SRS (bit 22 = 1, L = 0) and RFE (bit 22 = 0, L = 1); their other
		 * fixed bits are (0)/(1): a wrong one is CONSTRAINED UNPREDICTABLE */
		bool load = MMIO_FIELD(insn, A32_L);

		if (MMIO_FIELD(insn, A32_B) == load) {
			d->reason = ARMVIRT_MMIO_UNALLOCATED;
			return;
		}
		d->kind = load ? ARMVIRT_MMIO_KIND_LOAD : ARMVIRT_MMIO_KIND_STORE;
		d->reason = ARMVIRT_MMIO_MULTIPLE;
		d->rn = (uint8_t)MMIO_FIELD(insn, A32_RN);
		if ((insn & A32_SRS_MASK) != A32_SRS && (insn & A32_RFE_MASK) != A32_RFE)
			d->reason = ARMVIRT_MMIO_UNPREDICTABLE;
	}
	/*
	 * 110x xxxx held LDC2/STC2/MCRR2/MRRC2, which Armv8-A removed; it now
	 * holds AdvSIMD three-register extension instructions (VCMLA, VDOT ...),
	 * none of which accesses memory.
	 */
}

int armvirt_mmio_decode_a32(uint32_t insn, struct armvirt_mmio_insn *d)
{
	if (!d)
		return ARMVIRT_EINVAL;
	mmio_desc_init(d, insn, ARMVIRT_MMIO_ISA_A32, 4, ARMVIRT_MMIO_NOT_MEMORY);
	if (MMIO_FIELD(insn, A32_COND) == A32_COND_UNCOND) {
		a32_unconditional(d, insn);
		return 0;
	}
	switch (MMIO_FIELD(insn, A32_OP0)) {
	case A32_OP0_DP_MISC:
		if (!MMIO_FIELD(insn, A32_BIT7) || !MMIO_FIELD(insn, A32_REGSHIFT))
			break; /* data processing */
		d->reason = ARMVIRT_MMIO_UNALLOCATED;
		if (MMIO_FIELD(insn, A32_XOP) != 0u)
			a32_extra(d, insn);
		else if (MMIO_FIELD(insn, A32_BIT24))
			a32_sync(d, insn);
		else
			d->reason = ARMVIRT_MMIO_NOT_MEMORY; /* multiply */
		break;
	case A32_OP0_LS_IMM:
		a32_word_byte(d, insn, false);
		break;
	case A32_OP0_LS_REG:
		if (!MMIO_FIELD(insn, A32_REGSHIFT))
			a32_word_byte(d, insn, true);
		break;
	case A32_OP0_LDM:
		d->kind =
			MMIO_FIELD(insn, A32_L) ? ARMVIRT_MMIO_KIND_LOAD : ARMVIRT_MMIO_KIND_STORE;
		d->reason = ARMVIRT_MMIO_MULTIPLE;
		d->rn = (uint8_t)MMIO_FIELD(insn, A32_RN);
		break;
	case A32_OP0_COPROC:
		armvirt_mmio_priv_coproc(d, MMIO_FIELD(insn, A32_PUDWL),
					 MMIO_FIELD(insn, A32_COPROC), MMIO_FIELD(insn, A32_RN));
		break;
	default:
		break;
	}
	return 0;
}

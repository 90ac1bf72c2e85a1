/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Shared by the MMIO decoders, the planner and the completion step; not
 * installed.
 */
#ifndef ARMVIRT_MMIO_INTERNAL_H
#define ARMVIRT_MMIO_INTERNAL_H

#include <armvirt/bits.h>
#include <armvirt/err.h>
#include <armvirt/mmio.h>

/* An instruction field: SHIFT/WIDTH pairs are spelled <ISA>_<FIELD>_SHIFT/_WIDTH. */
#define MMIO_FIELD(insn, name) ((unsigned)armvirt_field_get((insn), name##_SHIFT, name##_WIDTH))
/* A signed instruction field, sign-extended. */
#define MMIO_SFIELD(insn, name)                                                                    \
	((int32_t)armvirt_sign_extend(armvirt_field_get((insn), name##_SHIFT, name##_WIDTH),       \
				      name##_WIDTH))

/* What a register-transfer table entry says about one opcode. */
struct mmio_xfer_kind {
	uint8_t kind;	  /* enum armvirt_mmio_kind; OTHER with reason set for non-transfers */
	uint8_t reason;	  /* ARMVIRT_MMIO_OK, PREFETCH or UNALLOCATED */
	uint8_t log2size; /* log2 of the bytes per register */
	uint8_t bank;	  /* enum armvirt_mmio_bank */
	bool sign_extend;
};

/* Start a description: nothing described yet, reason as given. */
static inline void mmio_desc_init(struct armvirt_mmio_insn *d, uint32_t insn, unsigned isa,
				  unsigned len, unsigned reason)
{
	static const struct armvirt_mmio_insn empty = {
		.rt = ARMVIRT_MMIO_NOREG,
		.rt2 = ARMVIRT_MMIO_NOREG,
		.rs = ARMVIRT_MMIO_NOREG,
		.rn = ARMVIRT_MMIO_NOREG,
		.rm = ARMVIRT_MMIO_NOREG,
	};

	*d = empty;
	d->insn = insn;
	d->isa = (uint8_t)isa;
	d->len = (uint8_t)len;
	d->reason = (uint8_t)reason;
}

/* Fill the transfer part of a description from a table entry. */
static inline void mmio_desc_xfer(struct armvirt_mmio_insn *d, const struct mmio_xfer_kind *k,
				  unsigned count)
{
	d->kind = k->kind;
	d->reason = k->reason;
	if (k->kind == ARMVIRT_MMIO_KIND_OTHER)
		return;
	d->size = (uint8_t)(1u << k->log2size);
	d->count = (uint8_t)count;
	d->bank = k->bank;
	d->sign_extend = k->sign_extend;
}

/* Set the reason unless one is already set (the first finding wins). */
static inline void mmio_desc_refuse(struct armvirt_mmio_insn *d, unsigned reason)
{
	if (d->reason == ARMVIRT_MMIO_OK)
		d->reason = (uint8_t)reason;
}

/* SPSR_EL2 fields the planner and the completion step use (Arm ARM C5.2.19). */
#define MMIO_SPSR_M_SHIFT 0 /* AArch32 mode M[3:0] */
#define MMIO_SPSR_M_WIDTH 4
#define MMIO_SPSR_NRW_SHIFT 4 /* M[4]: 1 = AArch32 */
#define MMIO_SPSR_NRW_WIDTH 1
#define MMIO_SPSR_T_SHIFT 5 /* AArch32: T32 state */
#define MMIO_SPSR_T_WIDTH 1
#define MMIO_SPSR_E_SHIFT 9 /* AArch32: big-endian data */
#define MMIO_SPSR_E_WIDTH 1
#define MMIO_SPSR_BTYPE_SHIFT 10 /* AArch64: branch type (FEAT_BTI) */
#define MMIO_SPSR_BTYPE_WIDTH 2
#define MMIO_SPSR_IT_HI_SHIFT 10 /* AArch32: IT[7:2] */
#define MMIO_SPSR_IT_HI_WIDTH 6
#define MMIO_SPSR_SS_SHIFT 21 /* software step */
#define MMIO_SPSR_SS_WIDTH 1
#define MMIO_SPSR_IT_LO_SHIFT 25 /* AArch32: IT[1:0] */
#define MMIO_SPSR_IT_LO_WIDTH 2
#define MMIO_SPSR_C_SHIFT 29 /* carry, for RRX */
#define MMIO_SPSR_C_WIDTH 1

/* Whether a description names AArch32 (A32/T32) registers. */
bool armvirt_mmio_priv_aarch32(const struct armvirt_mmio_insn *d);

/* Whether SPSR_EL2 says the guest runs in AArch32. */
bool armvirt_mmio_priv_guest_aarch32(uint64_t pstate);

/*
 * The X register holding AArch32 register @r (0-14) in the mode SPSR_EL2 gives;
 * ARMVIRT_EINVAL when the guest is not in AArch32, or in a mode a guest of
 * EL2 cannot be in (Hyp, Monitor, reserved).
 */
int armvirt_mmio_priv_xreg(uint64_t pstate, unsigned r);

/*
 * The VA of the first byte an instruction description accesses (@va) and its
 * base register's value after writeback (@wb); ARMVIRT_EINVAL when a register
 * cannot be read. Not for syndrome descriptions.
 */
int armvirt_mmio_priv_address(const struct armvirt_mmio_insn *d, const struct armvirt_mmio_regs *r,
			      uint64_t *va, uint64_t *wb);

/*
 * Whether a description can be planned and completed with these registers:
 * 0, ARMVIRT_ENOTSUP (not emulable) or ARMVIRT_EINVAL (malformed, or the
 * registers do not fit it: SIMD&FP without V registers, a mode or state that
 * does not match the instruction set).
 */
int armvirt_mmio_priv_check(const struct armvirt_mmio_insn *d, const struct armvirt_mmio_regs *r);

/* The guest's data endianness: SPSR.E for AArch32, else the caller's flag. */
bool armvirt_mmio_priv_big_endian(const struct armvirt_mmio_regs *r, unsigned flags);

/*
 * AArch32 coprocessor and SIMD&FP loads/stores (A32 and T32 share the
 * P U D W L bits): classify into @d, which holds no reason yet.
 */
void armvirt_mmio_priv_coproc(struct armvirt_mmio_insn *d, unsigned pudwl, unsigned coproc,
			      unsigned rn);

/* AArch32 AdvSIMD element/structure loads/stores, A32 or T32 (same field positions). */
void armvirt_mmio_priv_simd_structure(struct armvirt_mmio_insn *d, uint32_t insn);

#endif /* ARMVIRT_MMIO_INTERNAL_H */

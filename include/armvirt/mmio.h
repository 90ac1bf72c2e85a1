/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file mmio.h
 * @brief MMIO access decoding and completion: from a stage-2 data abort to
 *        device accesses, and back to the guest's registers.
 *
 * A guest's access to emulated device memory ends in a stage-2 data abort.
 * Turning it into device accesses takes three steps:
 *
 *  1. **Describe** the access. armvirt_mmio_decode_esr() reads it from the
 *     syndrome when ESR_EL2.ISV is 1. When ISV is 0 (writeback, pairs,
 *     SIMD&FP, acquire/release forms the syndrome does not describe ...) the
 *     integrator fetches the faulting instruction from guest memory and
 *     calls armvirt_mmio_decode_a64(), armvirt_mmio_decode_a32() or
 *     armvirt_mmio_decode_t32() (armvirt_mmio_isa_from_spsr() says which).
 *     A description is produced for every instruction word; its @c reason is
 *     ::ARMVIRT_MMIO_OK only when the access can be emulated. Every other
 *     reason names why not; the integrator then injects an abort (or, for
 *     ::ARMVIRT_MMIO_UNALLOCATED and ::ARMVIRT_MMIO_UNPREDICTABLE, may inject
 *     an Undefined Instruction exception, a permitted behaviour of both).
 *  2. **Plan** it: armvirt_mmio_xfer_init() computes the guest virtual
 *     address from the registers, checks it against FAR_EL2, and splits the
 *     transfer into device-sized parts (::armvirt_mmio_access, 1 to 8 bytes)
 *     in the order the architecture performs them, splitting at 4 KiB page
 *     boundaries. armvirt_mmio_xfer_split() splits a part further at a device
 *     boundary. Store data is already in the parts.
 *  3. **Complete** it: the integrator performs each part (device or RAM),
 *     fills in load data, and calls armvirt_mmio_complete(), which writes
 *     the transfer registers (zero- or sign-extended, W registers' upper half
 *     cleared, XZR/WZR ignored), writes the base register back, and steps the
 *     PC (and the T32 IT state) past the instruction.
 *
 * The library never dereferences a guest address, allocates nothing and
 * keeps no state: every function here is reentrant and may be called from
 * any exception level and any number of CPUs at once on distinct objects.
 *
 * Register numbers in a description follow the instruction set: A64 0-31
 * (31 is SP as a base, XZR/WZR as a transfer register); A32/T32 0-15 (15 is
 * the PC). A description taken from the syndrome uses the AArch64 view
 * (ESR_EL2.SRT), whatever the guest's execution state. armvirt_mmio_complete()
 * maps AArch32 registers to the AArch64 view through the mode in SPSR_EL2.M
 * (Arm ARM, "Mapping of the general-purpose registers between the Execution
 * states").
 */
#ifndef ARMVIRT_MMIO_H
#define ARMVIRT_MMIO_H

#include <armvirt/access.h>
#include <armvirt/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Instruction set, or the syndrome, a description was decoded from. */
enum armvirt_mmio_isa {
	ARMVIRT_MMIO_ISA_A64 = 0,  /**< A64 instruction. */
	ARMVIRT_MMIO_ISA_A32 = 1,  /**< A32 instruction. */
	ARMVIRT_MMIO_ISA_T32 = 2,  /**< T32 instruction, 16- or 32-bit. */
	ARMVIRT_MMIO_ISA_ESR = 3,  /**< ESR_EL2 instruction syndrome (ISV = 1). */
	ARMVIRT_MMIO_ISA_COUNT = 4 /**< Number of values; not an instruction set. */
};

/** What an instruction does to memory. */
enum armvirt_mmio_kind {
	/** Not a memory access (including prefetch hints, which never fault). */
	ARMVIRT_MMIO_KIND_OTHER = 0,
	/** Reads memory. Instructions that read and write memory (atomics, copies) are loads. */
	ARMVIRT_MMIO_KIND_LOAD = 1,
	/** Writes memory only. */
	ARMVIRT_MMIO_KIND_STORE = 2,
};

/**
 * Why an access cannot be emulated; ::ARMVIRT_MMIO_OK when it can.
 *
 * Unless stated otherwise the integrator injects an abort for a reason other
 * than ::ARMVIRT_MMIO_OK, as the access cannot be performed on emulated memory.
 */
enum armvirt_mmio_reason {
	/** Emulable. */
	ARMVIRT_MMIO_OK = 0,
	/** Not a load or store. */
	ARMVIRT_MMIO_NOT_MEMORY = 1,
	/** A prefetch hint: it never faults. */
	ARMVIRT_MMIO_PREFETCH = 2,
	/** Unallocated encoding, or one this decoder does not know. */
	ARMVIRT_MMIO_UNALLOCATED = 3,
	/** A (CONSTRAINED) UNPREDICTABLE form; UNDEFINED is a permitted behaviour. */
	ARMVIRT_MMIO_UNPREDICTABLE = 4,
	/** Load/store exclusive: the exclusive monitor cannot be emulated. */
	ARMVIRT_MMIO_EXCLUSIVE = 5,
	/** Atomic read-modify-write (LSE, LSE128, RCW, FEAT_LSFE, SWP). */
	ARMVIRT_MMIO_ATOMIC = 6,
	/** LD64B, ST64B, ST64BV, ST64BV0 (64-byte single-copy atomic). */
	ARMVIRT_MMIO_LS64 = 7,
	/** SVE load or store. */
	ARMVIRT_MMIO_SVE = 8,
	/** SME load or store. */
	ARMVIRT_MMIO_SME = 9,
	/** Memory copy or set (CPY*, SET*). */
	ARMVIRT_MMIO_MOPS = 10,
	/** Allocation tag access (MTE: LDG, STG, STGP, ...). */
	ARMVIRT_MMIO_TAGS = 11,
	/** SIMD structure or lane load/store (LD1-LD4, VLDn, LDAP1 ...). */
	ARMVIRT_MMIO_STRUCTURE = 12,
	/** Load/store multiple (LDM, STM, PUSH, POP, VLDM, SRS, RFE ...). */
	ARMVIRT_MMIO_MULTIPLE = 13,
	/** Load with pointer authentication (LDRAA, LDRAB). */
	ARMVIRT_MMIO_PAC = 14,
	/** Guarded control stack store. */
	ARMVIRT_MMIO_GCS = 15,
	/** AArch32 access that transfers the PC, or branches through memory (TBB, TBH). */
	ARMVIRT_MMIO_PC = 16,
	/** AArch32 coprocessor or SIMD&FP load/store (LDC, VLDR ...). */
	ARMVIRT_MMIO_COPROC = 17,
	/** DC ZVA, DC GVA, DC GZVA: zeroes a block. */
	ARMVIRT_MMIO_DC_ZERO = 18,
	/** The abort is on the guest's stage-1 table walk, not on its access. */
	ARMVIRT_MMIO_S1PTW = 19,
	/** Number of reasons; not a reason. */
	ARMVIRT_MMIO_REASON_COUNT = 20,
};

/** The register file a transferred register belongs to. */
enum armvirt_mmio_bank {
	ARMVIRT_MMIO_BANK_NONE = 0, /**< No register described. */
	ARMVIRT_MMIO_BANK_W = 1,    /**< 32-bit general-purpose (W, or AArch32 R). */
	ARMVIRT_MMIO_BANK_X = 2,    /**< 64-bit general-purpose. */
	ARMVIRT_MMIO_BANK_B = 3,    /**< SIMD&FP, 8 bits. */
	ARMVIRT_MMIO_BANK_H = 4,    /**< SIMD&FP, 16 bits. */
	ARMVIRT_MMIO_BANK_S = 5,    /**< SIMD&FP, 32 bits. */
	ARMVIRT_MMIO_BANK_D = 6,    /**< SIMD&FP, 64 bits. */
	ARMVIRT_MMIO_BANK_Q = 7,    /**< SIMD&FP, 128 bits. */
};

/** How the address is formed. */
enum armvirt_mmio_addressing {
	/** Not described (syndrome, or not a described access). */
	ARMVIRT_MMIO_ADDR_NONE = 0,
	/** Base plus immediate, no writeback (the offset may be 0). */
	ARMVIRT_MMIO_ADDR_OFFSET = 1,
	/** Base plus immediate, written back; the access is at the new base. */
	ARMVIRT_MMIO_ADDR_PRE = 2,
	/** The access is at the base, then base plus offset (or index) is written back. */
	ARMVIRT_MMIO_ADDR_POST = 3,
	/** Base plus (extended, shifted) index; AArch32 writes it back when @c writeback. */
	ARMVIRT_MMIO_ADDR_REGISTER = 4,
	/** PC-relative. */
	ARMVIRT_MMIO_ADDR_LITERAL = 5,
};

/**
 * How the index register of register addressing is extended or shifted
 * before it is added to (or, AArch32, subtracted from) the base.
 */
enum armvirt_mmio_index {
	ARMVIRT_MMIO_INDEX_NONE = 0, /**< No index register. */
	ARMVIRT_MMIO_INDEX_LSL = 1,  /**< Logical shift left (A64: UXTX/LSL of an X register). */
	ARMVIRT_MMIO_INDEX_UXTW = 2, /**< A64: zero-extend a W register, then shift left. */
	ARMVIRT_MMIO_INDEX_SXTW = 3, /**< A64: sign-extend a W register, then shift left. */
	ARMVIRT_MMIO_INDEX_SXTX = 4, /**< A64: X register, shift left. */
	ARMVIRT_MMIO_INDEX_LSR = 5,  /**< AArch32: logical shift right (amount 1-32). */
	ARMVIRT_MMIO_INDEX_ASR = 6,  /**< AArch32: arithmetic shift right (amount 1-32). */
	ARMVIRT_MMIO_INDEX_ROR = 7,  /**< AArch32: rotate right (amount 1-31). */
	ARMVIRT_MMIO_INDEX_RRX = 8,  /**< AArch32: rotate right by one through PSTATE.C. */
};

/** A register number that names no register. */
#define ARMVIRT_MMIO_NOREG 0xffu

/**
 * The decoded description of one instruction's memory access.
 *
 * Filled by the decoders for every input. Fields that do not apply hold 0,
 * ::ARMVIRT_MMIO_NOREG or false. For instructions whose transfer this record
 * cannot express (SVE, SME, MOPS, structures, multiple, tags) only @c kind,
 * @c reason, @c len and, where one exists, @c rn are set.
 */
struct armvirt_mmio_insn {
	/** The instruction word (T32: the first halfword in bits 31:16 when 32-bit). */
	uint32_t insn;
	uint8_t isa;	/**< ::armvirt_mmio_isa. */
	uint8_t kind;	/**< ::armvirt_mmio_kind. */
	uint8_t reason; /**< ::armvirt_mmio_reason; ::ARMVIRT_MMIO_OK when emulable. */
	uint8_t len;	/**< Instruction length in bytes (2 or 4): the PC advance. */
	uint8_t size;	/**< Bytes per register transferred: 1, 2, 4, 8 or 16; 0 if none. */
	uint8_t count;	/**< Registers transferred: 1, 2 for pairs (8 for LS64); 0 if none. */
	uint8_t bank;	/**< ::armvirt_mmio_bank of the transfer registers. */
	uint8_t rt;	/**< First transfer register (lowest address). */
	uint8_t rt2;	/**< Second transfer register, or ::ARMVIRT_MMIO_NOREG. */
	uint8_t rs;	/**< Status or compare register (STXR, CAS, ST64BV), or NOREG. */
	uint8_t rn;	/**< Base register, or ::ARMVIRT_MMIO_NOREG when not known. */
	/** Index register (register addressing, AArch32 post-index by register), or NOREG. */
	uint8_t rm;
	uint8_t addressing; /**< ::armvirt_mmio_addressing. */
	uint8_t index;	    /**< ::armvirt_mmio_index applied to @c rm. */
	uint8_t amount;	    /**< Shift amount applied to @c rm (after extension). */
	bool sign_extend;   /**< A load sign-extends each element to the register's width. */
	/** The base register is updated (pre, post, AArch32 register forms with writeback). */
	bool writeback;
	bool subtract;	   /**< AArch32 register addressing: the index is subtracted. */
	bool acquire;	   /**< Load-acquire semantics (including RCpc and LORegion forms). */
	bool release;	   /**< Store-release semantics (including LORegion forms). */
	bool exclusive;	   /**< Load/store exclusive. */
	bool unprivileged; /**< Access checked as EL0 (LDTR, STTR, LDRT, LDTP ...). */
	/** The second register's access is performed first (STILP pre-index). */
	bool descending;
	int32_t offset; /**< Immediate byte offset, signed (0 for register addressing). */
};

/**
 * @brief Describe a data abort's access from the instruction syndrome alone.
 *
 * Uses ESR_EL2.{ISV, SAS, SSE, SRT, SF, AR, WnR, IL, CM, S1PTW} and, for
 * FEAT_LS64, LST and ISS2.Xs. The description has @c isa
 * ::ARMVIRT_MMIO_ISA_ESR, one register in the AArch64 view, no base register
 * and no writeback; its reason is ::ARMVIRT_MMIO_OK, ::ARMVIRT_MMIO_LS64 or
 * ::ARMVIRT_MMIO_S1PTW. A cache-maintenance abort (CM = 1) is described as
 * an emulable access of @c count 0: maintenance by VA of emulated memory has
 * no effect, and completing it only steps past the instruction.
 *
 * @param esr  ESR_EL2 (all 64 bits; ISS2 is read for FEAT_LS64)
 * @param[out] d the description; unchanged on failure
 * @return 0 on success; ::ARMVIRT_ENOENT when ISV is 0 and the instruction
 *         must be decoded (S1PTW and CM aborts are described even then);
 *         ::ARMVIRT_EINVAL when @p d is NULL or EC is not a data abort
 *         (0x24, 0x25). Any exception level.
 */
int armvirt_mmio_decode_esr(uint64_t esr, struct armvirt_mmio_insn *d);

/**
 * @brief Describe an A64 instruction's memory access.
 *
 * Emulable: LDR/STR of every width and addressing mode (unsigned offset,
 * pre- and post-index, unscaled, unprivileged, register offset with each
 * extend and shift, literal), LDRS* to W and X, LDP/STP/LDNP/STNP/LDPSW and
 * LDTP/STTP, LDAR/STLR/LDLAR/STLLR/LDAPR/LDAPUR/STLUR and their widths and
 * sign-extending forms, LDIAPP/STILP and the FEAT_LRCPC3 writeback forms,
 * LDAP/STLP (FEAT_LSCP), SIMD&FP LDR/STR (B/H/S/D/Q, every addressing mode,
 * LDAPUR/STLUR) and LDP/STP/LDNP/STNP of S/D/Q. Recognised and reported not emulable:
 * exclusives, atomics, LS64, SVE, SME, MOPS, MTE tag accesses, SIMD
 * structures, LDRAA/LDRAB, GCS stores, DC ZVA/GVA/GZVA; prefetches;
 * CONSTRAINED UNPREDICTABLE register overlaps (writeback base equal to a
 * loaded register, LDP with equal registers).
 *
 * @param insn the instruction word, as fetched (little-endian value)
 * @param[out] d the description
 * @return 0 (the verdict is in @c d->reason); ::ARMVIRT_EINVAL when @p d is
 *         NULL. Any exception level.
 */
int armvirt_mmio_decode_a64(uint32_t insn, struct armvirt_mmio_insn *d);

/**
 * @brief Describe an A32 instruction's memory access.
 *
 * Emulable: LDR, STR, LDRB, STRB, LDRH, STRH, LDRSB, LDRSH, LDRD, STRD with
 * immediate or register offset, pre- and post-index and writeback, the
 * unprivileged forms (LDRT ...), literal forms, and LDA/STL (byte, halfword,
 * word). Not emulable: LDM/STM, exclusives, SWP, coprocessor and SIMD&FP
 * loads/stores, SRS/RFE, any form that loads or stores the PC, and
 * UNPREDICTABLE register combinations. The condition field is not
 * evaluated: an instruction that failed its condition does not fault.
 *
 * @param insn the instruction word
 * @param[out] d the description
 * @return 0; ::ARMVIRT_EINVAL when @p d is NULL. Any exception level.
 */
int armvirt_mmio_decode_a32(uint32_t insn, struct armvirt_mmio_insn *d);

/**
 * @brief Describe a T32 instruction's memory access.
 *
 * A 32-bit instruction is passed as (first halfword << 16) | second
 * halfword; a 16-bit one as the halfword alone (bits 31:16 zero). Use
 * armvirt_mmio_t32_is_32bit() on the first halfword to know whether to fetch
 * the second. Coverage as armvirt_mmio_decode_a32(), in both encodings.
 *
 * @param insn the instruction, as above
 * @param[out] d the description
 * @return 0; ::ARMVIRT_EINVAL when @p d is NULL, or when bits 31:16 are
 *         zero but bits 15:0 are the first half of a 32-bit instruction
 *         (@p d unchanged). Any exception level.
 */
int armvirt_mmio_decode_t32(uint32_t insn, struct armvirt_mmio_insn *d);

/**
 * @brief Describe an instruction of the given instruction set.
 * @param isa ::ARMVIRT_MMIO_ISA_A64, ::ARMVIRT_MMIO_ISA_A32 or ::ARMVIRT_MMIO_ISA_T32
 * @param insn the instruction, as for the ISA's own decoder
 * @param[out] d the description
 * @return as the ISA's decoder; ::ARMVIRT_EINVAL for any other @p isa.
 */
int armvirt_mmio_decode(unsigned isa, uint32_t insn, struct armvirt_mmio_insn *d);

/**
 * @brief Whether a T32 halfword is the first half of a 32-bit instruction.
 * @param hw1 the halfword at the PC
 * @return true when bits 15:11 are 0b11101, 0b11110 or 0b11111.
 */
static inline bool armvirt_mmio_t32_is_32bit(uint16_t hw1)
{
	return (hw1 >> 11) >= 0x1du;
}

/**
 * @brief The instruction set a guest was executing, from SPSR_EL2.
 * @param spsr SPSR_EL2 of the exception
 * @return ::ARMVIRT_MMIO_ISA_A64 when M[4] is 0, else ::ARMVIRT_MMIO_ISA_T32
 *         when T (bit 5) is 1, else ::ARMVIRT_MMIO_ISA_A32.
 */
static inline unsigned armvirt_mmio_isa_from_spsr(uint64_t spsr)
{
	if (!((spsr >> 4) & 1u))
		return ARMVIRT_MMIO_ISA_A64;
	return ((spsr >> 5) & 1u) ? ARMVIRT_MMIO_ISA_T32 : ARMVIRT_MMIO_ISA_A32;
}

/** One SIMD&FP register, V0-V31 (Q view). */
struct armvirt_mmio_vreg {
	uint64_t lo; /**< Bits 63:0. */
	uint64_t hi; /**< Bits 127:64. */
};

/**
 * The guest register state the planning and completion steps read and write.
 *
 * The first four members follow the layout of Linux's struct user_pt_regs.
 */
struct armvirt_mmio_regs {
	/** X0-X30. For an AArch32 guest: the AArch64 view (R0-R14 banked per mode). */
	uint64_t x[31];
	/** The A64 guest's current stack pointer: SP_EL1 when SPSR.M is EL1h, else SP_EL0. */
	uint64_t sp;
	/** ELR_EL2: the faulting instruction's address. */
	uint64_t pc;
	/** SPSR_EL2: execution state, AArch32 mode, T, E, C, IT, BTYPE and SS are used. */
	uint64_t pstate;
	/** V0-V31, or NULL when the caller has not loaded them (then SIMD&FP accesses fail). */
	struct armvirt_mmio_vreg *v;
};

/** Most parts a transfer can be split into. */
#define ARMVIRT_MMIO_MAX_PARTS 16
/** Most bytes one instruction's transfer covers (LDP/STP of Q registers). */
#define ARMVIRT_MMIO_MAX_BYTES 32

/** One device-sized piece of a transfer. */
struct armvirt_mmio_part {
	/** The access as a device sees it: for a load, set @c data before completing. */
	struct armvirt_mmio_access acc;
	/** Byte offset of this part within the transfer (its VA is xfer.va + pos). */
	uint8_t pos;
	/**
	 * True when @c acc.addr is known: the part lies in the same 4 KiB page as
	 * the fault. Otherwise the integrator translates the part's VA (for
	 * instance with AT S1E1R/W) and sets @c acc.addr and this flag.
	 */
	bool ipa_valid;
};

/**
 * A planned transfer: the parts one instruction's access is performed as,
 * in the order the architecture performs them.
 *
 * Data is in memory byte order: a part's @c acc.data holds the byte at the
 * lowest address in bits 7:0, as a little-endian device register reads it.
 * Register values are converted according to the guest's data endianness.
 */
struct armvirt_mmio_xfer {
	uint64_t va;	 /**< Guest virtual address of the transfer's lowest byte. */
	uint8_t bytes;	 /**< Length of the transfer: size x count. */
	uint8_t nparts;	 /**< Parts in use: part[0] to part[nparts - 1]; the others are stale. */
	bool big_endian; /**< The guest's data accesses are big-endian. */
	/** The parts, in the order to perform them. */
	struct armvirt_mmio_part part[ARMVIRT_MMIO_MAX_PARTS];
};

/**
 * @brief The guest virtual address of an access's lowest byte, from the registers.
 *
 * What armvirt_mmio_xfer_init() checks FAR_EL2 against: base plus offset or
 * index (the base alone for post-index), the PC for literals (AArch32: as the
 * instruction reads it), wrapped to 32 bits for AArch32 guests. An integrator
 * may use it to translate the access before planning it, or to log it.
 *
 * @param d an emulable description decoded from an instruction (not the syndrome)
 * @param r the guest registers at the abort
 * @param[out] va the address; unchanged on failure
 * @return 0; ::ARMVIRT_ENOTSUP when @c d->reason is not ::ARMVIRT_MMIO_OK;
 *         ::ARMVIRT_EINVAL when a pointer is NULL, @p d comes from the
 *         syndrome or moves no data, or the registers do not fit it (as for
 *         armvirt_mmio_xfer_init()). Any exception level.
 */
int armvirt_mmio_access_va(const struct armvirt_mmio_insn *d, const struct armvirt_mmio_regs *r,
			   uint64_t *va);

/** armvirt_mmio_xfer_init() flag: an A64 guest's data accesses are big-endian
 *  (SCTLR_EL1.EE at EL1, SCTLR_EL1.E0E at EL0). AArch32 guests: SPSR.E is used. */
#define ARMVIRT_MMIO_XFER_BIG_ENDIAN 1u

/**
 * @brief Plan the device accesses of an emulable access.
 *
 * Computes the VA of the transfer from the registers (base, index, offset;
 * FAR_EL2 for a syndrome description), checks that @p far lies inside it,
 * and cuts it into parts of at most 8 bytes: one per register of up to 8
 * bytes, two per Q register. A part that crosses a 4 KiB boundary is cut into
 * naturally aligned pieces on each side. Parts in the page of @p far get
 * their IPA from @p fault_ipa; the others have @c ipa_valid false. For a
 * store, each part's data is taken from the registers now.
 *
 * @param[out] x the plan; unchanged on failure
 * @param d a description from this library
 * @param r the guest registers at the abort (only read)
 * @param far FAR_EL2: the faulting VA
 * @param fault_ipa the faulting IPA: HPFAR_EL2.FIPA with FAR_EL2[11:0]
 *        (armvirt_esr_fault_ipa())
 * @param flags ::ARMVIRT_MMIO_XFER_BIG_ENDIAN or 0
 * @return 0 on success; ::ARMVIRT_ENOTSUP when @c d->reason is not
 *         ::ARMVIRT_MMIO_OK; ::ARMVIRT_EINVAL when a pointer is NULL, the
 *         description is malformed, a SIMD&FP access finds @c r->v NULL, an
 *         AArch32 mode is not a guest mode, or @p far is not within the
 *         access (the registers do not match the abort).
 *         Any exception level.
 */
int armvirt_mmio_xfer_init(struct armvirt_mmio_xfer *x, const struct armvirt_mmio_insn *d,
			   const struct armvirt_mmio_regs *r, uint64_t far, armvirt_ipa_t fault_ipa,
			   unsigned flags);

/**
 * @brief Split one part at an IPA boundary (the end of a device).
 *
 * Part @p i, whose IPA must be valid, becomes naturally aligned pieces below
 * @p at followed by pieces from @p at, in place; later parts move up.
 *
 * @param x a plan from armvirt_mmio_xfer_init()
 * @param i index of the part to split
 * @param at the first IPA of the upper piece; strictly inside the part
 * @return the number of parts part @p i became (>= 2); ::ARMVIRT_EINVAL when
 *         @p x is NULL, @p i is out of range, the part's IPA is not valid or
 *         @p at is not strictly inside it; ::ARMVIRT_ENOSPC when the plan
 *         would exceed ::ARMVIRT_MMIO_MAX_PARTS. Unchanged on failure.
 */
int armvirt_mmio_xfer_split(struct armvirt_mmio_xfer *x, unsigned i, armvirt_ipa_t at);

/**
 * @brief Apply a performed access to the guest's registers.
 *
 * For a load, assembles each register's bytes from the parts' data, converts
 * them from the guest's endianness, zero- or sign-extends them and writes the
 * register: a W register's upper half is cleared, XZR/WZR is not written,
 * writing a SIMD&FP register clears its bits above the access. Then writes
 * the base register back (SP when @c rn is 31 in A64), adds @c len to the PC,
 * advances the T32 IT state, and clears SPSR.BTYPE and SPSR.SS (so a pending
 * software step completes, as after any instruction).
 *
 * Touches: @c x[] (transfer and base registers; AArch32: through the mode's
 * banking), @c sp (A64 base 31), @c v[] (SIMD&FP loads; with SVE the caller
 * must also clear the Z register bits above 128), @c pc and @c pstate.
 *
 * @param d the description the plan was made from
 * @param x the plan, with load data filled in
 * @param r the guest registers, the same state the plan was made from
 * @return 0 on success; ::ARMVIRT_ENOTSUP when @c d->reason is not
 *         ::ARMVIRT_MMIO_OK; ::ARMVIRT_EINVAL when a pointer is NULL, the
 *         plan does not match the description, a SIMD&FP load finds
 *         @c r->v NULL or the AArch32 mode is not a guest mode.
 *         Nothing is changed on failure. Any exception level.
 */
int armvirt_mmio_complete(const struct armvirt_mmio_insn *d, const struct armvirt_mmio_xfer *x,
			  struct armvirt_mmio_regs *r);

/**
 * @brief Short identifier of a reason, e.g. "exclusive".
 * @param reason an ::armvirt_mmio_reason
 * @return a static string; "invalid" for values out of range.
 */
const char *armvirt_mmio_reason_name(unsigned reason);

/**
 * @brief One-sentence explanation of a reason.
 * @param reason an ::armvirt_mmio_reason
 * @return a static string; "invalid reason" for values out of range.
 */
const char *armvirt_mmio_reason_text(unsigned reason);

/**
 * @brief Name of an instruction set: "a64", "a32", "t32" or "esr".
 * @param isa an ::armvirt_mmio_isa
 * @return a static string; "invalid" for values out of range.
 */
const char *armvirt_mmio_isa_name(unsigned isa);

/**
 * @brief Name of a kind: "other", "load" or "store".
 * @param kind an ::armvirt_mmio_kind
 * @return a static string; "invalid" for values out of range.
 */
const char *armvirt_mmio_kind_name(unsigned kind);

/**
 * @brief Name of a register bank: "w", "x", "b", "h", "s", "d", "q" ("none" for none).
 * @param bank an ::armvirt_mmio_bank
 * @return a static string; "invalid" for values out of range.
 */
const char *armvirt_mmio_bank_name(unsigned bank);

/**
 * @brief Name of an addressing mode: "offset", "pre", "post", "register",
 *        "literal" ("none" for none).
 * @param addressing an ::armvirt_mmio_addressing
 * @return a static string; "invalid" for values out of range.
 */
const char *armvirt_mmio_addressing_name(unsigned addressing);

/**
 * @brief Name of an index extension or shift: "lsl", "uxtw", "sxtw", "sxtx",
 *        "lsr", "asr", "ror", "rrx" ("none" for none).
 * @param index an ::armvirt_mmio_index
 * @return a static string; "invalid" for values out of range.
 */
const char *armvirt_mmio_index_name(unsigned index);

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_MMIO_H */

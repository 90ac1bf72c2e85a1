/* SPDX-License-Identifier: BSD-3-Clause */
/* Names of the description's enumerations, for logs, tools and tests. */
#include "mmio_internal.h"

#define NAME_OR_INVALID(table, i)                                                                  \
	((i) < sizeof(table) / sizeof((table)[0]) ? (table)[(i)] : "invalid")

static const char *const reason_names[ARMVIRT_MMIO_REASON_COUNT] = {
	[ARMVIRT_MMIO_OK] = "ok",
	[ARMVIRT_MMIO_NOT_MEMORY] = "not_memory",
	[ARMVIRT_MMIO_PREFETCH] = "prefetch",
	[ARMVIRT_MMIO_UNALLOCATED] = "unallocated",
	[ARMVIRT_MMIO_UNPREDICTABLE] = "unpredictable",
	[ARMVIRT_MMIO_EXCLUSIVE] = "exclusive",
	[ARMVIRT_MMIO_ATOMIC] = "atomic",
	[ARMVIRT_MMIO_LS64] = "ls64",
	[ARMVIRT_MMIO_SVE] = "sve",
	[ARMVIRT_MMIO_SME] = "sme",
	[ARMVIRT_MMIO_MOPS] = "mops",
	[ARMVIRT_MMIO_TAGS] = "tags",
	[ARMVIRT_MMIO_STRUCTURE] = "structure",
	[ARMVIRT_MMIO_MULTIPLE] = "multiple",
	[ARMVIRT_MMIO_PAC] = "pac",
	[ARMVIRT_MMIO_GCS] = "gcs",
	[ARMVIRT_MMIO_PC] = "pc",
	[ARMVIRT_MMIO_COPROC] = "coproc",
	[ARMVIRT_MMIO_DC_ZERO] = "dc_zero",
	[ARMVIRT_MMIO_S1PTW] = "s1ptw",
};

static const char *const reason_texts[ARMVIRT_MMIO_REASON_COUNT] = {
	[ARMVIRT_MMIO_OK] = "emulable",
	[ARMVIRT_MMIO_NOT_MEMORY] = "not a load or store",
	[ARMVIRT_MMIO_PREFETCH] = "a prefetch hint, which never faults",
	[ARMVIRT_MMIO_UNALLOCATED] = "an unallocated or unknown encoding",
	[ARMVIRT_MMIO_UNPREDICTABLE] = "a CONSTRAINED UNPREDICTABLE register combination",
	[ARMVIRT_MMIO_EXCLUSIVE] = "a load/store exclusive, whose monitor cannot be emulated",
	[ARMVIRT_MMIO_ATOMIC] = "an atomic read-modify-write",
	[ARMVIRT_MMIO_LS64] = "a 64-byte single-copy atomic load or store (LS64)",
	[ARMVIRT_MMIO_SVE] = "an SVE load or store",
	[ARMVIRT_MMIO_SME] = "an SME load or store",
	[ARMVIRT_MMIO_MOPS] = "a memory copy or set (MOPS)",
	[ARMVIRT_MMIO_TAGS] = "an allocation tag access (MTE)",
	[ARMVIRT_MMIO_STRUCTURE] = "a SIMD structure or lane load or store",
	[ARMVIRT_MMIO_MULTIPLE] = "a load or store of multiple registers",
	[ARMVIRT_MMIO_PAC] = "a load with pointer authentication",
	[ARMVIRT_MMIO_GCS] = "a guarded control stack store",
	[ARMVIRT_MMIO_PC] = "an AArch32 access that transfers the PC",
	[ARMVIRT_MMIO_COPROC] = "an AArch32 coprocessor or SIMD&FP load or store",
	[ARMVIRT_MMIO_DC_ZERO] = "a cache-block zeroing instruction",
	[ARMVIRT_MMIO_S1PTW] = "an abort on the guest's stage-1 table walk",
};

static const char *const isa_names[ARMVIRT_MMIO_ISA_COUNT] = { "a64", "a32", "t32", "esr" };
static const char *const kind_names[] = { "other", "load", "store" };
static const char *const bank_names[] = { "none", "w", "x", "b", "h", "s", "d", "q" };
static const char *const addressing_names[] = { "none", "offset",   "pre",
						"post", "register", "literal" };
static const char *const index_names[] = { "none", "lsl", "uxtw", "sxtw", "sxtx",
					   "lsr",  "asr", "ror",  "rrx" };

const char *armvirt_mmio_reason_name(unsigned reason)
{
	return NAME_OR_INVALID(reason_names, reason);
}

const char *armvirt_mmio_reason_text(unsigned reason)
{
	return reason < ARMVIRT_MMIO_REASON_COUNT ? reason_texts[reason] : "invalid reason";
}

const char *armvirt_mmio_isa_name(unsigned isa)
{
	return NAME_OR_INVALID(isa_names, isa);
}

const char *armvirt_mmio_kind_name(unsigned kind)
{
	return NAME_OR_INVALID(kind_names, kind);
}

const char *armvirt_mmio_bank_name(unsigned bank)
{
	return NAME_OR_INVALID(bank_names, bank);
}

const char *armvirt_mmio_addressing_name(unsigned addressing)
{
	return NAME_OR_INVALID(addressing_names, addressing);
}

const char *armvirt_mmio_index_name(unsigned index)
{
	return NAME_OR_INVALID(index_names, index);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fault status codes (DFSC/IFSC). AArch64: Arm ARM, the DFSC table of
 * ESR_EL2 (with FEAT_LPA2 level -1 and FEAT_D128 level -2 codes). AArch32:
 * the long-descriptor fault status encodings HSR uses.
 */
#include <armvirt/esr.h>

#include "esr_internal.h"

struct fsc_entry {
	uint8_t type;
	int8_t level;
};

#define NL ARMVIRT_ESR_FSC_NO_LEVEL
#define E(t, l)                                                                                    \
	{                                                                                          \
		ARMVIRT_ESR_FSC_##t, l                                                             \
	}
#define RSV E(RESERVED, NL)

/* Indexed by the 6-bit code. */
static const struct fsc_entry fsc64[64] = {
	E(ADDR_SIZE, 0),
	E(ADDR_SIZE, 1),
	E(ADDR_SIZE, 2),
	E(ADDR_SIZE, 3), /* 0x00 */
	E(TRANSLATION, 0),
	E(TRANSLATION, 1),
	E(TRANSLATION, 2),
	E(TRANSLATION, 3), /* 0x04 */
	E(ACCESS_FLAG, 0),
	E(ACCESS_FLAG, 1),
	E(ACCESS_FLAG, 2),
	E(ACCESS_FLAG, 3), /* 0x08 */
	E(PERMISSION, 0),
	E(PERMISSION, 1),
	E(PERMISSION, 2),
	E(PERMISSION, 3), /* 0x0c */
	E(SEA, NL),
	E(TAG_CHECK, NL),
	E(SEA_TTW, -2),
	E(SEA_TTW, -1), /* 0x10 */
	E(SEA_TTW, 0),
	E(SEA_TTW, 1),
	E(SEA_TTW, 2),
	E(SEA_TTW, 3), /* 0x14 */
	E(PARITY, NL),
	RSV,
	RSV,
	E(PARITY_TTW, -1), /* 0x18 */
	E(PARITY_TTW, 0),
	E(PARITY_TTW, 1),
	E(PARITY_TTW, 2),
	E(PARITY_TTW, 3), /* 0x1c */
	RSV,
	E(ALIGNMENT, NL),
	E(GPF_TTW, -2),
	E(GPF_TTW, -1), /* 0x20 */
	E(GPF_TTW, 0),
	E(GPF_TTW, 1),
	E(GPF_TTW, 2),
	E(GPF_TTW, 3), /* 0x24 */
	E(GPF, NL),
	E(ADDR_SIZE, -1),
	E(TRANSLATION, -2),
	E(TRANSLATION, -1), /* 0x28 */
	E(ADDR_SIZE, -2),
	RSV,
	RSV,
	RSV, /* 0x2c */
	E(TLB_CONFLICT, NL),
	E(ATOMIC_HW_UPDATE, NL),
	RSV,
	RSV, /* 0x30 */
	E(IMPDEF_LOCKDOWN, NL),
	E(IMPDEF_ATOMIC, NL),
	RSV,
	RSV, /* 0x34 */
	RSV,
	RSV,
	RSV,
	RSV, /* 0x38 */
	RSV,
	RSV,
	RSV,
	RSV, /* 0x3c */
};

/*
 * HSR DFSC/IFSC (Arm ARM, HSR): long-descriptor codes with levels 1..3, code
 * 0x00 for an address size fault on the translation table base register
 * (reported as level 0), asynchronous aborts and debug exceptions.
 */
static const struct fsc_entry fsc32[64] = {
	E(ADDR_SIZE, 0),
	E(ADDR_SIZE, 1),
	E(ADDR_SIZE, 2),
	E(ADDR_SIZE, 3), /* 0x00 */
	RSV,
	E(TRANSLATION, 1),
	E(TRANSLATION, 2),
	E(TRANSLATION, 3), /* 0x04 */
	RSV,
	E(ACCESS_FLAG, 1),
	E(ACCESS_FLAG, 2),
	E(ACCESS_FLAG, 3), /* 0x08 */
	RSV,
	E(PERMISSION, 1),
	E(PERMISSION, 2),
	E(PERMISSION, 3), /* 0x0c */
	E(SEA, NL),
	E(ASYNC_EXTERNAL, NL),
	RSV,
	RSV, /* 0x10 */
	RSV,
	E(SEA_TTW, 1),
	E(SEA_TTW, 2),
	E(SEA_TTW, 3), /* 0x14 */
	E(PARITY, NL),
	E(ASYNC_PARITY, NL),
	RSV,
	RSV, /* 0x18 */
	RSV,
	E(PARITY_TTW, 1),
	E(PARITY_TTW, 2),
	E(PARITY_TTW, 3), /* 0x1c */
	RSV,
	E(ALIGNMENT, NL),
	E(DEBUG, NL),
	RSV, /* 0x20 */
	RSV,
	RSV,
	RSV,
	RSV, /* 0x24 */
	RSV,
	RSV,
	RSV,
	RSV, /* 0x28 */
	RSV,
	RSV,
	RSV,
	RSV, /* 0x2c */
	E(TLB_CONFLICT, NL),
	RSV,
	RSV,
	RSV, /* 0x30 */
	E(IMPDEF_LOCKDOWN, NL),
	E(IMPDEF_ATOMIC, NL),
	RSV,
	RSV, /* 0x34 */
	RSV,
	RSV,
	RSV,
	RSV, /* 0x38 */
	RSV,
	RSV,
	RSV,
	RSV, /* 0x3c */
};

static struct armvirt_esr_fsc lookup(const struct fsc_entry *t, unsigned fsc)
{
	const struct fsc_entry *e = &t[fsc & 0x3fu];
	struct armvirt_esr_fsc r;

	r.type = e->type;
	r.level = e->level;
	return r;
}

struct armvirt_esr_fsc armvirt_esr_fsc_decode(unsigned fsc)
{
	return lookup(fsc64, fsc);
}

struct armvirt_esr_fsc armvirt_esr_fsc_decode_hsr(unsigned fsc)
{
	return lookup(fsc32, fsc);
}

static const char *const type_names[] = {
	[ARMVIRT_ESR_FSC_ADDR_SIZE] = "address size fault",
	[ARMVIRT_ESR_FSC_TRANSLATION] = "translation fault",
	[ARMVIRT_ESR_FSC_ACCESS_FLAG] = "access flag fault",
	[ARMVIRT_ESR_FSC_PERMISSION] = "permission fault",
	[ARMVIRT_ESR_FSC_SEA] = "synchronous external abort",
	[ARMVIRT_ESR_FSC_TAG_CHECK] = "tag check fault",
	[ARMVIRT_ESR_FSC_SEA_TTW] = "synchronous external abort on table walk",
	[ARMVIRT_ESR_FSC_PARITY] = "synchronous parity/ECC error",
	[ARMVIRT_ESR_FSC_PARITY_TTW] = "synchronous parity/ECC error on table walk",
	[ARMVIRT_ESR_FSC_ALIGNMENT] = "alignment fault",
	[ARMVIRT_ESR_FSC_GPF_TTW] = "granule protection fault on table walk",
	[ARMVIRT_ESR_FSC_GPF] = "granule protection fault",
	[ARMVIRT_ESR_FSC_TLB_CONFLICT] = "TLB conflict abort",
	[ARMVIRT_ESR_FSC_ATOMIC_HW_UPDATE] = "unsupported atomic hardware update fault",
	[ARMVIRT_ESR_FSC_IMPDEF_LOCKDOWN] = "IMPLEMENTATION DEFINED fault (lockdown)",
	[ARMVIRT_ESR_FSC_IMPDEF_ATOMIC] =
		"IMPLEMENTATION DEFINED fault (unsupported exclusive or atomic access)",
	[ARMVIRT_ESR_FSC_ASYNC_EXTERNAL] = "asynchronous SError",
	[ARMVIRT_ESR_FSC_ASYNC_PARITY] = "asynchronous SError from a parity/ECC error",
	[ARMVIRT_ESR_FSC_DEBUG] = "debug exception",
	[ARMVIRT_ESR_FSC_RESERVED] = "reserved fault status code",
};

const char *armvirt_esr_fsc_type_name(unsigned type)
{
	if (type >= ARRAY_SIZE(type_names))
		type = ARMVIRT_ESR_FSC_RESERVED;
	return type_names[type];
}

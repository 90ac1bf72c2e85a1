/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Name lookup over the one register table (sysreg_table.h). Lookups are
 * switches on the packed encoding: the compiler builds the search, and a
 * duplicated encoding in the table is a compile error (duplicate case).
 */
#include <armvirt/esr.h>

#include "esr_internal.h"
#include "sysreg_table.h"

#define ENC(op0, op1, crn, crm, op2) ARMVIRT_SYSREG_ENC(op0, op1, crn, crm, op2)

#define CASE_READ(op0, op1, crn, crm, op2, name)                                                   \
	case ENC(op0, op1, crn, crm, op2):                                                         \
		return name;
#define CASE_READ_W(op0, op1, crn, crm, op2, rname, wname) CASE_READ(op0, op1, crn, crm, op2, rname)

const char *armvirt_esr_sysreg_name(uint32_t enc)
{
	switch (enc) {
		ARMVIRT_ESR_SYSREGS(CASE_READ, CASE_READ_W)
	default:
		return NULL;
	}
}

#define CASE_NONE(op0, op1, crn, crm, op2, name)
#define CASE_WRITE_W(op0, op1, crn, crm, op2, rname, wname)                                        \
	case ENC(op0, op1, crn, crm, op2):                                                         \
		return wname;

const char *armvirt_esr_sysreg_name_dir(uint32_t enc, bool is_write)
{
	if (is_write) {
		switch (enc) {
			ARMVIRT_ESR_SYSREGS(CASE_NONE, CASE_WRITE_W)
		default:
			break;
		}
	}
	return armvirt_esr_sysreg_name(enc);
}

struct sysreg_entry {
	uint32_t enc;
	const char *name;
};

#define ENTRY(op0, op1, crn, crm, op2, name) { ENC(op0, op1, crn, crm, op2), name },
#define ENTRY_W(op0, op1, crn, crm, op2, rname, wname) ENTRY(op0, op1, crn, crm, op2, rname)

static const struct sysreg_entry sysregs[] = { ARMVIRT_ESR_SYSREGS(ENTRY, ENTRY_W) };

int armvirt_esr_sysreg_at(size_t i, uint32_t *enc, const char **name)
{
	if (enc == NULL || name == NULL)
		return ARMVIRT_EINVAL;
	if (i >= ARRAY_SIZE(sysregs))
		return ARMVIRT_ENOENT;
	*enc = sysregs[i].enc;
	*name = sysregs[i].name;
	return 0;
}

/* AArch32 keys: coproc[19:16] opc1[15:12] CRn[11:8] CRm[7:4] opc2[3:0]. */
#define CPKEY(cp, o1, crn, crm, o2)                                                                \
	(((uint32_t)(cp) << 16) | ((uint32_t)(o1) << 12) | ((uint32_t)(crn) << 8) |                \
	 ((uint32_t)(crm) << 4) | (uint32_t)(o2))
#define CASE_CP(cp, o1, crn, crm, o2, name)                                                        \
	case CPKEY(cp, o1, crn, crm, o2):                                                          \
		return name;
#define CASE_CP64(cp, o1, crm, name)                                                               \
	case CPKEY(cp, o1, 0, crm, 0):                                                             \
		return name;

/* Each field is masked to its width so that no out-of-range argument aliases another key. */
#define NIB(x) ((x)&0xfu)

const char *armvirt_esr_cp_name(unsigned coproc, unsigned opc1, unsigned crn, unsigned crm,
				unsigned opc2)
{
	if (coproc > 0xfu || opc1 > 0xfu || crn > 0xfu || crm > 0xfu || opc2 > 0xfu)
		return NULL;
	switch (CPKEY(NIB(coproc), NIB(opc1), NIB(crn), NIB(crm), NIB(opc2))) {
		ARMVIRT_ESR_CPREGS(CASE_CP)
	default:
		return NULL;
	}
}

const char *armvirt_esr_cp64_name(unsigned coproc, unsigned opc1, unsigned crm)
{
	if (coproc > 0xfu || opc1 > 0xfu || crm > 0xfu)
		return NULL;
	switch (CPKEY(NIB(coproc), NIB(opc1), 0, NIB(crm), 0)) {
		ARMVIRT_ESR_CP64REGS(CASE_CP64)
	default:
		return NULL;
	}
}

const char *armvirt_esr_trap_name(const struct armvirt_esr *e)
{
	if (e == NULL)
		return NULL;
	switch (e->layout) {
	case ARMVIRT_ESR_LAYOUT_SYS:
	case ARMVIRT_ESR_LAYOUT_SYS128:
		return armvirt_esr_sysreg_name_dir(e->u.sys.enc, !e->u.sys.read);
	case ARMVIRT_ESR_LAYOUT_CP:
		return armvirt_esr_cp_name(e->u.cp.coproc, e->u.cp.opc1, e->u.cp.crn, e->u.cp.crm,
					   e->u.cp.opc2);
	case ARMVIRT_ESR_LAYOUT_CP64:
		return armvirt_esr_cp64_name(e->u.cp64.coproc, e->u.cp64.opc1, e->u.cp64.crm);
	default:
		return NULL;
	}
}

int armvirt_esr_sysreg_access(const struct armvirt_esr *e, struct armvirt_sysreg_access *out)
{
	if (e == NULL || out == NULL || e->layout != ARMVIRT_ESR_LAYOUT_SYS)
		return ARMVIRT_EINVAL;
	out->enc = e->u.sys.enc;
	out->rt = e->u.sys.rt;
	out->is_write = !e->u.sys.read;
	out->data = 0;
	return 0;
}

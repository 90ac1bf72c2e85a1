/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One line of text for a decoded syndrome, without libc: a bounded string
 * builder that keeps counting past the end so truncation is known exactly.
 */
#include <armvirt/esr.h>

#include "esr_internal.h"

struct out {
	char *buf;
	size_t size;
	size_t len; /* length of the whole line, even past size */
};

static void put_c(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_s(struct out *o, const char *s)
{
	while (*s)
		put_c(o, *s++);
}

static void put_u(struct out *o, uint64_t v, unsigned base, unsigned min_digits)
{
	static const char digits[] = "0123456789abcdef";
	char tmp[24];
	unsigned n = 0;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v != 0 && n < sizeof(tmp));
	while (n < min_digits && n < sizeof(tmp))
		tmp[n++] = '0';
	while (n)
		put_c(o, tmp[--n]);
}

static void put_dec(struct out *o, uint64_t v)
{
	put_u(o, v, 10, 1);
}

static void put_hex(struct out *o, uint64_t v, unsigned min_digits)
{
	put_s(o, "0x");
	put_u(o, v, 16, min_digits);
}

static void put_int(struct out *o, int v)
{
	if (v < 0) {
		put_c(o, '-');
		put_dec(o, (uint64_t)(-(int64_t)v));
	} else {
		put_dec(o, (uint64_t)v);
	}
}

static void put_reg(struct out *o, char kind, unsigned r)
{
	if (r == 31 && kind != 'r') {
		put_s(o, kind == 'w' ? "wzr" : "xzr");
		return;
	}
	put_c(o, kind);
	put_dec(o, r);
}

static void put_fsc(struct out *o, struct armvirt_esr_fsc f)
{
	put_s(o, armvirt_esr_fsc_type_name(f.type));
	if (f.level != ARMVIRT_ESR_FSC_NO_LEVEL) {
		put_s(o, " level ");
		put_int(o, f.level);
	}
}

static void put_sysreg(struct out *o, const struct armvirt_esr_sys *s, const char *name)
{
	if (name) {
		put_s(o, name);
		return;
	}
	put_c(o, 'S');
	put_dec(o, s->op0);
	put_c(o, '_');
	put_dec(o, s->op1);
	put_s(o, "_C");
	put_dec(o, s->crn);
	put_s(o, "_C");
	put_dec(o, s->crm);
	put_c(o, '_');
	put_dec(o, s->op2);
}

static void summary_sys(struct out *o, const struct armvirt_esr *e)
{
	const struct armvirt_esr_sys *s = &e->u.sys;
	const char *name = armvirt_esr_trap_name(e);
	bool wide = e->layout == ARMVIRT_ESR_LAYOUT_SYS128;

	if (s->op0 == 1 && name) {
		/* A named system instruction (DC, IC, AT, TLBI) and its operand. */
		put_s(o, name);
		put_s(o, ", ");
		put_reg(o, 'x', s->rt);
		return;
	}
	if (s->op0 <= 1) {
		put_s(o, s->read ? (wide ? "SYSPL " : "SYSL ") : (wide ? "SYSP " : "SYS "));
		put_sysreg(o, s, NULL);
		put_s(o, ", ");
		put_reg(o, 'x', s->rt);
		return;
	}
	if (s->read) {
		put_s(o, wide ? "MRRS " : "MRS ");
		put_reg(o, 'x', s->rt);
		if (wide) {
			put_s(o, ", ");
			put_reg(o, 'x', s->rt + 1u);
		}
		put_s(o, ", ");
		put_sysreg(o, s, name);
	} else {
		put_s(o, wide ? "MSRR " : "MSR ");
		put_sysreg(o, s, name);
		put_s(o, ", ");
		put_reg(o, 'x', s->rt);
		if (wide) {
			put_s(o, ", ");
			put_reg(o, 'x', s->rt + 1u);
		}
	}
}

static void summary_cp(struct out *o, const struct armvirt_esr *e)
{
	const struct armvirt_esr_cp *c = &e->u.cp;
	const char *name = armvirt_esr_trap_name(e);

	if (c->coproc == 10) {
		put_s(o, "VMRS ");
		put_reg(o, e->hsr ? 'r' : 'x', c->rt);
		put_s(o, ", ");
		put_s(o, name ? name : "unknown FP register");
		return;
	}
	put_s(o, c->read ? "MRC p" : "MCR p");
	put_dec(o, c->coproc);
	put_s(o, ", ");
	put_dec(o, c->opc1);
	put_s(o, ", ");
	put_reg(o, e->hsr ? 'r' : 'x', c->rt);
	put_s(o, ", c");
	put_dec(o, c->crn);
	put_s(o, ", c");
	put_dec(o, c->crm);
	put_s(o, ", ");
	put_dec(o, c->opc2);
	if (name) {
		put_s(o, " (");
		put_s(o, name);
		put_c(o, ')');
	}
}

static void summary_cp64(struct out *o, const struct armvirt_esr *e)
{
	const struct armvirt_esr_cp64 *c = &e->u.cp64;
	const char *name = armvirt_esr_trap_name(e);

	put_s(o, c->read ? "MRRC p" : "MCRR p");
	put_dec(o, c->coproc);
	put_s(o, ", ");
	put_dec(o, c->opc1);
	put_s(o, ", ");
	put_reg(o, e->hsr ? 'r' : 'x', c->rt);
	put_s(o, ", ");
	put_reg(o, e->hsr ? 'r' : 'x', c->rt2);
	put_s(o, ", c");
	put_dec(o, c->crm);
	if (name) {
		put_s(o, " (");
		put_s(o, name);
		put_c(o, ')');
	}
}

/* SET of a synchronous external abort (Arm ARM, ESR_EL2 SET). */
static const char *const set_names[] = { "recoverable (UER)", "reserved SET", "uncontainable (UC)",
					 "restartable (UEO)" };

static void put_abort_tail(struct out *o, struct armvirt_esr_fsc fsc, bool sea, uint8_t set,
			   bool s1ptw, bool fnv)
{
	put_fsc(o, fsc);
	if (sea) {
		put_s(o, ", ");
		put_s(o, set_names[set & 3u]);
	}
	if (s1ptw)
		put_s(o, ", on a stage-1 table walk");
	if (fnv)
		put_s(o, ", FAR not valid");
}

static void summary_dabt(struct out *o, const struct armvirt_esr *e)
{
	const struct armvirt_esr_dabt *d = &e->u.dabt;

	if (d->cm)
		put_s(o, "cache maintenance, ");
	put_s(o, d->wnr ? "write" : "read");
	if (d->isv) {
		put_c(o, ' ');
		put_dec(o, UINT64_C(1) << d->sas);
		put_s(o, d->wnr ? " bytes from " : " bytes to ");
		char kind = 'w';

		if (e->hsr)
			kind = 'r';
		else if (d->sf)
			kind = 'x';
		put_reg(o, kind, d->srt);
		if (d->sse)
			put_s(o, ", sign-extended");
		if (d->ar)
			put_s(o, ", acquire/release");
	} else {
		put_s(o, " (no instruction syndrome)");
	}
	put_s(o, ", ");
	put_abort_tail(o, d->fsc, !e->hsr && d->fsc.type == ARMVIRT_ESR_FSC_SEA, d->set, d->s1ptw,
		       d->fnv);
}

static void summary_iabt(struct out *o, const struct armvirt_esr *e)
{
	const struct armvirt_esr_iabt *i = &e->u.iabt;

	put_abort_tail(o, i->fsc, !e->hsr && i->fsc.type == ARMVIRT_ESR_FSC_SEA, i->set, i->s1ptw,
		       i->fnv);
}

static const char *const wfx_names[] = { "WFI", "WFE", "WFIT", "WFET" };
static const char *const other_names[] = { "ST64BV", "ST64BV0", "LD64B or ST64B", "TSB CSYNC",
					   "PSB CSYNC" };
static const char *const sme_names[] = { "SME disabled", "illegal in streaming mode",
					 "PSTATE.SM is 0", "PSTATE.ZA is 0", "ZT0 disabled" };
static const char *const gcs_names[] = { "data check", "EXLOCK", "trapped GCSSTR/GCSSTTR" };
/* GCS data check IT values (Arm ARM, ESR_EL2 GCS ISS); unlisted values are reserved. */
static const char *const gcs_it_names[] = { "RET",    "GCSPOPM", "RETAA", "RETAB",    "GCSSS1",
					    "GCSSS2", NULL,	 NULL,	  "GCSPOPCX", "GCSPOPX" };
static const char *const prof_names[] = { "PMU overflow", "profiling buffer management event",
					  "trace buffer management event" };

static void summary_gcs(struct out *o, const struct armvirt_esr_gcs *g)
{
	put_s(o, g->extype < ARRAY_SIZE(gcs_names) ? gcs_names[g->extype] : "reserved ExType");
	if (g->extype == 0) {
		put_s(o, " on ");
		put_s(o, g->it < ARRAY_SIZE(gcs_it_names) && gcs_it_names[g->it]
				 ? gcs_it_names[g->it]
				 : "reserved IT");
	}
}
static const char *const aet_names[] = { "uncontainable (UC)", "unrecoverable (UEU)",
					 "restartable (UEO)",  "recoverable (UER)",
					 "reserved AET",       "reserved AET",
					 "corrected (CE)",     "reserved AET" };

static void summary_imm(struct out *o, const struct armvirt_esr *e)
{
	switch (e->ec) {
	case ARMVIRT_ESR_EC_SVC32:
	case ARMVIRT_ESR_EC_SVC64:
		put_s(o, "SVC #");
		break;
	case ARMVIRT_ESR_EC_HVC32:
	case ARMVIRT_ESR_EC_HVC64:
		put_s(o, "HVC #");
		break;
	case ARMVIRT_ESR_EC_SMC64:
		put_s(o, "SMC #");
		break;
	case ARMVIRT_ESR_EC_BKPT32:
		put_s(o, "BKPT #");
		break;
	default:
		put_s(o, "BRK #");
		break;
	}
	put_hex(o, e->u.imm.imm16, 1);
}

static void summary(struct out *o, const struct armvirt_esr *e)
{
	switch (e->layout) {
	case ARMVIRT_ESR_LAYOUT_WFX:
		put_s(o, wfx_names[e->u.wfx.ti & 3u]);
		if (e->u.wfx.rv) {
			put_c(o, ' ');
			put_reg(o, 'x', e->u.wfx.rn);
		}
		break;
	case ARMVIRT_ESR_LAYOUT_CP:
		summary_cp(o, e);
		break;
	case ARMVIRT_ESR_LAYOUT_CP64:
		summary_cp64(o, e);
		break;
	case ARMVIRT_ESR_LAYOUT_LDC:
		put_s(o, e->u.ldc.read ? "LDC p14, c5, [" : "STC p14, c5, [");
		put_reg(o, e->hsr ? 'r' : 'x', e->u.ldc.rn);
		put_s(o, e->u.ldc.add ? "], #+" : "], #-");
		put_dec(o, (uint64_t)e->u.ldc.imm8 * 4u);
		break;
	case ARMVIRT_ESR_LAYOUT_OTHER:
		put_s(o, e->u.other.type < ARRAY_SIZE(other_names) ? other_names[e->u.other.type]
								   : "unknown instruction type");
		break;
	case ARMVIRT_ESR_LAYOUT_BTI:
		put_s(o, "BTYPE ");
		put_dec(o, e->u.bti.btype);
		break;
	case ARMVIRT_ESR_LAYOUT_IMM16:
		summary_imm(o, e);
		break;
	case ARMVIRT_ESR_LAYOUT_SYS:
	case ARMVIRT_ESR_LAYOUT_SYS128:
		summary_sys(o, e);
		break;
	case ARMVIRT_ESR_LAYOUT_ERET:
		put_s(o, !e->u.eret.eret ? "ERET" : e->u.eret.ereta ? "ERETAB" : "ERETAA");
		break;
	case ARMVIRT_ESR_LAYOUT_TSTART:
		put_s(o, "TSTART ");
		put_reg(o, 'x', e->u.tstart.rd);
		break;
	case ARMVIRT_ESR_LAYOUT_FPAC:
		put_s(o, "authentication failed with key ");
		put_c(o, e->u.fpac.dni ? 'D' : 'I');
		put_c(o, e->u.fpac.bna ? 'B' : 'A');
		break;
	case ARMVIRT_ESR_LAYOUT_SME:
		put_s(o, e->u.sme.smtc < ARRAY_SIZE(sme_names) ? sme_names[e->u.sme.smtc]
							       : "reserved SMTC");
		break;
	case ARMVIRT_ESR_LAYOUT_IABT:
		summary_iabt(o, e);
		break;
	case ARMVIRT_ESR_LAYOUT_DABT:
		summary_dabt(o, e);
		break;
	case ARMVIRT_ESR_LAYOUT_MOPS:
		put_s(o, e->u.mops.meminst ? (e->u.mops.issetg ? "SETG*" : "SET*") : "CPY*");
		put_s(o, e->u.mops.fromepilogue ? " epilogue" : " prologue/main");
		/* FormatOption 0b01 and 0b10 are option A, 0b00 and 0b11 option B. */
		put_s(o, (e->u.mops.formatoption == 1 || e->u.mops.formatoption == 2)
				 ? ", option A"
				 : ", option B");
		break;
	case ARMVIRT_ESR_LAYOUT_GCS:
		summary_gcs(o, &e->u.gcs);
		break;
	case ARMVIRT_ESR_LAYOUT_PROFILING:
		put_s(o, e->u.prof.fsc < ARRAY_SIZE(prof_names) ? prof_names[e->u.prof.fsc]
								: "reserved FSC");
		put_s(o, e->u.prof.sync ? ", synchronous" : ", asynchronous");
		break;
	case ARMVIRT_ESR_LAYOUT_SERROR:
		if (e->u.serror.ids) {
			put_s(o, "IMPLEMENTATION DEFINED syndrome");
		} else {
			put_s(o, e->u.serror.dfsc == 0x11u ? "asynchronous SError, "
							   : "uncategorized SError, ");
			put_s(o, aet_names[e->u.serror.aet & 7u]);
		}
		break;
	case ARMVIRT_ESR_LAYOUT_WATCHPT:
		put_s(o, e->u.wpt.wnr ? "write" : "read");
		if (e->u.wpt.wptv) {
			put_s(o, ", watchpoint ");
			put_dec(o, e->u.wpt.wpt);
		}
		break;
	case ARMVIRT_ESR_LAYOUT_SOFTSTP:
		if (e->u.dbg.isv)
			put_s(o,
			      e->u.dbg.ex ? "stepped a load-exclusive" : "stepped an instruction");
		break;
	default:
		break;
	}
}

static bool hex_field(const struct armvirt_esr_field *f)
{
	return f->width >= 6;
}

int armvirt_esr_format(const struct armvirt_esr *e, char *buf, size_t size)
{
	const struct armvirt_esr_field *fields;
	struct out o = { buf, size, 0 };
	size_t before;
	int n;
	int i;

	if (e == NULL || buf == NULL || size == 0)
		return ARMVIRT_EINVAL;
	put_s(&o, "EC ");
	put_hex(&o, e->ec, 2);
	put_c(&o, ' ');
	put_s(&o, armvirt_esr_ec_name(e->ec, e->hsr));
	put_s(&o, " (");
	put_s(&o, armvirt_esr_ec_desc(e->ec, e->hsr));
	put_c(&o, ')');
	before = o.len;
	put_s(&o, ": ");
	summary(&o, e);
	if (o.len == before + 2)
		o.len = before; /* no summary: drop the ": " (only counted bytes are rewritten
				   later) */
	put_s(&o, " | il=");
	put_dec(&o, e->il);
	n = armvirt_esr_fields(e, &fields);
	for (i = 0; i < n; i++) {
		if (!armvirt_esr_field_present(e, &fields[i]))
			continue;
		put_c(&o, ' ');
		put_s(&o, fields[i].name);
		put_c(&o, '=');
		if (hex_field(&fields[i]))
			put_hex(&o, armvirt_esr_field_value(e, &fields[i]), 2);
		else
			put_dec(&o, armvirt_esr_field_value(e, &fields[i]));
	}
	if (e->res0) {
		put_s(&o, " res0=");
		put_hex(&o, e->res0, 1);
	}
	buf[o.len < size ? o.len : size - 1] = '\0';
	if (o.len >= size)
		return ARMVIRT_ENOSPC;
	return (int)o.len;
}

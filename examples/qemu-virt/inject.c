/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Giving the guest a synchronous exception, as if its instruction had
 * taken it at EL1: an external abort for an access to nothing, an
 * Undefined Instruction exception for an access the architecture makes
 * UNDEFINED.
 *
 * Exception entry to AArch64 EL1 (Arm ARM D1.3.2 "Taking an exception"
 * and the pseudocode AArch64.TakeException()): ELR_EL1 gets the faulting
 * instruction's address, SPSR_EL1 the PSTATE it ran with, ESR_EL1 the
 * syndrome and, for aborts, FAR_EL1 the faulting virtual address. The new
 * PSTATE is EL1h with D, A, I and F masked; SS, IL, UAO and BTYPE cleared;
 * N, Z, C, V and DIT kept; PAN set when SCTLR_EL1.SPAN is 0 (FEAT_PAN);
 * SSBS from SCTLR_EL1.DSSBS (FEAT_SSBS); TCO set (FEAT_MTE2). Execution
 * continues at VBAR_EL1 + 0x000 (from EL1 with SP_EL0), + 0x200 (EL1 with
 * SP_EL1) or + 0x400 (from AArch64 EL0), the synchronous entry of each.
 */
#include <armvirt/esr.h>
#include <armvirt/port.h>

#include "vm.h"

#define PSTATE_NZCV_SHIFT 28
#define PSTATE_NZCV_WIDTH 4
#define PSTATE_DIT_SHIFT 24
#define PSTATE_TCO_SHIFT 25
#define PSTATE_PAN_SHIFT 22
#define PSTATE_SSBS_SHIFT 12
#define SCTLR_EL1_SPAN_SHIFT 23
#define SCTLR_EL1_DSSBS_SHIFT 44
#define ID_AA64MMFR1_PAN_SHIFT 20
#define ID_AA64PFR1_SSBS_SHIFT 4
#define ID_AA64PFR1_MTE_SHIFT 8
#define ID_AA64PFR0_DIT_SHIFT 48
#define ID_FIELD_WIDTH 4
#define ID_MTE2 2u

#define VECTOR_CUR_SP0 0x000u
#define VECTOR_CUR_SPX 0x200u
#define VECTOR_LOWER_A64 0x400u

#define FSC_SEA 0x10u /* synchronous external abort, not on a table walk */

static bool has(uint64_t id, unsigned shift, unsigned min)
{
	return armvirt_field_get(id, shift, ID_FIELD_WIDTH) >= min;
}

static void take_exception(struct pcpu *p, struct vcpu *v, uint64_t esr, bool set_far, uint64_t far)
{
	struct armvirt_switch_cpu *c = &p->sw;
	struct armvirt_vcpu *a = &v->arch;
	uint64_t old = a->gp.pstate, sctlr, pstate, offset;
	unsigned mode =
		(unsigned)armvirt_field_get(old, ARMVIRT_SPSR_M_SHIFT, ARMVIRT_SPSR_M_WIDTH);

	if (mode == ARMVIRT_SPSR_M_EL0T)
		offset = VECTOR_LOWER_A64;
	else if (mode == ARMVIRT_SPSR_M_EL1T)
		offset = VECTOR_CUR_SP0;
	else
		offset = VECTOR_CUR_SPX;

	sctlr = armvirt_switch_el1_read(c, a, ARMVIRT_SWITCH_SCTLR_EL1);
	pstate = armvirt_field_set(0, ARMVIRT_SPSR_M_SHIFT, ARMVIRT_SPSR_M_WIDTH,
				   ARMVIRT_SPSR_M_EL1H) |
		 armvirt_field_set(0, ARMVIRT_SPSR_DAIF_SHIFT, ARMVIRT_SPSR_DAIF_WIDTH, 0xf) |
		 (old & ARMVIRT_MASK(PSTATE_NZCV_SHIFT, PSTATE_NZCV_WIDTH));
	if (has(armvirt_port_read_id_aa64pfr0_el1(), ID_AA64PFR0_DIT_SHIFT, 1))
		pstate |= old & ARMVIRT_BIT(PSTATE_DIT_SHIFT);
	if (has(armvirt_port_read_id_aa64mmfr1_el1(), ID_AA64MMFR1_PAN_SHIFT, 1))
		pstate |= !(sctlr & ARMVIRT_BIT(SCTLR_EL1_SPAN_SHIFT))
				  ? ARMVIRT_BIT(PSTATE_PAN_SHIFT)
				  : old & ARMVIRT_BIT(PSTATE_PAN_SHIFT);
	if (has(armvirt_port_read_id_aa64pfr1_el1(), ID_AA64PFR1_SSBS_SHIFT, 1) &&
	    (sctlr & ARMVIRT_BIT(SCTLR_EL1_DSSBS_SHIFT)))
		pstate |= ARMVIRT_BIT(PSTATE_SSBS_SHIFT);
	if (has(armvirt_port_read_id_aa64pfr1_el1(), ID_AA64PFR1_MTE_SHIFT, ID_MTE2))
		pstate |= ARMVIRT_BIT(PSTATE_TCO_SHIFT);

	(void)armvirt_switch_el1_write(c, a, ARMVIRT_SWITCH_ELR_EL1, a->gp.pc);
	(void)armvirt_switch_el1_write(c, a, ARMVIRT_SWITCH_SPSR_EL1, old);
	(void)armvirt_switch_el1_write(c, a, ARMVIRT_SWITCH_ESR_EL1, esr);
	if (set_far)
		(void)armvirt_switch_el1_write(c, a, ARMVIRT_SWITCH_FAR_EL1, far);
	a->gp.pc = armvirt_switch_el1_read(c, a, ARMVIRT_SWITCH_VBAR_EL1) + offset;
	a->gp.pstate = pstate;
}

static uint64_t esr_make(unsigned ec, uint32_t iss)
{
	return armvirt_field_set(0, ARMVIRT_ESR_EC_SHIFT, ARMVIRT_ESR_EC_WIDTH, ec) |
	       ARMVIRT_BIT(ARMVIRT_ESR_IL_SHIFT) |
	       armvirt_field_set(0, ARMVIRT_ESR_ISS_SHIFT, ARMVIRT_ESR_ISS_WIDTH, iss);
}

static bool from_el0(const struct vcpu *v)
{
	return armvirt_field_get(v->arch.gp.pstate, ARMVIRT_SPSR_M_SHIFT, ARMVIRT_SPSR_M_WIDTH) ==
	       ARMVIRT_SPSR_M_EL0T;
}

void inject_data_abort(struct pcpu *p, struct vcpu *v, bool write, uint64_t far)
{
	/* From EL0 a lower-EL abort, from EL1 a same-EL one; ISV 0; WnR; DFSC SEA; FAR valid. */
	uint32_t iss =
		armvirt_field_set(0, ARMVIRT_ESR_DABT_DFSC_SHIFT, ARMVIRT_ESR_DABT_DFSC_WIDTH,
				  FSC_SEA) |
		armvirt_field_set(0, ARMVIRT_ESR_DABT_WNR_SHIFT, ARMVIRT_ESR_DABT_WNR_WIDTH, write);

	take_exception(
		p, v,
		esr_make(from_el0(v) ? ARMVIRT_ESR_EC_DABT_LOW : ARMVIRT_ESR_EC_DABT_CUR, iss),
		true, far);
}

void inject_instruction_abort(struct pcpu *p, struct vcpu *v, uint64_t far)
{
	/* IFSC SEA (IFSC has DFSC's position and width). */
	uint32_t iss = armvirt_field_set(0, ARMVIRT_ESR_DABT_DFSC_SHIFT,
					 ARMVIRT_ESR_DABT_DFSC_WIDTH, FSC_SEA);

	take_exception(
		p, v,
		esr_make(from_el0(v) ? ARMVIRT_ESR_EC_IABT_LOW : ARMVIRT_ESR_EC_IABT_CUR, iss),
		true, far);
}

void inject_undef(struct pcpu *p, struct vcpu *v)
{
	/* Unknown reason, IL 1, ISS 0; FAR_EL1 is not written. */
	take_exception(p, v, esr_make(ARMVIRT_ESR_EC_UNKNOWN, 0), false, 0);
}

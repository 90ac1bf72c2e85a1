/* SPDX-License-Identifier: BSD-3-Clause */
#include "arch.h"
#include "machine.h"

static unsigned ecv_level;
static unsigned traps;

void machine_reset(uint64_t cntpct, unsigned ecv)
{
	armvirt_host_reset();
	armvirt_host_set(ARMVIRT_HOST_REG_cntpct_el0, cntpct);
	armvirt_host_set(ARMVIRT_HOST_REG_id_aa64mmfr0_el1, A_MMFR0_ECV(ecv) | 0x5);
	armvirt_host_set(ARMVIRT_HOST_REG_cntfrq_el0, 62500000);
	ecv_level = ecv;
	traps = 0;
}

uint64_t machine_now(void)
{
	return armvirt_host_get(ARMVIRT_HOST_REG_cntpct_el0);
}

void machine_advance(uint64_t ticks)
{
	armvirt_host_set(ARMVIRT_HOST_REG_cntpct_el0, machine_now() + ticks);
	machine_sync();
}

static uint64_t reg(enum armvirt_host_reg r)
{
	return armvirt_host_get(r);
}

/*
 * CNTVCT_EL0 = CNTPCT_EL0 - CNTVOFF_EL2. The EL1 physical timer and EL1's
 * CNTPCT_EL0 see CNTPCT_EL0 - CNTPOFF_EL2 when FEAT_ECV's CNTPOFF is
 * implemented and CNTHCTL_EL2.ECV is 1 (SCR_EL3.ECVEn taken as 1).
 */
uint64_t machine_hw_count(unsigned t)
{
	if (t == 0)
		return machine_now() - reg(ARMVIRT_HOST_REG_cntvoff_el2);
	if (ecv_level >= 2 && (reg(ARMVIRT_HOST_REG_cnthctl_el2) & A_CNTHCTL_ECV))
		return machine_now() - reg(ARMVIRT_HOST_REG_cntpoff_el2);
	return machine_now();
}

static enum armvirt_host_reg ctl_reg(unsigned t)
{
	return t == 0 ? ARMVIRT_HOST_REG_cntv_ctl_el0 : ARMVIRT_HOST_REG_cntp_ctl_el0;
}

static enum armvirt_host_reg cval_reg(unsigned t)
{
	return t == 0 ? ARMVIRT_HOST_REG_cntv_cval_el0 : ARMVIRT_HOST_REG_cntp_cval_el0;
}

static bool hw_condition(unsigned t)
{
	return machine_hw_count(t) >= reg(cval_reg(t));
}

/* ISTATUS is the hardware's: set while enabled and the condition holds. */
void machine_sync(void)
{
	for (unsigned t = 0; t < 2; t++) {
		uint64_t ctl = reg(ctl_reg(t)) & ~(uint64_t)A_CTL_ISTATUS;
		if ((ctl & A_CTL_ENABLE) && hw_condition(t))
			ctl |= A_CTL_ISTATUS;
		armvirt_host_set(ctl_reg(t), ctl);
	}
}

bool machine_hw_line(unsigned t)
{
	uint64_t ctl;

	machine_sync();
	ctl = reg(ctl_reg(t));
	return (ctl & A_CTL_ENABLE) && !(ctl & A_CTL_IMASK) && hw_condition(t);
}

bool machine_traps(uint32_t enc)
{
	uint64_t h = reg(ARMVIRT_HOST_REG_cnthctl_el2);

	switch (enc) {
	case A_CNTP_CTL:
	case A_CNTP_CVAL:
	case A_CNTP_TVAL:
		return !(h & A_CNTHCTL_EL1PCEN);
	case A_CNTPCT:
	case A_CNTPCTSS:
		return !(h & A_CNTHCTL_EL1PCTEN);
	case A_CNTV_CTL:
	case A_CNTV_CVAL:
	case A_CNTV_TVAL:
		return ecv_level >= 1 && (h & A_CNTHCTL_EL1TVT);
	case A_CNTVCT:
	case A_CNTVCTSS:
		return ecv_level >= 1 && (h & A_CNTHCTL_EL1TVCT);
	default:
		return false;
	}
}

static int hw_access(struct armvirt_sysreg_access *acc)
{
	unsigned t = (acc->enc == A_CNTV_CTL || acc->enc == A_CNTV_CVAL || acc->enc == A_CNTV_TVAL)
			     ? 0
			     : 1;
	uint64_t v = acc->data;

	switch (acc->enc) {
	case A_CNTVCT:
	case A_CNTVCTSS:
		acc->data = machine_hw_count(0);
		return 0;
	case A_CNTPCT:
	case A_CNTPCTSS:
		acc->data = machine_hw_count(1);
		return 0;
	case A_CNTV_CTL:
	case A_CNTP_CTL:
		if (acc->is_write)
			armvirt_host_set(ctl_reg(t), v & (A_CTL_ENABLE | A_CTL_IMASK));
		machine_sync();
		if (!acc->is_write)
			acc->data = reg(ctl_reg(t));
		return 0;
	case A_CNTV_CVAL:
	case A_CNTP_CVAL:
		if (acc->is_write)
			armvirt_host_set(cval_reg(t), v);
		else
			acc->data = reg(cval_reg(t));
		return 0;
	default: /* TVAL */
		if (acc->is_write) {
			int64_t tval = (int32_t)(uint32_t)v;
			armvirt_host_set(cval_reg(t), machine_hw_count(t) + (uint64_t)tval);
		} else {
			acc->data = (uint32_t)(reg(cval_reg(t)) - machine_hw_count(t));
		}
		return 0;
	}
}

int machine_guest_access(struct armvirt_vtimer_vcpu *vcpu, struct armvirt_sysreg_access *acc)
{
	int ret;

	machine_sync();
	if (machine_traps(acc->enc)) {
		traps++;
		ret = armvirt_vtimer_sysreg_access(vcpu, acc);
	} else {
		ret = hw_access(acc);
	}
	machine_sync();
	return ret;
}

unsigned machine_trap_count(void)
{
	return traps;
}

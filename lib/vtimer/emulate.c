/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Emulation of trapped timer and counter accesses (Arm ARM D11.2.4,
 * "Operation of the CompareValue views" and "... TimerValue views").
 */
#include <armvirt/bits.h>
#include <armvirt/err.h>

#include "internal.h"

/* The registers, as MRS/MSR encodings (Arm ARM D24, each register's page). */
#define ENC_CNTPCT_EL0 ARMVIRT_SYSREG_ENC(3, 3, 14, 0, 1)
#define ENC_CNTVCT_EL0 ARMVIRT_SYSREG_ENC(3, 3, 14, 0, 2)
#define ENC_CNTPCTSS_EL0 ARMVIRT_SYSREG_ENC(3, 3, 14, 0, 5)
#define ENC_CNTVCTSS_EL0 ARMVIRT_SYSREG_ENC(3, 3, 14, 0, 6)
#define ENC_CNTP_TVAL_EL0 ARMVIRT_SYSREG_ENC(3, 3, 14, 2, 0)
#define ENC_CNTP_CTL_EL0 ARMVIRT_SYSREG_ENC(3, 3, 14, 2, 1)
#define ENC_CNTP_CVAL_EL0 ARMVIRT_SYSREG_ENC(3, 3, 14, 2, 2)
#define ENC_CNTV_TVAL_EL0 ARMVIRT_SYSREG_ENC(3, 3, 14, 3, 0)
#define ENC_CNTV_CTL_EL0 ARMVIRT_SYSREG_ENC(3, 3, 14, 3, 1)
#define ENC_CNTV_CVAL_EL0 ARMVIRT_SYSREG_ENC(3, 3, 14, 3, 2)

enum timer_reg { REG_CTL, REG_CVAL, REG_TVAL };

static int emulate_timer(struct armvirt_vtimer_vcpu *vcpu, enum armvirt_vtimer_id t,
			 enum timer_reg reg, struct armvirt_sysreg_access *acc)
{
	uint64_t host_now = vt_host_now();
	uint64_t gnow = vt_guest_time(vcpu->vm, host_now);
	uint64_t ctl, cval;

	vt_timer_get(vcpu, t, &ctl, &cval);
	if (!acc->is_write) {
		switch (reg) {
		case REG_CTL:
			/* ISTATUS reports the condition while enabled; 0 otherwise. */
			acc->data =
				armvirt_field_set(ctl, CNT_CTL_ISTATUS_SHIFT, CNT_CTL_ISTATUS_WIDTH,
						  armvirt_field_get(ctl, CNT_CTL_ENABLE_SHIFT,
								    CNT_CTL_ENABLE_WIDTH) &&
							  vt_condition_met(gnow, cval));
			break;
		case REG_CVAL:
			acc->data = cval;
			break;
		case REG_TVAL:
			acc->data = armvirt_field_get(cval - gnow, 0, CNT_TVAL_WIDTH);
			break;
		}
		return ARMVIRT_OK;
	}
	switch (reg) {
	case REG_CTL:
		ctl = acc->data;
		break;
	case REG_CVAL:
		cval = acc->data;
		break;
	case REG_TVAL:
		cval = gnow + (uint64_t)armvirt_sign_extend(acc->data, CNT_TVAL_WIDTH);
		break;
	}
	vt_timer_set(vcpu, t, ctl, cval, host_now);
	return ARMVIRT_OK;
}

int armvirt_vtimer_sysreg_access(struct armvirt_vtimer_vcpu *vcpu,
				 struct armvirt_sysreg_access *acc)
{
	switch (acc->enc) {
	case ENC_CNTPCT_EL0:
	case ENC_CNTVCT_EL0:
	case ENC_CNTPCTSS_EL0:
	case ENC_CNTVCTSS_EL0:
		/* Both guest counters read host - offset: see vtimer.h. */
		if (acc->is_write)
			return ARMVIRT_EINVAL;
		acc->data = vt_guest_time(vcpu->vm, vt_host_now());
		return ARMVIRT_OK;
	case ENC_CNTP_CTL_EL0:
		return emulate_timer(vcpu, ARMVIRT_VTIMER_PHYS, REG_CTL, acc);
	case ENC_CNTP_CVAL_EL0:
		return emulate_timer(vcpu, ARMVIRT_VTIMER_PHYS, REG_CVAL, acc);
	case ENC_CNTP_TVAL_EL0:
		return emulate_timer(vcpu, ARMVIRT_VTIMER_PHYS, REG_TVAL, acc);
	case ENC_CNTV_CTL_EL0:
		return emulate_timer(vcpu, ARMVIRT_VTIMER_VIRT, REG_CTL, acc);
	case ENC_CNTV_CVAL_EL0:
		return emulate_timer(vcpu, ARMVIRT_VTIMER_VIRT, REG_CVAL, acc);
	case ENC_CNTV_TVAL_EL0:
		return emulate_timer(vcpu, ARMVIRT_VTIMER_VIRT, REG_TVAL, acc);
	default:
		return ARMVIRT_ENOENT;
	}
}

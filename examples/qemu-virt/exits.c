/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Answering the guest's exits.
 *
 * Two paths answer an exit. The fast handlers (fast_*) run inside
 * armvirt_switch_run() on the exit path, with only the guest's
 * general-purpose registers saved: null hypercalls, the trapped ACTLR_EL1
 * and the console UART's registers. Everything else returns to the
 * scheduler's loop, which calls exit_handle(): PSCI and the example's
 * hypercalls, WFI/WFE, trapped timer registers, interrupts, and the traps
 * it does not handle, which stop the guest with a diagnostic.
 */
#include <armvirt/err.h>
#include <armvirt/esr_fields.h>
#include <armvirt/port.h>

#include "vm.h"

/* Exception classes the example handles (Arm ARM D24.2.40, ESR_EL2.EC). */
#define EC_WFX 0x01
#define EC_HVC32 0x12
#define EC_SMC32 0x13
#define EC_HVC64 0x16
#define EC_SMC64 0x17
#define EC_SYS64 0x18
#define EC_DABT_LOW 0x24

/* ISS of a trapped WFI/WFE: TI[1:0] (Arm ARM D24.2.40). */
#define ISS_WFX_TI_SHIFT 0
#define ISS_WFX_TI_WIDTH 2
#define ISS_WFX_TI_WFI 0u

/*
 * ISS of a trapped MSR/MRS (EC 0x18, Arm ARM D24.2.40): until lib/esr's
 * decoder is linked, the example reads these fields itself.
 */
#define ISS_SYS_DIR_SHIFT 0 /* 1: MRS (read) */
#define ISS_SYS_CRM_SHIFT 1
#define ISS_SYS_RT_SHIFT 5
#define ISS_SYS_CRN_SHIFT 10
#define ISS_SYS_OP1_SHIFT 14
#define ISS_SYS_OP2_SHIFT 17
#define ISS_SYS_OP0_SHIFT 20
#define ISS_SYS_OP0_WIDTH 2
#define ISS_SYS_OP1_WIDTH 3
#define ISS_SYS_OP2_WIDTH 3
#define ISS_SYS_CRN_WIDTH 4
#define ISS_SYS_CRM_WIDTH 4
#define ISS_SYS_RT_WIDTH 5
#define ISS_SYS_ENC_MASK 0x3ffc1eu /* Op0, Op2, Op1, CRn, CRm */

#define SYS_ISS(op0, op1, crn, crm, op2)                                                           \
	(((op0) << ISS_SYS_OP0_SHIFT) | ((op2) << ISS_SYS_OP2_SHIFT) |                             \
	 ((op1) << ISS_SYS_OP1_SHIFT) | ((crn) << ISS_SYS_CRN_SHIFT) |                             \
	 ((crm) << ISS_SYS_CRM_SHIFT))
#define SYS_ACTLR_EL1 SYS_ISS(3, 0, 1, 0, 1)

/* HPFAR_EL2.FIPA holds IPA[51:12] in bits [43:4] (Arm ARM D24.2.49). */
#define HPFAR_FIPA_SHIFT 4
#define HPFAR_FIPA_WIDTH 40

/* The guest's console: PL011 registers the example emulates (TRM 3.2). */
#define PL011_DR 0x000u
#define PL011_FR 0x018u
#define PL011_FR_TXFE_RXFE 0x90u

static unsigned ec_of(uint64_t esr)
{
	return (unsigned)armvirt_field_get(esr, ARMVIRT_ESR_EC_SHIFT, ARMVIRT_ESR_EC_WIDTH);
}

static uint32_t iss_of(uint64_t esr)
{
	return (uint32_t)armvirt_field_get(esr, ARMVIRT_ESR_ISS_SHIFT, ARMVIRT_ESR_ISS_WIDTH);
}

/* ---- fast path ---- */

static enum armvirt_switch_action fast_hvc(struct armvirt_vcpu *v,
					   const struct armvirt_switch_exit *e, void *arg)
{
	(void)e;
	(void)arg;
	if ((uint32_t)v->gp.x[0] != HYP_CALL_NULL_FAST)
		return ARMVIRT_SWITCH_EXIT;
	v->gp.x[0] = PSCI_SUCCESS;
	return ARMVIRT_SWITCH_RESUME;
}

/* ACTLR_EL1 (trapped by HCR_EL2.TACR) reads as zero and ignores writes. */
static enum armvirt_switch_action fast_sysreg(struct armvirt_vcpu *v,
					      const struct armvirt_switch_exit *e, void *arg)
{
	uint32_t iss = iss_of(e->esr);

	(void)arg;
	if ((iss & ISS_SYS_ENC_MASK) != SYS_ACTLR_EL1)
		return ARMVIRT_SWITCH_EXIT;
	if (iss & (1u << ISS_SYS_DIR_SHIFT))
		armvirt_switch_set_reg(v, (iss >> ISS_SYS_RT_SHIFT) & 31, 0);
	armvirt_switch_skip_instr(v);
	return ARMVIRT_SWITCH_RESUME;
}

/* The guest console: single-register accesses with a valid syndrome. */
static enum armvirt_switch_action fast_dabt(struct armvirt_vcpu *v,
					    const struct armvirt_switch_exit *e, void *arg)
{
	uint64_t ipa = (armvirt_field_get(e->hpfar, HPFAR_FIPA_SHIFT, HPFAR_FIPA_WIDTH) << 12) |
		       (e->far & 0xfff);
	unsigned srt = (unsigned)armvirt_field_get(e->esr, ARMVIRT_ESR_DABT_SRT_SHIFT,
						   ARMVIRT_ESR_DABT_SRT_WIDTH);

	(void)arg;
	if (!armvirt_field_get(e->esr, ARMVIRT_ESR_DABT_ISV_SHIFT, ARMVIRT_ESR_DABT_ISV_WIDTH) ||
	    ipa < GUEST_UART_IPA || ipa >= GUEST_UART_IPA + 0x1000)
		return ARMVIRT_SWITCH_EXIT;
	if (armvirt_field_get(e->esr, ARMVIRT_ESR_DABT_WNR_SHIFT, ARMVIRT_ESR_DABT_WNR_WIDTH)) {
		if (ipa - GUEST_UART_IPA == PL011_DR)
			console_putc((char)armvirt_switch_get_reg(v, srt));
	} else {
		armvirt_switch_set_reg(v, srt,
				       ipa - GUEST_UART_IPA == PL011_FR ? PL011_FR_TXFE_RXFE : 0);
	}
	armvirt_switch_skip_instr(v);
	return ARMVIRT_SWITCH_RESUME;
}

void exits_init(void)
{
	(void)armvirt_switch_set_handler(&vm.fast, EC_HVC64, fast_hvc);
	(void)armvirt_switch_set_handler(&vm.fast, EC_SYS64, fast_sysreg);
	(void)armvirt_switch_set_handler(&vm.fast, EC_DABT_LOW, fast_dabt);
}

/* ---- the exit loop ---- */

__attribute__((noreturn)) static void guest_stop(struct vcpu *v, const char *why)
{
	const struct armvirt_vcpu *a = &v->arch;

	hyp_printf("armvirt-hyp: vCPU %u stopped: %s\n"
		   "  esr=%016lx (EC %02x) far=%016lx hpfar=%016lx pc=%016lx pstate=%08lx\n",
		   v->id, why, a->exit.esr, ec_of(a->exit.esr), a->exit.far, a->exit.hpfar,
		   a->gp.pc, a->gp.pstate);
	hyp_poweroff(3);
}

bool vcpu_wakeup_pending(struct vcpu *v)
{
	struct armvirt_vtimer_lines l;

	(void)armvirt_vtimer_lines(&v->timer, &l);
	for (unsigned i = 0; i < ARMVIRT_VTIMER_NR; i++)
		if (l.line[i].level)
			return true;
	return false;
}

static void sysreg_decode(uint32_t iss, struct armvirt_sysreg_access *acc)
{
	acc->enc = ARMVIRT_SYSREG_ENC(armvirt_field_get(iss, ISS_SYS_OP0_SHIFT, ISS_SYS_OP0_WIDTH),
				      armvirt_field_get(iss, ISS_SYS_OP1_SHIFT, ISS_SYS_OP1_WIDTH),
				      armvirt_field_get(iss, ISS_SYS_CRN_SHIFT, ISS_SYS_CRN_WIDTH),
				      armvirt_field_get(iss, ISS_SYS_CRM_SHIFT, ISS_SYS_CRM_WIDTH),
				      armvirt_field_get(iss, ISS_SYS_OP2_SHIFT, ISS_SYS_OP2_WIDTH));
	acc->rt = (uint8_t)armvirt_field_get(iss, ISS_SYS_RT_SHIFT, ISS_SYS_RT_WIDTH);
	acc->is_write = !(iss & (1u << ISS_SYS_DIR_SHIFT));
	acc->data = 0;
}

static enum run_action sysreg_trap(struct vcpu *v)
{
	struct armvirt_sysreg_access acc;

	sysreg_decode(iss_of(v->arch.exit.esr), &acc);
	if (acc.is_write)
		acc.data = armvirt_switch_get_reg(&v->arch, acc.rt);
	if (armvirt_vtimer_sysreg_access(&v->timer, &acc) != ARMVIRT_OK)
		guest_stop(v, "system register access not emulated");
	if (!acc.is_write)
		armvirt_switch_set_reg(&v->arch, acc.rt, acc.data);
	armvirt_switch_skip_instr(&v->arch);
	return RUN_CONTINUE;
}

static enum run_action sync_exit(struct vcpu *v)
{
	uint64_t esr = v->arch.exit.esr;

	switch (ec_of(esr)) {
	case EC_HVC32:
	case EC_HVC64:
		return psci_call(v);
	case EC_SMC32:
	case EC_SMC64:
		armvirt_switch_skip_instr(&v->arch); /* a trapped SMC returns to itself */
		return psci_call(v);
	case EC_WFX:
		armvirt_switch_skip_instr(&v->arch);
		if (armvirt_field_get(esr, ISS_WFX_TI_SHIFT, ISS_WFX_TI_WIDTH) != ISS_WFX_TI_WFI)
			return RUN_YIELD; /* WFE: let another vCPU make progress */
		return vcpu_wakeup_pending(v) ? RUN_CONTINUE : RUN_BLOCK;
	case EC_SYS64:
		return sysreg_trap(v);
	case EC_DABT_LOW:
		guest_stop(v, "access outside RAM and emulated devices");
	default:
		guest_stop(v, "unhandled trap");
	}
}

enum run_action exit_handle(struct pcpu *p, struct vcpu *v, int kind)
{
	__atomic_fetch_add(&vm.exits_to_loop, 1, __ATOMIC_RELAXED);
	switch (kind) {
	case ARMVIRT_SWITCH_EXIT_SYNC:
		return sync_exit(v);
	case ARMVIRT_SWITCH_EXIT_IRQ:
	case ARMVIRT_SWITCH_EXIT_FIQ:
		sched_handle_host_irqs(p);
		return RUN_CONTINUE;
	default:
		guest_stop(v, "SError");
	}
}

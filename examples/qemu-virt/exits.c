/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Answering the guest's exits.
 *
 * Two paths answer an exit. The fast handlers (fast_*) run inside
 * armvirt_switch_run() on the exit path, with only the guest's
 * general-purpose registers saved: null hypercalls, the trapped ACTLR_EL1
 * and the console UART's registers. Everything else returns to the
 * scheduler's loop, which calls exit_handle(): lib/esr decodes the
 * syndrome, and by class: PSCI and the example's hypercalls, WFI/WFE,
 * system registers (lib/vtimer, then sysregs.c), data aborts on emulated
 * devices, aborts on nothing (an external abort for the guest),
 * interrupts, and the traps it does not handle, which stop the guest with
 * a diagnostic naming the decoded syndrome.
 */
#include <armvirt/err.h>
#include <armvirt/esr.h>
#include <armvirt/port.h>

#include "vm.h"

/* The guest's IPA space is 32 bits (stage2.c: VTCR_EL2.T0SZ = 32). */
#define GUEST_IPA_BITS 32u
/*
 * The MSR/MRS trap's ISS fields the fast path reads (Arm ARM, ESR_EL2, ISS
 * encoding for EC 0x18): Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn
 * [13:10], Rt [9:5], CRm [4:1], Direction [0].
 */
#define ISS_SYS_DIR_SHIFT 0
#define ISS_SYS_RT_SHIFT 5
#define ISS_SYS_RT_WIDTH 5
#define ISS_SYS(op0, op1, crn, crm, op2)                                                           \
	(((uint64_t)(op0) << 20) | ((uint64_t)(op2) << 17) | ((uint64_t)(op1) << 14) |             \
	 ((uint64_t)(crn) << 10) | ((uint64_t)(crm) << 1))
#define ISS_SYS_REG_MASK ISS_SYS(3, 7, 15, 15, 7)
#define ISS_SYS_ACTLR_EL1 ISS_SYS(3, 0, 1, 0, 1)
/* HPFAR_EL2.FIPA: IPA[51:12] in bits [43:4]. */
#define HPFAR_FIPA_SHIFT 4
#define HPFAR_FIPA_WIDTH 40
#define PAGE_OFFSET_MASK 0xfffull

static uint64_t esr_field(uint64_t esr, unsigned shift, unsigned width)
{
	return armvirt_field_get(esr, shift, width);
}

/* An ISV = 1 data abort as one device access; false if the syndrome does not describe it. */
static bool isv_access(const struct armvirt_vcpu *a, uint64_t esr, uint64_t ipa,
		       struct armvirt_mmio_access *acc)
{
	unsigned sas =
		(unsigned)esr_field(esr, ARMVIRT_ESR_DABT_SAS_SHIFT, ARMVIRT_ESR_DABT_SAS_WIDTH);
	unsigned srt =
		(unsigned)esr_field(esr, ARMVIRT_ESR_DABT_SRT_SHIFT, ARMVIRT_ESR_DABT_SRT_WIDTH);

	if (!esr_field(esr, ARMVIRT_ESR_DABT_ISV_SHIFT, ARMVIRT_ESR_DABT_ISV_WIDTH) ||
	    esr_field(esr, ARMVIRT_ESR_DABT_CM_SHIFT, ARMVIRT_ESR_DABT_CM_WIDTH) ||
	    esr_field(esr, ARMVIRT_ESR_DABT_S1PTW_SHIFT, ARMVIRT_ESR_DABT_S1PTW_WIDTH))
		return false;
	acc->addr = armvirt_ipa(ipa);
	acc->size = (uint8_t)(1u << sas);
	acc->is_write = esr_field(esr, ARMVIRT_ESR_DABT_WNR_SHIFT, ARMVIRT_ESR_DABT_WNR_WIDTH);
	acc->data = acc->is_write ? armvirt_switch_get_reg(a, srt) & ARMVIRT_MASK(0, 8u << sas) : 0;
	return true;
}

/* The load's register effect as the syndrome states it: SSE, SF, SRT. */
static void isv_complete(struct armvirt_vcpu *a, uint64_t esr,
			 const struct armvirt_mmio_access *acc)
{
	unsigned bits = 8u * acc->size;
	uint64_t v = acc->data & ARMVIRT_MASK(0, bits);

	if (!acc->is_write) {
		if (esr_field(esr, ARMVIRT_ESR_DABT_SSE_SHIFT, ARMVIRT_ESR_DABT_SSE_WIDTH))
			v = (uint64_t)armvirt_sign_extend(v, bits);
		if (!esr_field(esr, ARMVIRT_ESR_DABT_SF_SHIFT, ARMVIRT_ESR_DABT_SF_WIDTH))
			v &= ARMVIRT_MASK(0, 32);
		armvirt_switch_set_reg(a,
				       (unsigned)esr_field(esr, ARMVIRT_ESR_DABT_SRT_SHIFT,
							   ARMVIRT_ESR_DABT_SRT_WIDTH),
				       v);
	}
	armvirt_switch_skip_instr(a);
}

/* ---- fast path ---- */

static enum armvirt_switch_action fast_hvc(struct armvirt_vcpu *a,
					   const struct armvirt_switch_exit *e, void *arg)
{
	(void)e;
	(void)arg;
	if ((uint32_t)a->gp.x[0] != HYP_CALL_NULL_FAST)
		return ARMVIRT_SWITCH_EXIT;
	a->gp.x[0] = PSCI_SUCCESS;
	return ARMVIRT_SWITCH_RESUME;
}

/* ACTLR_EL1 (trapped by HCR_EL2.TACR) reads as zero and ignores writes. */
static enum armvirt_switch_action fast_sysreg(struct armvirt_vcpu *a,
					      const struct armvirt_switch_exit *e, void *arg)
{
	(void)arg;
	if ((e->esr & ISS_SYS_REG_MASK) != ISS_SYS_ACTLR_EL1)
		return ARMVIRT_SWITCH_EXIT;
	if (esr_field(e->esr, ISS_SYS_DIR_SHIFT, 1))
		armvirt_switch_set_reg(
			a, (unsigned)esr_field(e->esr, ISS_SYS_RT_SHIFT, ISS_SYS_RT_WIDTH), 0);
	armvirt_switch_skip_instr(a);
	return ARMVIRT_SWITCH_RESUME;
}

/*
 * The console UART, for accesses the syndrome describes. When the access
 * moved the UART's interrupt line, the loop must tell the vGIC before the
 * guest runs again: the access is done, and the exit says so.
 */
static enum armvirt_switch_action fast_dabt(struct armvirt_vcpu *a,
					    const struct armvirt_switch_exit *e, void *arg)
{
	struct vcpu *v = (struct vcpu *)a; /* arch is the first member */
	uint64_t ipa = (esr_field(e->hpfar, HPFAR_FIPA_SHIFT, HPFAR_FIPA_WIDTH) << 12) |
		       (e->far & PAGE_OFFSET_MASK);
	struct armvirt_mmio_access acc;
	bool uart;

	(void)arg;
	if (ipa < GUEST_UART_IPA || ipa >= GUEST_UART_IPA + 0x1000 ||
	    !isv_access(a, e->esr, ipa, &acc) || vdev_access(&acc, &uart) != 0)
		return ARMVIRT_SWITCH_EXIT;
	isv_complete(a, e->esr, &acc);
	if (vdev_uart_line_moved()) {
		v->fast_done = true;
		return ARMVIRT_SWITCH_EXIT;
	}
	return ARMVIRT_SWITCH_RESUME;
}

void exits_init(void)
{
	(void)armvirt_switch_set_handler(&vm.fast, ARMVIRT_ESR_EC_HVC64, fast_hvc);
	(void)armvirt_switch_set_handler(&vm.fast, ARMVIRT_ESR_EC_SYS64, fast_sysreg);
	(void)armvirt_switch_set_handler(&vm.fast, ARMVIRT_ESR_EC_DABT_LOW, fast_dabt);
}

/* ---- the exit loop ---- */

__attribute__((noreturn)) static void guest_stop(struct vcpu *v, const struct armvirt_esr *e,
						 const char *why)
{
	const struct armvirt_vcpu *a = &v->arch;
	char line[ARMVIRT_ESR_FORMAT_MAX];
	const char *name = armvirt_esr_trap_name(e);

	(void)armvirt_esr_format(e, line, sizeof(line));
	hyp_printf("armvirt-hyp: vCPU %u stopped: %s%s%s\n"
		   "  ESR_EL2 %016lx: %s\n"
		   "  FAR_EL2 %016lx HPFAR_EL2 %016lx PC %016lx PSTATE %08lx\n",
		   v->id, why, name ? ": " : "", name ? name : "", a->exit.esr, line, a->exit.far,
		   a->exit.hpfar, a->gp.pc, a->gp.pstate);
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

static enum run_action sysreg_trap(struct pcpu *p, struct vcpu *v, const struct armvirt_esr *e)
{
	struct armvirt_sysreg_access acc;
	int r;

	if (armvirt_esr_sysreg_access(e, &acc) != 0)
		guest_stop(v, e, "malformed system register trap");
	if (acc.is_write)
		acc.data = armvirt_switch_get_reg(&v->arch, acc.rt);
	r = sysreg_emulate(v, &acc);
	if (r == ARMVIRT_EINVAL) {
		inject_undef(p, v); /* the access is UNDEFINED */
		return RUN_CONTINUE;
	}
	if (r != ARMVIRT_OK)
		guest_stop(v, e, "system register not emulated");
	if (!acc.is_write)
		armvirt_switch_set_reg(&v->arch, acc.rt, acc.data);
	armvirt_switch_skip_instr(&v->arch);
	return RUN_CONTINUE;
}

static bool in_guest_ram(uint64_t ipa)
{
	return ipa >= GUEST_IPA_BASE && ipa - GUEST_IPA_BASE < vm.boot.ram_size;
}

static enum run_action data_abort(struct pcpu *p, struct vcpu *v, const struct armvirt_esr *e)
{
	struct armvirt_vcpu *a = &v->arch;
	struct armvirt_mmio_access acc;
	armvirt_ipa_t ipa;
	bool uart = false;
	int r;

	if (armvirt_esr_fault_ipa(e, a->exit.hpfar, a->exit.far, GUEST_IPA_BITS, &ipa) < 0)
		guest_stop(v, e, "data abort without a fault address");
	if (in_guest_ram(armvirt_ipa_val(ipa)))
		guest_stop(v, e, "stage-2 fault in guest RAM");
	if (e->u.dabt.s1ptw) {
		/* The guest's own page-table walk reached outside its RAM. */
		inject_data_abort(p, v, e->u.dabt.wnr, a->exit.far);
		return RUN_CONTINUE;
	}
	if (!isv_access(a, a->exit.esr, armvirt_ipa_val(ipa), &acc))
		guest_stop(v, e, "MMIO access the syndrome does not describe");
	r = vdev_access(&acc, &uart);
	if (r == ARMVIRT_ENOENT || r == ARMVIRT_EFAULT) {
		inject_data_abort(p, v, acc.is_write, a->exit.far);
		return RUN_CONTINUE;
	}
	if (r < 0)
		guest_stop(v, e, "device emulation failed");
	isv_complete(a, a->exit.esr, &acc);
	if (uart)
		vdev_uart_line_sync();
	return RUN_CONTINUE;
}

static enum run_action sync_exit(struct pcpu *p, struct vcpu *v)
{
	struct armvirt_esr e;

	(void)armvirt_esr_decode(v->arch.exit.esr, &e);
	switch (e.ec) {
	case ARMVIRT_ESR_EC_HVC32:
	case ARMVIRT_ESR_EC_HVC64:
		return psci_call(v);
	case ARMVIRT_ESR_EC_SMC32:
	case ARMVIRT_ESR_EC_SMC64:
		armvirt_switch_skip_instr(&v->arch); /* a trapped SMC returns to itself */
		return psci_call(v);
	case ARMVIRT_ESR_EC_WFX:
		armvirt_switch_skip_instr(&v->arch);
		if (e.u.wfx.ti != 0)
			return RUN_YIELD; /* WFE (WFIT/WFET are not trapped separately) */
		return vcpu_wakeup_pending(v) ? RUN_CONTINUE : RUN_BLOCK;
	case ARMVIRT_ESR_EC_SYS64:
		return sysreg_trap(p, v, &e);
	case ARMVIRT_ESR_EC_DABT_LOW:
		return data_abort(p, v, &e);
	case ARMVIRT_ESR_EC_IABT_LOW:
		/* Executing outside RAM: nothing there to fetch. */
		inject_instruction_abort(p, v, v->arch.exit.far);
		return RUN_CONTINUE;
	default:
		guest_stop(v, &e, "unhandled trap");
	}
}

enum run_action exit_handle(struct pcpu *p, struct vcpu *v, int kind)
{
	__atomic_fetch_add(&vm.exits_to_loop, 1, __ATOMIC_RELAXED);
	if (v->fast_done) {
		/* A fast handler completed the exit; only the UART's line is left. */
		v->fast_done = false;
		vdev_uart_line_sync();
		return RUN_CONTINUE;
	}
	switch (kind) {
	case ARMVIRT_SWITCH_EXIT_SYNC:
		return sync_exit(p, v);
	case ARMVIRT_SWITCH_EXIT_IRQ:
	case ARMVIRT_SWITCH_EXIT_FIQ:
		sched_handle_host_irqs(p);
		return RUN_CONTINUE;
	default: {
		struct armvirt_esr e;
		(void)armvirt_esr_decode(v->arch.exit.esr, &e);
		guest_stop(v, &e, "SError");
	}
	}
}

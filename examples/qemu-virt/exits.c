/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Answering the guest's exits.
 *
 * Two paths answer an exit. The fast handlers (fast_*) run inside
 * armvirt_switch_run() on the exit path, with only the guest's
 * general-purpose registers saved: the hypercalls answered from their
 * arguments alone (psci.c: unknown function IDs, the version and features
 * calls, the example's null call), the trapped ACTLR_EL1, the SGI
 * registers' writes, and the loads and stores the syndrome describes to the
 * UART, the virtio-mmio window and the GIC's frames; and the physical
 * interrupts that ask for nothing but the exit (a kick, the vCPU's
 * hardware timer, the maintenance interrupt). Everything else returns to
 * the scheduler's loop, which calls exit_handle(): lib/esr
 * decodes the syndrome, and by class: PSCI and the example's hypercalls, WFI/WFE,
 * system registers (lib/vtimer, lib/vgic, then sysregs.c), data aborts on
 * emulated devices (mmio.c), aborts on nothing (an external abort for the
 * guest), interrupts, and the traps it does not handle, which stop the
 * guest with a diagnostic naming the decoded syndrome.
 */
#include <armvirt/err.h>
#include <armvirt/esr.h>
#include <armvirt/mmio.h>
#include <armvirt/port.h>
#include <armvirt/vgic_regs.h>

#include "vm.h"

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
#define ISS_SYS_ICC_SGI1R_EL1 ISS_SYS(3, 0, 12, 11, 5)
#define ISS_SYS_ICC_ASGI1R_EL1 ISS_SYS(3, 0, 12, 11, 6)
#define ISS_SYS_ICC_SGI0R_EL1 ISS_SYS(3, 0, 12, 11, 7)
/* HPFAR_EL2.FIPA: IPA[51:12] in bits [43:4]. */
#define HPFAR_FIPA_SHIFT 4
#define HPFAR_FIPA_WIDTH 40
#define PAGE_OFFSET_MASK 0xfffull

static uint64_t esr_field(uint64_t esr, unsigned shift, unsigned width)
{
	return armvirt_field_get(esr, shift, width);
}

/* ---- fast path ---- */

/* The HVCs the vectors did not answer from vm.smccc (psci.c). */
static enum armvirt_switch_action fast_hvc(struct armvirt_vcpu *a,
					   const struct armvirt_switch_exit *e, void *arg)
{
	(void)e;
	(void)arg;
	return psci_call_fast(a) ? ARMVIRT_SWITCH_RESUME : ARMVIRT_SWITCH_EXIT;
}

/*
 * A guest's SGI (a write to ICC_SGI1R_EL1, ICC_ASGI1R_EL1 or ICC_SGI0R_EL1),
 * sent by the vGIC with the sender still in the guest (no sync or fill);
 * the loop is needed only when the sender itself must be synced and filled
 * (an SGI to itself), when a vCPU of this CPU was woken, or when the vGIC
 * refused.
 */
static enum armvirt_switch_action fast_sgi(struct armvirt_vcpu *a, uint64_t esr, uint32_t enc)
{
	struct vcpu *v = (struct vcpu *)a; /* arch is the first member */
	struct pcpu *p = (struct pcpu *)(uintptr_t)armvirt_port_read_tpidr_el2();
	struct armvirt_sysreg_access acc;
	int r;

	acc.enc = enc;
	acc.rt = (uint8_t)esr_field(esr, ISS_SYS_RT_SHIFT, ISS_SYS_RT_WIDTH);
	acc.is_write = true;
	acc.data = armvirt_switch_get_reg(a, acc.rt);
	r = virq_sysreg(p, v, &acc);
	if (r < 0)
		return ARMVIRT_SWITCH_EXIT; /* the loop decides: UNDEFINED, or a diagnostic */
	armvirt_switch_skip_instr(a);
	if (r > 0 || p->wake_local) {
		v->fast_done = true;
		return ARMVIRT_SWITCH_EXIT;
	}
	return ARMVIRT_SWITCH_RESUME;
}

/*
 * ACTLR_EL1 (trapped by HCR_EL2.TACR) reads as zero and ignores writes;
 * the SGI registers' writes go to fast_sgi().
 */
static enum armvirt_switch_action fast_sysreg(struct armvirt_vcpu *a,
					      const struct armvirt_switch_exit *e, void *arg)
{
	uint64_t reg = e->esr & ISS_SYS_REG_MASK;
	bool read = esr_field(e->esr, ISS_SYS_DIR_SHIFT, 1);

	(void)arg;
	if (!read && reg == ISS_SYS_ICC_SGI1R_EL1)
		return fast_sgi(a, e->esr, ARMVIRT_ICC_SGI1R_EL1_ENC);
	if (!read && reg == ISS_SYS_ICC_ASGI1R_EL1)
		return fast_sgi(a, e->esr, ARMVIRT_ICC_ASGI1R_EL1_ENC);
	if (!read && reg == ISS_SYS_ICC_SGI0R_EL1)
		return fast_sgi(a, e->esr, ARMVIRT_ICC_SGI0R_EL1_ENC);
	if (reg != ISS_SYS_ACTLR_EL1)
		return ARMVIRT_SWITCH_EXIT;
	if (read)
		armvirt_switch_set_reg(
			a, (unsigned)esr_field(e->esr, ISS_SYS_RT_SHIFT, ISS_SYS_RT_WIDTH), 0);
	armvirt_switch_skip_instr(a);
	return ARMVIRT_SWITCH_RESUME;
}

/* SPSR_EL2 fields a completed A64 access updates (Arm ARM C5.2.19): SS, BTYPE. */
#define SPSR_SS ARMVIRT_BIT(21)
#define SPSR_BTYPE_SHIFT 10
#define SPSR_BTYPE_WIDTH 2
/* The syndrome bits that leave the fast path: CM, S1PTW, and ISS2 (FEAT_LS64). */
#define DABT_SLOW_BITS                                                                             \
	(ARMVIRT_BIT(ARMVIRT_ESR_DABT_CM_SHIFT) | ARMVIRT_BIT(ARMVIRT_ESR_DABT_S1PTW_SHIFT) |      \
	 ~0xffffffffull)
/* SCTLR_EL1.EE (EL1 data endianness) and E0E (EL0's). */
#define SCTLR_E0E ARMVIRT_BIT(24)
#define SCTLR_EE ARMVIRT_BIT(25)

static bool in_range(uint64_t ipa, uint64_t base, uint64_t size)
{
	return ipa >= base && ipa - base < size;
}

/*
 * A load's value in its register (Arm ARM, ISS encoding for a data abort:
 * SSE sign-extends to the width SF names; a W register's upper half is 0).
 */
static uint64_t dabt_load_value(uint64_t esr, unsigned size, uint64_t data)
{
	unsigned bits = 8 * size;

	if (bits < 64)
		data &= (1ull << bits) - 1;
	if (bits < 64 && esr_field(esr, ARMVIRT_ESR_DABT_SSE_SHIFT, ARMVIRT_ESR_DABT_SSE_WIDTH) &&
	    (data >> (bits - 1)) & 1)
		data |= ~0ull << bits;
	if (!esr_field(esr, ARMVIRT_ESR_DABT_SF_SHIFT, ARMVIRT_ESR_DABT_SF_WIDTH))
		data &= 0xffffffffull;
	return data;
}

/*
 * Accesses the syndrome describes (ISV = 1: single-register loads and
 * stores, the common case) to the UART, the virtio-mmio window or the GIC's
 * frames, from a little-endian AArch64 guest, completed here. Everything
 * else (instruction decoding, big-endian data, AArch32, cache maintenance,
 * other devices, RAM) is mmio.c's, in the exit loop.
 *
 * A GIC access is made with the vCPU still in the guest, its list
 * registers live: the vGIC defers what must reach them and says so by
 * kicking the vCPU itself, and refuses (ARMVIRT_EBUSY) what needs the
 * guest's changes to them, which the loop then does between sync and fill.
 * When the access must reach the vCPU's own list registers, moved the
 * UART's interrupt line or woke another vCPU of this CPU, the loop must act
 * before the guest runs again: the access is done, and the exit says so.
 */
static enum armvirt_switch_action fast_dabt(struct armvirt_vcpu *a,
					    const struct armvirt_switch_exit *e, void *arg)
{
	struct vcpu *v = (struct vcpu *)a; /* arch is the first member */
	struct pcpu *p;
	uint64_t esr = e->esr;
	uint64_t ipa = (esr_field(e->hpfar, HPFAR_FIPA_SHIFT, HPFAR_FIPA_WIDTH) << 12) |
		       (e->far & PAGE_OFFSET_MASK);
	unsigned size =
		1u << esr_field(esr, ARMVIRT_ESR_DABT_SAS_SHIFT, ARMVIRT_ESR_DABT_SAS_WIDTH);
	unsigned rt =
		(unsigned)esr_field(esr, ARMVIRT_ESR_DABT_SRT_SHIFT, ARMVIRT_ESR_DABT_SRT_WIDTH);
	bool gic = in_range(ipa, GUEST_GIC_IPA, GUEST_GIC_SIZE);
	struct armvirt_mmio_access acc;
	bool uart = false, loop;
	int r;

	(void)arg;
	if (!gic && !in_range(ipa, GUEST_UART_IPA, 0x1000) &&
	    !in_range(ipa, GUEST_VIRTIO_IPA, GUEST_VIRTIO_STRIDE * GUEST_VIRTIO_COUNT))
		return ARMVIRT_SWITCH_EXIT;
	if (!esr_field(esr, ARMVIRT_ESR_DABT_ISV_SHIFT, ARMVIRT_ESR_DABT_ISV_WIDTH) ||
	    (esr & DABT_SLOW_BITS) || (ipa & (size - 1)) ||
	    armvirt_field_get(a->gp.pstate, ARMVIRT_SPSR_NRW_SHIFT, 1))
		return ARMVIRT_SWITCH_EXIT;
	/* The vCPU is loaded here and EL2 runs with E2H clear: SCTLR_EL1 is
	 * the guest's, live (what armvirt_switch_el1_read() would return). */
	if (armvirt_port_read_sctlr_el1() &
	    (armvirt_field_get(a->gp.pstate, ARMVIRT_SPSR_M_SHIFT, ARMVIRT_SPSR_M_WIDTH) ==
			     ARMVIRT_SPSR_M_EL0T
		     ? SCTLR_E0E
		     : SCTLR_EE))
		return ARMVIRT_SWITCH_EXIT;

	acc.addr = armvirt_ipa(ipa);
	acc.size = (uint8_t)size;
	acc.is_write = esr_field(esr, ARMVIRT_ESR_DABT_WNR_SHIFT, ARMVIRT_ESR_DABT_WNR_WIDTH);
	acc.data = acc.is_write ? armvirt_switch_get_reg(a, rt) : 0; /* 31: XZR */
	if (acc.is_write && size < 8)
		acc.data &= (1ull << (8 * size)) - 1;
	p = (struct pcpu *)(uintptr_t)armvirt_port_read_tpidr_el2();
	if (gic) {
		r = virq_mmio(p, v, &acc);
		loop = r > 0; /* the vCPU's own list registers must change */
	} else {
		r = vdev_access(&acc, &uart);
		loop = uart && vdev_uart_line_moved();
	}
	if (r < 0)
		return ARMVIRT_SWITCH_EXIT; /* the loop aborts it, or makes it after a sync */
	/* As armvirt_switch_set_reg() (31: XZR) and armvirt_switch_skip_instr()
	 * (an AArch64 instruction: IL is 1) would, in line. */
	if (!acc.is_write && rt < 31)
		a->gp.x[rt] = dabt_load_value(esr, size, acc.data);
	a->gp.pc += 4;
	a->gp.pstate =
		armvirt_field_set(a->gp.pstate & ~SPSR_SS, SPSR_BTYPE_SHIFT, SPSR_BTYPE_WIDTH, 0);
	if (loop || p->wake_local) {
		v->fast_done = true;
		return ARMVIRT_SWITCH_EXIT;
	}
	return ARMVIRT_SWITCH_RESUME;
}

/*
 * A physical interrupt while the guest ran. A kick from another CPU (a new
 * interrupt for this vCPU), its hardware timer or the maintenance interrupt
 * asks for nothing but the exit itself and the vGIC's sync and fill, done
 * here, unless the kick woke another vCPU of this CPU. The loop takes the
 * rest (sched_irq_fast()).
 */
static enum armvirt_switch_action fast_irq(struct armvirt_vcpu *a,
					   const struct armvirt_switch_exit *e, void *arg)
{
	struct vcpu *v = (struct vcpu *)a; /* arch is the first member */
	struct pcpu *p = (struct pcpu *)(uintptr_t)armvirt_port_read_tpidr_el2();

	(void)e;
	(void)arg;
	if (!sched_irq_fast(p, v))
		return ARMVIRT_SWITCH_EXIT;
	if (p->wake_local) {
		v->fast_done = true;
		return ARMVIRT_SWITCH_EXIT;
	}
	return ARMVIRT_SWITCH_RESUME;
}

void exits_init(void)
{
	vm.fast.irq = fast_irq;
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

bool vcpu_wakeup_pending(struct pcpu *p, struct vcpu *v)
{
	virq_timer_sync(p, v, 0);
	return virq_pending(v);
}

static enum run_action sysreg_trap(struct pcpu *p, struct vcpu *v, const struct armvirt_esr *e)
{
	struct armvirt_sysreg_access acc;
	int r;

	if (armvirt_esr_sysreg_access(e, &acc) != 0)
		guest_stop(v, e, "malformed system register trap");
	if (acc.is_write)
		acc.data = armvirt_switch_get_reg(&v->arch, acc.rt);
	r = armvirt_vtimer_sysreg_access(&v->timer, &acc);
	if (r == ARMVIRT_OK) {
		virq_timer_sync(p, v, 0);
		p->timer_dirty = true; /* an emulated timer may have a new deadline */
	}
	if (r == ARMVIRT_ENOENT)
		r = virq_sysreg(p, v, &acc);
	if (r > 0)
		r = ARMVIRT_OK; /* 1: the vGIC kicked a vCPU */
	if (r == ARMVIRT_ENOENT)
		r = sysreg_emulate(v, &acc);
	if (r == ARMVIRT_EINVAL || r == ARMVIRT_EFAULT) {
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

static enum run_action data_abort(struct pcpu *p, struct vcpu *v, const struct armvirt_esr *e)
{
	struct armvirt_vcpu *a = &v->arch;
	armvirt_ipa_t ipa;
	uint64_t pa;
	unsigned reason;
	bool uart;
	int r;

	r = armvirt_esr_fault_ipa(e, a->exit.hpfar, a->exit.far, GUEST_IPA_BITS, &ipa);
	if (r == ARMVIRT_ERANGE) {
		/* The guest's stage 1 sent it beyond its IPA space: nothing is there. */
		inject_data_abort(p, v, e->u.dabt.wnr, a->exit.far);
		return RUN_CONTINUE;
	}
	if (r < 0)
		guest_stop(v, e, "data abort without a fault address");
	if (stage2_is_ram(armvirt_ipa_val(ipa), &pa))
		guest_stop(v, e, "stage-2 fault in guest RAM");
	if (mmio_emulate(p, v, ipa, &uart, &reason) == MMIO_ABORT) {
		/* Nothing there, a device's refusal, or an access no device can take. */
		inject_data_abort(p, v, e->u.dabt.wnr, a->exit.far);
		return RUN_CONTINUE;
	}
	if (uart)
		vdev_uart_line_sync(p);
	return RUN_CONTINUE;
}

/*
 * The class alone routes the frequent exits (hypercalls, WFx); the full
 * decode is for the classes whose fields are needed, and for diagnostics.
 */
static enum run_action sync_exit(struct pcpu *p, struct vcpu *v)
{
	uint64_t esr = v->arch.exit.esr;
	unsigned ec = (unsigned)esr_field(esr, ARMVIRT_ESR_EC_SHIFT, ARMVIRT_ESR_EC_WIDTH);
	struct armvirt_esr e;

	switch (ec) {
	case ARMVIRT_ESR_EC_HVC32:
	case ARMVIRT_ESR_EC_HVC64:
		return psci_call(v);
	case ARMVIRT_ESR_EC_SMC32:
	case ARMVIRT_ESR_EC_SMC64:
		armvirt_switch_skip_instr(&v->arch); /* a trapped SMC returns to itself */
		return psci_call(v);
	case ARMVIRT_ESR_EC_WFX:
		armvirt_switch_skip_instr(&v->arch);
		if (esr_field(esr, ARMVIRT_ESR_WFX_TI_SHIFT, ARMVIRT_ESR_WFX_TI_WIDTH) != 0)
			return RUN_YIELD; /* WFE (WFIT/WFET are not trapped separately) */
		return vcpu_wakeup_pending(p, v) ? RUN_CONTINUE : RUN_BLOCK;
	case ARMVIRT_ESR_EC_IABT_LOW:
		/* Executing outside RAM: nothing there to fetch. */
		inject_instruction_abort(p, v, v->arch.exit.far);
		return RUN_CONTINUE;
	default:
		break;
	}
	(void)armvirt_esr_decode(esr, &e);
	switch (ec) {
	case ARMVIRT_ESR_EC_SYS64:
		return sysreg_trap(p, v, &e);
	case ARMVIRT_ESR_EC_DABT_LOW:
		return data_abort(p, v, &e);
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
		vdev_uart_line_sync(p);
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

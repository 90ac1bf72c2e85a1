/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The example hypervisor: boot, discover the machine, run the guest's
 * vCPUs on the boot CPU with lib/switch, and answer their exits.
 *
 * Two paths answer an exit. The fast handlers (fast_*) run inside
 * armvirt_switch_run() on the exit path, with only the guest's
 * general-purpose registers saved: null hypercalls, the trapped ACTLR_EL1
 * and the console UART's data register. Everything else returns to
 * run_guest()'s loop: PSCI, the example's other hypercalls, WFI/WFE, and
 * the traps it does not handle, which stop the guest with a diagnostic.
 * The loop also switches vCPUs every `switch_every` exits, so several vCPUs
 * share this CPU.
 */
#include <armvirt/esr_fields.h>
#include <armvirt/port.h>
#include <armvirt/switch.h>

#include "hyp.h"

#define MAX_VCPUS 8

/* Exception classes the example handles (Arm ARM D24.2.40, ESR_EL2.EC). */
#define EC_WFX 0x01
#define EC_HVC32 0x12
#define EC_SMC32 0x13
#define EC_HVC64 0x16
#define EC_SMC64 0x17
#define EC_SYS64 0x18
#define EC_DABT_LOW 0x24

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
#define GUEST_UART_IPA 0x09000000u
#define PL011_DR 0x000u
#define PL011_FR 0x018u
#define PL011_FR_TXFE_RXFE 0x90u

/*
 * MDCR_EL2: the PMU, OS lock and debug ROM registers are not switched, so
 * guests trap on them. (TDA would also trap MDSCR_EL1, which lib/switch
 * does switch; breakpoint and watchpoint registers stay the one guest's.)
 */
#define MDCR_EL2_TPMCR ARMVIRT_BIT(5)
#define MDCR_EL2_TPM ARMVIRT_BIT(6)
#define MDCR_EL2_TDOSA ARMVIRT_BIT(10)
#define MDCR_EL2_TDRA ARMVIRT_BIT(11)
/* CNTHCTL_EL2 (nVHE): EL1PCTEN and EL1PCEN, physical counter and timer at EL1. */
#define CNTHCTL_EL2_EL1PCTEN ARMVIRT_BIT(0)
#define CNTHCTL_EL2_EL1PCEN ARMVIRT_BIT(1)
/* MPIDR_EL1 bit 31 is RES1; the vCPU index is Aff0. */
#define MPIDR_RES1 ARMVIRT_BIT(31)
#define MPIDR_AFF_MASK 0xff00ffffffull

static struct machine mach;
static struct armvirt_switch_cpu cpus[HYP_MAX_CPUS];
static struct armvirt_vcpu vcpus[MAX_VCPUS];
static bool vcpu_on[MAX_VCPUS];
static unsigned nvcpus = 1, cur, switch_every = 16;
static struct armvirt_switch_handlers fast;
static uint64_t guest_hcr, guest_midr;
static uint64_t full_exits, switches;
static volatile bool stopping;

__attribute__((noreturn)) void hyp_poweroff(int status)
{
	if (!stopping) {
		stopping = true;
		if (status == 0)
			hyp_printf("armvirt-hyp: guest powered off\n");
		else
			hyp_printf("armvirt-hyp: stopping with status %d\n", status);
		/* QEMU started with -semihosting exits with the status; without it, HLT
		 * is undefined and the EL2 handler comes back here, stopping. */
		hyp_semihost_exit((uint64_t)status);
	}
	hyp_smc(PSCI_SYSTEM_OFF, 0, 0, 0);
	for (;;)
		armvirt_port_isb();
}

__attribute__((noreturn)) void hyp_panic(const char *fmt, ...)
{
	va_list ap;

	hyp_printf("armvirt-hyp: PANIC: ");
	va_start(ap, fmt);
	hyp_vprintf(fmt, ap);
	va_end(ap);
	hyp_printf("\n");
	hyp_poweroff(1);
}

/* EL2's own exceptions: a register dump, then stop. */
static int el2_exception(struct armvirt_switch_cpu *cpu, struct armvirt_switch_el2_frame *frame,
			 void *arg)
{
	static char text[1024];

	(void)arg;
	if (stopping)
		hyp_poweroff(1);
	(void)armvirt_switch_format_frame(frame, text, sizeof(text));
	hyp_printf("armvirt-hyp: fault on CPU %u\n%s", (unsigned)(cpu - cpus), text);
	hyp_panic("unexpected exception at EL2");
}

static unsigned ec_of(uint64_t esr)
{
	return (unsigned)armvirt_field_get(esr, ARMVIRT_ESR_EC_SHIFT, ARMVIRT_ESR_EC_WIDTH);
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
	uint32_t iss =
		(uint32_t)armvirt_field_get(e->esr, ARMVIRT_ESR_ISS_SHIFT, ARMVIRT_ESR_ISS_WIDTH);

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

/* ---- the exit loop ---- */

__attribute__((noreturn)) static void guest_stop(struct armvirt_vcpu *v, const char *why)
{
	hyp_printf("armvirt-hyp: vCPU %u stopped: %s\n"
		   "  esr=%016lx (EC %02x) far=%016lx hpfar=%016lx pc=%016lx pstate=%08lx\n",
		   (unsigned)(v - vcpus), why, v->exit.esr, ec_of(v->exit.esr), v->exit.far,
		   v->exit.hpfar, v->gp.pc, v->gp.pstate);
	hyp_poweroff(3);
}

static int vcpu_by_mpidr(uint64_t mpidr)
{
	for (unsigned i = 0; i < nvcpus; i++)
		if (((MPIDR_RES1 | i) & MPIDR_AFF_MASK) == (mpidr & MPIDR_AFF_MASK))
			return (int)i;
	return -1;
}

static void vcpu_start(unsigned i, uint64_t entry, uint64_t x0)
{
	if (armvirt_switch_vcpu_init(&vcpus[i], entry, x0, MPIDR_RES1 | i, guest_midr, guest_hcr,
				     &fast) != 0)
		hyp_panic("vCPU %u cannot be reset", i);
	vcpu_on[i] = true;
}

static bool psci_implemented(uint32_t fid)
{
	switch (fid) {
	case PSCI_VERSION:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
	case SMCCC_VERSION:
		return true;
	default:
		return false;
	}
}

/* PSCI, SMCCC and the example's hypercalls. Returns true to switch vCPU. */
static bool hypercall(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *v)
{
	uint32_t fid = (uint32_t)v->gp.x[0];
	int64_t ret = PSCI_NOT_SUPPORTED;
	int target;

	switch (fid) {
	case HYP_CALL_NULL_FAST:
	case HYP_CALL_NULL_FULL:
		ret = PSCI_SUCCESS;
		break;
	case HYP_CALL_YIELD:
		v->gp.x[0] = PSCI_SUCCESS;
		return true;
	case HYP_CALL_VCPU_COUNT:
		ret = nvcpus;
		break;
	case PSCI_VERSION:
	case SMCCC_VERSION:
		ret = 0x10001; /* 1.1 */
		break;
	case PSCI_FEATURES:
		ret = psci_implemented((uint32_t)v->gp.x[1]) ? PSCI_SUCCESS : PSCI_NOT_SUPPORTED;
		break;
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		target = vcpu_by_mpidr(v->gp.x[1]);
		if (target < 0)
			ret = PSCI_INVALID_PARAMETERS;
		else if (vcpu_on[target])
			ret = PSCI_ALREADY_ON;
		else {
			vcpu_start((unsigned)target, v->gp.x[2], v->gp.x[3]);
			ret = PSCI_SUCCESS;
		}
		break;
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		target = vcpu_by_mpidr(v->gp.x[1]);
		ret = target < 0 || v->gp.x[2] != 0 ? PSCI_INVALID_PARAMETERS
						    : (vcpu_on[target] ? 0 : 1);
		break;
	case PSCI_CPU_OFF:
		vcpu_on[v - vcpus] = false;
		armvirt_switch_vcpu_put(cpu);
		return true;
	case PSCI_SYSTEM_OFF:
		hyp_printf("armvirt-hyp: %lu exits to the loop, %lu vCPU switches\n", full_exits,
			   switches);
		hyp_poweroff(0);
	case PSCI_SYSTEM_RESET:
		hyp_printf("armvirt-hyp: the guest asked for a reset\n");
		hyp_smc(PSCI_SYSTEM_RESET, 0, 0, 0);
		hyp_poweroff(2);
	default:
		break;
	}
	v->gp.x[0] = (uint64_t)ret;
	return false;
}

/* Handle a full exit; true to switch to another vCPU. */
static bool handle_exit(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *v, int kind)
{
	switch (kind) {
	case ARMVIRT_SWITCH_EXIT_SYNC:
		break;
	case ARMVIRT_SWITCH_EXIT_IRQ:
	case ARMVIRT_SWITCH_EXIT_FIQ:
		return false; /* nothing is routed to EL2 yet: a spurious wake-up */
	default:
		guest_stop(v, "SError");
	}
	switch (ec_of(v->exit.esr)) {
	case EC_HVC32:
	case EC_HVC64:
		return hypercall(cpu, v);
	case EC_SMC32:
	case EC_SMC64:
		armvirt_switch_skip_instr(v); /* a trapped SMC returns to itself */
		return hypercall(cpu, v);
	case EC_WFX:
		armvirt_switch_skip_instr(v);
		return true;
	case EC_SYS64:
		guest_stop(v, "system register access not emulated");
	case EC_DABT_LOW:
		guest_stop(v, "access outside RAM and emulated devices");
	default:
		guest_stop(v, "unhandled trap");
	}
}

__attribute__((noreturn)) static void run_guest(struct armvirt_switch_cpu *cpu)
{
	unsigned since_switch = 0;

	for (;;) {
		struct armvirt_vcpu *v = &vcpus[cur];
		int kind;

		if (armvirt_switch_vcpu_load(cpu, v) != 0)
			hyp_panic("vCPU %u cannot be loaded", cur);
		kind = armvirt_switch_run(cpu, v);
		if (kind < 0)
			hyp_panic("run: %d", kind);
		full_exits++;
		if (handle_exit(cpu, v, kind) || ++since_switch >= switch_every || !vcpu_on[cur]) {
			unsigned next = cur;
			since_switch = 0;
			do {
				next = (next + 1) % nvcpus;
			} while (!vcpu_on[next] && next != cur);
			if (!vcpu_on[next])
				hyp_panic("every vCPU is off");
			switches += next != cur;
			cur = next;
		}
	}
}

void hyp_secondary_main(uint64_t cpu)
{
	if (armvirt_switch_cpu_init(&cpus[cpu], el2_exception, NULL) != 0)
		hyp_panic("CPU %lu: switch set-up failed", cpu);
	hyp_printf("armvirt-hyp: CPU %lu online (MPIDR %lx)\n", cpu, armvirt_port_read_mpidr_el1());
	for (;;)
		__asm__ volatile("wfe");
}

void hyp_main(uint64_t dtb)
{
	const void *fdt = (const void *)(uintptr_t)(dtb ? dtb : 0x40000000);
	uint64_t guest_ram;
	int err;

	hyp_printf("\narmvirt-hyp: example hypervisor at EL2, built on armvirt\n");
	if (armvirt_switch_cpu_init(&cpus[0], el2_exception, NULL) != 0)
		hyp_panic("switch set-up failed");
	err = machine_discover(fdt, &mach);
	if (err)
		hyp_panic("no usable device tree at %p (%d)", fdt, err);
	console_init(mach.uart);
	hyp_printf("armvirt-hyp: RAM %lx+%lx, GICv%u, %u CPUs, PSCI over %s, features %x\n",
		   mach.ram_base, mach.ram_size, mach.gic_version, mach.ncpus,
		   mach.psci_smc ? "SMC" : "HVC", cpus[0].features);
	if (mach.ram_base != GUEST_IPA_BASE || mach.ram_size < 128ull << 20)
		hyp_panic("expected at least 128 MiB of RAM at %llx", GUEST_IPA_BASE);

	nvcpus = (unsigned)machine_bootarg(&mach, "vcpus", 1);
	switch_every = (unsigned)machine_bootarg(&mach, "switch_every", 16);
	if (nvcpus < 1 || nvcpus > MAX_VCPUS || switch_every < 1)
		hyp_panic("bad vcpus=%u or switch_every=%u", nvcpus, switch_every);

	for (unsigned i = 1; i < mach.ncpus && mach.psci_smc; i++) {
		int64_t r = (int64_t)hyp_smc(PSCI_CPU_ON_64, mach.mpidr[i],
					     (uintptr_t)hyp_secondary_entry, i);
		if (r != PSCI_SUCCESS)
			hyp_printf("armvirt-hyp: CPU %u did not start (%ld)\n", i, r);
	}

	guest_ram = (mach.ram_base + mach.ram_size - GUEST_PA_BASE) & ~((2ull << 20) - 1);
	if (guest_ram > (2ull << 30))
		guest_ram = 2ull << 30;
	if (stage2_init(guest_ram, 1) != 0)
		hyp_panic("stage-2 set-up failed");
	if (*(volatile uint32_t *)(uintptr_t)(GUEST_PA_BASE + GUEST_ENTRY_OFFSET) == 0)
		hyp_panic("no guest image at PA %llx (load it with -device loader)",
			  GUEST_PA_BASE + GUEST_ENTRY_OFFSET);

	armvirt_port_write_mdcr_el2(MDCR_EL2_TPMCR | MDCR_EL2_TPM | MDCR_EL2_TDOSA | MDCR_EL2_TDRA);
	armvirt_port_write_cntvoff_el2(0);
	armvirt_port_write_cnthctl_el2(CNTHCTL_EL2_EL1PCTEN | CNTHCTL_EL2_EL1PCEN);
	guest_midr = armvirt_port_read_midr_el1();
	guest_hcr =
		ARMVIRT_BIT(ARMVIRT_HCR_EL2_VM_SHIFT) | ARMVIRT_BIT(ARMVIRT_HCR_EL2_SWIO_SHIFT) |
		ARMVIRT_BIT(ARMVIRT_HCR_EL2_FMO_SHIFT) | ARMVIRT_BIT(ARMVIRT_HCR_EL2_IMO_SHIFT) |
		ARMVIRT_BIT(ARMVIRT_HCR_EL2_AMO_SHIFT) | ARMVIRT_BIT(ARMVIRT_HCR_EL2_FB_SHIFT) |
		armvirt_field_set(0, ARMVIRT_HCR_EL2_BSU_SHIFT, ARMVIRT_HCR_EL2_BSU_WIDTH, 1) |
		ARMVIRT_BIT(ARMVIRT_HCR_EL2_TWI_SHIFT) | ARMVIRT_BIT(ARMVIRT_HCR_EL2_TWE_SHIFT) |
		ARMVIRT_BIT(ARMVIRT_HCR_EL2_TSC_SHIFT) | ARMVIRT_BIT(ARMVIRT_HCR_EL2_TACR_SHIFT) |
		ARMVIRT_BIT(ARMVIRT_HCR_EL2_RW_SHIFT);
	(void)armvirt_switch_set_handler(&fast, EC_HVC64, fast_hvc);
	(void)armvirt_switch_set_handler(&fast, EC_SYS64, fast_sysreg);
	(void)armvirt_switch_set_handler(&fast, EC_DABT_LOW, fast_dabt);

	hyp_printf("armvirt-hyp: guest RAM %llx+%lx at PA %llx, %u vCPU(s), switching every %u "
		   "exits\n",
		   GUEST_IPA_BASE, guest_ram, GUEST_PA_BASE, nvcpus, switch_every);
	vcpu_start(0, GUEST_IPA_BASE + GUEST_ENTRY_OFFSET, 0);
	run_guest(&cpus[0]);
}

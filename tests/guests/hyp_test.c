/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The hypervisor test guest: a bare-metal EL1 program for QEMU's virt
 * machine that checks, from the inside, the machine a hypervisor gives it:
 * its device tree, PSCI, MMIO emulation of every load/store class,
 * isolation, and the register state across exits and vCPU switches. It
 * prints one line per check and "N passed, M failed", then powers off
 * with PSCI SYSTEM_OFF.
 *
 * vCPU 0 boots with the device tree in x0 and runs the single-vCPU
 * sections, starts every other vCPU twice through PSCI (the first time
 * each reports in and turns itself off), then all vCPUs run the shared
 * sections in step (barrier()), and every vCPU but 0 turns itself off.
 * The boot arguments ("armvirt-test ...") select optional checks:
 * "mmio-isv0" the loads and stores a hypervisor can only emulate by
 * decoding the instruction (writeback, pairs, SIMD&FP; KVM, for one, does
 * not), "initrd-check" the initrd the runner generates, "input=TEXT" the
 * console input the runner types, "unhandled-trap" a trap the hypervisor
 * must stop the guest on.
 */
#include "state.h"
#include "tests.h"

#define VECTOR_SYNC 0u
#define VECTOR_IRQ 1u
#define VECTOR_KIND_MASK 3u
#define CONTEXT_INDEX_MASK 0xffu
#define CONTEXT_HELLO 0x5a00u
#define CPACR_ZEN (3ul << 16)

void guest_trap(struct frame *f, uint64_t vector);

extern volatile uint64_t hello_context[MAX_VCPUS], hello_mpidr[MAX_VCPUS];
extern volatile bool hello_may_turn_off[MAX_VCPUS];

static struct {
	volatile bool armed, taken;
	enum fault_resume how;
	uint64_t esr, far, elr;
} faults[MAX_VCPUS];
static irq_handler_fn irq_handlers[MAX_VCPUS];
static struct guest_dt dt;

void fault_expect(enum fault_resume how)
{
	unsigned id = vcpu_self();

	faults[id].how = how;
	faults[id].taken = false;
	faults[id].armed = true;
	__asm__ volatile("" ::: "memory");
}

struct fault_info fault_result(void)
{
	unsigned id = vcpu_self();
	struct fault_info r = { faults[id].taken, faults[id].esr, faults[id].far, faults[id].elr };

	faults[id].armed = false;
	return r;
}

void irq_set_handler(unsigned id, irq_handler_fn fn)
{
	irq_handlers[id] = fn;
}

static __attribute__((noreturn)) void unexpected(struct frame *f, uint64_t vector)
{
	out_lock();
	puts_("FAIL vcpu");
	putu(vcpu_self());
	puts_(": unexpected exception, vector ");
	putu(vector);
	puts_(" ESR_EL1 ");
	putx(READ_SYSREG("esr_el1"));
	puts_(" FAR_EL1 ");
	putx(READ_SYSREG("far_el1"));
	puts_(" ELR_EL1 ");
	putx(f->elr);
	putc_('\n');
	out_unlock();
	failed[vcpu_self()]++;
	report_and_power_off();
}

void guest_trap(struct frame *f, uint64_t vector)
{
	unsigned id = vcpu_self();

	switch (vector & VECTOR_KIND_MASK) {
	case VECTOR_SYNC:
		if (!faults[id].armed)
			unexpected(f, vector);
		faults[id].armed = false;
		faults[id].taken = true;
		faults[id].esr = READ_SYSREG("esr_el1");
		faults[id].far = READ_SYSREG("far_el1");
		faults[id].elr = f->elr;
		f->elr = faults[id].how == FAULT_RETURN ? f->x[30] : f->elr + 4;
		return;
	case VECTOR_IRQ:
		if (!irq_handlers[id])
			unexpected(f, vector);
		irq_handlers[id](id, f);
		return;
	default:
		unexpected(f, vector);
	}
}

/* What every vCPU runs, in step. */
static void shared_sections(unsigned id)
{
	char arg[2];

	barrier(id);
	mmio_checks(id, bootarg(&dt, "mmio-isv0", arg, sizeof(arg)));
	barrier(id);
	isolation_checks(id, &dt);
	barrier(id);
	irq_checks(id, &dt);
	timer_checks(id);
	barrier(id);
	state_checks(id);
	barrier(id);
}

void guest_secondary_main(uint64_t context)
{
	unsigned id = (unsigned)(context & CONTEXT_INDEX_MASK);

	if ((context & ~(uint64_t)CONTEXT_INDEX_MASK) == CONTEXT_HELLO) {
		/* First start: report what PSCI gave us, then CPU_OFF. */
		hello_mpidr[id] = READ_SYSREG("mpidr_el1");
		hello_context[id] = context;
		DSB();
		while (!hello_may_turn_off[id])
			__asm__ volatile("wfe" ::: "memory");
		hvc_call(PSCI_CPU_OFF, 0, 0, 0);
		check(id, false, "PSCI CPU_OFF returned", NULL, 0, 0);
		for (;;)
			__asm__ volatile("wfi");
	}
	shared_sections(id);
	vcpu_done[id] = true;
	__asm__ volatile("dsb ish; sev" ::: "memory");
	hvc_call(PSCI_CPU_OFF, 0, 0, 0);
	check(id, false, "PSCI CPU_OFF returned", NULL, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}

/*
 * An instruction the hypervisor does not handle: SVE (PTRUE P0.B), which
 * ID_AA64PFR0_EL1 hides from the guest but the CPU may have. Allowed at EL1
 * (CPACR_EL1.ZEN), it traps to EL2 (CPTR_EL2.TZ): the hypervisor must stop
 * the guest with a diagnostic. Without SVE it is UNDEFINED at EL1.
 */
static void unhandled_trap(void)
{
	WRITE_SYSREG("cpacr_el1", READ_SYSREG("cpacr_el1") | CPACR_ZEN);
	ISB();
	puts_("executing an SVE instruction\n");
	__asm__ volatile(".inst 0x2518e3e0" ::: "memory");
	check(0, false, "an SVE instruction returned to the guest", NULL, 0, 0);
}

void guest_main(uint64_t dtb)
{
	char arg[2];

	puts_("armvirt hypervisor test guest\n");
	dt_checks((const void *)dtb, &dt);
	if (bootarg(&dt, "unhandled-trap", arg, sizeof(arg)))
		unhandled_trap();
	guest_nvcpus = dt.ncpus >= 1 && dt.ncpus <= MAX_VCPUS ? dt.ncpus : 1;
	psci_checks();
	shared_sections(0);
	vcpu_done[0] = true;
	__asm__ volatile("dsb ish; sev" ::: "memory");
	for (unsigned i = 1; i < guest_nvcpus; i++) {
		while (hvc_call(PSCI_AFFINITY_INFO_64, MPIDR_RES1 | i, 0, 0) != PSCI_AFF_OFF)
			__asm__ volatile("wfe");
		check(0, vcpu_done[i], "PSCI", ": every vCPU finished and turned itself off", 1,
		      vcpu_done[i]);
	}
	report_and_power_off();
}

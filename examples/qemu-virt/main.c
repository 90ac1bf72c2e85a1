/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The example hypervisor: boot, discover the machine, load the guest, and
 * start every physical CPU's scheduler.
 *
 * Boot CPU: read QEMU's device tree (libfdt), set up the GIC, load the
 * guest from fw_cfg and write its device tree, build stage 2, set up the
 * VM's timers, give each vCPU a home CPU, then release the other CPUs.
 * Every CPU: lib/switch, its GIC CPU interface and EL2 registers, then its
 * scheduler loop (sched.c), which runs its vCPUs and answers their exits
 * (exits.c, psci.c).
 *
 * Options come from QEMU's -append (the hypervisor's own command line):
 * vcpus=N, slice_us=U (time slice), switch_every=K (also switch vCPUs every
 * K exits, a stress option).
 */
#include <armvirt/esr.h>
#include <armvirt/port.h>

#include "vm.h"

/*
 * MDCR_EL2: the PMU, OS lock and debug ROM registers are not switched, so
 * guests trap on them. (TDA would also trap MDSCR_EL1, which lib/switch
 * does switch; breakpoint and watchpoint registers stay the one guest's.)
 */
#define MDCR_EL2_TPMCR ARMVIRT_BIT(5)
#define MDCR_EL2_TPM ARMVIRT_BIT(6)
#define MDCR_EL2_TDOSA ARMVIRT_BIT(10)
#define MDCR_EL2_TDRA ARMVIRT_BIT(11)

#define DEFAULT_SLICE_US 2000u
#define GUEST_RAM_ALIGN (2ull << 20)
#define GUEST_RAM_MAX (2ull << 30)

struct vm vm;
static struct machine mach;
static volatile bool stopping, vm_ready;
static volatile unsigned cpus_online = 1;

__attribute__((noreturn)) void hyp_poweroff(int status)
{
	if (!__atomic_exchange_n(&stopping, true, __ATOMIC_ACQ_REL)) {
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
	static char text[1024], line[ARMVIRT_ESR_FORMAT_MAX];
	struct armvirt_esr e;

	(void)arg;
	if (stopping)
		hyp_poweroff(1);
	(void)armvirt_switch_format_frame(frame, text, sizeof(text));
	(void)armvirt_esr_decode(frame->esr, &e);
	(void)armvirt_esr_format(&e, line, sizeof(line));
	hyp_printf("armvirt-hyp: fault on CPU %u\n%s  %s\n", ((struct pcpu *)cpu)->id, text, line);
	hyp_panic("unexpected exception at EL2");
}

/* What every CPU sets up for itself before running vCPUs. */
static void cpu_start(struct pcpu *p)
{
	if (armvirt_switch_cpu_init(&p->sw, el2_exception, NULL) != 0)
		hyp_panic("CPU %u: switch set-up failed", p->id);
	if (gic_init_cpu(p->id, p->mpidr) != 0)
		hyp_panic("CPU %u: no GIC CPU interface for MPIDR %lx", p->id, p->mpidr);
	gic_enable(p->id, SGI_KICK, true);
	gic_enable(p->id, PPI_HYP_TIMER, false);
	if (vm.maint_intid)
		gic_enable(p->id, vm.maint_intid, false);
	virq_cpu_init(p);
	armvirt_port_write_mdcr_el2(MDCR_EL2_TPMCR | MDCR_EL2_TPM | MDCR_EL2_TDOSA | MDCR_EL2_TDRA);
	stage2_install();
}

void hyp_secondary_main(uint64_t cpu)
{
	struct pcpu *p = &vm.pcpus[cpu];

	while (!vm_ready)
		__asm__ volatile("wfe");
	cpu_start(p);
	__atomic_fetch_add(&cpus_online, 1, __ATOMIC_RELEASE);
	sched_loop(p);
}

static void start_secondaries(void)
{
	for (unsigned i = 1; i < vm.npcpus; i++) {
		int64_t r = (int64_t)hyp_smc(PSCI_CPU_ON_64, mach.mpidr[i],
					     (uintptr_t)hyp_secondary_entry, i);
		if (r != PSCI_SUCCESS)
			hyp_panic("CPU %u did not start (%ld)", i, r);
	}
}

static void vm_setup(void)
{
	vm.nvcpus = (unsigned)machine_bootarg(&mach, "vcpus", 1);
	vm.switch_every = (unsigned)machine_bootarg(&mach, "switch_every", 0);
	vm.slice_ticks = armvirt_port_read_cntfrq_el0() / 1000000u *
			 machine_bootarg(&mach, "slice_us", DEFAULT_SLICE_US);
	if (vm.nvcpus < 1 || vm.nvcpus > MAX_VCPUS || vm.slice_ticks == 0)
		hyp_panic("bad vcpus=%u or slice_us", vm.nvcpus);

	vm.boot.nvcpus = vm.nvcpus;
	vm.boot.gic_version = mach.gic_version;
	vm.boot.ram_size = (mach.ram_base + mach.ram_size - GUEST_PA_BASE) & ~(GUEST_RAM_ALIGN - 1);
	if (vm.boot.ram_size > GUEST_RAM_MAX)
		vm.boot.ram_size = GUEST_RAM_MAX;
	if (fwcfg_init(mach.fw_cfg) != 0)
		hyp_panic("no fw_cfg with DMA: cannot load the guest");
	if (guest_load(&vm.boot) != 0)
		hyp_panic("the guest could not be loaded");
	if (stage2_init(vm.boot.ram_size, mach.gic_version == 2 ? mach.gicv : 0,
			mach.gic_version == 2 ? GUEST_GICC_SIZE : 0) != 0)
		hyp_panic("stage-2 set-up failed");

	armvirt_vtimer_config_default(&vm.timer_cfg);
	if (armvirt_vtimer_vm_init(&vm.timer, &vm.timer_cfg) != 0)
		hyp_panic("timer set-up failed");

	vm.midr = armvirt_port_read_midr_el1();
	vm.hcr = ARMVIRT_BIT(ARMVIRT_HCR_EL2_VM_SHIFT) | ARMVIRT_BIT(ARMVIRT_HCR_EL2_SWIO_SHIFT) |
		 ARMVIRT_BIT(ARMVIRT_HCR_EL2_FMO_SHIFT) | ARMVIRT_BIT(ARMVIRT_HCR_EL2_IMO_SHIFT) |
		 ARMVIRT_BIT(ARMVIRT_HCR_EL2_AMO_SHIFT) | ARMVIRT_BIT(ARMVIRT_HCR_EL2_FB_SHIFT) |
		 armvirt_field_set(0, ARMVIRT_HCR_EL2_BSU_SHIFT, ARMVIRT_HCR_EL2_BSU_WIDTH, 1) |
		 ARMVIRT_BIT(ARMVIRT_HCR_EL2_TWI_SHIFT) | ARMVIRT_BIT(ARMVIRT_HCR_EL2_TWE_SHIFT) |
		 ARMVIRT_BIT(ARMVIRT_HCR_EL2_TSC_SHIFT) | ARMVIRT_BIT(ARMVIRT_HCR_EL2_TACR_SHIFT) |
		 ARMVIRT_BIT(ARMVIRT_HCR_EL2_TID3_SHIFT) | ARMVIRT_BIT(ARMVIRT_HCR_EL2_RW_SHIFT);
	exits_init();
	psci_init();
	vdev_init();

	for (unsigned i = 0; i < vm.npcpus; i++) {
		vm.pcpus[i].id = i;
		vm.pcpus[i].mpidr = mach.mpidr[i];
	}
	for (unsigned i = 0; i < vm.nvcpus; i++) {
		struct vcpu *v = &vm.vcpus[i];
		struct pcpu *home = &vm.pcpus[i % vm.npcpus];

		v->id = i;
		v->home = home;
		home->vcpus[home->nvcpus++] = v;
		if (armvirt_vtimer_vcpu_init(&v->timer, &vm.timer) != 0)
			hyp_panic("vCPU %u: timer set-up failed", i);
		vcpu_set_state(v, VCPU_OFF);
	}
	if (virq_init(&mach, vm.nvcpus) != 0)
		hyp_panic("virtual GIC set-up failed");
	vm.maint_intid = mach.gic_maint_intid;
	/* vCPU 0 starts at the kernel's entry with the device tree in x0. */
	vm.vcpus[0].on_entry = vm.boot.entry;
	vm.vcpus[0].on_context = vm.boot.dtb;
	vcpu_set_state(&vm.vcpus[0], VCPU_ON_PENDING);
}

void hyp_main(uint64_t dtb)
{
	const void *fdt = (const void *)(uintptr_t)(dtb ? dtb : 0x40000000);
	int err;

	hyp_printf("\narmvirt-hyp: example hypervisor at EL2, built on armvirt\n");
	err = machine_discover(fdt, &mach);
	if (err)
		hyp_panic("no usable device tree at %p (%d)", fdt, err);
	console_init(mach.uart);
	vm.npcpus = mach.psci_smc ? mach.ncpus : 1;
	hyp_printf("armvirt-hyp: RAM %lx+%lx, GICv%u, %u CPU(s), PSCI over %s\n", mach.ram_base,
		   mach.ram_size, mach.gic_version, vm.npcpus, mach.psci_smc ? "SMC" : "HVC");
	if (mach.ram_base != GUEST_IPA_BASE ||
	    mach.ram_base + mach.ram_size < GUEST_PA_BASE + (64ull << 20))
		hyp_panic("expected RAM at %llx reaching beyond %llx", GUEST_IPA_BASE,
			  GUEST_PA_BASE + (64ull << 20));
	if (gic_init(&mach) != 0)
		hyp_panic("GIC set-up failed");

	vm_setup();
	hyp_printf("armvirt-hyp: guest RAM %llx+%lx at PA %llx, %u vCPU(s) on %u CPU(s), "
		   "time slice %lu us\n",
		   GUEST_IPA_BASE, vm.boot.ram_size, GUEST_PA_BASE, vm.nvcpus, vm.npcpus,
		   vm.slice_ticks / (armvirt_port_read_cntfrq_el0() / 1000000u));
	cpu_start(&vm.pcpus[0]);
	if (mach.uart_intid) {
		/* Console input: the real UART interrupts the boot CPU. */
		vm.uart_intid = mach.uart_intid;
		gic_enable(0, mach.uart_intid, false);
		console_rx_enable(true);
		vdev_console_input(); /* what arrived before the interrupt was enabled */
	}
	start_secondaries();
	armvirt_port_dsb(ARMVIRT_PORT_ISH);
	vm_ready = true;
	__asm__ volatile("dsb ish; sev" ::: "memory");
	while (__atomic_load_n(&cpus_online, __ATOMIC_ACQUIRE) < vm.npcpus)
		__asm__ volatile("yield");
	hyp_printf("armvirt-hyp: %u CPU(s) online; starting the guest\n", vm.npcpus);
	sched_loop(&vm.pcpus[0]);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The exit-path benchmark: vCPU 0 measures each operation over many
 * iterations and prints one line per operation:
 *
 *   bench: name=hvc_null iters=10000 insns_per_op=95.2 gross=97.2
 *   bench: name=ipi unsupported reason="..."
 *
 * insns_per_op is the operation's cost with the guest's loop overhead
 * taken out; gross keeps it; the "loop" line gives the overhead itself.
 * Under -icount shift=0 a counter tick is a fixed number of instructions
 * (1e9 / CNTFRQ_EL0 of them), so the figures are instruction counts,
 * identical from run to run. An operation the hypervisor cannot do is
 * reported unsupported with the reason the guest observed, never with a
 * figure. "bench: begin name=X" precedes each operation, so that a runner
 * can attribute a stopped guest to the operation that stopped it.
 *
 * Boot arguments (/chosen/bootargs): "quick" (a short run), "iters=N",
 * "remote=V" (a vCPU on another physical CPU than vCPU 0, for the IPIs),
 * "local=V" (a vCPU sharing vCPU 0's physical CPU, for the switch),
 * "skip=NAME" (an operation not to attempt; one word each).
 */
#include "bench.h"

#define ITERS_FULL 10000u
#define ITERS_QUICK 100u
#define TIMER_ITERS_DIVISOR 10u /* timer iterations: a tenth of the others */
#define WARMUP_ITERS 8u
#define NO_VCPU 0xffu
#define NS_PER_S 1000000000ull
/* How long to wait for a peer or an interrupt before calling it unsupported. */
#define TIMEOUT_MS 200u
#define MS_PER_S 1000u
/* Timer deadlines: ahead of the arming code, and for WFI ahead of blocking too. */
#define TIMER_AHEAD_SPIN_TICKS 64u
#define TIMER_AHEAD_WFI_TICKS 1024u

/* CNTV_CTL_EL0 (Arm ARM D24.11.21). */
#define CNTV_CTL_ENABLE 1u
#define CNTV_CTL_IMASK 2u
#define DAIF_IRQ 2 /* the I bit, as an immediate of MSR DAIFSet/DAIFClr */

/* virtio-mmio (Virtual I/O Device 1.1, 4.2.2): the registers read and written. */
#define VIRTIO_MAGIC_VALUE 0x000u
#define VIRTIO_DEVICE_ID 0x008u
#define VIRTIO_STATUS 0x070u
#define VIRTIO_MAGIC 0x74726976u /* "virt" */
/* GICD_IIDR, at the same offset in GICv2 and GICv3. */
#define GICD_IIDR 0x008u

/* A peer vCPU's role (CPU_ON's context ID, bits [15:8]) and its state. */
#define CONTEXT_ROLE_SHIFT 8
#define CONTEXT_INDEX_MASK 0xffu
enum role { ROLE_REMOTE = 1, ROLE_SWITCH = 2 };
enum peer_state { PEER_OFF, PEER_READY, PEER_FAILED };
enum peer_cmd { CMD_WFI, CMD_SPIN, CMD_OFF };

static uint64_t tick_ns, iters, timer_iters;
static int64_t loop_tenths; /* the loop's overhead, in tenths of an instruction */
static const char *args;
static unsigned remote = NO_VCPU, local = NO_VCPU;
static bool gic_ok;

/* Written by each peer while it runs (vCPU 0 resets peer_state once PSCI says it is off). */
static volatile uint32_t peer_state[MAX_VCPUS];
static volatile uint32_t sgi_count[MAX_VCPUS];
static volatile uint32_t stray_irqs[MAX_VCPUS];
/* Written by vCPU 0. */
static volatile uint32_t peer_cmd[MAX_VCPUS];
static volatile uint32_t switch_stop;
/* The timer handler's records (vCPU 0 only). */
static volatile uint64_t timer_fired, timer_cval, timer_latency_sum;

static void begin(const char *name)
{
	puts_("bench: begin name=");
	puts_(name);
	puts_("\n");
}

static void unsupported(const char *name, const char *reason)
{
	puts_("bench: name=");
	puts_(name);
	puts_(" unsupported reason=\"");
	puts_(reason);
	puts_("\"\n");
}

void out_tenths(int64_t tenths)
{
	if (tenths < 0) {
		putc_('-');
		tenths = -tenths;
	}
	putu((uint64_t)tenths / 10);
	putc_('.');
	putc_((char)('0' + (uint64_t)tenths % 10));
}

static void report_tenths(const char *name, uint64_t n, int64_t net, int64_t gross)
{
	puts_("bench: name=");
	puts_(name);
	puts_(" iters=");
	putu(n);
	puts_(" insns_per_op=");
	out_tenths(net);
	puts_(" gross=");
	out_tenths(gross);
	puts_("\n");
}

/* @ticks for @n iterations of a loops.S loop: per operation, without and with the loop. */
static void report(const char *name, uint64_t n, uint64_t ticks)
{
	int64_t gross = (int64_t)(ticks * tick_ns * 10u / n);

	report_tenths(name, n, gross - loop_tenths, gross);
}

static bool skipped(const char *name)
{
	if (!arg_has(args, "skip", name))
		return false;
	puts_("bench: name=");
	puts_(name);
	puts_(" skipped\n");
	return true;
}

static uint64_t deadline_after_ms(uint64_t ms)
{
	return counter() + READ_SYSREG("cntfrq_el0") / MS_PER_S * ms;
}

static void cpu_yield(void)
{
	__asm__ volatile("yield" ::: "memory");
}

/* ---- operations on vCPU 0 alone ---- */

static void bench_loop(void)
{
	uint64_t ticks;

	begin("loop");
	(void)loop_empty(WARMUP_ITERS);
	ticks = loop_empty(iters);
	loop_tenths = (int64_t)(ticks * tick_ns * 10u / iters);
	report_tenths("loop", iters, loop_tenths, loop_tenths);
}

static void bench_hvc(const char *name, uint32_t fid, uint64_t expect)
{
	uint64_t r;

	if (skipped(name))
		return;
	begin(name);
	r = hvc_call(fid, 0, 0, 0);
	if (r != expect) {
		unsupported(name, "unexpected answer to the call");
		return;
	}
	(void)loop_hvc(WARMUP_ITERS, fid);
	report(name, iters, loop_hvc(iters, fid));
}

static void bench_psci_version(void)
{
	const char *name = "psci_version";
	uint64_t r;

	if (skipped(name))
		return;
	begin(name);
	r = hvc_call(PSCI_VERSION, 0, 0, 0);
	if (r == PSCI_RET_NOT_SUPPORTED || (r >> 31) != 0) {
		unsupported(name, "PSCI_VERSION is not answered");
		return;
	}
	(void)loop_hvc(WARMUP_ITERS, PSCI_VERSION);
	report(name, iters, loop_hvc(iters, PSCI_VERSION));
}

/* A 32-bit load of @addr, which must not abort: the caller probed it. */
static void measure_read(const char *name, uintptr_t addr)
{
	(void)loop_ldr32(WARMUP_ITERS, addr);
	report(name, iters, loop_ldr32(iters, addr));
}

static bool virtio_present(void)
{
	uint32_t v;

	return probe_read32(VIRTIO_BASE + VIRTIO_MAGIC_VALUE, &v) && v == VIRTIO_MAGIC;
}

/* The virtio-mmio transport's DeviceID register. */
static void bench_virtio_read(void)
{
	const char *name = "mmio_read";
	uint32_t v;

	if (skipped(name))
		return;
	begin(name);
	if (!virtio_present())
		unsupported(name, "no virtio-mmio transport at 0x0a000000");
	else if (!probe_read32(VIRTIO_BASE + VIRTIO_DEVICE_ID, &v))
		unsupported(name, "the DeviceID read aborted");
	else
		measure_read(name, VIRTIO_BASE + VIRTIO_DEVICE_ID);
}

/* Status <- 0 (a device reset, harmless on an empty transport), ISV = 1 or ISV = 0. */
static void bench_virtio_write(const char *name, bool post_indexed)
{
	uintptr_t addr = VIRTIO_BASE + VIRTIO_STATUS;
	bool ok;

	if (skipped(name))
		return;
	begin(name);
	if (!virtio_present()) {
		unsupported(name, "no virtio-mmio transport at 0x0a000000");
		return;
	}
	ok = post_indexed ? probe_write32_post(addr, 0) : probe_write32(addr, 0);
	if (!ok) {
		unsupported(name, post_indexed ? "the post-indexed store aborted (not decoded)"
					       : "the store aborted");
		return;
	}
	if (post_indexed) {
		(void)loop_str32_post(WARMUP_ITERS, addr, 0);
		report(name, iters, loop_str32_post(iters, addr, 0));
	} else {
		(void)loop_str32(WARMUP_ITERS, addr, 0);
		report(name, iters, loop_str32(iters, addr, 0));
	}
}

static void bench_gicd_read(void)
{
	const char *name = "gicd_read";
	uint32_t v;

	if (skipped(name))
		return;
	begin(name);
	if (!gic_ok)
		unsupported(name, "no emulated GIC distributor");
	else if (!probe_read32(GICD_BASE + GICD_IIDR, &v))
		unsupported(name, "the GICD_IIDR read aborted");
	else
		measure_read(name, GICD_BASE + GICD_IIDR);
}

/*
 * An EOI written with the spurious INTID, which the CPU interface ignores:
 * the cost of reaching the EOI register, the path every EOI takes (as in
 * kvm-unit-tests' micro-bench, the source of the KVM figure).
 */
static void bench_eoi(void)
{
	const char *name = "eoi";

	if (skipped(name))
		return;
	begin(name);
	if (!gic_ok) {
		unsupported(name, "no virtual GIC");
		return;
	}
	if (gic_version == 3) {
		(void)loop_eoi_v3(WARMUP_ITERS, INTID_SPURIOUS);
		report(name, iters, loop_eoi_v3(iters, INTID_SPURIOUS));
	} else {
		(void)loop_str32(WARMUP_ITERS, gic_eoir_addr(), INTID_SPURIOUS);
		report(name, iters, loop_str32(iters, gic_eoir_addr(), INTID_SPURIOUS));
	}
}

/* ---- the virtual timer ---- */

/*
 * The handler's precise entry time, from stamp_now(): the first counter
 * read happened at least STAMP_LEAD_INSNS + (spins - 1) * STAMP_SPIN_INSNS
 * instructions before the tick it ended on, and less than one more spin;
 * the middle of that window, minus the instant the counter reached CVAL,
 * is the latency (within STAMP_SPIN_INSNS / 2).
 */
static void timer_irq(void)
{
	struct stamp s;
	uint64_t at;

	stamp_now(&s);
	at = s.ticks * tick_ns - STAMP_LEAD_INSNS - (s.spins - 1) * STAMP_SPIN_INSNS -
	     STAMP_SPIN_INSNS / 2;
	WRITE_SYSREG("cntv_ctl_el0", CNTV_CTL_IMASK); /* the line falls before the EOI */
	ISB();
	timer_latency_sum += at - timer_cval * tick_ns;
	timer_fired++;
}

/* Arm the timer @ahead ticks from now and wait for its handler, spinning or in WFI. */
static bool timer_once(uint64_t ahead, bool wfi, uint64_t timeout)
{
	uint64_t before = timer_fired;

	timer_cval = counter() + ahead;
	WRITE_SYSREG("cntv_cval_el0", timer_cval);
	WRITE_SYSREG("cntv_ctl_el0", CNTV_CTL_ENABLE);
	ISB();
	while (timer_fired == before) {
		if (wfi)
			__asm__ volatile("wfi" ::: "memory");
		if (counter() > timeout) {
			WRITE_SYSREG("cntv_ctl_el0", 0);
			return false;
		}
	}
	return true;
}

static void bench_timer(const char *name, bool wfi)
{
	uint64_t ahead = wfi ? TIMER_AHEAD_WFI_TICKS : TIMER_AHEAD_SPIN_TICKS;
	bool ok = true;

	if (skipped(name))
		return;
	begin(name);
	if (!gic_ok) {
		unsupported(name, "no virtual GIC");
		return;
	}
	__asm__ volatile("msr daifclr, %0" : : "i"(DAIF_IRQ) : "memory");
	for (unsigned i = 0; ok && i < WARMUP_ITERS; i++)
		ok = timer_once(ahead, wfi, deadline_after_ms(TIMEOUT_MS));
	timer_latency_sum = 0;
	for (uint64_t i = 0; ok && i < timer_iters; i++)
		ok = timer_once(ahead, wfi, deadline_after_ms(TIMEOUT_MS));
	__asm__ volatile("msr daifset, %0" : : "i"(DAIF_IRQ) : "memory");
	WRITE_SYSREG("cntv_ctl_el0", 0);
	if (!ok) {
		unsupported(name, "the timer interrupt never reached the guest");
		return;
	}
	/* Measured from CVAL to the handler: there is no loop to take out. */
	report_tenths(name, timer_iters, (int64_t)(timer_latency_sum * 10u / timer_iters),
		      (int64_t)(timer_latency_sum * 10u / timer_iters));
}

/* ---- operations with a peer vCPU ---- */

static bool peer_start(unsigned v, enum role role)
{
	uint64_t timeout = deadline_after_ms(TIMEOUT_MS);
	uint64_t r;

	peer_cmd[v] = CMD_WFI;
	switch_stop = 0;
	r = hvc_call(PSCI_CPU_ON_64, v, (uintptr_t)guest_secondary_entry,
		     v | (uint64_t)role << CONTEXT_ROLE_SHIFT);
	if (r != PSCI_RET_SUCCESS)
		return false;
	while (peer_state[v] == PEER_OFF && counter() < timeout) {
		if (role == ROLE_SWITCH)
			(void)hvc_call(HYP_CALL_YIELD, 0, 0, 0);
		else
			cpu_yield();
	}
	return peer_state[v] == PEER_READY;
}

/* Tell the peer to turn itself off and wait until PSCI says it is. */
static void peer_stop(unsigned v, enum role role)
{
	uint64_t timeout = deadline_after_ms(TIMEOUT_MS);

	peer_cmd[v] = CMD_OFF;
	switch_stop = 1;
	if (role == ROLE_REMOTE && gic_ok)
		gic_send_sgi(v, SGI_BENCH); /* out of WFI */
	while (hvc_call(PSCI_AFFINITY_INFO_64, v, 0, 0) != PSCI_AFF_OFF) {
		if (counter() > timeout) {
			puts_("bench: error the peer vCPU did not turn off\n");
			power_off();
		}
		if (role == ROLE_SWITCH)
			(void)hvc_call(HYP_CALL_YIELD, 0, 0, 0);
		else
			cpu_yield();
	}
	peer_state[v] = PEER_OFF;
}

static uint64_t ipi_loop(uint64_t n)
{
	volatile uint32_t *ack = &sgi_count[remote];

	if (gic_version == 3)
		return loop_ipi_v3(n, gic_sgi_value(remote, SGI_BENCH), ack);
	return loop_ipi_v2(n, gic_sgir_addr(), (uint32_t)gic_sgi_value(remote, SGI_BENCH), ack);
}

/* One SGI, acknowledged within the timeout. */
static bool ipi_works(void)
{
	uint64_t timeout = deadline_after_ms(TIMEOUT_MS);
	uint32_t before = sgi_count[remote];

	gic_send_sgi(remote, SGI_BENCH);
	while (sgi_count[remote] == before)
		if (counter() > timeout)
			return false;
		else
			cpu_yield();
	return true;
}

/* The IPIs: to the remote peer while it spins, then while it waits in WFI. */
static void bench_ipis(void)
{
	static const char *const names[] = { "ipi", "ipi_wfi" };
	static const enum peer_cmd modes[] = { CMD_SPIN, CMD_WFI };
	const char *why = NULL;
	bool want = false;

	for (unsigned i = 0; i < 2; i++)
		want |= !skipped(names[i]);
	if (!want)
		return;
	if (!gic_ok)
		why = "no virtual GIC";
	else if (remote == NO_VCPU)
		why = "no vCPU on another physical CPU (boot argument remote=)";
	else if (!peer_start(remote, ROLE_REMOTE))
		why = "the peer vCPU did not start or found no GIC";
	for (unsigned i = 0; i < 2; i++) {
		if (arg_has(args, "skip", names[i]))
			continue;
		begin(names[i]);
		if (why) {
			unsupported(names[i], why);
			continue;
		}
		peer_cmd[remote] = modes[i];
		if (!ipi_works()) {
			unsupported(names[i], "the SGI never reached the peer's handler");
			continue;
		}
		(void)ipi_loop(WARMUP_ITERS);
		report(names[i], iters, ipi_loop(iters));
	}
	if (remote != NO_VCPU && peer_state[remote] != PEER_OFF)
		peer_stop(remote, ROLE_REMOTE);
}

/*
 * A switch between two vCPUs sharing one physical CPU: vCPU 0 and the
 * local peer hand the CPU to each other with the example hypervisor's
 * yield hypercall. An iteration is two switches, each from a guest HVC to
 * the other vCPU running; the peer's loop overhead is taken out with
 * vCPU 0's.
 */
static void bench_switch(void)
{
	const char *name = "vcpu_switch";
	uint64_t ticks;
	int64_t gross, net;

	if (skipped(name))
		return;
	begin(name);
	if (local == NO_VCPU) {
		unsupported(name, "no vCPU sharing vCPU 0's physical CPU (boot argument local=)");
		return;
	}
	if (!peer_start(local, ROLE_SWITCH)) {
		unsupported(name, "the peer vCPU did not start");
		return;
	}
	(void)loop_hvc(WARMUP_ITERS, HYP_CALL_YIELD);
	ticks = loop_hvc(iters, HYP_CALL_YIELD);
	peer_stop(local, ROLE_SWITCH);
	gross = (int64_t)(ticks * tick_ns * 10u / iters);
	net = (gross - loop_tenths - PEER_YIELD_LOOP_INSNS * 10) / 2;
	report_tenths(name, iters, net, gross / 2);
}

/* ---- the vCPUs ---- */

void bench_irq(void)
{
	unsigned self = vcpu_self();
	uint32_t iar = gic_ack();
	uint32_t intid = iar & INTID_MASK;

	if (intid >= INTID_SPURIOUS - 3u)
		return; /* spurious: nothing to end */
	if (intid == PPI_VTIMER && self == 0)
		timer_irq();
	else if (intid == SGI_BENCH)
		sgi_count[self]++;
	else
		stray_irqs[self]++;
	gic_eoi(iar);
}

void guest_secondary_main(uint64_t context)
{
	unsigned self = (unsigned)(context & CONTEXT_INDEX_MASK);
	enum role role = (enum role)(context >> CONTEXT_ROLE_SHIFT);

	if (role == ROLE_SWITCH) {
		peer_state[self] = PEER_READY;
		peer_yield_until(HYP_CALL_YIELD, &switch_stop);
	} else if (gic_init_cpu() != 0) {
		peer_state[self] = PEER_FAILED;
	} else {
		peer_state[self] = PEER_READY;
		__asm__ volatile("msr daifclr, %0" : : "i"(DAIF_IRQ) : "memory");
		for (;;) {
			uint32_t cmd = peer_cmd[self];
			if (cmd == CMD_OFF)
				break;
			if (cmd == CMD_SPIN)
				cpu_yield();
			else
				__asm__ volatile("wfi" ::: "memory");
		}
		__asm__ volatile("msr daifset, %0" : : "i"(DAIF_IRQ) : "memory");
	}
	(void)hvc_call(PSCI_CPU_OFF, 0, 0, 0);
	puts_("bench: error CPU_OFF returned\n");
	power_off();
}

void guest_main(uint64_t dtb)
{
	struct dt_info dt;
	uint64_t freq = READ_SYSREG("cntfrq_el0");
	bool quick;

	if (dt_read((const void *)(uintptr_t)dtb, &dt) != 0) {
		puts_("bench: error no device tree in x0\n");
		power_off();
	}
	if (freq == 0 || NS_PER_S % freq != 0) {
		puts_("bench: error the counter frequency does not divide 1 GHz\n");
		power_off();
	}
	tick_ns = NS_PER_S / freq;
	args = dt.bootargs;
	quick = arg_word(args, "quick");
	iters = arg_u64(args, "iters", quick ? ITERS_QUICK : ITERS_FULL);
	if (iters == 0)
		iters = 1;
	timer_iters = iters / TIMER_ITERS_DIVISOR ? iters / TIMER_ITERS_DIVISOR : 1;
	remote = (unsigned)arg_u64(args, "remote", NO_VCPU);
	local = (unsigned)arg_u64(args, "local", NO_VCPU);
	if (remote == 0 || remote >= MAX_VCPUS)
		remote = NO_VCPU;
	if (local == 0 || local >= MAX_VCPUS || local == remote)
		local = NO_VCPU;

	puts_("bench: start gic=");
	putu(dt.gic_version);
	puts_(" iters=");
	putu(iters);
	puts_(" timer_iters=");
	putu(timer_iters);
	puts_(" cntfrq=");
	putu(freq);
	puts_(" insns_per_tick=");
	putu(tick_ns);
	puts_("\n");

	gic_ok = gic_init_dist(dt.gic_version) == 0 && gic_init_cpu() == 0;

	bench_loop();
	bench_hvc("hvc_null", FID_UNKNOWN, PSCI_RET_NOT_SUPPORTED);
	bench_hvc("hvc_fast", HYP_CALL_NULL_FAST, PSCI_RET_SUCCESS);
	bench_psci_version();
	bench_virtio_read();
	bench_virtio_write("mmio_write", false);
	bench_virtio_write("mmio_write_isv0", true);
	bench_gicd_read();
	bench_eoi();
	bench_timer("vtimer", false);
	bench_timer("vtimer_wfi", true);
	bench_ipis();
	bench_switch();

	for (unsigned i = 0; i < MAX_VCPUS; i++)
		if (stray_irqs[i]) {
			puts_("bench: error unexpected interrupts on vCPU ");
			putu(i);
			puts_("\n");
		}
	puts_("bench: done\n");
	power_off();
}

/* SPDX-License-Identifier: BSD-3-Clause */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <armvirt/err.h>
#include <armvirt/port_host.h>

#include "arch.h"
#include "machine.h"
#include "rig.h"

/*
 * Distributor and redistributor offsets the guest uses (GICv3 12.9 and
 * 12.10, GICv2 4.3): GICD_CTLR, GICD_ISENABLER<n>, GICD_IPRIORITYR<n>, and
 * the redistributor's SGI frame 64 KB above RD_base.
 */
#define GICD_CTLR 0x0000u
#define GICD_ISENABLER 0x0100u
#define GICD_IPRIORITYR 0x0400u
#define GICR_SGI_FRAME 0x10000u

/* How many exits in a row one event may cause before it is a storm. */
#define STORM 8

struct rig rig;

unsigned rig_host_ppi(unsigned t)
{
	return t == 0 ? RIG_PPI_VIRT : RIG_PPI_PHYS;
}

/* The output of the hardware timer wired to host PPI @ppi. */
static bool host_ppi_asserted(unsigned ppi)
{
	for (unsigned t = 0; t < 2; t++) {
		if (rig_host_ppi(t) == ppi)
			return machine_hw_line(t);
	}
	return false;
}

/* Whether a hardware timer backs timer @t while the vCPU is loaded. */
static bool hw_mode(unsigned t)
{
	enum armvirt_vtimer_mode m = armvirt_vtimer_vm_mode(&rig.vm, (enum armvirt_vtimer_id)t);

	return m == ARMVIRT_VTIMER_MODE_DIRECT || m == ARMVIRT_VTIMER_MODE_TRAP_HW;
}

static bool host_ppi_wants_el2(void)
{
	for (unsigned t = 0; t < 2; t++) {
		unsigned p = rig_host_ppi(t);
		if (host_ppi_asserted(p) && !rig.host_active[p])
			return true;
	}
	return false;
}

static void guest_mmio_write(uint64_t addr, unsigned size, uint64_t value)
{
	struct armvirt_mmio_access a = { armvirt_ipa(addr), (uint8_t)size, true, value };

	assert_in_range(armvirt_vgic_mmio(&rig.gic, 0, &a, NULL), 0, 1);
}

static void guest_enable_ppi(enum armvirt_vgic_model model, unsigned intid)
{
	uint64_t frame = model == ARMVIRT_VGIC_V3 ? RIG_GICR + GICR_SGI_FRAME : RIG_GICD;

	guest_mmio_write(frame + GICD_ISENABLER, 4, UINT32_C(1) << intid);
	guest_mmio_write(frame + GICD_IPRIORITYR + intid, 1, RIG_PRIO);
}

void rig_init(enum armvirt_vgic_model model, enum sim_format f, unsigned nr_lrs, unsigned ecv,
	      uint64_t host, const struct armvirt_vtimer_config *cfg, unsigned eoimode)
{
	static uint64_t saved[ARMVIRT_HOST_REG_COUNT];
	struct armvirt_vgic_config gc = { 0 };

	memset(&rig, 0, sizeof(rig));
	/* Both simulations reset the one fake machine: keep the timer's registers. */
	machine_reset(host, ecv);
	for (unsigned r = 0; r < ARMVIRT_HOST_REG_COUNT; r++)
		saved[r] = armvirt_host_get((enum armvirt_host_reg)r);
	sim_reset(f, nr_lrs);
	for (unsigned r = 0; r < ARMVIRT_HOST_REG_COUNT; r++) {
		if (saved[r] != 0)
			armvirt_host_set((enum armvirt_host_reg)r, saved[r]);
	}

	assert_int_equal(armvirt_vtimer_vm_init(&rig.vm, cfg), ARMVIRT_OK);
	assert_int_equal(armvirt_vtimer_vcpu_init(&rig.timer, &rig.vm), ARMVIRT_OK);
	gc.model = model;
	gc.cpuif = f == SIM_ICH ? ARMVIRT_VGIC_CPUIF_ICH : ARMVIRT_VGIC_CPUIF_GICH;
	gc.gicd_base = armvirt_ipa(RIG_GICD);
	gc.gicr_base = armvirt_ipa(RIG_GICR);
	gc.iidr = ARMVIRT_VGIC_IIDR_DEFAULT;
	assert_int_equal(armvirt_vgic_init(&rig.gic, &gc, rig.gic_vcpu, 1, NULL, 0), 0);
	assert_int_equal(armvirt_vtimer_vgic_init(&rig.glue, &rig.timer, &rig.gic, 0), ARMVIRT_OK);
	armvirt_vgic_kicks_clear(&rig.kicks);

	/* The guest's interrupt setup: distributor on, both timer PPIs enabled. */
	guest_mmio_write(RIG_GICD + GICD_CTLR, 4, 3);
	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++)
		guest_enable_ppi(model, cfg->intid[t]);
	/* Its CPU interface, set up on a first run that the exit saves. */
	rig.eoimode = eoimode;
	assert_int_equal(armvirt_vgic_vcpu_load(&rig.gic, 0), 0);
	assert_in_range(armvirt_vgic_vcpu_fill(&rig.gic, 0, NULL), 0, 1);
	sim_set_pmr(0xff);
	sim_enable_groups(true, true);
	sim_set_eoimode(eoimode);
	assert_in_range(armvirt_vgic_vcpu_sync(&rig.gic, 0, NULL), 0, 1);
	assert_int_equal(armvirt_vgic_vcpu_put(&rig.gic, 0), 0);
}

/* The glue update, its requests applied; @loading: the first after a load. */
static void update(uint32_t taken, bool loading)
{
	struct armvirt_vtimer_vgic_phys p;

	rig.last_update = armvirt_vtimer_vgic_update(&rig.glue, taken, &rig.kicks, &p);
	assert_in_range(rig.last_update, 0, 1);
	assert_int_equal(p.activate & p.deactivate, 0);
	assert_int_equal((p.activate | p.deactivate) & 0xffffu, 0);
	rig.host_writes += (p.activate != 0) + (p.deactivate != 0);
	for (unsigned n = 16; n < 32; n++) {
		bool on = (p.activate >> n) & 1u, off = (p.deactivate >> n) & 1u;

		/* Only changes, but for the explicit state after a load. */
		if (!loading && (on || off))
			assert_int_equal(rig.host_active[n], off);
		if (on)
			rig.host_active[n] = true;
		if (off)
			rig.host_active[n] = false;
	}
}

void rig_update(uint32_t taken)
{
	update(taken, false);
}

/* EL2, about to enter the guest, takes every host PPI that is asserted and inactive. */
static void take_host_ppis(void)
{
	for (unsigned i = 0; i < STORM; i++) {
		uint32_t taken = 0;

		for (unsigned t = 0; t < 2; t++) {
			unsigned p = rig_host_ppi(t);
			if (host_ppi_asserted(p) && !rig.host_active[p]) {
				rig.host_active[p] = true; /* acknowledged, priority dropped */
				rig.el2_takes++;
				taken |= UINT32_C(1) << p;
			}
		}
		if (taken == 0)
			return;
		rig_update(taken);
	}
	fail_msg("host timer PPI storm at EL2");
}

static void enter_guest(void)
{
	take_host_ppis();
	assert_in_range(armvirt_vgic_vcpu_fill(&rig.gic, 0, &rig.kicks), 0, 1);
	assert_int_equal(armvirt_vgic_check(&rig.gic), 0);
	rig.in_guest = true;
}

void rig_exit(void)
{
	assert_true(rig.in_guest);
	assert_in_range(armvirt_vgic_vcpu_sync(&rig.gic, 0, &rig.kicks), 0, 1);
	assert_int_equal(armvirt_vgic_check(&rig.gic), 0);
	rig.in_guest = false;
	rig.exits++;
}

/*
 * Physical IRQs and maintenance interrupts preempt the guest at once. An IRQ
 * exit acknowledges the host PPI first and hands it to the glue
 * (enter_guest());
 * any other exit runs the glue as it is.
 */
static void guest_events(void)
{
	for (unsigned i = 0; i < STORM; i++) {
		if (!rig.in_guest)
			return;
		if (host_ppi_wants_el2()) {
			rig_exit();
		} else if (sim_misr() != 0) {
			rig_exit();
			rig_update(0);
		} else {
			return;
		}
		enter_guest();
	}
	fail_msg("exit storm");
}

void rig_enter(void)
{
	enter_guest();
	guest_events();
}

void rig_load(void)
{
	assert_false(rig.loaded);
	assert_int_equal(armvirt_vtimer_vcpu_load(&rig.timer), ARMVIRT_OK);
	assert_int_equal(armvirt_vgic_vcpu_load(&rig.gic, 0), 0);
	rig.loaded = true;
	update(0, true);
	rig_enter();
}

void rig_put(void)
{
	assert_true(rig.loaded);
	if (rig.in_guest)
		rig_exit();
	assert_int_equal(armvirt_vgic_vcpu_put(&rig.gic, 0), 0);
	assert_int_equal(armvirt_vtimer_vcpu_put(&rig.timer), ARMVIRT_OK);
	rig.loaded = false;
	rig_update(0);
	/* Nothing of the vCPU holds a host PPI of this CPU any more. */
	for (unsigned t = 0; t < 2; t++) {
		if (hw_mode(t))
			assert_false(rig.host_active[rig_host_ppi(t)]);
	}
}

void rig_bounce(void)
{
	rig_exit();
	rig_update(0);
	rig_enter();
}

void rig_advance(uint64_t ticks)
{
	machine_advance(ticks);
	guest_events();
}

void rig_hyp_timer(void)
{
	assert_false(rig.loaded);
	rig_update(0);
}

static void guest_access(struct armvirt_sysreg_access *acc)
{
	unsigned traps = machine_trap_count();

	assert_true(rig.in_guest);
	assert_int_equal(machine_guest_access(&rig.timer, acc), 0);
	if (machine_trap_count() != traps) {
		/* The trap was an exit; the emulation ran in it. */
		rig_exit();
		rig_update(0);
		enter_guest();
	}
	guest_events();
}

uint64_t rig_guest_read(uint32_t enc)
{
	struct armvirt_sysreg_access acc = { enc, 0, false, 0 };

	guest_access(&acc);
	return acc.data;
}

void rig_guest_write(uint32_t enc, uint64_t value)
{
	struct armvirt_sysreg_access acc = { enc, 0, true, value };

	guest_access(&acc);
}

unsigned rig_guest_ack(void)
{
	assert_true(rig.in_guest);
	guest_events();
	return sim_ack();
}

void rig_guest_end(unsigned iar)
{
	unsigned before = sim_phys_deactivations();
	enum sim_end r = sim_eoi(iar);

	assert_int_not_equal(r, SIM_IGNORED);
	if (rig.eoimode == 1)
		assert_int_equal(sim_dir(iar), SIM_DONE);
	if (sim_phys_deactivations() != before) {
		unsigned p = sim_last_pintid();

		assert_int_equal(sim_phys_deactivations(), before + 1);
		/* The HW bit deactivates the host PPI: it must have been active. */
		assert_true(rig.host_active[p]);
		rig.host_active[p] = false;
	}
	guest_events();
}

int rig_find_lr(unsigned intid)
{
	for (unsigned n = 0; n < sim_nr_lrs(); n++) {
		struct sim_lr l = sim_lr(n);
		if (l.state != 0 && l.intid == intid)
			return (int)n;
	}
	return -1;
}

struct armvirt_vgic_irq_info rig_irq(unsigned intid)
{
	struct armvirt_vgic_irq_info info;

	assert_int_equal(armvirt_vgic_get_irq(&rig.gic, 0, intid, &info), 0);
	return info;
}

void rig_check(const bool level[ARMVIRT_VTIMER_NR])
{
	struct armvirt_vtimer_lines l;

	assert_int_equal(armvirt_vtimer_lines(&rig.timer, &l), ARMVIRT_OK);
	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++) {
		const struct armvirt_vtimer_line *line = &l.line[t];
		struct armvirt_vgic_irq_info info = rig_irq(line->intid);
		int n = rig_find_lr(line->intid);

		assert_int_equal(line->hw_intid, rig_host_ppi(t));
		assert_int_equal(info.line_level, level[t]);
		/*
		 * Out of the guest, the vGIC still reports an interrupt whose
		 * list register copy is pending as pending after its line fell,
		 * until the next fill withdraws it: only a high line must show.
		 */
		if (!info.active && rig.in_guest)
			assert_int_equal(info.pending, level[t]);
		else if (!info.active && level[t])
			assert_true(info.pending);
		if (!line->hw)
			assert_false(info.hw);
		else if (!info.active)
			assert_true(info.hw);
		if (info.hw)
			assert_int_equal(info.pintid, line->hw_intid);
		if (line->hw)
			assert_int_equal(rig.host_active[line->hw_intid],
					 info.pending || info.active);
		else if (!rig.loaded && hw_mode(t))
			assert_false(rig.host_active[rig_host_ppi(t)]); /* given back at the put */
		if (rig.in_guest && sim_nr_lrs() >= 2 && (info.pending || info.active))
			assert_true(n >= 0); /* room for both timers */
		if (n >= 0) {
			struct sim_lr lr = sim_lr((unsigned)n);
			assert_int_equal(lr.hw, info.hw);
			if (lr.hw)
				assert_int_equal(lr.pintid, line->hw_intid);
			assert_int_equal(lr.prio, RIG_PRIO);
		}
	}
}

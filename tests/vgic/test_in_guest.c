/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Accesses made while the accessing vCPU is in the guest (between fill and
 * sync, its list registers live): each one is run twice on the same state,
 * once bracketed by sync and fill as an exit loop would, once in the guest
 * (with a sync and fill afterwards only when the vCPU kicked itself, or
 * around a retry when it was refused with ARMVIRT_EBUSY), and the two must
 * leave the guest the same: the value read, the other vCPUs kicked, the list
 * registers the guest resumes with, and what the guest then takes. A
 * refusal must change nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "harness.h"

#define ICC_DIR_EL1 0xC659u
#define ICC_SGI1R_EL1 0xC65Du
#define NR_LRS 4u
#define NR_VCPUS 3u
#define NR_SPIS 64u
#define PRIO 0x80u

/* The GIC registers the scenarios use, by offset in the GICv2/GICv3 specs. */
#define GICD_CTLR 0x000u
#define GICD_TYPER 0x004u
#define GICD_IIDR 0x008u
#define GICD_ISENABLER 0x100u
#define GICD_ICENABLER 0x180u
#define GICD_ISPENDR 0x200u
#define GICD_ICPENDR 0x280u
#define GICD_ISACTIVER 0x300u
#define GICD_ICACTIVER 0x380u
#define GICD_IPRIORITYR 0x400u
#define GICD_ICFGR 0xC00u
#define GICD_SGIR 0xF00u
#define GICD_CPENDSGIR 0xF10u
#define GICD_SPENDSGIR 0xF20u
#define GICD_PIDR2_V2 0xFE8u
#define GICD_PIDR2_V3 0xFFE8u
#define GICR_TYPER 0x008u
#define GICR_SGI 0x10000u
#define GICR_STRIDE 0x20000u

static bool v3;

/* Where vCPU @vcpu's private interrupt array register @gicd_off is. */
static uint64_t priv_reg(unsigned vcpu, uint32_t gicd_off)
{
	return v3 ? H_GICR + GICR_STRIDE * vcpu + GICR_SGI + gicd_off : H_GICD + gicd_off;
}

/* One access, as vCPU 0 unless said otherwise. */
struct access {
	bool sysreg;
	unsigned vcpu;
	uint64_t addr; /* MMIO address, or the system register encoding */
	unsigned size;
	bool write;
	uint64_t value;
};

static int do_access(const struct access *a, uint64_t *data)
{
	int r;

	if (a->sysreg) {
		struct armvirt_sysreg_access s = { (uint32_t)a->addr, 0, a->write, a->value };

		r = armvirt_vgic_sysreg(&h.gic, a->vcpu, &s, &h.kicks);
		*data = s.data;
	} else {
		struct armvirt_mmio_access m = { armvirt_ipa(a->addr), (uint8_t)a->size, a->write,
						 a->write ? a->value : 0x5a5a5a5a };

		r = armvirt_vgic_mmio(&h.gic, a->vcpu, &m, &h.kicks);
		*data = m.data;
	}
	return r;
}

/* What the guest sees after the access. */
struct outcome {
	int rc;
	bool busy, self_kicked;
	uint64_t data;
	uint64_t others; /* kicks of other vCPUs */
	struct sim_lr lr[NR_LRS];
	unsigned order[16], n;
	struct armvirt_vgic_irq_info info[32 + NR_SPIS];
};

/* The state every scenario starts from, vCPU 0 in the guest: SPIs 40-43
 * enabled, edge-triggered, routed to vCPU 0 (41 level-sensitive, its line
 * high); 40 and 41 pending in list registers, and the guest has taken 40
 * (active in its register, which the vGIC learns only at the next exit);
 * 44 pending but disabled; PPI 20 pending but disabled; SGIs pending from
 * (GICv2) CPUs 1 and 2 when @sgis. */
static void setup(bool model_v3, bool sgis)
{
	v3 = model_v3;
	h_init(v3 ? ARMVIRT_VGIC_V3 : ARMVIRT_VGIC_V2, v3 ? SIM_ICH : SIM_GICH, NR_LRS, NR_VCPUS,
	       NR_SPIS);
	for (unsigned i = 0; i < NR_VCPUS; i++) {
		h_load(i);
		assert_int_equal(armvirt_vgic_vcpu_put(&h.gic, i), 0);
	}
	assert_int_equal(armvirt_vgic_vcpu_load(&h.gic, 0), 0);
	h_setup_spis(40, 5, PRIO, 0);
	h_write(0, H_GICD + GICD_ICFGR + 8, 4, h_read(0, H_GICD + GICD_ICFGR + 8, 4) & ~(2u << 18));
	h_write(0, H_GICD + GICD_ICENABLER + 4, 4, 1u << 12);
	h_write(0, priv_reg(0, GICD_IPRIORITYR + 20), 1, PRIO);
	h_write(0, priv_reg(0, GICD_IPRIORITYR + 3), 1, PRIO);
	if (v3)
		h_write(0, priv_reg(0, 0x080), 4, 0xffffffffu); /* private IGROUPR0: Group 1 */
	assert_in_range(armvirt_vgic_inject(&h.gic, 0, 40, NULL), 0, 1);
	assert_in_range(armvirt_vgic_set_level(&h.gic, 0, 41, true, NULL), 0, 1);
	assert_in_range(armvirt_vgic_inject(&h.gic, 0, 44, NULL), 0, 1);
	assert_in_range(armvirt_vgic_inject(&h.gic, 0, 20, NULL), 0, 1);
	if (sgis && !v3) {
		h_write(1, H_GICD + GICD_SGIR, 4, (1u << 16) | 3); /* to CPU 0 */
		h_write(2, H_GICD + GICD_SGIR, 4, (1u << 16) | 3);
	} else if (sgis) {
		struct access a = { true, 1, ICC_SGI1R_EL1, 8, true, (3ull << 24) | 1 };
		uint64_t ignored;

		assert_in_range(do_access(&a, &ignored), 0, 1);
	}
	h_enter(0);
	assert_int_equal(sim_ack(), 40);
	armvirt_vgic_kicks_clear(&h.kicks);
}

static void record_after(struct outcome *o)
{
	for (unsigned i = 0; i < NR_LRS; i++)
		o->lr[i] = sim_lr(i);
	/* What the guest takes from here on (40, still active, is ended first). */
	(void)sim_eoi(40);
	if (sim_misr() != 0)
		h_bounce(0);
	/* Bounded: 41's line stays high, so it comes back after each EOI. */
	for (o->n = 0; o->n < 16; o->n++) {
		unsigned iar = h_take(0);

		if (iar == 1023)
			break;
		o->order[o->n] = iar;
		(void)sim_eoi(iar);
	}
	h_exit(0);
	for (unsigned i = 0; i < 32 + NR_SPIS; i++)
		assert_int_equal(armvirt_vgic_get_irq(&h.gic, 0, i, &o->info[i]), 0);
}

static uint64_t others_of(void)
{
	return h.kicks.bits[0] & ~1ull;
}

/* Bracketed: sync, access, fill. */
static void run_out(bool model_v3, bool sgis, const struct access *a, struct outcome *o)
{
	setup(model_v3, sgis);
	h_exit(0);
	armvirt_vgic_kicks_clear(&h.kicks);
	o->rc = do_access(a, &o->data);
	o->others = others_of();
	h_enter(0);
	record_after(o);
}

static struct harness snap;

/* In the guest: access; on a refusal, which must change nothing, the
 * bracketed retry; after a kick of itself, sync and fill. */
static void run_in(bool model_v3, bool sgis, const struct access *a, struct outcome *o)
{
	setup(model_v3, sgis);
	memcpy(&snap, &h, sizeof(snap));
	o->rc = do_access(a, &o->data);
	o->busy = o->rc == ARMVIRT_EBUSY;
	if (o->busy) {
		assert_memory_equal(&snap, &h, sizeof(snap));
		assert_int_equal(armvirt_vgic_check(&h.gic), 0);
		h_exit(0);
		o->rc = do_access(a, &o->data);
		o->others = others_of();
		h_enter(0);
	} else {
		o->others = others_of();
		o->self_kicked = armvirt_vgic_kicks_test(&h.kicks, 0);
		if (o->self_kicked)
			h_bounce(0);
	}
	record_after(o);
}

static void assert_same(const struct outcome *x, const struct outcome *y)
{
	/* 1 when the set gained a vCPU: in the guest that may be itself. */
	assert_int_equal(x->rc < 0, y->rc < 0);
	assert_int_equal(y->rc, (y->others != 0 || y->self_kicked) ? 1 : 0);
	assert_int_equal(x->data, y->data);
	assert_int_equal(x->others, y->others);
	for (unsigned i = 0; i < NR_LRS; i++) {
		assert_int_equal(x->lr[i].state, y->lr[i].state);
		if (x->lr[i].state == 0)
			continue;
		assert_int_equal(x->lr[i].intid, y->lr[i].intid);
		assert_int_equal(x->lr[i].cpuid, y->lr[i].cpuid);
		assert_int_equal(x->lr[i].prio, y->lr[i].prio);
		assert_int_equal(x->lr[i].group, y->lr[i].group);
	}
	assert_int_equal(x->n, y->n);
	assert_memory_equal(x->order, y->order, x->n * sizeof(x->order[0]));
	for (unsigned i = 0; i < 32 + NR_SPIS; i++) {
		assert_int_equal(x->info[i].pending, y->info[i].pending);
		assert_int_equal(x->info[i].active, y->info[i].active);
		assert_int_equal(x->info[i].enabled, y->info[i].enabled);
		assert_int_equal(x->info[i].priority, y->info[i].priority);
		assert_int_equal(x->info[i].edge, y->info[i].edge);
		assert_int_equal(x->info[i].sources, y->info[i].sources);
	}
}

enum expect { PLAIN, KICKS_SELF, BUSY };

/* Run @a both ways on both models (or one: @only 2 or 3) and compare. */
static void both(const struct access *a, enum expect e, bool sgis, unsigned only,
		 uint64_t (*addr_of)(void))
{
	for (unsigned m = 2; m <= 3; m++) {
		struct outcome out, in;
		struct access x = *a;

		if (only != 0 && only != m)
			continue;
		v3 = m == 3;
		if (addr_of != NULL)
			x.addr = addr_of();
		memset(&out, 0, sizeof(out));
		memset(&in, 0, sizeof(in));
		run_out(m == 3, sgis, &x, &out);
		run_in(m == 3, sgis, &x, &in);
		assert_in_range(out.rc, 0, 1);
		assert_int_equal(in.busy, e == BUSY);
		assert_int_equal(in.self_kicked, e == KICKS_SELF);
		assert_same(&out, &in);
	}
}

#define MMIO_R(off, sz)                                                                            \
	{                                                                                          \
		false, 0, H_GICD + (off), (sz), false, 0                                           \
	}
#define MMIO_W(off, sz, val)                                                                       \
	{                                                                                          \
		false, 0, H_GICD + (off), (sz), true, (val)                                        \
	}

/* Registers that report no interrupt's pending or active state read the
 * same in the guest, without a kick. */
static uint64_t a_pidr2(void)
{
	return H_GICD + (v3 ? GICD_PIDR2_V3 : GICD_PIDR2_V2);
}
static uint64_t a_own_typer(void)
{
	return v3 ? H_GICR + GICR_TYPER : H_GICD + GICD_TYPER;
}
static uint64_t a_ppi_enable(void)
{
	return priv_reg(0, GICD_ISENABLER);
}
static uint64_t a_ppi_prio(void)
{
	return priv_reg(0, GICD_IPRIORITYR + 20);
}

static void test_settings_read(void **state)
{
	static const struct access iidr = MMIO_R(GICD_IIDR, 4), typer = MMIO_R(GICD_TYPER, 4),
				   ctlr = MMIO_R(GICD_CTLR, 4),
				   prio = MMIO_R(GICD_IPRIORITYR + 40, 4),
				   cfg = MMIO_R(GICD_ICFGR + 8, 4),
				   en = MMIO_R(GICD_ISENABLER + 4, 4), any = MMIO_R(0, 4);

	(void)state;
	both(&iidr, PLAIN, false, 0, NULL);
	both(&typer, PLAIN, false, 0, NULL);
	both(&ctlr, PLAIN, false, 0, NULL);
	both(&prio, PLAIN, false, 0, NULL); /* 40 and 41 are in the list registers */
	both(&cfg, PLAIN, false, 0, NULL);
	both(&en, PLAIN, false, 0, NULL);
	both(&any, PLAIN, false, 0, a_pidr2);
	both(&any, PLAIN, false, 0, a_own_typer);
	both(&any, PLAIN, false, 0, a_ppi_enable);
}

/* Pending and active state: refused while an interrupt the read covers is in
 * flight on the reader (40 taken by the guest, 41 pending in a register);
 * read in place otherwise (SPIs 64-95; 44 pending but disabled). */
static void test_state_read(void **state)
{
	static const struct access ispend = MMIO_R(GICD_ISPENDR + 4, 4),
				   icpend = MMIO_R(GICD_ICPENDR + 4, 4),
				   isact = MMIO_R(GICD_ISACTIVER + 4, 4),
				   icact = MMIO_R(GICD_ICACTIVER + 4, 4),
				   quiet = MMIO_R(GICD_ISPENDR + 8, 4),
				   quiet_act = MMIO_R(GICD_ICACTIVER + 8, 4),
				   ppi_pend = MMIO_R(GICD_ISPENDR, 4);
	struct outcome o;

	(void)state;
	both(&ispend, BUSY, false, 0, NULL);
	both(&icpend, BUSY, false, 0, NULL);
	both(&isact, BUSY, false, 0, NULL);
	both(&icact, BUSY, false, 0, NULL);
	both(&quiet, PLAIN, false, 0, NULL);
	both(&quiet_act, PLAIN, false, 0, NULL);
	/* GICv2: SGIs and PPIs of vCPU 0, none in flight (PPI 20 disabled). */
	both(&ppi_pend, PLAIN, false, 2, NULL);

	/* The refused read, retried after the sync, sees what the guest did. */
	run_in(true, false, &isact, &o);
	assert_int_equal(o.data, 1u << 8);

	/* Another vCPU reads vCPU 0's state as of its last exit. */
	for (unsigned m = 2; m <= 3; m++) {
		struct access remote = ispend;
		uint64_t data;

		setup(m == 3, false);
		remote.vcpu = 1;
		assert_int_equal(do_access(&remote, &data), 0);
		assert_int_equal(data, (1u << 8) | (1u << 9) | (1u << 12));
	}
}

/* GICv2's banked SGI pending registers: a byte per SGI, a bit per source. */
static void test_v2_sgi_pending(void **state)
{
	static const struct access spend = MMIO_R(GICD_SPENDSGIR, 4),
				   cpend_one = MMIO_W(GICD_CPENDSGIR + 3, 1, 1u << 1),
				   cpend_all = MMIO_W(GICD_CPENDSGIR + 3, 1, 0x6),
				   cpend_other = MMIO_W(GICD_CPENDSGIR, 1, 0x6),
				   spend_more = MMIO_W(GICD_SPENDSGIR + 3, 1, 1u << 0);
	struct outcome o;

	(void)state;
	/* SGI 3 from CPUs 1 and 2 sits in two list registers. */
	run_in(false, true, &spend, &o);
	assert_true(o.busy);
	assert_int_equal(o.data, 0x6u << 24);
	both(&spend, BUSY, true, 2, NULL);
	/* Clearing one source of two: the request left for the sync would
	 * clear both, so it waits for the sync. */
	both(&cpend_one, BUSY, true, 2, NULL);
	both(&cpend_all, KICKS_SELF, true, 2, NULL);
	both(&cpend_other, PLAIN, true, 2, NULL);
	both(&spend_more, KICKS_SELF, true, 2, NULL);
}

/* Writes whose effect must reach the writer's live list registers kick it;
 * after its sync and fill it is where the bracketed write leaves it. */
static void test_writes(void **state)
{
	static const struct access clr_pend = MMIO_W(GICD_ICPENDR + 4, 4, 1u << 9),
				   clr_en = MMIO_W(GICD_ICENABLER + 4, 4, 1u << 9),
				   prio = MMIO_W(GICD_IPRIORITYR + 41, 1, 0x40),
				   same_prio = MMIO_W(GICD_IPRIORITYR + 41, 1, PRIO),
				   set_act = MMIO_W(GICD_ISACTIVER + 4, 4, 1u << 9),
				   clr_act = MMIO_W(GICD_ICACTIVER + 4, 4, 1u << 8),
				   set_act_taken = MMIO_W(GICD_ISACTIVER + 4, 4, 1u << 8),
				   set_pend = MMIO_W(GICD_ISPENDR + 4, 4, 1u << 10),
				   set_pend_lr = MMIO_W(GICD_ISPENDR + 4, 4, 1u << 8),
				   to_edge = MMIO_W(GICD_ICFGR + 8, 4, 0xaaaaaaaau),
				   en_spi = MMIO_W(GICD_ISENABLER + 4, 4, 1u << 12),
				   ctlr_off = MMIO_W(GICD_CTLR, 4, 0),
				   ctlr_same = MMIO_W(GICD_CTLR, 4, 3),
				   quiet_prio = MMIO_W(GICD_IPRIORITYR + 50, 1, 0x10),
				   any_en = MMIO_W(0, 4, 1u << 20), any_prio = MMIO_W(0, 1, 0x10);

	(void)state;
	both(&clr_pend, KICKS_SELF, false, 0, NULL);
	both(&clr_en, KICKS_SELF, false, 0, NULL);
	both(&prio, KICKS_SELF, false, 0, NULL);
	both(&same_prio, PLAIN, false, 0, NULL);
	both(&set_act, KICKS_SELF, false, 0, NULL);
	/* 40 was taken since the last exit: the vGIC's copy says pending. */
	both(&clr_act, KICKS_SELF, false, 0, NULL);
	both(&set_act_taken, KICKS_SELF, false, 0, NULL);
	/* A new pending interrupt with a list register free. */
	both(&set_pend, KICKS_SELF, false, 0, NULL);
	both(&set_pend_lr, KICKS_SELF, false, 0, NULL);
	both(&to_edge, KICKS_SELF, false, 0, NULL);
	both(&en_spi, KICKS_SELF, false, 0, NULL);
	both(&ctlr_off, KICKS_SELF, false, 0, NULL);
	both(&ctlr_same, PLAIN, false, 0, NULL);
	both(&quiet_prio, PLAIN, false, 0, NULL);
	/* Enabling the writer's own pending PPI kicks it. */
	both(&any_en, KICKS_SELF, false, 0, a_ppi_enable);
	both(&any_prio, PLAIN, false, 0, a_ppi_prio);
}

static uint64_t sgi1r(unsigned list, unsigned intid, bool irm)
{
	return ((uint64_t)irm << 40) | ((uint64_t)intid << 24) | list;
}

/* SGIs to the sender itself and to others, sent from the guest. */
static void test_sgis(void **state)
{
	static const struct access self3 = { true, 0, ICC_SGI1R_EL1, 8, true, 0 },
				   self2 = MMIO_W(GICD_SGIR, 4, (2u << 24) | 5),
				   others2 = MMIO_W(GICD_SGIR, 4, (1u << 24) | 5),
				   list2 = MMIO_W(GICD_SGIR, 4, (0x7u << 16) | 5);
	struct access a = self3;

	(void)state;
	a.value = sgi1r(1u << 0, 5, false);
	both(&a, KICKS_SELF, false, 3, NULL);
	a.value = sgi1r(0x6, 5, false);
	both(&a, PLAIN, false, 3, NULL);
	a.value = sgi1r(0, 5, true);
	both(&a, PLAIN, false, 3, NULL);
	a.value = sgi1r(0x7, 5, false);
	both(&a, KICKS_SELF, false, 3, NULL);
	/* SGI 3 is already pending in the list registers, from vCPU 1. */
	a.value = sgi1r(1u << 0, 3, false);
	both(&a, KICKS_SELF, true, 3, NULL);
	both(&self2, KICKS_SELF, false, 2, NULL);
	both(&others2, PLAIN, false, 2, NULL);
	both(&list2, KICKS_SELF, false, 2, NULL);
}

/* ICC_DIR_EL1 deactivates from the list registers' state and the guest's
 * EOImode: refused while they are live, done after the sync. */
static void test_dir(void **state)
{
	struct access dir = { true, 0, ICC_DIR_EL1, 8, true, 40 };
	struct outcome o;

	(void)state;
	both(&dir, BUSY, false, 3, NULL);
	setup(true, false);
	sim_set_eoimode(1);
	assert_int_equal(sim_eoi(40), SIM_DONE); /* priority drop only */
	memcpy(&snap, &h, sizeof(snap));
	assert_int_equal(do_access(&dir, &o.data), ARMVIRT_EBUSY);
	assert_memory_equal(&snap, &h, sizeof(snap));
	h_exit(0);
	assert_int_equal(do_access(&dir, &o.data), 0);
	assert_int_equal(armvirt_vgic_get_irq(&h.gic, 0, 40, &o.info[40]), 0);
	assert_false(o.info[40].active);
	h_enter(0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_settings_read),  cmocka_unit_test(test_state_read),
		cmocka_unit_test(test_v2_sgi_pending), cmocka_unit_test(test_writes),
		cmocka_unit_test(test_sgis),	       cmocka_unit_test(test_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

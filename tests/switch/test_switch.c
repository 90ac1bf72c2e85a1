/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lib/switch's C side against the recording port and the host stand-in for
 * its assembly: structure layout, CPU and vCPU set-up, what loading and
 * putting write to the machine, the exit dispatch and the lazy FP/SIMD
 * state machine. Expected values are worked from the Arm ARM by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <armvirt/err.h>
#include <armvirt/esr_fields.h>
#include <armvirt/port_host.h>
#include <armvirt/switch.h>
#include <armvirt/switch_host.h>

#include "asm_offsets.h"

static struct armvirt_switch_cpu cpu;
static struct armvirt_vcpu vcpu_a, vcpu_b;
static struct armvirt_switch_handlers table;

/* ESR values: EC in [31:26], IL in [25] (Arm ARM D24.2.40). */
#define ESR_HVC64 0x5a000000u	   /* EC 0x16, IL 1, imm16 0 */
#define ESR_FP_TRAP 0x1e000000u	   /* EC 0x07, IL 1 */
#define ESR_SYSREG 0x62000000u	   /* EC 0x18, IL 1 */
#define ESR_DABT_LOW 0x92000000u   /* EC 0x24, IL 1 */
#define ESR_T16_SYSREG 0x60000000u /* EC 0x18, IL 0 */

static int setup(void **state)
{
	(void)state;
	armvirt_host_reset();
	armvirt_switch_host_reset();
	memset(&cpu, 0, sizeof(cpu));
	memset(&vcpu_a, 0, sizeof(vcpu_a));
	memset(&vcpu_b, 0, sizeof(vcpu_b));
	memset(&table, 0, sizeof(table));
	return 0;
}

/* The layout the assembly relies on, computed by hand from the member types. */
static void test_layout(void **state)
{
	(void)state;
	assert_int_equal(VCPU_X0, 0);
	assert_int_equal(VCPU_PC, 31 * 8);
	assert_int_equal(VCPU_PSTATE, 32 * 8);
	assert_int_equal(VCPU_ESR, 33 * 8);
	assert_int_equal(VCPU_FAR, 34 * 8);
	assert_int_equal(VCPU_HPFAR, 35 * 8);
	assert_int_equal(VCPU_EXIT_KIND, 36 * 8);
	assert_int_equal(VCPU_EXIT_AARCH32, 36 * 8 + 4);
	assert_int_equal(CPU_RUNNING, 0);
	assert_int_equal(FPSIMD_V0, 0);
	assert_int_equal(FPSIMD_FPSR, 512);
	assert_int_equal(FPSIMD_FPCR, 520);
	assert_int_equal(sizeof(struct armvirt_switch_fpsimd), 528);
	assert_int_equal(EL2_FRAME_SP, 248);
	assert_int_equal(EL2_FRAME_ELR, 256);
	assert_int_equal(EL2_FRAME_ESR, 272);
	assert_int_equal(EL2_FRAME_KIND, 288);
	assert_int_equal(EL2_FRAME_SIZE, 304);
	assert_int_equal(_Alignof(struct armvirt_vcpu), 16);
	assert_int_equal(ARMVIRT_SWITCH_EL1_COUNT, 27 + 10 + 7);
}

static void test_cpu_init(void **state)
{
	(void)state;
	/* ID_AA64PFR0_EL1.EL1 = 2 (AArch32), SVE = 1; ID_AA64ISAR1_EL1.API = 1. */
	armvirt_host_set(ARMVIRT_HOST_REG_id_aa64pfr0_el1, 0x0000000100000021u);
	armvirt_host_set(ARMVIRT_HOST_REG_id_aa64isar1_el1, 0x100u);
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	assert_int_equal(cpu.features, ARMVIRT_SWITCH_FEAT_AARCH32 | ARMVIRT_SWITCH_FEAT_SVE |
					       ARMVIRT_SWITCH_FEAT_PAUTH);
	/* RES1 13, 9, 7:0; TZ (8), TSM (12), TTA (20) set; TFP (10) clear. */
	assert_int_equal(armvirt_host_get(ARMVIRT_HOST_REG_cptr_el2), 0x1033ffu);
	assert_int_equal(armvirt_host_get(ARMVIRT_HOST_REG_tpidr_el2), (uintptr_t)&cpu);
	assert_int_equal(armvirt_host_get(ARMVIRT_HOST_REG_vbar_el2) & 0x7ff, 0);
	assert_int_equal(cpu.fp_state, ARMVIRT_SWITCH_FP_HOST);
	assert_int_equal(armvirt_host_log_at(armvirt_host_log_count() - 1)->kind,
			 ARMVIRT_HOST_EV_ISB);

	armvirt_host_reset();
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	assert_int_equal(cpu.features, 0);
	/* ID_AA64ISAR2_EL1.APA3 = 1 is pointer authentication too. */
	armvirt_host_set(ARMVIRT_HOST_REG_id_aa64isar2_el1, 0x1000u);
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	assert_int_equal(cpu.features, ARMVIRT_SWITCH_FEAT_PAUTH);

	assert_int_equal(armvirt_switch_cpu_init(NULL, NULL, NULL), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_switch_cpu_init((struct armvirt_switch_cpu *)((char *)&cpu + 8),
						 NULL, NULL),
			 ARMVIRT_EINVAL);
}

static void test_vcpu_init(void **state)
{
	(void)state;
	memset(&vcpu_a, 0xa5, sizeof(vcpu_a));
	vcpu_a.loaded_on = NULL;
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0x40080000, 0x48000000, 0x80000001,
						  0x410fd034, 0x80000001, &table),
			 0);
	assert_int_equal(vcpu_a.gp.pc, 0x40080000);
	assert_int_equal(vcpu_a.gp.x[0], 0x48000000);
	for (int i = 1; i < 31; i++)
		assert_int_equal(vcpu_a.gp.x[i], 0);
	/* EL1h (M = 0b0101) with D, A, I, F masked (bits 9:6). */
	assert_int_equal(vcpu_a.gp.pstate, 0x3c5);
	/* SCTLR_EL1 RES1 bits of Armv8.0: 29, 28, 23, 22, 20, 11. */
	assert_int_equal(vcpu_a.el1[ARMVIRT_SWITCH_SCTLR_EL1], 0x30d00800);
	assert_int_equal(vcpu_a.el1[ARMVIRT_SWITCH_VMPIDR_EL2], 0x80000001);
	assert_int_equal(vcpu_a.el1[ARMVIRT_SWITCH_VPIDR_EL2], 0x410fd034);
	assert_int_equal(vcpu_a.el1[ARMVIRT_SWITCH_TTBR0_EL1], 0);
	assert_int_equal(vcpu_a.fp.v[31][1], 0);
	assert_int_equal(vcpu_a.fp.fpcr, 0);
	assert_int_equal(vcpu_a.hcr_el2, 0x80000001);
	assert_ptr_equal(vcpu_a.handlers, &table);
	assert_int_equal(vcpu_a.exits, 0);

	vcpu_a.loaded_on = &cpu;
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0, 0, 0, 0, 0, NULL), ARMVIRT_EBUSY);
	assert_int_equal(vcpu_a.gp.pc, 0x40080000);
	assert_int_equal(armvirt_switch_vcpu_init(NULL, 0, 0, 0, 0, 0, NULL), ARMVIRT_EINVAL);
}

/* Count the logged writes to @reg and return the last value written. */
static size_t writes_to(enum armvirt_host_reg reg, uint64_t *last)
{
	size_t n = 0;

	for (size_t i = 0; i < armvirt_host_log_count(); i++) {
		const struct armvirt_host_event *e = armvirt_host_log_at(i);
		if (e->kind == ARMVIRT_HOST_EV_WRITE && e->id == (uint32_t)reg) {
			n++;
			if (last)
				*last = e->value;
		}
	}
	return n;
}

static size_t count_kind(enum armvirt_host_event_kind kind)
{
	size_t n = 0;

	for (size_t i = 0; i < armvirt_host_log_count(); i++)
		n += armvirt_host_log_at(i)->kind == kind;
	return n;
}

/* The port register of each resident register, written out independently of the X-macro. */
static const enum armvirt_host_reg base_regs[] = {
	ARMVIRT_HOST_REG_sctlr_el1,   ARMVIRT_HOST_REG_actlr_el1,   ARMVIRT_HOST_REG_cpacr_el1,
	ARMVIRT_HOST_REG_ttbr0_el1,   ARMVIRT_HOST_REG_ttbr1_el1,   ARMVIRT_HOST_REG_tcr_el1,
	ARMVIRT_HOST_REG_esr_el1,     ARMVIRT_HOST_REG_afsr0_el1,   ARMVIRT_HOST_REG_afsr1_el1,
	ARMVIRT_HOST_REG_far_el1,     ARMVIRT_HOST_REG_par_el1,	    ARMVIRT_HOST_REG_mair_el1,
	ARMVIRT_HOST_REG_amair_el1,   ARMVIRT_HOST_REG_vbar_el1,    ARMVIRT_HOST_REG_contextidr_el1,
	ARMVIRT_HOST_REG_tpidr_el0,   ARMVIRT_HOST_REG_tpidrro_el0, ARMVIRT_HOST_REG_tpidr_el1,
	ARMVIRT_HOST_REG_cntkctl_el1, ARMVIRT_HOST_REG_csselr_el1,  ARMVIRT_HOST_REG_mdscr_el1,
	ARMVIRT_HOST_REG_sp_el0,      ARMVIRT_HOST_REG_sp_el1,	    ARMVIRT_HOST_REG_elr_el1,
	ARMVIRT_HOST_REG_spsr_el1,    ARMVIRT_HOST_REG_vmpidr_el2,  ARMVIRT_HOST_REG_vpidr_el2,
};
static const enum armvirt_host_reg pauth_regs[] = {
	ARMVIRT_HOST_REG_apiakeylo_el1, ARMVIRT_HOST_REG_apiakeyhi_el1,
	ARMVIRT_HOST_REG_apibkeylo_el1, ARMVIRT_HOST_REG_apibkeyhi_el1,
	ARMVIRT_HOST_REG_apdakeylo_el1, ARMVIRT_HOST_REG_apdakeyhi_el1,
	ARMVIRT_HOST_REG_apdbkeylo_el1, ARMVIRT_HOST_REG_apdbkeyhi_el1,
	ARMVIRT_HOST_REG_apgakeylo_el1, ARMVIRT_HOST_REG_apgakeyhi_el1,
};
static const enum armvirt_host_reg aarch32_regs[] = {
	ARMVIRT_HOST_REG_spsr_irq,    ARMVIRT_HOST_REG_spsr_abt,   ARMVIRT_HOST_REG_spsr_und,
	ARMVIRT_HOST_REG_spsr_fiq,    ARMVIRT_HOST_REG_dacr32_el2, ARMVIRT_HOST_REG_ifsr32_el2,
	ARMVIRT_HOST_REG_fpexc32_el2,
};
#define N_BASE (sizeof(base_regs) / sizeof(base_regs[0]))
#define N_PAUTH (sizeof(pauth_regs) / sizeof(pauth_regs[0]))
#define N_AARCH32 (sizeof(aarch32_regs) / sizeof(aarch32_regs[0]))

static uint64_t pattern(unsigned vcpu, unsigned i)
{
	return 0x0123456789abcdefu * (vcpu + 1) ^ ((uint64_t)i << 40) ^ i;
}

static void fill_el1(struct armvirt_vcpu *v, unsigned id)
{
	for (unsigned i = 0; i < ARMVIRT_SWITCH_EL1_COUNT; i++)
		v->el1[i] = pattern(id, i);
}

static void test_load_put_base(void **state)
{
	(void)state;
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_b, 0, 0, 1, 0, 0, NULL), 0);
	fill_el1(&vcpu_a, 0);
	fill_el1(&vcpu_b, 1);
	armvirt_host_log_clear();

	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_a), 0);
	/* Every base register written once, with vcpu_a's value; nothing else. */
	for (unsigned i = 0; i < N_BASE; i++) {
		uint64_t v = 0;
		assert_int_equal(writes_to(base_regs[i], &v), 1);
		assert_int_equal(v, pattern(0, i));
	}
	for (unsigned i = 0; i < N_PAUTH; i++)
		assert_int_equal(writes_to(pauth_regs[i], NULL), 0);
	for (unsigned i = 0; i < N_AARCH32; i++)
		assert_int_equal(writes_to(aarch32_regs[i], NULL), 0);
	assert_int_equal(armvirt_host_log_count(), N_BASE);
	assert_ptr_equal(cpu.loaded, &vcpu_a);
	assert_ptr_equal(vcpu_a.loaded_on, &cpu);

	/* Resuming the loaded vCPU costs nothing. */
	armvirt_host_log_clear();
	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_a), 0);
	assert_int_equal(armvirt_host_log_count(), 0);

	/* The guest changed its registers while loaded: switching saves them. */
	for (unsigned i = 0; i < N_BASE; i++)
		armvirt_host_set(base_regs[i], pattern(2, i));
	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_b), 0);
	for (unsigned i = 0; i < N_BASE; i++) {
		uint64_t v = 0;
		assert_int_equal(vcpu_a.el1[i], pattern(2, i));
		assert_int_equal(writes_to(base_regs[i], &v), 1);
		assert_int_equal(v, pattern(1, i));
		assert_int_equal(armvirt_host_get(base_regs[i]), pattern(1, i));
	}
	assert_null(vcpu_a.loaded_on);
	assert_ptr_equal(cpu.loaded, &vcpu_b);

	/* A vCPU loaded elsewhere is refused, and nothing changes. */
	{
		static struct armvirt_switch_cpu other;
		other.loaded = NULL;
		other.running = NULL;
		armvirt_host_log_clear();
		assert_int_equal(armvirt_switch_vcpu_load(&other, &vcpu_b), ARMVIRT_EBUSY);
		assert_int_equal(armvirt_host_log_count(), 0);
		assert_null(other.loaded);
	}

	armvirt_switch_vcpu_put(&cpu);
	assert_null(cpu.loaded);
	assert_null(vcpu_b.loaded_on);
	armvirt_host_log_clear();
	armvirt_switch_vcpu_put(&cpu);
	assert_int_equal(armvirt_host_log_count(), 0);
	assert_int_equal(armvirt_switch_vcpu_load(NULL, &vcpu_a), ARMVIRT_EINVAL);
}

static void test_load_put_features(void **state)
{
	(void)state;
	armvirt_host_set(ARMVIRT_HOST_REG_id_aa64pfr0_el1, 0x21u);
	armvirt_host_set(ARMVIRT_HOST_REG_id_aa64isar1_el1, 0x10u); /* APA */
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0, 0, 0, 0, 0, NULL), 0);
	fill_el1(&vcpu_a, 3);
	armvirt_host_log_clear();
	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_a), 0);
	assert_int_equal(armvirt_host_log_count(), N_BASE + N_PAUTH + N_AARCH32);
	for (unsigned i = 0; i < N_PAUTH; i++) {
		uint64_t v = 0;
		assert_int_equal(writes_to(pauth_regs[i], &v), 1);
		assert_int_equal(v, pattern(3, N_BASE + i));
	}
	for (unsigned i = 0; i < N_AARCH32; i++) {
		uint64_t v = 0;
		assert_int_equal(writes_to(aarch32_regs[i], &v), 1);
		assert_int_equal(v, pattern(3, N_BASE + N_PAUTH + i));
	}
	armvirt_host_set(ARMVIRT_HOST_REG_apgakeyhi_el1, 0x5a5a);
	armvirt_host_set(ARMVIRT_HOST_REG_fpexc32_el2, 0x40000700);
	armvirt_switch_vcpu_put(&cpu);
	assert_int_equal(vcpu_a.el1[ARMVIRT_SWITCH_APGAKEYHI_EL1], 0x5a5a);
	assert_int_equal(vcpu_a.el1[ARMVIRT_SWITCH_FPEXC32_EL2], 0x40000700);
}

static void test_el1_access(void **state)
{
	(void)state;
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0, 0, 0, 0, 0, NULL), 0);
	/* Not loaded: memory. */
	assert_int_equal(
		armvirt_switch_el1_write(&cpu, &vcpu_a, ARMVIRT_SWITCH_ESR_EL1, 0x96000010), 0);
	assert_int_equal(vcpu_a.el1[ARMVIRT_SWITCH_ESR_EL1], 0x96000010);
	assert_int_equal(armvirt_switch_el1_read(&cpu, &vcpu_a, ARMVIRT_SWITCH_ESR_EL1),
			 0x96000010);
	/* Loaded: the hardware, and memory goes stale until put. */
	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_a), 0);
	assert_int_equal(armvirt_switch_el1_write(&cpu, &vcpu_a, ARMVIRT_SWITCH_FAR_EL1, 0x9000018),
			 0);
	assert_int_equal(armvirt_host_get(ARMVIRT_HOST_REG_far_el1), 0x9000018);
	assert_int_equal(vcpu_a.el1[ARMVIRT_SWITCH_FAR_EL1], 0);
	armvirt_host_set(ARMVIRT_HOST_REG_vbar_el1, 0x40081000);
	assert_int_equal(armvirt_switch_el1_read(&cpu, &vcpu_a, ARMVIRT_SWITCH_VBAR_EL1),
			 0x40081000);
	/* PAuth absent on this CPU. */
	assert_int_equal(armvirt_switch_el1_write(&cpu, &vcpu_a, ARMVIRT_SWITCH_APIAKEYLO_EL1, 1),
			 ARMVIRT_ENOTSUP);
	assert_int_equal(armvirt_switch_el1_read(&cpu, &vcpu_a, ARMVIRT_SWITCH_APIAKEYLO_EL1), 0);
	assert_int_equal(armvirt_switch_el1_write(&cpu, &vcpu_a, ARMVIRT_SWITCH_EL1_COUNT, 1),
			 ARMVIRT_EINVAL);
	assert_int_equal(armvirt_switch_el1_read(&cpu, &vcpu_a, ARMVIRT_SWITCH_EL1_COUNT), 0);
	armvirt_switch_vcpu_put(&cpu);
	assert_int_equal(vcpu_a.el1[ARMVIRT_SWITCH_FAR_EL1], 0x9000018);
	assert_int_equal(vcpu_a.el1[ARMVIRT_SWITCH_VBAR_EL1], 0x40081000);
}

/* A guest that issues HVC #0 with x0 = its iteration, @n times, then WFI-traps (EC 0x01). */
struct hvc_guest {
	unsigned n;
	unsigned done;
};

static uint32_t hvc_guest_fn(struct armvirt_vcpu *v, void *arg)
{
	struct hvc_guest *g = arg;

	if (g->done < g->n) {
		v->gp.x[0] = g->done++;
		v->gp.pc += 4; /* HVC's preferred return is the next instruction */
		armvirt_host_set(ARMVIRT_HOST_REG_esr_el2, ESR_HVC64);
	} else {
		armvirt_host_set(ARMVIRT_HOST_REG_esr_el2, 0x06000001u); /* WFE/WFI, EC 0x01 */
	}
	armvirt_host_set(ARMVIRT_HOST_REG_far_el2, 0xfa);
	armvirt_host_set(ARMVIRT_HOST_REG_hpfar_el2, 0x4000);
	return ARMVIRT_SWITCH_EXIT_SYNC;
}

static unsigned hvc_seen;
static enum armvirt_switch_action hvc_fast(struct armvirt_vcpu *v,
					   const struct armvirt_switch_exit *e, void *arg)
{
	assert_ptr_equal(arg, &hvc_seen);
	assert_int_equal(e->esr, ESR_HVC64);
	assert_int_equal(v->gp.x[0], hvc_seen);
	hvc_seen++;
	v->gp.x[0] = 0; /* SMCCC success */
	/* Exit to the loop on the 5th call. */
	return hvc_seen == 5 ? ARMVIRT_SWITCH_EXIT : ARMVIRT_SWITCH_RESUME;
}

static void test_run_dispatch(void **state)
{
	struct hvc_guest g = { 8, 0 };

	(void)state;
	hvc_seen = 0;
	table.arg = &hvc_seen;
	assert_int_equal(armvirt_switch_set_handler(&table, 0x16, hvc_fast), 0);
	assert_int_equal(armvirt_switch_set_handler(&table, 64, hvc_fast), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_switch_set_handler(NULL, 0x16, hvc_fast), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0x40080000, 0, 0, 0, 0x80000019, &table),
			 0);
	armvirt_switch_host_set_guest(hvc_guest_fn, &g);

	/* Not loaded: refused, nothing entered. */
	assert_int_equal(armvirt_switch_run(&cpu, &vcpu_a), ARMVIRT_EPERM);
	assert_int_equal(armvirt_switch_host_counts().enters, 0);
	assert_int_equal(armvirt_switch_run(NULL, &vcpu_a), ARMVIRT_EINVAL);

	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_a), 0);
	armvirt_host_log_clear();
	assert_int_equal(armvirt_switch_run(&cpu, &vcpu_a), ARMVIRT_SWITCH_EXIT_SYNC);
	/* Four fast resumes and the fifth HVC exits. */
	assert_int_equal(armvirt_switch_host_counts().enters, 5);
	assert_int_equal(vcpu_a.exits, 5);
	assert_int_equal(vcpu_a.fast_resumes, 4);
	assert_int_equal(vcpu_a.gp.pc, 0x40080000 + 5 * 4);
	assert_int_equal(vcpu_a.exit.esr, ESR_HVC64);
	assert_int_equal(vcpu_a.exit.far, 0xfa);
	assert_int_equal(vcpu_a.exit.hpfar, 0x4000);
	assert_int_equal(vcpu_a.exit.kind, ARMVIRT_SWITCH_EXIT_SYNC);
	assert_null(cpu.running);
	/* HCR_EL2 written once with the vCPU's value (no PAuth: no API/APK). */
	{
		uint64_t hcr = 0;
		assert_int_equal(writes_to(ARMVIRT_HOST_REG_hcr_el2, &hcr), 1);
		assert_int_equal(hcr, 0x80000019);
	}
	/* The fast path writes no system register at all. */
	assert_int_equal(count_kind(ARMVIRT_HOST_EV_WRITE), 1 + 2 /* CPTR in, CPTR out */);

	/* Next run: HVCs 5..7 resume (handler counts on), then WFI has no handler: exit. */
	armvirt_host_log_clear();
	assert_int_equal(armvirt_switch_run(&cpu, &vcpu_a), ARMVIRT_SWITCH_EXIT_SYNC);
	assert_int_equal(vcpu_a.exit.esr, 0x06000001u);
	assert_int_equal(hvc_seen, 8);
	assert_int_equal(writes_to(ARMVIRT_HOST_REG_hcr_el2, NULL), 0);
	assert_int_equal(vcpu_a.exits, 9);
	assert_int_equal(vcpu_a.fast_resumes, 7);
}

/* ---- the SMCCC table ---- */

#define SMCCC_NOT_SUPPORTED UINT64_C(0xffffffffffffffff)

static struct armvirt_switch_smccc smccc;

/* A deterministic spread of 32-bit function IDs (a 32-bit LCG, Numerical Recipes). */
static uint32_t next_fid(uint32_t *seed)
{
	*seed = *seed * 1664525u + 1013904223u;
	return *seed;
}

static void test_smccc_table(void **state)
{
	uint64_t x0 = 0;
	uint32_t seed = 1, fids[ARMVIRT_SWITCH_SMCCC_SLOTS - 1];

	(void)state;
	assert_int_equal(armvirt_switch_smccc_init(NULL, ARMVIRT_SWITCH_SMCCC_ANSWER, 0),
			 ARMVIRT_EINVAL);
	assert_int_equal(armvirt_switch_smccc_init(&smccc, ARMVIRT_SWITCH_SMCCC_EMPTY, 0),
			 ARMVIRT_EINVAL);
	assert_int_equal(armvirt_switch_smccc_init(&smccc, 3, 0), ARMVIRT_EINVAL);
	assert_int_equal(
		armvirt_switch_smccc_init(&smccc, ARMVIRT_SWITCH_SMCCC_ANSWER, SMCCC_NOT_SUPPORTED),
		0);
	assert_int_equal(armvirt_switch_smccc_lookup(NULL, 0, &x0), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_switch_smccc_lookup(&smccc, 0, NULL), ARMVIRT_EINVAL);
	/* Empty: every ID, 0 included, gets the default. */
	assert_int_equal(armvirt_switch_smccc_lookup(&smccc, 0, &x0), ARMVIRT_SWITCH_SMCCC_ANSWER);
	assert_int_equal(x0, SMCCC_NOT_SUPPORTED);
	assert_int_equal(armvirt_switch_smccc_set(&smccc, 0x84000000u, 0, 1), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_switch_smccc_set(NULL, 0x84000000u, ARMVIRT_SWITCH_SMCCC_EXIT, 1),
			 ARMVIRT_EINVAL);

	/* Fill every slot but one with distinct IDs: each answers its own value. */
	for (unsigned i = 0; i < ARMVIRT_SWITCH_SMCCC_SLOTS - 1; i++) {
		bool fresh;

		do {
			fids[i] = next_fid(&seed);
			fresh = true;
			for (unsigned j = 0; j < i; j++)
				fresh = fresh && fids[j] != fids[i];
		} while (!fresh);
		assert_int_equal(armvirt_switch_smccc_set(&smccc, fids[i],
							  i % 5 ? ARMVIRT_SWITCH_SMCCC_ANSWER
								: ARMVIRT_SWITCH_SMCCC_EXIT,
							  1000u + i),
				 0);
	}
	for (unsigned i = 0; i < ARMVIRT_SWITCH_SMCCC_SLOTS - 1; i++) {
		x0 = 0;
		if (i % 5) {
			assert_int_equal(armvirt_switch_smccc_lookup(&smccc, fids[i], &x0),
					 ARMVIRT_SWITCH_SMCCC_ANSWER);
			assert_int_equal(x0, 1000u + i);
		} else {
			assert_int_equal(armvirt_switch_smccc_lookup(&smccc, fids[i], &x0),
					 ARMVIRT_SWITCH_SMCCC_EXIT);
			assert_int_equal(x0, 0); /* untouched */
		}
	}
	/* Full: a new ID is refused and changes nothing; known ones still change. */
	assert_int_equal(armvirt_switch_smccc_set(&smccc, 0x84000000u == fids[0] ? 1u : 0x84000000u,
						  ARMVIRT_SWITCH_SMCCC_ANSWER, 7),
			 ARMVIRT_ENOSPC);
	assert_int_equal(smccc.used, ARMVIRT_SWITCH_SMCCC_SLOTS - 1);
	assert_int_equal(armvirt_switch_smccc_set(&smccc, fids[3], ARMVIRT_SWITCH_SMCCC_EXIT, 0),
			 0);
	assert_int_equal(armvirt_switch_smccc_lookup(&smccc, fids[3], &x0),
			 ARMVIRT_SWITCH_SMCCC_EXIT);
	assert_int_equal(smccc.used, ARMVIRT_SWITCH_SMCCC_SLOTS - 1);
	/* Unlisted IDs still end on the one empty slot and get the default. */
	for (unsigned n = 0; n < 1000; n++) {
		uint32_t fid = next_fid(&seed);
		bool listed = false;

		for (unsigned i = 0; i < ARMVIRT_SWITCH_SMCCC_SLOTS - 1; i++)
			listed = listed || fids[i] == fid;
		if (listed)
			continue;
		x0 = 0;
		assert_int_equal(armvirt_switch_smccc_lookup(&smccc, fid, &x0),
				 ARMVIRT_SWITCH_SMCCC_ANSWER);
		assert_int_equal(x0, SMCCC_NOT_SUPPORTED);
	}
	/* A default of EXIT: unlisted IDs take the exit. */
	assert_int_equal(armvirt_switch_smccc_init(&smccc, ARMVIRT_SWITCH_SMCCC_EXIT, 0), 0);
	assert_int_equal(armvirt_switch_smccc_lookup(&smccc, 0x84000000u, &x0),
			 ARMVIRT_SWITCH_SMCCC_EXIT);
}

/* A guest issuing one call after another from a script: ESR, x0, then WFI. */
struct script_guest {
	const uint64_t (*calls)[2];
	unsigned n, done;
};

static uint32_t script_guest_fn(struct armvirt_vcpu *v, void *arg)
{
	struct script_guest *g = arg;

	if (g->done < g->n) {
		/* The previous call's answer is in x0: keep it in x10 + i. */
		if (g->done > 0)
			v->gp.x[10 + g->done - 1] = v->gp.x[0];
		armvirt_host_set(ARMVIRT_HOST_REG_esr_el2, g->calls[g->done][0]);
		v->gp.x[0] = g->calls[g->done][1];
		g->done++;
	} else {
		v->gp.x[10 + g->done - 1] = v->gp.x[0];
		armvirt_host_set(ARMVIRT_HOST_REG_esr_el2, 0x06000001u); /* WFI, EC 0x01 */
	}
	return ARMVIRT_SWITCH_EXIT_SYNC;
}

static unsigned smccc_handled;
static enum armvirt_switch_action smccc_fast(struct armvirt_vcpu *v,
					     const struct armvirt_switch_exit *e, void *arg)
{
	(void)e;
	(void)arg;
	smccc_handled++;
	v->gp.x[0] = 0x5eeu;
	return ARMVIRT_SWITCH_RESUME;
}

/* The vectors answer listed HVC #0 calls from AArch64 and nothing else. */
static void test_smccc_vectors(void **state)
{
	static const uint64_t calls[][2] = {
		{ ESR_HVC64, 0x84000000u },	 /* answered: 0x10001 */
		{ ESR_HVC64, 0x8600ff00u },	 /* unlisted: NOT_SUPPORTED */
		{ ESR_HVC64, 0xc4000003u },	 /* listed EXIT: the handler */
		{ ESR_HVC64 | 1u, 0x84000000u }, /* HVC #1: the handler */
		{ 0x4a000000u, 0x84000000u },	 /* HVC from AArch32 (EC 0x12): no handler */
	};
	struct script_guest g = { calls, 5, 0 };

	(void)state;
	assert_int_equal(
		armvirt_switch_smccc_init(&smccc, ARMVIRT_SWITCH_SMCCC_ANSWER, SMCCC_NOT_SUPPORTED),
		0);
	assert_int_equal(armvirt_switch_smccc_set(&smccc, 0x84000000u, ARMVIRT_SWITCH_SMCCC_ANSWER,
						  0x10001u),
			 0);
	assert_int_equal(
		armvirt_switch_smccc_set(&smccc, 0xc4000003u, ARMVIRT_SWITCH_SMCCC_EXIT, 0), 0);
	table.smccc = &smccc;
	assert_int_equal(armvirt_switch_set_handler(&table, 0x16, smccc_fast), 0);
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0x40080000, 0, 0, 0, 0x80000019, &table),
			 0);
	vcpu_a.gp.x[5] = 0x55;
	armvirt_switch_host_set_guest(script_guest_fn, &g);
	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_a), 0);
	smccc_handled = 0;
	assert_int_equal(armvirt_switch_run(&cpu, &vcpu_a), ARMVIRT_SWITCH_EXIT_SYNC);
	assert_int_equal(vcpu_a.exit.esr, 0x4a000000u); /* the AArch32 HVC ended the run */
	assert_int_equal(vcpu_a.gp.x[10], 0x10001u);
	assert_int_equal(vcpu_a.gp.x[11], SMCCC_NOT_SUPPORTED);
	assert_int_equal(vcpu_a.gp.x[12], 0x5eeu);
	assert_int_equal(vcpu_a.gp.x[13], 0x5eeu);
	assert_int_equal(vcpu_a.gp.x[5], 0x55); /* nothing else touched */
	assert_int_equal(smccc_handled, 2);
	assert_int_equal(vcpu_a.exits, 5);
	assert_int_equal(vcpu_a.fast_resumes, 4);
}

static void test_run_pauth_hcr(void **state)
{
	uint64_t hcr = 0;
	struct hvc_guest g = { 0, 0 };

	(void)state;
	armvirt_host_set(ARMVIRT_HOST_REG_id_aa64isar1_el1, 0x100u);
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0, 0, 0, 0, 0x80000001, NULL), 0);
	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_a), 0);
	armvirt_switch_host_set_guest(hvc_guest_fn, &g);
	assert_int_equal(armvirt_switch_run(&cpu, &vcpu_a), ARMVIRT_SWITCH_EXIT_SYNC);
	assert_int_equal(writes_to(ARMVIRT_HOST_REG_hcr_el2, &hcr), 1);
	/* API (41) and APK (40) added: the keys are switched, so the guest may use them. */
	assert_int_equal(hcr, 0x80000001u | (3ull << 40));
}

/* A guest that writes its id into every FP/SIMD register, exiting first if FP traps. */
struct fp_guest {
	uint64_t tag;
	unsigned fp_traps;
	uint64_t seen_v0_lo;
};

static uint32_t fp_guest_fn(struct armvirt_vcpu *v, void *arg)
{
	struct fp_guest *g = arg;
	struct armvirt_switch_fpsimd *r;

	(void)v;
	if (!armvirt_switch_host_guest_fp()) {
		g->fp_traps++;
		armvirt_host_set(ARMVIRT_HOST_REG_esr_el2, ESR_FP_TRAP);
		return ARMVIRT_SWITCH_EXIT_SYNC;
	}
	r = armvirt_switch_host_fpregs();
	g->seen_v0_lo = r->v[0][0];
	for (unsigned i = 0; i < 32; i++) {
		r->v[i][0] = g->tag + i;
		r->v[i][1] = ~(g->tag + i);
	}
	r->fpsr = g->tag & 0xf800009f;
	r->fpcr = g->tag & 0x07df9f00;
	armvirt_host_set(ARMVIRT_HOST_REG_esr_el2, ESR_HVC64);
	return ARMVIRT_SWITCH_EXIT_SYNC;
}

static void host_fill_fp(uint64_t tag)
{
	struct armvirt_switch_fpsimd *r = armvirt_switch_host_el2_fp(&cpu);
	for (unsigned i = 0; i < 32; i++) {
		r->v[i][0] = tag * 3 + i;
		r->v[i][1] = tag * 5 + i;
	}
}

static void assert_host_fp(uint64_t tag)
{
	struct armvirt_switch_fpsimd *r = armvirt_switch_host_el2_fp(&cpu);
	for (unsigned i = 0; i < 32; i++) {
		assert_int_equal(r->v[i][0], tag * 3 + i);
		assert_int_equal(r->v[i][1], tag * 5 + i);
	}
}

static void test_lazy_fp_never_used(void **state)
{
	struct hvc_guest g = { 3, 0 };

	(void)state;
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	host_fill_fp(7);
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_a), 0);
	armvirt_switch_host_set_guest(hvc_guest_fn, &g);
	for (int i = 0; i < 4; i++)
		assert_int_equal(armvirt_switch_run(&cpu, &vcpu_a), ARMVIRT_SWITCH_EXIT_SYNC);
	armvirt_switch_vcpu_put(&cpu);
	/* A vCPU that never touches FP/SIMD never pays for it. */
	assert_int_equal(armvirt_switch_host_counts().fpsimd_saves, 0);
	assert_int_equal(armvirt_switch_host_counts().fpsimd_loads, 0);
	assert_int_equal(vcpu_a.fp_loads, 0);
	assert_int_equal(cpu.fp_state, ARMVIRT_SWITCH_FP_HOST);
	assert_host_fp(7);
	assert_int_equal(cpu.host_fp_restores, 0);
}

static void test_lazy_fp_switching(void **state)
{
	struct fp_guest ga = { 0x1111000000000000u, 0, 0 }, gb = { 0x2222000000000000u, 0, 0 };

	(void)state;
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	host_fill_fp(9);
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_b, 0, 0, 1, 0, 0, NULL), 0);

	/* vcpu_a's first FP use traps, saves the host's state and loads its own (zeros). */
	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_a), 0);
	armvirt_switch_host_set_guest(fp_guest_fn, &ga);
	assert_int_equal(armvirt_switch_run(&cpu, &vcpu_a), ARMVIRT_SWITCH_EXIT_SYNC);
	assert_int_equal(ga.fp_traps, 1);
	assert_int_equal(ga.seen_v0_lo, 0);
	assert_int_equal(vcpu_a.exits, 2);
	assert_int_equal(vcpu_a.fast_resumes, 1);
	assert_int_equal(vcpu_a.fp_loads, 1);
	assert_int_equal(cpu.fp_state, ARMVIRT_SWITCH_FP_VCPU);
	assert_ptr_equal(cpu.fp_owner, &vcpu_a);
	/* Back in the host, TFP is set so the host's first use traps. */
	assert_true(armvirt_host_get(ARMVIRT_HOST_REG_cptr_el2) & (1u << 10));

	/* Running it again: no trap, it still owns the registers. */
	assert_int_equal(armvirt_switch_run(&cpu, &vcpu_a), ARMVIRT_SWITCH_EXIT_SYNC);
	assert_int_equal(ga.fp_traps, 1);
	assert_int_equal(ga.seen_v0_lo, ga.tag);

	/* The host uses FP/SIMD: its own state comes back intact. */
	assert_host_fp(9);
	assert_int_equal(cpu.host_fp_restores, 1);
	assert_int_equal(cpu.fp_state, ARMVIRT_SWITCH_FP_HOST);
	assert_int_equal(vcpu_a.fp.v[5][0], ga.tag + 5);
	assert_int_equal(vcpu_a.fp.v[5][1], ~(ga.tag + 5));
	assert_int_equal(vcpu_a.fp.fpcr, ga.tag & 0x07df9f00);
	host_fill_fp(10);

	/* Switch to vcpu_b: it traps and sees its own (zero) state, not a's or the host's. */
	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_b), 0);
	armvirt_switch_host_set_guest(fp_guest_fn, &gb);
	assert_int_equal(armvirt_switch_run(&cpu, &vcpu_b), ARMVIRT_SWITCH_EXIT_SYNC);
	assert_int_equal(gb.fp_traps, 1);
	assert_int_equal(gb.seen_v0_lo, 0);

	/* Back to vcpu_a without the host touching FP: a's state replaces b's. */
	armvirt_switch_vcpu_put(&cpu);
	assert_int_equal(cpu.fp_state, ARMVIRT_SWITCH_FP_NONE);
	assert_int_equal(vcpu_b.fp.v[31][0], gb.tag + 31);
	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_a), 0);
	armvirt_switch_host_set_guest(fp_guest_fn, &ga);
	ga.tag = 0x3333000000000000u;
	assert_int_equal(armvirt_switch_run(&cpu, &vcpu_a), ARMVIRT_SWITCH_EXIT_SYNC);
	assert_int_equal(ga.fp_traps, 2);
	assert_int_equal(ga.seen_v0_lo, 0x1111000000000000u);
	assert_int_equal(vcpu_a.fp_loads, 2);

	/* The host's state of before survived two vCPUs. */
	assert_host_fp(10);
	assert_int_equal(vcpu_a.fp.v[0][0], 0x3333000000000000u);
	assert_int_equal(vcpu_b.fp.v[0][0], 0x2222000000000000u);
}

/*
 * A guest for the FP-touching fast handler: an HVC first, then it reads V0
 * (exiting first if FP/SIMD traps) and stops with a WFI trap (EC 0x01).
 */
struct fp_hvc_guest {
	unsigned step;
	unsigned fp_traps;
	uint64_t read_back;
};

static uint32_t fp_hvc_guest_fn(struct armvirt_vcpu *v, void *arg)
{
	struct fp_hvc_guest *g = arg;

	(void)v;
	if (g->step == 0) {
		g->step++;
		armvirt_host_set(ARMVIRT_HOST_REG_esr_el2, ESR_HVC64);
		return ARMVIRT_SWITCH_EXIT_SYNC;
	}
	if (!armvirt_switch_host_guest_fp()) {
		g->fp_traps++;
		armvirt_host_set(ARMVIRT_HOST_REG_esr_el2, ESR_FP_TRAP);
		return ARMVIRT_SWITCH_EXIT_SYNC;
	}
	g->read_back = armvirt_switch_host_fpregs()->v[0][0];
	armvirt_host_set(ARMVIRT_HOST_REG_esr_el2, 0x06000001u);
	return ARMVIRT_SWITCH_EXIT_SYNC;
}

static enum armvirt_switch_action fp_touching_fast(struct armvirt_vcpu *v,
						   const struct armvirt_switch_exit *e, void *arg)
{
	(void)v;
	(void)e;
	armvirt_switch_host_el2_fp(arg)->v[0][0] = 0xbad;
	return ARMVIRT_SWITCH_RESUME;
}

/*
 * A fast handler that uses FP/SIMD while the host owns the registers takes
 * the EL2 trap, which clears CPTR_EL2.TFP; the guest must not then resume
 * with the host's registers accessible.
 */
static void test_fast_handler_using_fp(void **state)
{
	struct fp_hvc_guest g = { 0, 0, 0 };

	(void)state;
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	table.arg = &cpu;
	assert_int_equal(armvirt_switch_set_handler(&table, 0x16, fp_touching_fast), 0);
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0, 0, 0, 0, 0, &table), 0);
	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_a), 0);
	armvirt_switch_host_set_guest(fp_hvc_guest_fn, &g);
	assert_int_equal(armvirt_switch_run(&cpu, &vcpu_a), ARMVIRT_SWITCH_EXIT_SYNC);
	assert_int_equal(vcpu_a.exit.esr, 0x06000001u);
	assert_int_equal(g.fp_traps, 1);
	assert_int_equal(g.read_back, 0);
	assert_int_equal(vcpu_a.fast_resumes, 2);
	/* The handler's value stayed the host's. */
	assert_int_equal(armvirt_switch_host_el2_fp(&cpu)->v[0][0], 0xbad);
}

static void test_el2_exceptions(void **state)
{
	struct armvirt_switch_el2_frame f;

	(void)state;
	memset(&f, 0, sizeof(f));
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	f.kind = ARMVIRT_SWITCH_EXIT_SYNC;
	f.esr = ESR_DABT_LOW;
	/* No handler: the CPU is parked. */
	assert_int_equal(armvirt_switch_host_el2_exception(&cpu, &f), 1);
}

static int el2_calls;
static int el2_handler(struct armvirt_switch_cpu *c, struct armvirt_switch_el2_frame *f, void *arg)
{
	assert_ptr_equal(c, &cpu);
	assert_ptr_equal(arg, &el2_calls);
	el2_calls++;
	if (f->kind == ARMVIRT_SWITCH_EXIT_IRQ)
		return 0;
	return 1;
}

static void test_el2_handler(void **state)
{
	struct armvirt_switch_el2_frame f;

	(void)state;
	memset(&f, 0, sizeof(f));
	el2_calls = 0;
	assert_int_equal(armvirt_switch_cpu_init(&cpu, el2_handler, &el2_calls), 0);
	f.kind = ARMVIRT_SWITCH_EXIT_IRQ;
	assert_int_equal(armvirt_switch_host_el2_exception(&cpu, &f), 0);
	f.kind = ARMVIRT_SWITCH_EXIT_SYNC;
	f.esr = 0x96000021; /* EC 0x25: data abort at EL2, alignment */
	assert_int_equal(armvirt_switch_host_el2_exception(&cpu, &f), 1);
	assert_int_equal(el2_calls, 2);
	/* An FP/SIMD trap at EL2 is the library's, not the handler's. */
	f.esr = ESR_FP_TRAP;
	assert_int_equal(armvirt_switch_host_el2_exception(&cpu, &f), 0);
	assert_int_equal(el2_calls, 2);
	/* ... unless taken on SP_EL0, which the library never uses. */
	f.sp0 = 1;
	assert_int_equal(armvirt_switch_host_el2_exception(&cpu, &f), 1);
	assert_int_equal(el2_calls, 3);
}

static enum armvirt_switch_action irq_fast(struct armvirt_vcpu *v,
					   const struct armvirt_switch_exit *e, void *arg)
{
	(void)v;
	(void)arg;
	assert_int_equal(e->kind, ARMVIRT_SWITCH_EXIT_IRQ);
	return ARMVIRT_SWITCH_EXIT;
}

static uint32_t irq_guest_fn(struct armvirt_vcpu *v, void *arg)
{
	(void)v;
	(void)arg;
	return ARMVIRT_SWITCH_EXIT_IRQ;
}

static void test_async_exits(void **state)
{
	(void)state;
	table.irq = irq_fast;
	assert_int_equal(armvirt_switch_cpu_init(&cpu, NULL, NULL), 0);
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0, 0, 0, 0, 0, &table), 0);
	assert_int_equal(armvirt_switch_vcpu_load(&cpu, &vcpu_a), 0);
	armvirt_switch_host_set_guest(irq_guest_fn, NULL);
	assert_int_equal(armvirt_switch_run(&cpu, &vcpu_a), ARMVIRT_SWITCH_EXIT_IRQ);
	assert_int_equal(vcpu_a.exit.kind, ARMVIRT_SWITCH_EXIT_IRQ);
	/* No handler table at all: every exit goes to the loop. */
	vcpu_a.handlers = NULL;
	assert_int_equal(armvirt_switch_run(&cpu, &vcpu_a), ARMVIRT_SWITCH_EXIT_IRQ);
	assert_int_equal(vcpu_a.fast_resumes, 0);
}

static void test_regs_and_skip(void **state)
{
	(void)state;
	assert_int_equal(armvirt_switch_vcpu_init(&vcpu_a, 0x1000, 0, 0, 0, 0, NULL), 0);
	armvirt_switch_set_reg(&vcpu_a, 30, 0xabc);
	armvirt_switch_set_reg(&vcpu_a, 31, 0xdef); /* XZR: ignored */
	assert_int_equal(armvirt_switch_get_reg(&vcpu_a, 30), 0xabc);
	assert_int_equal(armvirt_switch_get_reg(&vcpu_a, 31), 0);
	vcpu_a.exit.esr = ESR_SYSREG;
	armvirt_switch_skip_instr(&vcpu_a);
	assert_int_equal(vcpu_a.gp.pc, 0x1004);
	vcpu_a.exit.esr = ESR_T16_SYSREG;
	armvirt_switch_skip_instr(&vcpu_a);
	assert_int_equal(vcpu_a.gp.pc, 0x1006);
}

static void test_format_frame(void **state)
{
	struct armvirt_switch_el2_frame f;
	char buf[1024], small[40];
	int n;

	(void)state;
	memset(&f, 0, sizeof(f));
	for (unsigned i = 0; i < 31; i++)
		f.x[i] = 0x1000 + i;
	f.esr = 0x96000021;
	f.far = 0x40200003;
	f.elr = 0x40201234;
	f.kind = ARMVIRT_SWITCH_EXIT_SYNC;
	n = armvirt_switch_format_frame(&f, buf, sizeof(buf));
	assert_true(n > 0);
	assert_int_equal((size_t)n, strlen(buf));
	assert_non_null(strstr(buf, "EL2 exception: synchronous\n"));
	assert_non_null(
		strstr(buf, "esr=0000000096000021 far=0000000040200003 elr=0000000040201234"));
	assert_non_null(strstr(buf, "x00=0000000000001000"));
	assert_non_null(strstr(buf, "x30=000000000000101e"));
	for (char *line = buf; *line;) {
		char *nl = strchr(line, '\n');
		assert_non_null(nl);
		assert_true(nl - line <= 80);
		line = nl + 1;
	}
	assert_int_equal(armvirt_switch_format_frame(&f, small, sizeof(small)), ARMVIRT_ENOSPC);
	assert_int_equal(strlen(small), sizeof(small) - 1);
	assert_int_equal(armvirt_switch_format_frame(&f, small, 0), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_switch_format_frame(NULL, small, 4), ARMVIRT_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_layout, setup),
		cmocka_unit_test_setup(test_cpu_init, setup),
		cmocka_unit_test_setup(test_vcpu_init, setup),
		cmocka_unit_test_setup(test_load_put_base, setup),
		cmocka_unit_test_setup(test_load_put_features, setup),
		cmocka_unit_test_setup(test_el1_access, setup),
		cmocka_unit_test_setup(test_run_dispatch, setup),
		cmocka_unit_test_setup(test_smccc_table, setup),
		cmocka_unit_test_setup(test_smccc_vectors, setup),
		cmocka_unit_test_setup(test_run_pauth_hcr, setup),
		cmocka_unit_test_setup(test_lazy_fp_never_used, setup),
		cmocka_unit_test_setup(test_lazy_fp_switching, setup),
		cmocka_unit_test_setup(test_fast_handler_using_fp, setup),
		cmocka_unit_test_setup(test_el2_exceptions, setup),
		cmocka_unit_test_setup(test_el2_handler, setup),
		cmocka_unit_test_setup(test_async_exits, setup),
		cmocka_unit_test_setup(test_regs_and_skip, setup),
		cmocka_unit_test_setup(test_format_frame, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

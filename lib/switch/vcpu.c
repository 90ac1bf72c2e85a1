/* SPDX-License-Identifier: BSD-3-Clause */
/* CPU and vCPU set-up, loading and putting the resident state, and run(). */
#include "switch_internal.h"

#include <armvirt/err.h>
#include <armvirt/esr_fields.h>
#include <armvirt/port.h>

/* ID register fields (Arm ARM D24.2.78 ID_AA64ISAR1_EL1, D24.2.79 ..._ISAR2_EL1,
 * D24.2.84 ID_AA64PFR0_EL1). */
#define ID_AA64PFR0_EL1_SHIFT 4
#define ID_AA64PFR0_EL1_WIDTH 4
#define ID_AA64PFR0_EL1_AARCH32 2u /* EL1 can be AArch64 or AArch32 */
#define ID_AA64PFR0_SVE_SHIFT 32
#define ID_AA64PFR0_SVE_WIDTH 4
#define ID_AA64ISAR1_APA_SHIFT 4
#define ID_AA64ISAR1_API_SHIFT 8
#define ID_AA64ISAR1_GPA_SHIFT 24
#define ID_AA64ISAR1_GPI_SHIFT 28
#define ID_AA64ISAR2_GPA3_SHIFT 8
#define ID_AA64ISAR2_APA3_SHIFT 12
#define ID_FIELD_WIDTH 4

/* SCTLR_EL1 bits that are RES1 in Armv8.0 (D24.2.161): 29, 28, 23, 22, 20, 11. */
#define SCTLR_EL1_RES1                                                                             \
	(ARMVIRT_BIT(29) | ARMVIRT_BIT(28) | ARMVIRT_BIT(23) | ARMVIRT_BIT(22) | ARMVIRT_BIT(20) | \
	 ARMVIRT_BIT(11))

#define ALIGNED16(p) (((uintptr_t)(p)&15u) == 0)

static bool has_feature(uint32_t features, uint32_t feat)
{
	return feat == ARMVIRT_SWITCH_FEAT_BASE || (features & feat) != 0;
}

static uint32_t detect_features(void)
{
	uint64_t pfr0 = armvirt_port_read_id_aa64pfr0_el1();
	uint64_t isar1 = armvirt_port_read_id_aa64isar1_el1();
	uint64_t isar2 = armvirt_port_read_id_aa64isar2_el1();
	uint32_t f = 0;

	if (armvirt_field_get(pfr0, ID_AA64PFR0_EL1_SHIFT, ID_AA64PFR0_EL1_WIDTH) ==
	    ID_AA64PFR0_EL1_AARCH32)
		f |= ARMVIRT_SWITCH_FEAT_AARCH32;
	if (armvirt_field_get(pfr0, ID_AA64PFR0_SVE_SHIFT, ID_AA64PFR0_SVE_WIDTH) != 0)
		f |= ARMVIRT_SWITCH_FEAT_SVE;
	if (armvirt_field_get(isar1, ID_AA64ISAR1_APA_SHIFT, ID_FIELD_WIDTH) != 0 ||
	    armvirt_field_get(isar1, ID_AA64ISAR1_API_SHIFT, ID_FIELD_WIDTH) != 0 ||
	    armvirt_field_get(isar1, ID_AA64ISAR1_GPA_SHIFT, ID_FIELD_WIDTH) != 0 ||
	    armvirt_field_get(isar1, ID_AA64ISAR1_GPI_SHIFT, ID_FIELD_WIDTH) != 0 ||
	    armvirt_field_get(isar2, ID_AA64ISAR2_GPA3_SHIFT, ID_FIELD_WIDTH) != 0 ||
	    armvirt_field_get(isar2, ID_AA64ISAR2_APA3_SHIFT, ID_FIELD_WIDTH) != 0)
		f |= ARMVIRT_SWITCH_FEAT_PAUTH;
	return f;
}

int armvirt_switch_cpu_init(struct armvirt_switch_cpu *cpu, armvirt_switch_el2_fn el2_handler,
			    void *el2_arg)
{
	uint64_t cptr;

	if (!cpu || !ALIGNED16(cpu))
		return ARMVIRT_EINVAL;
	cpu->running = NULL;
	cpu->loaded = NULL;
	cpu->fp_owner = NULL;
	cpu->fp_state = ARMVIRT_SWITCH_FP_HOST;
	cpu->features = detect_features();
	cpu->el2_handler = el2_handler;
	cpu->el2_arg = el2_arg;
	cpu->host_fp_restores = 0;

	/*
	 * The host owns FP/SIMD; SVE and SME always trap (their state is not
	 * switched; TZ and TSM are RES1 where the feature is absent), and so
	 * do trace registers, which are not switched either.
	 */
	cptr = ARMVIRT_CPTR_EL2_RES1 | ARMVIRT_BIT(ARMVIRT_CPTR_EL2_TZ_SHIFT) |
	       ARMVIRT_BIT(ARMVIRT_CPTR_EL2_TSM_SHIFT) | ARMVIRT_BIT(ARMVIRT_CPTR_EL2_TTA_SHIFT);
	armvirt_port_write_cptr_el2(cptr);
	cpu->cptr_el2 = cptr;
	cpu->hcr_el2 = armvirt_port_read_hcr_el2();
	armvirt_port_write_tpidr_el2((uint64_t)(uintptr_t)cpu);
	armvirt_port_write_vbar_el2((uint64_t)(uintptr_t)armvirt_switch_vectors);
	armvirt_port_isb();
	return 0;
}

int armvirt_switch_vcpu_init(struct armvirt_vcpu *vcpu, uint64_t pc, uint64_t x0, uint64_t mpidr,
			     uint64_t midr, uint64_t hcr_el2,
			     const struct armvirt_switch_handlers *handlers)
{
	if (!vcpu || !ALIGNED16(vcpu))
		return ARMVIRT_EINVAL;
	if (vcpu->loaded_on)
		return ARMVIRT_EBUSY;
	for (unsigned i = 0; i < 31; i++)
		vcpu->gp.x[i] = 0;
	vcpu->gp.x[0] = x0;
	vcpu->gp.pc = pc;
	vcpu->gp.pstate =
		armvirt_field_set(0, ARMVIRT_SPSR_M_SHIFT, ARMVIRT_SPSR_M_WIDTH,
				  ARMVIRT_SPSR_M_EL1H) |
		armvirt_field_set(0, ARMVIRT_SPSR_DAIF_SHIFT, ARMVIRT_SPSR_DAIF_WIDTH, 0xf);
	vcpu->exit.esr = 0;
	vcpu->exit.far = 0;
	vcpu->exit.hpfar = 0;
	vcpu->exit.kind = 0;
	vcpu->exit.from_aarch32 = 0;
	vcpu->hcr_el2 = hcr_el2;
	vcpu->handlers = handlers;
	vcpu->exits = 0;
	vcpu->fast_resumes = 0;
	vcpu->fp_loads = 0;
	for (unsigned i = 0; i < ARMVIRT_SWITCH_EL1_COUNT; i++)
		vcpu->el1[i] = 0;
	vcpu->el1[ARMVIRT_SWITCH_SCTLR_EL1] = SCTLR_EL1_RES1;
	vcpu->el1[ARMVIRT_SWITCH_VMPIDR_EL2] = mpidr;
	vcpu->el1[ARMVIRT_SWITCH_VPIDR_EL2] = midr;
	for (unsigned i = 0; i < 32; i++) {
		vcpu->fp.v[i][0] = 0;
		vcpu->fp.v[i][1] = 0;
	}
	vcpu->fp.fpsr = 0;
	vcpu->fp.fpcr = 0;
	return 0;
}

static void el1_save(struct armvirt_vcpu *vcpu, uint32_t features)
{
#define SAVE_(name, acc, feat)                                                                     \
	if (has_feature(features, feat))                                                           \
		vcpu->el1[ARMVIRT_SWITCH_##name] = armvirt_port_read_##acc();
	ARMVIRT_SWITCH_EL1_REGS(SAVE_)
#undef SAVE_
}

static void el1_restore(const struct armvirt_vcpu *vcpu, uint32_t features)
{
#define RESTORE_(name, acc, feat)                                                                  \
	if (has_feature(features, feat))                                                           \
		armvirt_port_write_##acc(vcpu->el1[ARMVIRT_SWITCH_##name]);
	ARMVIRT_SWITCH_EL1_REGS(RESTORE_)
#undef RESTORE_
}

void armvirt_switch_vcpu_put(struct armvirt_switch_cpu *cpu)
{
	struct armvirt_vcpu *vcpu = cpu ? cpu->loaded : NULL;

	if (!vcpu || cpu->running)
		return;
	el1_save(vcpu, cpu->features);
	armvirt_switch_fp_put(cpu, vcpu);
	vcpu->loaded_on = NULL;
	cpu->loaded = NULL;
}

int armvirt_switch_vcpu_load(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu)
{
	if (!cpu || !vcpu)
		return ARMVIRT_EINVAL;
	if (cpu->loaded == vcpu)
		return 0;
	if (vcpu->loaded_on || cpu->running)
		return ARMVIRT_EBUSY;
	armvirt_switch_vcpu_put(cpu);
	el1_restore(vcpu, cpu->features);
	vcpu->loaded_on = cpu;
	cpu->loaded = vcpu;
	return 0;
}

uint64_t armvirt_switch_el1_read(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu,
				 enum armvirt_switch_el1_reg reg)
{
	bool live = cpu && vcpu->loaded_on == cpu;
	uint32_t features = cpu ? cpu->features : 0;

	switch (reg) {
#define READ_(name, acc, feat)                                                                     \
	case ARMVIRT_SWITCH_##name:                                                                \
		if (live && !has_feature(features, feat))                                          \
			return 0;                                                                  \
		return live ? armvirt_port_read_##acc() : vcpu->el1[reg];
		ARMVIRT_SWITCH_EL1_REGS(READ_)
#undef READ_
	default:
		return 0;
	}
}

int armvirt_switch_el1_write(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu,
			     enum armvirt_switch_el1_reg reg, uint64_t value)
{
	bool live = cpu && vcpu->loaded_on == cpu;
	uint32_t features = cpu ? cpu->features : 0;

	switch (reg) {
#define WRITE_(name, acc, feat)                                                                    \
	case ARMVIRT_SWITCH_##name:                                                                \
		if (cpu && !has_feature(features, feat))                                           \
			return ARMVIRT_ENOTSUP;                                                    \
		if (live)                                                                          \
			armvirt_port_write_##acc(value);                                           \
		else                                                                               \
			vcpu->el1[reg] = value;                                                    \
		return 0;
		ARMVIRT_SWITCH_EL1_REGS(WRITE_)
#undef WRITE_
	default:
		return ARMVIRT_EINVAL;
	}
}

int armvirt_switch_run(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu)
{
	uint64_t hcr, kind;

	if (!cpu || !vcpu)
		return ARMVIRT_EINVAL;
	if (cpu->loaded != vcpu || vcpu->loaded_on != cpu || cpu->running)
		return ARMVIRT_EPERM;
	hcr = vcpu->hcr_el2;
	if (cpu->features & ARMVIRT_SWITCH_FEAT_PAUTH)
		hcr |= ARMVIRT_BIT(ARMVIRT_HCR_EL2_API_SHIFT) |
		       ARMVIRT_BIT(ARMVIRT_HCR_EL2_APK_SHIFT);
	if (hcr != cpu->hcr_el2) {
		/* ERET on entry synchronises the write. */
		armvirt_port_write_hcr_el2(hcr);
		cpu->hcr_el2 = hcr;
	}
	armvirt_switch_set_cptr(cpu, armvirt_switch_cptr_for(cpu, vcpu));
	cpu->running = vcpu;
	kind = armvirt_switch_arch_enter(cpu, vcpu);
	cpu->running = NULL;
	armvirt_switch_set_cptr(cpu, armvirt_switch_cptr_for(cpu, NULL));
	return (int)kind;
}

uint64_t armvirt_switch_get_reg(const struct armvirt_vcpu *vcpu, unsigned n)
{
	return n < 31 ? vcpu->gp.x[n] : 0;
}

void armvirt_switch_set_reg(struct armvirt_vcpu *vcpu, unsigned n, uint64_t value)
{
	if (n < 31)
		vcpu->gp.x[n] = value;
}

void armvirt_switch_skip_instr(struct armvirt_vcpu *vcpu)
{
	bool il32 = armvirt_field_get(vcpu->exit.esr, ARMVIRT_ESR_IL_SHIFT, ARMVIRT_ESR_IL_WIDTH);

	vcpu->gp.pc += il32 ? 4 : 2;
}

int armvirt_switch_set_handler(struct armvirt_switch_handlers *table, unsigned ec,
			       armvirt_switch_fast_fn fn)
{
	if (!table || ec >= ARMVIRT_SWITCH_EC_COUNT)
		return ARMVIRT_EINVAL;
	table->sync[ec] = fn;
	return 0;
}

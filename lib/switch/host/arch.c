/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The host stand-in for the assembly (switch_host.h): it does what the
 * vectors and entry code do, in C, around a guest that is a function.
 */
#include "../switch_internal.h"

#include <armvirt/esr_fields.h>
#include <armvirt/port_host.h>
#include <armvirt/switch_host.h>

/* VBAR_EL2 needs an address; nothing branches here in a host build. */
_Alignas(2048) const char armvirt_switch_vectors[2048];

static struct armvirt_switch_fpsimd fpregs;
static struct armvirt_switch_host_counts counts;
static armvirt_switch_host_guest_fn guest_fn;
static void *guest_arg;

void armvirt_switch_host_set_guest(armvirt_switch_host_guest_fn fn, void *arg)
{
	guest_fn = fn;
	guest_arg = arg;
}

struct armvirt_switch_fpsimd *armvirt_switch_host_fpregs(void)
{
	return &fpregs;
}

static bool tfp_set(void)
{
	return armvirt_field_get(armvirt_host_get(ARMVIRT_HOST_REG_cptr_el2),
				 ARMVIRT_CPTR_EL2_TFP_SHIFT, 1) != 0;
}

bool armvirt_switch_host_guest_fp(void)
{
	return !tfp_set();
}

uint64_t armvirt_switch_host_el2_exception(struct armvirt_switch_cpu *cpu,
					   struct armvirt_switch_el2_frame *frame)
{
	return armvirt_switch_handle_el2(cpu, frame);
}

struct armvirt_switch_fpsimd *armvirt_switch_host_el2_fp(struct armvirt_switch_cpu *cpu)
{
	if (tfp_set()) {
		struct armvirt_switch_el2_frame f = { 0 };

		f.kind = ARMVIRT_SWITCH_EXIT_SYNC;
		f.esr = armvirt_field_set(0, ARMVIRT_ESR_EC_SHIFT, ARMVIRT_ESR_EC_WIDTH,
					  ARMVIRT_SWITCH_EC_FP_ASIMD) |
			ARMVIRT_BIT(ARMVIRT_ESR_IL_SHIFT);
		(void)armvirt_switch_handle_el2(cpu, &f);
	}
	return &fpregs;
}

struct armvirt_switch_host_counts armvirt_switch_host_counts(void)
{
	return counts;
}

void armvirt_switch_host_reset(void)
{
	struct armvirt_switch_fpsimd zero = { { { 0 } }, 0, 0 };
	struct armvirt_switch_host_counts none = { 0, 0, 0 };

	fpregs = zero;
	counts = none;
	guest_fn = NULL;
	guest_arg = NULL;
}

/*
 * What entry.S does after saving an exit: resolve a lazy FP/SIMD trap, or
 * call the fast handler of the exit's class. 0 re-enters the guest.
 */
static uint64_t handle_exit(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu)
{
	const struct armvirt_switch_handlers *h = vcpu->handlers;
	armvirt_switch_fast_fn fn = NULL;
	uint64_t cptr;
	unsigned ec;

	vcpu->exits++;
	switch (vcpu->exit.kind) {
	case ARMVIRT_SWITCH_EXIT_SYNC:
		ec = (unsigned)armvirt_field_get(vcpu->exit.esr, ARMVIRT_ESR_EC_SHIFT,
						 ARMVIRT_ESR_EC_WIDTH);
		/*
		 * A guest's own CPACR_EL1 traps are taken to EL1, so an FP/SIMD
		 * trap reaching EL2 is always CPTR_EL2.TFP: lazy switching.
		 */
		if (ec == ARMVIRT_SWITCH_EC_FP_ASIMD) {
			armvirt_switch_fp_guest_trap(cpu, vcpu);
			vcpu->fast_resumes++;
			return 0;
		}
		fn = h ? h->sync[ec] : NULL;
		break;
	case ARMVIRT_SWITCH_EXIT_IRQ:
		fn = h ? h->irq : NULL;
		break;
	case ARMVIRT_SWITCH_EXIT_FIQ:
		fn = h ? h->fiq : NULL;
		break;
	default:
		fn = h ? h->serror : NULL;
		break;
	}
	cptr = cpu->cptr_el2; /* armvirt_switch_cptr_for(cpu, vcpu), set at entry */
	if (!fn || fn(vcpu, &vcpu->exit, h->arg) != ARMVIRT_SWITCH_RESUME)
		return 1;
	vcpu->fast_resumes++;
	/*
	 * A handler that touched FP/SIMD while the guest did not own the
	 * registers took the EL2 trap, which cleared TFP and gave the
	 * registers to the host: set it back. Otherwise it is unchanged.
	 */
	if (cpu->cptr_el2 != cptr)
		armvirt_switch_set_cptr(cpu, armvirt_switch_cptr_for(cpu, vcpu));
	return 0;
}

/* What the AArch64 synchronous vector does with an HVC #0 (entry.S). */
static bool smccc_answered(struct armvirt_vcpu *vcpu)
{
	const uint64_t hvc64_imm0 = armvirt_field_set(0, ARMVIRT_ESR_EC_SHIFT, ARMVIRT_ESR_EC_WIDTH,
						      ARMVIRT_SWITCH_EC_HVC64) |
				    ARMVIRT_BIT(ARMVIRT_ESR_IL_SHIFT);
	uint64_t x0;

	if (vcpu->exit.kind != ARMVIRT_SWITCH_EXIT_SYNC || vcpu->exit.esr != hvc64_imm0 ||
	    !vcpu->handlers || !vcpu->handlers->smccc ||
	    armvirt_switch_smccc_lookup(vcpu->handlers->smccc, (uint32_t)vcpu->gp.x[0], &x0) !=
		    ARMVIRT_SWITCH_SMCCC_ANSWER)
		return false;
	vcpu->gp.x[0] = x0;
	vcpu->exits++;
	vcpu->fast_resumes++;
	return true;
}

uint64_t armvirt_switch_arch_enter(struct armvirt_switch_cpu *cpu, struct armvirt_vcpu *vcpu)
{
	for (;;) {
		uint32_t kind;

		counts.enters++;
		/* Without a guest, the vCPU exits at once with an unknown-reason trap. */
		kind = guest_fn ? guest_fn(vcpu, guest_arg) : ARMVIRT_SWITCH_EXIT_SYNC;
		vcpu->exit.kind = kind;
		vcpu->exit.from_aarch32 = 0;
		vcpu->exit.esr = armvirt_host_get(ARMVIRT_HOST_REG_esr_el2);
		vcpu->exit.far = armvirt_host_get(ARMVIRT_HOST_REG_far_el2);
		vcpu->exit.hpfar = armvirt_host_get(ARMVIRT_HOST_REG_hpfar_el2);
		if (smccc_answered(vcpu))
			continue;
		if (handle_exit(cpu, vcpu))
			return kind;
	}
}

void armvirt_switch_arch_fpsimd_save(struct armvirt_switch_fpsimd *st)
{
	counts.fpsimd_saves++;
	*st = fpregs;
}

void armvirt_switch_arch_fpsimd_load(const struct armvirt_switch_fpsimd *st)
{
	counts.fpsimd_loads++;
	fpregs = *st;
}

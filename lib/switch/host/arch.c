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
		if (armvirt_switch_handle_exit(cpu, vcpu))
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

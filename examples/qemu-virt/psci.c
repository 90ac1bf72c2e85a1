/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PSCI 1.1 (Arm DEN 0022) and SMCCC 1.1 (Arm DEN 0028) for the guest, over
 * HVC and SMC alike, plus the example's own vendor hypercalls. Any other
 * function ID returns NOT_SUPPORTED, as SMCCC asks.
 *
 * CPU_ON may name a vCPU whose home is another physical CPU: the request
 * is recorded under the target's lock (OFF -> ON_PENDING) and its home CPU
 * is kicked; the home CPU resets the vCPU when it next schedules, so a
 * vCPU's registers are only ever touched by the CPU that runs it.
 * CPU_SUSPEND is accepted for every power state and behaves as a standby:
 * it returns SUCCESS once a wake-up event (an interrupt for the vCPU) is
 * pending, as PSCI allows for a power-down state that was not entered.
 */
#include <armvirt/esr.h>
#include <armvirt/port.h>

#include "vm.h"

#define PSCI_MIGRATE_INFO_TYPE 0x84000006u
#define PSCI_TOS_NOT_PRESENT_MP 2
#define PSCI_INVALID_ADDRESS (-9)
#define PSCI_1_1 0x10001u
#define SMCCC_1_1 0x10001u
/* MPIDR_EL1 affinity fields the guest's vCPUs use: Aff0..Aff3 (bits 0-23, 32-39). */
#define MPIDR_AFF_MASK 0xff00ffffffull

void vcpu_reset(struct pcpu *p, struct vcpu *v, uint64_t entry, uint64_t x0)
{
	if (p->sw.loaded == &v->arch)
		armvirt_switch_vcpu_put(&p->sw);
	if (armvirt_switch_vcpu_init(&v->arch, entry, x0, VCPU_MPIDR(v->id), vm.midr, vm.hcr,
				     &vm.fast) != 0 ||
	    armvirt_vtimer_vcpu_reset(&v->timer) != 0)
		hyp_panic("vCPU %u cannot be reset", v->id);
	v->os_lock = true; /* OSLSR_EL1.OSLK is set by a reset */
}

static struct vcpu *vcpu_by_mpidr(uint64_t mpidr)
{
	for (unsigned i = 0; i < vm.nvcpus; i++)
		if ((VCPU_MPIDR(i) & MPIDR_AFF_MASK) == (mpidr & MPIDR_AFF_MASK))
			return &vm.vcpus[i];
	return NULL;
}

static bool in_guest_ram(uint64_t ipa)
{
	return ipa >= GUEST_IPA_BASE && ipa - GUEST_IPA_BASE < vm.boot.ram_size;
}

static int64_t cpu_on(uint64_t mpidr, uint64_t entry, uint64_t context)
{
	struct vcpu *t = vcpu_by_mpidr(mpidr);
	int64_t ret;

	if (!t)
		return PSCI_INVALID_PARAMETERS;
	if (!in_guest_ram(entry))
		return PSCI_INVALID_ADDRESS;
	spin_lock(&t->lock);
	switch (vcpu_state(t)) {
	case VCPU_OFF:
		t->on_entry = entry;
		t->on_context = context;
		vcpu_set_state(t, VCPU_ON_PENDING);
		ret = PSCI_SUCCESS;
		break;
	case VCPU_ON_PENDING:
		ret = PSCI_ON_PENDING;
		break;
	default:
		ret = PSCI_ALREADY_ON;
		break;
	}
	spin_unlock(&t->lock);
	if (ret == PSCI_SUCCESS)
		sched_kick(t);
	return ret;
}

static int64_t affinity_info(uint64_t mpidr, uint64_t level)
{
	struct vcpu *t = vcpu_by_mpidr(mpidr);

	if (!t || level != 0)
		return PSCI_INVALID_PARAMETERS;
	switch (vcpu_state(t)) {
	case VCPU_OFF:
		return PSCI_AFF_OFF;
	case VCPU_ON_PENDING:
		return PSCI_AFF_ON_PENDING;
	default:
		return PSCI_AFF_ON;
	}
}

static void print_statistics(void)
{
	hyp_printf("armvirt-hyp: %lu exits to the loop\n", vm.exits_to_loop);
	for (unsigned i = 0; i < vm.nvcpus; i++) {
		const struct vcpu *u = &vm.vcpus[i];
		hyp_printf("armvirt-hyp: vCPU %u: %lu exits (%lu fast), %lu FP loads, %lu runs, "
			   "%lu WFI blocks\n",
			   i, u->arch.exits, u->arch.fast_resumes, u->arch.fp_loads, u->slices,
			   u->blocks);
	}
	for (unsigned i = 0; i < vm.npcpus; i++)
		hyp_printf("armvirt-hyp: CPU %u: %lu interrupts, %lu idle wake-ups\n", i,
			   vm.pcpus[i].irqs, vm.pcpus[i].idle_wakeups);
}

static bool implemented(uint32_t fid)
{
	switch (fid) {
	case PSCI_VERSION:
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
	case SMCCC_VERSION:
	case SMCCC_ARCH_FEATURES:
		return true;
	default:
		return false;
	}
}

/* SMC32/HVC32 calls pass 32-bit arguments: the upper halves are ignored. */
static uint64_t arg(const struct vcpu *v, unsigned n, bool smc64)
{
	return smc64 ? v->arch.gp.x[n] : (uint32_t)v->arch.gp.x[n];
}

void psci_init(void)
{
	/* Every function ID the example implements in C. */
	static const uint32_t in_c[] = {
		HYP_CALL_NULL_FAST,  HYP_CALL_NULL_FULL,    HYP_CALL_YIELD,	   PSCI_FEATURES,
		SMCCC_ARCH_FEATURES, PSCI_CPU_SUSPEND_32,   PSCI_CPU_SUSPEND_64,   PSCI_CPU_ON_32,
		PSCI_CPU_ON_64,	     PSCI_AFFINITY_INFO_32, PSCI_AFFINITY_INFO_64, PSCI_CPU_OFF,
		PSCI_SYSTEM_OFF,     PSCI_SYSTEM_RESET,
	};
	struct armvirt_switch_smccc *t = &vm.smccc;
	int err;

	/* The rest are NOT_SUPPORTED (SMCCC 1.1), or constants: all answered in the vectors. */
	err = armvirt_switch_smccc_init(t, ARMVIRT_SWITCH_SMCCC_ANSWER,
					(uint64_t)(int64_t)PSCI_NOT_SUPPORTED);
	err = err ? err
		  : armvirt_switch_smccc_set(t, PSCI_VERSION, ARMVIRT_SWITCH_SMCCC_ANSWER,
					     PSCI_1_1);
	err = err ? err
		  : armvirt_switch_smccc_set(t, SMCCC_VERSION, ARMVIRT_SWITCH_SMCCC_ANSWER,
					     SMCCC_1_1);
	err = err ? err
		  : armvirt_switch_smccc_set(t, PSCI_MIGRATE_INFO_TYPE, ARMVIRT_SWITCH_SMCCC_ANSWER,
					     PSCI_TOS_NOT_PRESENT_MP);
	err = err ? err
		  : armvirt_switch_smccc_set(t, HYP_CALL_VCPU_COUNT, ARMVIRT_SWITCH_SMCCC_ANSWER,
					     vm.nvcpus);
	for (unsigned i = 0; err == 0 && i < sizeof(in_c) / sizeof(in_c[0]); i++)
		err = armvirt_switch_smccc_set(t, in_c[i], ARMVIRT_SWITCH_SMCCC_EXIT, 0);
	if (err)
		hyp_panic("the SMCCC table cannot be built (%d)", err);
	vm.fast.smccc = t;
}

/* Whether the vectors looked the call up in vm.smccc: an AArch64 HVC #0. */
static bool table_seen(const struct armvirt_vcpu *a)
{
	return !a->exit.from_aarch32 &&
	       armvirt_field_get(a->exit.esr, ARMVIRT_ESR_EC_SHIFT, ARMVIRT_ESR_EC_WIDTH) ==
		       ARMVIRT_ESR_EC_HVC64 &&
	       armvirt_field_get(a->exit.esr, ARMVIRT_ESR_IMM16_SHIFT, ARMVIRT_ESR_IMM16_WIDTH) ==
		       0;
}

/*
 * The calls answered from the arguments alone, with no scheduler, lock or
 * other vCPU involved: the fast path may answer them. The table's answers
 * come first for the calls the vectors do not look up (SMC, HVC from
 * AArch32, HVC with an immediate). False for the calls only the exit loop
 * can answer.
 */
static bool pure_call(const struct armvirt_vcpu *a, int64_t *ret)
{
	uint32_t fid = (uint32_t)a->gp.x[0];
	uint32_t arg1 = (uint32_t)a->gp.x[1]; /* the features calls take a 32-bit function ID */
	uint64_t x0;

	if (!table_seen(a) &&
	    armvirt_switch_smccc_lookup(&vm.smccc, fid, &x0) == ARMVIRT_SWITCH_SMCCC_ANSWER) {
		*ret = (int64_t)x0;
		return true;
	}
	switch (fid) {
	case HYP_CALL_NULL_FAST:
		*ret = PSCI_SUCCESS;
		return true;
	case PSCI_FEATURES:
		/* CPU_SUSPEND: original power-state format, no OS-initiated mode (flags 0). */
		*ret = implemented(arg1) ? PSCI_SUCCESS : PSCI_NOT_SUPPORTED;
		return true;
	case SMCCC_ARCH_FEATURES:
		*ret = arg1 == SMCCC_VERSION || arg1 == SMCCC_ARCH_FEATURES ? PSCI_SUCCESS
									    : PSCI_NOT_SUPPORTED;
		return true;
	default: /* the calls psci_call() answers */
		return false;
	}
}

bool psci_call_fast(struct armvirt_vcpu *a)
{
	int64_t ret;

	if (!pure_call(a, &ret))
		return false;
	a->gp.x[0] = (uint64_t)ret;
	return true;
}

enum run_action psci_call(struct vcpu *v)
{
	uint32_t fid = (uint32_t)v->arch.gp.x[0];
	bool smc64 = (fid >> 30) & 1u; /* SMCCC: bit 30 set for the SMC64 calling convention */
	enum run_action act = RUN_CONTINUE;
	int64_t ret = PSCI_NOT_SUPPORTED;

	if (pure_call(&v->arch, &ret)) {
		v->arch.gp.x[0] = (uint64_t)ret;
		return RUN_CONTINUE;
	}
	switch (fid) {
	case HYP_CALL_NULL_FULL:
		ret = PSCI_SUCCESS;
		break;
	case HYP_CALL_YIELD:
		ret = PSCI_SUCCESS;
		act = RUN_YIELD;
		break;
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
		ret = PSCI_SUCCESS;
		act = vcpu_wakeup_pending(v->home, v) ? RUN_CONTINUE : RUN_BLOCK;
		break;
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		ret = cpu_on(arg(v, 1, smc64), arg(v, 2, smc64), arg(v, 3, smc64));
		break;
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		ret = affinity_info(arg(v, 1, smc64), arg(v, 2, smc64));
		break;
	case PSCI_CPU_OFF:
		return RUN_OFF; /* does not return to the caller */
	case PSCI_SYSTEM_OFF:
		print_statistics();
		hyp_poweroff(0);
	case PSCI_SYSTEM_RESET:
		/* The whole machine resets: the hypervisor boots again and reloads the guest. */
		hyp_printf("armvirt-hyp: the guest asked for a reset\n");
		hyp_smc(PSCI_SYSTEM_RESET, 0, 0, 0);
		hyp_poweroff(2);
	default: /* pure_call() answered every other function ID */
		break;
	}
	v->arch.gp.x[0] = (uint64_t)ret;
	return act;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Synchronous exceptions at EL1: a probed load that took an external abort
 * (the hypervisor emulates nothing at that address) resumes after the
 * load and reports it; any other exception stops the guest with a line the
 * runner attributes to the operation in progress.
 */
#include "bench.h"

/* ESR_EL1.EC (Arm ARM D24.2.40): a data abort taken without a change in exception level. */
#define ESR_EC_SHIFT 26
#define ESR_EC_MASK 0x3fu
#define ESR_EC_DABT_CUR 0x25u
#define FRAME_ELR 31u
#define INSN_BYTES 4u

static volatile bool probing[MAX_VCPUS], faulted[MAX_VCPUS];

bool probe_read32(uintptr_t addr, uint32_t *val)
{
	unsigned id = vcpu_self();
	uint32_t v = 0;

	faulted[id] = false;
	probing[id] = true;
	/* One instruction, so that the handler can skip it. */
	__asm__ volatile("ldr %w0, [%1]" : "+r"(v) : "r"(addr) : "memory");
	probing[id] = false;
	if (faulted[id])
		return false;
	*val = v;
	return true;
}

bool probe_write32(uintptr_t addr, uint32_t val)
{
	unsigned id = vcpu_self();

	faulted[id] = false;
	probing[id] = true;
	__asm__ volatile("str %w0, [%1]" : : "r"(val), "r"(addr) : "memory");
	probing[id] = false;
	return !faulted[id];
}

bool probe_write32_post(uintptr_t addr, uint32_t val)
{
	unsigned id = vcpu_self();

	faulted[id] = false;
	probing[id] = true;
	__asm__ volatile("str %w1, [%0], #0" : "+r"(addr) : "r"(val) : "memory");
	probing[id] = false;
	return !faulted[id];
}

void bench_unexpected(uint64_t vector, uint64_t esr, uint64_t elr);

__attribute__((noreturn)) void bench_unexpected(uint64_t vector, uint64_t esr, uint64_t elr)
{
	puts_("bench: error vcpu=");
	putu(vcpu_self());
	puts_(" unexpected exception vector=");
	putu(vector);
	puts_(" esr=");
	putx(esr);
	puts_(" elr=");
	putx(elr);
	puts_(" far=");
	putx(READ_SYSREG("far_el1"));
	puts_("\n");
	power_off();
}

void bench_sync(uint64_t *frame)
{
	unsigned id = vcpu_self();
	uint64_t esr = READ_SYSREG("esr_el1");

	if (probing[id] && ((esr >> ESR_EC_SHIFT) & ESR_EC_MASK) == ESR_EC_DABT_CUR) {
		faulted[id] = true;
		frame[FRAME_ELR] += INSN_BYTES;
		return;
	}
	bench_unexpected(4, esr, frame[FRAME_ELR]);
}

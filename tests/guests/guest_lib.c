/* SPDX-License-Identifier: BSD-3-Clause */
/* The test guests' shared helpers (guest.h). */
#include "guest.h"

volatile unsigned passed[MAX_VCPUS], failed[MAX_VCPUS];
volatile bool vcpu_done[MAX_VCPUS];
unsigned guest_nvcpus = 1;
static volatile unsigned arrived[MAX_VCPUS];
static volatile uint32_t out_lock_word;
static volatile unsigned out_owner = ~0u, out_depth;

void spin_lock(volatile uint32_t *l)
{
	while (__atomic_exchange_n(l, 1u, __ATOMIC_ACQUIRE))
		__asm__ volatile("yield");
}

void spin_unlock(volatile uint32_t *l)
{
	__atomic_store_n(l, 0u, __ATOMIC_RELEASE);
}

/* Whole lines from one vCPU at a time; the owner may nest (an exception while printing). */
void out_lock(void)
{
	unsigned self = vcpu_self();

	if (out_owner == self) {
		out_depth++;
		return;
	}
	spin_lock(&out_lock_word);
	out_owner = self;
	out_depth = 1;
}

void out_unlock(void)
{
	if (--out_depth == 0) {
		out_owner = ~0u;
		spin_unlock(&out_lock_word);
	}
}

void check(unsigned id, bool ok, const char *what, const char *detail, uint64_t want, uint64_t got)
{
	if (ok)
		passed[id]++;
	else
		failed[id]++;
	out_lock();
	puts_(ok ? "ok   vcpu" : "FAIL vcpu");
	putu(id);
	puts_(": ");
	puts_(what);
	if (detail) {
		puts_(detail);
		if (!ok) {
			puts_(" expected ");
			putx(want);
			puts_(" got ");
			putx(got);
		}
	}
	putc_('\n');
	out_unlock();
}

void check_eq(unsigned id, const char *what, uint64_t want, uint64_t got)
{
	if (want == got)
		passed[id]++;
	else
		failed[id]++;
	out_lock();
	puts_(want == got ? "ok   vcpu" : "FAIL vcpu");
	putu(id);
	puts_(": ");
	puts_(what);
	if (want != got) {
		puts_(": expected ");
		putx(want);
		puts_(" got ");
		putx(got);
	}
	putc_('\n');
	out_unlock();
}

__attribute__((noreturn)) void report_and_power_off(void)
{
	unsigned p = 0, f = 0;

	for (unsigned i = 0; i < MAX_VCPUS; i++) {
		p += passed[i];
		f += failed[i];
	}
	out_lock();
	putu(p);
	puts_(" passed, ");
	putu(f);
	puts_(" failed\n");
	out_unlock();
	power_off();
}

uint64_t pattern(unsigned id, unsigned round, unsigned i)
{
	uint64_t x = ((uint64_t)id + 1) * 0x9e3779b97f4a7c15u ^ ((uint64_t)round << 40) ^
		     ((uint64_t)i * 0x0101010101010101u);
	return x ^ (x >> 29);
}

uint64_t counter_freq(void)
{
	return READ_SYSREG("cntfrq_el0");
}

uint64_t ticks_from_us(uint64_t us)
{
	return counter_freq() / 1000000u * us;
}

void barrier(unsigned id)
{
	unsigned target = ++arrived[id];

	__asm__ volatile("dsb ish; sev" ::: "memory");
	for (;;) {
		bool all = true;
		for (unsigned i = 0; i < guest_nvcpus; i++)
			all = all && (vcpu_done[i] || arrived[i] >= target);
		if (all)
			return;
		__asm__ volatile("wfe" ::: "memory");
	}
}

/* SPDX-License-Identifier: BSD-3-Clause */
/* The test guests' shared helpers (guest.h). */
#include "guest.h"

#define UART_DR ((volatile uint32_t *)(UART_BASE + 0x000))
#define UART_FR ((volatile uint32_t *)(UART_BASE + 0x018))
#define UART_FR_TXFF (1u << 5)

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

void putc_(char c)
{
	if (c == '\n')
		putc_('\r');
	while (*UART_FR & UART_FR_TXFF)
		;
	*UART_DR = (uint32_t)(unsigned char)c;
}

void puts_(const char *s)
{
	while (*s)
		putc_(*s++);
}

void putu(uint64_t v)
{
	char b[21];
	int n = 0;

	do {
		b[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		putc_(b[--n]);
}

void putx(uint64_t v)
{
	puts_("0x");
	for (int s = 60; s >= 0; s -= 4)
		putc_("0123456789abcdef"[(v >> s) & 0xf]);
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
	for (;;)
		hvc_call(PSCI_SYSTEM_OFF, 0, 0, 0);
}

uint64_t hvc_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 __asm__("x0") = fid;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;

	__asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	return x0;
}

uint64_t smc_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 __asm__("x0") = fid;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;

	__asm__ volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	return x0;
}

unsigned vcpu_self(void)
{
	return (unsigned)(READ_SYSREG("mpidr_el1") & 0xffu);
}

uint64_t pattern(unsigned id, unsigned round, unsigned i)
{
	uint64_t x = ((uint64_t)id + 1) * 0x9e3779b97f4a7c15u ^ ((uint64_t)round << 40) ^
		     ((uint64_t)i * 0x0101010101010101u);
	return x ^ (x >> 29);
}

uint64_t counter(void)
{
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntvct_el0; isb" : "=r"(v));
	return v;
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

/* What the compiler may call for struct copies and initialisers. */
void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);

void *memcpy(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	while (n--)
		*dp++ = *sp++;
	return d;
}

void *memset(void *d, int c, size_t n)
{
	unsigned char *p = d;

	while (n--)
		*p++ = (unsigned char)c;
	return d;
}

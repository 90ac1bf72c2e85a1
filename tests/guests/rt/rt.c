/* SPDX-License-Identifier: BSD-3-Clause */
/* The guests' console, calls and memory functions (rt.h). */
#include "rt.h"

/* PL011 (Arm DDI 0183): data register, and the flag register's TX FIFO full bit. */
#define UART_DR ((volatile uint32_t *)(UART_BASE + 0x000))
#define UART_FR ((volatile uint32_t *)(UART_BASE + 0x018))
#define UART_FR_TXFF (1u << 5)
#define MPIDR_AFF0_MASK 0xffu

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
	return (unsigned)(READ_SYSREG("mpidr_el1") & MPIDR_AFF0_MASK);
}

__attribute__((noreturn)) void power_off(void)
{
	for (;;)
		(void)hvc_call(PSCI_SYSTEM_OFF, 0, 0, 0);
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

/* SPDX-License-Identifier: BSD-3-Clause */
/* Console output on the emulated PL011, and the few calls every vCPU makes. */
#include "bench.h"

#define UART_DR (UART_BASE + 0x000u)
#define UART_FR (UART_BASE + 0x018u)
#define UART_FR_TXFF (1u << 5)
#define MPIDR_AFF0_MASK 0xffu

static void out_char(char c)
{
	if (c == '\n')
		out_char('\r');
	while (mmio_read32(UART_FR) & UART_FR_TXFF)
		;
	mmio_write32(UART_DR, (uint32_t)(unsigned char)c);
}

void out_str(const char *s)
{
	while (*s)
		out_char(*s++);
}

void out_u64(uint64_t v)
{
	char b[21];
	int n = 0;

	do {
		b[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		out_char(b[--n]);
}

void out_hex(uint64_t v)
{
	out_str("0x");
	for (int s = 60; s >= 0; s -= 4)
		out_char("0123456789abcdef"[(v >> s) & 0xf]);
}

void out_tenths(int64_t tenths)
{
	if (tenths < 0) {
		out_char('-');
		tenths = -tenths;
	}
	out_u64((uint64_t)tenths / 10);
	out_char('.');
	out_char((char)('0' + (uint64_t)tenths % 10));
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

unsigned vcpu_self(void)
{
	return (unsigned)(READ_SYSREG("mpidr_el1") & MPIDR_AFF0_MASK);
}

__attribute__((noreturn)) void power_off(void)
{
	for (;;)
		(void)hvc_call(PSCI_SYSTEM_OFF, 0, 0, 0);
}

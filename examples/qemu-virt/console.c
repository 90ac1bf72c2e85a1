/* SPDX-License-Identifier: BSD-3-Clause */
/* The physical PL011 (PrimeCell UART PL011 TRM, 3.3): output, input, and printf. */
#include "hyp.h"

#define PL011_DR 0x00
#define PL011_FR 0x18
#define PL011_IMSC 0x38
#define PL011_FR_RXFE (1u << 4)
#define PL011_FR_TXFF (1u << 5)
#define PL011_INT_RX (1u << 4) /* RXIM / RXIC */
#define PL011_INT_RT (1u << 6) /* RTIM / RTIC: receive timeout */
#define PL011_DR_DATA_MASK 0xffu

static volatile uint32_t *uart = (volatile uint32_t *)0x09000000;
static unsigned console_lock;

void console_init(uintptr_t pl011_base)
{
	uart = (volatile uint32_t *)pl011_base;
}

void console_putc(char c)
{
	while (uart[PL011_FR / 4] & PL011_FR_TXFF)
		;
	uart[PL011_DR / 4] = (uint32_t)(unsigned char)c;
}

/*
 * The receive interrupts are raised when a character arrives (QEMU) or the
 * FIFO reaches its trigger level: enabling them does not report what is
 * already there, so the caller drains the FIFO after enabling.
 */
void console_rx_enable(bool on)
{
	uart[PL011_IMSC / 4] = on ? PL011_INT_RX | PL011_INT_RT : 0;
}

int console_getc(void)
{
	if (uart[PL011_FR / 4] & PL011_FR_RXFE)
		return -1;
	return (int)(uart[PL011_DR / 4] & PL011_DR_DATA_MASK);
}

void console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			console_putc('\r');
		console_putc(s[i]);
	}
}

static void put_num(uint64_t v, unsigned base, int width, char pad, bool neg)
{
	char buf[24];
	int n = 0;

	do {
		buf[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		buf[n++] = '-';
	while (width-- > n)
		console_putc(pad);
	while (n)
		console_putc(buf[--n]);
}

void hyp_vprintf(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		int width = 0, longs = 0;
		char pad = ' ';
		uint64_t u;

		if (*fmt != '%') {
			if (*fmt == '\n')
				console_putc('\r');
			console_putc(*fmt);
			continue;
		}
		fmt++;
		if (*fmt == '0')
			pad = '0';
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l') {
			longs++;
			fmt++;
		}
		switch (*fmt) {
		case 'd': {
			int64_t s = longs ? va_arg(ap, int64_t) : va_arg(ap, int);
			put_num(s < 0 ? (uint64_t)-s : (uint64_t)s, 10, width, pad, s < 0);
			break;
		}
		case 'u':
		case 'x':
			u = longs ? va_arg(ap, uint64_t) : va_arg(ap, unsigned);
			put_num(u, *fmt == 'u' ? 10 : 16, width, pad, false);
			break;
		case 'p':
			console_write("0x", 2);
			put_num((uintptr_t)va_arg(ap, void *), 16, width, pad, false);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			for (; *s; s++)
				console_putc(*s);
			break;
		}
		case 'c':
			console_putc((char)va_arg(ap, int));
			break;
		case '%':
			console_putc('%');
			break;
		default:
			console_putc('?');
			break;
		}
	}
}

void hyp_printf(const char *fmt, ...)
{
	va_list ap;

	while (__atomic_exchange_n(&console_lock, 1, __ATOMIC_ACQUIRE))
		;
	va_start(ap, fmt);
	hyp_vprintf(fmt, ap);
	va_end(ap);
	__atomic_store_n(&console_lock, 0, __ATOMIC_RELEASE);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The C library functions the hypervisor's objects call: the four the
 * armvirt libraries may need (memcpy, memset, memmove, memcmp), and what
 * Debian's libfdt.a was built to use (string functions, strtoul, and the
 * stack protector's guard and failure hook).
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "hyp.h"

void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
char *strchr(const char *s, int c);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strrchr(const char *s, int c);
unsigned long strtoul(const char *s, char **end, int base);
void __stack_chk_fail(void);

uintptr_t __stack_chk_guard = 0x5a17c0de2b0ba5e5u;

/*
 * A word at a time when both ends are 8-byte aligned (register files and
 * structures: the common case), a byte at a time otherwise and for the
 * tail. The word type may alias anything.
 */
typedef uint64_t __attribute__((may_alias)) word_t;
#define WORD_MASK (sizeof(word_t) - 1)

void *memcpy(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	if ((((uintptr_t)dp | (uintptr_t)sp) & WORD_MASK) == 0) {
		/* Four words an iteration: the compiler pairs them (LDP/STP). */
		for (; n >= 4 * sizeof(word_t); n -= 4 * sizeof(word_t)) {
			word_t a = ((const word_t *)(const void *)sp)[0];
			word_t b = ((const word_t *)(const void *)sp)[1];
			word_t c = ((const word_t *)(const void *)sp)[2];
			word_t e = ((const word_t *)(const void *)sp)[3];

			((word_t *)(void *)dp)[0] = a;
			((word_t *)(void *)dp)[1] = b;
			((word_t *)(void *)dp)[2] = c;
			((word_t *)(void *)dp)[3] = e;
			dp += 4 * sizeof(word_t);
			sp += 4 * sizeof(word_t);
		}
		for (; n >= sizeof(word_t); n -= sizeof(word_t)) {
			*(word_t *)(void *)dp = *(const word_t *)(const void *)sp;
			dp += sizeof(word_t);
			sp += sizeof(word_t);
		}
	}
	while (n--)
		*dp++ = *sp++;
	return d;
}

void *memmove(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	if (dp < sp) {
		while (n--)
			*dp++ = *sp++;
	} else {
		while (n--)
			dp[n] = sp[n];
	}
	return d;
}

void *memset(void *d, int c, size_t n)
{
	unsigned char *p = d;

	if (((uintptr_t)p & WORD_MASK) == 0) {
		word_t w = (word_t)(unsigned char)c * 0x0101010101010101ull;

		for (; n >= sizeof(word_t); n -= sizeof(word_t)) {
			*(word_t *)(void *)p = w;
			p += sizeof(word_t);
		}
	}
	while (n--)
		*p++ = (unsigned char)c;
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b || !*a)
			return (unsigned char)*a - (unsigned char)*b;
	}
	return 0;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	unsigned long v = 0;
	const char *start;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '+')
		s++;
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	start = s;
	for (; digit_value(*s) < base; s++) {
		unsigned long d = (unsigned long)digit_value(*s);
		v = v > (ULONG_MAX - d) / (unsigned long)base ? ULONG_MAX
							      : v * (unsigned long)base + d;
	}
	if (end)
		*end = (char *)(s == start ? start : s);
	return v;
}

void __stack_chk_fail(void)
{
	hyp_panic("stack smashing detected (libfdt)");
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A program outside the tree that uses the installed armvirt, the way a
 * hypervisor author would: built against armvirt.pc, for the host and for
 * aarch64 bare metal. On bare metal it also supplies the documented symbols
 * a freestanding consumer provides, and uses only the syndrome decoder, so
 * that it links against armvirt-esr alone as well as against everything.
 */
#include <armvirt/armvirt.h>

#if defined(ARMVIRT_CONSUMER_BAREMETAL)
#include <stddef.h>

void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void _start(void);

void *memcpy(void *d, const void *s, size_t n)
{
	return memmove(d, s, n);
}

void *memset(void *d, int c, size_t n)
{
	unsigned char *p = d;
	while (n--)
		*p++ = (unsigned char)c;
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

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

static int consumer_main(void);

void _start(void)
{
	static volatile int status;

	status = consumer_main();
	for (;;)
		(void)status;
}
#define main consumer_main
#else
#include <stdio.h>
#endif

int main(void)
{
	const char *s = armvirt_strerror(ARMVIRT_ENOMEM);
	armvirt_ipa_t ipa = armvirt_ipa(0x40000000);

#if defined(ARMVIRT_CONSUMER_BAREMETAL)
	/* Only the syndrome decoder and core: links against armvirt-esr alone too. */
	struct armvirt_esr e;
	(void)ipa;
	return s[0] == 'o' && armvirt_esr_decode(0x93c08007u, &e) == 0 ? 0 : 1;
#else
	armvirt_port_write_vtcr_el2(armvirt_ipa_val(ipa));
	printf("consumer: %s, vtcr %#llx\n", s, (unsigned long long)armvirt_port_read_vtcr_el2());
	return 0;
#endif
}

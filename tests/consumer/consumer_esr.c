/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Uses one component alone: the syndrome decoder, with nothing but
 * armvirt-esr (and the core it needs) linked in.
 */
#include <armvirt/esr.h>
#include <stdio.h>

int main(void)
{
	struct armvirt_esr e;
	char line[256];

	/* A 64-bit load from a lower EL, translation fault at level 3. */
	if (armvirt_esr_decode(0x93c08007u, &e) < 0 ||
	    armvirt_esr_format(&e, line, sizeof(line)) < 0)
		return 1;
	puts(line);
	return 0;
}

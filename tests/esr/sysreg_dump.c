/* SPDX-License-Identifier: BSD-3-Clause */
/* Prints the compiled system-register table, one "op0 op1 crn crm op2 NAME" per line. */
#include <armvirt/esr.h>
#include <stdio.h>

int main(void)
{
	const char *name;
	uint32_t enc;
	size_t i;

	for (i = 0; armvirt_esr_sysreg_at(i, &enc, &name) == 0; i++)
		printf("%u %u %u %u %u %s\n", (enc >> 14) & 3u, (enc >> 11) & 7u, (enc >> 7) & 15u,
		       (enc >> 3) & 15u, enc & 7u, name);
	return 0;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/* Uses one component alone: only the error convention is linked in. */
#include <armvirt/err.h>
#include <stdio.h>

int main(void)
{
	puts(armvirt_strerror(ARMVIRT_EEXIST));
	return 0;
}

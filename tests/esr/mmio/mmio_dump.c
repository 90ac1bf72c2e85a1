/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Prints the decoder's view of instruction words, one line each, for the
 * differential test against binutils (diff_objdump.py). Input lines are
 * "<isa> <hex>" with isa a64, a32 or t32.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <armvirt/mmio.h>

static void reg(const char *name, unsigned r)
{
	if (r == ARMVIRT_MMIO_NOREG)
		printf(" %s=-", name);
	else
		printf(" %s=%u", name, r);
}

int main(void)
{
	char isa_name[8];
	unsigned long word;

	while (scanf("%7s %lx", isa_name, &word) == 2) {
		struct armvirt_mmio_insn d;
		unsigned isa;

		if (!strcmp(isa_name, "a64"))
			isa = ARMVIRT_MMIO_ISA_A64;
		else if (!strcmp(isa_name, "a32"))
			isa = ARMVIRT_MMIO_ISA_A32;
		else if (!strcmp(isa_name, "t32"))
			isa = ARMVIRT_MMIO_ISA_T32;
		else
			return 2;
		if (armvirt_mmio_decode(isa, (uint32_t)word, &d) != 0) {
			printf("%s %08lx error\n", isa_name, word);
			continue;
		}
		printf("%s %08lx kind=%s reason=%s size=%u count=%u bank=%s", isa_name, word,
		       armvirt_mmio_kind_name(d.kind), armvirt_mmio_reason_name(d.reason), d.size,
		       d.count, armvirt_mmio_bank_name(d.bank));
		reg("rt", d.rt);
		reg("rt2", d.rt2);
		reg("rs", d.rs);
		reg("rn", d.rn);
		reg("rm", d.rm);
		printf(" addr=%s index=%s amount=%u offset=%d sx=%d wb=%d sub=%d acq=%d rel=%d "
		       "excl=%d "
		       "unpriv=%d desc=%d len=%u\n",
		       armvirt_mmio_addressing_name(d.addressing), armvirt_mmio_index_name(d.index),
		       d.amount, (int)d.offset, d.sign_extend, d.writeback, d.subtract, d.acquire,
		       d.release, d.exclusive, d.unprivileged, d.descending, d.len);
	}
	return 0;
}

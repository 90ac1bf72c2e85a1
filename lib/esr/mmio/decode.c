/* SPDX-License-Identifier: BSD-3-Clause */
/* The instruction-set dispatch of the MMIO decoders. */
#include "mmio_internal.h"

int armvirt_mmio_decode(unsigned isa, uint32_t insn, struct armvirt_mmio_insn *d)
{
	switch (isa) {
	case ARMVIRT_MMIO_ISA_A64:
		return armvirt_mmio_decode_a64(insn, d);
	case ARMVIRT_MMIO_ISA_A32:
		return armvirt_mmio_decode_a32(insn, d);
	case ARMVIRT_MMIO_ISA_T32:
		return armvirt_mmio_decode_t32(insn, d);
	default:
		return ARMVIRT_EINVAL;
	}
}

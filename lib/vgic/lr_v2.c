/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GICv2 virtual interface control for load, put and init: GICH_VMCR,
 * GICH_APR and GICH_VTR (GICv2 5.3), through armvirt_port_gich_read() and
 * armvirt_port_gich_write(). The list registers and the registers every
 * entry and exit touches are in lr_format.h.
 */
#include <armvirt/port.h>

#include "internal.h"

static void write_vmcr(uint32_t v)
{
	armvirt_port_gich_write(ARMVIRT_GICH_VMCR, v);
}

/* One GICH_APR covers both groups (GICv2 5.3.10); it is kept in apr[1][0]. */
static void save_apr(const struct armvirt_vgic *d, uint32_t apr[2][4])
{
	(void)d;
	apr[1][0] = armvirt_port_gich_read(ARMVIRT_GICH_APR);
}

static void restore_apr(const struct armvirt_vgic *d, const uint32_t apr[2][4])
{
	(void)d;
	armvirt_port_gich_write(ARMVIRT_GICH_APR, apr[1][0]);
}

static unsigned pmr(uint32_t vmcr)
{
	return (unsigned)armvirt_field_get(vmcr, ARMVIRT_GICH_VMCR_PMR_SHIFT,
					   ARMVIRT_GICH_VMCR_PMR_WIDTH)
	       << (8 - ARMVIRT_GICH_VMCR_PMR_WIDTH);
}

static uint32_t read_vtr(void)
{
	return armvirt_port_gich_read(ARMVIRT_GICH_VTR);
}

const struct lr_ops vgic_lr_ops_v2 = {
	.write_vmcr = write_vmcr,
	.save_apr = save_apr,
	.restore_apr = restore_apr,
	.pmr = pmr,
	.read_vtr = read_vtr,
	.max_lrs = ARMVIRT_VGIC_MAX_LRS,
	.listregs_width = ARMVIRT_GICH_VTR_LISTREGS_WIDTH,
};

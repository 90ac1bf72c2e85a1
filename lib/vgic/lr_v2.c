/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GICv2 list registers and virtual interface control: the GICH frame
 * (GICv2 5.3), through armvirt_port_gich_read() and armvirt_port_gich_write().
 */
#include <armvirt/port.h>

#include "lr_format.h"

static uint64_t read_lr(unsigned n)
{
	return armvirt_port_gich_read(ARMVIRT_GICH_LR0 + 4u * n);
}

static void write_lr(unsigned n, uint64_t v)
{
	armvirt_port_gich_write(ARMVIRT_GICH_LR0 + 4u * n, (uint32_t)v);
}

static uint64_t read_elrsr(const struct armvirt_vgic *d)
{
	return lr_v2_read_pair(d, ARMVIRT_GICH_ELRSR0);
}

static uint64_t read_eisr(const struct armvirt_vgic *d)
{
	return lr_v2_read_pair(d, ARMVIRT_GICH_EISR0);
}

static uint32_t read_hcr(void)
{
	return armvirt_port_gich_read(ARMVIRT_GICH_HCR);
}

static void write_hcr(uint32_t v)
{
	armvirt_port_gich_write(ARMVIRT_GICH_HCR, v);
}

static uint32_t read_vmcr(void)
{
	return armvirt_port_gich_read(ARMVIRT_GICH_VMCR);
}

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
	.encode = lr_v2_encode,
	.state = lr_v2_state,
	.invalid = lr_v2_invalid,
	.read_lr = read_lr,
	.write_lr = write_lr,
	.read_elrsr = read_elrsr,
	.read_eisr = read_eisr,
	.eoi_set = lr_v2_eoi_set,
	.read_hcr = read_hcr,
	.write_hcr = write_hcr,
	.read_vmcr = read_vmcr,
	.write_vmcr = write_vmcr,
	.save_apr = save_apr,
	.restore_apr = restore_apr,
	.pmr = pmr,
	.read_vtr = read_vtr,
	.max_lrs = ARMVIRT_VGIC_MAX_LRS,
	.listregs_width = ARMVIRT_GICH_VTR_LISTREGS_WIDTH,
};

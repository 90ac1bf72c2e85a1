/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GICv2 list registers and virtual interface control: the GICH frame
 * (GICv2 5.3), through armvirt_port_gich_read() and armvirt_port_gich_write().
 */
#include <armvirt/port.h>

#include "internal.h"

static uint64_t encode(const struct armvirt_vgic *d, const struct armvirt_vgic_irq *irq,
		       unsigned src, unsigned state)
{
	uint64_t lr = irq->intid;

	lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_PRIORITY_SHIFT, ARMVIRT_GICH_LR_PRIORITY_WIDTH,
			       irq->priority >> (8 - ARMVIRT_GICH_LR_PRIORITY_WIDTH));
	lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_GRP1_SHIFT, ARMVIRT_GICH_LR_GRP1_WIDTH,
			       irq_group(irq));
	lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_STATE_SHIFT, ARMVIRT_GICH_LR_STATE_WIDTH,
			       state & ST_PA);
	if (irq->flags & IRQ_HW) {
		lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_HW_SHIFT, ARMVIRT_GICH_LR_HW_WIDTH, 1);
		lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_PHYSICALID_SHIFT,
				       ARMVIRT_GICH_LR_PHYSICALID_WIDTH, irq->pintid);
	} else {
		if (is_v2_sgi(d, irq))
			lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_CPUID_SHIFT,
					       ARMVIRT_GICH_LR_CPUID_WIDTH, src);
		if (state & ST_EOI)
			lr = armvirt_field_set(lr, ARMVIRT_GICH_LR_EOI_SHIFT,
					       ARMVIRT_GICH_LR_EOI_WIDTH, 1);
	}
	return lr;
}

static unsigned state(uint64_t lr)
{
	return (unsigned)armvirt_field_get(lr, ARMVIRT_GICH_LR_STATE_SHIFT,
					   ARMVIRT_GICH_LR_STATE_WIDTH);
}

static uint64_t invalid(uint64_t lr)
{
	return armvirt_field_set(lr, ARMVIRT_GICH_LR_STATE_SHIFT, ARMVIRT_GICH_LR_STATE_WIDTH,
				 ARMVIRT_GIC_LR_STATE_INVALID);
}

static bool eoi_set(uint64_t lr)
{
	return !armvirt_field_get(lr, ARMVIRT_GICH_LR_HW_SHIFT, ARMVIRT_GICH_LR_HW_WIDTH) &&
	       armvirt_field_get(lr, ARMVIRT_GICH_LR_EOI_SHIFT, ARMVIRT_GICH_LR_EOI_WIDTH);
}

static uint64_t read_lr(unsigned n)
{
	return armvirt_port_gich_read(ARMVIRT_GICH_LR0 + 4u * n);
}

static void write_lr(unsigned n, uint64_t v)
{
	armvirt_port_gich_write(ARMVIRT_GICH_LR0 + 4u * n, (uint32_t)v);
}

/* The second word covers list registers 32 to 63 and exists only if they do. */
static uint64_t read_pair(const struct armvirt_vgic *d, uint32_t lo)
{
	uint64_t v = armvirt_port_gich_read(lo);

	if (d->nr_lrs > 32)
		v |= (uint64_t)armvirt_port_gich_read(lo + 4u) << 32;
	return v;
}

static uint64_t read_elrsr(const struct armvirt_vgic *d)
{
	return read_pair(d, ARMVIRT_GICH_ELRSR0);
}

static uint64_t read_eisr(const struct armvirt_vgic *d)
{
	return read_pair(d, ARMVIRT_GICH_EISR0);
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
	.encode = encode,
	.state = state,
	.invalid = invalid,
	.read_lr = read_lr,
	.write_lr = write_lr,
	.read_elrsr = read_elrsr,
	.read_eisr = read_eisr,
	.eoi_set = eoi_set,
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

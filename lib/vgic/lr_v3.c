/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GICv3 virtual CPU interface control for load, put and init:
 * ICH_VMCR_EL2, ICH_AP0R<n>_EL2/ICH_AP1R<n>_EL2 and ICH_VTR_EL2, through the
 * port (GICv3 12.5). The list registers and the registers every entry and
 * exit touches are in lr_format.h.
 */
#include <armvirt/port.h>

#include "internal.h"

static void write_vmcr(uint32_t v)
{
	armvirt_port_write_ich_vmcr_el2(v);
}

/* d->nr_apr registers per group: 32 preemption levels each (GICv3 12.5.1). */
static void save_apr(const struct armvirt_vgic *d, uint32_t apr[2][4])
{
	for (unsigned n = 0; n < d->nr_apr; n++) {
		apr[0][n] = (uint32_t)armvirt_port_read_ich_ap0r(n);
		apr[1][n] = (uint32_t)armvirt_port_read_ich_ap1r(n);
	}
}

static void restore_apr(const struct armvirt_vgic *d, const uint32_t apr[2][4])
{
	for (unsigned n = 0; n < d->nr_apr; n++) {
		armvirt_port_write_ich_ap0r(n, apr[0][n]);
		armvirt_port_write_ich_ap1r(n, apr[1][n]);
	}
}

static unsigned pmr(uint32_t vmcr)
{
	return (unsigned)armvirt_field_get(vmcr, ARMVIRT_ICH_VMCR_PMR_SHIFT,
					   ARMVIRT_ICH_VMCR_PMR_WIDTH);
}

static uint32_t read_vtr(void)
{
	return (uint32_t)armvirt_port_read_ich_vtr_el2();
}

const struct lr_ops vgic_lr_ops_v3 = {
	.write_vmcr = write_vmcr,
	.save_apr = save_apr,
	.restore_apr = restore_apr,
	.pmr = pmr,
	.read_vtr = read_vtr,
	.max_lrs = ARMVIRT_PORT_ICH_LR_MAX,
	.listregs_width = ARMVIRT_ICH_VTR_LISTREGS_WIDTH,
};

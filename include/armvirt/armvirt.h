/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file armvirt.h
 * @brief Umbrella header: every public armvirt interface.
 *
 * Include a component's own header instead to depend on that component only.
 */
#ifndef ARMVIRT_ARMVIRT_H
#define ARMVIRT_ARMVIRT_H

#include <armvirt/access.h>
#include <armvirt/bits.h>
#include <armvirt/err.h>
#include <armvirt/esr.h>
#include <armvirt/esr_fields.h>
#include <armvirt/mmio.h>
#include <armvirt/port.h>
#include <armvirt/s2mmu.h>
#include <armvirt/s2mmu_desc.h>
#include <armvirt/switch.h>
#include <armvirt/switch_regs.h>
#include <armvirt/types.h>
#include <armvirt/vgic.h>
#include <armvirt/vgic_regs.h>
#include <armvirt/vtimer.h>
#include <armvirt/vtimer_vgic.h>

#endif /* ARMVIRT_ARMVIRT_H */

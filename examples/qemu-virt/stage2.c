/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The guest's stage-2 translation, minimal and static: the guest's RAM as
 * 2 MiB blocks and, for a GICv2 guest, the hardware's GICV frame at the
 * guest's GICC address as 4 KiB device pages. Everything else stays
 * unmapped, so every other access faults to EL2. This is the one file
 * lib/s2mmu replaces.
 *
 * Layout from the Arm ARM: VTCR_EL2 D24.2.195, VTTBR_EL2 D24.2.196,
 * stage-2 descriptors D8.3 (MemAttr [5:2], S2AP [7:6], SH [9:8], AF [10],
 * XN [54:53]).
 */
#include <armvirt/bits.h>
#include <armvirt/port.h>

#include "hyp.h"

#define GUEST_MAX_RAM (2ull << 30)
#define L2_BLOCK_SIZE (2ull << 20)
#define PAGE_SIZE 4096ull

#define VTCR_T0SZ_SHIFT 0
#define VTCR_SL0_SHIFT 6
#define VTCR_IRGN0_SHIFT 8
#define VTCR_ORGN0_SHIFT 10
#define VTCR_SH0_SHIFT 12
#define VTCR_TG0_SHIFT 14
#define VTCR_PS_SHIFT 16
#define VTCR_RES1 ARMVIRT_BIT(31)
#define VTCR_SL0_LEVEL1 1 /* 4 KiB granule: start at level 1 */
#define VTCR_WB 1	  /* write-back, read/write-allocate walks */
#define VTCR_SH_INNER 3
#define VTCR_TG0_4K 0ull
#define ID_AA64MMFR0_PARANGE_SHIFT 0
#define ID_AA64MMFR0_PARANGE_WIDTH 4
#define VTTBR_VMID_SHIFT 48
#define VMID 1u

#define S2_DESC_BLOCK 0x1ull
#define S2_DESC_TABLE 0x3ull
#define S2_DESC_PAGE 0x3ull
#define S2_MEMATTR_SHIFT 2
#define S2_MEMATTR_NORMAL_WB 0xfull
#define S2_MEMATTR_DEVICE_NGNRE 0x1ull
#define S2_S2AP_SHIFT 6
#define S2_S2AP_RW 0x3ull
#define S2_SH_SHIFT 8
#define S2_SH_INNER 0x3ull
#define S2_AF ARMVIRT_BIT(10)
#define S2_XN (2ull << 53)

static uint64_t s2_l1[512] __attribute__((aligned(4096)));
static uint64_t s2_l2[GUEST_MAX_RAM >> 30][512] __attribute__((aligned(4096)));
static uint64_t s2_l2_dev[512] __attribute__((aligned(4096))); /* IPA 0-1 GiB */
static uint64_t s2_l3_dev[512] __attribute__((aligned(4096))); /* IPA 0x08000000 + 2 MiB */
static uint64_t vtcr, ram_size;

int stage2_init(uint64_t guest_ram_size, uint64_t gicv_pa, uint64_t gicv_size)
{
	uint64_t block = S2_DESC_BLOCK | (S2_MEMATTR_NORMAL_WB << S2_MEMATTR_SHIFT) |
			 (S2_S2AP_RW << S2_S2AP_SHIFT) | (S2_SH_INNER << S2_SH_SHIFT) | S2_AF;
	uint64_t page = S2_DESC_PAGE | (S2_MEMATTR_DEVICE_NGNRE << S2_MEMATTR_SHIFT) |
			(S2_S2AP_RW << S2_S2AP_SHIFT) | S2_AF | S2_XN;
	uint64_t parange;

	if (guest_ram_size > GUEST_MAX_RAM || guest_ram_size % L2_BLOCK_SIZE ||
	    GUEST_GICC_IPA >> 21 != (GUEST_GICC_IPA + gicv_size - 1) >> 21)
		return -1;
	ram_size = guest_ram_size;
	for (uint64_t off = 0; off < guest_ram_size; off += L2_BLOCK_SIZE)
		s2_l2[off >> 30][(off >> 21) & 511] = (GUEST_PA_BASE + off) | block;
	for (uint64_t g = 0; g < (guest_ram_size + (1ull << 30) - 1) >> 30; g++)
		s2_l1[(GUEST_IPA_BASE >> 30) + g] = (uintptr_t)s2_l2[g] | S2_DESC_TABLE;
	if (gicv_size) {
		for (uint64_t off = 0; off < gicv_size; off += PAGE_SIZE)
			s2_l3_dev[((GUEST_GICC_IPA + off) >> 12) & 511] = (gicv_pa + off) | page;
		s2_l2_dev[(GUEST_GICC_IPA >> 21) & 511] = (uintptr_t)s2_l3_dev | S2_DESC_TABLE;
		s2_l1[0] = (uintptr_t)s2_l2_dev | S2_DESC_TABLE;
	}

	parange = armvirt_field_get(armvirt_port_read_id_aa64mmfr0_el1(),
				    ID_AA64MMFR0_PARANGE_SHIFT, ID_AA64MMFR0_PARANGE_WIDTH);
	vtcr = VTCR_RES1 | (parange << VTCR_PS_SHIFT) | (VTCR_SH_INNER << VTCR_SH0_SHIFT) |
	       (VTCR_WB << VTCR_ORGN0_SHIFT) | (VTCR_WB << VTCR_IRGN0_SHIFT) |
	       (VTCR_TG0_4K << VTCR_TG0_SHIFT) | (VTCR_SL0_LEVEL1 << VTCR_SL0_SHIFT) |
	       ((64u - GUEST_IPA_BITS) << VTCR_T0SZ_SHIFT);
	armvirt_port_dsb(ARMVIRT_PORT_ISHST);
	return 0;
}

void stage2_install(void)
{
	armvirt_port_write_vtcr_el2(vtcr);
	armvirt_port_write_vttbr_el2((uint64_t)(uintptr_t)s2_l1 |
				     ((uint64_t)VMID << VTTBR_VMID_SHIFT));
	armvirt_port_isb();
	armvirt_port_tlbi(ARMVIRT_TLBI_VMALLS12E1, 0);
	armvirt_port_dsb(ARMVIRT_PORT_ISH);
	armvirt_port_isb();
}

bool stage2_is_ram(uint64_t ipa, uint64_t *pa)
{
	if (ipa < GUEST_IPA_BASE || ipa - GUEST_IPA_BASE >= ram_size)
		return false;
	*pa = ipa - GUEST_IPA_BASE + GUEST_PA_BASE;
	return true;
}

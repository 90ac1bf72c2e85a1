/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The guest's stage-2 translation, with lib/s2mmu: its RAM, and for a
 * GICv2 guest the hardware's GICV frame at the guest's GICC address.
 * Everything else stays unmapped, so every other access faults to EL2:
 * the emulated devices, and the accesses to nothing that become external
 * aborts.
 *
 * Table pages come from a fixed pool in the hypervisor's memory (mapped
 * Normal Write-Back Inner Shareable, as the table walker needs): a free
 * list threaded through the free pages, under a lock. The hypervisor's
 * identity map makes every table's VA its PA (ops.va_offset 0).
 */
#include <armvirt/port.h>
#include <armvirt/s2mmu.h>

#include "vm.h" /* spin_lock */

#define GRANULE 4096ull
#define POOL_PAGES 64u
#define ROOT_MAX (16u * GRANULE) /* up to 16 concatenated initial tables */
#define VMID 1u

static uint8_t pool[POOL_PAGES][GRANULE] __attribute__((aligned(4096)));
static uint8_t root[ROOT_MAX] __attribute__((aligned(ROOT_MAX)));
static uintptr_t free_list;
static uint32_t pool_lock;
static struct armvirt_s2mmu s2;
static uint64_t vttbr;

static int page_alloc(void *ctx, armvirt_pa_t *pa)
{
	uintptr_t p;

	(void)ctx;
	spin_lock(&pool_lock);
	p = free_list;
	if (p)
		free_list = *(uintptr_t *)p;
	spin_unlock(&pool_lock);
	if (!p)
		return -1;
	*pa = armvirt_pa(p);
	return 0;
}

static void page_free(void *ctx, armvirt_pa_t pa)
{
	uintptr_t p = (uintptr_t)armvirt_pa_val(pa);

	(void)ctx;
	spin_lock(&pool_lock);
	*(uintptr_t *)p = free_list;
	free_list = p;
	spin_unlock(&pool_lock);
}

int stage2_init(uint64_t guest_ram_size, uint64_t gicv_pa, uint64_t gicv_size)
{
	struct armvirt_s2mmu_ops ops = { .alloc_page = page_alloc, .free_page = page_free };
	struct armvirt_s2mmu_config cfg;
	struct armvirt_s2mmu_cpu cpu;
	int err;

	for (unsigned i = 0; i < POOL_PAGES; i++)
		page_free(NULL, armvirt_pa((uintptr_t)pool[i]));

	armvirt_s2mmu_cpu_read(&cpu);
	err = armvirt_s2mmu_configure(&cfg, &cpu, GUEST_IPA_BITS, GRANULE,
				      ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC);
	if (err == 0 && armvirt_s2mmu_root_size(&cfg) > ROOT_MAX)
		err = -1;
	if (err == 0)
		err = armvirt_s2mmu_init(&s2, &cfg, armvirt_pa((uintptr_t)root), &ops);
	if (err == 0)
		err = armvirt_s2mmu_vttbr(&cfg, armvirt_pa((uintptr_t)root), VMID, &vttbr);
	if (err)
		return err;
	/* The boot CPU maps with the VM's VMID current (the library's TLBIs use it). */
	stage2_install();

	err = armvirt_s2mmu_map(&s2, armvirt_ipa(GUEST_IPA_BASE), armvirt_pa(GUEST_PA_BASE),
				guest_ram_size, ARMVIRT_S2MMU_R | ARMVIRT_S2MMU_W, 0);
	if (err == 0 && gicv_size)
		err = armvirt_s2mmu_map(&s2, armvirt_ipa(GUEST_GICC_IPA), armvirt_pa(gicv_pa),
					gicv_size,
					ARMVIRT_S2MMU_R | ARMVIRT_S2MMU_W | ARMVIRT_S2MMU_XN |
						armvirt_field_set(0, ARMVIRT_S2MMU_ATTR_MEM_SHIFT,
								  ARMVIRT_S2MMU_ATTR_MEM_WIDTH,
								  ARMVIRT_S2MMU_MEM_DEVICE_nGnRE),
					0);
	if (err == 0)
		hyp_printf("armvirt-hyp: stage 2: %u-bit IPA, start level %u, %lu table pages\n",
			   cfg.ipa_bits, cfg.start_level, s2.table_pages);
	return err;
}

void stage2_install(void)
{
	armvirt_port_dsb(ARMVIRT_PORT_ISHST);
	armvirt_port_write_vtcr_el2(s2.cfg.vtcr);
	armvirt_port_write_vttbr_el2(vttbr);
	armvirt_port_isb();
	armvirt_port_tlbi(ARMVIRT_TLBI_VMALLS12E1, 0);
	armvirt_port_dsb(ARMVIRT_PORT_ISH);
	armvirt_port_isb();
}

bool stage2_is_ram(uint64_t ipa, uint64_t *pa)
{
	struct armvirt_s2mmu_leaf leaf;

	if (armvirt_s2mmu_walk(&s2, armvirt_ipa(ipa), &leaf) != 0 ||
	    armvirt_field_get(leaf.attr, ARMVIRT_S2MMU_ATTR_MEM_SHIFT,
			      ARMVIRT_S2MMU_ATTR_MEM_WIDTH) != ARMVIRT_S2MMU_MEM_NORMAL_WB)
		return false;
	*pa = armvirt_pa_val(leaf.pa) + (ipa - armvirt_ipa_val(leaf.ipa));
	return true;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Loading the guest the way QEMU's -kernel loads a kernel, from fw_cfg
 * items the runner passes (-fw_cfg name=opt/armvirt/kernel,file=...):
 *
 *  - an arm64 Linux Image (Documentation/arch/arm64/booting.rst: the
 *    64-byte header with text_offset, image_size and the magic "ARM\x64"
 *    at 0x38) goes at RAM base + text_offset and owns image_size bytes
 *    from there (its BSS included);
 *  - anything else is a raw binary at RAM base + 0x80000;
 *  - the device tree goes in the last 2 MiB of guest RAM (8-byte aligned,
 *    at most 2 MiB, as the boot protocol asks), the initrd right below it
 *    (page aligned), and neither may overlap the kernel.
 */
#include <libfdt.h>

#include "hyp.h"

#define FWCFG_KERNEL "opt/armvirt/kernel"
#define FWCFG_INITRD "opt/armvirt/initrd"
#define FWCFG_CMDLINE "opt/armvirt/cmdline"

/* The arm64 Image header. */
#define IMAGE_HEADER_SIZE 64u
#define IMAGE_TEXT_OFFSET 8u
#define IMAGE_SIZE 16u
#define IMAGE_MAGIC_OFFSET 0x38u
#define IMAGE_MAGIC 0x644d5241u		 /* "ARM\x64" */
#define IMAGE_OLD_TEXT_OFFSET 0x80000ull /* image_size 0: a kernel before 3.17 */

#define DTB_SPACE (2ull << 20)
#define PAGE_SIZE 4096ull

static uint64_t le64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int load_kernel(struct guest_boot *g)
{
	uint8_t hdr[IMAGE_HEADER_SIZE] = { 0 };
	uint64_t offset = GUEST_RAW_OFFSET, span;
	uint16_t sel;
	uint32_t size;

	if (fwcfg_find(FWCFG_KERNEL, &sel, &size) != 0 || size == 0) {
		hyp_printf("armvirt-hyp: no guest kernel (fw_cfg item %s)\n", FWCFG_KERNEL);
		return -1;
	}
	span = size;
	if (size >= IMAGE_HEADER_SIZE && fwcfg_read(sel, 0, hdr, sizeof(hdr)) == 0 &&
	    le32(hdr + IMAGE_MAGIC_OFFSET) == IMAGE_MAGIC) {
		g->linux_image = true;
		offset = le64(hdr + IMAGE_TEXT_OFFSET);
		span = le64(hdr + IMAGE_SIZE);
		if (span == 0) {
			offset = IMAGE_OLD_TEXT_OFFSET;
			span = size;
		}
		if (span < size)
			span = size;
	}
	g->entry = GUEST_IPA_BASE + offset;
	g->kernel_end = g->entry + span;
	if (offset >= g->ram_size || span > g->ram_size - offset - DTB_SPACE) {
		hyp_printf(
			"armvirt-hyp: a kernel of %lx bytes at +%lx does not fit in %lx of RAM\n",
			span, offset, g->ram_size);
		return -1;
	}
	if (fwcfg_read(sel, 0, guest_ipa_to_hva(g->entry), size) != 0)
		return -1;
	hyp_printf("armvirt-hyp: guest %s: %u bytes at %lx (entry), %lx bytes reserved\n",
		   g->linux_image ? "Linux Image" : "raw image", size, g->entry, span);
	return 0;
}

static int load_initrd(struct guest_boot *g)
{
	uint16_t sel;
	uint32_t size;

	g->initrd = g->initrd_size = 0;
	if (fwcfg_find(FWCFG_INITRD, &sel, &size) != 0 || size == 0)
		return 0;
	g->initrd = (g->dtb - size) & ~(PAGE_SIZE - 1);
	if (size > g->dtb - g->kernel_end || g->initrd < g->kernel_end) {
		hyp_printf("armvirt-hyp: an initrd of %u bytes does not fit between the kernel and "
			   "the device tree\n",
			   size);
		return -1;
	}
	g->initrd_size = size;
	if (fwcfg_read(sel, 0, guest_ipa_to_hva(g->initrd), size) != 0)
		return -1;
	hyp_printf("armvirt-hyp: initrd: %u bytes at %lx\n", size, g->initrd);
	return 0;
}

static int load_cmdline(struct guest_boot *g)
{
	uint16_t sel;
	uint32_t size;

	g->cmdline[0] = '\0';
	if (fwcfg_find(FWCFG_CMDLINE, &sel, &size) != 0 || size == 0)
		return 0;
	if (size >= sizeof(g->cmdline)) {
		hyp_printf("armvirt-hyp: the command line is longer than %lu bytes\n",
			   (unsigned long)sizeof(g->cmdline) - 1);
		return -1;
	}
	if (fwcfg_read(sel, 0, g->cmdline, size) != 0)
		return -1;
	g->cmdline[size] = '\0';
	return 0;
}

int guest_load(struct guest_boot *g)
{
	static uint8_t fdt[64 * 1024] __attribute__((aligned(8)));
	int err;

	g->linux_image = false;
	g->dtb = GUEST_IPA_BASE + g->ram_size - DTB_SPACE;
	if (load_kernel(g) != 0 || load_initrd(g) != 0 || load_cmdline(g) != 0)
		return -1;
	err = guest_fdt_build(fdt, sizeof(fdt), g);
	if (err < 0) {
		hyp_printf("armvirt-hyp: guest device tree: %s\n", fdt_strerror(err));
		return -1;
	}
	memcpy(guest_ipa_to_hva(g->dtb), fdt, fdt_totalsize(fdt));
	hyp_printf("armvirt-hyp: device tree: %u bytes at %lx\n", fdt_totalsize(fdt), g->dtb);
	return 0;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QEMU's firmware configuration device (fw_cfg), memory-mapped on virt:
 * how the guest's kernel, initrd and command line reach the hypervisor
 * (`-fw_cfg name=opt/armvirt/kernel,file=...`), so that no image is built
 * into it and nothing sits at a fixed address.
 *
 * Interface (QEMU docs/specs/fw_cfg.txt): a 16-bit big-endian selector
 * register at +8, and a DMA address register at +16 taking the big-endian
 * address of a descriptor {be32 control, be32 length, be64 address}; QEMU
 * performs the transfer synchronously and clears control (or leaves its
 * error bit). The file directory (selector 0x19) lists named items.
 */
#include <armvirt/port.h>

#include "hyp.h"

#define FW_CFG_SELECTOR 0x08
#define FW_CFG_DMA 0x10
#define FW_CFG_SIGNATURE 0x0000
#define FW_CFG_ID 0x0001
#define FW_CFG_FILE_DIR 0x0019
#define FW_CFG_ID_DMA (1u << 1)
#define FW_CFG_DMA_ERROR (1u << 0)
#define FW_CFG_DMA_READ (1u << 1)
#define FW_CFG_DMA_SKIP (1u << 2)
#define FW_CFG_DMA_SELECT (1u << 3)
#define FW_CFG_DMA_SELECT_SHIFT 16
#define FW_CFG_NAME_MAX 56

struct fw_cfg_dma {
	uint32_t control, length;
	uint64_t address;
};

struct fw_cfg_file {
	uint32_t size;
	uint16_t select, reserved;
	char name[FW_CFG_NAME_MAX];
};

static uintptr_t fw_cfg;

static uint32_t be32(uint32_t v)
{
	return __builtin_bswap32(v);
}

/* One DMA transfer from item @sel (skipping @skip bytes) into @dst. */
static int dma(uint16_t sel, uint32_t skip, void *dst, uint32_t len)
{
	static struct fw_cfg_dma d __attribute__((aligned(16)));
	uint32_t select = FW_CFG_DMA_SELECT | ((uint32_t)sel << FW_CFG_DMA_SELECT_SHIFT);

	if (skip) {
		d.control = be32(select | FW_CFG_DMA_SKIP);
		d.length = be32(skip);
		d.address = 0;
		armvirt_port_dsb(ARMVIRT_PORT_SY);
		*(volatile uint64_t *)(fw_cfg + FW_CFG_DMA) =
			__builtin_bswap64((uint64_t)(uintptr_t)&d);
		armvirt_port_dsb(ARMVIRT_PORT_SY);
		if (*(volatile uint32_t *)&d.control != 0)
			return -1;
		select = 0; /* continue with the selected item */
	}
	d.control = be32(select | FW_CFG_DMA_READ);
	d.length = be32(len);
	d.address = __builtin_bswap64((uint64_t)(uintptr_t)dst);
	armvirt_port_dsb(ARMVIRT_PORT_SY);
	*(volatile uint64_t *)(fw_cfg + FW_CFG_DMA) = __builtin_bswap64((uint64_t)(uintptr_t)&d);
	armvirt_port_dsb(ARMVIRT_PORT_SY);
	return *(volatile uint32_t *)&d.control == 0 ? 0 : -1;
}

int fwcfg_init(uint64_t base)
{
	char sig[4];
	uint32_t id;

	fw_cfg = (uintptr_t)base;
	if (!fw_cfg)
		return -1;
	/* The signature and ID are readable through the data register (DMA may be absent). */
	*(volatile uint16_t *)(fw_cfg + FW_CFG_SELECTOR) = __builtin_bswap16(FW_CFG_SIGNATURE);
	for (unsigned i = 0; i < 4; i++)
		sig[i] = (char)*(volatile uint8_t *)fw_cfg;
	if (sig[0] != 'Q' || sig[1] != 'E' || sig[2] != 'M' || sig[3] != 'U')
		return -1;
	*(volatile uint16_t *)(fw_cfg + FW_CFG_SELECTOR) = __builtin_bswap16(FW_CFG_ID);
	id = *(volatile uint32_t *)fw_cfg; /* little-endian item */
	return id & FW_CFG_ID_DMA ? 0 : -1;
}

int fwcfg_find(const char *name, uint16_t *select, uint32_t *size)
{
	struct fw_cfg_file f;
	uint32_t count;

	if (!fw_cfg || dma(FW_CFG_FILE_DIR, 0, &count, sizeof(count)) != 0)
		return -1;
	count = be32(count);
	for (uint32_t i = 0; i < count; i++) {
		if (dma(FW_CFG_FILE_DIR, sizeof(count) + i * (uint32_t)sizeof(f), &f, sizeof(f)) !=
		    0)
			return -1;
		if (strncmp(f.name, name, FW_CFG_NAME_MAX) == 0) {
			*select = __builtin_bswap16(f.select);
			*size = be32(f.size);
			return 0;
		}
	}
	return -1;
}

int fwcfg_read(uint16_t select, uint32_t offset, void *dst, uint32_t len)
{
	return dma(select, offset, dst, len);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * An empty virtio-mmio transport (Virtual I/O Device specification 1.1,
 * 4.2.2 "MMIO Device Register Layout"): a driver reads MagicValue,
 * Version and DeviceID, finds device ID 0 ("no device") and leaves the
 * transport alone, as on QEMU's virt machine with no -device on it.
 */
#include "devices.h"

#define VIRTIO_MMIO_MAGIC_VALUE 0x000u
#define VIRTIO_MMIO_VERSION_REG 0x004u
#define VIRTIO_MMIO_DEVICE_ID 0x008u
#define VIRTIO_MMIO_VENDOR_ID 0x00cu

int virtio_mmio_empty(uint64_t offset, struct armvirt_mmio_access *acc)
{
	if (acc->is_write)
		return 0;
	acc->data = 0;
	/* 4.2.2.2: the driver uses only aligned 32-bit accesses for the registers. */
	if (acc->size != 4 || offset % 4)
		return 0;
	switch (offset) {
	case VIRTIO_MMIO_MAGIC_VALUE:
		acc->data = VIRTIO_MMIO_MAGIC;
		break;
	case VIRTIO_MMIO_VERSION_REG:
		acc->data = VIRTIO_MMIO_VERSION;
		break;
	case VIRTIO_MMIO_DEVICE_ID:
		acc->data = 0;
		break;
	case VIRTIO_MMIO_VENDOR_ID:
		acc->data = VIRTIO_MMIO_VENDOR;
		break;
	default:
		break;
	}
	return 0;
}

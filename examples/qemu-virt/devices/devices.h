/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guest-facing device models, apart from the hypervisor's machine glue.
 *
 * Each device takes one decoded access at a time (struct
 * armvirt_mmio_access from access.h: an address, a size of 1, 2, 4 or 8
 * bytes, a direction and the data) at an offset within its frame, and
 * returns 0 when it performed it (a read sets acc->data) or ARMVIRT_EFAULT
 * when the access must become an external abort for the guest. They know
 * nothing of traps, registers or interrupt controllers: a device with an
 * interrupt line reports its level and the integrator hands it to the vGIC.
 * Each device has its own lock; any CPU may call them.
 */
#ifndef HYP_DEVICES_H
#define HYP_DEVICES_H

#include <armvirt/access.h>
#include <armvirt/types.h>

/*
 * ARM PrimeCell UART PL011 (TRM DDI 0183, r1p5): data, flags, line and
 * baud-rate control, the 32-entry receive FIFO with its trigger levels and
 * receive timeout, interrupt mask/raw/masked status and clear, loopback,
 * and the PrimeCell identification registers. Transmission is immediate
 * (the transmit FIFO is always empty); received characters come from
 * pl011_receive().
 */
#define PL011_FIFO_DEPTH 32u
struct pl011 {
	uint32_t lock;
	void (*tx)(void *ctx, uint8_t c); /* where transmitted characters go */
	void *tx_ctx;
	uint16_t rx[PL011_FIFO_DEPTH]; /* data and error bits, as DR reads them */
	unsigned rx_head, rx_count;
	uint32_t ris; /* raw interrupt status */
	uint32_t imsc, cr, lcr_h, ibrd, fbrd, ifls, ilpr, dmacr;
	uint64_t tx_count, rx_total; /* statistics */
};
void pl011_init(struct pl011 *u, void (*tx)(void *ctx, uint8_t c), void *tx_ctx);
int pl011_mmio(struct pl011 *u, uint64_t offset, struct armvirt_mmio_access *acc);
/* Offer a received character: false when the UART is not receiving or its FIFO is full. */
bool pl011_receive(struct pl011 *u, uint8_t c);
/* The level of the UART's interrupt line (UARTINTR): any masked status bit set. */
bool pl011_irq_level(struct pl011 *u);
/* Receiving, with room for at least one more character. */
bool pl011_can_receive(struct pl011 *u);

/*
 * A virtio-mmio transport with no device behind it (virtio 1.1, 4.2.2):
 * MagicValue "virt", Version 2, DeviceID 0, which drivers skip; every other
 * register reads as zero and ignores writes. Only aligned 32-bit accesses
 * are defined; others read as zero and are ignored.
 */
#define VIRTIO_MMIO_MAGIC 0x74726976u
#define VIRTIO_MMIO_VERSION 2u
#define VIRTIO_MMIO_VENDOR 0x564d5241u /* "ARMV" */
int virtio_mmio_empty(uint64_t offset, struct armvirt_mmio_access *acc);

/*
 * The example's test device, for guests that check MMIO emulation from the
 * inside (4 KiB frame):
 *   0x000-0x7ff  scratch: byte-addressed memory, any access size, little-endian
 *   0x800        LAST_OFFSET (RO): offset of the last scratch access
 *   0x808        LAST_INFO (RO): size in bits [7:0], 1 in bit 8 for a write
 *   0x810        LAST_DATA (RO): the data of the last scratch access
 *   0x818        COUNT (RO): scratch accesses since reset; write: reset the log
 *   0xf00        FAULT: every access is refused (an external abort)
 * Registers at 0x800 and above take 4- and 8-byte accesses; other offsets
 * read as zero and ignore writes.
 */
#define TESTDEV_SCRATCH_SIZE 0x800u
#define TESTDEV_LAST_OFFSET 0x800u
#define TESTDEV_LAST_INFO 0x808u
#define TESTDEV_LAST_DATA 0x810u
#define TESTDEV_COUNT 0x818u
#define TESTDEV_FAULT 0xf00u
#define TESTDEV_INFO_WRITE (1u << 8)
struct testdev {
	uint32_t lock;
	uint8_t scratch[TESTDEV_SCRATCH_SIZE];
	uint64_t last_offset, last_info, last_data, count;
};
int testdev_mmio(struct testdev *t, uint64_t offset, struct armvirt_mmio_access *acc);

#endif /* HYP_DEVICES_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The guest's emulated devices, placed in its address space: the PL011 at
 * 0x09000000 (output to the real UART, input from it), the 32 empty
 * virtio-mmio transports at 0x0a000000 and the test device at 0x0b000000.
 * vdev_access() routes one decoded access to the device that owns its
 * address; the UART's interrupt line goes to the vGIC as SPI 33 whenever
 * an access or an input character may have moved it.
 *
 * Console input: the real UART's receive interrupt (its SPI, on the boot
 * CPU) moves characters into the guest's PL011 FIFO. When that is full
 * the hypervisor stops taking characters (and masks the real UART's
 * receive interrupt), so they wait in the real UART and QEMU holds the
 * rest back: flow control, nothing lost. The same happens while the guest
 * has not enabled its UART's receiver. A guest read of the data register
 * (or the write that enables the receiver) lets input flow again.
 */
#include <armvirt/err.h>

#include "devices/devices.h"
#include "vm.h"

struct vdev_region {
	uint64_t base, size;
	int (*access)(uint64_t offset, struct armvirt_mmio_access *acc);
};

static struct pl011 uart;
static struct testdev testdev;
static uint32_t input_lock, line_lock;
static bool input_throttled, line_reported;

static void uart_tx(void *ctx, uint8_t c)
{
	(void)ctx;
	console_putc((char)c);
}

static int uart_access(uint64_t offset, struct armvirt_mmio_access *acc)
{
	return pl011_mmio(&uart, offset, acc);
}

static int virtio_access(uint64_t offset, struct armvirt_mmio_access *acc)
{
	return virtio_mmio_empty(offset % GUEST_VIRTIO_STRIDE, acc);
}

static int testdev_access(uint64_t offset, struct armvirt_mmio_access *acc)
{
	return testdev_mmio(&testdev, offset, acc);
}

static const struct vdev_region regions[] = {
	{ GUEST_UART_IPA, 0x1000, uart_access },
	{ GUEST_VIRTIO_IPA, GUEST_VIRTIO_STRIDE *GUEST_VIRTIO_COUNT, virtio_access },
	{ GUEST_TESTDEV_IPA, GUEST_TESTDEV_SIZE, testdev_access },
};

void vdev_init(void)
{
	pl011_init(&uart, uart_tx, NULL);
}

bool vdev_uart_line_moved(void)
{
	return pl011_irq_level(&uart) != __atomic_load_n(&line_reported, __ATOMIC_RELAXED);
}

void vdev_uart_line_sync(struct pcpu *p)
{
	bool level;

	spin_lock(&line_lock);
	level = pl011_irq_level(&uart);
	if (level != line_reported) {
		line_reported = level;
		virq_set_spi(p, 32u + GUEST_UART_SPI, level);
	}
	spin_unlock(&line_lock);
}

/* Take characters from the real UART while the guest's FIFO has room. */
void vdev_console_input(void)
{
	spin_lock(&input_lock);
	for (;;) {
		int c;
		if (!pl011_can_receive(&uart)) {
			input_throttled = true;
			console_rx_enable(false);
			break;
		}
		c = console_getc();
		if (c < 0)
			break;
		(void)pl011_receive(&uart, (uint8_t)c);
	}
	spin_unlock(&input_lock);
}

/* After the guest used its UART: let input flow again if it was held back. */
static void input_resume(void)
{
	if (!__atomic_load_n(&input_throttled, __ATOMIC_RELAXED) || !pl011_can_receive(&uart))
		return;
	spin_lock(&input_lock);
	if (input_throttled) {
		input_throttled = false;
		console_rx_enable(true);
	}
	spin_unlock(&input_lock);
	vdev_console_input();
}

int vdev_access(struct armvirt_mmio_access *acc, bool *uart_touched)
{
	uint64_t ipa = armvirt_ipa_val(acc->addr);

	*uart_touched = false;
	for (size_t i = 0; i < sizeof(regions) / sizeof(regions[0]); i++) {
		const struct vdev_region *r = &regions[i];
		int ret;

		if (ipa < r->base || ipa - r->base >= r->size)
			continue;
		if (ipa - r->base + acc->size > r->size)
			return ARMVIRT_EFAULT; /* straddles the end of the frame */
		ret = r->access(ipa - r->base, acc);
		if (r->access == uart_access) {
			/* A read made room, or a write enabled reception: input may flow. */
			*uart_touched = true;
			input_resume();
		}
		return ret;
	}
	return ARMVIRT_ENOENT;
}

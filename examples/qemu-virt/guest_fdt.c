/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The guest's device tree, written with libfdt's sequential-write API. It
 * describes the machine the guest sees, which is QEMU's virt as a kernel
 * booted at EL1 sees it (node names and properties as QEMU writes them):
 * RAM at 0x40000000, the vCPUs with PSCI over HVC, the GIC (v2: GICD and
 * the GICC the hardware's GICV backs; v3: GICD and one redistributor per
 * vCPU), the architected timer's PPIs, the PL011 with its clock, 32
 * virtio-mmio transports, the example's test device and /chosen.
 */
#include <libfdt.h>

#include "hyp.h"

#define PHANDLE_GIC 1u
#define PHANDLE_CLK 2u
/* Interrupt specifiers: <type number flags> (bindings/interrupt-controller/arm,gic*.yaml). */
#define FDT_IRQ_SPI 0u
#define FDT_IRQ_PPI 1u
#define FDT_IRQ_EDGE_RISING 1u
#define FDT_IRQ_LEVEL_HIGH 4u
#define FDT_PPI_CPU_MASK_SHIFT 8 /* GICv2: which CPUs a PPI is wired to */
/* The architected timer's PPIs as numbers within the PPI range (INTID - 16). */
#define TIMER_PPI_SEC_PHYS 13u
#define TIMER_PPI_PHYS 14u
#define TIMER_PPI_VIRT 11u
#define TIMER_PPI_HYP 10u
#define GICD_V2_SIZE 0x1000u
#define GICD_V3_SIZE 0x10000u
#define UART_SIZE 0x1000u
#define APB_CLOCK_HZ 24000000u

#define TRY(x)                                                                                     \
	do {                                                                                       \
		int err_ = (x);                                                                    \
		if (err_ < 0)                                                                      \
			return err_;                                                               \
	} while (0)

/* A property of (address, size) pairs in two cells each. */
static int prop_reg(void *fdt, uint64_t a0, uint64_t s0, uint64_t a1, uint64_t s1, int pairs)
{
	fdt64_t reg[4] = { cpu_to_fdt64(a0), cpu_to_fdt64(s0), cpu_to_fdt64(a1), cpu_to_fdt64(s1) };

	return fdt_property(fdt, "reg", reg, pairs * 2 * (int)sizeof(fdt64_t));
}

static int prop_cells(void *fdt, const char *name, const uint32_t *v, int n)
{
	fdt32_t cells[12];

	for (int i = 0; i < n; i++)
		cells[i] = cpu_to_fdt32(v[i]);
	return fdt_property(fdt, name, cells, n * (int)sizeof(fdt32_t));
}

static int node_name(char *buf, size_t size, const char *base, uint64_t addr)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;
	int digits = 1;

	while (base[n] && n + 1 < size) {
		buf[n] = base[n];
		n++;
	}
	while (digits < 16 && (addr >> (4 * digits)))
		digits++;
	if (n + 2 + (size_t)digits > size)
		return -FDT_ERR_NOSPACE;
	buf[n++] = '@';
	while (digits--)
		buf[n++] = hex[(addr >> (4 * digits)) & 0xf];
	buf[n] = '\0';
	return 0;
}

static int begin_node_at(void *fdt, const char *base, uint64_t addr)
{
	char name[48];

	TRY(node_name(name, sizeof(name), base, addr));
	return fdt_begin_node(fdt, name);
}

static int cpus_node(void *fdt, const struct guest_boot *g)
{
	TRY(fdt_begin_node(fdt, "cpus"));
	TRY(fdt_property_cell(fdt, "#address-cells", 1));
	TRY(fdt_property_cell(fdt, "#size-cells", 0));
	for (unsigned i = 0; i < g->nvcpus; i++) {
		TRY(begin_node_at(fdt, "cpu", i));
		TRY(fdt_property_string(fdt, "device_type", "cpu"));
		TRY(fdt_property_string(fdt, "compatible", "arm,arm-v8"));
		TRY(fdt_property_cell(fdt, "reg", i)); /* MPIDR Aff0; Aff1..3 are 0 */
		TRY(fdt_property_string(fdt, "enable-method", "psci"));
		TRY(fdt_end_node(fdt));
	}
	return fdt_end_node(fdt);
}

static int gic_node(void *fdt, const struct guest_boot *g)
{
	TRY(begin_node_at(fdt, "intc", GUEST_GICD_IPA));
	TRY(fdt_property_cell(fdt, "phandle", PHANDLE_GIC));
	TRY(fdt_property_cell(fdt, "#interrupt-cells", 3));
	TRY(fdt_property(fdt, "interrupt-controller", NULL, 0));
	TRY(fdt_property_cell(fdt, "#address-cells", 2));
	TRY(fdt_property_cell(fdt, "#size-cells", 2));
	TRY(fdt_property(fdt, "ranges", NULL, 0));
	if (g->gic_version == 3) {
		TRY(fdt_property_string(fdt, "compatible", "arm,gic-v3"));
		TRY(fdt_property_cell(fdt, "#redistributor-regions", 1));
		TRY(prop_reg(fdt, GUEST_GICD_IPA, GICD_V3_SIZE, GUEST_GICR_IPA,
			     GUEST_GICR_STRIDE * g->nvcpus, 2));
	} else {
		TRY(fdt_property_string(fdt, "compatible", "arm,cortex-a15-gic"));
		TRY(prop_reg(fdt, GUEST_GICD_IPA, GICD_V2_SIZE, GUEST_GICC_IPA, GUEST_GICC_SIZE,
			     2));
	}
	return fdt_end_node(fdt);
}

static int timer_node(void *fdt, const struct guest_boot *g)
{
	uint32_t flags = FDT_IRQ_LEVEL_HIGH;
	uint32_t irqs[12];
	const uint32_t ppis[4] = { TIMER_PPI_SEC_PHYS, TIMER_PPI_PHYS, TIMER_PPI_VIRT,
				   TIMER_PPI_HYP };

	if (g->gic_version == 2)
		flags |= ((1u << g->nvcpus) - 1) << FDT_PPI_CPU_MASK_SHIFT;
	for (int i = 0; i < 4; i++) {
		irqs[3 * i] = FDT_IRQ_PPI;
		irqs[3 * i + 1] = ppis[i];
		irqs[3 * i + 2] = flags;
	}
	TRY(fdt_begin_node(fdt, "timer"));
	TRY(fdt_property_string(fdt, "compatible", "arm,armv8-timer"));
	TRY(prop_cells(fdt, "interrupts", irqs, 12));
	TRY(fdt_property(fdt, "always-on", NULL, 0));
	return fdt_end_node(fdt);
}

static int uart_nodes(void *fdt)
{
	static const char compat[] = "arm,pl011\0arm,primecell";
	static const char clock_names[] = "uartclk\0apb_pclk";
	const uint32_t clocks[2] = { PHANDLE_CLK, PHANDLE_CLK };
	const uint32_t irq[3] = { FDT_IRQ_SPI, GUEST_UART_SPI, FDT_IRQ_LEVEL_HIGH };

	TRY(fdt_begin_node(fdt, "apb-pclk"));
	TRY(fdt_property_string(fdt, "compatible", "fixed-clock"));
	TRY(fdt_property_cell(fdt, "#clock-cells", 0));
	TRY(fdt_property_cell(fdt, "clock-frequency", APB_CLOCK_HZ));
	TRY(fdt_property_string(fdt, "clock-output-names", "clk24mhz"));
	TRY(fdt_property_cell(fdt, "phandle", PHANDLE_CLK));
	TRY(fdt_end_node(fdt));

	TRY(begin_node_at(fdt, "pl011", GUEST_UART_IPA));
	TRY(fdt_property(fdt, "compatible", compat, sizeof(compat)));
	TRY(prop_reg(fdt, GUEST_UART_IPA, UART_SIZE, 0, 0, 1));
	TRY(prop_cells(fdt, "interrupts", irq, 3));
	TRY(prop_cells(fdt, "clocks", clocks, 2));
	TRY(fdt_property(fdt, "clock-names", clock_names, sizeof(clock_names)));
	return fdt_end_node(fdt);
}

static int virtio_nodes(void *fdt)
{
	/* QEMU lists them from the highest address down; so do we. */
	for (unsigned i = GUEST_VIRTIO_COUNT; i-- > 0;) {
		uint64_t addr = GUEST_VIRTIO_IPA + i * GUEST_VIRTIO_STRIDE;
		const uint32_t irq[3] = { FDT_IRQ_SPI, GUEST_VIRTIO_SPI + i, FDT_IRQ_EDGE_RISING };

		TRY(begin_node_at(fdt, "virtio_mmio", addr));
		TRY(fdt_property(fdt, "dma-coherent", NULL, 0));
		TRY(prop_cells(fdt, "interrupts", irq, 3));
		TRY(prop_reg(fdt, addr, GUEST_VIRTIO_STRIDE, 0, 0, 1));
		TRY(fdt_property_string(fdt, "compatible", "virtio,mmio"));
		TRY(fdt_end_node(fdt));
	}
	return 0;
}

static int chosen_node(void *fdt, const struct guest_boot *g)
{
	char path[48];

	TRY(fdt_begin_node(fdt, "chosen"));
	TRY(node_name(path + 1, sizeof(path) - 1, "pl011", GUEST_UART_IPA));
	path[0] = '/';
	TRY(fdt_property_string(fdt, "stdout-path", path));
	TRY(fdt_property_string(fdt, "bootargs", g->cmdline));
	if (g->initrd_size) {
		TRY(fdt_property_u64(fdt, "linux,initrd-start", g->initrd));
		TRY(fdt_property_u64(fdt, "linux,initrd-end", g->initrd + g->initrd_size));
	}
	return fdt_end_node(fdt);
}

int guest_fdt_build(void *fdt, int size, const struct guest_boot *g)
{
	static const char psci_compat[] = "arm,psci-1.0\0arm,psci-0.2";

	TRY(fdt_create(fdt, size));
	TRY(fdt_finish_reservemap(fdt));
	TRY(fdt_begin_node(fdt, ""));
	TRY(fdt_property_string(fdt, "compatible", "linux,dummy-virt"));
	TRY(fdt_property_string(fdt, "model", "armvirt example hypervisor guest"));
	TRY(fdt_property_cell(fdt, "#address-cells", 2));
	TRY(fdt_property_cell(fdt, "#size-cells", 2));
	TRY(fdt_property_cell(fdt, "interrupt-parent", PHANDLE_GIC));

	TRY(fdt_begin_node(fdt, "psci"));
	TRY(fdt_property(fdt, "compatible", psci_compat, sizeof(psci_compat)));
	TRY(fdt_property_string(fdt, "method", "hvc"));
	TRY(fdt_end_node(fdt));

	TRY(begin_node_at(fdt, "memory", GUEST_IPA_BASE));
	TRY(fdt_property_string(fdt, "device_type", "memory"));
	TRY(prop_reg(fdt, GUEST_IPA_BASE, g->ram_size, 0, 0, 1));
	TRY(fdt_end_node(fdt));

	TRY(cpus_node(fdt, g));
	TRY(gic_node(fdt, g));
	TRY(timer_node(fdt, g));
	TRY(uart_nodes(fdt));
	TRY(virtio_nodes(fdt));

	TRY(begin_node_at(fdt, "test", GUEST_TESTDEV_IPA));
	TRY(fdt_property_string(fdt, "compatible", "armvirt,test-device"));
	TRY(prop_reg(fdt, GUEST_TESTDEV_IPA, GUEST_TESTDEV_SIZE, 0, 0, 1));
	TRY(fdt_end_node(fdt));

	TRY(chosen_node(fdt, g));
	TRY(fdt_end_node(fdt));
	return fdt_finish(fdt);
}

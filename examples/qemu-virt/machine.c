/* SPDX-License-Identifier: BSD-3-Clause */
/* What the machine is, from the device tree QEMU passes (read with libfdt). */
#include <libfdt.h>

#include "hyp.h"

static uint64_t read_cells(const fdt32_t *p, int cells)
{
	uint64_t v = 0;

	while (cells--)
		v = (v << 32) | fdt32_to_cpu(*p++);
	return v;
}

/* The @index-th (address, size) pair of @node's "reg", in the root's cell sizes. */
static int reg_of(const void *fdt, int node, int index, uint64_t *addr, uint64_t *size)
{
	int ac = fdt_address_cells(fdt, 0), sc = fdt_size_cells(fdt, 0), len;
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

	if (ac < 1 || sc < 0 || !reg || len < (index + 1) * (ac + sc) * 4)
		return -1;
	reg += index * (ac + sc);
	*addr = read_cells(reg, ac);
	*size = read_cells(reg + ac, sc);
	return 0;
}

int machine_discover(const void *fdt, struct machine *m)
{
	const fdt32_t *irq;
	uint64_t size;
	int node, cpus, len;
	const char *s;

	if (fdt_check_header(fdt) != 0)
		return -1;
	node = fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory", sizeof("memory"));
	if (node < 0 || reg_of(fdt, node, 0, &m->ram_base, &m->ram_size) < 0)
		return -2;
	node = fdt_node_offset_by_compatible(fdt, -1, "arm,pl011");
	if (node < 0 || reg_of(fdt, node, 0, &m->uart, &size) < 0)
		return -3;
	/* interrupts = <type number flags>: type 0 is an SPI, INTID 32 + number. */
	irq = fdt_getprop(fdt, node, "interrupts", &len);
	m->uart_intid =
		irq && len >= 12 && fdt32_to_cpu(irq[0]) == 0 ? 32u + fdt32_to_cpu(irq[1]) : 0;
	node = fdt_node_offset_by_compatible(fdt, -1, "qemu,fw-cfg-mmio");
	if (node < 0 || reg_of(fdt, node, 0, &m->fw_cfg, &size) < 0)
		m->fw_cfg = 0;
	node = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");
	m->gic_version = 3;
	if (node < 0) {
		node = fdt_node_offset_by_compatible(fdt, -1, "arm,cortex-a15-gic");
		m->gic_version = 2;
	}
	if (node < 0 || reg_of(fdt, node, 0, &m->gicd, &size) < 0 ||
	    reg_of(fdt, node, 1, &m->gicr_or_gicc, &size) < 0)
		return -4;
	/* interrupts = <1 n flags>: the maintenance interrupt is PPI n, INTID 16 + n. */
	irq = fdt_getprop(fdt, node, "interrupts", &len);
	m->gic_maint_intid =
		irq && len >= 12 && fdt32_to_cpu(irq[0]) == 1 ? 16u + fdt32_to_cpu(irq[1]) : 0;
	if (m->gic_version == 2 && (reg_of(fdt, node, 2, &m->gich, &size) < 0 ||
				    reg_of(fdt, node, 3, &m->gicv, &size) < 0))
		m->gich = m->gicv = 0;

	m->ncpus = 0;
	cpus = fdt_path_offset(fdt, "/cpus");
	if (cpus < 0)
		return -5;
	fdt_for_each_subnode(node, fdt, cpus)
	{
		const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);
		s = fdt_getprop(fdt, node, "device_type", NULL);
		if (!s || strcmp(s, "cpu") != 0 || !reg || m->ncpus >= HYP_MAX_CPUS)
			continue;
		m->mpidr[m->ncpus++] = read_cells(reg, len / 4);
	}
	node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-0.2");
	s = node >= 0 ? fdt_getprop(fdt, node, "method", NULL) : NULL;
	m->psci_smc = s && strcmp(s, "smc") == 0;

	m->bootargs[0] = '\0';
	node = fdt_path_offset(fdt, "/chosen");
	s = node >= 0 ? fdt_getprop(fdt, node, "bootargs", &len) : NULL;
	if (s && len > 0 && (size_t)len <= sizeof(m->bootargs))
		memcpy(m->bootargs, s, (size_t)len);
	return 0;
}

unsigned long machine_bootarg(const struct machine *m, const char *key, unsigned long dflt)
{
	size_t klen = strlen(key);

	for (const char *p = m->bootargs; *p;) {
		while (*p == ' ')
			p++;
		if (strncmp(p, key, klen) == 0 && p[klen] == '=')
			return strtoul(p + klen + 1, NULL, 0);
		while (*p && *p != ' ')
			p++;
	}
	return dflt;
}

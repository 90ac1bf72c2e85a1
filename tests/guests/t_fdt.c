/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The device tree the hypervisor passed in x0, read with the guest
 * runtime's walker of the flattened format (rt.h) and checked against what
 * QEMU's virt machine describes and what the guest can find out for itself
 * (PSCI, the GIC's CPU interface, its RAM).
 */
#include "tests.h"

struct prop_ref {
	const uint8_t *val;
	uint32_t len;
};

static bool starts_with(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return false;
	return true;
}

/* Whether a string-list property holds @s. */
static bool list_has(const struct prop_ref *p, const char *s)
{
	return rt_strlist_has(p->val, p->len, s);
}

/* What the walk collects. */
static struct {
	struct prop_ref mem_reg, psci_method, psci_compat, gic_compat, timer_irqs, uart_irqs,
		uart_compat, bootargs, stdout_path, initrd_start, initrd_end, test_compat;
	unsigned cpus, cpus_psci;
	bool ok;
} w;

static void prop(void *ctx, const char *const *path, int depth, const char *name,
		 const uint8_t *val, uint32_t len)
{
	struct prop_ref v = { val, len };
	const char *node = depth > 0 ? path[depth - 1] : "";

	(void)ctx;
	if (depth == 1 && starts_with(node, "memory@") && rt_str_eq(name, "reg"))
		w.mem_reg = v;
	else if (depth == 1 && rt_str_eq(node, "psci") && rt_str_eq(name, "method"))
		w.psci_method = v;
	else if (depth == 1 && rt_str_eq(node, "psci") && rt_str_eq(name, "compatible"))
		w.psci_compat = v;
	else if (depth == 1 && starts_with(node, "intc@") && rt_str_eq(name, "compatible"))
		w.gic_compat = v;
	else if (depth == 1 && rt_str_eq(node, "timer") && rt_str_eq(name, "interrupts"))
		w.timer_irqs = v;
	else if (depth == 1 && starts_with(node, "pl011@") && rt_str_eq(name, "interrupts"))
		w.uart_irqs = v;
	else if (depth == 1 && starts_with(node, "pl011@") && rt_str_eq(name, "compatible"))
		w.uart_compat = v;
	else if (depth == 1 && starts_with(node, "test@") && rt_str_eq(name, "compatible"))
		w.test_compat = v;
	else if (depth == 1 && rt_str_eq(node, "chosen") && rt_str_eq(name, "bootargs"))
		w.bootargs = v;
	else if (depth == 1 && rt_str_eq(node, "chosen") && rt_str_eq(name, "stdout-path"))
		w.stdout_path = v;
	else if (depth == 1 && rt_str_eq(node, "chosen") && rt_str_eq(name, "linux,initrd-start"))
		w.initrd_start = v;
	else if (depth == 1 && rt_str_eq(node, "chosen") && rt_str_eq(name, "linux,initrd-end"))
		w.initrd_end = v;
	else if (depth == 2 && rt_str_eq(path[0], "cpus") && starts_with(node, "cpu@") &&
		 rt_str_eq(name, "enable-method") && rt_str_eq((const char *)v.val, "psci"))
		w.cpus_psci++;
	else if (depth == 2 && rt_str_eq(path[0], "cpus") && starts_with(node, "cpu@") &&
		 rt_str_eq(name, "device_type") && rt_str_eq((const char *)v.val, "cpu"))
		w.cpus++;
}

int dt_read(const void *dtb, struct guest_dt *out)
{
	w.ok = false;
	if (rt_fdt_walk(dtb, prop, NULL) != 0)
		return -1;
	w.ok = true;
	out->ncpus = w.cpus;
	out->gic_version = list_has(&w.gic_compat, "arm,gic-v3")	   ? 3
			   : list_has(&w.gic_compat, "arm,cortex-a15-gic") ? 2
									   : 0;
	out->ram_base = w.mem_reg.len == 16 ? rt_be64(w.mem_reg.val) : 0;
	out->ram_size = w.mem_reg.len == 16 ? rt_be64(w.mem_reg.val + 8) : 0;
	out->bootargs = w.bootargs.val ? (const char *)w.bootargs.val : "";
	return 0;
}

bool bootarg(const struct guest_dt *dt, const char *key, char *buf, size_t size)
{
	for (const char *p = dt->bootargs; *p;) {
		const char *k = key, *q;

		while (*p == ' ')
			p++;
		for (q = p; *k && *q == *k; k++, q++)
			;
		if (!*k && (*q == '=' || *q == ' ' || !*q)) {
			size_t n = 0;
			if (*q == '=')
				q++;
			while (*q && *q != ' ' && n + 1 < size)
				buf[n++] = *q++;
			if (size)
				buf[n] = '\0';
			return true;
		}
		while (*p && *p != ' ')
			p++;
	}
	return false;
}

static bool cells_eq(const struct prop_ref *p, const uint32_t *want, unsigned n)
{
	if (!p->val || p->len != n * 4)
		return false;
	for (unsigned i = 0; i < n; i++)
		if (rt_be32(p->val + 4 * i) != want[i])
			return false;
	return true;
}

static unsigned psci_cpu_count(void)
{
	unsigned n = 0;

	while (n < MAX_VCPUS && hvc_call(PSCI_AFFINITY_INFO_64, MPIDR_RES1 | n, 0, 0) <= 2)
		n++;
	return n;
}

void dt_checks(const void *dtb, struct guest_dt *dt)
{
	uint32_t flags, ppi[12], uart[3] = { 0, 1, 4 };
	unsigned n = psci_cpu_count(), gic_hw;
	char initrd_arg[4];

	check(0, dt_read(dtb, dt) == 0, "DT", ": a valid flattened device tree in x0", 0,
	      (uintptr_t)dtb);
	if (!w.ok)
		return;
	check(0, (uintptr_t)dtb >= dt->ram_base && (uintptr_t)dtb < dt->ram_base + dt->ram_size,
	      "DT", ": in RAM", dt->ram_base, (uintptr_t)dtb);
	check(0, dt->ram_base == RAM_BASE && dt->ram_size >= (16u << 20), "DT",
	      ": memory at 0x40000000", RAM_BASE, dt->ram_base);
	check(0, dt->ncpus == n && w.cpus_psci == n, "DT",
	      ": one cpu node per vCPU PSCI knows, enable-method psci", n, dt->ncpus);
	check(0,
	      list_has(&w.psci_compat, "arm,psci-0.2") && w.psci_method.val &&
		      rt_str_eq((const char *)w.psci_method.val, "hvc"),
	      "DT", ": psci, method hvc", 0, 0);
	gic_hw = ((READ_SYSREG("S3_0_C0_C4_0") >> 24) & 0xfu) ? 3 : 2; /* ID_AA64PFR0_EL1.GIC */
	check(0, dt->gic_version == gic_hw, "DT", ": GIC node matches the CPU interface", gic_hw,
	      dt->gic_version);
	/* Timer PPIs 13, 14, 11, 10 (secure, non-secure physical, virtual, hypervisor). */
	flags = 4u | (dt->gic_version == 2 ? ((1u << n) - 1) << 8 : 0u);
	for (unsigned i = 0; i < 4; i++) {
		ppi[3 * i] = 1;
		ppi[3 * i + 1] = (uint32_t[]){ 13, 14, 11, 10 }[i];
		ppi[3 * i + 2] = flags;
	}
	check(0, cells_eq(&w.timer_irqs, ppi, 12), "DT", ": timer PPIs 13, 14, 11, 10", 0, 0);
	check(0,
	      cells_eq(&w.uart_irqs, uart, 3) && list_has(&w.uart_compat, "arm,pl011") &&
		      list_has(&w.uart_compat, "arm,primecell"),
	      "DT", ": PL011 with SPI 1", 0, 0);
	check(0, w.stdout_path.val && rt_str_eq((const char *)w.stdout_path.val, "/pl011@9000000"),
	      "DT", ": stdout-path is the PL011", 0, 0);
	check(0, list_has(&w.test_compat, "armvirt,test-device"), "DT", ": the test device", 0, 0);
	check(0, bootarg(dt, "armvirt-test", initrd_arg, sizeof(initrd_arg)), "DT",
	      ": bootargs from the command line", 0, 0);
	if (bootarg(dt, "initrd-check", initrd_arg, sizeof(initrd_arg))) {
		/* The runner's initrd starts with its own length as 8 ASCII hex digits. */
		uint64_t start = w.initrd_start.len == 8 ? rt_be64(w.initrd_start.val) : 0;
		uint64_t end = w.initrd_end.len == 8 ? rt_be64(w.initrd_end.val) : 0;
		uint64_t len = 0;
		for (unsigned i = 0; start && i < 8; i++) {
			char c = ((const char *)start)[i];
			len = len * 16 + (uint64_t)(c >= 'a' ? c - 'a' + 10 : c - '0');
		}
		check(0, start >= dt->ram_base && end > start && end - start == len, "DT",
		      ": initrd in RAM, its bytes as loaded", len, end - start);
	}
}

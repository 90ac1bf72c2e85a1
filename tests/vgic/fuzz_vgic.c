/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fuzz target: the distributor and redistributor MMIO emulation, with any
 * offset, width, value and order, interleaved with the other ways interrupt
 * state changes (injection, line levels, SGI and DIR traps, hardware links,
 * entries and exits, context switches) and with a guest acknowledging,
 * ending and deactivating interrupts through the virtual CPU interface model.
 * Accesses are made with the accessing vCPU out of the guest or, as a fast
 * exit path makes them, still in it. After every operation the virtual
 * GIC's internal consistency check must pass, every return code must be one
 * the contract allows, and values that the architecture fixes must not move.
 *
 * Input: byte 0 configuration (model, vCPUs, list registers, CPU interface,
 * EOImode), byte 1 the SPI count / 4, then operations of 12 bytes each.
 */
#include <stddef.h>
#include <stdint.h>

#include <armvirt/err.h>
#include <armvirt/vgic.h>

#include "sim.h"

#define GICD 0x08000000u
#define GICR 0x080A0000u

static struct armvirt_vgic gic;
static struct armvirt_vgic_vcpu vcpus[8];
static struct armvirt_vgic_irq spis[ARMVIRT_VGIC_MAX_SPIS];
static unsigned nr_vcpus, loaded;
static bool in_guest;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond))                                                                       \
			__builtin_trap();                                                          \
	} while (0)

static uint64_t get(const uint8_t *p, unsigned n)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static void enter(void)
{
	if (!in_guest) {
		CHECK(armvirt_vgic_vcpu_fill(&gic, loaded, NULL) >= 0);
		in_guest = true;
	}
}

static void leave(void)
{
	if (in_guest) {
		CHECK(armvirt_vgic_vcpu_sync(&gic, loaded, NULL) >= 0);
		in_guest = false;
	}
}

static void mmio(const uint8_t *a, bool gicr)
{
	static const uint8_t sizes[8] = { 1, 2, 4, 8, 4, 4, 3, 0 };
	unsigned vcpu = a[0] % nr_vcpus, size = sizes[a[4] & 7];
	bool write = a[4] & 0x80;
	uint64_t addr = gicr ? GICR + get(&a[1], 3) % (0x20000u * (nr_vcpus + 1u))
			     : GICD + get(&a[1], 2) % 0x11000u;
	struct armvirt_mmio_access acc = { armvirt_ipa(addr), (uint8_t)size, write, get(&a[5], 6) };
	struct armvirt_vgic_kicks k;
	int ret;

	/* The accessing vCPU trapped: it is out of the guest, or still in it
	 * when a fast path makes the access without a sync. It is refused only
	 * then, and only until a sync; a kick of itself is a sync and a fill. */
	if (vcpu == loaded && !(a[4] & 0x40))
		leave();
	armvirt_vgic_kicks_clear(&k);
	ret = armvirt_vgic_mmio(&gic, vcpu, &acc, &k);
	if (ret == ARMVIRT_EBUSY) {
		CHECK(vcpu == loaded && in_guest && armvirt_vgic_check(&gic) == 0);
		leave();
		ret = armvirt_vgic_mmio(&gic, vcpu, &acc, &k);
	}
	CHECK(ret == 0 || ret == 1 || ret == ARMVIRT_ENOENT || ret == ARMVIRT_EFAULT);
	CHECK((ret == 1) == (k.bits[0] != 0));
	if (vcpu == loaded && in_guest && armvirt_vgic_kicks_test(&k, vcpu))
		leave();
	if (ret >= 0 && !write && size < 8)
		CHECK((acc.data >> (8 * size)) == 0);
	/* The identification the architecture fixes stays fixed. */
	if (gic.model == ARMVIRT_VGIC_V3) {
		struct armvirt_mmio_access id = { armvirt_ipa(GICD + 0xFFE8), 4, false, 0 };

		CHECK(armvirt_vgic_mmio(&gic, 0, &id, NULL) == 0 && id.data == 0x30);
	}
}

static void sysreg(const uint8_t *a)
{
	static const uint32_t encs[] = { 0xC659u, 0xC65Du, 0xC65Eu, 0xC65Fu, 0xC660u };
	unsigned vcpu = loaded;
	struct armvirt_sysreg_access acc = { encs[a[0] % 5], 0, (a[1] & 1) != 0, get(&a[2], 8) };
	int ret;

	if (!(a[1] & 0x40))
		leave();
	ret = armvirt_vgic_sysreg(&gic, vcpu, &acc, NULL);
	if (ret == ARMVIRT_EBUSY) {
		CHECK(in_guest && acc.enc == 0xC659u && armvirt_vgic_check(&gic) == 0);
		leave();
		ret = armvirt_vgic_sysreg(&gic, vcpu, &acc, NULL);
	}
	CHECK(ret == 0 || ret == 1 || ret == ARMVIRT_ENOENT || ret == ARMVIRT_EFAULT);
}

static void guest(const uint8_t *a)
{
	enter();
	switch (a[0] % 6) {
	case 0:
	case 1:
		sim_ack();
		break;
	case 2:
		sim_eoi((unsigned)get(&a[1], 2) & 0x1fff);
		break;
	case 3:
		if (sim_dir((unsigned)get(&a[1], 2) & 0x1fff) == SIM_TRAPPED) {
			struct armvirt_sysreg_access dir = { 0xC659u, 0, true,
							     get(&a[1], 2) & 0x1fff };

			leave();
			CHECK(armvirt_vgic_sysreg(&gic, loaded, &dir, NULL) >= 0);
		}
		break;
	case 4:
		sim_set_pmr(a[1]);
		sim_enable_groups(a[2] & 1, a[2] & 2);
		break;
	default:
		sim_set_eoimode(a[1] & 1);
		break;
	}
	if (sim_misr() != 0)
		leave();
}

static void op(const uint8_t *a)
{
	unsigned vcpu = a[1] % nr_vcpus;
	uint32_t intid = (uint32_t)get(&a[2], 2) % 1024u;
	int ret;

	switch (a[0] % 12) {
	case 0:
	case 1:
	case 2:
		mmio(&a[1], false);
		break;
	case 3:
		mmio(&a[1], true);
		break;
	case 4:
		ret = armvirt_vgic_inject(&gic, vcpu, intid, NULL);
		CHECK(ret == 0 || ret == 1 || ret == ARMVIRT_EINVAL);
		break;
	case 5:
		ret = armvirt_vgic_set_level(&gic, vcpu, intid, a[4] & 1, NULL);
		CHECK(ret == 0 || ret == 1 || ret == ARMVIRT_EINVAL);
		break;
	case 6:
		sysreg(&a[1]);
		break;
	case 7:
	case 8:
		guest(&a[1]);
		break;
	case 9:
		if (a[4] & 1)
			enter();
		else
			leave();
		break;
	case 10:
		/* Switch vCPUs on the one physical CPU. */
		leave();
		CHECK(armvirt_vgic_vcpu_put(&gic, loaded) == 0);
		loaded = vcpu;
		CHECK(armvirt_vgic_vcpu_load(&gic, loaded) == 0);
		break;
	default: {
		struct armvirt_vgic_irq_info info;

		if (in_guest)
			leave();
		ret = (a[4] & 1) ? armvirt_vgic_map_hw(&gic, loaded, intid, 16u + a[5] * 4u)
				 : armvirt_vgic_unmap_hw(&gic, loaded, intid);
		CHECK(ret == 0 || ret == ARMVIRT_EINVAL);
		CHECK(armvirt_vgic_vcpu_pending(&gic, vcpu) >= 0);
		ret = armvirt_vgic_get_irq(&gic, vcpu, intid, &info);
		CHECK(ret == 0 || ret == ARMVIRT_EINVAL);
		break;
	}
	}
	CHECK(armvirt_vgic_check(&gic) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned lrs[4] = { 1, 2, 4, 16 };
	struct armvirt_vgic_config cfg = { 0 };
	unsigned nr_spis;

	if (size < 2)
		return 0;
	cfg.model = (data[0] & 1) ? ARMVIRT_VGIC_V3 : ARMVIRT_VGIC_V2;
	cfg.cpuif = cfg.model == ARMVIRT_VGIC_V3 || (data[0] & 0x40) ? ARMVIRT_VGIC_CPUIF_ICH
								     : ARMVIRT_VGIC_CPUIF_GICH;
	cfg.gicd_base = armvirt_ipa(GICD);
	cfg.gicr_base = armvirt_ipa(GICR);
	cfg.iidr = ARMVIRT_VGIC_IIDR_DEFAULT;
	nr_vcpus = ((data[0] >> 1) & 7) + 1;
	nr_spis = data[1] * 4u > ARMVIRT_VGIC_MAX_SPIS ? ARMVIRT_VGIC_MAX_SPIS : data[1] * 4u;
	sim_reset(cfg.cpuif == ARMVIRT_VGIC_CPUIF_ICH ? SIM_ICH : SIM_GICH,
		  lrs[(data[0] >> 4) & 3]);
	CHECK(armvirt_vgic_init(&gic, &cfg, vcpus, nr_vcpus, spis, nr_spis) == 0);
	loaded = 0;
	in_guest = false;
	CHECK(armvirt_vgic_vcpu_load(&gic, 0) == 0);
	sim_set_eoimode(data[0] >> 7);
	for (size_t off = 2; off + 12 <= size; off += 12)
		op(&data[off]);
	return 0;
}

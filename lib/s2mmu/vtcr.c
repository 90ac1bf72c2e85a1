/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Stage-2 configuration: VTCR_EL2 from the ID registers and the wanted IPA
 * size, the root table's geometry, and VTTBR_EL2.
 */
#include "s2mmu_impl.h"

/* ID_AA64MMFR0_EL1.PARange and VTCR_EL2.PS share this encoding (D24.2). */
static const uint8_t parange_bits[] = { 32, 36, 40, 42, 44, 48, 52 };
#define PARANGE_MAX_CODE (sizeof(parange_bits) - 1)

/* Walks of Inner Shareable, Write-Back Read/Write-Allocate table memory. */
#define WALK_SH_INNER 3u
#define WALK_RGN_WBWA 1u

/* VTCR_EL2.TG0 encodings. */
#define TG0_4K 0u
#define TG0_64K 1u
#define TG0_16K 2u

/* ID_AA64MMFR0_EL1.TGran<n>_2 values, and the ones of the stage-1 fields. */
#define TGRAN_2_AS_STAGE1 0u
#define TGRAN_2_NONE 1u
#define TGRAN_2_52BIT 3u
#define TGRAN4_NONE 0xfu
#define TGRAN4_52BIT 1u
#define TGRAN16_NONE 0u
#define TGRAN16_52BIT 2u
#define TGRAN64_NONE 0xfu

#define HAFDBS_AF 1u
#define HAFDBS_DIRTY 2u
#define VMIDBITS_16 2u
#define ISAR0_TLB_RANGE 2u

#define REQUESTED_FEATS                                                                            \
	(ARMVIRT_S2MMU_FEAT_VMID16 | ARMVIRT_S2MMU_FEAT_HA | ARMVIRT_S2MMU_FEAT_HD |               \
	 ARMVIRT_S2MMU_FEAT_FWB | ARMVIRT_S2MMU_FEAT_LPA2 | ARMVIRT_S2MMU_FEAT_CNP)

void armvirt_s2mmu_cpu_read(struct armvirt_s2mmu_cpu *cpu)
{
	cpu->id_aa64mmfr0 = armvirt_port_read_id_aa64mmfr0_el1();
	cpu->id_aa64mmfr1 = armvirt_port_read_id_aa64mmfr1_el1();
	cpu->id_aa64mmfr2 = armvirt_port_read_id_aa64mmfr2_el1();
	cpu->id_aa64isar0 = armvirt_port_read_id_aa64isar0_el1();
}

/*
 * Whether stage 2 supports the granule, and with 52-bit addresses
 * (FEAT_LPA2). FEAT_GTG's TGran<n>_2 fields override the stage-1 ones.
 */
static bool granule_supported(uint64_t mmfr0, unsigned gshift, bool *lpa2)
{
	unsigned f2, f1;

	*lpa2 = false;
	switch (gshift) {
	case 12:
		f2 = (unsigned)armvirt_field_get(mmfr0, ARMVIRT_ID_AA64MMFR0_TGRAN4_2_SHIFT,
						 ARMVIRT_ID_AA64MMFR0_TGRAN4_2_WIDTH);
		f1 = (unsigned)armvirt_field_get(mmfr0, ARMVIRT_ID_AA64MMFR0_TGRAN4_SHIFT,
						 ARMVIRT_ID_AA64MMFR0_TGRAN4_WIDTH);
		if (f2 == TGRAN_2_AS_STAGE1) {
			*lpa2 = f1 == TGRAN4_52BIT;
			return f1 != TGRAN4_NONE;
		}
		break;
	case 14:
		f2 = (unsigned)armvirt_field_get(mmfr0, ARMVIRT_ID_AA64MMFR0_TGRAN16_2_SHIFT,
						 ARMVIRT_ID_AA64MMFR0_TGRAN16_2_WIDTH);
		f1 = (unsigned)armvirt_field_get(mmfr0, ARMVIRT_ID_AA64MMFR0_TGRAN16_SHIFT,
						 ARMVIRT_ID_AA64MMFR0_TGRAN16_WIDTH);
		if (f2 == TGRAN_2_AS_STAGE1) {
			*lpa2 = f1 == TGRAN16_52BIT;
			return f1 != TGRAN16_NONE;
		}
		break;
	default:
		f2 = (unsigned)armvirt_field_get(mmfr0, ARMVIRT_ID_AA64MMFR0_TGRAN64_2_SHIFT,
						 ARMVIRT_ID_AA64MMFR0_TGRAN64_2_WIDTH);
		f1 = (unsigned)armvirt_field_get(mmfr0, ARMVIRT_ID_AA64MMFR0_TGRAN64_SHIFT,
						 ARMVIRT_ID_AA64MMFR0_TGRAN64_WIDTH);
		if (f2 == TGRAN_2_AS_STAGE1)
			return f1 != TGRAN64_NONE;
		return f2 != TGRAN_2_NONE;
	}
	*lpa2 = f2 == TGRAN_2_52BIT;
	return f2 != TGRAN_2_NONE;
}

static uint32_t cpu_features(const struct armvirt_s2mmu_cpu *cpu)
{
	uint32_t f = 0;
	uint64_t hafdbs = armvirt_field_get(cpu->id_aa64mmfr1, ARMVIRT_ID_AA64MMFR1_HAFDBS_SHIFT,
					    ARMVIRT_ID_AA64MMFR1_HAFDBS_WIDTH);

	if (armvirt_field_get(cpu->id_aa64mmfr1, ARMVIRT_ID_AA64MMFR1_VMIDBITS_SHIFT,
			      ARMVIRT_ID_AA64MMFR1_VMIDBITS_WIDTH) == VMIDBITS_16)
		f |= ARMVIRT_S2MMU_FEAT_VMID16;
	if (hafdbs >= HAFDBS_AF)
		f |= ARMVIRT_S2MMU_FEAT_HA;
	if (hafdbs >= HAFDBS_DIRTY)
		f |= ARMVIRT_S2MMU_FEAT_HD;
	if (armvirt_field_get(cpu->id_aa64mmfr1, ARMVIRT_ID_AA64MMFR1_XNX_SHIFT,
			      ARMVIRT_ID_AA64MMFR1_XNX_WIDTH) != 0)
		f |= ARMVIRT_S2MMU_FEAT_XNX;
	if (armvirt_field_get(cpu->id_aa64mmfr2, ARMVIRT_ID_AA64MMFR2_FWB_SHIFT,
			      ARMVIRT_ID_AA64MMFR2_FWB_WIDTH) != 0)
		f |= ARMVIRT_S2MMU_FEAT_FWB;
	if (armvirt_field_get(cpu->id_aa64mmfr2, ARMVIRT_ID_AA64MMFR2_CNP_SHIFT,
			      ARMVIRT_ID_AA64MMFR2_CNP_WIDTH) != 0)
		f |= ARMVIRT_S2MMU_FEAT_CNP;
	if (armvirt_field_get(cpu->id_aa64mmfr2, ARMVIRT_ID_AA64MMFR2_TTL_SHIFT,
			      ARMVIRT_ID_AA64MMFR2_TTL_WIDTH) != 0)
		f |= ARMVIRT_S2MMU_FEAT_TTL;
	if (armvirt_field_get(cpu->id_aa64isar0, ARMVIRT_ID_AA64ISAR0_TLB_SHIFT,
			      ARMVIRT_ID_AA64ISAR0_TLB_WIDTH) >= ISAR0_TLB_RANGE)
		f |= ARMVIRT_S2MMU_FEAT_TLBIRANGE;
	return f;
}

/*
 * Whether VTCR_EL2.SL0 (with SL2 = 0) can encode start level @level for this
 * granule, and whether the CPU's PA range permits it (D24.2, VTCR_EL2.SL0;
 * the pseudocode's AArch64.S2InvalidSL).
 */
static bool start_level_allowed(unsigned gshift, unsigned level, unsigned pamax, bool ttst, bool ds)
{
	switch (gshift) {
	case 12:
		if (level == 3)
			return ttst;
		return level != 0 || pamax >= 44;
	case 14:
		if (level == 0)
			return ds && pamax >= 52;
		return level != 1 || pamax >= 42;
	default:
		if (level == 0)
			return false;
		return level != 1 || pamax >= 44;
	}
}

/* VTCR_EL2.SL0 for a start level (SL2 stays 0: level -1 is never needed). */
static unsigned sl0_encoding(unsigned gshift, unsigned level)
{
	if (gshift == 12)
		return level == 3 ? 3u : 2u - level;
	return 3u - level;
}

int armvirt_s2mmu_configure(struct armvirt_s2mmu_config *cfg, const struct armvirt_s2mmu_cpu *cpu,
			    unsigned ipa_bits, uint64_t granule, uint32_t want)
{
	struct armvirt_s2mmu_config c = { 0 };
	unsigned gshift, stride, pamax, ps_code, parange, min_ipa, level;
	uint32_t have;
	bool lpa2_capable, ttst, ds = false, found = false;
	uint64_t v;

	if (want & ~(REQUESTED_FEATS | ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC))
		return ARMVIRT_EINVAL;
	switch (granule) {
	case 4096:
		gshift = 12;
		break;
	case 16384:
		gshift = 14;
		break;
	case 65536:
		gshift = 16;
		break;
	default:
		return ARMVIRT_EINVAL;
	}
	if (!granule_supported(cpu->id_aa64mmfr0, gshift, &lpa2_capable))
		return ARMVIRT_ENOTSUP;

	parange = (unsigned)armvirt_field_get(cpu->id_aa64mmfr0, ARMVIRT_ID_AA64MMFR0_PARANGE_SHIFT,
					      ARMVIRT_ID_AA64MMFR0_PARANGE_WIDTH);
	if (parange > PARANGE_MAX_CODE)
		parange = PARANGE_MAX_CODE; /* 56-bit PAs need VMSAv9-128: use 52 */
	pamax = parange_bits[parange];
	ps_code = parange;

	ttst = armvirt_field_get(cpu->id_aa64mmfr2, ARMVIRT_ID_AA64MMFR2_ST_SHIFT,
				 ARMVIRT_ID_AA64MMFR2_ST_WIDTH) != 0;
	min_ipa = ttst ? (gshift == 12 ? 16u : 17u) : 25u;
	if (ipa_bits < min_ipa)
		return ARMVIRT_EINVAL;

	have = cpu_features(cpu);
	if (gshift != 16) {
		if (want & ARMVIRT_S2MMU_FEAT_LPA2) {
			if (!lpa2_capable)
				return ARMVIRT_ENOTSUP;
			ds = true;
		} else if (ipa_bits > 48) {
			if (!lpa2_capable)
				return ARMVIRT_ERANGE;
			ds = true;
		}
		/* Without DS the descriptors hold 48 bits: PS = 0b110 means 48. */
		if (!ds && pamax > 48) {
			pamax = 48;
			ps_code = 5;
		}
	} else if (want & ARMVIRT_S2MMU_FEAT_LPA2) {
		return ARMVIRT_ENOTSUP;
	}
	if (ipa_bits > pamax)
		return ARMVIRT_ERANGE;
	if ((want & REQUESTED_FEATS & ~ARMVIRT_S2MMU_FEAT_LPA2) & ~have)
		return ARMVIRT_ENOTSUP;

	c.features = (want & REQUESTED_FEATS) | (want & ARMVIRT_S2MMU_FEAT_OPPORTUNISTIC & have);
	if (c.features & ARMVIRT_S2MMU_FEAT_HD)
		c.features |= ARMVIRT_S2MMU_FEAT_HA; /* HD is ineffective without HA */
	if (ds)
		c.features |= ARMVIRT_S2MMU_FEAT_LPA2;

	/*
	 * Fewest levels: the highest start level whose table (concatenated up
	 * to 16 times) resolves the remaining bits. The pseudocode's
	 * AArch64.S2InconsistentSL bounds the IPA size for a start level to
	 * [levels * stride + granule + 1, that + stride - 1 + 4].
	 */
	stride = gshift - S2_DESC_BITS;
	level = S2_LAST_LEVEL;
	for (unsigned l = S2_LAST_LEVEL + 1; l-- > 0;) {
		unsigned lo = (S2_LAST_LEVEL - l) * stride + gshift + 1;
		unsigned hi = lo + stride - 1 + 4;
		if (ipa_bits >= lo && ipa_bits <= hi &&
		    start_level_allowed(gshift, l, parange_bits[parange], ttst, ds)) {
			level = l;
			found = true;
			break;
		}
	}
	if (!found)
		return ARMVIRT_ERANGE;

	c.granule_shift = (uint8_t)gshift;
	c.ipa_bits = (uint8_t)ipa_bits;
	c.pa_bits = (uint8_t)pamax;
	c.start_level = (uint8_t)level;
	{
		unsigned root_bits = ipa_bits - s2_level_shift(&c, level);
		c.root_pages = (uint8_t)(root_bits > stride ? 1u << (root_bits - stride) : 1u);
	}
	c.vmid_bits = (c.features & ARMVIRT_S2MMU_FEAT_VMID16) ? 16 : 8;

	v = armvirt_field_set(0, ARMVIRT_VTCR_T0SZ_SHIFT, ARMVIRT_VTCR_T0SZ_WIDTH, 64u - ipa_bits);
	v = armvirt_field_set(v, ARMVIRT_VTCR_SL0_SHIFT, ARMVIRT_VTCR_SL0_WIDTH,
			      sl0_encoding(gshift, level));
	v = armvirt_field_set(v, ARMVIRT_VTCR_IRGN0_SHIFT, ARMVIRT_VTCR_IRGN0_WIDTH, WALK_RGN_WBWA);
	v = armvirt_field_set(v, ARMVIRT_VTCR_ORGN0_SHIFT, ARMVIRT_VTCR_ORGN0_WIDTH, WALK_RGN_WBWA);
	v = armvirt_field_set(v, ARMVIRT_VTCR_SH0_SHIFT, ARMVIRT_VTCR_SH0_WIDTH, WALK_SH_INNER);
	v = armvirt_field_set(v, ARMVIRT_VTCR_TG0_SHIFT, ARMVIRT_VTCR_TG0_WIDTH,
			      gshift == 12   ? TG0_4K
			      : gshift == 14 ? TG0_16K
					     : TG0_64K);
	v = armvirt_field_set(v, ARMVIRT_VTCR_PS_SHIFT, ARMVIRT_VTCR_PS_WIDTH, ps_code);
	if (c.features & ARMVIRT_S2MMU_FEAT_VMID16)
		v |= ARMVIRT_BIT(ARMVIRT_VTCR_VS_SHIFT);
	if (c.features & ARMVIRT_S2MMU_FEAT_HA)
		v |= ARMVIRT_BIT(ARMVIRT_VTCR_HA_SHIFT);
	if (c.features & ARMVIRT_S2MMU_FEAT_HD)
		v |= ARMVIRT_BIT(ARMVIRT_VTCR_HD_SHIFT);
	if (ds)
		v |= ARMVIRT_BIT(ARMVIRT_VTCR_DS_SHIFT);
	v |= ARMVIRT_BIT(ARMVIRT_VTCR_RES1_SHIFT);
	c.vtcr = v;

	*cfg = c;
	return ARMVIRT_OK;
}

uint64_t armvirt_s2mmu_root_size(const struct armvirt_s2mmu_config *cfg)
{
	return (uint64_t)cfg->root_pages << cfg->granule_shift;
}

int armvirt_s2mmu_vttbr(const struct armvirt_s2mmu_config *cfg, armvirt_pa_t root, uint32_t vmid,
			uint64_t *vttbr)
{
	uint64_t pa = armvirt_pa_val(root);
	uint64_t v;

	if (pa & (armvirt_s2mmu_root_size(cfg) - 1))
		return ARMVIRT_EALIGN;
	if (pa >> cfg->pa_bits)
		return ARMVIRT_ERANGE;
	if (vmid >> cfg->vmid_bits)
		return ARMVIRT_EINVAL;
	v = pa & ARMVIRT_MASK(ARMVIRT_VTTBR_BADDR_SHIFT, ARMVIRT_VTTBR_BADDR_WIDTH);
	if (cfg->pa_bits == 52)
		v = armvirt_field_set(
			v, ARMVIRT_VTTBR_BADDR_HI_SHIFT, ARMVIRT_VTTBR_BADDR_HI_WIDTH,
			pa >> (ARMVIRT_VTTBR_BADDR_SHIFT + ARMVIRT_VTTBR_BADDR_WIDTH));
	v = armvirt_field_set(v, ARMVIRT_VTTBR_VMID_SHIFT, ARMVIRT_VTTBR_VMID_WIDTH, vmid);
	if (cfg->features & ARMVIRT_S2MMU_FEAT_CNP)
		v |= ARMVIRT_BIT(ARMVIRT_VTTBR_CNP_SHIFT);
	*vttbr = v;
	return ARMVIRT_OK;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mapping attributes <-> stage-2 descriptor bits (Arm ARM D8: "Stage 2
 * memory type and Cacheability attributes", "Stage 2 data access
 * permissions", "Stage 2 execute-never").
 */
#include "s2mmu_impl.h"

/* SH[1:0] encodings. */
#define SH_NONE 0u
#define SH_OUTER 2u
#define SH_INNER 3u

/*
 * XN[1:0] (bit 54 = XN[1], bit 53 = XN[0], FEAT_XNX): 00 executable at EL1
 * and EL0; 01 not at EL1; 10 at neither; 11 not at EL0 (the pseudocode's
 * AArch64.S2DirectBasePermissions).
 */
#define XN_NONE 0u
#define XN_PXN 1u
#define XN_ALL 2u
#define XN_UXN 3u

static armvirt_s2mmu_attr_t attr_field(armvirt_s2mmu_attr_t a, unsigned shift, unsigned width)
{
	return (armvirt_s2mmu_attr_t)armvirt_field_get(a, shift, width);
}

int s2_attr_encode(const struct armvirt_s2mmu_config *cfg, armvirt_s2mmu_attr_t attr,
		   uint64_t *bits)
{
	bool fwb = (cfg->features & ARMVIRT_S2MMU_FEAT_FWB) != 0;
	bool pxn = (attr & ARMVIRT_S2MMU_PXN) != 0, uxn = (attr & ARMVIRT_S2MMU_UXN) != 0;
	uint64_t b = 0, memattr, xn, sh;

	if (attr & ~ARMVIRT_S2MMU_ATTR_ALL)
		return ARMVIRT_EINVAL;
	switch (attr_field(attr, ARMVIRT_S2MMU_ATTR_MEM_SHIFT, ARMVIRT_S2MMU_ATTR_MEM_WIDTH)) {
	case ARMVIRT_S2MMU_MEM_NORMAL_WB:
		memattr = fwb ? ARMVIRT_S2_MEMATTR_FWB_NORMAL_WB : ARMVIRT_S2_MEMATTR_NORMAL_WB;
		break;
	case ARMVIRT_S2MMU_MEM_NORMAL_NC:
		memattr = ARMVIRT_S2_MEMATTR_NORMAL_NC;
		break;
	case ARMVIRT_S2MMU_MEM_NORMAL_WT:
		if (fwb)
			return ARMVIRT_ENOTSUP;
		memattr = ARMVIRT_S2_MEMATTR_NORMAL_WT;
		break;
	case ARMVIRT_S2MMU_MEM_DEVICE_nGnRnE:
		memattr = ARMVIRT_S2_MEMATTR_DEVICE_nGnRnE;
		break;
	case ARMVIRT_S2MMU_MEM_DEVICE_nGnRE:
		memattr = ARMVIRT_S2_MEMATTR_DEVICE_nGnRE;
		break;
	case ARMVIRT_S2MMU_MEM_DEVICE_nGRE:
		memattr = ARMVIRT_S2_MEMATTR_DEVICE_nGRE;
		break;
	case ARMVIRT_S2MMU_MEM_DEVICE_GRE:
		memattr = ARMVIRT_S2_MEMATTR_DEVICE_GRE;
		break;
	default: /* ARMVIRT_S2MMU_MEM_NORMAL_S1 */
		if (!fwb)
			return ARMVIRT_ENOTSUP;
		memattr = ARMVIRT_S2_MEMATTR_FWB_NORMAL_S1;
		break;
	}
	b = armvirt_field_set(b, ARMVIRT_S2_DESC_MEMATTR_SHIFT, ARMVIRT_S2_DESC_MEMATTR_WIDTH,
			      memattr);

	if (attr & ARMVIRT_S2MMU_R)
		b |= S2_AP_R;
	if (attr & ARMVIRT_S2MMU_W)
		b |= S2_AP_W;

	if (pxn != uxn && !(cfg->features & ARMVIRT_S2MMU_FEAT_XNX))
		return ARMVIRT_ENOTSUP;
	xn = pxn ? (uxn ? XN_ALL : XN_PXN) : (uxn ? XN_UXN : XN_NONE);
	b = armvirt_field_set(b, ARMVIRT_S2_DESC_XN_SHIFT, ARMVIRT_S2_DESC_XN_WIDTH, xn);

	switch (attr_field(attr, ARMVIRT_S2MMU_ATTR_SH_SHIFT, ARMVIRT_S2MMU_ATTR_SH_WIDTH)) {
	case ARMVIRT_S2MMU_SH_INNER:
		sh = SH_INNER;
		break;
	case ARMVIRT_S2MMU_SH_OUTER:
		sh = SH_OUTER;
		break;
	case ARMVIRT_S2MMU_SH_NONE:
		sh = SH_NONE;
		break;
	default:
		return ARMVIRT_EINVAL;
	}
	/* With FEAT_LPA2, SH[1:0] holds OA[51:50] and VTCR_EL2.SH0 (Inner) applies. */
	if (s2_lpa2(cfg)) {
		if (sh != SH_INNER)
			return ARMVIRT_ENOTSUP;
	} else {
		b = armvirt_field_set(b, ARMVIRT_S2_DESC_SH_SHIFT, ARMVIRT_S2_DESC_SH_WIDTH, sh);
	}

	if (!(attr & ARMVIRT_S2MMU_OLD))
		b |= S2_AF;
	b = armvirt_field_set(
		b, S2_SW_USER_SHIFT, ARMVIRT_S2MMU_ATTR_SW_WIDTH,
		attr_field(attr, ARMVIRT_S2MMU_ATTR_SW_SHIFT, ARMVIRT_S2MMU_ATTR_SW_WIDTH));
	*bits = b;
	return ARMVIRT_OK;
}

/* A mask must take the memory type, the shareability and PXN/UXN whole. */
static bool field_whole(armvirt_s2mmu_attr_t mask, armvirt_s2mmu_attr_t field)
{
	return (mask & field) == 0 || (mask & field) == field;
}

int s2_attr_desc_mask(const struct armvirt_s2mmu_config *cfg, armvirt_s2mmu_attr_t mask,
		      uint64_t *dmask)
{
	uint64_t m = 0;

	if ((mask & ~ARMVIRT_S2MMU_ATTR_ALL) ||
	    !field_whole(mask, (armvirt_s2mmu_attr_t)ARMVIRT_MASK(ARMVIRT_S2MMU_ATTR_MEM_SHIFT,
								  ARMVIRT_S2MMU_ATTR_MEM_WIDTH)) ||
	    !field_whole(mask, (armvirt_s2mmu_attr_t)ARMVIRT_MASK(ARMVIRT_S2MMU_ATTR_SH_SHIFT,
								  ARMVIRT_S2MMU_ATTR_SH_WIDTH)) ||
	    !field_whole(mask, ARMVIRT_S2MMU_XN))
		return ARMVIRT_EINVAL;

	if (mask & ARMVIRT_MASK(ARMVIRT_S2MMU_ATTR_MEM_SHIFT, ARMVIRT_S2MMU_ATTR_MEM_WIDTH))
		m |= S2_MEMATTR;
	if (mask & ARMVIRT_S2MMU_R)
		m |= S2_AP_R;
	if (mask & ARMVIRT_S2MMU_W)
		m |= S2_AP_W;
	if (mask & ARMVIRT_S2MMU_XN)
		m |= S2_XN; /* the two bits encode PXN and UXN jointly */
	if ((mask & ARMVIRT_MASK(ARMVIRT_S2MMU_ATTR_SH_SHIFT, ARMVIRT_S2MMU_ATTR_SH_WIDTH)) &&
	    !s2_lpa2(cfg))
		m |= S2_SH;
	if (mask & ARMVIRT_S2MMU_OLD)
		m |= S2_AF;
	m |= armvirt_field_get(mask, ARMVIRT_S2MMU_ATTR_SW_SHIFT, ARMVIRT_S2MMU_ATTR_SW_WIDTH)
	     << S2_SW_USER_SHIFT;
	*dmask = m;
	return ARMVIRT_OK;
}

armvirt_s2mmu_attr_t s2_attr_decode(const struct armvirt_s2mmu_config *cfg, uint64_t d)
{
	bool fwb = (cfg->features & ARMVIRT_S2MMU_FEAT_FWB) != 0;
	armvirt_s2mmu_attr_t a = 0;
	enum armvirt_s2mmu_mem mem;
	uint64_t memattr =
		armvirt_field_get(d, ARMVIRT_S2_DESC_MEMATTR_SHIFT, ARMVIRT_S2_DESC_MEMATTR_WIDTH);

	switch (memattr) {
	case ARMVIRT_S2_MEMATTR_DEVICE_nGnRnE:
		mem = ARMVIRT_S2MMU_MEM_DEVICE_nGnRnE;
		break;
	case ARMVIRT_S2_MEMATTR_DEVICE_nGnRE:
		mem = ARMVIRT_S2MMU_MEM_DEVICE_nGnRE;
		break;
	case ARMVIRT_S2_MEMATTR_DEVICE_nGRE:
		mem = ARMVIRT_S2MMU_MEM_DEVICE_nGRE;
		break;
	case ARMVIRT_S2_MEMATTR_DEVICE_GRE:
		mem = ARMVIRT_S2MMU_MEM_DEVICE_GRE;
		break;
	case ARMVIRT_S2_MEMATTR_NORMAL_NC:
		mem = ARMVIRT_S2MMU_MEM_NORMAL_NC;
		break;
	case ARMVIRT_S2_MEMATTR_NORMAL_WT:
		mem = ARMVIRT_S2MMU_MEM_NORMAL_WT;
		break;
	case ARMVIRT_S2_MEMATTR_FWB_NORMAL_S1:
		mem = fwb ? ARMVIRT_S2MMU_MEM_NORMAL_S1 : ARMVIRT_S2MMU_MEM_NORMAL_NC;
		break;
	default: /* S2_MEMATTR_NORMAL_WB, or FWB_NORMAL_WB under FWB */
		mem = ARMVIRT_S2MMU_MEM_NORMAL_WB;
		break;
	}
	a |= ARMVIRT_S2MMU_MEM(mem);
	if (d & S2_AP_R)
		a |= ARMVIRT_S2MMU_R;
	if ((d & S2_AP_W) || (d & s2_track_bit(cfg)))
		a |= ARMVIRT_S2MMU_W;
	switch (armvirt_field_get(d, ARMVIRT_S2_DESC_XN_SHIFT, ARMVIRT_S2_DESC_XN_WIDTH)) {
	case XN_PXN:
		a |= ARMVIRT_S2MMU_PXN;
		break;
	case XN_ALL:
		a |= ARMVIRT_S2MMU_XN;
		break;
	case XN_UXN:
		a |= ARMVIRT_S2MMU_UXN;
		break;
	default:
		break;
	}
	if (!s2_lpa2(cfg)) {
		switch (armvirt_field_get(d, ARMVIRT_S2_DESC_SH_SHIFT, ARMVIRT_S2_DESC_SH_WIDTH)) {
		case SH_OUTER:
			a |= ARMVIRT_S2MMU_SH(ARMVIRT_S2MMU_SH_OUTER);
			break;
		case SH_NONE:
			a |= ARMVIRT_S2MMU_SH(ARMVIRT_S2MMU_SH_NONE);
			break;
		default:
			break;
		}
	}
	if (!(d & S2_AF))
		a |= ARMVIRT_S2MMU_OLD;
	a |= ARMVIRT_S2MMU_SW(armvirt_field_get(d, S2_SW_USER_SHIFT, ARMVIRT_S2MMU_ATTR_SW_WIDTH));
	return a;
}

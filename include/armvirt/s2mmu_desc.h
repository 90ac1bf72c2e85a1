/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file s2mmu_desc.h
 * @brief Register and descriptor layouts used by the stage-2 table library.
 *
 * Every field the library reads or writes is written here once, as a
 * `<REG>_<FIELD>_SHIFT` / `_WIDTH` pair, and read with armvirt_field_get().
 * The sources are the Arm Architecture Reference Manual (DDI 0487):
 *  - VTCR_EL2 and VTTBR_EL2: D24.2 (system register descriptions);
 *  - ID_AA64MMFR0/1/2_EL1, ID_AA64ISAR0_EL1: D24.2;
 *  - the VMSAv8-64 stage-2 descriptor formats: D8 "Translation table
 *    descriptor formats" and the stage-2 attribute and permission sections;
 *  - the TLBI operand formats: C5.5 (TLB maintenance instructions) and
 *    D8 "TLB maintenance requirements".
 */
#ifndef ARMVIRT_S2MMU_DESC_H
#define ARMVIRT_S2MMU_DESC_H

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @name ID_AA64MMFR0_EL1 fields
 * @{
 */
#define ARMVIRT_ID_AA64MMFR0_PARANGE_SHIFT 0  /**< PA range: 0 = 32 bits ... 6 = 52. */
#define ARMVIRT_ID_AA64MMFR0_PARANGE_WIDTH 4  /**< Width of PARange. */
#define ARMVIRT_ID_AA64MMFR0_TGRAN16_SHIFT 20 /**< 16KB: 0 no, 1 yes, 2 52-bit. */
#define ARMVIRT_ID_AA64MMFR0_TGRAN16_WIDTH 4  /**< Width of TGran16. */
#define ARMVIRT_ID_AA64MMFR0_TGRAN64_SHIFT 24 /**< 64KB: 0 yes, 0xf no. */
#define ARMVIRT_ID_AA64MMFR0_TGRAN64_WIDTH 4  /**< Width of TGran64. */
#define ARMVIRT_ID_AA64MMFR0_TGRAN4_SHIFT 28  /**< 4KB: 0 yes, 1 52-bit, 0xf no. */
#define ARMVIRT_ID_AA64MMFR0_TGRAN4_WIDTH 4   /**< Width of TGran4. */
/** S2 16KB: 0 see TGran16, 1 no, 2 yes, 3 52-bit. */
#define ARMVIRT_ID_AA64MMFR0_TGRAN16_2_SHIFT 32
#define ARMVIRT_ID_AA64MMFR0_TGRAN16_2_WIDTH 4	/**< Width of TGran16_2. */
#define ARMVIRT_ID_AA64MMFR0_TGRAN64_2_SHIFT 36 /**< S2 64KB: 0 see TGran64, 1 no, 2 yes. */
#define ARMVIRT_ID_AA64MMFR0_TGRAN64_2_WIDTH 4	/**< Width of TGran64_2. */
/** S2 4KB: 0 see TGran4, 1 no, 2 yes, 3 52-bit. */
#define ARMVIRT_ID_AA64MMFR0_TGRAN4_2_SHIFT 40
#define ARMVIRT_ID_AA64MMFR0_TGRAN4_2_WIDTH 4 /**< Width of TGran4_2. */
/** @} */

/**
 * @name ID_AA64MMFR1_EL1 fields
 * @{
 */
/** 1: hardware Access flag; 2: also dirty state. */
#define ARMVIRT_ID_AA64MMFR1_HAFDBS_SHIFT 0
#define ARMVIRT_ID_AA64MMFR1_HAFDBS_WIDTH 4   /**< Width of HAFDBS. */
#define ARMVIRT_ID_AA64MMFR1_VMIDBITS_SHIFT 4 /**< 0: 8-bit VMID; 2: 16-bit VMID. */
#define ARMVIRT_ID_AA64MMFR1_VMIDBITS_WIDTH 4 /**< Width of VMIDBits. */
#define ARMVIRT_ID_AA64MMFR1_XNX_SHIFT 28     /**< 1: FEAT_XNX, stage-2 PXN/UXN split. */
#define ARMVIRT_ID_AA64MMFR1_XNX_WIDTH 4      /**< Width of XNX. */
/** @} */

/**
 * @name ID_AA64MMFR2_EL1 fields
 * @{
 */
#define ARMVIRT_ID_AA64MMFR2_CNP_SHIFT 0  /**< 1: FEAT_TTCNP, the CnP bit. */
#define ARMVIRT_ID_AA64MMFR2_CNP_WIDTH 4  /**< Width of CnP. */
#define ARMVIRT_ID_AA64MMFR2_ST_SHIFT 28  /**< 1: FEAT_TTST, small translation tables. */
#define ARMVIRT_ID_AA64MMFR2_ST_WIDTH 4	  /**< Width of ST. */
#define ARMVIRT_ID_AA64MMFR2_FWB_SHIFT 40 /**< 1: FEAT_S2FWB. */
#define ARMVIRT_ID_AA64MMFR2_FWB_WIDTH 4  /**< Width of FWB. */
#define ARMVIRT_ID_AA64MMFR2_TTL_SHIFT 48 /**< 1: FEAT_TTL, the TLBI level hint. */
#define ARMVIRT_ID_AA64MMFR2_TTL_WIDTH 4  /**< Width of TTL. */
/** @} */

/**
 * @name ID_AA64ISAR0_EL1 fields
 * @{
 */
/** 1: TLBI outer shareable; 2: also FEAT_TLBIRANGE. */
#define ARMVIRT_ID_AA64ISAR0_TLB_SHIFT 56
#define ARMVIRT_ID_AA64ISAR0_TLB_WIDTH 4 /**< Width of TLB. */
/** @} */

/**
 * @name VTCR_EL2 fields
 * @{
 */
#define ARMVIRT_VTCR_T0SZ_SHIFT 0   /**< Size offset: the IPA space is 2^(64 - T0SZ) bytes. */
#define ARMVIRT_VTCR_T0SZ_WIDTH 6   /**< Width of T0SZ. */
#define ARMVIRT_VTCR_SL0_SHIFT 6    /**< Starting level (encoding depends on TG0, see D24.2). */
#define ARMVIRT_VTCR_SL0_WIDTH 2    /**< Width of SL0. */
#define ARMVIRT_VTCR_IRGN0_SHIFT 8  /**< Inner cacheability of table walks (1 = WBWA). */
#define ARMVIRT_VTCR_IRGN0_WIDTH 2  /**< Width of IRGN0. */
#define ARMVIRT_VTCR_ORGN0_SHIFT 10 /**< Outer cacheability of table walks (1 = WBWA). */
#define ARMVIRT_VTCR_ORGN0_WIDTH 2  /**< Width of ORGN0. */
#define ARMVIRT_VTCR_SH0_SHIFT 12   /**< Shareability of table walks (3 = Inner Shareable). */
#define ARMVIRT_VTCR_SH0_WIDTH 2    /**< Width of SH0. */
#define ARMVIRT_VTCR_TG0_SHIFT 14   /**< Granule: 0 = 4KB, 1 = 64KB, 2 = 16KB. */
#define ARMVIRT_VTCR_TG0_WIDTH 2    /**< Width of TG0. */
#define ARMVIRT_VTCR_PS_SHIFT 16    /**< Output address size, encoded as PARange. */
#define ARMVIRT_VTCR_PS_WIDTH 3	    /**< Width of PS. */
#define ARMVIRT_VTCR_VS_SHIFT 19    /**< 1: 16-bit VMID. */
#define ARMVIRT_VTCR_HA_SHIFT 21    /**< 1: hardware Access flag update. */
#define ARMVIRT_VTCR_HD_SHIFT 22    /**< 1: hardware dirty state update. */
#define ARMVIRT_VTCR_RES1_SHIFT 31  /**< Bit 31 is RES1. */
/** 1: 52-bit output addresses with 4KB/16KB (FEAT_LPA2). */
#define ARMVIRT_VTCR_DS_SHIFT 32
/** @} */

/**
 * @name VTTBR_EL2 fields
 * @{
 */
#define ARMVIRT_VTTBR_CNP_SHIFT 0      /**< Common not Private. */
#define ARMVIRT_VTTBR_BADDR_SHIFT 1    /**< Base address bits [47:1]. */
#define ARMVIRT_VTTBR_BADDR_WIDTH 47   /**< Width of BADDR. */
#define ARMVIRT_VTTBR_BADDR_HI_SHIFT 2 /**< With a 52-bit OA: base address bits [51:48] here. */
#define ARMVIRT_VTTBR_BADDR_HI_WIDTH 4 /**< Width of the high base address bits. */
#define ARMVIRT_VTTBR_VMID_SHIFT 48    /**< VMID: 8 bits, or 16 with VTCR_EL2.VS. */
#define ARMVIRT_VTTBR_VMID_WIDTH 16    /**< Width of VMID. */
/** @} */

/**
 * @name Stage-2 VMSAv8-64 descriptor fields
 * Valid descriptors have bit 0 set; bit 1 is 1 for a table (levels 0-2) or a
 * page (level 3), 0 for a block. In an invalid descriptor bits [63:1] are
 * ignored by hardware.
 * @{
 */
#define ARMVIRT_S2_DESC_VALID_SHIFT 0	 /**< Valid. */
#define ARMVIRT_S2_DESC_TYPE_SHIFT 1	 /**< 1: table or page; 0: block. */
#define ARMVIRT_S2_DESC_MEMATTR_SHIFT 2	 /**< MemAttr[3:0] (stage-2 memory type). */
#define ARMVIRT_S2_DESC_MEMATTR_WIDTH 4	 /**< Width of MemAttr. */
#define ARMVIRT_S2_DESC_S2AP_SHIFT 6	 /**< S2AP[1:0]: bit 0 read, bit 1 write. */
#define ARMVIRT_S2_DESC_S2AP_WIDTH 2	 /**< Width of S2AP. */
#define ARMVIRT_S2_DESC_SH_SHIFT 8	 /**< SH[1:0]: 0 non, 2 outer, 3 inner shareable. */
#define ARMVIRT_S2_DESC_SH_WIDTH 2	 /**< Width of SH. */
#define ARMVIRT_S2_DESC_AF_SHIFT 10	 /**< Access flag. */
#define ARMVIRT_S2_DESC_OA_SHIFT 12	 /**< Lowest bit of the output / next-table address. */
#define ARMVIRT_S2_DESC_OA_WIDTH 36	 /**< OA[47:12] (48-bit output addresses). */
#define ARMVIRT_S2_DESC_OA52_HI_SHIFT 12 /**< 64KB granule, 52-bit OA: OA[51:48] here. */
#define ARMVIRT_S2_DESC_OA52_HI_WIDTH 4	 /**< Width of the 64KB high address bits. */
#define ARMVIRT_S2_DESC_LPA2_OA_WIDTH 38 /**< FEAT_LPA2 (DS = 1): OA[49:12] at [49:12]. */
#define ARMVIRT_S2_DESC_LPA2_HI_SHIFT 8	 /**< FEAT_LPA2: OA[51:50] at [9:8], replacing SH. */
#define ARMVIRT_S2_DESC_LPA2_HI_WIDTH 2	 /**< Width of the LPA2 high address bits. */
#define ARMVIRT_S2_DESC_DBM_SHIFT 51	 /**< Dirty Bit Modifier (FEAT_HAFDBS). */
#define ARMVIRT_S2_DESC_CONT_SHIFT 52	 /**< Contiguous hint. */
#define ARMVIRT_S2_DESC_XN_SHIFT 53	 /**< XN[1:0] (bit 53 only with FEAT_XNX). */
#define ARMVIRT_S2_DESC_XN_WIDTH 2	 /**< Width of XN. */
#define ARMVIRT_S2_DESC_SW_SHIFT 55	 /**< Bits [58:55]: reserved for software. */
#define ARMVIRT_S2_DESC_SW_WIDTH 4	 /**< Width of the software field. */
/** @} */

/**
 * @name Stage-2 MemAttr[3:0] encodings
 * Without FEAT_S2FWB MemAttr[3:2] is the outer and MemAttr[1:0] the inner
 * cacheability of Normal memory, or 0b00 and the Device type. With
 * HCR_EL2.FWB = 1 the field is reinterpreted (D8, "Stage 2 memory type and Cacheability attributes when
 * FEAT_S2FWB is enabled").
 * @{
 */
#define ARMVIRT_S2_MEMATTR_DEVICE_nGnRnE 0x0u /**< Device-nGnRnE (with or without FWB). */
#define ARMVIRT_S2_MEMATTR_DEVICE_nGnRE 0x1u  /**< Device-nGnRE (with or without FWB). */
#define ARMVIRT_S2_MEMATTR_DEVICE_nGRE 0x2u   /**< Device-nGRE (with or without FWB). */
#define ARMVIRT_S2_MEMATTR_DEVICE_GRE 0x3u    /**< Device-GRE (with or without FWB). */
/** Normal Non-cacheable (with or without FWB). */
#define ARMVIRT_S2_MEMATTR_NORMAL_NC 0x5u
/** Normal Write-Through, inner and outer (no FWB). */
#define ARMVIRT_S2_MEMATTR_NORMAL_WT 0xau
#define ARMVIRT_S2_MEMATTR_NORMAL_WB 0xfu     /**< Normal Write-Back, inner and outer (no FWB). */
#define ARMVIRT_S2_MEMATTR_FWB_NORMAL_WB 0x6u /**< FWB: Normal Write-Back, forced. */
#define ARMVIRT_S2_MEMATTR_FWB_NORMAL_S1 0x7u /**< FWB: Normal, attributes from stage 1. */
/** @} */

/**
 * @name TLBI operand fields (C5.5)
 * @{
 */
#define ARMVIRT_TLBI_IPA_ADDR_SHIFT 0  /**< By-IPA forms: IPA[55:12] in bits [43:0]. */
#define ARMVIRT_TLBI_IPA_ADDR_WIDTH 44 /**< Width of the IPA field. */
#define ARMVIRT_TLBI_IPA_TTL_SHIFT 44  /**< By IPA: TTL[3:0] with FEAT_TTL (else RES0). */
#define ARMVIRT_TLBI_IPA_TTL_WIDTH 4   /**< Width of TTL: [3:2] granule, [1:0] level. */
/** Range: BaseADDR, in granules (64KB units with LPA2). */
#define ARMVIRT_TLBI_RANGE_BADDR_SHIFT 0
#define ARMVIRT_TLBI_RANGE_BADDR_WIDTH 37 /**< Width of BaseADDR. */
#define ARMVIRT_TLBI_RANGE_TTL_SHIFT 37	  /**< Range forms: level of the leaves, 0 = any. */
#define ARMVIRT_TLBI_RANGE_TTL_WIDTH 2	  /**< Width of the range TTL. */
#define ARMVIRT_TLBI_RANGE_NUM_SHIFT 39	  /**< Range: NUM; (NUM + 1) << (5 SCALE + 1) pages. */
#define ARMVIRT_TLBI_RANGE_NUM_WIDTH 5	  /**< Width of NUM. */
#define ARMVIRT_TLBI_RANGE_SCALE_SHIFT 44 /**< Range forms: SCALE. */
#define ARMVIRT_TLBI_RANGE_SCALE_WIDTH 2  /**< Width of SCALE. */
/** Range forms: granule, 1 = 4KB, 2 = 16KB, 3 = 64KB. */
#define ARMVIRT_TLBI_RANGE_TG_SHIFT 46
#define ARMVIRT_TLBI_RANGE_TG_WIDTH 2 /**< Width of TG. */
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_S2MMU_DESC_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The hypervisor's own EL2 stage-1 translation (boot.S): register values
 * and block descriptors, from the Arm ARM's field layouts (D24.2.167
 * SCTLR_EL2, D24.2.174 TCR_EL2, D24.2.97 MAIR_EL2, D8.3 descriptors).
 * Shared by assembly and C: macros only.
 */
#ifndef HYP_MMU_H
#define HYP_MMU_H

#define HYP_STACK_SIZE 0x4000
#define HYP_MAX_CPUS 8

/* MAIR_EL2: attr0 normal write-back read/write-allocate, attr1 Device-nGnRnE. */
#define MAIR_ATTR_NORMAL_WB 0xff
#define MAIR_ATTR_DEVICE_NGNRNE 0x00
#define MAIR_EL2_VALUE ((MAIR_ATTR_DEVICE_NGNRNE << 8) | MAIR_ATTR_NORMAL_WB)
#define ATTR_IDX_NORMAL 0
#define ATTR_IDX_DEVICE 1

/* TCR_EL2 (nVHE): T0SZ = 25 (39-bit VA, start at level 1), 4 KiB granule,
 * inner/outer write-back walks, inner shareable; RES1 bits 31 and 23. */
#define TCR_EL2_T0SZ 25
#define TCR_EL2_IRGN0_SHIFT 8
#define TCR_EL2_ORGN0_SHIFT 10
#define TCR_EL2_SH0_SHIFT 12
#define TCR_EL2_PS_SHIFT 16
#define TCR_EL2_RES1 ((1 << 31) | (1 << 23))
#define TCR_EL2_VALUE                                                                              \
	(TCR_EL2_RES1 | (3 << TCR_EL2_SH0_SHIFT) | (1 << TCR_EL2_ORGN0_SHIFT) |                    \
	 (1 << TCR_EL2_IRGN0_SHIFT) | TCR_EL2_T0SZ)

/* SCTLR_EL2: RES1 bits (29, 28, 23, 22, 18, 16, 11, 5, 4) + M, C, SA, I. */
#define SCTLR_EL2_RES1 0x30c50830
#define SCTLR_EL2_M (1 << 0)
#define SCTLR_EL2_C (1 << 2)
#define SCTLR_EL2_SA (1 << 3)
#define SCTLR_EL2_I (1 << 12)
#define SCTLR_EL2_VALUE (SCTLR_EL2_RES1 | SCTLR_EL2_M | SCTLR_EL2_C | SCTLR_EL2_SA | SCTLR_EL2_I)

/* Level-1 block descriptor: valid block (0b01), AttrIndx [4:2], AP[1] (RES1
 * at EL2) [6], SH [9:8] inner shareable, AF [10], XN [54]. */
#define DESC_BLOCK 0x1
#define DESC_ATTR_SHIFT 2
#define DESC_AP1 (1 << 6)
#define DESC_SH_INNER (3 << 8)
#define DESC_AF (1 << 10)
#define DESC_XN (1 << 54)
#define HYP_BLOCK_NORMAL                                                                           \
	(DESC_BLOCK | (ATTR_IDX_NORMAL << DESC_ATTR_SHIFT) | DESC_AP1 | DESC_SH_INNER | DESC_AF)
#define HYP_BLOCK_DEVICE                                                                           \
	(DESC_BLOCK | (ATTR_IDX_DEVICE << DESC_ATTR_SHIFT) | DESC_AP1 | DESC_AF | DESC_XN)

#endif /* HYP_MMU_H */

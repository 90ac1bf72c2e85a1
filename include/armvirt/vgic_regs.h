/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file vgic_regs.h
 * @brief Register layouts of the GIC, as the virtual GIC uses them.
 *
 * Every offset and field lib/vgic touches, written once: the guest-facing
 * distributor and redistributor frames (GICD, GICR), the GICv3 virtual CPU
 * interface control registers (ICH_*_EL2), the GICv2 virtual interface
 * control frame (GICH) and the GICv3 CPU interface registers a guest traps
 * on (ICC_*). Fields are `_SHIFT` / `_WIDTH` pairs for armvirt_field_get()
 * and armvirt_field_set(); a bit whose `_WIDTH` is not given is one bit wide.
 * References: Arm IHI 0048B.b (GICv2) chapters 4 and 5; Arm IHI 0069H
 * (GICv3 and GICv4) chapter 12.
 */
#ifndef ARMVIRT_VGIC_REGS_H
#define ARMVIRT_VGIC_REGS_H

#include <armvirt/access.h>

/** @name INTID space
 * GICv3 2.2, GICv2 2.2.1.
 * @{ */
#define ARMVIRT_GIC_NR_SGIS 16u /**< SGIs are INTIDs 0-15. */
/** SGIs and PPIs (INTIDs 0-31) are private to a PE. */
#define ARMVIRT_GIC_NR_PRIVATE 32u
#define ARMVIRT_GIC_MAX_SPI_INTID 1019u /**< The last SPI INTID. */
/** The INTID an acknowledge returns when nothing is pending. */
#define ARMVIRT_GIC_SPURIOUS_INTID 1023u
/** @} */

/** @name Distributor frame (GICD), both versions
 * GICv2 4.3, GICv3 12.9. Per-interrupt arrays are indexed by INTID with 1 bit
 * (IGROUPR, IS/ICENABLER, IS/ICPENDR, IS/ICACTIVER), 2 bits (ICFGR) or 8 bits
 * (IPRIORITYR, ITARGETSR) an interrupt.
 * @{ */
#define ARMVIRT_GICD_CTLR 0x0000u      /**< Distributor control. */
#define ARMVIRT_GICD_TYPER 0x0004u     /**< Interrupt controller type (RO). */
#define ARMVIRT_GICD_IIDR 0x0008u      /**< Implementer identification (RO). */
#define ARMVIRT_GICD_IGROUPR 0x0080u   /**< Interrupt group, 1 bit an interrupt. */
#define ARMVIRT_GICD_ISENABLER 0x0100u /**< Set-enable, 1 bit an interrupt. */
#define ARMVIRT_GICD_ICENABLER 0x0180u /**< Clear-enable, 1 bit an interrupt. */
#define ARMVIRT_GICD_ISPENDR 0x0200u   /**< Set-pending, 1 bit an interrupt. */
#define ARMVIRT_GICD_ICPENDR 0x0280u   /**< Clear-pending, 1 bit an interrupt. */
#define ARMVIRT_GICD_ISACTIVER 0x0300u /**< Set-active, 1 bit an interrupt. */
#define ARMVIRT_GICD_ICACTIVER 0x0380u /**< Clear-active, 1 bit an interrupt. */
/** Priority, 1 byte an interrupt (byte-accessible). */
#define ARMVIRT_GICD_IPRIORITYR 0x0400u
/** GICv2 CPU targets, 1 byte an interrupt (byte-accessible). */
#define ARMVIRT_GICD_ITARGETSR 0x0800u
#define ARMVIRT_GICD_ICFGR 0x0C00u /**< Configuration, 2 bits an interrupt. */
/** Non-secure access control (RAZ/WI with one security state). */
#define ARMVIRT_GICD_NSACR 0x0E00u
#define ARMVIRT_GICD_SGIR 0x0F00u /**< GICv2 software-generated interrupt (WO). */
/** GICv2 SGI clear-pending, 1 byte an SGI (byte-accessible). */
#define ARMVIRT_GICD_CPENDSGIR 0x0F10u
/** GICv2 SGI set-pending, 1 byte an SGI (byte-accessible). */
#define ARMVIRT_GICD_SPENDSGIR 0x0F20u
#define ARMVIRT_GICD_V2_SIZE 0x1000u  /**< Size of the GICv2 distributor frame. */
#define ARMVIRT_GICD_V3_SIZE 0x10000u /**< Size of the GICv3 distributor frame. */
/** @} */

/** @name Distributor frame, GICv3 only
 * GICv3 12.9.
 * @{ */
#define ARMVIRT_GICD_TYPER2 0x000Cu  /**< Type register 2 (GICv4.1; RAZ here). */
#define ARMVIRT_GICD_STATUSR 0x0010u /**< Error reporting status (optional). */
/** Message-based SPI set (needs GICD_TYPER.MBIS). */
#define ARMVIRT_GICD_SETSPI_NSR 0x0040u
/** Message-based SPI clear (needs GICD_TYPER.MBIS). */
#define ARMVIRT_GICD_CLRSPI_NSR 0x0048u
#define ARMVIRT_GICD_SETSPI_SR 0x0050u /**< Secure message-based SPI set. */
#define ARMVIRT_GICD_CLRSPI_SR 0x0058u /**< Secure message-based SPI clear. */
/** Group modifier (RAZ/WI with one security state). */
#define ARMVIRT_GICD_IGRPMODR 0x0D00u
/** Routing, 64 bits an SPI: GICD_IROUTER<n> is at 0x6000 + 8n. */
#define ARMVIRT_GICD_IROUTER 0x6000u
/** @} */

/** @name Identification registers
 * GICv2 4.3.15, GICv3 12.1.13: PIDR4-7, PIDR0-3, CIDR0-3 at the top of
 * a 4 KB (GICv2 distributor) or 64 KB (GICv3 frame) page.
 * @{ */
/** PIDR4 of the GICv2 distributor, the first ID register. */
#define ARMVIRT_GIC_V2_IDREGS 0x0FD0u
/** PIDR4 of a GICv3 frame, the first ID register. */
#define ARMVIRT_GIC_V3_IDREGS 0xFFD0u
/** PIDR2's offset from the first ID register. */
#define ARMVIRT_GIC_IDREG_PIDR2 0x18u
/** CIDR0's offset from the first ID register; CIDR1-3 follow. */
#define ARMVIRT_GIC_IDREG_CIDR0 0x20u
/** PIDR2.ArchRev: 2 for GICv2, 3 for GICv3. */
#define ARMVIRT_GIC_PIDR2_ARCHREV_SHIFT 4
#define ARMVIRT_GIC_PIDR2_ARCHREV_WIDTH 4 /**< PIDR2.ArchRev. */
/** @} */

/** @name GICD_CTLR
 * GICv2 4.3.1 (no Security Extensions), GICv3 12.9.4 (GICD_CTLR.DS == 1).
 * @{ */
#define ARMVIRT_GICD_CTLR_ENABLEGRP0_SHIFT 0 /**< Forward Group 0 interrupts. */
#define ARMVIRT_GICD_CTLR_ENABLEGRP0_WIDTH 1 /**< EnableGrp0. */
#define ARMVIRT_GICD_CTLR_ENABLEGRP1_SHIFT 1 /**< Forward Group 1 interrupts. */
#define ARMVIRT_GICD_CTLR_ENABLEGRP1_WIDTH 1 /**< EnableGrp1. */
/** GICv3 affinity routing enable (RAO/WI: always on). */
#define ARMVIRT_GICD_CTLR_ARE_SHIFT 4
#define ARMVIRT_GICD_CTLR_ARE_WIDTH 1 /**< ARE. */
/** GICv3 disable security: one security state (RAO/WI). */
#define ARMVIRT_GICD_CTLR_DS_SHIFT 6
#define ARMVIRT_GICD_CTLR_DS_WIDTH 1 /**< DS. */
/** GICv3 register write pending (always 0: writes take effect at once). */
#define ARMVIRT_GICD_CTLR_RWP_SHIFT 31
#define ARMVIRT_GICD_CTLR_RWP_WIDTH 1 /**< RWP. */
/** @} */

/** @name GICD_TYPER
 * GICv2 4.3.2, GICv3 12.9.38.
 * @{ */
/** ITLinesNumber: 32 * (N + 1) INTIDs. */
#define ARMVIRT_GICD_TYPER_ITLINES_SHIFT 0
#define ARMVIRT_GICD_TYPER_ITLINES_WIDTH 5 /**< ITLinesNumber. */
/** CPUNumber: CPU interfaces minus 1 (GICv2, or GICv3 without ARE). */
#define ARMVIRT_GICD_TYPER_CPUNUMBER_SHIFT 5
#define ARMVIRT_GICD_TYPER_CPUNUMBER_WIDTH 3	 /**< CPUNumber. */
#define ARMVIRT_GICD_TYPER_SECURITYEXTN_SHIFT 10 /**< Two security states. */
#define ARMVIRT_GICD_TYPER_SECURITYEXTN_WIDTH 1	 /**< SecurityExtn. */
#define ARMVIRT_GICD_TYPER_LPIS_SHIFT 17	 /**< GICv3: LPIs supported. */
#define ARMVIRT_GICD_TYPER_LPIS_WIDTH 1		 /**< LPIS. */
#define ARMVIRT_GICD_TYPER_IDBITS_SHIFT 19	 /**< GICv3: INTID bits minus 1. */
#define ARMVIRT_GICD_TYPER_IDBITS_WIDTH 5	 /**< IDbits. */
#define ARMVIRT_GICD_TYPER_A3V_SHIFT 24		 /**< GICv3: affinity level 3 supported. */
#define ARMVIRT_GICD_TYPER_A3V_WIDTH 1		 /**< A3V. */
/** GICv3: 1 of N SPI routing not supported. */
#define ARMVIRT_GICD_TYPER_NO1N_SHIFT 25
#define ARMVIRT_GICD_TYPER_NO1N_WIDTH 1 /**< No1N. */
/** GICv3: SGI target range selector (Aff0 above 15) supported. */
#define ARMVIRT_GICD_TYPER_RSS_SHIFT 26
#define ARMVIRT_GICD_TYPER_RSS_WIDTH 1 /**< RSS. */
/** @} */

/** @name GICD_IIDR and GICR_IIDR
 * GICv3 12.9.20.
 * @{ */
#define ARMVIRT_GIC_IIDR_IMPLEMENTER_SHIFT 0  /**< JEP106 code of the implementer. */
#define ARMVIRT_GIC_IIDR_IMPLEMENTER_WIDTH 12 /**< Implementer. */
#define ARMVIRT_GIC_IIDR_REVISION_SHIFT 12    /**< Revision. */
#define ARMVIRT_GIC_IIDR_REVISION_WIDTH 4     /**< Revision. */
#define ARMVIRT_GIC_IIDR_VARIANT_SHIFT 16     /**< Variant. */
#define ARMVIRT_GIC_IIDR_VARIANT_WIDTH 4      /**< Variant. */
#define ARMVIRT_GIC_IIDR_PRODUCTID_SHIFT 24   /**< Product identifier. */
#define ARMVIRT_GIC_IIDR_PRODUCTID_WIDTH 8    /**< ProductID. */
/** @} */

/** @name GICD_SGIR
 * GICv2 4.3.13.
 * @{ */
#define ARMVIRT_GICD_SGIR_INTID_SHIFT 0 /**< The SGI to generate. */
#define ARMVIRT_GICD_SGIR_INTID_WIDTH 4 /**< SGIINTID. */
/** CPU interfaces to forward to (filter 0). */
#define ARMVIRT_GICD_SGIR_TARGETLIST_SHIFT 16
#define ARMVIRT_GICD_SGIR_TARGETLIST_WIDTH 8 /**< CPUTargetList. */
#define ARMVIRT_GICD_SGIR_FILTER_SHIFT 24    /**< TargetListFilter. */
#define ARMVIRT_GICD_SGIR_FILTER_WIDTH 2     /**< TargetListFilter. */
/** TargetListFilter: the CPUs in CPUTargetList. */
#define ARMVIRT_GICD_SGIR_FILTER_LIST 0u
/** TargetListFilter: every CPU but the requester. */
#define ARMVIRT_GICD_SGIR_FILTER_OTHERS 1u
/** TargetListFilter: the requester only. */
#define ARMVIRT_GICD_SGIR_FILTER_SELF 2u
/** @} */

/** @name GICD_IROUTER<n>
 * GICv3 12.9.22.
 * @{ */
#define ARMVIRT_GICD_IROUTER_AFF0_SHIFT 0  /**< Aff0 of the target PE. */
#define ARMVIRT_GICD_IROUTER_AFF1_SHIFT 8  /**< Aff1 of the target PE. */
#define ARMVIRT_GICD_IROUTER_AFF2_SHIFT 16 /**< Aff2 of the target PE. */
#define ARMVIRT_GICD_IROUTER_AFF3_SHIFT 32 /**< Aff3 of the target PE. */
#define ARMVIRT_GICD_IROUTER_AFF_WIDTH 8   /**< Width of each affinity field. */
/** 1 of N routing (RES0 when GICD_TYPER.No1N == 1). */
#define ARMVIRT_GICD_IROUTER_IRM_SHIFT 31
#define ARMVIRT_GICD_IROUTER_IRM_WIDTH 1 /**< IRM. */
/** @} */

/** @name Redistributor frames
 * GICv3 12.10 and 12.11. Each redistributor is two 64 KB frames,
 * RD_base then SGI_base; the SGI_base offsets below are relative to SGI_base.
 * @{ */
/** Bytes from one redistributor to the next (no VLPI frames). */
#define ARMVIRT_GICR_STRIDE 0x20000u
/** Offset of SGI_base within a redistributor. */
#define ARMVIRT_GICR_SGI_BASE 0x10000u
#define ARMVIRT_GICR_CTLR 0x0000u    /**< Redistributor control. */
#define ARMVIRT_GICR_IIDR 0x0004u    /**< Implementer identification (RO). */
#define ARMVIRT_GICR_TYPER 0x0008u   /**< Redistributor type, 64 bits (RO). */
#define ARMVIRT_GICR_STATUSR 0x0010u /**< Error reporting status (optional). */
#define ARMVIRT_GICR_WAKER 0x0014u   /**< Power management handshake. */
/** LPI configuration table base (RES0 without LPIs). */
#define ARMVIRT_GICR_PROPBASER 0x0070u
/** LPI pending table base (RES0 without LPIs). */
#define ARMVIRT_GICR_PENDBASER 0x0078u
#define ARMVIRT_GICR_TYPER_PLPIS_SHIFT 0 /**< Physical LPIs supported. */
#define ARMVIRT_GICR_TYPER_PLPIS_WIDTH 1 /**< PLPIS. */
#define ARMVIRT_GICR_TYPER_LAST_SHIFT 4	 /**< The last redistributor of its region. */
#define ARMVIRT_GICR_TYPER_LAST_WIDTH 1	 /**< Last. */
/** Processor_Number: a unique identifier of the PE. */
#define ARMVIRT_GICR_TYPER_PROCNUM_SHIFT 8
#define ARMVIRT_GICR_TYPER_PROCNUM_WIDTH 16 /**< Processor_Number. */
/** Affinity_Value: Aff3.Aff2.Aff1.Aff0 of the PE. */
#define ARMVIRT_GICR_TYPER_AFFINITY_SHIFT 32
#define ARMVIRT_GICR_TYPER_AFFINITY_WIDTH 32 /**< Affinity_Value. */
/** The PE is (entering) a low-power state. */
#define ARMVIRT_GICR_WAKER_PROCESSORSLEEP_SHIFT 1
#define ARMVIRT_GICR_WAKER_PROCESSORSLEEP_WIDTH 1 /**< ProcessorSleep. */
/** The interface to the PE is quiescent (RO). */
#define ARMVIRT_GICR_WAKER_CHILDRENASLEEP_SHIFT 2
#define ARMVIRT_GICR_WAKER_CHILDRENASLEEP_WIDTH 1 /**< ChildrenAsleep. */
#define ARMVIRT_GICR_IGROUPR0 0x0080u		  /**< SGI_base: SGI/PPI group. */
#define ARMVIRT_GICR_ISENABLER0 0x0100u		  /**< SGI_base: SGI/PPI set-enable. */
#define ARMVIRT_GICR_ICENABLER0 0x0180u		  /**< SGI_base: SGI/PPI clear-enable. */
#define ARMVIRT_GICR_ISPENDR0 0x0200u		  /**< SGI_base: SGI/PPI set-pending. */
#define ARMVIRT_GICR_ICPENDR0 0x0280u		  /**< SGI_base: SGI/PPI clear-pending. */
#define ARMVIRT_GICR_ISACTIVER0 0x0300u		  /**< SGI_base: SGI/PPI set-active. */
#define ARMVIRT_GICR_ICACTIVER0 0x0380u		  /**< SGI_base: SGI/PPI clear-active. */
/** SGI_base: SGI/PPI priorities, 8 registers (byte-accessible). */
#define ARMVIRT_GICR_IPRIORITYR 0x0400u
/** SGI_base: SGI configuration (always edge). */
#define ARMVIRT_GICR_ICFGR0 0x0C00u
#define ARMVIRT_GICR_ICFGR1 0x0C04u /**< SGI_base: PPI configuration. */
/** SGI_base: group modifier (RAZ/WI with one security state). */
#define ARMVIRT_GICR_IGRPMODR0 0x0D00u
/** SGI_base: non-secure access control (RAZ/WI). */
#define ARMVIRT_GICR_NSACR 0x0E00u
/** @} */

/** @name ICFGR
 * GICv3 12.9.9: two bits an interrupt.
 * @{ */
/** Within an interrupt's 2-bit field, the bit that selects edge-triggered. */
#define ARMVIRT_GIC_ICFGR_EDGE_BIT 1u
/** @} */

/** @name Trapped GICv3 CPU interface registers
 * GICv3 12.2: encodings and fields of the registers a guest's
 * writes to trap to EL2.
 * @{ */
/** ICC_DIR_EL1 (traps when ICH_HCR_EL2.TDIR == 1). */
#define ARMVIRT_ICC_DIR_EL1_ENC ARMVIRT_SYSREG_ENC(3, 0, 12, 11, 1)
/** ICC_SGI1R_EL1. */
#define ARMVIRT_ICC_SGI1R_EL1_ENC ARMVIRT_SYSREG_ENC(3, 0, 12, 11, 5)
/** ICC_ASGI1R_EL1. */
#define ARMVIRT_ICC_ASGI1R_EL1_ENC ARMVIRT_SYSREG_ENC(3, 0, 12, 11, 6)
/** ICC_SGI0R_EL1. */
#define ARMVIRT_ICC_SGI0R_EL1_ENC ARMVIRT_SYSREG_ENC(3, 0, 12, 11, 7)
/** ICC_SGI*R: Aff0 values (RS * 16 + bit) targeted. */
#define ARMVIRT_ICC_SGIR_TARGETLIST_SHIFT 0
#define ARMVIRT_ICC_SGIR_TARGETLIST_WIDTH 16 /**< TargetList. */
#define ARMVIRT_ICC_SGIR_AFF1_SHIFT 16	     /**< ICC_SGI*R: Aff1 of the targets. */
#define ARMVIRT_ICC_SGIR_INTID_SHIFT 24	     /**< ICC_SGI*R: the SGI. */
#define ARMVIRT_ICC_SGIR_INTID_WIDTH 4	     /**< INTID. */
#define ARMVIRT_ICC_SGIR_AFF2_SHIFT 32	     /**< ICC_SGI*R: Aff2 of the targets. */
/** ICC_SGI*R: 1 = every PE but the requester. */
#define ARMVIRT_ICC_SGIR_IRM_SHIFT 40
#define ARMVIRT_ICC_SGIR_IRM_WIDTH 1   /**< IRM. */
#define ARMVIRT_ICC_SGIR_RS_SHIFT 44   /**< ICC_SGI*R: range selector. */
#define ARMVIRT_ICC_SGIR_RS_WIDTH 4    /**< RS. */
#define ARMVIRT_ICC_SGIR_AFF3_SHIFT 48 /**< ICC_SGI*R: Aff3 of the targets. */
#define ARMVIRT_ICC_SGIR_AFF_WIDTH 8   /**< Width of each ICC_SGI*R affinity field. */
#define ARMVIRT_ICC_DIR_INTID_SHIFT 0  /**< ICC_DIR_EL1: the INTID to deactivate. */
#define ARMVIRT_ICC_DIR_INTID_WIDTH 24 /**< INTID. */
/** @} */

/** @name MPIDR_EL1 affinity
 * Arm ARM D23.2.101.
 * @{ */
#define ARMVIRT_MPIDR_AFF0_SHIFT 0  /**< Aff0. */
#define ARMVIRT_MPIDR_AFF1_SHIFT 8  /**< Aff1. */
#define ARMVIRT_MPIDR_AFF2_SHIFT 16 /**< Aff2. */
#define ARMVIRT_MPIDR_AFF3_SHIFT 32 /**< Aff3. */
#define ARMVIRT_MPIDR_AFF_WIDTH 8   /**< Width of each affinity field. */
/** @} */

/** @name ICH_LR<n>_EL2
 * GICv3 12.5.10.
 * @{ */
#define ARMVIRT_ICH_LR_VINTID_SHIFT 0  /**< Virtual INTID. */
#define ARMVIRT_ICH_LR_VINTID_WIDTH 32 /**< vINTID. */
/** GICv2 guest: the SGI's source CPU, inside vINTID. */
#define ARMVIRT_ICH_LR_V2_CPUID_SHIFT 10
#define ARMVIRT_ICH_LR_V2_CPUID_WIDTH 3 /**< Source CPU. */
/** Physical INTID deactivated with the virtual one (HW == 1). */
#define ARMVIRT_ICH_LR_PINTID_SHIFT 32
#define ARMVIRT_ICH_LR_PINTID_WIDTH 13 /**< pINTID. */
/** HW == 0: maintenance interrupt when the guest deactivates it. */
#define ARMVIRT_ICH_LR_EOI_SHIFT 41
#define ARMVIRT_ICH_LR_EOI_WIDTH 1	 /**< EOI. */
#define ARMVIRT_ICH_LR_PRIORITY_SHIFT 48 /**< Priority. */
#define ARMVIRT_ICH_LR_PRIORITY_WIDTH 8	 /**< Priority. */
#define ARMVIRT_ICH_LR_GROUP_SHIFT 60	 /**< Group 1 when set. */
#define ARMVIRT_ICH_LR_GROUP_WIDTH 1	 /**< Group. */
/** Hardware interrupt: deactivation also deactivates pINTID. */
#define ARMVIRT_ICH_LR_HW_SHIFT 61
#define ARMVIRT_ICH_LR_HW_WIDTH 1 /**< HW. */
/** State: ::ARMVIRT_GIC_LR_STATE_INVALID ... _PENDING_ACTIVE. */
#define ARMVIRT_ICH_LR_STATE_SHIFT 62
#define ARMVIRT_ICH_LR_STATE_WIDTH 2 /**< State. */
/** @} */

/** @name List register State field
 * GICv3 12.5.10, GICv2 5.3.11.
 * @{ */
#define ARMVIRT_GIC_LR_STATE_INVALID 0u	       /**< Neither pending nor active. */
#define ARMVIRT_GIC_LR_STATE_PENDING 1u	       /**< Pending. */
#define ARMVIRT_GIC_LR_STATE_ACTIVE 2u	       /**< Active. */
#define ARMVIRT_GIC_LR_STATE_PENDING_ACTIVE 3u /**< Pending and active. */
/** @} */

/** @name ICH_HCR_EL2 and GICH_HCR
 * GICv3 12.5.5, GICv2 5.3.2: the same layout but for TDIR (GICv3 only).
 * @{ */
#define ARMVIRT_GIC_HCR_EN_SHIFT 0 /**< Enable the virtual CPU interface. */
/** Maintenance while at most one LR is valid (underflow). */
#define ARMVIRT_GIC_HCR_UIE_SHIFT 1
/** Maintenance while EOIcount is non-zero. */
#define ARMVIRT_GIC_HCR_LRENPIE_SHIFT 2
/** Maintenance while no LR is in the pending state. */
#define ARMVIRT_GIC_HCR_NPIE_SHIFT 3
/** Maintenance while the guest has Group 0 enabled. */
#define ARMVIRT_GIC_HCR_VGRP0EIE_SHIFT 4
/** Maintenance while the guest has Group 0 disabled. */
#define ARMVIRT_GIC_HCR_VGRP0DIE_SHIFT 5
/** Maintenance while the guest has Group 1 enabled. */
#define ARMVIRT_GIC_HCR_VGRP1EIE_SHIFT 6
/** Maintenance while the guest has Group 1 disabled. */
#define ARMVIRT_GIC_HCR_VGRP1DIE_SHIFT 7
/** GICv3: trap the guest's ICC_DIR_EL1 writes to EL2. */
#define ARMVIRT_ICH_HCR_TDIR_SHIFT 14
#define ARMVIRT_GIC_HCR_EOICOUNT_SHIFT 27 /**< EOIs that found no list register. */
#define ARMVIRT_GIC_HCR_EOICOUNT_WIDTH 5  /**< EOIcount. */
/** @} */

/** @name ICH_MISR_EL2 and GICH_MISR
 * GICv3 12.5.8, GICv2 5.3.5: why a maintenance interrupt is asserted.
 * @{ */
#define ARMVIRT_GIC_MISR_EOI_SHIFT 0	/**< An LR with EOI set was deactivated. */
#define ARMVIRT_GIC_MISR_U_SHIFT 1	/**< Underflow. */
#define ARMVIRT_GIC_MISR_LRENP_SHIFT 2	/**< EOIcount is non-zero. */
#define ARMVIRT_GIC_MISR_NP_SHIFT 3	/**< No LR is pending. */
#define ARMVIRT_GIC_MISR_VGRP0E_SHIFT 4 /**< Group 0 enabled. */
#define ARMVIRT_GIC_MISR_VGRP0D_SHIFT 5 /**< Group 0 disabled. */
#define ARMVIRT_GIC_MISR_VGRP1E_SHIFT 6 /**< Group 1 enabled. */
#define ARMVIRT_GIC_MISR_VGRP1D_SHIFT 7 /**< Group 1 disabled. */
/** @} */

/** @name ICH_VMCR_EL2 and GICH_VMCR
 * GICv3 12.5.11, GICv2 5.3.4: the guest's CPU interface controls; the
 * layouts agree but for the priority mask's width.
 * @{ */
#define ARMVIRT_GIC_VMCR_ENG0_SHIFT 0 /**< The guest enabled Group 0. */
#define ARMVIRT_GIC_VMCR_ENG1_SHIFT 1 /**< The guest enabled Group 1. */
#define ARMVIRT_GIC_VMCR_CBPR_SHIFT 4 /**< Group 1 uses the Group 0 binary point. */
/** EOImode: 1 = priority drop and deactivation are separate. */
#define ARMVIRT_GIC_VMCR_EOIM_SHIFT 9
#define ARMVIRT_GIC_VMCR_BPR1_SHIFT 18 /**< Group 1 binary point. */
#define ARMVIRT_GIC_VMCR_BPR1_WIDTH 3  /**< VBPR1. */
#define ARMVIRT_GIC_VMCR_BPR0_SHIFT 21 /**< Group 0 binary point. */
#define ARMVIRT_GIC_VMCR_BPR0_WIDTH 3  /**< VBPR0. */
#define ARMVIRT_ICH_VMCR_PMR_SHIFT 24  /**< GICv3 priority mask, 8 bits. */
#define ARMVIRT_ICH_VMCR_PMR_WIDTH 8   /**< VPMR. */
/** GICv2 priority mask: priority bits [7:3]. */
#define ARMVIRT_GICH_VMCR_PMR_SHIFT 27
#define ARMVIRT_GICH_VMCR_PMR_WIDTH 5 /**< VMPriMask. */
/** @} */

/** @name ICH_VTR_EL2 and GICH_VTR
 * GICv3 12.5.12, GICv2 5.3.3.
 * @{ */
#define ARMVIRT_ICH_VTR_LISTREGS_SHIFT 0  /**< GICv3: list registers minus 1. */
#define ARMVIRT_ICH_VTR_LISTREGS_WIDTH 5  /**< ListRegs. */
#define ARMVIRT_GICH_VTR_LISTREGS_SHIFT 0 /**< GICv2: list registers minus 1. */
#define ARMVIRT_GICH_VTR_LISTREGS_WIDTH 6 /**< ListRegs. */
#define ARMVIRT_GIC_VTR_PREBITS_SHIFT 26  /**< Preemption bits minus 1. */
#define ARMVIRT_GIC_VTR_PREBITS_WIDTH 3	  /**< PREbits. */
#define ARMVIRT_GIC_VTR_PRIBITS_SHIFT 29  /**< Priority bits minus 1. */
#define ARMVIRT_GIC_VTR_PRIBITS_WIDTH 3	  /**< PRIbits. */
/** @} */

/** @name GICv2 virtual interface control frame (GICH)
 * GICv2 5.3.
 * @{ */
#define ARMVIRT_GICH_HCR 0x000u	   /**< Hypervisor control. */
#define ARMVIRT_GICH_VTR 0x004u	   /**< VGIC type (RO). */
#define ARMVIRT_GICH_VMCR 0x008u   /**< Virtual machine control. */
#define ARMVIRT_GICH_MISR 0x010u   /**< Maintenance interrupt status (RO). */
#define ARMVIRT_GICH_EISR0 0x020u  /**< EOI status, LRs 0-31 (RO). */
#define ARMVIRT_GICH_EISR1 0x024u  /**< EOI status, LRs 32-63 (RO). */
#define ARMVIRT_GICH_ELRSR0 0x030u /**< Empty LR status, LRs 0-31 (RO). */
#define ARMVIRT_GICH_ELRSR1 0x034u /**< Empty LR status, LRs 32-63 (RO). */
#define ARMVIRT_GICH_APR 0x0F0u	   /**< Active priorities. */
#define ARMVIRT_GICH_LR0 0x100u	   /**< GICH_LR<n> is at 0x100 + 4n, n < 64. */
/** @} */

/** @name GICH_LR<n>
 * GICv2 5.3.11.
 * @{ */
#define ARMVIRT_GICH_LR_VIRTUALID_SHIFT 0   /**< Virtual INTID. */
#define ARMVIRT_GICH_LR_VIRTUALID_WIDTH 10  /**< VirtualID. */
#define ARMVIRT_GICH_LR_CPUID_SHIFT 10	    /**< HW == 0: the SGI's source CPU. */
#define ARMVIRT_GICH_LR_CPUID_WIDTH 3	    /**< CPUID. */
#define ARMVIRT_GICH_LR_PHYSICALID_SHIFT 10 /**< HW == 1: the physical INTID. */
#define ARMVIRT_GICH_LR_PHYSICALID_WIDTH 10 /**< PhysicalID. */
/** HW == 0: maintenance interrupt when the guest deactivates it. */
#define ARMVIRT_GICH_LR_EOI_SHIFT 19
#define ARMVIRT_GICH_LR_EOI_WIDTH 1	  /**< EOI. */
#define ARMVIRT_GICH_LR_PRIORITY_SHIFT 23 /**< Priority bits [7:3]. */
#define ARMVIRT_GICH_LR_PRIORITY_WIDTH 5  /**< Priority. */
#define ARMVIRT_GICH_LR_STATE_SHIFT 28	  /**< State. */
#define ARMVIRT_GICH_LR_STATE_WIDTH 2	  /**< State. */
#define ARMVIRT_GICH_LR_GRP1_SHIFT 30	  /**< Group 1 when set. */
#define ARMVIRT_GICH_LR_GRP1_WIDTH 1	  /**< Grp1. */
#define ARMVIRT_GICH_LR_HW_SHIFT 31	  /**< Hardware interrupt. */
#define ARMVIRT_GICH_LR_HW_WIDTH 1	  /**< HW. */
/** @} */

#endif /* ARMVIRT_VGIC_REGS_H */

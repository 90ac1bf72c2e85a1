/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file port_host.h
 * @brief The host port: a fake machine that unit tests inspect.
 *
 * Linked instead of the aarch64 port in host builds. It keeps one CPU's
 * register file in memory and appends every port call to an ordered event
 * log, so a test can assert, for example, that a descriptor was invalidated,
 * a DSB issued, the TLB invalidated and a second DSB issued, in that order.
 *
 * Registers that the architecture derives from others are derived here too,
 * so tests check components against the architecture's rules rather than a
 * second copy of their own reading:
 *  - CNTVCT_EL0 reads as CNTPCT_EL0 - CNTVOFF_EL2;
 *  - ICH_ELRSR_EL2 and ICH_EISR_EL2 are computed from the list registers
 *    (GICv3 12.5.9 and 12.5.3), as are GICH_ELRSR0/1 and GICH_EISR0/1 from
 *    the GICH_LRs (GICv2 5.3.8 and 5.3.6); the number of list registers is
 *    taken from ICH_VTR_EL2.ListRegs and GICH_VTR.ListRegs.
 *
 * The fake is a single CPU and is not thread-safe. Available in host builds
 * only.
 */
#ifndef ARMVIRT_PORT_HOST_H
#define ARMVIRT_PORT_HOST_H

#include <armvirt/port.h>

#ifdef __cplusplus
extern "C" {
#endif

/// @cond ARMVIRT_INTERNAL
#define ARMVIRT_HOST_REG_ENUM_(name, op0, op1, crn, crm, op2) ARMVIRT_HOST_REG_##name,
/// @endcond

/**
 * Slots of the fake register file: one per entry of the port's register
 * lists, named ARMVIRT_HOST_REG_<name> (for example ARMVIRT_HOST_REG_vtcr_el2).
 */
enum armvirt_host_reg {
	ARMVIRT_PORT_SYSREGS_RW(ARMVIRT_HOST_REG_ENUM_)
		ARMVIRT_PORT_SYSREGS_RO(ARMVIRT_HOST_REG_ENUM_)
			ARMVIRT_PORT_SYSREGS_WO(ARMVIRT_HOST_REG_ENUM_)
				ARMVIRT_HOST_REG_COUNT /**< Number of slots; not a register. */
};

/** What one logged port call did. */
enum armvirt_host_event_kind {
	ARMVIRT_HOST_EV_READ,	    /**< Sysreg read: id = ::armvirt_host_reg, value = result. */
	ARMVIRT_HOST_EV_WRITE,	    /**< Sysreg write: id = ::armvirt_host_reg, value written. */
	ARMVIRT_HOST_EV_LR_READ,    /**< ICH_LR<id>_EL2 read. */
	ARMVIRT_HOST_EV_LR_WRITE,   /**< ICH_LR<id>_EL2 write. */
	ARMVIRT_HOST_EV_AP0R_READ,  /**< ICH_AP0R<id>_EL2 read. */
	ARMVIRT_HOST_EV_AP0R_WRITE, /**< ICH_AP0R<id>_EL2 write. */
	ARMVIRT_HOST_EV_AP1R_READ,  /**< ICH_AP1R<id>_EL2 read. */
	ARMVIRT_HOST_EV_AP1R_WRITE, /**< ICH_AP1R<id>_EL2 write. */
	ARMVIRT_HOST_EV_DSB,	    /**< DSB: id = ::armvirt_port_domain. */
	ARMVIRT_HOST_EV_DMB,	    /**< DMB: id = ::armvirt_port_domain. */
	ARMVIRT_HOST_EV_ISB,	    /**< ISB. */
	ARMVIRT_HOST_EV_TLBI,	    /**< TLBI: id = ::armvirt_port_tlbi, value = operand. */
	ARMVIRT_HOST_EV_DC,	    /**< DC: id = ::armvirt_port_dc, value = address. */
	ARMVIRT_HOST_EV_IC,	    /**< IC IALLUIS. */
	ARMVIRT_HOST_EV_GICH_READ,  /**< GICH read: id = offset, value = result. */
	ARMVIRT_HOST_EV_GICH_WRITE, /**< GICH write: id = offset, value written. */
};

/** One logged port call. */
struct armvirt_host_event {
	enum armvirt_host_event_kind kind; /**< What happened. */
	uint32_t id;			   /**< Register, index, domain, operation or offset. */
	uint64_t value;			   /**< Value read or written, or operand. */
};

/** Capacity of the event log; further events are counted but not kept. */
#define ARMVIRT_HOST_LOG_MAX 65536u

/** Size in bytes of the fake GICH frame (GICH_LR<n> at 0x100 + 4n). */
#define ARMVIRT_HOST_GICH_SIZE 0x200u

/** @brief Zero every register and empty the log. */
void armvirt_host_reset(void);
/** @brief Set a register without logging (test setup). */
void armvirt_host_set(enum armvirt_host_reg r, uint64_t v);
/** @brief Read a register's stored value without logging (test inspection). */
uint64_t armvirt_host_get(enum armvirt_host_reg r);
/** @brief Set ICH_LR<n>_EL2 without logging; @p n < ::ARMVIRT_PORT_ICH_LR_MAX. */
void armvirt_host_set_ich_lr(unsigned n, uint64_t v);
/** @brief ICH_LR<n>_EL2's stored value, without logging. */
uint64_t armvirt_host_get_ich_lr(unsigned n);
/** @brief Set ICH_AP0R<n>_EL2 (@p group 0) or ICH_AP1R<n>_EL2 (@p group 1) without logging. */
void armvirt_host_set_ich_apr(unsigned group, unsigned n, uint64_t v);
/** @brief ICH_AP0R<n>_EL2 or ICH_AP1R<n>_EL2's stored value, without logging. */
uint64_t armvirt_host_get_ich_apr(unsigned group, unsigned n);
/** @brief Set the GICH register at byte @p offset without logging. */
void armvirt_host_set_gich(uint32_t offset, uint32_t v);
/** @brief The GICH register at byte @p offset, without logging (derived ones derived). */
uint32_t armvirt_host_get_gich(uint32_t offset);

/** @brief Number of events since the last reset or clear (may exceed the log's capacity). */
size_t armvirt_host_log_count(void);
/** @brief Event @p i (0 = oldest), or NULL if @p i was not kept. */
const struct armvirt_host_event *armvirt_host_log_at(size_t i);
/** @brief Forget the logged events, keeping the registers. */
void armvirt_host_log_clear(void);

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_PORT_HOST_H */

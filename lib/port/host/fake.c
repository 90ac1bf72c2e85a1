/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The host port: a fake register file and an ordered log of port calls.
 * See port_host.h for the contract and which registers are derived.
 */
#include <armvirt/bits.h>
#include <armvirt/port_host.h>

/* GICv3 ICH_LR<n>_EL2 fields (GICv3/v4 12.5.10) and ICH_VTR_EL2.ListRegs. */
#define ICH_LR_STATE_SHIFT 62
#define ICH_LR_STATE_WIDTH 2
#define ICH_LR_HW_SHIFT 61
#define ICH_LR_EOI_SHIFT 41
#define ICH_VTR_LISTREGS_SHIFT 0
#define ICH_VTR_LISTREGS_WIDTH 5

/* GICv2 GICH registers (GICv2 5.3) and GICH_LR<n> fields. */
#define GICH_VTR 0x004u
#define GICH_EISR0 0x020u
#define GICH_EISR1 0x024u
#define GICH_ELRSR0 0x030u
#define GICH_ELRSR1 0x034u
#define GICH_LR0 0x100u
#define GICH_VTR_LISTREGS_WIDTH 6
#define GICH_LR_STATE_SHIFT 28
#define GICH_LR_STATE_WIDTH 2
#define GICH_LR_HW_SHIFT 31
#define GICH_LR_EOI_SHIFT 19

static uint64_t regs[ARMVIRT_HOST_REG_COUNT];
static uint64_t ich_lr[ARMVIRT_PORT_ICH_LR_MAX];
static uint64_t ich_apr[2][ARMVIRT_PORT_ICH_APR_MAX];
static uint32_t gich[ARMVIRT_HOST_GICH_SIZE / 4];
static struct armvirt_host_event events[ARMVIRT_HOST_LOG_MAX];
static size_t nevents;

static void record(enum armvirt_host_event_kind kind, uint32_t id, uint64_t value)
{
	if (nevents < ARMVIRT_HOST_LOG_MAX) {
		events[nevents].kind = kind;
		events[nevents].id = id;
		events[nevents].value = value;
	}
	nevents++;
}

/*
 * An LR is empty when it holds no pending or active state and owes no EOI
 * maintenance interrupt; it owes one when it is invalid, software (HW = 0)
 * and has EOI set.
 */
static void lr_status(uint64_t state, uint64_t hw, uint64_t eoi, bool *empty, bool *eoi_pending)
{
	*empty = state == 0 && (hw || !eoi);
	*eoi_pending = state == 0 && !hw && eoi;
}

static uint64_t ich_derived(enum armvirt_host_reg r)
{
	unsigned n = (unsigned)armvirt_field_get(regs[ARMVIRT_HOST_REG_ich_vtr_el2],
						 ICH_VTR_LISTREGS_SHIFT, ICH_VTR_LISTREGS_WIDTH) +
		     1;
	uint64_t elrsr = 0, eisr = 0;

	for (unsigned i = 0; i < n && i < ARMVIRT_PORT_ICH_LR_MAX; i++) {
		bool empty, eoi;
		lr_status(armvirt_field_get(ich_lr[i], ICH_LR_STATE_SHIFT, ICH_LR_STATE_WIDTH),
			  (ich_lr[i] >> ICH_LR_HW_SHIFT) & 1, (ich_lr[i] >> ICH_LR_EOI_SHIFT) & 1,
			  &empty, &eoi);
		elrsr |= (uint64_t)empty << i;
		eisr |= (uint64_t)eoi << i;
	}
	return r == ARMVIRT_HOST_REG_ich_elrsr_el2 ? elrsr : eisr;
}

static uint64_t reg_value(enum armvirt_host_reg r)
{
	switch (r) {
	case ARMVIRT_HOST_REG_cntvct_el0:
		return regs[ARMVIRT_HOST_REG_cntpct_el0] - regs[ARMVIRT_HOST_REG_cntvoff_el2];
	case ARMVIRT_HOST_REG_ich_elrsr_el2:
	case ARMVIRT_HOST_REG_ich_eisr_el2:
		return ich_derived(r);
	default:
		return regs[r];
	}
}

static uint32_t gich_value(uint32_t offset)
{
	unsigned n = (gich[GICH_VTR / 4] & ((1u << GICH_VTR_LISTREGS_WIDTH) - 1)) + 1;
	uint64_t elrsr = 0, eisr = 0;

	if (offset != GICH_EISR0 && offset != GICH_EISR1 && offset != GICH_ELRSR0 &&
	    offset != GICH_ELRSR1)
		return gich[offset / 4];
	for (unsigned i = 0; i < n && GICH_LR0 + 4 * i < ARMVIRT_HOST_GICH_SIZE; i++) {
		uint32_t lr = gich[GICH_LR0 / 4 + i];
		bool empty, eoi;
		lr_status(armvirt_field_get(lr, GICH_LR_STATE_SHIFT, GICH_LR_STATE_WIDTH),
			  (lr >> GICH_LR_HW_SHIFT) & 1, (lr >> GICH_LR_EOI_SHIFT) & 1, &empty,
			  &eoi);
		elrsr |= (uint64_t)empty << i;
		eisr |= (uint64_t)eoi << i;
	}
	switch (offset) {
	case GICH_EISR0:
		return (uint32_t)eisr;
	case GICH_EISR1:
		return (uint32_t)(eisr >> 32);
	case GICH_ELRSR0:
		return (uint32_t)elrsr;
	default:
		return (uint32_t)(elrsr >> 32);
	}
}

#define DEFINE_READ(name, op0, op1, crn, crm, op2)                                                 \
	uint64_t armvirt_port_read_##name(void)                                                    \
	{                                                                                          \
		uint64_t v = reg_value(ARMVIRT_HOST_REG_##name);                                   \
		record(ARMVIRT_HOST_EV_READ, ARMVIRT_HOST_REG_##name, v);                          \
		return v;                                                                          \
	}
#define DEFINE_WRITE(name, op0, op1, crn, crm, op2)                                                \
	void armvirt_port_write_##name(uint64_t v)                                                 \
	{                                                                                          \
		regs[ARMVIRT_HOST_REG_##name] = v;                                                 \
		record(ARMVIRT_HOST_EV_WRITE, ARMVIRT_HOST_REG_##name, v);                         \
	}
#define DEFINE_RW(name, op0, op1, crn, crm, op2)                                                   \
	DEFINE_READ(name, op0, op1, crn, crm, op2)                                                 \
	DEFINE_WRITE(name, op0, op1, crn, crm, op2)

ARMVIRT_PORT_SYSREGS_RW(DEFINE_RW)
ARMVIRT_PORT_SYSREGS_RO(DEFINE_READ)
ARMVIRT_PORT_SYSREGS_WO(DEFINE_WRITE)

uint64_t armvirt_port_read_ich_lr(unsigned n)
{
	uint64_t v = n < ARMVIRT_PORT_ICH_LR_MAX ? ich_lr[n] : 0;
	record(ARMVIRT_HOST_EV_LR_READ, n, v);
	return v;
}

void armvirt_port_write_ich_lr(unsigned n, uint64_t v)
{
	if (n < ARMVIRT_PORT_ICH_LR_MAX)
		ich_lr[n] = v;
	record(ARMVIRT_HOST_EV_LR_WRITE, n, v);
}

static uint64_t apr_read(unsigned group, unsigned n, enum armvirt_host_event_kind kind)
{
	uint64_t v = n < ARMVIRT_PORT_ICH_APR_MAX ? ich_apr[group][n] : 0;
	record(kind, n, v);
	return v;
}

static void apr_write(unsigned group, unsigned n, uint64_t v, enum armvirt_host_event_kind kind)
{
	if (n < ARMVIRT_PORT_ICH_APR_MAX)
		ich_apr[group][n] = v;
	record(kind, n, v);
}

uint64_t armvirt_port_read_ich_ap0r(unsigned n)
{
	return apr_read(0, n, ARMVIRT_HOST_EV_AP0R_READ);
}

void armvirt_port_write_ich_ap0r(unsigned n, uint64_t v)
{
	apr_write(0, n, v, ARMVIRT_HOST_EV_AP0R_WRITE);
}

uint64_t armvirt_port_read_ich_ap1r(unsigned n)
{
	return apr_read(1, n, ARMVIRT_HOST_EV_AP1R_READ);
}

void armvirt_port_write_ich_ap1r(unsigned n, uint64_t v)
{
	apr_write(1, n, v, ARMVIRT_HOST_EV_AP1R_WRITE);
}

void armvirt_port_dsb(enum armvirt_port_domain dom)
{
	record(ARMVIRT_HOST_EV_DSB, dom, 0);
}

void armvirt_port_dmb(enum armvirt_port_domain dom)
{
	record(ARMVIRT_HOST_EV_DMB, dom, 0);
}

void armvirt_port_isb(void)
{
	record(ARMVIRT_HOST_EV_ISB, 0, 0);
}

void armvirt_port_tlbi(enum armvirt_port_tlbi op, uint64_t arg)
{
	record(ARMVIRT_HOST_EV_TLBI, op, arg);
}

void armvirt_port_dc(enum armvirt_port_dc op, armvirt_va_t va)
{
	record(ARMVIRT_HOST_EV_DC, op, va.va);
}

void armvirt_port_ic_ialluis(void)
{
	record(ARMVIRT_HOST_EV_IC, 0, 0);
}

void armvirt_port_set_gich_base(armvirt_va_t base)
{
	(void)base;
}

uint32_t armvirt_port_gich_read(uint32_t offset)
{
	uint32_t v = offset < ARMVIRT_HOST_GICH_SIZE ? gich_value(offset & ~3u) : 0;
	record(ARMVIRT_HOST_EV_GICH_READ, offset, v);
	return v;
}

void armvirt_port_gich_write(uint32_t offset, uint32_t v)
{
	if (offset < ARMVIRT_HOST_GICH_SIZE)
		gich[offset / 4] = v;
	record(ARMVIRT_HOST_EV_GICH_WRITE, offset, v);
}

void armvirt_host_reset(void)
{
	for (size_t i = 0; i < ARMVIRT_HOST_REG_COUNT; i++)
		regs[i] = 0;
	for (size_t i = 0; i < ARMVIRT_PORT_ICH_LR_MAX; i++)
		ich_lr[i] = 0;
	for (size_t i = 0; i < ARMVIRT_PORT_ICH_APR_MAX; i++)
		ich_apr[0][i] = ich_apr[1][i] = 0;
	for (size_t i = 0; i < ARMVIRT_HOST_GICH_SIZE / 4; i++)
		gich[i] = 0;
	nevents = 0;
}

void armvirt_host_set(enum armvirt_host_reg r, uint64_t v)
{
	if ((unsigned)r < ARMVIRT_HOST_REG_COUNT)
		regs[r] = v;
}

uint64_t armvirt_host_get(enum armvirt_host_reg r)
{
	return (unsigned)r < ARMVIRT_HOST_REG_COUNT ? reg_value(r) : 0;
}

void armvirt_host_set_ich_lr(unsigned n, uint64_t v)
{
	if (n < ARMVIRT_PORT_ICH_LR_MAX)
		ich_lr[n] = v;
}

uint64_t armvirt_host_get_ich_lr(unsigned n)
{
	return n < ARMVIRT_PORT_ICH_LR_MAX ? ich_lr[n] : 0;
}

void armvirt_host_set_ich_apr(unsigned group, unsigned n, uint64_t v)
{
	if (group < 2 && n < ARMVIRT_PORT_ICH_APR_MAX)
		ich_apr[group][n] = v;
}

uint64_t armvirt_host_get_ich_apr(unsigned group, unsigned n)
{
	return group < 2 && n < ARMVIRT_PORT_ICH_APR_MAX ? ich_apr[group][n] : 0;
}

void armvirt_host_set_gich(uint32_t offset, uint32_t v)
{
	if (offset < ARMVIRT_HOST_GICH_SIZE)
		gich[offset / 4] = v;
}

uint32_t armvirt_host_get_gich(uint32_t offset)
{
	return offset < ARMVIRT_HOST_GICH_SIZE ? gich_value(offset & ~3u) : 0;
}

size_t armvirt_host_log_count(void)
{
	return nevents;
}

const struct armvirt_host_event *armvirt_host_log_at(size_t i)
{
	return i < nevents && i < ARMVIRT_HOST_LOG_MAX ? &events[i] : NULL;
}

void armvirt_host_log_clear(void)
{
	nevents = 0;
}

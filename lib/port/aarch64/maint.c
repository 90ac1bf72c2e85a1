/* SPDX-License-Identifier: BSD-3-Clause */
/* Barriers, TLB and cache maintenance, and the GICv2 GICH frame. */
#include <armvirt/port.h>

void armvirt_port_dsb(enum armvirt_port_domain dom)
{
	switch (dom) {
	case ARMVIRT_PORT_ISH:
		__asm__ volatile("dsb ish" ::: "memory");
		break;
	case ARMVIRT_PORT_ISHST:
		__asm__ volatile("dsb ishst" ::: "memory");
		break;
	case ARMVIRT_PORT_NSH:
		__asm__ volatile("dsb nsh" ::: "memory");
		break;
	case ARMVIRT_PORT_NSHST:
		__asm__ volatile("dsb nshst" ::: "memory");
		break;
	case ARMVIRT_PORT_SY:
	default:
		__asm__ volatile("dsb sy" ::: "memory");
		break;
	}
}

void armvirt_port_dmb(enum armvirt_port_domain dom)
{
	switch (dom) {
	case ARMVIRT_PORT_ISH:
		__asm__ volatile("dmb ish" ::: "memory");
		break;
	case ARMVIRT_PORT_ISHST:
		__asm__ volatile("dmb ishst" ::: "memory");
		break;
	case ARMVIRT_PORT_NSH:
		__asm__ volatile("dmb nsh" ::: "memory");
		break;
	case ARMVIRT_PORT_NSHST:
		__asm__ volatile("dmb nshst" ::: "memory");
		break;
	case ARMVIRT_PORT_SY:
	default:
		__asm__ volatile("dmb sy" ::: "memory");
		break;
	}
}

void armvirt_port_isb(void)
{
	__asm__ volatile("isb" ::: "memory");
}

/*
 * TLBI is an alias of SYS #op1, C8, Cm, #op2, Xt (Arm ARM C5.5); the SYS form
 * assembles whatever architecture level the assembler assumes (the range
 * forms need FEAT_TLBIRANGE, which the caller checks).
 */
#define TLBI_SYS(op1, crm, op2, arg)                                                               \
	__asm__ volatile("sys #" #op1 ", c8, c" #crm ", #" #op2 ", %0" : : "r"(arg) : "memory")
/* The forms without an operand encode Rt as 0b11111 (Arm ARM C6.2, SYS). */
#define TLBI_SYS_ALL(op1, crm, op2)                                                                \
	__asm__ volatile("sys #" #op1 ", c8, c" #crm ", #" #op2 ::: "memory")

void armvirt_port_tlbi(enum armvirt_port_tlbi op, uint64_t arg)
{
	switch (op) {
	case ARMVIRT_TLBI_IPAS2E1IS:
		TLBI_SYS(4, 0, 1, arg);
		break;
	case ARMVIRT_TLBI_IPAS2LE1IS:
		TLBI_SYS(4, 0, 5, arg);
		break;
	case ARMVIRT_TLBI_IPAS2E1:
		TLBI_SYS(4, 4, 1, arg);
		break;
	case ARMVIRT_TLBI_IPAS2LE1:
		TLBI_SYS(4, 4, 5, arg);
		break;
	case ARMVIRT_TLBI_RIPAS2E1IS:
		TLBI_SYS(4, 0, 2, arg);
		break;
	case ARMVIRT_TLBI_RIPAS2LE1IS:
		TLBI_SYS(4, 0, 6, arg);
		break;
	case ARMVIRT_TLBI_VMALLE1IS:
		TLBI_SYS_ALL(0, 3, 0);
		break;
	case ARMVIRT_TLBI_VMALLE1:
		TLBI_SYS_ALL(0, 7, 0);
		break;
	case ARMVIRT_TLBI_VMALLS12E1IS:
		TLBI_SYS_ALL(4, 3, 6);
		break;
	case ARMVIRT_TLBI_VMALLS12E1:
		TLBI_SYS_ALL(4, 7, 6);
		break;
	case ARMVIRT_TLBI_ALLE2IS:
		TLBI_SYS_ALL(4, 3, 0);
		break;
	default:
		break;
	}
}

void armvirt_port_dc(enum armvirt_port_dc op, armvirt_va_t va)
{
	switch (op) {
	case ARMVIRT_DC_CVAC:
		__asm__ volatile("dc cvac, %0" : : "r"(va.va) : "memory");
		break;
	case ARMVIRT_DC_CIVAC:
		__asm__ volatile("dc civac, %0" : : "r"(va.va) : "memory");
		break;
	case ARMVIRT_DC_IVAC:
		__asm__ volatile("dc ivac, %0" : : "r"(va.va) : "memory");
		break;
	default:
		break;
	}
}

void armvirt_port_ic_ialluis(void)
{
	__asm__ volatile("ic ialluis" ::: "memory");
}

static volatile uint32_t *gich_base;

void armvirt_port_set_gich_base(armvirt_va_t base)
{
	gich_base = (volatile uint32_t *)armvirt_va_ptr(base);
}

uint32_t armvirt_port_gich_read(uint32_t offset)
{
	return gich_base[offset / 4];
}

void armvirt_port_gich_write(uint32_t offset, uint32_t v)
{
	gich_base[offset / 4] = v;
}

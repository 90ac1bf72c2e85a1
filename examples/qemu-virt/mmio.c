/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A guest's access to emulated device memory, from the stage-2 data abort
 * to the device and back (mmio.h's three steps):
 *
 *  1. describe it: from the syndrome when ESR_EL2.ISV is 1, else from the
 *     instruction, fetched from guest memory at the PC (translated by the
 *     guest's own stage 1 with AT S1E1R when its MMU is on);
 *  2. plan it into device-sized parts (pairs and Q registers become
 *     several; a part on another page is translated the same way);
 *  3. perform each part on the device that owns its IPA (the vGIC's frames,
 *     then vdev.c's devices) or on RAM, and complete: registers, writeback,
 *     PC.
 *
 * An access the architecture does not let a hypervisor emulate (an
 * exclusive, an atomic, a walk of the guest's page tables outside its RAM)
 * or one to an address nothing claims becomes an external abort for the
 * guest. SIMD&FP accesses need the vCPU's FP/SIMD registers in memory: the
 * vCPU is put (lib/switch saves them) and loaded again around the access.
 */
#include <armvirt/err.h>
#include <armvirt/esr.h>
#include <armvirt/mmio.h>
#include <armvirt/port.h>

#include "vm.h"

#define PAGE_SIZE 4096ull
/* PAR_EL1 after AT (Arm ARM D24.2.118): F [0], PA [51:12]. */
#define PAR_F ARMVIRT_BIT(0)
#define PAR_PA_SHIFT 12
#define PAR_PA_WIDTH 40
/* SCTLR_EL1.M, EE (EL1 data endianness), E0E (EL0 data endianness). */
#define SCTLR_M ARMVIRT_BIT(0)
#define SCTLR_E0E ARMVIRT_BIT(24)
#define SCTLR_EE ARMVIRT_BIT(25)

/*
 * The IPA of a guest virtual address, as the guest's stage 1 translates it
 * for a read (AT S1E1R runs the loaded vCPU's EL1&0 regime). PAR_EL1 is the
 * guest's register: it is saved and restored around the AT.
 */
static bool va_to_ipa(struct pcpu *p, struct vcpu *v, uint64_t va, uint64_t *ipa)
{
	uint64_t par, saved;

	if (!(armvirt_switch_el1_read(&p->sw, &v->arch, ARMVIRT_SWITCH_SCTLR_EL1) & SCTLR_M)) {
		*ipa = va;
		return true;
	}
	saved = armvirt_port_read_par_el1();
	__asm__ volatile("at s1e1r, %0" : : "r"(va));
	armvirt_port_isb();
	par = armvirt_port_read_par_el1();
	armvirt_port_write_par_el1(saved);
	if (par & PAR_F)
		return false;
	*ipa = (armvirt_field_get(par, PAR_PA_SHIFT, PAR_PA_WIDTH) << PAR_PA_SHIFT) |
	       (va & (PAGE_SIZE - 1));
	return true;
}

/* The instruction at the guest's PC, from its RAM. */
static bool fetch_insn(struct pcpu *p, struct vcpu *v, uint32_t *insn)
{
	uint64_t ipa, pa;

	if (!va_to_ipa(p, v, v->arch.gp.pc, &ipa) || !stage2_is_ram(ipa, &pa))
		return false;
	*insn = *(volatile uint32_t *)(uintptr_t)pa;
	return true;
}

static int ram_access(uint64_t ipa, struct armvirt_mmio_access *acc)
{
	uint64_t pa;
	uint8_t *b;

	/* A part never crosses a page (armvirt_mmio_xfer_init() cuts it). */
	if (!stage2_is_ram(ipa, &pa))
		return ARMVIRT_ENOENT;
	b = (uint8_t *)(uintptr_t)pa;
	if (acc->is_write) {
		for (unsigned i = 0; i < acc->size; i++)
			b[i] = (uint8_t)(acc->data >> (8 * i));
	} else {
		acc->data = 0;
		for (unsigned i = acc->size; i-- > 0;)
			acc->data = (acc->data << 8) | b[i];
	}
	return 0;
}

/* One part on whatever owns its IPA: the vGIC, a device, or RAM. */
static int perform(struct pcpu *p, struct vcpu *v, struct armvirt_mmio_access *acc, bool *uart)
{
	bool touched = false;
	int r = virq_mmio(p, v, acc);

	if (r != ARMVIRT_ENOENT)
		return r < 0 ? r : 0; /* 1: the vGIC kicked a vCPU, done */
	r = vdev_access(acc, &touched);
	*uart |= touched;
	if (r != ARMVIRT_ENOENT)
		return r;
	return ram_access(armvirt_ipa_val(acc->addr), acc);
}

static void regs_in(struct pcpu *p, struct vcpu *v, struct armvirt_mmio_regs *r)
{
	unsigned mode = (unsigned)armvirt_field_get(v->arch.gp.pstate, ARMVIRT_SPSR_M_SHIFT,
						    ARMVIRT_SPSR_M_WIDTH);

	memcpy(r->x, v->arch.gp.x, sizeof(r->x));
	r->pc = v->arch.gp.pc;
	r->pstate = v->arch.gp.pstate;
	r->sp = armvirt_switch_el1_read(&p->sw, &v->arch,
					mode == ARMVIRT_SPSR_M_EL1H ? ARMVIRT_SWITCH_SP_EL1
								    : ARMVIRT_SWITCH_SP_EL0);
	r->v = NULL;
}

static void regs_out(struct pcpu *p, struct vcpu *v, const struct armvirt_mmio_regs *r)
{
	unsigned mode = (unsigned)armvirt_field_get(v->arch.gp.pstate, ARMVIRT_SPSR_M_SHIFT,
						    ARMVIRT_SPSR_M_WIDTH);

	memcpy(v->arch.gp.x, r->x, sizeof(r->x));
	v->arch.gp.pc = r->pc;
	v->arch.gp.pstate = r->pstate;
	(void)armvirt_switch_el1_write(
		&p->sw, &v->arch,
		mode == ARMVIRT_SPSR_M_EL1H ? ARMVIRT_SWITCH_SP_EL1 : ARMVIRT_SWITCH_SP_EL0, r->sp);
}

static bool is_fp_bank(unsigned bank)
{
	return bank >= ARMVIRT_MMIO_BANK_B;
}

enum mmio_result mmio_emulate(struct pcpu *p, struct vcpu *v, armvirt_ipa_t fault_ipa,
			      bool *uart_touched, unsigned *reason)
{
	static struct armvirt_mmio_vreg vregs[HYP_MAX_CPUS][32];
	struct armvirt_vcpu *a = &v->arch;
	struct armvirt_mmio_insn d;
	struct armvirt_mmio_xfer x;
	struct armvirt_mmio_regs r;
	uint64_t sctlr;
	unsigned flags = 0;
	bool fp;
	int err;

	*reason = ARMVIRT_MMIO_OK;
	*uart_touched = false;
	err = armvirt_mmio_decode_esr(a->exit.esr, &d);
	if (err == ARMVIRT_ENOENT) {
		uint32_t insn;
		if (!fetch_insn(p, v, &insn))
			return MMIO_ABORT;
		err = armvirt_mmio_decode(armvirt_mmio_isa_from_spsr(a->gp.pstate), insn, &d);
	}
	if (err != 0)
		return MMIO_ABORT;
	if (d.reason != ARMVIRT_MMIO_OK) {
		*reason = d.reason;
		return MMIO_ABORT;
	}

	sctlr = armvirt_switch_el1_read(&p->sw, a, ARMVIRT_SWITCH_SCTLR_EL1);
	if (sctlr & (armvirt_field_get(a->gp.pstate, ARMVIRT_SPSR_M_SHIFT, ARMVIRT_SPSR_M_WIDTH) ==
				     ARMVIRT_SPSR_M_EL0T
			     ? SCTLR_E0E
			     : SCTLR_EE))
		flags |= ARMVIRT_MMIO_XFER_BIG_ENDIAN;
	fp = is_fp_bank(d.bank);
	if (fp) {
		/* Bring the FP/SIMD registers to memory: put the vCPU, load it back after. */
		armvirt_switch_vcpu_put(&p->sw);
		memcpy(vregs[p->id], a->fp.v, sizeof(vregs[p->id]));
	}
	regs_in(p, v, &r);
	if (fp)
		r.v = vregs[p->id];
	err = armvirt_mmio_xfer_init(&x, &d, &r, a->exit.far, fault_ipa, flags);
	for (unsigned i = 0; err == 0 && i < x.nparts; i++) {
		struct armvirt_mmio_part *part = &x.part[i];
		uint64_t ipa;
		if (!part->ipa_valid) {
			if (!va_to_ipa(p, v, x.va + part->pos, &ipa)) {
				err = ARMVIRT_EFAULT;
				break;
			}
			part->acc.addr = armvirt_ipa(ipa);
			part->ipa_valid = true;
		}
		err = perform(p, v, &part->acc, uart_touched);
	}
	if (err == 0)
		err = armvirt_mmio_complete(&d, &x, &r);
	if (err == 0) {
		regs_out(p, v, &r);
		if (fp)
			memcpy(a->fp.v, vregs[p->id], sizeof(vregs[p->id]));
	}
	if (fp && armvirt_switch_vcpu_load(&p->sw, a) != 0)
		hyp_panic("vCPU %u cannot be loaded again", v->id);
	return err == 0 ? MMIO_DONE : MMIO_ABORT;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/* The hypervisor test guest's sections and the trap handling they share (hyp_test.c). */
#ifndef GUEST_TESTS_H
#define GUEST_TESTS_H

#include "guest.h"

/* The registers a vector saved (hyp_entry.S); guest_trap() may change them. */
struct frame {
	uint64_t x[31];
	uint64_t elr, spsr;
	uint64_t pad;
};

/* Expected synchronous exceptions: arm, run the access, then see what was taken. */
enum fault_resume {
	FAULT_SKIP,   /* resume after the faulting instruction */
	FAULT_RETURN, /* resume at X30 (the fault was a branch to a bad address) */
};
struct fault_info {
	bool taken;
	uint64_t esr, far, elr;
};
void fault_expect(enum fault_resume how);
struct fault_info fault_result(void);

/* The vCPU's IRQ handler (NULL: an IRQ is unexpected). */
typedef void (*irq_handler_fn)(unsigned id, struct frame *f);
void irq_set_handler(unsigned id, irq_handler_fn fn);
static inline void irq_enable(void)
{
	__asm__ volatile("msr daifclr, #2" ::: "memory");
}
static inline void irq_disable(void)
{
	__asm__ volatile("msr daifset, #2" ::: "memory");
}

/* What the device tree says (t_fdt.c). */
struct guest_dt {
	unsigned ncpus;
	unsigned gic_version;
	uint64_t ram_base, ram_size;
	const char *bootargs;
};
int dt_read(const void *dtb, struct guest_dt *out);
void dt_checks(const void *dtb, struct guest_dt *dt);
/* The value of "key=" in the boot arguments, copied into @buf; false if absent. */
bool bootarg(const struct guest_dt *dt, const char *key, char *buf, size_t size);

/* Sections: each prints its checks. */
void psci_checks(void); /* vCPU 0, before the others start */
void mmio_checks(unsigned id, bool instruction_forms_too);
void isolation_checks(unsigned id, const struct guest_dt *dt);
void irq_checks(unsigned id, const struct guest_dt *dt); /* every vCPU */
void timer_checks(unsigned id);				 /* every vCPU, after irq_checks */

#endif /* GUEST_TESTS_H */

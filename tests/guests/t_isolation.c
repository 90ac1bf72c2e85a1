/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Isolation: an access to an address where the guest has neither RAM nor a
 * device must reach the guest as a synchronous external abort taken at EL1
 * (Arm ARM D1.3.2 and the ESR_EL1 data/instruction abort encodings): EC
 * 0x25 (data) or 0x21 (instruction fetch) from EL1, xFSC 0x10, WnR saying
 * the direction, FAR_EL1 the faulting address (the VA; the MMU is off, so
 * the same value) and ELR_EL1 the instruction. The guest then carries on.
 */
#include "tests.h"

#define EC_IABT_CUR 0x21u
#define EC_DABT_CUR 0x25u
#define FSC_SEA 0x10u
#define ESR_EC(esr) (((esr) >> 26) & 0x3fu)
#define ESR_IL(esr) (((esr) >> 25) & 1u)
#define ESR_WNR(esr) (((esr) >> 6) & 1u)
#define ESR_FSC(esr) ((esr)&0x3fu)
#define ESR_ISV(esr) (((esr) >> 24) & 1u)

/* One faulting instruction each, at a known address. */
uint64_t isolation_load(uint64_t addr);
void isolation_store(uint64_t addr, uint64_t v);
void isolation_exec(uint64_t addr);
__asm__(".text\n"
	".global isolation_load\n"
	"isolation_load: ldr x0, [x0]\n ret\n"
	".global isolation_store\n"
	"isolation_store: str w1, [x0]\n ret\n"
	".global isolation_exec\n"
	"isolation_exec: stp x29, x30, [sp, #-16]!\n blr x0\n ldp x29, x30, [sp], #16\n ret\n");

static void data_abort(unsigned id, const char *what, uint64_t addr, bool write)
{
	struct fault_info f;
	uint64_t pc = write ? (uintptr_t)isolation_store : (uintptr_t)isolation_load;
	bool ok;

	fault_expect(FAULT_SKIP);
	if (write)
		isolation_store(addr, 0x5a5a5a5au);
	else
		(void)isolation_load(addr);
	f = fault_result();
	ok = f.taken && ESR_EC(f.esr) == EC_DABT_CUR && ESR_IL(f.esr) && !ESR_ISV(f.esr) &&
	     ESR_FSC(f.esr) == FSC_SEA && ESR_WNR(f.esr) == write && f.far == addr && f.elr == pc;
	check(id, ok, what,
	      write ? ": external abort, ESR_EL1 WnR 1, FAR_EL1, ELR_EL1"
		    : ": external abort, ESR_EL1 WnR 0, FAR_EL1, ELR_EL1",
	      f.taken ? addr : 1, f.taken ? (ok ? addr : f.far ^ f.esr) : 0);
}

void isolation_checks(unsigned id, const struct guest_dt *dt)
{
	struct fault_info f;

	data_abort(id, "load from an address with nothing behind it", 0x0c000000u, false);
	data_abort(id, "store to an address with nothing behind it", 0x0c000010u, true);
	data_abort(id, "load below RAM", RAM_BASE - 8, false);
	data_abort(id, "store past the end of RAM", dt->ram_base + dt->ram_size, true);
	data_abort(id, "load from the page after the UART's", UART_BASE + 0x1000, false);
	data_abort(id, "store the test device refuses", 0x0b000f00u, true);

	fault_expect(FAULT_RETURN);
	isolation_exec(0x0c000000u);
	f = fault_result();
	check(id,
	      f.taken && ESR_EC(f.esr) == EC_IABT_CUR && ESR_FSC(f.esr) == FSC_SEA &&
		      f.far == 0x0c000000u && f.elr == 0x0c000000u,
	      "instruction fetch from an address with nothing behind it",
	      ": instruction abort, FAR_EL1, ELR_EL1", 0x0c000000u, f.taken ? f.far : 0);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/* Register-state checks across exits and vCPU switches (state.c, regs.S). */
#ifndef GUEST_STATE_H
#define GUEST_STATE_H

#include "guest.h"

struct fp_regs {
	_Alignas(16) uint64_t v[32][2];
	uint64_t fpsr, fpcr;
};

/* regs.S */
void gpr_hvc_fast(const uint64_t *in, uint64_t *out);
void gpr_hvc_full(const uint64_t *in, uint64_t *out);
void gpr_hvc_vector(const uint64_t *in, uint64_t *out);
void gpr_hvc_unknown(const uint64_t *in, uint64_t *out);
void gpr_sysreg(const uint64_t *in, uint64_t *out);
void gpr_mmio(const uint64_t *in, uint64_t *out);
void fp_load(const struct fp_regs *in);
void fp_store(struct fp_regs *out);
void hvc_loop(uint64_t fid, uint64_t n);
void empty_loop(uint64_t fid, uint64_t n);
void load_loop(uintptr_t addr, uint64_t n);
void ldp_loop(uintptr_t addr, uint64_t n);

/*
 * GPRs through four exit kinds (1024 exits each), the EL1 context and
 * FP/SIMD across exit storms, on vCPU @id; every vCPU that runs it must
 * (it synchronises with barrier()).
 */
void state_checks(unsigned id);

#endif /* GUEST_STATE_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Offsets of the context structures for the assembly. Compiled with -S
 * only: each ASM_OFFSET leaves a "->NAME value" line in the output, which
 * gen_offsets.py turns into asm_offsets.h. offsets_check.c then asserts
 * that the header matches the structures it was generated from, so a stale
 * or mismatched header fails the build.
 */
#include <armvirt/switch.h>

#include "switch_internal.h"

#define ASM_OFFSET(name, value) __asm__ volatile("\n.ascii \"->" #name " %c0\"" : : "i"(value));

void armvirt_switch_asm_offsets(void);

void armvirt_switch_asm_offsets(void)
{
#include "asm_offsets.def"
}

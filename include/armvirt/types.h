/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file types.h
 * @brief Fixed-width types and distinct address-space types shared by all components.
 *
 * Stage-2 code juggles three address spaces: intermediate physical addresses
 * (what a guest calls physical), host physical addresses and the hypervisor's
 * own virtual addresses. Each is a single-member struct so that passing one
 * where another is expected is a compile error, at no run-time cost.
 */
#ifndef ARMVIRT_TYPES_H
#define ARMVIRT_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An intermediate physical address: the address space a guest sees as physical. */
typedef struct {
	uint64_t ipa; /**< The address value. */
} armvirt_ipa_t;

/** A host physical address: the output of stage-2 translation. */
typedef struct {
	uint64_t pa; /**< The address value. */
} armvirt_pa_t;

/** A hypervisor virtual address (what EL2 code dereferences). */
typedef struct {
	uintptr_t va; /**< The address value. */
} armvirt_va_t;

/** @brief Make an IPA from a raw value. */
static inline armvirt_ipa_t armvirt_ipa(uint64_t v)
{
	armvirt_ipa_t r = { v };
	return r;
}

/** @brief The raw value of an IPA. */
static inline uint64_t armvirt_ipa_val(armvirt_ipa_t a)
{
	return a.ipa;
}

/** @brief Make a PA from a raw value. */
static inline armvirt_pa_t armvirt_pa(uint64_t v)
{
	armvirt_pa_t r = { v };
	return r;
}

/** @brief The raw value of a PA. */
static inline uint64_t armvirt_pa_val(armvirt_pa_t a)
{
	return a.pa;
}

/** @brief Make a hypervisor VA from a pointer. */
static inline armvirt_va_t armvirt_va(const void *p)
{
	armvirt_va_t r = { (uintptr_t)p };
	return r;
}

/** @brief The pointer a hypervisor VA designates. */
static inline void *armvirt_va_ptr(armvirt_va_t a)
{
	return (void *)a.va;
}

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_TYPES_H */

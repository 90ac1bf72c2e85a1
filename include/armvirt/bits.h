/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file bits.h
 * @brief Bit-field helpers used to express register layouts as shift/width pairs.
 *
 * Every register layout in armvirt is written once as `<REG>_<FIELD>_SHIFT` and
 * `<REG>_<FIELD>_WIDTH` constants; these helpers extract and insert fields so
 * that no logic carries a magic mask.
 */
#ifndef ARMVIRT_BITS_H
#define ARMVIRT_BITS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A 64-bit value with only bit @p n set. */
#define ARMVIRT_BIT(n) (UINT64_C(1) << (n))

/** A 64-bit mask of @p width bits starting at bit @p shift (width 1..64). */
#define ARMVIRT_MASK(shift, width)                                                                 \
	((((width) >= 64) ? ~UINT64_C(0) : ((UINT64_C(1) << (width)) - 1)) << (shift))

/**
 * @brief Extract a field.
 * @param v     the register value
 * @param shift the field's lowest bit
 * @param width the field's width in bits (1..64)
 * @return the field, right-aligned
 */
static inline uint64_t armvirt_field_get(uint64_t v, unsigned shift, unsigned width)
{
	return (v & ARMVIRT_MASK(shift, width)) >> shift;
}

/**
 * @brief Replace a field.
 * @param v     the register value
 * @param shift the field's lowest bit
 * @param width the field's width in bits (1..64)
 * @param f     the new field value; bits beyond @p width are dropped
 * @return @p v with the field replaced
 */
static inline uint64_t armvirt_field_set(uint64_t v, unsigned shift, unsigned width, uint64_t f)
{
	uint64_t m = ARMVIRT_MASK(shift, width);
	return (v & ~m) | ((f << shift) & m);
}

/**
 * @brief Sign-extend the low @p bits bits of @p v to 64 bits.
 * @param v    the value
 * @param bits the width of the signed quantity (1..64)
 * @return the sign-extended value
 */
static inline int64_t armvirt_sign_extend(uint64_t v, unsigned bits)
{
	uint64_t m;

	if (bits >= 64)
		return (int64_t)v;
	m = UINT64_C(1) << (bits - 1);
	v &= (UINT64_C(1) << bits) - 1;
	return (int64_t)((v ^ m) - m);
}

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_BITS_H */

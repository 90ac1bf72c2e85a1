/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file err.h
 * @brief The one error convention of every armvirt component.
 *
 * A function that can fail returns an `int`: zero or a positive value on
 * success, or one of the negative ::armvirt_err codes below. Each function's
 * comment names the codes it can return. A function that fails changes
 * nothing: no table, register or state is left half-updated.
 */
#ifndef ARMVIRT_ERR_H
#define ARMVIRT_ERR_H

#ifdef __cplusplus
extern "C" {
#endif

/** Error codes. Every code is negative; success is zero or positive. */
enum armvirt_err {
	ARMVIRT_OK = 0,	      /**< Success. */
	ARMVIRT_EINVAL = -1,  /**< An argument is malformed or outside its documented domain. */
	ARMVIRT_ERANGE = -2,  /**< An address or size is outside what the configuration covers. */
	ARMVIRT_ENOMEM = -3,  /**< The caller-supplied allocator or pool has no memory left. */
	ARMVIRT_EEXIST = -4,  /**< Something is already there (an overlapping mapping, ...). */
	ARMVIRT_ENOENT = -5,  /**< Nothing is there (an unmapped address, an unknown ID, ...). */
	ARMVIRT_ENOSPC = -6,  /**< A caller's buffer is too small; the output was truncated. */
	ARMVIRT_ENOTSUP = -7, /**< Valid, but not supported (not emulable, feature absent). */
	ARMVIRT_EALIGN = -8,  /**< An address or size is not aligned as required. */
	ARMVIRT_EPERM = -9,   /**< The operation is not permitted in the current state. */
	ARMVIRT_EBUSY = -10,  /**< A resource is in use and cannot be changed now. */
	ARMVIRT_EFAULT = -11, /**< The access faults: the guest must be given an abort. */
	ARMVIRT_ERR_COUNT_ = -12, /**< One past the last code; not an error. */
};

/**
 * @brief A short, static, human-readable description of a return code.
 * @param code a return value of an armvirt function
 * @return a NUL-terminated string; "success" for values >= 0 and
 *         "unknown error" for negative values that are not ::armvirt_err codes.
 *         Never NULL. Callable at any exception level.
 */
const char *armvirt_strerror(int code);

#ifdef __cplusplus
}
#endif

#endif /* ARMVIRT_ERR_H */

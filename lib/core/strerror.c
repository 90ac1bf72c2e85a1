/* SPDX-License-Identifier: BSD-3-Clause */
#include <armvirt/err.h>

static const char *const err_text[] = {
	[-ARMVIRT_OK] = "success",
	[-ARMVIRT_EINVAL] = "invalid argument",
	[-ARMVIRT_ERANGE] = "address or size out of range",
	[-ARMVIRT_ENOMEM] = "out of table memory",
	[-ARMVIRT_EEXIST] = "already exists (overlap)",
	[-ARMVIRT_ENOENT] = "no such entry",
	[-ARMVIRT_ENOSPC] = "buffer too small, output truncated",
	[-ARMVIRT_ENOTSUP] = "not supported",
	[-ARMVIRT_EALIGN] = "misaligned address or size",
	[-ARMVIRT_EPERM] = "operation not permitted",
	[-ARMVIRT_EBUSY] = "resource busy",
	[-ARMVIRT_EFAULT] = "access faults",
};

const char *armvirt_strerror(int code)
{
	if (code >= 0)
		return err_text[0];
	if (code <= ARMVIRT_ERR_COUNT_)
		return "unknown error";
	return err_text[-code];
}

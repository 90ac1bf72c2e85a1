/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers shared by the lib/esr sources; not installed. */
#ifndef ARMVIRT_ESR_INTERNAL_H
#define ARMVIRT_ESR_INTERNAL_H

#include <armvirt/err.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif /* ARMVIRT_ESR_INTERNAL_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The test device (layout in devices.h): memory whose every access is
 * logged, so that a guest can check both what an emulated load or store
 * returned or stored and how the hypervisor performed it (how many device
 * accesses, of which size, at which offset).
 */
#include <armvirt/err.h>

#include "devices.h"

static void lock(uint32_t *l)
{
	while (__atomic_exchange_n(l, 1u, __ATOMIC_ACQUIRE))
		;
}

static void unlock(uint32_t *l)
{
	__atomic_store_n(l, 0u, __ATOMIC_RELEASE);
}

static void scratch_access(struct testdev *t, uint64_t offset, struct armvirt_mmio_access *acc)
{
	uint64_t v = 0;

	if (acc->is_write) {
		for (unsigned i = 0; i < acc->size; i++)
			t->scratch[offset + i] = (uint8_t)(acc->data >> (8 * i));
	} else {
		for (unsigned i = acc->size; i-- > 0;)
			v = (v << 8) | t->scratch[offset + i];
		acc->data = v;
	}
	t->last_offset = offset;
	t->last_info = acc->size | (acc->is_write ? TESTDEV_INFO_WRITE : 0u);
	t->last_data = acc->data;
	t->count++;
}

static uint64_t reg_read(const struct testdev *t, uint64_t reg)
{
	switch (reg) {
	case TESTDEV_LAST_OFFSET:
		return t->last_offset;
	case TESTDEV_LAST_INFO:
		return t->last_info;
	case TESTDEV_LAST_DATA:
		return t->last_data;
	case TESTDEV_COUNT:
		return t->count;
	default:
		return 0;
	}
}

int testdev_mmio(struct testdev *t, uint64_t offset, struct armvirt_mmio_access *acc)
{
	int ret = 0;

	if (acc->size != 1 && acc->size != 2 && acc->size != 4 && acc->size != 8)
		return ARMVIRT_EFAULT;
	lock(&t->lock);
	if (offset + acc->size <= TESTDEV_SCRATCH_SIZE) {
		scratch_access(t, offset, acc);
	} else if (offset >= TESTDEV_FAULT && offset < TESTDEV_FAULT + 8) {
		ret = ARMVIRT_EFAULT;
	} else if (offset >= TESTDEV_SCRATCH_SIZE && offset % acc->size == 0 && acc->size >= 4) {
		uint64_t reg = offset & ~7ull, shift = 8 * (offset & 7);
		if (acc->is_write) {
			if (reg == TESTDEV_COUNT)
				t->count = t->last_offset = t->last_info = t->last_data = 0;
		} else {
			acc->data = reg_read(t, reg) >> shift;
			if (acc->size == 4)
				acc->data &= 0xffffffffu;
		}
	} else if (!acc->is_write) {
		acc->data = 0;
	}
	unlock(&t->lock);
	return ret;
}

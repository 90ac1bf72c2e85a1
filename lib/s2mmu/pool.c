/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A page pool over one caller-supplied region: pages never handed out are
 * carved in order; returned pages go on a list threaded through their
 * first eight bytes.
 */
#include "s2mmu_impl.h"

#define POOL_EMPTY (~UINT64_C(0))

int armvirt_s2mmu_pool_init(struct armvirt_s2mmu_pool *pool, armvirt_pa_t pa, armvirt_va_t va,
			    uint64_t size, uint64_t granule)
{
	unsigned shift;

	switch (granule) {
	case 4096:
		shift = 12;
		break;
	case 16384:
		shift = 14;
		break;
	case 65536:
		shift = 16;
		break;
	default:
		return ARMVIRT_EINVAL;
	}
	if (armvirt_pa_val(pa) & (granule - 1))
		return ARMVIRT_EALIGN;
	pool->pa = armvirt_pa_val(pa);
	pool->va = va.va;
	pool->pages = size >> shift;
	pool->used = 0;
	pool->shift = (uint8_t)shift;
	pool->next_ = 0;
	pool->free_pa_ = POOL_EMPTY;
	return ARMVIRT_OK;
}

static uint64_t *pool_word(const struct armvirt_s2mmu_pool *pool, uint64_t pa)
{
	return (uint64_t *)(pool->va + (uintptr_t)(pa - pool->pa));
}

int armvirt_s2mmu_pool_alloc(void *ctx, armvirt_pa_t *pa)
{
	struct armvirt_s2mmu_pool *pool = ctx;

	if (pool->free_pa_ != POOL_EMPTY) {
		*pa = armvirt_pa(pool->free_pa_);
		pool->free_pa_ = *pool_word(pool, pool->free_pa_);
	} else if (pool->next_ < pool->pages) {
		*pa = armvirt_pa(pool->pa + (pool->next_++ << pool->shift));
	} else {
		return ARMVIRT_ENOMEM;
	}
	pool->used++;
	return ARMVIRT_OK;
}

void armvirt_s2mmu_pool_free(void *ctx, armvirt_pa_t pa)
{
	struct armvirt_s2mmu_pool *pool = ctx;

	*pool_word(pool, armvirt_pa_val(pa)) = pool->free_pa_;
	pool->free_pa_ = armvirt_pa_val(pa);
	pool->used--;
}

void armvirt_s2mmu_pool_ops(struct armvirt_s2mmu_pool *pool, struct armvirt_s2mmu_ops *ops)
{
	ops->alloc_page = armvirt_s2mmu_pool_alloc;
	ops->free_page = armvirt_s2mmu_pool_free;
	ops->pa_to_va = NULL;
	ops->va_offset = pool->va - (uintptr_t)pool->pa;
	ops->ctx = pool;
}

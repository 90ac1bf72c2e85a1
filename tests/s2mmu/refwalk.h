/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A reference stage-2 walker for the tests, written from the Arm ARM
 * (D8, the translation process and the descriptor formats, D24.2 VTCR_EL2 and
 * VTTBR_EL2) and nothing else: it sees only the register values and memory,
 * never the library's structures, so the tests check the tables against the
 * architecture rather than against the library's own reading of it.
 */
#ifndef S2MMU_TEST_REFWALK_H
#define S2MMU_TEST_REFWALK_H

#include <stdbool.h>
#include <stdint.h>

struct ref_regs {
	uint64_t vtcr;
	uint64_t vttbr;
	bool fwb; /* HCR_EL2.FWB */
	bool xnx; /* FEAT_XNX implemented */
	/* Host pointer to the 8 bytes at physical address @pa, or NULL. */
	const uint64_t *(*mem)(void *ctx, uint64_t pa);
	void *ctx;
};

/* Memory types after decoding MemAttr (with or without FWB). */
enum ref_mem {
	REF_DEV_nGnRnE,
	REF_DEV_nGnRE,
	REF_DEV_nGRE,
	REF_DEV_GRE,
	REF_NORMAL_NC,
	REF_NORMAL_WT,
	REF_NORMAL_WB,
	REF_NORMAL_S1, /* FWB 0b111: stage 1 decides */
	REF_MEM_BAD,
};

/* Outcome of translating one IPA. */
struct ref_tr {
	bool valid;	  /* a leaf was found and no fault */
	int level;	  /* level of the last descriptor read */
	uint64_t base;	  /* IPA of the leaf / hole start */
	uint64_t size;	  /* bytes the leaf / hole covers */
	uint64_t oa;	  /* output address of the leaf's base */
	uint64_t desc;	  /* the leaf descriptor */
	uint64_t desc_pa; /* where it lives */
	enum ref_mem mem;
	bool r, w;	   /* S2AP */
	bool x_el1, x_el0; /* execute permitted */
	unsigned sh;	   /* SH[1:0] as applied (VTCR_EL2.SH0 under DS) */
	bool af, dbm, cont;
	unsigned sw;	   /* bits [58:55] */
	const char *error; /* a programming error the architecture would fault or misbehave on */
};

/* Translate @ipa. Returns false with tr->error set on a malformed setup or table. */
bool ref_translate(const struct ref_regs *rr, uint64_t ipa, struct ref_tr *tr);

/* Geometry decoded from VTCR_EL2. */
struct ref_geom {
	unsigned gshift, ia, oa, start_level, root_entries;
	bool ds;
};
bool ref_geometry(const struct ref_regs *rr, struct ref_geom *g, const char **error);

/* Contiguous group size (entries) the architecture defines for a level, 1 if none. */
unsigned ref_cont_entries(unsigned gshift, int level);

/*
 * Visit every valid leaf in IPA order (tr->error set for a malformed one);
 * stops when @fn returns false. Returns false if it stopped.
 */
bool ref_leaves(const struct ref_regs *rr, bool (*fn)(void *ctx, const struct ref_tr *tr),
		void *ctx);

/* Visit every table page reachable from VTTBR_EL2: fn(ctx, pa, level). */
void ref_tables(const struct ref_regs *rr,
		void (*fn)(void *ctx, uint64_t pa, int level, uint64_t ipa), void *ctx);

#endif

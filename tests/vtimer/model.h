/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A reference model of what a guest observes of its generic timers
 * (Arm ARM D11.2.4), kept apart from lib/vtimer: the randomized test runs the
 * library and this model side by side and compares every observation.
 * Freestanding: it needs no C library.
 */
#ifndef VTIMER_TEST_MODEL_H
#define VTIMER_TEST_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#define MODEL_VCPUS 3
#define MODEL_TIMERS 2 /* 0 = virtual, 1 = EL1 physical */

struct model {
	uint64_t host;	    /* the host counter */
	uint64_t offset;    /* guest counter = host - offset (mod 2^64) */
	uint64_t paused_at; /* host counter at pause */
	bool paused;
	bool freeze;				  /* guest time stops while paused */
	uint64_t ctl[MODEL_VCPUS][MODEL_TIMERS];  /* ENABLE | IMASK */
	uint64_t cval[MODEL_VCPUS][MODEL_TIMERS]; /* compare value, guest ticks */
};

void model_init(struct model *m, uint64_t host, uint64_t counter, bool freeze);
uint64_t model_guest_now(const struct model *m);
void model_pause(struct model *m);
void model_resume(struct model *m);
void model_set_counter(struct model *m, uint64_t value);

/* The timer condition: counter - compare value >= 0, as unsigned 64-bit. */
bool model_condition(const struct model *m, unsigned cpu, unsigned t);
/* The interrupt line: ISTATUS && ENABLE && !IMASK. */
bool model_level(const struct model *m, unsigned cpu, unsigned t);
/* The line as it will be at host counter @host, absent guest action. */
bool model_level_at(const struct model *m, unsigned cpu, unsigned t, uint64_t host);

uint64_t model_read_ctl(const struct model *m, unsigned cpu, unsigned t);
uint64_t model_read_tval(const struct model *m, unsigned cpu, unsigned t);
void model_write_ctl(struct model *m, unsigned cpu, unsigned t, uint64_t v);
void model_write_cval(struct model *m, unsigned cpu, unsigned t, uint64_t v);
void model_write_tval(struct model *m, unsigned cpu, unsigned t, uint64_t v);

#endif /* VTIMER_TEST_MODEL_H */

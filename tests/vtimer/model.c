/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The reference model: each rule below is a sentence of Arm ARM D11.2.4
 * ("Operation of the CompareValue views of the timers", "... TimerValue
 * views") or of the pause policy in vtimer.h, written out directly.
 */
#include "model.h"

void model_init(struct model *m, uint64_t host, uint64_t counter, bool freeze)
{
	*m = (struct model){ 0 };
	m->host = host;
	m->offset = host - counter;
	m->freeze = freeze;
}

uint64_t model_guest_now(const struct model *m)
{
	uint64_t host = (m->paused && m->freeze) ? m->paused_at : m->host;
	return host - m->offset;
}

void model_pause(struct model *m)
{
	m->paused = true;
	m->paused_at = m->host;
}

void model_resume(struct model *m)
{
	/* Frozen: the guest counter resumes from where it stopped. */
	if (m->freeze)
		m->offset += m->host - m->paused_at;
	m->paused = false;
}

void model_set_counter(struct model *m, uint64_t value)
{
	uint64_t host = (m->paused && m->freeze) ? m->paused_at : m->host;
	m->offset = host - value;
}

static bool condition_at(const struct model *m, unsigned cpu, unsigned t, uint64_t guest)
{
	/* "(CounterValue - CompareValue) >= 0", both unsigned 64-bit: a plain >=. */
	return guest >= m->cval[cpu][t];
}

bool model_condition(const struct model *m, unsigned cpu, unsigned t)
{
	return condition_at(m, cpu, t, model_guest_now(m));
}

static bool level_at_guest(const struct model *m, unsigned cpu, unsigned t, uint64_t guest)
{
	uint64_t ctl = m->ctl[cpu][t];
	return (ctl & 1u) && !(ctl & 2u) && condition_at(m, cpu, t, guest);
}

bool model_level(const struct model *m, unsigned cpu, unsigned t)
{
	return level_at_guest(m, cpu, t, model_guest_now(m));
}

bool model_level_at(const struct model *m, unsigned cpu, unsigned t, uint64_t host)
{
	if (m->paused && m->freeze)
		return model_level(m, cpu, t);
	return level_at_guest(m, cpu, t, host - m->offset);
}

uint64_t model_read_ctl(const struct model *m, unsigned cpu, unsigned t)
{
	uint64_t ctl = m->ctl[cpu][t];
	/* ISTATUS: the condition, reported while ENABLE is 1. */
	if ((ctl & 1u) && model_condition(m, cpu, t))
		ctl |= 4u;
	return ctl;
}

uint64_t model_read_tval(const struct model *m, unsigned cpu, unsigned t)
{
	/* TimerValue = (CompareValue - Counter)[31:0]. */
	return (m->cval[cpu][t] - model_guest_now(m)) & 0xffffffffu;
}

void model_write_ctl(struct model *m, unsigned cpu, unsigned t, uint64_t v)
{
	/* ISTATUS is read-only; bits other than ENABLE and IMASK are RES0. */
	m->ctl[cpu][t] = v & 3u;
}

void model_write_cval(struct model *m, unsigned cpu, unsigned t, uint64_t v)
{
	m->cval[cpu][t] = v;
}

void model_write_tval(struct model *m, unsigned cpu, unsigned t, uint64_t v)
{
	/* CompareValue = Counter + SignExtend(TimerValue[31:0]). */
	uint64_t low = v & 0xffffffffu;
	uint64_t sext = (low & 0x80000000u) ? (low | 0xffffffff00000000u) : low;
	m->cval[cpu][t] = model_guest_now(m) + sext;
}

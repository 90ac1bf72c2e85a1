/* SPDX-License-Identifier: BSD-3-Clause */
/* Text for an EL2 panic: the frame the current-EL vectors saved. */
#include <armvirt/err.h>
#include <armvirt/switch.h>

struct out {
	char *buf;
	size_t size;
	size_t len;
	bool truncated;
};

static void put_char(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len++] = c;
	else
		o->truncated = true;
}

static void put_str(struct out *o, const char *s)
{
	while (*s)
		put_char(o, *s++);
}

static void put_hex(struct out *o, uint64_t v)
{
	static const char digits[] = "0123456789abcdef";

	for (int shift = 60; shift >= 0; shift -= 4)
		put_char(o, digits[(v >> shift) & 0xf]);
}

static void put_reg(struct out *o, const char *name, uint64_t v)
{
	put_str(o, name);
	put_char(o, '=');
	put_hex(o, v);
}

int armvirt_switch_format_frame(const struct armvirt_switch_el2_frame *frame, char *buf,
				size_t size)
{
	static const char *const kinds[] = { "synchronous", "IRQ", "FIQ", "SError" };
	struct out o = { buf, size, 0, false };

	if (!frame || !buf || size == 0)
		return ARMVIRT_EINVAL;
	put_str(&o, "EL2 exception: ");
	put_str(&o, frame->kind < 4 ? kinds[frame->kind] : "unknown");
	put_str(&o, frame->sp0 ? " (SP_EL0)\n" : "\n");
	put_reg(&o, "esr", frame->esr);
	put_reg(&o, " far", frame->far);
	put_reg(&o, " elr", frame->elr);
	put_char(&o, '\n');
	put_reg(&o, "spsr", frame->spsr);
	put_reg(&o, " sp", frame->sp);
	for (unsigned i = 0; i < 31; i++) {
		char name[5] = { (i % 3) == 0 ? '\n' : ' ', 'x', (char)('0' + i / 10),
				 (char)('0' + i % 10), '\0' };
		put_reg(&o, name, frame->x[i]);
	}
	put_char(&o, '\n');
	buf[o.len] = '\0';
	return o.truncated ? ARMVIRT_ENOSPC : (int)o.len;
}

/* SPDX-License-Identifier: BSD-3-Clause */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>

_Noreturn void cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("armvirt-decode: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(CLI_EXIT_USAGE);
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int cli_parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	unsigned base = 10;
	uint64_t v = 0;
	int d;

	if (s == NULL || *s == '\0')
		return -1;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		if (*s == '\0')
			return -1;
	}
	for (; *s; s++) {
		d = digit_value(*s);
		if (d < 0 || (unsigned)d >= base)
			return -1;
		if (v > (UINT64_MAX - (unsigned)d) / base)
			return -1; /* overflows 64 bits */
		v = v * base + (unsigned)d;
	}
	if (v > max)
		return -1;
	*out = v;
	return 0;
}

uint64_t cli_number(const char *s, uint64_t max, const char *what)
{
	uint64_t v;

	if (cli_parse_u64(s, max, &v) != 0)
		cli_usage_error("%s: '%s' is not a number in 0..0x%llx (hex 0x... or decimal)",
				what, s, (unsigned long long)max);
	return v;
}

void json_init(struct cli_json *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->need_comma[0] = false;
}

/* Before a value at the current level: a comma unless it is the first (or follows a key). */
static void before_value(struct cli_json *j)
{
	if (j->need_comma[j->depth])
		fputc(',', j->f);
	j->need_comma[j->depth] = true;
}

static void open_container(struct cli_json *j, char c)
{
	before_value(j);
	fputc(c, j->f);
	if (j->depth + 1 < (int)(sizeof(j->need_comma) / sizeof(j->need_comma[0])))
		j->depth++;
	j->need_comma[j->depth] = false;
}

void json_begin(struct cli_json *j)
{
	open_container(j, '{');
}

void json_begin_array(struct cli_json *j)
{
	open_container(j, '[');
}

void json_end_array(struct cli_json *j)
{
	fputc(']', j->f);
	if (j->depth > 0)
		j->depth--;
}

void json_end(struct cli_json *j)
{
	fputc('}', j->f);
	if (j->depth > 0)
		j->depth--;
	if (j->depth == 0) {
		fputc('\n', j->f);
		j->need_comma[0] = false; /* one object per line: no comma between them */
	}
}

static void put_escaped(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

void json_key(struct cli_json *j, const char *key)
{
	before_value(j);
	put_escaped(j->f, key);
	fputc(':', j->f);
	j->need_comma[j->depth] = false; /* the value follows without a comma */
}

static void after_value(struct cli_json *j)
{
	j->need_comma[j->depth] = true;
}

void json_string(struct cli_json *j, const char *s)
{
	before_value(j);
	put_escaped(j->f, s);
	after_value(j);
}

void json_uint(struct cli_json *j, uint64_t v)
{
	before_value(j);
	fprintf(j->f, "%llu", (unsigned long long)v);
	after_value(j);
}

void json_int(struct cli_json *j, int64_t v)
{
	before_value(j);
	fprintf(j->f, "%lld", (long long)v);
	after_value(j);
}

void json_bool(struct cli_json *j, bool v)
{
	before_value(j);
	fputs(v ? "true" : "false", j->f);
	after_value(j);
}

void json_null(struct cli_json *j)
{
	before_value(j);
	fputs("null", j->f);
	after_value(j);
}

void json_kv_string(struct cli_json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void json_kv_uint(struct cli_json *j, const char *key, uint64_t v)
{
	json_key(j, key);
	json_uint(j, v);
}

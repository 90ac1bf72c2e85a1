/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers shared by armvirt-decode's subcommands: number parsing, a JSON writer, errors. */
#ifndef ARMVIRT_DECODE_CLI_H
#define ARMVIRT_DECODE_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Exit status for bad input: not a number, out of range, unknown subcommand or option. */
#define CLI_EXIT_USAGE 2

/* Print "armvirt-decode: <message>" on stderr and exit with CLI_EXIT_USAGE. */
_Noreturn void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Parse an unsigned number: "0x..." hexadecimal or plain decimal, nothing
 * else (no sign, no spaces, no suffix). Returns 0 and sets *out, or -1 if
 * @s is not such a number or exceeds @max.
 */
int cli_parse_u64(const char *s, uint64_t max, uint64_t *out);

/* Like cli_parse_u64, but a bad value is a usage error naming @what. */
uint64_t cli_number(const char *s, uint64_t max, const char *what);

/* A minimal streaming JSON writer: objects, arrays, strings (escaped), integers, booleans. */
struct cli_json {
	FILE *f;
	int depth;
	bool need_comma[16];
};

void json_init(struct cli_json *j, FILE *f);
void json_begin(struct cli_json *j);		    /* "{" as a value */
void json_end(struct cli_json *j);		    /* "}" */
void json_begin_array(struct cli_json *j);	    /* "[" as a value */
void json_end_array(struct cli_json *j);	    /* "]" */
void json_key(struct cli_json *j, const char *key); /* next member's name */
void json_string(struct cli_json *j, const char *s);
void json_uint(struct cli_json *j, uint64_t v);
void json_int(struct cli_json *j, int64_t v);
void json_bool(struct cli_json *j, bool v);
void json_null(struct cli_json *j);
/* Convenience: key and value together. */
void json_kv_string(struct cli_json *j, const char *key, const char *s);
void json_kv_uint(struct cli_json *j, const char *key, uint64_t v);

#endif /* ARMVIRT_DECODE_CLI_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/* Writes one JSON object with strings that need escaping; test-decode-tool parses it. */
#include <stdint.h>

#include "cli.h"

int main(void)
{
	struct cli_json j;

	json_init(&j, stdout);
	json_begin(&j);
	json_kv_string(&j, "quote\"back\\slash", "tab\there\nnewline \x01\x1f\x7f end");
	json_key(&j, "nested");
	json_begin(&j);
	json_kv_uint(&j, "max", UINT64_MAX);
	json_key(&j, "neg");
	json_int(&j, -2);
	json_key(&j, "list");
	json_begin_array(&j);
	json_string(&j, "a");
	json_bool(&j, true);
	json_uint(&j, 0);
	json_end_array(&j);
	json_end(&j);
	json_key(&j, "empty");
	json_begin_array(&j);
	json_end_array(&j);
	json_end(&j);
	return 0;
}

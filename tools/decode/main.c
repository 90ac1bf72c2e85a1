/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * armvirt-decode: decode ARM64 virtualization state from the command line.
 * Each subcommand is one row of the table below and one file.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
};

static const struct command commands[] = {
	{ "esr", cmd_esr,
	  "esr [--aarch32] [--json] VALUE...   decode ESR_EL2 values (HSR with --aarch32)" },
	{ "ipa", cmd_ipa,
	  "ipa --hpfar X --far Y [--esr Z] [--ipa-bits N] [--json]   faulting IPA of an abort" },
	{ "insn", cmd_insn,
	  "insn [--a64|--a32|--t32] [--json] HEX...   the memory access of an instruction" },
};

static void usage(FILE *f)
{
	size_t i;

	fputs("usage: armvirt-decode COMMAND [ARGS...]\n", f);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  armvirt-decode %s\n", commands[i].usage);
	fputs("Numbers are hexadecimal (0x...) or decimal. Bad input exits with status 2.\n", f);
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 2, argv + 2);
	cli_usage_error("unknown command '%s' (try 'armvirt-decode help')", argv[1]);
}

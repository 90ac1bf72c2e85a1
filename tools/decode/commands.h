/* SPDX-License-Identifier: BSD-3-Clause */
/* The subcommands of armvirt-decode: each takes its own arguments (after the name). */
#ifndef ARMVIRT_DECODE_COMMANDS_H
#define ARMVIRT_DECODE_COMMANDS_H

/* Returns the exit status; bad input exits with CLI_EXIT_USAGE through cli_usage_error(). */
int cmd_esr(int argc, char **argv);
int cmd_ipa(int argc, char **argv);
int cmd_insn(int argc, char **argv);

#endif /* ARMVIRT_DECODE_COMMANDS_H */

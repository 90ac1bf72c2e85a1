#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Turn the "->NAME value" markers of asm_offsets.c's assembly output into
asm_offsets.h (#define NAME value), for lib/switch's .S files."""
import re
import sys

src, dst = sys.argv[1], sys.argv[2]
defs = re.findall(r'->(\w+) #?(-?\d+)', open(src).read())
if not defs:
    sys.exit(f"{src}: no offset markers")
with open(dst, "w") as out:
    out.write("/* Generated from lib/switch/asm_offsets.c: do not edit. */\n")
    out.write("#ifndef ARMVIRT_SWITCH_ASM_OFFSETS_H\n#define ARMVIRT_SWITCH_ASM_OFFSETS_H\n")
    for name, value in defs:
        out.write(f"#define {name} {value}\n")
    out.write("#endif\n")

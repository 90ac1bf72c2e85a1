#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Differential test of the MMIO decoder against binutils' disassembler.

For every load/store encoding class of A64, A32 and T32 (and for fully random
words), generate encodings with random fields inside the class's fixed bits,
disassemble them with GNU objdump, parse objdump's text into kind, width,
registers, sign extension, addressing, offset and writeback, and compare with
what the decoder (the mmio_dump program) reports for the same words.

binutils is an independent decoder: nothing here is derived from the
library's tables. Where binutils cannot be the judge the harness says so and
counts the words instead of comparing them:
  * encodings of extensions newer than the installed binutils (FEAT_LRCPC3,
    FEAT_LSUI, FEAT_LSCP, FEAT_GCS, FEAT_LSE128, FEAT_THE, FEAT_LSFE, SME2),
    which objdump prints as undefined: the decoder may only report them as
    not emulable or as one of those extensions' documented forms;
  * CONSTRAINED UNPREDICTABLE A64 register overlaps, which objdump prints
    without comment: the decoder's fields are still compared.
Exit status 0 when no word disagrees, 1 otherwise; each disagreement is
printed with both views.
"""

import argparse
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile

OBJDUMP_A64 = "aarch64-linux-gnu-objdump"
OBJDUMP_ARM = "arm-linux-gnueabihf-objdump"

# Encoding classes: (name, mask, value). Bits in mask are fixed to value;
# the others are random. T32 32-bit classes hold hw1 in bits 31:16.
A64_CLASSES = [
    ("ldst-unsigned", 0x3B000000, 0x39000000),
    ("ldst-unscaled", 0x3B200C00, 0x38000000),
    ("ldst-post", 0x3B200C00, 0x38000400),
    ("ldst-unpriv", 0x3B200C00, 0x38000800),
    ("ldst-pre", 0x3B200C00, 0x38000C00),
    ("ldst-register", 0x3B200C00, 0x38200800),
    ("ldst-register-valid", 0x3B204C00, 0x38204800),
    ("ldst-pac", 0x3B200400, 0x38200400),
    ("ldst-atomic", 0x3B200C00, 0x38200000),
    ("ldapr", 0x3F3FFC00, 0x38BFC000),
    ("ls64", 0xFFE08C00, 0xF8208000),
    ("literal", 0x3B000000, 0x18000000),
    ("pair-noalloc", 0x3B800000, 0x28000000),
    ("pair-post", 0x3B800000, 0x28800000),
    ("pair-offset", 0x3B800000, 0x29000000),
    ("pair-pre", 0x3B800000, 0x29800000),
    ("pair-gpr", 0x7F800000, 0x29000000),
    ("exclusive", 0x3F800000, 0x08000000),
    ("ordered", 0x3FA00000, 0x08800000),
    ("ordered-sbo", 0x3FA07C00, 0x089F7C00),
    ("cas", 0x3FA00000, 0x08A00000),
    ("rcpc-unscaled", 0x3F200C00, 0x19000000),
    ("mops", 0x3B200C00, 0x19000400),
    ("tags", 0xFF200000, 0xD9200000),
    ("simd-multiple", 0xBFBF0000, 0x0C000000),
    ("simd-multiple-post", 0xBFA00000, 0x0C800000),
    ("simd-single", 0xBF9F0000, 0x0D000000),
    ("simd-single-post", 0xBF800000, 0x0D800000),
    ("sve-memory", 0x9E000000, 0x84000000),
    ("sve-store", 0xFE000000, 0xE4000000),
    ("sve-contiguous", 0xFE000000, 0xA4000000),
    ("sve-gather64", 0xFE000000, 0xC4000000),
    ("sme", 0xFE000000, 0xE0000000),
    ("dc", 0xFFF8F000, 0xD5087000),
    ("ldst-any", 0x0A000000, 0x08000000),
    ("random", 0x00000000, 0x00000000),
]

A32_CLASSES = [
    ("word-byte-imm", 0x0E000000, 0x04000000),
    ("word-byte-reg", 0x0E000010, 0x06000000),
    ("extra", 0x0E000090, 0x00000090),
    ("extra-sbz", 0x0E400F90, 0x00000090),
    ("sync", 0x0F0000F0, 0x01000090),
    ("lda-stl", 0x0F800CF0, 0x01800C90),
    ("ldm-stm", 0x0E000000, 0x08000000),
    ("coproc", 0x0E000000, 0x0C000000),
    ("vfp-ls", 0x0E000E00, 0x0C000A00),
    ("uncond-hints", 0xF8000000, 0xF0000000),
    ("uncond-other", 0xF0000000, 0xF0000000),
    ("random", 0x00000000, 0x00000000),
]

T32_CLASSES = [
    ("t16-literal", 0xF800, 0x4800),
    ("t16-reg", 0xF000, 0x5000),
    ("t16-imm", 0xE000, 0x6000),
    ("t16-half", 0xF000, 0x8000),
    ("t16-sp", 0xF000, 0x9000),
    ("t16-misc", 0xF000, 0xB000),
    ("t16-ldm", 0xF000, 0xC000),
    ("t16-random", 0x0000, 0x0000),
    ("single", 0xFE000000, 0xF8000000),
    ("single-imm8", 0xFE000800, 0xF8000800),
    ("single-reg", 0xFE000FC0, 0xF8000000),
    ("dual", 0xFE400000, 0xE8400000),
    ("exclusive", 0xFFE00000, 0xE8C00000),
    ("ldrex", 0xFFE00000, 0xE8400000),
    ("multiple", 0xFE400000, 0xE8000000),
    ("coproc", 0xEE000000, 0xEC000000),
    ("t32-random", 0xE0000000, 0xE0000000),
]

CONDS = {"eq", "ne", "cs", "hs", "cc", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge",
         "lt", "gt", "le", "al"}


def gen_words(isa, classes, count, rng):
    out = []
    for name, mask, value in classes:
        n = 0
        while n < count:
            if isa == "t32" and name.startswith("t16"):
                w = (value | (rng.getrandbits(16) & ~mask)) & 0xFFFF
                if (w >> 11) >= 0x1D:
                    continue
            else:
                w = (value | (rng.getrandbits(32) & ~mask)) & 0xFFFFFFFF
                if isa == "t32" and (w >> 27) < 0x1D:
                    continue
            out.append((name, w))
            n += 1
    return out


def run_objdump(isa, words):
    """Return {index: (mnemonic, operands, comment)} for each word."""
    with tempfile.NamedTemporaryFile(suffix=".bin", delete=False) as f:
        offsets = []
        off = 0
        for w in words:
            offsets.append(off)
            if isa == "t32":
                if w >> 16:
                    f.write(struct.pack("<HH", w >> 16, w & 0xFFFF))
                    off += 4
                else:
                    f.write(struct.pack("<H", w))
                    off += 2
            else:
                f.write(struct.pack("<I", w))
                off += 4
        path = f.name
    try:
        if isa == "a64":
            cmd = [OBJDUMP_A64, "-D", "-b", "binary", "-m", "aarch64", path]
        else:
            cmd = [OBJDUMP_ARM, "-D", "-b", "binary", "-m", "arm", "-EL",
                   "-M", "reg-names-raw"]
            if isa == "t32":
                cmd += ["-M", "force-thumb"]
            cmd.append(path)
        text = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)
    by_off = {}
    for line in text.splitlines():
        m = re.match(r"^\s*([0-9a-f]+):\t([0-9a-f ]+?)\s*\t(.*)$", line)
        if not m:
            continue
        by_off[int(m.group(1), 16)] = m.group(3)
    res = []
    for o in offsets:
        res.append((o, by_off.get(o, "")))
    return res


def run_dump(dump, isa, words):
    inp = "".join("%s %08x\n" % (isa, w) for w in words)
    out = subprocess.run([dump], input=inp, capture_output=True, text=True, check=True).stdout
    res = []
    for line in out.splitlines():
        parts = line.split()
        d = {"isa": parts[0], "word": int(parts[1], 16)}
        for kv in parts[2:]:
            if "=" in kv:
                k, v = kv.split("=", 1)
                d[k] = v
        res.append(d)
    if len(res) != len(words):
        raise SystemExit("mmio_dump returned %d lines for %d words" % (len(res), len(words)))
    return res


# ---------------------------------------------------------------- objdump parsing

A64_SIZE_SUFFIX = {"b": 1, "h": 2}
A64_BANK_SIZE = {"w": 4, "x": 8, "b": 1, "h": 2, "s": 4, "d": 8, "q": 16}


def a64_reg(tok):
    tok = tok.strip()
    if tok in ("sp", "wsp"):
        return ("x", 31)
    if tok in ("xzr", "wzr"):
        return (tok[0], 31)
    m = re.match(r"^([wxbhsdq])(\d+)$", tok)
    if not m:
        return None
    return (m.group(1), int(m.group(2)))


def parse_mem_a64(mem, addr):
    """Parse an A64 memory operand into a dict, or None."""
    mem = mem.strip()
    m = re.match(r"^\[(\w+)\]$", mem)
    if m:
        return {"rn": a64_reg(m.group(1))[1], "addr": "offset", "offset": 0, "wb": 0}
    m = re.match(r"^\[(\w+), #(-?\d+)\]$", mem)
    if m:
        return {"rn": a64_reg(m.group(1))[1], "addr": "offset", "offset": int(m.group(2)),
                "wb": 0}
    m = re.match(r"^\[(\w+), #(-?\d+)\]!$", mem)
    if m:
        return {"rn": a64_reg(m.group(1))[1], "addr": "pre", "offset": int(m.group(2)), "wb": 1}
    m = re.match(r"^\[(\w+)\]!$", mem)
    if m:
        return {"rn": a64_reg(m.group(1))[1], "addr": "pre", "offset": 0, "wb": 1}
    m = re.match(r"^\[(\w+)\], #(-?\d+)$", mem)
    if m:
        return {"rn": a64_reg(m.group(1))[1], "addr": "post", "offset": int(m.group(2)),
                "wb": 1}
    m = re.match(r"^\[(\w+), ([wx](?:\d+|zr))(?:, (lsl|uxtw|sxtw|sxtx)(?: #(\d+))?)?\]$", mem)
    if m:
        ext = m.group(3) or ("lsl" if m.group(2)[0] == "x" else None)
        return {"rn": a64_reg(m.group(1))[1], "addr": "register", "rm": a64_reg(m.group(2))[1],
                "index": ext, "amount": int(m.group(4) or 0), "wb": 0}
    m = re.match(r"^(0x[0-9a-f]+)$", mem)
    if m:
        off = (int(m.group(1), 16) - addr) & 0xFFFFFFFFFFFFFFFF
        if off >> 63:
            off -= 1 << 64
        return {"rn": None, "addr": "literal", "offset": off, "wb": 0}
    return None


A64_ATOMIC_OPS = ("add", "clr", "eor", "set", "smax", "smin", "umax", "umin")


def classify_a64(mnem, ops):
    """(kind, reason-class) from an A64 mnemonic and its operands."""
    if mnem == ".inst":
        return ("undefined", None)
    if re.search(r"\bz\d+\b|\bp\d+/|\bp\d+\b", ops) and not re.search(r"\bza", ops):
        if mnem.startswith("prf"):
            return ("other", "prefetch")
        if mnem.startswith("ld") or mnem == "ldr":
            return ("load", "sve")
        if mnem.startswith("st") or mnem == "str":
            return ("store", "sve")
        return ("other", "not_memory")
    if re.search(r"\bza|\bzt0", ops):
        if mnem.startswith("ld"):
            return ("load", "sme")
        if mnem.startswith("st"):
            return ("store", "sme")
        return ("other", "not_memory")
    if mnem in ("prfm", "prfum"):
        return ("other", "prefetch")
    if mnem == "dc" and re.match(r"^(zva|gva|gzva),", ops):
        return ("store", "dc_zero")
    if re.match(r"^(ld|st)[1-4]r?$", mnem):
        return ("load" if mnem.startswith("ld") else "store", "structure")
    if mnem in ("ld64b",):
        return ("load", "ls64")
    if mnem in ("st64b", "st64bv", "st64bv0"):
        return ("store", "ls64")
    if re.match(r"^(ld|st)a?x[rp][bh]?$|^stl?xr[bh]?$|^stl?xp$|^ldax[rp][bh]?$", mnem):
        return ("load" if mnem.startswith("ld") else "store", "exclusive")
    if re.match(r"^casp?a?l?[bh]?$", mnem) or re.match(r"^swpa?l?[bh]?$", mnem):
        return ("load", "atomic")
    m = re.match(r"^(ld|st)(%s)(a?l?)([bh]?)$" % "|".join(A64_ATOMIC_OPS), mnem)
    if m:
        return ("load" if m.group(1) == "ld" else "store", "atomic")
    if mnem in ("ldg", "ldgm"):
        return ("load", "tags")
    if mnem in ("stg", "stzg", "st2g", "stz2g", "stgm", "stzgm", "stgp"):
        return ("store", "tags")
    if mnem in ("ldraa", "ldrab"):
        return ("load", "pac")
    if re.match(r"^cpyf?[pme]", mnem):
        return ("load", "mops")
    if re.match(r"^setg?[pme]", mnem):
        return ("store", "mops")
    if re.match(r"^(ldr|ldur|ldtr|ldapur|ldapr|ldar|ldlar)(s?[bhw]?)$", mnem) or \
            mnem in ("ldp", "ldnp", "ldpsw"):
        return ("load", "ok")
    if re.match(r"^(str|stur|sttr|stlur|stlr|stllr)([bh]?)$", mnem) or mnem in ("stp", "stnp"):
        return ("store", "ok")
    return ("other", "not_memory")


def parse_a64(text, addr):
    """Objdump's view of one A64 instruction."""
    text = text.split("//")[0].split(";")[0].strip()
    if "\t" in text:
        mnem, ops = text.split("\t", 1)
    else:
        mnem, ops = text, ""
    mnem = mnem.strip()
    ops = ops.strip()
    kind, cls = classify_a64(mnem, ops)
    o = {"kind": kind, "class": cls, "mnem": mnem, "text": text}
    if cls != "ok":
        return o
    if "[" in ops:
        i = ops.index("[")
        regs = [r for r in ops[:i].split(",") if r.strip()]
        mem = ops[i:]
    else:
        parts = [p.strip() for p in ops.split(",")]
        regs, mem = parts[:-1], parts[-1]
    regs = [a64_reg(r) for r in regs]
    if any(r is None for r in regs) or not regs:
        o["parse_error"] = ops
        return o
    m = parse_mem_a64(mem, addr)
    if m is None:
        o["parse_error"] = ops
        return o
    o.update(m)
    bank = regs[0][0]
    o["bank"] = bank
    o["rt"] = regs[0][1]
    o["count"] = len(regs)
    o["rt2"] = regs[1][1] if len(regs) > 1 else None
    size = A64_BANK_SIZE[bank]
    base = re.sub(r"^(ldapur|ldur|ldtr|ldar|ldlar|ldapr|ldr|stlur|stur|sttr|stlr|stllr|str)", "",
                  mnem)
    o["sx"] = 0
    if mnem == "ldpsw":
        size, o["sx"] = 4, 1
    elif mnem not in ("ldp", "stp", "ldnp", "stnp"):
        if base.startswith("s"):
            o["sx"] = 1
            base = base[1:]
        if base in A64_SIZE_SUFFIX:
            size = A64_SIZE_SUFFIX[base]
        elif base == "w":
            size = 4
    o["size"] = size
    o["acq"] = int(mnem.startswith(("ldar", "ldlar", "ldapr", "ldapur")))
    o["rel"] = int(mnem.startswith(("stlr", "stllr", "stlur")))
    o["unpriv"] = int(mnem.startswith(("ldtr", "sttr")))
    return o


# AArch32.
def a32_reg(tok):
    tok = tok.strip()
    names = {"sp": 13, "lr": 14, "pc": 15}
    if tok in names:
        return names[tok]
    m = re.match(r"^r(\d+)$", tok)
    return int(m.group(1)) if m else None


A32_SINGLE = {
    "ldr": ("load", 4, 0), "ldrb": ("load", 1, 0), "ldrh": ("load", 2, 0),
    "ldrsb": ("load", 1, 1), "ldrsh": ("load", 2, 1), "ldrd": ("load", 4, 0),
    "str": ("store", 4, 0), "strb": ("store", 1, 0), "strh": ("store", 2, 0),
    "strd": ("store", 4, 0),
    "ldrt": ("load", 4, 0), "ldrbt": ("load", 1, 0), "ldrht": ("load", 2, 0),
    "ldrsbt": ("load", 1, 1), "ldrsht": ("load", 2, 1),
    "strt": ("store", 4, 0), "strbt": ("store", 1, 0), "strht": ("store", 2, 0),
    "lda": ("load", 4, 0), "ldab": ("load", 1, 0), "ldah": ("load", 2, 0),
    "stl": ("store", 4, 0), "stlb": ("store", 1, 0), "stlh": ("store", 2, 0),
}
A32_EXCL = {"ldrex", "ldrexb", "ldrexh", "ldrexd", "strex", "strexb", "strexh", "strexd",
            "ldaex", "ldaexb", "ldaexh", "ldaexd", "stlex", "stlexb", "stlexh", "stlexd"}


def strip_cond(mnem, known):
    if mnem in known:
        return mnem
    if len(mnem) > 2 and mnem[-2:] in CONDS and mnem[:-2] in known:
        return mnem[:-2]
    return mnem


def classify_a32(mnem):
    known = set(A32_SINGLE) | A32_EXCL | {"swp", "swpb", "pld", "pldw", "pli", "tbb", "tbh",
                                          "vldr", "vstr", "push", "pop", "vpush", "vpop"}
    base = strip_cond(mnem.split(".")[0], known)
    if base in A32_SINGLE:
        return base, A32_SINGLE[base][0], "ok"
    if base in A32_EXCL:
        return base, "load" if base.startswith("ld") else "store", "exclusive"
    if base in ("swp", "swpb"):
        return base, "load", "atomic"
    if base in ("pld", "pldw", "pli"):
        return base, "other", "prefetch"
    if base in ("tbb", "tbh"):
        return base, "load", "pc"
    if base in ("vldr",) or re.match(r"^ldc2?l?", base):
        return base, "load", "coproc"
    if base in ("vstr",) or re.match(r"^stc2?l?", base):
        return base, "store", "coproc"
    if re.match(r"^(ldm|pop|vldm|vpop|rfe|fldm)", base):
        return base, "load", "multiple"
    if re.match(r"^(stm|push|vstm|vpush|srs|fstm)", base):
        return base, "store", "multiple"
    if re.match(r"^vld[1-4]", base):
        return base, "load", "structure"
    if re.match(r"^vst[1-4]", base):
        return base, "store", "structure"
    return base, "other", "not_memory"


# binutils disassembles some encodings it knows to be invalid, marking them
# "<illegal ...>"; those are taken as undefined.
ILLEGAL_MARKS = ("<UNDEFINED>", "<illegal", "<bad", "<invalid", "??")

# Pre-Armv8 coprocessor instructions binutils still decodes (FPA, Maverick,
# iWMMXt, generic LDC/STC and the unconditional LDC2/STC2): Armv8-A AArch32
# makes every coprocessor load/store other than cp10/cp11 (SIMD&FP) and
# LDC/STC cp14 UNDEFINED (Arm ARM F5.1, "Coprocessor instructions").
LEGACY_COPROC = re.compile(r"^(cf|ldf|stf|lfm|sfm|wldr|wstr|ldc2|stc2|mcrr2|mrrc2|ldc|stc)")


# M-profile (Armv8.1-M) system-register VLDR/VSTR binutils decodes in the
# A-profile coprocessor space.
MPROFILE_VLDR = re.compile(r"^(p0|vpr|fpscr|fpcxt|fpscr_nzcvqc)", re.I)


# M-profile instructions binutils decodes in A-profile T32 encoding space:
# TT* (STREX space), CLRM (LDM with Rn = PC), VSCCLRM (VLDM with Rn = PC).
MPROFILE_ONLY = re.compile(r"^(tt|tta|ttt|ttat|clrm|vscclrm)(\.w)?$")


def legacy_coproc(mnem, ops):
    base = mnem.split(".")[0]
    if base[:4] in ("vldr", "vstr") and MPROFILE_VLDR.match(ops):
        return True
    if not LEGACY_COPROC.match(base):
        return False
    if base.startswith(("ldc", "stc")) and not base.startswith(("ldc2", "stc2")):
        return not ops.startswith("14,")
    return True


def parse_a32(text, addr, isa, word):
    text = text.strip()
    unpred = "UNPREDICTABLE" in text
    if any(m in text for m in ILLEGAL_MARKS) or text.startswith(".word") or \
            text.startswith(".short") or "undefined" in text.split("@")[0]:
        return {"kind": "undefined", "class": None, "text": text}
    body = text.split("@")[0].split(";")[0].strip()
    if "\t" in body:
        mnem, ops = body.split("\t", 1)
    else:
        mnem, ops = body, ""
    if legacy_coproc(mnem.strip(), ops.strip()):
        return {"kind": "undefined", "class": None, "text": text}
    if mnem.strip().startswith(("ldc", "stc")) and (word >> 21) & 0xD == 0:
        # P = U = W = 0 is UNDEFINED (op1 = 0000x); binutils prints LDC/STC.
        return {"kind": "undefined", "class": None, "text": text, "quirk": "ldc-puw"}
    if isa == "a32" and mnem.strip().startswith(("msr", "mrs")) and (word >> 4) & 9 == 9:
        # Extra load/store and synchronization space printed as MSR/MRS (banked).
        return {"kind": "undefined", "class": None, "text": text, "quirk": "msr-banked"}
    mnem = mnem.replace("<und>", "")  # a condition from a random IT block
    if MPROFILE_ONLY.match(mnem.strip()):
        return {"kind": "undefined", "class": None, "text": text, "quirk": "m-profile"}
    base, kind, cls = classify_a32(mnem.strip())
    o = {"kind": kind, "class": cls, "mnem": base, "text": text, "unpred": unpred}
    if cls != "ok":
        return o
    ops = ops.strip()
    i = ops.find("[")
    if i < 0:
        o["parse_error"] = ops
        return o
    regs = [a32_reg(r) for r in ops[:i].split(",") if r.strip()]
    mem = ops[i:].strip()
    if any(r is None for r in regs) or not regs:
        o["parse_error"] = ops
        return o
    k, size, sx = A32_SINGLE[base]
    o.update({"size": size, "sx": sx, "bank": "w", "rt": regs[0]})
    if base in ("ldrd", "strd"):
        o["count"] = 2
        o["rt2"] = regs[1] if len(regs) > 1 else (regs[0] + 1) & 15
    else:
        o["count"] = 1
        o["rt2"] = None
    o["acq"] = int(base in ("lda", "ldab", "ldah"))
    o["rel"] = int(base in ("stl", "stlb", "stlh"))
    o["unpriv"] = int(base.endswith("t") and base not in ("lda",))
    m = parse_mem_a32(mem)
    if m is None:
        o["parse_error"] = ops
        return o
    o.update(m)
    if o["rn"] == 15 and o["addr"] == "offset" and not o["acq"] and not o["rel"]:
        o["addr"] = "literal"
        o["rn"] = None
    return o


SHIFT_RE = r"(?:, (lsl|lsr|asr|ror) #(\d+)|, (rrx))?"


def parse_mem_a32(mem):
    m = re.match(r"^\[(\w+)\]$", mem)
    if m:
        return {"rn": a32_reg(m.group(1)), "addr": "offset", "offset": 0, "wb": 0}
    m = re.match(r"^\[(\w+)\]!$", mem)
    if m:
        return {"rn": a32_reg(m.group(1)), "addr": "pre", "offset": 0, "wb": 1}
    m = re.match(r"^\[(\w+), #(-?\d+)\](!?)$", mem)
    if m:
        wb = m.group(3) == "!"
        return {"rn": a32_reg(m.group(1)), "addr": "pre" if wb else "offset",
                "offset": int(m.group(2)), "wb": int(wb)}
    m = re.match(r"^\[(\w+)\], #(-?\d+)$", mem)
    if m:
        return {"rn": a32_reg(m.group(1)), "addr": "post", "offset": int(m.group(2)), "wb": 1}
    m = re.match(r"^\[(\w+), (-?)(\w+)" + SHIFT_RE + r"\](!?)$", mem)
    if m and a32_reg(m.group(3)) is not None:
        return reg_form(m, m.group(7) == "!", False)
    m = re.match(r"^\[(\w+)\], (-?)(\w+)" + SHIFT_RE + r"$", mem)
    if m and a32_reg(m.group(3)) is not None:
        return reg_form(m, True, True)
    return None


def reg_form(m, wb, post):
    index, amount = "lsl", 0
    if m.group(4):
        index, amount = m.group(4), int(m.group(5))
    elif m.group(6):
        index, amount = "rrx", 1
    return {"rn": a32_reg(m.group(1)), "addr": "post" if post else "register",
            "rm": a32_reg(m.group(3)),
            "sub": int(m.group(2) == "-"), "index": index, "amount": amount, "wb": int(wb),
            "post": post}


# ---------------------------------------------------------------- comparison

# Encodings binutils 2.40 does not know: (isa, mask, value, what). The decoder
# must report them as one of these extensions' forms or as not emulable; the
# fields of those it supports are checked against hand-worked vectors in the
# unit tests instead.
NEWER_THAN_BINUTILS = [
    ("a64", 0x3F200C00, 0x19000800, "FEAT_LRCPC3 LDIAPP/STILP/LDAPR/STLR, FEAT_LSCP"),
    ("a64", 0x3F200C00, 0x1D000800, "FEAT_LRCPC3 LDAPUR/STLUR (SIMD&FP)"),
    ("a64", 0xBFBF0000, 0x0D010000, "FEAT_LRCPC3 LDAP1/STL1"),
    ("a64", 0xFB800000, 0xE8800000, "FEAT_LSUI LDTP/STTP (post)"),
    ("a64", 0xFB800000, 0xE9000000, "FEAT_LSUI LDTP/STTP (offset)"),
    ("a64", 0xFB800000, 0xE9800000, "FEAT_LSUI LDTP/STTP (pre)"),
    ("a64", 0x3F000000, 0x09000000, "FEAT_LSUI exclusives and CAS"),
    ("a64", 0x3F200000, 0x19200000, "FEAT_LSE128/FEAT_THE/FEAT_LSUI atomics", 0xF0000000,
     0xD0000000),
    ("a64", 0xFFFFEC00, 0xD91F0C00, "FEAT_GCS GCSSTR/GCSSTTR"),
    ("a64", 0x3F200C00, 0x3C200000, "FEAT_LSFE atomics"),
    ("a64", 0xBF20CC00, 0x38208000, "FEAT_THE RCWCLR/RCWSWP/RCWSET (o3 = 1, opc 0xx)"),
    ("a64", 0xFE800000, 0xA0000000, "SME2 multi-vector loads/stores"),
    ("a64", 0xFE000000, 0xE0000000, "SME load/store space: SME2 forms, or unallocated"),
    ("a64", 0x00000000, 0x00000000,
     "SVE memory space: unallocated or SVE2.1 forms the decoder reports as SVE"),
]


def newer(isa, word, dec):
    for i, mask, value, what, *exclude in NEWER_THAN_BINUTILS:
        if exclude and (word & exclude[0]) == exclude[1]:
            continue
        if i == isa and (word & mask) == value:
            if what.startswith("SVE memory") and dec.get("reason") != "sve":
                continue
            return what
    return None


def int_or_none(v):
    return None if v in (None, "-") else int(v)


def vld_undefined(word):
    """VLDn/VSTn field values the Armv8 pseudocode makes UNDEFINED and binutils prints.

    Multiple structures: VLD1 with three or one registers and align<1> set, VLD2
    with align 11, VLD3 with align<1> set. To all lanes: VLD4 with size 11 and
    a = 0.
    """
    if not (word >> 23) & 1:
        itype, align = (word >> 8) & 0xF, (word >> 4) & 3
        return (itype in (4, 5, 6, 7) and align & 2) or (itype in (8, 9, 10) and align == 3)
    if (word >> 10) & 3 == 3 and (word >> 8) & 3 == 3:
        return (word >> 6) & 3 == 3 and not (word >> 4) & 1
    return False


def apply_quirks(isa, word, o, d):
    """Known binutils 2.40 mistakes; returns the quirk's name, adjusting o."""
    if isa == "a32" and o.get("unpred") and "rm" in o and o.get("wb") \
            and o.get("rm") == o.get("rt") and o.get("mnem") in (
                "ldrh", "ldrsb", "ldrsh", "strh", "strd"):
        # LDRH/LDRSB/LDRSH/STRH/STRD (register) A1: the pseudocode has no Rm == Rt rule.
        o["unpred"] = False
        return "extra-rm-rt"
    if isa == "a32" and o.get("addr") == "literal" and d["wb"] == "1" and \
            d["reason"] == "unpredictable":
        # (literal) A1 with W = 1 printed without "!": UNPREDICTABLE, fields differ.
        o["class"] = "unpredictable-literal"
        return "literal-writeback"
    if isa != "a64" and o.get("class") == "structure" and d["reason"] == "unallocated" and \
            vld_undefined(word):
        o["kind"] = "undefined"
        return "vld-undefined"
    if isa == "a32" and o.get("class") == "prefetch" and \
            re.search(r", (lsl|lsr|asr|ror) r\d+(\]|\s|$)", o["text"]):
        # PLD/PLI have no register-shifted-register form (bit 4 = 1 is unallocated).
        o["kind"] = "undefined"
        return "pld-regshift"
    if isa == "t32" and o.get("unpriv") and d["addr"] == "literal" and \
            o.get("addr") == "literal":
        # Literal loads hold imm12 in hw2[11:0]; binutils reads hw2[11:8] = 1110 as LDRT.
        o["unpriv"] = 0
        return "t32-literal-t"
    if isa == "t32" and (word & 0xFE000000) == 0xF8000000 and ((word >> 16) & 0xF) == 15 and \
            not ((word >> 20) & 1) and not ((word >> 24) & 1) and o.get("kind") == "store":
        # STR/STRB/STRH (T32) with Rn = PC are UNDEFINED; binutils prints them.
        o["kind"] = "undefined"
        return "t32-store-pc"
    if isa == "t32" and (word & 0xFE000000) == 0xF8000000 and not ((word >> 23) & 1) and \
            not ((word >> 24) & 1 and not (word >> 20) & 1) and \
            not ((word >> 11) & 1) and (word >> 6) & 0x1F and ((word >> 16) & 0xF) != 15:
        # Register forms need hw2[10:6] = 00000; binutils ignores those bits.
        o["kind"] = "undefined"
        return "t32-reg-sbz"
    if isa == "t32" and o.get("mnem") in ("pld", "pldw", "pli") and (word >> 11) & 1 and \
            (word >> 8) & 7 != 4 and d["reason"] == "unpredictable":
        # LDRB/LDRSB/LDRH (imm8) with Rt = PC and writeback, or their unprivileged
        # forms: UNPREDICTABLE, printed as PLD/PLI.
        o["kind"], o["class"] = "load", "unpredictable-literal"
        return "t32-pld-writeback"
    if isa == "t32" and o.get("mnem") in ("ldrh", "ldrsh", "ldrht", "ldrsht") and \
            o.get("rt") == 15 and \
            d["reason"] == "prefetch":
        # LDRH/LDRSH (T32) with Rt = PC are the unallocated memory hints (NOPs).
        o["kind"], o["class"] = "other", "prefetch"
        return "t32-hint"
    if isa == "t32" and o.get("mnem") in ("ldrd", "strd") and o.get("addr") == "offset" and \
            o.get("offset") == 0 and d["addr"] == "pre" and d["offset"] == "0":
        # LDRD/STRD pre-index by #+0 is printed without "!".
        o["addr"], o["wb"] = "pre", 1
        return "t32-ldrd-pre0"
    return o.get("quirk")


def compare(isa, o, d):
    """Return a list of disagreements (empty when the two views agree)."""
    errs = []
    reason = d["reason"]
    emulable = reason == "ok"
    if o["kind"] == "undefined":
        if emulable:
            errs.append("objdump: undefined, decoder: emulable")
        elif reason not in ("unallocated", "unpredictable", "not_memory") and \
                not newer(isa, d["word"], d):
            errs.append("objdump: undefined, decoder: %s %s" % (d["kind"], reason))
        return errs
    if d["kind"] != o["kind"]:
        errs.append("kind: objdump %s, decoder %s" % (o["kind"], d["kind"]))
    if o.get("unpred") and emulable:
        errs.append("objdump: UNPREDICTABLE, decoder: emulable")
    cls = o["class"]
    if cls == "unpredictable-literal":
        return errs
    if cls == "ok":
        if reason not in ("ok", "unpredictable", "pc"):
            errs.append("objdump: plain load/store, decoder: %s" % reason)
    elif cls == "not_memory":
        if reason not in ("not_memory",):
            errs.append("objdump: not memory (%s), decoder: %s" % (o["mnem"], reason))
    elif reason != cls and reason != "unpredictable":
        # UNPREDICTABLE refines any class: binutils flags only some such forms.
        errs.append("class: objdump %s (%s), decoder %s" % (cls, o["mnem"], reason))
    if reason == "unpredictable" and (d["rn"] in ("15", "-") and isa != "a64"):
        return errs  # UNPREDICTABLE uses of the PC as base: only the class is compared
    if cls != "ok" or "parse_error" in o or reason not in ("ok", "unpredictable", "pc"):
        if "parse_error" in o:
            errs.append("objdump operands not parsed: %s" % o["parse_error"])
        return errs
    checks = [
        ("size", o["size"], int(d["size"])),
        ("count", o["count"], int(d["count"])),
        ("bank", o["bank"], d["bank"]),
        ("rt", o["rt"], int_or_none(d["rt"])),
        ("sign_extend", o["sx"], int(d["sx"])),
        ("addressing", o["addr"], d["addr"]),
        ("writeback", o["wb"], int(d["wb"])),
        ("acquire", o["acq"], int(d["acq"])),
        ("release", o["rel"], int(d["rel"])),
        ("unprivileged", o["unpriv"], int(d["unpriv"])),
    ]
    if o["count"] == 2:
        checks.append(("rt2", o["rt2"], int_or_none(d["rt2"])))
    if o["addr"] != "literal":
        checks.append(("rn", o["rn"], int_or_none(d["rn"])))
    if "rm" in o:
        checks += [("rm", o["rm"], int_or_none(d["rm"])), ("index", o["index"], d["index"]),
                   ("amount", o["amount"], int(d["amount"]))]
        if isa != "a64":
            checks.append(("subtract", o["sub"], int(d["sub"])))
    else:
        checks.append(("offset", o["offset"], int(d["offset"])))
    for name, a, b in checks:
        if a != b:
            errs.append("%s: objdump %s, decoder %s" % (name, a, b))
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", required=True, help="the mmio_dump program")
    ap.add_argument("--count", type=int, default=1500, help="words per encoding class")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--max-report", type=int, default=40)
    ap.add_argument("--only", default=None, help="ISA:class to test alone")
    args = ap.parse_args()
    for tool in (OBJDUMP_A64, OBJDUMP_ARM):
        if not shutil.which(tool):
            print("%s not installed" % tool)
            return 77
    seed = args.seed if args.seed is not None else random.SystemRandom().getrandbits(32)
    rng = random.Random(seed)
    print("seed %d, %d words per class" % (seed, args.count))
    total_bad = 0
    for isa, classes in (("a64", A64_CLASSES), ("a32", A32_CLASSES), ("t32", T32_CLASSES)):
        if args.only:
            oisa, ocls = args.only.split(":")
            if oisa != isa:
                continue
            classes = [c for c in classes if c[0] == ocls]
        gen = gen_words(isa, classes, args.count, rng)
        words = [w for _, w in gen]
        ods = run_objdump(isa, words)
        decs = run_dump(args.dump, isa, words)
        stats = {}
        bad = 0
        for (cname, w), (off, text), d in zip(gen, ods, decs):
            if isa == "a64":
                o = parse_a64(text, off)
            else:
                o = parse_a32(text, off, isa, w)
            st = stats.setdefault(cname, [0, 0, 0, 0, 0])
            st[0] += 1
            if o["kind"] == "undefined" and newer(isa, w, d):
                st[2] += 1
                continue
            if apply_quirks(isa, w, o, d):
                st[4] += 1
            errs = compare(isa, o, d)
            if d["reason"] == "ok":
                st[3] += 1
            if errs:
                bad += 1
                st[1] += 1
                if bad <= args.max_report:
                    print("%s %08x [%s] objdump '%s'\n    decoder %s\n    %s" % (
                        isa, w, cname, o["text"],
                        " ".join("%s=%s" % kv for kv in d.items() if kv[0] not in ("isa", "word")),
                        "; ".join(errs)))
        for cname, (n, nbad, nnew, nok, nquirk) in stats.items():
            print("%s %-20s %6d words, %5d emulable, %5d newer than binutils, %4d binutils "
                  "quirks, %d disagree" % (isa, cname, n, nok, nnew, nquirk, nbad))
        total_bad += bad
    print("disagreements: %d" % total_bad)
    return 1 if total_bad else 0


if __name__ == "__main__":
    sys.exit(main())

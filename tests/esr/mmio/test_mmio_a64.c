/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A64 decoder, per encoding class and addressing mode. The words come from the
 * GNU assembler (binutils 2.40) assembling the text shown, or, for extensions
 * newer than binutils, from LLVM's MC test encodings (llvm/test/MC/AArch64,
 * armv8.9a-lrcpc3.s, armv9.6a-lsui.s, the FEAT_THE tests) and the Arm A64 ISA
 * XML (FEAT_LSCP, FEAT_GCS);
 * the expected descriptions are worked out by hand from that text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "mmio_test.h"

/* Words assembled by GNU as from the text. */
static const struct mmio_vector gas_vectors[] = {
	{ 0xf9400020, "ldr x0, [x1]", "load ok 8x1 x t=0 n=1 offset:0" },
	{ 0xb94ffc62, "ldr w2, [x3, #4092]", "load ok 4x1 w t=2 n=3 offset:4092" },
	{ 0x397ffca4, "ldrb w4, [x5, #4095]", "load ok 1x1 w t=4 n=5 offset:4095" },
	{ 0x797fffe6, "ldrh w6, [sp, #8190]", "load ok 2x1 w t=6 n=31 offset:8190" },
	{ 0xf97ffd07, "ldr x7, [x8, #32760]", "load ok 8x1 x t=7 n=8 offset:32760" },
	{ 0x39800549, "ldrsb x9, [x10, #1]", "load ok 1x1 x t=9 n=10 offset:1 sx" },
	{ 0x39c00549, "ldrsb w9, [x10, #1]", "load ok 1x1 w t=9 n=10 offset:1 sx" },
	{ 0x7980058b, "ldrsh x11, [x12, #2]", "load ok 2x1 x t=11 n=12 offset:2 sx" },
	{ 0x79c0058b, "ldrsh w11, [x12, #2]", "load ok 2x1 w t=11 n=12 offset:2 sx" },
	{ 0xb98005cd, "ldrsw x13, [x14, #4]", "load ok 4x1 x t=13 n=14 offset:4 sx" },
	{ 0xf90005ff, "str xzr, [x15, #8]", "store ok 8x1 x t=31 n=15 offset:8" },
	{ 0x390003ff, "strb wzr, [sp]", "store ok 1x1 w t=31 n=31 offset:0" },
	{ 0x79000630, "strh w16, [x17, #2]", "store ok 2x1 w t=16 n=17 offset:2" },
	{ 0xf8500272, "ldur x18, [x19, #-256]", "load ok 8x1 x t=18 n=19 offset:-256" },
	{ 0xb80ff2b4, "stur w20, [x21, #255]", "store ok 4x1 w t=20 n=21 offset:255" },
	{ 0xb89ff2f6, "ldursw x22, [x23, #-1]", "load ok 4x1 x t=22 n=23 offset:-1 sx" },
	{ 0xf85f8c20, "ldr x0, [x1, #-8]!", "load ok 8x1 x t=0 n=1 pre:-8 wb" },
	{ 0xb84ff420, "ldr w0, [x1], #255", "load ok 4x1 w t=0 n=1 post:255 wb" },
	{ 0xf81f0ffe, "str x30, [sp, #-16]!", "store ok 8x1 x t=30 n=31 pre:-16 wb" },
	{ 0x789fe462, "ldrsh x2, [x3], #-2", "load ok 2x1 x t=2 n=3 post:-2 sx wb" },
	{ 0xf85fc8a4, "ldtr x4, [x5, #-4]", "load ok 8x1 x t=4 n=5 offset:-4 unpriv" },
	{ 0x380038e6, "sttrb w6, [x7, #3]", "store ok 1x1 w t=6 n=7 offset:3 unpriv" },
	{ 0xb8800928, "ldtrsw x8, [x9]", "load ok 4x1 x t=8 n=9 offset:0 sx unpriv" },
	{ 0xf8626820, "ldr x0, [x1, x2]", "load ok 8x1 x t=0 n=1 register:m=2,lsl#0" },
	{ 0xf8627820, "ldr x0, [x1, x2, lsl #3]", "load ok 8x1 x t=0 n=1 register:m=2,lsl#3" },
	{ 0xb8624820, "ldr w0, [x1, w2, uxtw]", "load ok 4x1 w t=0 n=1 register:m=2,uxtw#0" },
	{ 0xb8625820, "ldr w0, [x1, w2, uxtw #2]", "load ok 4x1 w t=0 n=1 register:m=2,uxtw#2" },
	{ 0x7862d820, "ldrh w0, [x1, w2, sxtw #1]", "load ok 2x1 w t=0 n=1 register:m=2,sxtw#1" },
	{ 0x38a2e820, "ldrsb x0, [x1, x2, sxtx]", "load ok 1x1 x t=0 n=1 register:m=2,sxtx#0 sx" },
	{ 0x3ca2f820, "str q0, [x1, x2, sxtx #4]", "store ok 16x1 q t=0 n=1 register:m=2,sxtx#4" },
	{ 0x3d7ffc20, "ldr b0, [x1, #4095]", "load ok 1x1 b t=0 n=1 offset:4095" },
	{ 0x7d7ffc41, "ldr h1, [x2, #8190]", "load ok 2x1 h t=1 n=2 offset:8190" },
	{ 0xbd7ffc62, "ldr s2, [x3, #16380]", "load ok 4x1 s t=2 n=3 offset:16380" },
	{ 0xfd7ffc83, "ldr d3, [x4, #32760]", "load ok 8x1 d t=3 n=4 offset:32760" },
	{ 0x3dfffca4, "ldr q4, [x5, #65520]", "load ok 16x1 q t=4 n=5 offset:65520" },
	{ 0x3c900fff, "str q31, [sp, #-256]!", "store ok 16x1 q t=31 n=31 pre:-256 wb" },
	{ 0x3cc104c5, "ldr q5, [x6], #16", "load ok 16x1 q t=5 n=6 post:16 wb" },
	{ 0x3cdff107, "ldur q7, [x8, #-1]", "load ok 16x1 q t=7 n=8 offset:-1" },
	{ 0x587fffe0, "ldr x0, .+1048572", "load ok 8x1 x t=0 lit:1048572" },
	{ 0x18800001, "ldr w1, .-1048576", "load ok 4x1 w t=1 lit:-1048576" },
	{ 0x98000022, "ldrsw x2, .+4", "load ok 4x1 x t=2 lit:4 sx" },
	{ 0x9cffffe3, "ldr q3, .-4", "load ok 16x1 q t=3 lit:-4" },
	{ 0x5c000004, "ldr d4, .", "load ok 8x1 d t=4 lit:0" },
	{ 0x1c000045, "ldr s5, .+8", "load ok 4x1 s t=5 lit:8" },
	{ 0xa95f8440, "ldp x0, x1, [x2, #504]", "load ok 8x2 x t=0,1 n=2 offset:504" },
	{ 0x29600440, "ldp w0, w1, [x2, #-256]", "load ok 4x2 w t=0,1 n=2 offset:-256" },
	{ 0xa9bf7bfd, "stp x29, x30, [sp, #-16]!", "store ok 8x2 x t=29,30 n=31 pre:-16 wb" },
	{ 0xa8c110a3, "ldp x3, x4, [x5], #16", "load ok 8x2 x t=3,4 n=5 post:16 wb" },
	{ 0x697f1d06, "ldpsw x6, x7, [x8, #-8]", "load ok 4x2 x t=6,7 n=8 offset:-8 sx" },
	{ 0xa840a969, "ldnp x9, x10, [x11, #8]", "load ok 8x2 x t=9,10 n=11 offset:8" },
	{ 0x280035cc, "stnp w12, w13, [x14]", "store ok 4x2 w t=12,13 n=14 offset:0" },
	{ 0xad5f8440, "ldp q0, q1, [x2, #1008]", "load ok 16x2 q t=0,1 n=2 offset:1008" },
	{ 0x6ca00c82, "stp d2, d3, [x4], #-512", "store ok 8x2 d t=2,3 n=4 post:-512 wb" },
	{ 0x2de014c4, "ldp s4, s5, [x6, #-256]!", "load ok 4x2 s t=4,5 n=6 pre:-256 wb" },
	{ 0xac601d06, "ldnp q6, q7, [x8, #-1024]", "load ok 16x2 q t=6,7 n=8 offset:-1024" },
	{ 0xc8dffc20, "ldar x0, [x1]", "load ok 8x1 x t=0 n=1 offset:0 acq" },
	{ 0x08dffc62, "ldarb w2, [x3]", "load ok 1x1 w t=2 n=3 offset:0 acq" },
	{ 0x489fffe4, "stlrh w4, [sp]", "store ok 2x1 w t=4 n=31 offset:0 rel" },
	{ 0x88df7cc5, "ldlar w5, [x6]", "load ok 4x1 w t=5 n=6 offset:0 acq" },
	{ 0xc89f7d07, "stllr x7, [x8]", "store ok 8x1 x t=7 n=8 offset:0 rel" },
	{ 0xf8bfc149, "ldapr x9, [x10]", "load ok 8x1 x t=9 n=10 offset:0 acq" },
	{ 0x38bfc18b, "ldaprb w11, [x12]", "load ok 1x1 w t=11 n=12 offset:0 acq" },
	{ 0x995001cd, "ldapur w13, [x14, #-256]", "load ok 4x1 w t=13 n=14 offset:-256 acq" },
	{ 0x198ff20f, "ldapursb x15, [x16, #255]", "load ok 1x1 x t=15 n=16 offset:255 sx acq" },
	{ 0x59c00251, "ldapursh w17, [x18]", "load ok 2x1 w t=17 n=18 offset:0 sx acq" },
	{ 0x999fc293, "ldapursw x19, [x20, #-4]", "load ok 4x1 x t=19 n=20 offset:-4 sx acq" },
	{ 0xd90072d5, "stlur x21, [x22, #7]", "store ok 8x1 x t=21 n=22 offset:7 rel" },
	{ 0x19000317, "stlurb w23, [x24]", "store ok 1x1 w t=23 n=24 offset:0 rel" },
	{ 0xc85f7c20, "ldxr x0, [x1]", "load exclusive 8x1 x t=0 n=1 offset:0 excl" },
	{ 0xc8027c83, "stxr w2, x3, [x4]", "store exclusive 8x1 x t=3 n=4 offset:0 s=2 excl" },
	{ 0xc87f98e5, "ldaxp x5, x6, [x7]", "load exclusive 8x2 x t=5,6 n=7 offset:0 acq excl" },
	{ 0xc828a969, "stlxp w8, x9, x10, [x11]",
	  "store exclusive 8x2 x t=9,10 n=11 offset:0 s=8 rel excl" },
	{ 0xc8a07c41, "cas x0, x1, [x2]", "load atomic 8x1 x t=1 n=2 offset:0 s=0" },
	{ 0x48207c82, "casp x0, x1, x2, x3, [x4]", "load atomic 8x2 x t=2,3 n=4 offset:0 s=0" },
	{ 0xb82500e6, "ldadd w5, w6, [x7]", "load atomic 4x1 w t=6 n=7 offset:0 s=5" },
	{ 0xb828013f, "stadd w8, [x9]", "store atomic 4x1 w t=31 n=9 offset:0 s=8" },
	{ 0xf8ea818b, "swpal x10, x11, [x12]",
	  "load atomic 8x1 x t=11 n=12 offset:0 s=10 acq rel" },
	{ 0xf83fd020, "ld64b x0, [x1]", "load ls64 8x8 x t=0 n=1 offset:0" },
	{ 0xf83f9062, "st64b x2, [x3]", "store ls64 8x8 x t=2 n=3 offset:0" },
	{ 0xf826b0a4, "st64bv x6, x4, [x5]", "store ls64 8x8 x t=4 n=5 offset:0 s=6" },
	{ 0x4c407020, "ld1 {v0.16b}, [x1]", "load structure" },
	{ 0x4c9f8840, "st2 {v0.4s, v1.4s}, [x2], #32", "store structure" },
	{ 0x0d40c083, "ld1r {v3.8b}, [x4]", "load structure" },
	{ 0x4d403ca0, "ld3 {v0.b-v2.b}[15], [x5]", "load structure" },
	{ 0xf9800000, "prfm pldl1keep, [x0]", "other prefetch" },
	{ 0xf8a16800, "prfm pldl1keep, [x0, x1]", "other prefetch" },
	{ 0xf89ff003, "prfum pldl2strm, [x0, #-1]", "other prefetch" },
	{ 0xd800004c, "prfm plil3keep, .+8", "other prefetch" },
	{ 0xf8600420, "ldraa x0, [x1, #-4096]", "load pac 8x1 x t=0 n=1 offset:-4096" },
	{ 0xf8bffc62, "ldrab x2, [x3, #4088]!", "load pac 8x1 x t=2 n=3 pre:4088 wb" },
	{ 0xd9601020, "ldg x0, [x1, #16]", "load tags" },
	{ 0xd93ffc62, "stg x2, [x3, #-16]!", "store tags" },
	{ 0x690114c4, "stgp x4, x5, [x6, #32]", "store tags 8x2 x t=4,5 n=6 offset:32" },
	{ 0x19010440, "cpyfp [x0]!, [x1]!, x2!", "load mops" },
	{ 0x19c20420, "setp [x0]!, x1!, x2", "store mops" },
	{ 0xd50b7420, "dc zva, x0", "store dc_zero" },
	{ 0xd50b7e21, "dc civac, x1", "other not_memory" },
	{ 0xd503201f, "nop", "other not_memory" },
	{ 0x8b020020, "add x0, x1, x2", "other not_memory" },
	{ 0xa5e0a000, "ld1d {z0.d}, p0/z, [x0]", "load sve" },
	{ 0xe541e441, "st1w {z1.s}, p1, [x2, #1, mul vl]", "store sve" },
	{ 0x85c00000, "prfb pldl1keep, p0, [x0]", "other prefetch" },
	{ 0x85804062, "ldr z2, [x3]", "load sve" },
	{ 0xe0010000, "ld1b {za0h.b[w12, 0]}, p0/z, [x0, x1]", "load sme" },
	{ 0xe1000000, "ldr za[w12, 0], [x0]", "load sme" },
};

/* FEAT_LRCPC3, FEAT_LSUI, FEAT_LSCP: encodings from LLVM's MC tests and the ISA XML. */
static const struct mmio_vector newer_vectors[] = {
	{ 0x99000a18, "stilp w24, w0, [x16, #-8]!",
	  "store ok 4x2 w t=24,0 n=16 pre:-8 wb rel desc" },
	{ 0xd9010a39, "stilp x25, x1, [x17, #-16]!",
	  "store ok 8x2 x t=25,1 n=17 pre:-16 wb rel desc" },
	{ 0x99021a5a, "stilp w26, w2, [x18]", "store ok 4x2 w t=26,2 n=18 offset:0 rel" },
	{ 0xd9031bfb, "stilp x27, x3, [sp]", "store ok 8x2 x t=27,3 n=31 offset:0 rel" },
	{ 0x99440a9c, "ldiapp w28, w4, [x20], #8", "load ok 4x2 w t=28,4 n=20 post:8 wb acq" },
	{ 0xd9450abd, "ldiapp x29, x5, [x21], #16", "load ok 8x2 x t=29,5 n=21 post:16 wb acq" },
	{ 0x99461bfe, "ldiapp w30, w6, [sp]", "load ok 4x2 w t=30,6 n=31 offset:0 acq" },
	{ 0xd9471aff, "ldiapp xzr, x7, [x23]", "load ok 8x2 x t=31,7 n=23 offset:0 acq" },
	{ 0x998009e3, "stlr w3, [x15, #-4]!", "store ok 4x1 w t=3 n=15 pre:-4 wb rel" },
	{ 0xd98009e3, "stlr x3, [x15, #-8]!", "store ok 8x1 x t=3 n=15 pre:-8 wb rel" },
	{ 0xd9800be3, "stlr x3, [sp, #-8]!", "store ok 8x1 x t=3 n=31 pre:-8 wb rel" },
	{ 0x99c00be3, "ldapr w3, [sp], #4", "load ok 4x1 w t=3 n=31 post:4 wb acq" },
	{ 0xd9c009e3, "ldapr x3, [x15], #8", "load ok 8x1 x t=3 n=15 post:8 wb acq" },
	{ 0x1d1ff9e3, "stlur b3, [x15, #-1]", "store ok 1x1 b t=3 n=15 offset:-1 rel" },
	{ 0x5d0029e3, "stlur h3, [x15, #2]", "store ok 2x1 h t=3 n=15 offset:2 rel" },
	{ 0x9d1fd9e3, "stlur s3, [x15, #-3]", "store ok 4x1 s t=3 n=15 offset:-3 rel" },
	{ 0xdd004be3, "stlur d3, [sp, #4]", "store ok 8x1 d t=3 n=31 offset:4 rel" },
	{ 0x1d9fb9e3, "stlur q3, [x15, #-5]", "store ok 16x1 q t=3 n=15 offset:-5 rel" },
	{ 0x1d4069e3, "ldapur b3, [x15, #6]", "load ok 1x1 b t=3 n=15 offset:6 acq" },
	{ 0x5d5f99e3, "ldapur h3, [x15, #-7]", "load ok 2x1 h t=3 n=15 offset:-7 acq" },
	{ 0x9d4089e3, "ldapur s3, [x15, #8]", "load ok 4x1 s t=3 n=15 offset:8 acq" },
	{ 0xdd5f79e3, "ldapur d3, [x15, #-9]", "load ok 8x1 d t=3 n=15 offset:-9 acq" },
	{ 0x1dc0abe3, "ldapur q3, [sp, #10]", "load ok 16x1 q t=3 n=31 offset:10 acq" },
	{ 0x0d0185e3, "stl1 {v3.d}[0], [x15]", "store structure" },
	{ 0x4d4185e3, "ldap1 {v3.d}[1], [x15]", "load structure" },
	{ 0xe95ff455, "ldtp x21, x29, [x2, #504]", "load ok 8x2 x t=21,29 n=2 offset:504 unpriv" },
	{ 0xe9605c76, "ldtp x22, x23, [x3, #-512]",
	  "load ok 8x2 x t=22,23 n=3 offset:-512 unpriv" },
	{ 0xe88117e3, "sttp x3, x5, [sp], #16", "store ok 8x2 x t=3,5 n=31 post:16 wb unpriv" },
	{ 0xe98097e3, "sttp x3, x5, [sp, #8]!", "store ok 8x2 x t=3,5 n=31 pre:8 wb unpriv" },
	{ 0xed1fcff1, "sttp q17, q19, [sp, #1008]",
	  "store ok 16x2 q t=17,19 n=31 offset:1008 unpriv" },
	{ 0xece07437, "ldtp q23, q29, [x1], #-1024",
	  "load ok 16x2 q t=23,29 n=1 post:-1024 wb unpriv" },
	{ 0xc95f7fe9, "ldtxr x9, [sp]", "load exclusive 8x1 x t=9 n=31 offset:0 excl unpriv" },
	{ 0xc9057ce6, "sttxr w5, x6, [x7]",
	  "store exclusive 8x1 x t=6 n=7 offset:0 s=5 excl unpriv" },
	{ 0xc9807c41, "cast x0, x1, [x2]", "load atomic 8x1 x t=1 n=2 offset:0 s=0 unpriv" },
	{ 0x192784bf, "swpt w7, wzr, [x5]", "load atomic" },
	{ 0x38209081, "rcwclr x0, x1, [x4]", "load atomic 8x1 x t=1 n=4 offset:0 s=0" },
	{ 0x3823b3e5, "rcwset x3, x5, [sp]", "load atomic 8x1 x t=5 n=31 offset:0 s=3" },
	{ 0x78e09081, "rcwsclral x0, x1, [x4]", "load atomic 8x1 x t=1 n=4 offset:0 s=0 acq rel" },
	{ 0x19200881, "rcwcas x0, x1, [x4]", "load atomic" },
	{ 0x19209081, "rcwclrp x1, x0, [x4]", "load atomic" },
	{ 0xd9025861, "stlp x1, x2, [x3]", "store ok 8x2 x t=1,2 n=3 offset:0 rel" },
	{ 0xd9425861, "ldap x1, x2, [x3]", "load ok 8x2 x t=1,2 n=3 offset:0 acq" },
	{ 0xd91f0c20, "gcsstr x0, [x1]", "store gcs 8x1 x t=0 n=1 offset:0" },
	{ 0xd91f1c20, "gcssttr x0, [x1]", "store gcs 8x1 x t=0 n=1 offset:0 unpriv" },
};

/* CONSTRAINED UNPREDICTABLE overlaps and unallocated encodings, worked by hand. */
static const struct mmio_vector edge_vectors[] = {
	{ 0xf8408c00, "ldr x0, [x0, #8]!", "load unpredictable 8x1 x t=0 n=0 pre:8 wb" },
	{ 0xf8008400, "str x0, [x0], #8", "store unpredictable 8x1 x t=0 n=0 post:8 wb" },
	{ 0xf8408fff, "ldr xzr, [sp, #8]!", "load ok 8x1 x t=31 n=31 pre:8 wb" },
	{ 0xa9400441, "ldp x1, x1, [x2]", "load unpredictable 8x2 x t=1,1 n=2 offset:0" },
	{ 0xa8c10c42, "ldp x2, x3, [x2], #16", "load unpredictable 8x2 x t=2,3 n=2 post:16 wb" },
	{ 0xad400441, "ldp q1, q1, [x2]", "load unpredictable 16x2 q t=1,1 n=2 offset:0" },
	{ 0xa9000441, "stp x1, x1, [x2]", "store ok 8x2 x t=1,1 n=2 offset:0" },
	{ 0x3c810441, "str q1, [x2], #16 (SIMD: no overlap)",
	  "store ok 16x1 q t=1 n=2 post:16 wb" },
	{ 0xc8c0fc20, "ldar x0, [x1] with Rs = 0",
	  "load unpredictable 8x1 x t=0 n=1 offset:0 acq" },
	{ 0xf8a0c149, "ldapr x9, [x10] with Rs = 0",
	  "load unpredictable 8x1 x t=9 n=10 offset:0 acq" },
	{ 0xf83fc149, "ldapr x9, [x10] without A", "other unallocated" },
	{ 0xf8620820, "ldr x0, [x1, x2] with option 000", "other unallocated" },
	{ 0xb8c00420, "ldrsw w0, [x1], #0 (opc 11, size 10)", "other unallocated" },
	{ 0xe8400000, "no-allocate pair, opc 11", "other unallocated" },
	{ 0x7c800000, "SIMD&FP, size 01, opc 10", "other unallocated" },
	{ 0x3c000800, "unprivileged SIMD&FP", "other unallocated" },
	{ 0xf8800c00, "prfm, pre-indexed", "other unallocated" },
	{ 0x00000000, "udf #0", "other not_memory" },
	{ 0x14000000, "b .", "other not_memory" },
};

static void test_gas_vectors(void **state)
{
	(void)state;
	assert_int_equal(mmio_check_vectors(ARMVIRT_MMIO_ISA_A64, gas_vectors,
					    sizeof(gas_vectors) / sizeof(gas_vectors[0])),
			 0);
}

static void test_newer_vectors(void **state)
{
	(void)state;
	assert_int_equal(mmio_check_vectors(ARMVIRT_MMIO_ISA_A64, newer_vectors,
					    sizeof(newer_vectors) / sizeof(newer_vectors[0])),
			 0);
}

static void test_edge_vectors(void **state)
{
	(void)state;
	assert_int_equal(mmio_check_vectors(ARMVIRT_MMIO_ISA_A64, edge_vectors,
					    sizeof(edge_vectors) / sizeof(edge_vectors[0])),
			 0);
}

static void test_description_fields(void **state)
{
	struct armvirt_mmio_insn d;

	(void)state;
	/* ldp x3, x4, [x5], #16 */
	assert_int_equal(armvirt_mmio_decode_a64(0xa8c110a3, &d), 0);
	assert_int_equal(d.insn, 0xa8c110a3);
	assert_int_equal(d.isa, ARMVIRT_MMIO_ISA_A64);
	assert_int_equal(d.len, 4);
	assert_int_equal(d.rm, ARMVIRT_MMIO_NOREG);
	assert_int_equal(d.rs, ARMVIRT_MMIO_NOREG);
	assert_int_equal(d.index, ARMVIRT_MMIO_INDEX_NONE);
	/* nop: nothing described */
	assert_int_equal(armvirt_mmio_decode_a64(0xd503201f, &d), 0);
	assert_int_equal(d.kind, ARMVIRT_MMIO_KIND_OTHER);
	assert_int_equal(d.size, 0);
	assert_int_equal(d.count, 0);
	assert_int_equal(d.rt, ARMVIRT_MMIO_NOREG);
	assert_int_equal(d.rn, ARMVIRT_MMIO_NOREG);
	assert_int_equal(d.addressing, ARMVIRT_MMIO_ADDR_NONE);
	assert_int_equal(armvirt_mmio_decode_a64(0xf9400020, NULL), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_mmio_decode(ARMVIRT_MMIO_ISA_ESR, 0xf9400020, &d), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_mmio_decode(7, 0xf9400020, &d), ARMVIRT_EINVAL);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(armvirt_mmio_reason_name(ARMVIRT_MMIO_OK), "ok");
	assert_string_equal(armvirt_mmio_reason_name(ARMVIRT_MMIO_S1PTW), "s1ptw");
	assert_string_equal(armvirt_mmio_reason_name(ARMVIRT_MMIO_REASON_COUNT), "invalid");
	assert_string_equal(armvirt_mmio_reason_text(ARMVIRT_MMIO_REASON_COUNT), "invalid reason");
	for (unsigned r = 0; r < ARMVIRT_MMIO_REASON_COUNT; r++) {
		assert_string_not_equal(armvirt_mmio_reason_name(r), "invalid");
		assert_string_not_equal(armvirt_mmio_reason_text(r), "invalid reason");
		for (unsigned s = r + 1; s < ARMVIRT_MMIO_REASON_COUNT; s++)
			assert_string_not_equal(armvirt_mmio_reason_name(r),
						armvirt_mmio_reason_name(s));
	}
	assert_string_equal(armvirt_mmio_isa_name(ARMVIRT_MMIO_ISA_T32), "t32");
	assert_string_equal(armvirt_mmio_isa_name(ARMVIRT_MMIO_ISA_COUNT), "invalid");
	assert_string_equal(armvirt_mmio_kind_name(ARMVIRT_MMIO_KIND_STORE), "store");
	assert_string_equal(armvirt_mmio_kind_name(3), "invalid");
	assert_string_equal(armvirt_mmio_bank_name(ARMVIRT_MMIO_BANK_Q), "q");
	assert_string_equal(armvirt_mmio_bank_name(8), "invalid");
	assert_string_equal(armvirt_mmio_addressing_name(ARMVIRT_MMIO_ADDR_LITERAL), "literal");
	assert_string_equal(armvirt_mmio_addressing_name(6), "invalid");
	assert_string_equal(armvirt_mmio_index_name(ARMVIRT_MMIO_INDEX_RRX), "rrx");
	assert_string_equal(armvirt_mmio_index_name(9), "invalid");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gas_vectors),  cmocka_unit_test(test_newer_vectors),
		cmocka_unit_test(test_edge_vectors), cmocka_unit_test(test_description_fields),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests_name("mmio-a64", tests, NULL, NULL);
}

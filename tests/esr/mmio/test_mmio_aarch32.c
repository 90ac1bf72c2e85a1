/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A32 and T32 decoders, per encoding class and addressing mode. The words
 * come from the GNU assembler (binutils 2.40, -march=armv8-a) assembling the
 * text shown (objdump -M reg-names-raw spelling), or are hand-encoded where
 * the assembler refuses an UNPREDICTABLE form; the expected descriptions are
 * worked out by hand from that text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <armvirt/err.h>

#include "mmio_test.h"

static const struct mmio_vector a32_vectors[] = {
	{ 0xe5910000, "ldr r0, [r1]", "load ok 4x1 w t=0 n=1 offset:0" },
	{ 0xe5932fff, "ldr r2, [r3, #4095]", "load ok 4x1 w t=2 n=3 offset:4095" },
	{ 0xe5154fff, "ldr r4, [r5, #-4095]", "load ok 4x1 w t=4 n=5 offset:-4095" },
	{ 0xe5d76001, "ldrb r6, [r7, #1]", "load ok 1x1 w t=6 n=7 offset:1" },
	{ 0xe5298008, "str r8, [r9, #-8]!", "store ok 4x1 w t=8 n=9 pre:-8 wb" },
	{ 0xe4cba00c, "strb r10, [r11], #12", "store ok 1x1 w t=10 n=11 post:12 wb" },
	{ 0xe4110004, "ldr r0, [r1], #-4", "load ok 4x1 w t=0 n=1 post:-4 wb" },
	{ 0xe7910002, "ldr r0, [r1, r2]", "load ok 4x1 w t=0 n=1 register:m=2,lsl#0" },
	{ 0xe7110102, "ldr r0, [r1, -r2, lsl #2]", "load ok 4x1 w t=0 n=1 register:m=2,lsl#2 sub" },
	{ 0xe7910022, "ldr r0, [r1, r2, lsr #32]", "load ok 4x1 w t=0 n=1 register:m=2,lsr#32" },
	{ 0xe7b100c2, "ldr r0, [r1, r2, asr #1]!", "load ok 4x1 w t=0 n=1 register:m=2,asr#1 wb" },
	{ 0xe61101e2, "ldr r0, [r1], -r2, ror #3", "load ok 4x1 w t=0 n=1 post:m=2,ror#3 wb sub" },
	{ 0xe7d10062, "ldrb r0, [r1, r2, rrx]", "load ok 1x1 w t=0 n=1 register:m=2,rrx#1" },
	{ 0xe78d3f84, "str r3, [r13, r4, lsl #31]", "store ok 4x1 w t=3 n=13 register:m=4,lsl#31" },
	{ 0xe4b10004, "ldrt r0, [r1], #4", "load ok 4x1 w t=0 n=1 post:4 wb unpriv" },
	{ 0xe6632004, "strbt r2, [r3], -r4",
	  "store ok 1x1 w t=2 n=3 post:m=4,lsl#0 wb sub unpriv" },
	{ 0xe59f0008, "ldr r0, [pc, #8]", "load ok 4x1 w t=0 lit:8" },
	{ 0xe51f0008, "ldr r0, [pc, #-8]", "load ok 4x1 w t=0 lit:-8" },
	{ 0xe1d100b2, "ldrh r0, [r1, #2]", "load ok 2x1 w t=0 n=1 offset:2" },
	{ 0xe1710fbf, "ldrh r0, [r1, #-255]!", "load ok 2x1 w t=0 n=1 pre:-255 wb" },
	{ 0xe0c320b6, "strh r2, [r3], #6", "store ok 2x1 w t=2 n=3 post:6 wb" },
	{ 0xe1d540d1, "ldrsb r4, [r5, #1]", "load ok 1x1 w t=4 n=5 offset:1 sx" },
	{ 0xe05760f2, "ldrsh r6, [r7], #-2", "load ok 2x1 w t=6 n=7 post:-2 sx wb" },
	{ 0xe19100b2, "ldrh r0, [r1, r2]", "load ok 2x1 w t=0 n=1 register:m=2,lsl#0" },
	{ 0xe13100d2, "ldrsb r0, [r1, -r2]!",
	  "load ok 1x1 w t=0 n=1 register:m=2,lsl#0 sx wb sub" },
	{ 0xe08100b2, "strh r0, [r1], r2", "store ok 2x1 w t=0 n=1 post:m=2,lsl#0 wb" },
	{ 0xe1c200d8, "ldrd r0, [r2, #8]", "load ok 4x2 w t=0,1 n=2 offset:8" },
	{ 0xe16641d0, "ldrd r4, [r6, #-16]!", "load ok 4x2 w t=4,5 n=6 pre:-16 wb" },
	{ 0xe0c861f8, "strd r6, [r8], #24", "store ok 4x2 w t=6,7 n=8 post:24 wb" },
	{ 0xe18200d3, "ldrd r0, [r2, r3]", "load ok 4x2 w t=0,1 n=2 register:m=3,lsl#0" },
	{ 0xe12ca0f3, "strd r10, [r12, -r3]!",
	  "store ok 4x2 w t=10,11 n=12 register:m=3,lsl#0 wb sub" },
	{ 0xe1cf21d0, "ldrd r2, [pc, #16]", "load ok 4x2 w t=2,3 lit:16" },
	{ 0xe0f100b2, "ldrht r0, [r1], #2", "load ok 2x1 w t=0 n=1 post:2 wb unpriv" },
	{ 0xe07320d1, "ldrsbt r2, [r3], #-1", "load ok 1x1 w t=2 n=3 post:-1 sx wb unpriv" },
	{ 0xe0a540b6, "strht r4, [r5], r6", "store ok 2x1 w t=4 n=5 post:m=6,lsl#0 wb unpriv" },
	{ 0xe15f00b6, "ldrh r0, [pc, #-6]", "load ok 2x1 w t=0 lit:-6" },
	{ 0xe1910c9f, "lda r0, [r1]", "load ok 4x1 w t=0 n=1 offset:0 acq" },
	{ 0xe1d32c9f, "ldab r2, [r3]", "load ok 1x1 w t=2 n=3 offset:0 acq" },
	{ 0xe1f54c9f, "ldah r4, [r5]", "load ok 2x1 w t=4 n=5 offset:0 acq" },
	{ 0xe187fc96, "stl r6, [r7]", "store ok 4x1 w t=6 n=7 offset:0 rel" },
	{ 0xe1c9fc98, "stlb r8, [r9]", "store ok 1x1 w t=8 n=9 offset:0 rel" },
	{ 0xe1ebfc9a, "stlh r10, [r11]", "store ok 2x1 w t=10 n=11 offset:0 rel" },
	{ 0xe1910f9f, "ldrex r0, [r1]", "load exclusive 4x1 w t=0 n=1 offset:0 excl" },
	{ 0xe1842f93, "strex r2, r3, [r4]", "store exclusive 4x1 w t=3 n=4 offset:0 s=2 excl" },
	{ 0xe1b64e9f, "ldaexd r4, r5, [r6]", "load exclusive 4x2 w t=4,5 n=6 offset:0 acq excl" },
	{ 0xe8900006, "ldm r0, {r1, r2}", "load multiple" },
	{ 0xe92d4010, "push {r4, r14}", "store multiple" },
	{ 0xed910b02, "vldr d0, [r1, #8]", "load coproc" },
	{ 0xeca20a04, "vstmia r2!, {s0-s3}", "store multiple" },
	{ 0xf421070f, "vld1.8 {d0}, [r1]", "load structure" },
	{ 0xf5d0f004, "pld [r0, #4]", "other prefetch" },
	{ 0xe590f000, "ldr r15, [r0]", "load pc 4x1 w t=15 n=0 offset:0" },
	{ 0xe581f000, "str r15, [r1]", "store pc 4x1 w t=15 n=1 offset:0" },
	{ 0xe5d1f000, "ldrb pc, [r1]", "load unpredictable 1x1 w t=15 n=1 offset:0" },
	{ 0xe5b00004, "ldr r0, [r0, #4]!", "load unpredictable 4x1 w t=0 n=0 pre:4 wb" },
	{ 0xe1c310d0, "ldrd r1, r2, [r3]", "load unpredictable 4x2 w t=1,2 n=3 offset:0" },
	{ 0xe0c000d8, "ldrd r0, [r0], #8", "load unpredictable 4x2 w t=0,1 n=0 post:8 wb" },
	{ 0xe18200d0, "ldrd r0, [r2, r0]",
	  "load unpredictable 4x2 w t=0,1 n=2 register:m=0,lsl#0" },
	{ 0xe0810002, "add r0, r1, r2", "other not_memory" },
	{ 0xed905e01, "ldc 14, cr5, [r0, #4]", "load coproc" },
	{ 0x05910000, "ldreq r0, [r1]", "load ok 4x1 w t=0 n=1 offset:0" },
	{ 0xe1000090, "swp r0, r0, [r0]", "load atomic 4x1 w t=0 n=0 offset:0 s=0" },
	{ 0xf84d0513, "srsda sp!, #19", "store multiple" },
	{ 0xf8900a00, "rfeia r0", "load multiple" },
	{ 0xf4100000, "unallocated memory hint (bits 15:12 not 1111)", "other unallocated" },
	{ 0xf5d1f000, "pld [r1]", "other prefetch" },
	{ 0xe7910012, "ldr r0, [r1, r2, lsl r0]: register-shifted, media space",
	  "other not_memory" },
	{ 0xfc000000, "LDC2 space, no memory access in Armv8-A", "other not_memory" },
	{ 0xed901200, "ldc p2, ...: no such coprocessor in Armv8-A", "other unallocated" },
	{ 0xed910901, "vldr.16 s0, [r1, #2]", "load coproc" },
};

static const struct mmio_vector t32_vectors[] = {
	{ 0x00006fc8, "ldr r0, [r1, #124]", "load ok 4x1 w t=0 n=1 offset:124" },
	{ 0x0000601a, "str r2, [r3, #0]", "store ok 4x1 w t=2 n=3 offset:0" },
	{ 0x00007fec, "ldrb r4, [r5, #31]", "load ok 1x1 w t=4 n=5 offset:31" },
	{ 0x0000707e, "strb r6, [r7, #1]", "store ok 1x1 w t=6 n=7 offset:1" },
	{ 0x00008fc8, "ldrh r0, [r1, #62]", "load ok 2x1 w t=0 n=1 offset:62" },
	{ 0x0000805a, "strh r2, [r3, #2]", "store ok 2x1 w t=2 n=3 offset:2" },
	{ 0x00009cff, "ldr r4, [sp, #1020]", "load ok 4x1 w t=4 n=13 offset:1020" },
	{ 0x00009501, "str r5, [sp, #4]", "store ok 4x1 w t=5 n=13 offset:4" },
	{ 0x00004eff, "ldr r6, [pc, #1020]", "load ok 4x1 w t=6 lit:1020" },
	{ 0x00005888, "ldr r0, [r1, r2]", "load ok 4x1 w t=0 n=1 register:m=2,lsl#0" },
	{ 0x00005363, "strh r3, [r4, r5]", "store ok 2x1 w t=3 n=4 register:m=5,lsl#0" },
	{ 0x0000563e, "ldrsb r6, [r7, r0]", "load ok 1x1 w t=6 n=7 register:m=0,lsl#0 sx" },
	{ 0x00005ed1, "ldrsh r1, [r2, r3]", "load ok 2x1 w t=1 n=2 register:m=3,lsl#0 sx" },
	{ 0x0000b510, "push {r4, r14}", "store multiple" },
	{ 0x0000bd10, "pop {r4, r15}", "load multiple" },
	{ 0x0000c806, "ldmia r0!, {r1, r2}", "load multiple" },
	{ 0xf8d10fff, "ldr.w r0, [r1, #4095]", "load ok 4x1 w t=0 n=1 offset:4095" },
	{ 0xf8510cff, "ldr.w r0, [r1, #-255]", "load ok 4x1 w t=0 n=1 offset:-255" },
	{ 0xf8510fff, "ldr.w r0, [r1, #255]!", "load ok 4x1 w t=0 n=1 pre:255 wb" },
	{ 0xf8510904, "ldr.w r0, [r1], #-4", "load ok 4x1 w t=0 n=1 post:-4 wb" },
	{ 0xf8510e08, "ldrt r0, [r1, #8]", "load ok 4x1 w t=0 n=1 offset:8 unpriv" },
	{ 0xf8032eff, "strbt r2, [r3, #255]", "store ok 1x1 w t=2 n=3 offset:255 unpriv" },
	{ 0xf9954001, "ldrsb.w r4, [r5, #1]", "load ok 1x1 w t=4 n=5 offset:1 sx" },
	{ 0xf9376d02, "ldrsh.w r6, [r7, #-2]!", "load ok 2x1 w t=6 n=7 pre:-2 sx wb" },
	{ 0xf8310032, "ldrh.w r0, [r1, r2, lsl #3]", "load ok 2x1 w t=0 n=1 register:m=2,lsl#3" },
	{ 0xf84d0001, "str.w r0, [r13, r1]", "store ok 4x1 w t=0 n=13 register:m=1,lsl#0" },
	{ 0xf85f0004, "ldr.w r0, [r15, #-4]", "load ok 4x1 w t=0 lit:-4" },
	{ 0xf99f1008, "ldrsb.w r1, [r15, #8]", "load ok 1x1 w t=1 lit:8 sx" },
	{ 0xe9d201ff, "ldrd r0, r1, [r2, #1020]", "load ok 4x2 w t=0,1 n=2 offset:1020" },
	{ 0xe9752402, "ldrd r2, r4, [r5, #-8]!", "load ok 4x2 w t=2,4 n=5 pre:-8 wb" },
	{ 0xe8e96804, "strd r6, r8, [r9], #16", "store ok 4x2 w t=6,8 n=9 post:16 wb" },
	{ 0xe95f0102, "ldrd r0, r1, [r15, #-8]", "load ok 4x2 w t=0,1 lit:-8" },
	{ 0xe8d10faf, "lda r0, [r1]", "load ok 4x1 w t=0 n=1 offset:0 acq" },
	{ 0xe8c32f8f, "stlb r2, [r3]", "store ok 1x1 w t=2 n=3 offset:0 rel" },
	{ 0xe8510f01, "ldrex r0, [r1, #4]", "load exclusive 4x1 w t=0 n=1 offset:4 excl" },
	{ 0xe8c43f42, "strexb r2, r3, [r4]", "store exclusive 1x1 w t=3 n=4 offset:0 s=2 excl" },
	{ 0xe8d645ff, "ldaexd r4, r5, [r6]", "load exclusive 4x2 w t=4,5 n=6 offset:0 acq excl" },
	{ 0xe8d0f001, "tbb [r0, r1]", "load pc 1x1 none t=- n=0 register:m=1,lsl#0" },
	{ 0xe8d0f011, "tbh [r0, r1, lsl #1]", "load pc 2x1 none t=- n=0 register:m=1,lsl#1" },
	{ 0xe8900006, "ldmia.w r0, {r1, r2}", "load multiple" },
	{ 0xed910a01, "vldr s0, [r1, #4]", "load coproc" },
	{ 0xf921070f, "vld1.8 {d0}, [r1]", "load structure" },
	{ 0xf890f004, "pld [r0, #4]", "other prefetch" },
	{ 0xf911fc08, "pli [r1, #-8]", "other prefetch" },
	{ 0xf8d0f000, "ldr.w r15, [r0]", "load pc 4x1 w t=15 n=0 offset:0" },
	{ 0xf8b1f004, "ldrh.w pc, [r1, #4]", "other prefetch" },
	{ 0xf8400f04, "str.w r0, [r0, #4]!", "store unpredictable 4x1 w t=0 n=0 pre:4 wb" },
	{ 0xe9d10000, "ldrd r0, r0, [r1]", "load unpredictable 4x2 w t=0,0 n=1 offset:0" },
	{ 0xf8500b04, "ldr.w r0, [r0], #4", "load unpredictable 4x1 w t=0 n=0 post:4 wb" },
	{ 0x00004608, "mov r0, r1", "other not_memory" },
	{ 0xeb010002, "add.w r0, r1, r2", "other not_memory" },
	{ 0xe9bde805, "rfeia sp! with (0) bits set", "load unpredictable" },
	{ 0xe98dc013, "srsia sp, #19", "store multiple" },
	{ 0xe8bf0006, "ldm pc!, {r1, r2}", "load unpredictable" },
	{ 0xf8101040, "ldrb.w r1, [r0, r0] with hw2[10:6] != 0", "other unallocated" },
	{ 0xf8100800, "ldrb r0, [r0], #0 with P = W = 0", "other unallocated" },
	{ 0xf8f10000, "ldr size 11", "other unallocated" },
	{ 0xf95f0004, "ldrsw: no such T32 load", "other unallocated" },
	{ 0xf80f0004, "strb.w r0, [pc, #4]", "other unallocated" },
	{ 0xfc000000, "LDC2 space", "other not_memory" },
};

static void test_a32_vectors(void **state)
{
	(void)state;
	assert_int_equal(mmio_check_vectors(ARMVIRT_MMIO_ISA_A32, a32_vectors,
					    sizeof(a32_vectors) / sizeof(a32_vectors[0])),
			 0);
}

static void test_t32_vectors(void **state)
{
	(void)state;
	assert_int_equal(mmio_check_vectors(ARMVIRT_MMIO_ISA_T32, t32_vectors,
					    sizeof(t32_vectors) / sizeof(t32_vectors[0])),
			 0);
}

static void test_t32_lengths(void **state)
{
	struct armvirt_mmio_insn d = { 0 };

	(void)state;
	assert_true(armvirt_mmio_t32_is_32bit(0xe800));
	assert_true(armvirt_mmio_t32_is_32bit(0xf000));
	assert_true(armvirt_mmio_t32_is_32bit(0xffff));
	assert_false(armvirt_mmio_t32_is_32bit(0xe7ff)); /* B (T2), 16-bit */
	assert_false(armvirt_mmio_t32_is_32bit(0x6848));
	assert_int_equal(armvirt_mmio_decode_t32(0x6848, &d), 0);
	assert_int_equal(d.len, 2);
	assert_int_equal(armvirt_mmio_decode_t32(0xf8d10004, &d), 0);
	assert_int_equal(d.len, 4);
	/* half an instruction, or a 16-bit one in the upper half: refused, d unchanged */
	d.insn = 0x12345678;
	assert_int_equal(armvirt_mmio_decode_t32(0xf8d1, &d), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_mmio_decode_t32(0x68480000, &d), ARMVIRT_EINVAL);
	assert_int_equal(d.insn, 0x12345678);
	assert_int_equal(armvirt_mmio_decode_t32(0x6848, NULL), ARMVIRT_EINVAL);
	assert_int_equal(armvirt_mmio_decode_a32(0xe5910000, NULL), ARMVIRT_EINVAL);
}

static void test_isa_from_spsr(void **state)
{
	(void)state;
	assert_int_equal(armvirt_mmio_isa_from_spsr(0x3c5), ARMVIRT_MMIO_ISA_A64); /* EL1h */
	assert_int_equal(armvirt_mmio_isa_from_spsr(0x1d3), ARMVIRT_MMIO_ISA_A32); /* svc */
	assert_int_equal(armvirt_mmio_isa_from_spsr(0x1f3), ARMVIRT_MMIO_ISA_T32); /* svc, T */
	assert_int_equal(armvirt_mmio_isa_from_spsr(0x10), ARMVIRT_MMIO_ISA_A32);  /* usr */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a32_vectors),
		cmocka_unit_test(test_t32_vectors),
		cmocka_unit_test(test_t32_lengths),
		cmocka_unit_test(test_isa_from_spsr),
	};
	return cmocka_run_group_tests_name("mmio-aarch32", tests, NULL, NULL);
}

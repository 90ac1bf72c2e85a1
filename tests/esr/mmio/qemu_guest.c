/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The QEMU execution test's guest (aarch64 Linux, run by qemu-aarch64):
 * reads struct qemu_case records on stdin, runs each instruction for real on
 * its registers and seeded data, and writes a struct qemu_result for each.
 * With --slot it prints the test instruction's address instead.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "qemu_layout.h"

extern const uint32_t tramp_start[], tramp_slot[], tramp_end[];

static sigjmp_buf back;
static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
	siglongjmp(back, 1);
}

int main(int argc, char **argv)
{
	uint8_t *window = (uint8_t *)QEMU_WINDOW;
	size_t tramp_len = (size_t)((const uint8_t *)tramp_end - (const uint8_t *)tramp_start);
	size_t slot_off = (size_t)((const uint8_t *)tramp_slot - (const uint8_t *)tramp_start);
	uint32_t *slot = (uint32_t *)(QEMU_CODE + slot_off);
	static uint8_t altstack[65536];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	struct sigaction sa;
	struct qemu_case c;
	struct qemu_result r;

	if (argc > 1 && !strcmp(argv[1], "--slot")) {
		printf("0x%llx\n", (unsigned long long)(QEMU_CODE + slot_off));
		return 0;
	}
	if (mmap(window, QEMU_WINDOW_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != window)
		return 2;
	memcpy((void *)QEMU_CODE, tramp_start, tramp_len);
	sigaltstack(&ss, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_ONSTACK | SA_NODEFER;
	sigaction(SIGILL, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);

	while (fread(&c, sizeof(c), 1, stdin) == 1) {
		void (*run)(void *) = (void (*)(void *))QEMU_CODE;

		memset(&r, 0, sizeof(r));
		qemu_fill(window, c.seed);
		*slot = c.insn;
		__builtin___clear_cache((char *)slot, (char *)(slot + 1));
		memcpy((void *)QEMU_CTX, c.x, sizeof(c.x) + sizeof(c.sp) + sizeof(c.v));
		caught = 0;
		if (sigsetjmp(back, 1) == 0)
			run((void *)QEMU_CTX);
		r.signal = (uint32_t)caught;
		memcpy(r.x, (void *)QEMU_CTX, sizeof(r.x) + sizeof(r.sp) + sizeof(r.v));
		if (c.watch_len <= sizeof(r.watch))
			memcpy(r.watch, window + c.watch_off, c.watch_len);
		if (fwrite(&r, sizeof(r), 1, stdout) != 1)
			return 2;
	}
	return 0;
}

# SPDX-License-Identifier: BSD-3-Clause
# The Linux guest runs, shared by the runners (run-plain-qemu: QEMU alone; a
# runner for the hypervisor swaps only the machine). Source it from bash at
# the repository's top, after defining
#
#   machine GIC CPUS INITRAMFS APPEND
#       sets the array machine_cmd to the command that boots cache/linux/Image
#       with cache/linux/INITRAMFS and the kernel command line APPEND on a
#       GICv<GIC> machine with CPUS CPUs for the guest, its console on
#       standard input and output, ending with status 0 on PSCI SYSTEM_OFF;
#
# then call linux_runs_start PREFIX, the run_* functions, and
# linux_runs_finish. Options the runner passes on: timeout (seconds a boot
# may take) and boot_check_opts (an array, e.g. (--quiet)).

timeout=${timeout:-300}
[ -n "${boot_check_opts+set}" ] || boot_check_opts=()
passed=0 failed=0 results=() rc=0 log=

# linux_runs_start PREFIX: fetch and build what the guest needs; logs go to
# build/linux/PREFIX-<run>.log.
linux_runs_start() {
	prefix=$1
	scripts/fetch-linux
	cache=$PWD/cache/linux
	logs=${ARMVIRT_BUILD_DIR:-$PWD/build}/linux
	mkdir -p "$logs"
}

# boot NAME GIC CPUS INITRAMFS APPEND BOOT-CHECK-ARGS...: one boot, judged by
# boot-check; sets rc to its status and log to its log.
boot() {
	local name=$prefix-$1 gic=$2 n=$3 initramfs=$4 append=$5
	shift 5
	machine "$gic" "$n" "$initramfs" "console=ttyAMA0 panic=-1 $append"
	log=$logs/$name.log
	echo "=== $name"
	rc=0
	tests/linux/boot-check --name "$name" --timeout "$timeout" --log "$log" \
		"${boot_check_opts[@]}" "$@" -- "${machine_cmd[@]}" || rc=$?
	results+=("$(grep '^boot-check: ' "$log" | tail -1)")
}

tally() {
	if [ "$1" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

# must_fail REGEX...: the last boot failed, and its log matches every REGEX.
must_fail() {
	local re
	if [ "$rc" -eq 0 ]; then
		results+=("  ^ must have failed")
		return 1
	fi
	for re in "$@"; do
		if ! grep -Eq "$re" "$log"; then
			results+=("  ^ did not fail for the reason expected: no '$re'")
			return 1
		fi
	done
	results+=("  ^ failed as it must")
}

# A fresh word for the guest to read back from its UART each run.
new_token() { echo "rx-$RANDOM$RANDOM"; }

# run_test NAME GIC CPUS: the test /init; every check must pass.
run_test() {
	local token
	token=$(new_token)
	boot "$1" "$2" "$3" initramfs-test.cpio.gz \
		"armvirt.cpus=$3 armvirt.gic=$2 armvirt.uart_rx=$token" \
		--expect '^uart: type the line' --send "$token\n"
	tally $rc
}

# run_demo NAME GIC CPUS: the demo's shell, typed into: a command, Ctrl-C
# to stop a running one (the shell has a controlling terminal), another
# command, then poweroff.
run_demo() {
	local prompt='armvirt:/# '
	boot "$1" "$2" "$3" initramfs-demo.cpio.gz "" \
		--init-mark '^armvirt Linux demo:' --no-guest-summary \
		--expect "$prompt" --send 'echo demo-$((6 * 7)) $(nproc)\n' --expect "^demo-42 $3\\r?$" \
		--expect "$prompt" --send 'echo sleeping-$((1 + 1)); sleep 1000\n' --expect '^sleeping-2' \
		--pause 1 --send '\x03' --expect "$prompt" --send 'echo back-$((2 * 3))\n' --expect '^back-6' \
		--expect "$prompt" --send 'poweroff\n'
	tally $rc
}

# run_negative: runs that must be judged failed, each for the reason given;
# they show that the checks and the judge can fail. On GICv3 with 4 CPUs:
#   facts    the test /init is told wrong facts: 4 CPUs where maxcpus=2 lets
#            2 come up, GICv2, and a word other than the one typed;
#   panic    init is a program that exits: the kernel panics;
#   timeout  a boot given 3 s.
run_negative() {
	boot negative-facts 3 4 initramfs-test.cpio.gz \
		"maxcpus=2 armvirt.cpus=4 armvirt.gic=2 armvirt.uart_rx=$(new_token)" \
		--expect '^uart: type the line' --send "$(new_token)\n"
	must_fail '^FAIL: cpus: nproc 2, /proc/cpuinfo 2, online 0-1 \(expected 4\)' \
		'^FAIL: gic: .* is GICv3 \(expected GICv2\)' '^FAIL: uart-rx: ' \
		'linux-guest: [0-9]+ passed, 3 failed' 'boot-check: FAIL .*guest checks failed' && rc=0 || rc=$?
	tally $rc

	boot negative-panic 3 1 initramfs-test.cpio.gz "rdinit=/bin/cntvct armvirt.cpus=1"
	must_fail 'Kernel panic - not syncing: Attempted to kill init' \
		'boot-check: FAIL .*stopped at a fatal kernel message' && rc=0 || rc=$?
	tally $rc

	boot negative-timeout 3 1 initramfs-test.cpio.gz "armvirt.cpus=1" --timeout 3
	must_fail 'boot-check: FAIL .*timed out after 3 s' && rc=0 || rc=$?
	tally $rc
}

# linux_runs_finish: the verdicts, "linux-PREFIX: N passed, M failed", and
# the status (non-zero if any run was judged wrongly).
linux_runs_finish() {
	echo
	printf '%s\n' "${results[@]}"
	echo "linux-$prefix: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

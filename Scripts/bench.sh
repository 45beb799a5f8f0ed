#!/usr/bin/env bash
# Measures AzShim against the speed targets of issue 7 and prints one table:
#   Scripts/bench.sh            (from the package root or anywhere; a fresh clone is enough)
# It builds release, builds a Swift hello world the same way (a tiny package it writes to a
# temporary folder) for the ratios, starts its own loopback fake of Azure Resource Manager
# (`azshim-fake-azure`, a benchmark-only executable of this package), and times each figure
# with hyperfine when it is installed (Debian's `hyperfine`; installed with apt-get only when
# missing and running as root), else with a small Swift timing loop it builds beside the
# hello world. Peak memory comes from `/usr/bin/time -f %M` (else from wait4's rusage).
# Everything it creates lives in one temporary folder, removed on exit with the fakes it started.
#
# Environment: BENCH_SCRATCH_PATH (SwiftPM scratch path, default .build), BENCH_RUNS (runs of
# each start-up figure, default 100), BENCH_NO_INSTALL=1 (never apt-get).
# Exit status: 0 when every target is met, 1 when one is missed, 2 when a step failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scratch="${BENCH_SCRATCH_PATH:-$root/.build}"
runs="${BENCH_RUNS:-100}"
work="$(mktemp -d "${TMPDIR:-/tmp}/azshim-bench.XXXXXX")"
fake_pids=()

cleanup() {
    local pid
    for pid in "${fake_pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
    echo "bench.sh: $*" >&2
    exit 2
}
note() { echo "bench.sh: $*" >&2; }

# --- tools -----------------------------------------------------------------------------------
if ! command -v hyperfine >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && [ "${BENCH_NO_INSTALL:-0}" != 1 ] \
    && command -v apt-get >/dev/null 2>&1; then
    note "installing hyperfine (apt-get install -y hyperfine)"
    apt-get install -y hyperfine >/dev/null 2>&1 || note "apt-get failed; using the Swift timing loop"
fi
have_hyperfine=0
command -v hyperfine >/dev/null 2>&1 && have_hyperfine=1
have_time=0
[ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1 && have_time=1

# --- builds ----------------------------------------------------------------------------------
note "building release (scratch path $scratch)"
swift build -c release --scratch-path "$scratch" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; fail "release build failed"; }
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
cmd="$bin/New-AzCognitiveServicesAccountKey"
fake="$bin/azshim-fake-azure"
[ -x "$cmd" ] && [ -x "$fake" ] || fail "missing $cmd or $fake"

# A hello world built the same way, and the fallback timing loop (also used for peak memory
# when /usr/bin/time is missing).
mkdir -p "$work/hello/Sources/hello" "$work/hello/Sources/timer"
cat >"$work/hello/Package.swift" <<'EOF'
// swift-tools-version:6.0
import PackageDescription
let package = Package(name: "hello", targets: [.executableTarget(name: "hello"), .executableTarget(name: "timer")])
EOF
echo 'print("Hello, world!")' >"$work/hello/Sources/hello/main.swift"
cat >"$work/hello/Sources/timer/main.swift" <<'EOF'
// timer RUNS WARMUP STDIN-FILE|- COMMAND ARGS…: runs COMMAND (stdout and stderr to /dev/null)
// and prints "median-seconds max-rss-KiB".
import Glibc
let arguments = CommandLine.arguments
guard arguments.count >= 5, let runs = Int(arguments[1]), let warmup = Int(arguments[2]) else { exit(2) }
let input = arguments[3]
let command = Array(arguments[4...])
func once() -> (Double, Int) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 0, input == "-" ? "/dev/null" : input, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    var pid: pid_t = 0
    guard posix_spawn(&pid, command[0], &actions, nil, &argv, environ) == 0 else { exit(2) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    clock_gettime(CLOCK_MONOTONIC, &end)
    for pointer in argv { free(pointer) }
    posix_spawn_file_actions_destroy(&actions)
    return (Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9, usage.ru_maxrss)
}
for _ in 0..<warmup { _ = once() }
var times: [Double] = []
var peak = 0
for _ in 0..<max(1, runs) {
    let (seconds, rss) = once()
    times.append(seconds)
    peak = max(peak, rss)
}
times.sort()
let median = times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
print(median, peak)
EOF
note "building the hello world"
swift build -c release --package-path "$work/hello" --scratch-path "$work/hello/.build" >"$work/hello.log" 2>&1 || { cat "$work/hello.log" >&2; fail "hello world build failed"; }
hello_bin="$(swift build -c release --package-path "$work/hello" --scratch-path "$work/hello/.build" --show-bin-path)"
hello="$hello_bin/hello"
timer="$hello_bin/timer"

# --- measuring -------------------------------------------------------------------------------
# split_env ENV… -- COMMAND…: sets envs (an `env …` prefix) and command.
split_env() {
    envs=()
    while [ "$#" -gt 0 ] && [ "$1" != -- ]; do
        envs+=("$1")
        shift
    done
    shift
    command=("$@")
}

# median RUNS WARMUP STDIN ENV… -- COMMAND… → the median wall time in seconds. The environment
# is set for the timing tool, so no extra exec is timed.
median() {
    local n="$1" warm="$2" input="$3"
    shift 3
    split_env "$@"
    set -- "${command[@]}"
    if [ "$have_hyperfine" = 1 ]; then
        local line="" word
        for word in "$@"; do line+="$(printf '%q' "$word") "; done
        local json="$work/hyperfine.json"
        if [ "$input" = - ]; then
            "${envs[@]}" hyperfine -N -i --style none --warmup "$warm" --runs "$n" --export-json "$json" "$line" >/dev/null 2>&1
        else
            # hyperfine 1.15 has no --input: a shell redirects (its start-up time is subtracted).
            "${envs[@]}" hyperfine -i --style none --warmup "$warm" --runs "$n" --export-json "$json" "$line < $(printf '%q' "$input")" >/dev/null 2>&1
        fi || fail "hyperfine failed for: $*"
        sed -n 's/^ *"median": *\([0-9.eE+-]*\),*$/\1/p' "$json" | head -1
    else
        "${envs[@]}" "$timer" "$n" "$warm" "$input" "$@" | cut -d' ' -f1
    fi
}

# peak_kib STDIN ENV… -- COMMAND… → the peak resident set of one run, in KiB.
peak_kib() {
    local input="$1"
    shift
    split_env "$@"
    [ "$input" = - ] && input=/dev/null
    if [ "$have_time" = 1 ]; then
        "${envs[@]}" /usr/bin/time -f %M -o "$work/rss" "${command[@]}" <"$input" >/dev/null 2>/dev/null || true
        tail -1 "$work/rss"
    else
        "${envs[@]}" "$timer" 1 0 "$input" "${command[@]}" | cut -d' ' -f2
    fi
}

# start_fake NAME ARGS… → sets fake_port; the fake's stdout goes to $work/NAME.out.
start_fake() {
    local name="$1"
    shift
    "$fake" "$@" >"$work/$name.out" 2>"$work/$name.err" &
    fake_pid="$!"
    fake_pids+=("$fake_pid")
    local tries=0
    until grep -q '^port=' "$work/$name.out" 2>/dev/null; do
        tries=$((tries + 1))
        [ "$tries" -gt 200 ] && fail "the fake did not start: $(cat "$work/$name.err")"
        sleep 0.02
    done
    fake_port="$(sed -n 's/^port=//p' "$work/$name.out" | head -1)"
}

# stats PID NAME → the fake's latest counts line (SIGHUP makes it print one).
stats() {
    local before
    before="$(grep -c '^requests=' "$work/$2.out" || true)"
    kill -HUP "$1"
    local tries=0
    while [ "$(grep -c '^requests=' "$work/$2.out" || true)" -le "$before" ]; do
        tries=$((tries + 1))
        [ "$tries" -gt 200 ] && fail "the fake gave no counts"
        sleep 0.02
    done
    grep '^requests=' "$work/$2.out" | tail -1
}
count() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

calc() { awk "BEGIN { printf \"%s\", ($1) }"; }
ms() { calc "sprintf(\"%.2f ms\", $1 * 1000)"; }

rows=()
missed=()
# row TARGET FIGURE MEDIAN RATIO GOAL MET(1/0)
row() {
    local verdict=met
    if [ "$6" != 1 ]; then
        verdict=MISSED
        missed+=("$1: $2")
    fi
    rows+=("| $1 | $2 | $3 | $4 | $5 | $verdict |")
}

env_clean=(env -u AZURE_TENANT_ID -u AZURE_CLIENT_ID -u AZURE_CLIENT_SECRET -u AZURE_FEDERATED_TOKEN_FILE
    -u IDENTITY_ENDPOINT -u IDENTITY_HEADER -u MSI_ENDPOINT -u MSI_SECRET -u AZURE_SUBSCRIPTION_ID
    -u AZURE_RESOURCE_MANAGER_URL -u AZURE_AUTHORITY_HOST -u AZSHIM_OUTPUT -u NO_COLOR
    -u ErrorActionPreference -u WarningPreference -u VerbosePreference -u DebugPreference
    -u InformationPreference -u ProgressPreference -u ConfirmPreference -u WhatIfPreference
    HOME="$work/home" XDG_STATE_HOME="$work/state" AZURE_CONFIG_DIR="$work/azure-cli")
mkdir -p "$work/home"
emulator=("${env_clean[@]}" AZURE_ENVIRONMENT=Emulator AZSHIM_EMULATOR_STATE="$work/emulator.json")

# --- 1, 2: start-up ratios -----------------------------------------------------------------
note "timing start-up ($runs runs each)"
t_hello="$(median "$runs" 10 - "${env_clean[@]}" -- "$hello")"
t_help="$(median "$runs" 10 - "${env_clean[@]}" -- "$cmd" -?)"
t_binding="$(median "$runs" 10 - "${env_clean[@]}" -- "$cmd" -Foo)"
t_emulator="$(median "$runs" 10 - "${emulator[@]}" -- "$cmd" rg acct Key1)"
ratio() { calc "sprintf(\"%.2f×\", $1 / $t_hello)"; }
within() { calc "($1 / $t_hello) <= $2 ? 1 : 0"; }
rows+=("| – | Swift hello world (same build) | $(ms "$t_hello") | 1× | – | – |")
row 1 '`-?` (help)' "$(ms "$t_help")" "$(ratio "$t_help")" "≤ 2×" "$(within "$t_help" 2)"
row 1 '`-Foo` (binding error)' "$(ms "$t_binding")" "$(ratio "$t_binding")" "≤ 2×" "$(within "$t_binding" 2)"
row 2 'one regeneration, emulator' "$(ms "$t_emulator")" "$(ratio "$t_emulator")" "≤ 3×" "$(within "$t_emulator" 3)"

# --- 3, 4: against the loopback fake -------------------------------------------------------
start_fake fast
fast_pid="$fake_pid"
azure=("${env_clean[@]}" AZURE_TENANT_ID=tenant-1 AZURE_CLIENT_ID=client-1 AZURE_CLIENT_SECRET=bench-client-secret-0123456789
    AZURE_SUBSCRIPTION_ID=00000000-1111-2222-3333-444444444444
    AZURE_RESOURCE_MANAGER_URL="http://127.0.0.1:$fake_port" AZURE_AUTHORITY_HOST="http://127.0.0.1:$fake_port")
note "timing one regeneration against the fake"
t_one="$(median "$runs" 10 - "${azure[@]}" -- "$cmd" rg acct Key1)"
row 3 'one regeneration, fake ARM, client secret (token + call)' "$(ms "$t_one")" "–" "≤ 30 ms" "$(calc "$t_one <= 0.030 ? 1 : 0")"

awk 'BEGIN { for (i = 0; i < 1000; i++) printf "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct%d\"}\n", i }' >"$work/1k.jsonl"
note "timing 1,000 piped objects against the fake"
t_1k="$(median 10 2 "$work/1k.jsonl" "${azure[@]}" -- "$cmd" -KeyName Key1 --output json)"
before="$(stats "$fast_pid" fast)"
rss_1k="$(peak_kib "$work/1k.jsonl" "${azure[@]}" -- "$cmd" -KeyName Key1 --output json)"
after="$(stats "$fast_pid" fast)"
connections=$(($(count "$after" connections) - $(count "$before" connections)))
tokens=$(($(count "$after" tokens) - $(count "$before" tokens)))
arm=$(($(count "$after" arm) - $(count "$before" arm)))
row 4 '1,000 piped objects, fake ARM: time per key' "$(calc "sprintf(\"%.3f ms\", $t_1k)")" "–" "≤ 1 ms" "$(calc "$t_1k <= 1.0 ? 1 : 0")"
row 4 '… connections, tokens, requests (one run)' "$connections, $tokens, $arm" "–" "1, 1, 1000" "$([ "$connections" = 1 ] && [ "$tokens" = 1 ] && [ "$arm" = 1000 ] && echo 1 || echo 0)"
row 4 '… peak memory' "$(calc "sprintf(\"%.1f MiB\", $rss_1k / 1024)")" "–" "≤ 30 MiB" "$(calc "$rss_1k <= 30 * 1024 ? 1 : 0")"

# --- 5: binding throughput -----------------------------------------------------------------
note "timing 1,000,000 JSON lines with -WhatIf"
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct%d\",\"KeyName\":\"Key1\"}\n", i }' >"$work/1m.jsonl"
head -100000 "$work/1m.jsonl" >"$work/100k.jsonl"
t_1m="$(median 3 1 "$work/1m.jsonl" "${emulator[@]}" -- "$cmd" -WhatIf)"
rate="$(calc "int(1000000 / $t_1m)")"
rss_100k="$(peak_kib "$work/100k.jsonl" "${emulator[@]}" -- "$cmd" -WhatIf)"
rss_1m="$(peak_kib "$work/1m.jsonl" "${emulator[@]}" -- "$cmd" -WhatIf)"
row 5 '1,000,000 JSON lines, -WhatIf: objects/s' "$(calc "sprintf(\"%d /s (%.2f s)\", $rate, $t_1m)")" "–" "≥ 200,000 /s" "$(calc "$rate >= 200000 ? 1 : 0")"
row 5 '… peak memory, 100,000 → 1,000,000 lines' "$(calc "sprintf(\"%.1f → %.1f MiB\", $rss_100k / 1024, $rss_1m / 1024)")" "$(calc "sprintf(\"%.2f×\", $rss_1m / $rss_100k)")" "constant (≤ 1.1×)" "$(calc "$rss_1m <= $rss_100k * 1.1 ? 1 : 0")"

# --- 6: --throttle-limit 16 against a fake that takes 20 ms ---------------------------------
start_fake slow --delay-ms 20
slow_pid="$fake_pid"
slow=("${azure[@]}" AZURE_RESOURCE_MANAGER_URL="http://127.0.0.1:$fake_port" AZURE_AUTHORITY_HOST="http://127.0.0.1:$fake_port")
note "timing 1,000 keys with --throttle-limit 16 against a fake that takes 20 ms per request"
t_par="$(median 3 1 "$work/1k.jsonl" "${slow[@]}" -- "$cmd" -KeyName Key1 --output json --throttle-limit 16)"
slow_stats="$(stats "$slow_pid" slow)"
row 6 '`--throttle-limit 16`, 1,000 keys, 20 ms per request' "$(calc "sprintf(\"%.3f s\", $t_par)")" "$(calc "sprintf(\"%.1f× faster than 20 s\", 20 / $t_par)")" "≤ 1.5 s" "$(calc "$t_par <= 1.5 ? 1 : 0")"

# --- 7: the static release binary (issue 14) ---------------------------------------------------
# The binary that ships (Scripts/build-release.sh: --static-swift-stdlib, stripped) next to the
# dynamic build timed above, with a hello world built the same static, stripped way for its ratios.
note "building the static release binary (Scripts/build-release.sh) and a static hello world"
static_bin="$("$root/Scripts/build-release.sh" --scratch-path "$scratch" 2>"$work/static.log")" \
    || { cat "$work/static.log" >&2; fail "static release build failed"; }
swift build -c release --static-swift-stdlib -Xlinker --strip-all --product hello --package-path "$work/hello" \
    --scratch-path "$work/hello/.build-static" >"$work/hello-static.log" 2>&1 \
    || { cat "$work/hello-static.log" >&2; fail "static hello world build failed"; }
static_hello="$(swift build -c release --static-swift-stdlib -Xlinker --strip-all --package-path "$work/hello" \
    --scratch-path "$work/hello/.build-static" --show-bin-path)/hello"
mkdir -p "$work/static"
ln -sf "$static_bin" "$work/static/New-AzCognitiveServicesAccountKey"
static_cmd="$work/static/New-AzCognitiveServicesAccountKey"
# Static and dynamic builds are timed in alternating rounds, so a burst of load on the machine
# hits both alike; each figure is the median of its rounds' medians.
rounds=5
per_round=$(((runs + rounds - 1) / rounds))
note "timing the static binary next to the dynamic build ($rounds rounds of $per_round runs each)"
declare -A round_times=()
for ((round = 0; round < rounds; round++)); do
    for build in static dynamic; do
        if [ "$build" = static ]; then program="$static_cmd" greeting="$static_hello"; else program="$cmd" greeting="$hello"; fi
        round_times[$build-hello]+="$(median "$per_round" 3 - "${env_clean[@]}" -- "$greeting") "
        round_times[$build-help]+="$(median "$per_round" 3 - "${env_clean[@]}" -- "$program" -?) "
        round_times[$build-binding]+="$(median "$per_round" 3 - "${env_clean[@]}" -- "$program" -Foo) "
        round_times[$build-emulator]+="$(median "$per_round" 3 - "${emulator[@]}" -- "$program" rg acct Key1) "
    done
done
# middle VALUES…: the median.
middle() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for key in "${!round_times[@]}"; do
    # shellcheck disable=SC2086
    round_times[$key]="$(middle ${round_times[$key]})"
done
ts_hello="${round_times[static-hello]}"
static_ratio() { # static_ratio FIGURE: the static time's ratio to the static hello world, and the dynamic build's
    calc "sprintf(\"%.2f× (dynamic build: %.2f ms, %.2f× its hello world)\", ${round_times[static-$1]} / $ts_hello, ${round_times[dynamic-$1]} * 1000, ${round_times[dynamic-$1]} / ${round_times[dynamic-hello]})"
}
static_within() { calc "(${round_times[static-$1]} / $ts_hello) <= $2 ? 1 : 0"; }
rows+=("| 7 | static Swift hello world (\`--static-swift-stdlib\`, stripped) | $(ms "$ts_hello") | 1× (dynamic hello world: $(ms "${round_times[dynamic-hello]}")) | – | – |")
row 7 'static binary: `-?` (help)' "$(ms "${round_times[static-help]}")" "$(static_ratio help)" "≤ 2×" "$(static_within help 2)"
row 7 'static binary: `-Foo` (binding error)' "$(ms "${round_times[static-binding]}")" "$(static_ratio binding)" "≤ 1.3×" "$(static_within binding 1.3)"
row 7 'static binary: one regeneration, emulator' "$(ms "${round_times[static-emulator]}")" "$(static_ratio emulator)" "≤ 3×" "$(static_within emulator 3)"
static_kib="$(($(stat -c %s "$static_bin") / 1024))"
dynamic_kib="$(($(stat -L -c %s "$cmd") / 1024))"
swift_libraries_kib="$(ldd "$cmd" | awk '$3 ~ /libswift|libdispatch|libBlocksRuntime/ { print $3 }' | xargs -r stat -L -c %s | awk '{ t += $1 } END { print int(t / 1024) }')"
rows+=("| 7 | static binary: size (stripped; needs only libc, libm, libstdc++, libgcc_s) | $(calc "sprintf(\"%.1f MiB\", $static_kib / 1024)") | – | – | – |")
rows+=("| 7 | dynamic build (not stripped): size, and the Swift runtime libraries it needs | $(calc "sprintf(\"%.1f MiB + %.1f MiB\", $dynamic_kib / 1024, $swift_libraries_kib / 1024)") | – | – | – |")
echo "Static binary links: $(ldd "$static_bin" | awk '{ print $1 }' | paste -sd' ')" >"$work/static-links"

# --- the table -------------------------------------------------------------------------------
timing="hyperfine $(hyperfine --version 2>/dev/null | cut -d' ' -f2)"
[ "$have_hyperfine" = 1 ] || timing="the Swift timing loop"
echo "AzShim speed, $(date -u +%Y-%m-%d), $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)), $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'), medians by $timing"
echo
echo "| # | figure | median | ratio | target | result |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Product links: $(ldd "$cmd" | awk '{print $1}' | grep -o 'lib[A-Za-z_]*' | grep -i 'foundation' | tr '\n' ' ' || true)$(ldd "$cmd" | grep -qi foundation || echo 'no Foundation library')"
echo "Slow fake after the throttle-limit runs: $slow_stats"
cat "$work/static-links"
if [ "${#missed[@]}" -eq 0 ]; then
    echo "All targets met."
    exit 0
fi
echo "Missed targets:"
printf '  %s\n' "${missed[@]}"
exit 1

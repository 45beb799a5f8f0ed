#!/usr/bin/env bash
# Measures AzShim against the speed targets of issues 7, 14, 15 and 17 and prints one table:
#   Scripts/bench.sh            every figure at full size; exit 1 when a target is missed
#   Scripts/bench.sh --quick    the same steps and the same table with few runs and small inputs,
#                               targets not judged (CI runs this so a broken bench fails CI)
# From the package root or anywhere; a fresh clone is enough. It builds release, builds a Swift
# hello world the same way (a tiny package kept in the scratch path, so a second run does not
# rebuild it) for the ratios, starts its own loopback fake of Azure Resource Manager
# (`azshim-fake-azure`, a benchmark-only executable of this package), runs every timed command
# once and checks its exit status and output, then times each figure with hyperfine when it is
# installed, else with a small Swift timing loop built beside the hello world (same table).
# When hyperfine is missing and the script runs as root with apt-get, the full run installs it
# (`apt-get update`, then `apt-get install -y hyperfine`); if that fails it says why and uses the
# timing loop. Peak memory comes from `/usr/bin/time -f %M` (else from wait4's rusage).
# Everything else it creates lives in one temporary folder, removed on exit with the fakes it
# started.
#
# Environment:
#   BENCH_SCRATCH_PATH  SwiftPM scratch path (default .build)
#   BENCH_RUNS          runs of each start-up figure (default 100; 5 with --quick)
#   BENCH_TIMER         auto (default), hyperfine (fail when it cannot be had) or loop (the
#                       Swift timing loop even when hyperfine is installed: the path a machine
#                       without hyperfine takes, e.g. `BENCH_TIMER=loop Scripts/bench.sh --quick`)
#   BENCH_NO_INSTALL=1  never apt-get (--quick never does either)
# Exit status: 0 when every target is met (always, with --quick, once every step worked), 1 when
# one is missed, 2 when a step failed (the message on stderr says which).
set -Eeuo pipefail

usage="usage: Scripts/bench.sh [--quick]"
quick=0
for argument in "$@"; do
    case "$argument" in
    --quick) quick=1 ;;
    -h | --help)
        echo "$usage"
        exit 0
        ;;
    *)
        echo "bench.sh: unknown argument '$argument'; $usage" >&2
        exit 2
        ;;
    esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scratch="${BENCH_SCRATCH_PATH:-$root/.build}"
timer_choice="${BENCH_TIMER:-auto}"
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

# fail MESSAGE: says what failed and exits 2 (also from inside a command substitution, where
# the marker file keeps the outer shell from repeating it).
fail() {
    echo "bench.sh: $*" >&2
    : >"$work/failed"
    exit 2
}
note() { echo "bench.sh: $*" >&2; }
# Anything that fails without its own message still says what it was.
on_error() {
    local status="$1" line="$2" command="$3"
    [ -e "$work/failed" ] || fail "line $line: \`$command\` failed (exit $status)"
    exit 2
}
trap 'on_error "$?" "$LINENO" "$BASH_COMMAND"' ERR

case "$timer_choice" in
auto | hyperfine | loop) ;;
*) fail "BENCH_TIMER must be auto, hyperfine or loop, not '$timer_choice'" ;;
esac
for tool in swift awk sed grep tr cut; do
    command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is not on PATH ($PATH)"
done

# Sizes: full, or --quick (same code paths, small inputs, targets not judged).
if [ "$quick" = 1 ]; then
    runs="${BENCH_RUNS:-5}" warmup=1 pipe_runs=3 pipe_warmup=1 long_runs=2 long_warmup=0
    n_pipe=100 n_lines=20000 n_small=2000 n_throttle=100 n_list_small=100 n_list=1000
else
    runs="${BENCH_RUNS:-100}" warmup=10 pipe_runs=10 pipe_warmup=2 long_runs=3 long_warmup=1
    n_pipe=1000 n_lines=1000000 n_small=100000 n_throttle=1000 n_list_small=1000 n_list=10000
fi
[[ "$runs" =~ ^[1-9][0-9]{0,5}$ ]] || fail "BENCH_RUNS must be a whole number from 1 to 999999, not '$runs'"

# --- tools -----------------------------------------------------------------------------------
# install_hyperfine: apt-get update, then apt-get install; a failure is a note, not an exit.
install_hyperfine() {
    local limit=()
    command -v timeout >/dev/null 2>&1 && limit=(timeout 600)
    note "hyperfine is missing; installing it (apt-get update, then apt-get install -y hyperfine)"
    if ! "${limit[@]}" apt-get update >"$work/apt.log" 2>&1; then
        note "apt-get update failed: $(tail -3 "$work/apt.log" | tr '\n' ' ')"
        return 0
    fi
    if ! DEBIAN_FRONTEND=noninteractive "${limit[@]}" apt-get install -y hyperfine >"$work/apt.log" 2>&1; then
        note "apt-get install -y hyperfine failed: $(tail -3 "$work/apt.log" | tr '\n' ' ')"
    fi
}
have_hyperfine=0
if [ "$timer_choice" != loop ]; then
    if ! command -v hyperfine >/dev/null 2>&1 && [ "$quick" = 0 ] && [ "${BENCH_NO_INSTALL:-0}" != 1 ]; then
        if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
            install_hyperfine
        else
            note "hyperfine is missing and cannot be installed here (needs root and apt-get)"
        fi
    fi
    command -v hyperfine >/dev/null 2>&1 && have_hyperfine=1
    if [ "$timer_choice" = hyperfine ] && [ "$have_hyperfine" = 0 ]; then
        fail "BENCH_TIMER=hyperfine, but hyperfine is not installed$([ "$quick" = 1 ] && echo ' (--quick never installs it)')"
    fi
fi
if [ "$have_hyperfine" = 1 ]; then
    timing="$(hyperfine --version 2>/dev/null | head -1)" || true
    timing="${timing:-hyperfine}"
else
    timing="the Swift timing loop"
fi
note "timing with $timing$([ "$timer_choice" = loop ] && echo ' (BENCH_TIMER=loop)')"
have_time=0
[ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1 && have_time=1

# --- builds ----------------------------------------------------------------------------------
note "building release (scratch path $scratch)"
swift build -c release --scratch-path "$scratch" >"$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log" >&2; fail "the release build failed (swift build -c release --scratch-path $scratch)"; }
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path 2>"$work/build.log")" \
    || fail "swift build --show-bin-path failed: $(cat "$work/build.log")"
cmd="$bin/New-AzCognitiveServicesAccountKey"
fake="$bin/azshim-fake-azure"
[ -x "$cmd" ] || fail "the release build has no $cmd"
[ -x "$fake" ] || fail "the release build has no $fake"

# A hello world built the same way, and the fallback timing loop (also used for peak memory
# when /usr/bin/time is missing). The package lives in the scratch path; files are rewritten
# only when they change, so a second run finds them built.
tools="$scratch/bench-tools"
mkdir -p "$work/tools/Sources/hello" "$work/tools/Sources/timer" || fail "cannot create $work/tools"
cat >"$work/tools/Package.swift" <<'EOF'
// swift-tools-version:6.0
import PackageDescription
let package = Package(name: "hello", targets: [.executableTarget(name: "hello"), .executableTarget(name: "timer")])
EOF
echo 'print("Hello, world!")' >"$work/tools/Sources/hello/main.swift"
cat >"$work/tools/Sources/timer/main.swift" <<'EOF'
// timer STATUS RUNS WARMUP STDIN-FILE|- COMMAND ARGS…: runs COMMAND RUNS times after WARMUP runs
// (stdin from the file or /dev/null, stdout and stderr to /dev/null) and prints
// "median-seconds max-rss-KiB". Every run must exit with STATUS: a command that cannot start,
// dies from a signal or exits otherwise is an error (exit 3, with a message), never a figure.
import Glibc

func failure(_ message: String) -> Never {
    let text = "timer: \(message)\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
    exit(3)
}

/// One run: wall seconds and the child's peak resident set in KiB.
func once(_ command: [String], input: String, expecting expected: Int32) -> (seconds: Double, peakKiB: Int) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input == "-" ? "/dev/null" : input, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, command[0], &actions, nil, &argv, environ)
    guard spawned == 0 else { failure("cannot start \(command[0]): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { failure("wait4 failed: \(String(cString: strerror(errno)))") }
    }
    clock_gettime(CLOCK_MONOTONIC, &end)
    let signal = status & 0x7f
    if signal != 0 && signal != 0x7f { failure("\(command.joined(separator: " ")) was killed by signal \(signal)") }
    let exitStatus = (status >> 8) & 0xff
    if exitStatus != expected { failure("\(command.joined(separator: " ")) exited \(exitStatus), not \(expected)") }
    let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    return (seconds, usage.ru_maxrss)
}

let arguments = CommandLine.arguments
guard arguments.count >= 6, let expected = Int32(arguments[1]), let runs = Int(arguments[2]), runs > 0,
    let warmup = Int(arguments[3]), warmup >= 0
else {
    failure("usage: timer STATUS RUNS WARMUP STDIN-FILE|- COMMAND ARGS…")
}
let command = Array(arguments[5...])
for _ in 0..<warmup { _ = once(command, input: arguments[4], expecting: expected) }
var times: [Double] = []
var peak = 0
for _ in 0..<runs {
    let run = once(command, input: arguments[4], expecting: expected)
    times.append(run.seconds)
    peak = max(peak, run.peakKiB)
}
times.sort()
let middle = times.count / 2
let median = times.count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2
print(median, peak)
EOF
mkdir -p "$tools/Sources/hello" "$tools/Sources/timer" || fail "cannot create $tools"
for file in Package.swift Sources/hello/main.swift Sources/timer/main.swift; do
    cmp -s "$work/tools/$file" "$tools/$file" || cp "$work/tools/$file" "$tools/$file" || fail "cannot write $tools/$file"
done
note "building the hello world and the timing loop ($tools)"
swift build -c release --package-path "$tools" --scratch-path "$tools/.build" >"$work/tools.log" 2>&1 \
    || { tail -40 "$work/tools.log" >&2; fail "the hello world / timing loop build failed (package $tools)"; }
tools_bin="$(swift build -c release --package-path "$tools" --scratch-path "$tools/.build" --show-bin-path 2>"$work/tools.log")" \
    || fail "swift build --show-bin-path failed for $tools: $(cat "$work/tools.log")"
hello="$tools_bin/hello"
timer="$tools_bin/timer"
[ -x "$hello" ] && [ -x "$timer" ] || fail "the tools build has no $hello or $timer"

# --- measuring -------------------------------------------------------------------------------
# split_env ENV… -- COMMAND…: sets envs (an `env …` prefix) and command.
split_env() {
    envs=()
    while [ "$#" -gt 0 ] && [ "$1" != -- ]; do
        envs+=("$1")
        shift
    done
    [ "$#" -gt 1 ] || fail "internal: no command after -- in: ${envs[*]}"
    shift
    command=("$@")
}

is_number() { [[ "$1" =~ ^[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$ ]]; }

# check LABEL STATUS STDOUT-LINES STDIN ENV… -- COMMAND…: runs the command once and fails unless
# it exits with STATUS and writes STDOUT-LINES lines (`+`: at least one). Its stderr stays in
# $work/check.err for further checks.
check() {
    local label="$1" want_status="$2" want_lines="$3" input="$4"
    shift 4
    split_env "$@"
    [ "$input" = - ] && input=/dev/null
    local status=0
    "${envs[@]}" "${command[@]}" <"$input" >"$work/check.out" 2>"$work/check.err" || status=$?
    local lines
    lines="$(wc -l <"$work/check.out" | tr -d ' ')"
    if [ "$status" != "$want_status" ] || { [ "$want_lines" = + ] && [ "$lines" = 0 ]; } \
        || { [ "$want_lines" != + ] && [ "$lines" != "$want_lines" ]; }; then
        fail "$label: \`${command[*]}\` exited $status and wrote $lines lines to stdout (expected exit $want_status and $want_lines lines); stderr: $(head -c 2000 "$work/check.err")"
    fi
}

# median LABEL STATUS RUNS WARMUP STDIN ENV… -- COMMAND… → the median wall time in seconds.
# The environment is set for the timing tool, so no extra exec is timed. Every timed run must
# exit with STATUS: hyperfine fails on a non-zero exit (its -i only where STATUS is not 0, and
# then each run's exit code is checked in its JSON); the timing loop checks each run itself.
median() {
    local label="$1" want_status="$2" n="$3" warm="$4" input="$5"
    shift 5
    split_env "$@"
    set -- "${command[@]}"
    local value
    if [ "$have_hyperfine" = 1 ]; then
        local line="" word
        for word in "$@"; do line+="$(printf '%q' "$word") "; done
        local json="$work/hyperfine.json"
        local ignore=()
        [ "$want_status" = 0 ] || ignore=(-i)
        rm -f "$json"
        if [ "$input" = - ]; then
            "${envs[@]}" hyperfine -N "${ignore[@]}" --style none --warmup "$warm" --runs "$n" --export-json "$json" "$line" >"$work/hyperfine.log" 2>&1
        else
            # hyperfine 1.15 has no --input: a shell redirects (its start-up time is subtracted).
            "${envs[@]}" hyperfine "${ignore[@]}" --style none --warmup "$warm" --runs "$n" --export-json "$json" "$line < $(printf '%q' "$input")" >"$work/hyperfine.log" 2>&1
        fi || fail "$label: hyperfine failed (a run exited non-zero?): $(tail -5 "$work/hyperfine.log" | tr '\n' ' ')"
        # The exit code of every timed run, from the JSON ("exit_codes": [1, 1, …]).
        local codes
        codes="$(tr -d ' \n' <"$json" | grep -o '"exit_codes":\[[^]]*\]' | head -1 | sed 's/.*\[//; s/\]//' | tr ',' '\n' | sort -u | tr '\n' ' ')"
        [ "$codes" = "$want_status " ] || fail "$label: the timed runs exited with ${codes:-nothing recorded}, not $want_status only"
        value="$(sed -n 's/^ *"median": *\([0-9.eE+-]*\),*$/\1/p' "$json" | head -1)"
    else
        value="$("${envs[@]}" "$timer" "$want_status" "$n" "$warm" "$input" "$@" 2>"$work/timer.err")" \
            || fail "$label: the timing loop failed: $(cat "$work/timer.err")"
        value="${value%% *}"
    fi
    is_number "$value" || fail "$label: no median from $timing (got '$value')"
    echo "$value"
}

# peak_kib LABEL STDIN ENV… -- COMMAND… → the peak resident set of one run, in KiB; the run
# must exit 0.
peak_kib() {
    local label="$1" input="$2"
    shift 2
    split_env "$@"
    [ "$input" = - ] && input=/dev/null
    local value
    if [ "$have_time" = 1 ]; then
        "${envs[@]}" /usr/bin/time -f %M -o "$work/rss" "${command[@]}" <"$input" >/dev/null 2>/dev/null \
            || fail "$label: \`${command[*]}\` exited $? during the memory run: $(head -c 500 "$work/rss")"
        value="$(tail -1 "$work/rss" 2>/dev/null)" || true
    else
        value="$("${envs[@]}" "$timer" 0 1 0 "$input" "${command[@]}" 2>"$work/timer.err")" \
            || fail "$label: the timing loop failed: $(cat "$work/timer.err")"
        value="${value##* }"
    fi
    [[ "$value" =~ ^[0-9]+$ ]] && [ "$value" -gt 0 ] || fail "$label: no peak memory figure (got '$value')"
    echo "$value"
}

# start_fake NAME ARGS… → sets fake_port and fake_pid; the fake's stdout goes to $work/NAME.out.
start_fake() {
    local name="$1"
    shift
    "$fake" "$@" >"$work/$name.out" 2>"$work/$name.err" &
    fake_pid="$!"
    fake_pids+=("$fake_pid")
    local tries=0
    until grep -q '^port=' "$work/$name.out" 2>/dev/null; do
        kill -0 "$fake_pid" 2>/dev/null || fail "the fake ($fake $*) exited: $(cat "$work/$name.err")"
        tries=$((tries + 1))
        [ "$tries" -gt 250 ] && fail "the fake ($fake $*) printed no port in 5 s: $(cat "$work/$name.err")"
        sleep 0.02
    done
    fake_port="$(sed -n 's/^port=//p' "$work/$name.out" | head -1)"
    [[ "$fake_port" =~ ^[0-9]+$ ]] || fail "the fake printed a bad port line: $(head -3 "$work/$name.out")"
}

# stats PID NAME → the fake's latest counts line (SIGHUP makes it print one).
stats() {
    local before
    before="$(grep -c '^requests=' "$work/$2.out" || true)"
    kill -HUP "$1" 2>/dev/null || fail "the fake ($2) is no longer running: $(cat "$work/$2.err")"
    local tries=0
    while [ "$(grep -c '^requests=' "$work/$2.out" || true)" -le "$before" ]; do
        tries=$((tries + 1))
        [ "$tries" -gt 250 ] && fail "the fake ($2) gave no counts in 5 s"
        sleep 0.02
    done
    grep '^requests=' "$work/$2.out" | tail -1
}
# count LINE KEY → the number after KEY= in a counts line.
count() {
    local value
    value="$(echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p")"
    [[ "$value" =~ ^[0-9]+$ ]] || fail "the fake's counts line has no $2: '$1'"
    echo "$value"
}

calc() { awk "BEGIN { printf \"%s\", ($1) }"; }
ms() { calc "sprintf(\"%.2f ms\", $1 * 1000)"; }
thousands() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/; ta'; }

rows=()
missed=()
# row TARGET FIGURE MEDIAN RATIO GOAL MET(1/0)
row() {
    local verdict=met
    if [ "$quick" = 1 ]; then
        verdict="not judged (--quick)"
    elif [ "$6" != 1 ]; then
        verdict=MISSED
        missed+=("$1: $2")
    fi
    rows+=("| $1 | $2 | $3 | $4 | $5 | $verdict |")
}

env_clean=(env -u AZURE_TENANT_ID -u AZURE_CLIENT_ID -u AZURE_CLIENT_SECRET -u AZURE_FEDERATED_TOKEN_FILE
    -u IDENTITY_ENDPOINT -u IDENTITY_HEADER -u MSI_ENDPOINT -u MSI_SECRET -u AZURE_SUBSCRIPTION_ID
    -u AZURE_RESOURCE_MANAGER_URL -u AZURE_AUTHORITY_HOST -u AZSHIM_OUTPUT -u NO_COLOR -u AZSHIM_TOKEN_CACHE -u XDG_CACHE_HOME
    -u ErrorActionPreference -u WarningPreference -u VerbosePreference -u DebugPreference
    -u InformationPreference -u ProgressPreference -u ConfirmPreference -u WhatIfPreference
    HOME="$work/home" XDG_STATE_HOME="$work/state" AZURE_CONFIG_DIR="$work/azure-cli")
mkdir -p "$work/home"
emulator=("${env_clean[@]}" AZURE_ENVIRONMENT=Emulator AZSHIM_EMULATOR_STATE="$work/emulator.json")

# --- 1, 2: start-up ratios -----------------------------------------------------------------
check "hello world" 0 1 - "${env_clean[@]}" -- "$hello"
check "1: -?" 0 + - "${env_clean[@]}" -- "$cmd" -?
check "1: -Foo" 1 0 - "${env_clean[@]}" -- "$cmd" -Foo
grep -q "A parameter cannot be found that matches parameter name 'Foo'" "$work/check.err" \
    || fail "1: -Foo did not write the binding error: $(head -c 2000 "$work/check.err")"
check "2: one regeneration, emulator" 0 + - "${emulator[@]}" -- "$cmd" rg acct Key1
note "timing start-up ($runs runs each)"
t_hello="$(median "hello world" 0 "$runs" "$warmup" - "${env_clean[@]}" -- "$hello")"
t_help="$(median "1: -?" 0 "$runs" "$warmup" - "${env_clean[@]}" -- "$cmd" -?)"
t_binding="$(median "1: -Foo" 1 "$runs" "$warmup" - "${env_clean[@]}" -- "$cmd" -Foo)"
t_emulator="$(median "2: one regeneration, emulator" 0 "$runs" "$warmup" - "${emulator[@]}" -- "$cmd" rg acct Key1)"
ratio() { calc "sprintf(\"%.2f×\", $1 / $t_hello)"; }
within() { calc "($1 / $t_hello) <= $2 ? 1 : 0"; }
rows+=("| – | Swift hello world (same build) | $(ms "$t_hello") | 1× | – | – |")
row 1 '`-?` (help)' "$(ms "$t_help")" "$(ratio "$t_help")" "≤ 2×" "$(within "$t_help" 2)"
row 1 '`-Foo` (binding error)' "$(ms "$t_binding")" "$(ratio "$t_binding")" "≤ 2×" "$(within "$t_binding" 2)"
row 2 'one regeneration, emulator' "$(ms "$t_emulator")" "$(ratio "$t_emulator")" "≤ 3×" "$(within "$t_emulator" 3)"

# --- 3, 4: against the loopback fake -------------------------------------------------------
start_fake fast
fast_pid="$fake_pid"
# Figures 3–7 measure a run that requests its token (figure 9 measures the token cache).
azure=("${env_clean[@]}" AZURE_TENANT_ID=tenant-1 AZURE_CLIENT_ID=client-1 AZURE_CLIENT_SECRET=bench-client-secret-0123456789
    AZURE_SUBSCRIPTION_ID=00000000-1111-2222-3333-444444444444 AZSHIM_TOKEN_CACHE=off
    AZURE_RESOURCE_MANAGER_URL="http://127.0.0.1:$fake_port" AZURE_AUTHORITY_HOST="http://127.0.0.1:$fake_port")
check "3: one regeneration, fake ARM" 0 + - "${azure[@]}" -- "$cmd" rg acct Key1
note "timing one regeneration against the fake"
t_one="$(median "3: one regeneration, fake ARM" 0 "$runs" "$warmup" - "${azure[@]}" -- "$cmd" rg acct Key1)"
row 3 'one regeneration, fake ARM, client secret (token + call)' "$(ms "$t_one")" "–" "≤ 30 ms" "$(calc "$t_one <= 0.030 ? 1 : 0")"

awk -v n="$n_pipe" 'BEGIN { for (i = 0; i < n; i++) printf "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct%d\"}\n", i }' >"$work/pipe.jsonl"
check "4: $n_pipe piped objects" 0 "$n_pipe" "$work/pipe.jsonl" "${azure[@]}" -- "$cmd" -KeyName Key1 --output json
note "timing $n_pipe piped objects against the fake"
t_pipe="$(median "4: $n_pipe piped objects" 0 "$pipe_runs" "$pipe_warmup" "$work/pipe.jsonl" "${azure[@]}" -- "$cmd" -KeyName Key1 --output json)"
before="$(stats "$fast_pid" fast)"
rss_pipe="$(peak_kib "4: peak memory" "$work/pipe.jsonl" "${azure[@]}" -- "$cmd" -KeyName Key1 --output json)"
after="$(stats "$fast_pid" fast)"
connections=$(($(count "$after" connections) - $(count "$before" connections)))
tokens=$(($(count "$after" tokens) - $(count "$before" tokens)))
arm=$(($(count "$after" arm) - $(count "$before" arm)))
per_key="$(calc "$t_pipe * 1000 / $n_pipe")"
row 4 "$(thousands "$n_pipe") piped objects, fake ARM: time per key" "$(calc "sprintf(\"%.3f ms\", $per_key)")" "–" "≤ 1 ms" "$(calc "$per_key <= 1.0 ? 1 : 0")"
row 4 '… connections, tokens, requests (one run)' "$connections, $tokens, $arm" "–" "1, 1, $n_pipe" "$([ "$connections" = 1 ] && [ "$tokens" = 1 ] && [ "$arm" = "$n_pipe" ] && echo 1 || echo 0)"
row 4 '… peak memory' "$(calc "sprintf(\"%.1f MiB\", $rss_pipe / 1024)")" "–" "≤ 30 MiB" "$(calc "$rss_pipe <= 30 * 1024 ? 1 : 0")"

# --- 5: binding throughput -----------------------------------------------------------------
note "timing $n_lines JSON lines with -WhatIf"
awk -v n="$n_lines" 'BEGIN { for (i = 0; i < n; i++) printf "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct%d\",\"KeyName\":\"Key1\"}\n", i }' >"$work/lines.jsonl"
head -"$n_small" "$work/lines.jsonl" >"$work/small.jsonl"
# The timed input itself, once: one What-if line per object, nothing else.
check "5: $n_lines JSON lines, -WhatIf" 0 0 "$work/lines.jsonl" "${emulator[@]}" -- "$cmd" -WhatIf
whatif="$(grep -c '^What if: Performing the operation "Regenerating Key Key1 for account acct' "$work/check.err" || true)"
[ "$whatif" = "$n_lines" ] && [ "$(wc -l <"$work/check.err")" = "$n_lines" ] \
    || fail "5: -WhatIf wrote $whatif What if lines for $n_lines objects: $(head -c 2000 "$work/check.err")"
t_lines="$(median "5: $n_lines JSON lines, -WhatIf" 0 "$long_runs" "$long_warmup" "$work/lines.jsonl" "${emulator[@]}" -- "$cmd" -WhatIf)"
rate="$(calc "int($n_lines / $t_lines)")"
rss_small="$(peak_kib "5: peak memory, $n_small lines" "$work/small.jsonl" "${emulator[@]}" -- "$cmd" -WhatIf)"
rss_lines="$(peak_kib "5: peak memory, $n_lines lines" "$work/lines.jsonl" "${emulator[@]}" -- "$cmd" -WhatIf)"
row 5 "$(thousands "$n_lines") JSON lines, -WhatIf: objects/s" "$(calc "sprintf(\"%d /s (%.2f s)\", $rate, $t_lines)")" "–" "≥ 200,000 /s" "$(calc "$rate >= 200000 ? 1 : 0")"
row 5 "… peak memory, $(thousands "$n_small") → $(thousands "$n_lines") lines" "$(calc "sprintf(\"%.1f → %.1f MiB\", $rss_small / 1024, $rss_lines / 1024)")" "$(calc "sprintf(\"%.2f×\", $rss_lines / $rss_small)")" "constant (≤ 1.1×)" "$(calc "$rss_lines <= $rss_small * 1.1 ? 1 : 0")"

# --- 10: the same input through a Python loop (issue 17) -------------------------------------
# json.loads per line and the same What-if line on stderr, timed the same way on the same input
# in the same run; AzShim must be at least 3× faster. Its stderr must be byte-identical to AzShim's.
# The loop is issue 17's one-liner, kept in a file so every timing tool runs it the same way.
cat >"$work/loop.py" <<'EOF'
import sys,json
for l in sys.stdin: o=json.loads(l); sys.stderr.write("What if: Performing the operation \"Regenerating Key %s for account %s.\" on target \"%s\".\n" % (o["KeyName"], o["Name"], o["Name"]))
EOF
if python="$(command -v python3)"; then
    # A full path: the Swift timing loop starts commands with posix_spawn, which searches no PATH.
    cp "$work/check.err" "$work/whatif.err"
    check "10: the Python loop" 0 0 "$work/lines.jsonl" "${env_clean[@]}" -- "$python" "$work/loop.py"
    cmp -s "$work/check.err" "$work/whatif.err" \
        || fail "10: the Python loop's lines differ from AzShim's What-if lines: $(diff "$work/check.err" "$work/whatif.err" | head -4)"
    note "timing the Python loop on the same $n_lines lines"
    t_python="$(median "10: the Python loop" 0 "$long_runs" "$long_warmup" "$work/lines.jsonl" "${env_clean[@]}" -- "$python" "$work/loop.py")"
    row 10 "$(thousands "$n_lines") JSON lines, -WhatIf, against the same work in a Python loop ($("$python" --version 2>&1))" \
        "$(calc "sprintf(\"%.2f s (Python: %.2f s)\", $t_lines, $t_python)")" "$(calc "sprintf(\"%.2f× faster\", $t_python / $t_lines)")" \
        "≥ 3× faster" "$(calc "$t_python >= 3 * $t_lines ? 1 : 0")"
else
    rows+=("| 10 | $(thousands "$n_lines") JSON lines, -WhatIf, against the same work in a Python loop | not run: no python3 | – | ≥ 3× faster | – |")
fi

# --- 6: --throttle-limit 16 against a fake that takes 20 ms ---------------------------------
start_fake slow --delay-ms 20
slow_pid="$fake_pid"
slow=("${azure[@]}" AZURE_RESOURCE_MANAGER_URL="http://127.0.0.1:$fake_port" AZURE_AUTHORITY_HOST="http://127.0.0.1:$fake_port")
head -"$n_throttle" "$work/pipe.jsonl" >"$work/throttle.jsonl"
awk -v n="$n_throttle" -v have="$n_pipe" 'BEGIN { for (i = have; i < n; i++) printf "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct%d\"}\n", i }' >>"$work/throttle.jsonl"
check "6: --throttle-limit 16" 0 "$n_throttle" "$work/throttle.jsonl" "${slow[@]}" -- "$cmd" -KeyName Key1 --output json --throttle-limit 16
note "timing $n_throttle keys with --throttle-limit 16 against a fake that takes 20 ms per request"
t_par="$(median "6: --throttle-limit 16" 0 "$long_runs" "$long_warmup" "$work/throttle.jsonl" "${slow[@]}" -- "$cmd" -KeyName Key1 --output json --throttle-limit 16)"
slow_stats="$(stats "$slow_pid" slow)"
serial="$(calc "$n_throttle * 0.020")"
slow_arm="$(count "$slow_stats" arm)"
runs_done=$((1 + long_runs + long_warmup))
[ "$slow_arm" = $((runs_done * n_throttle)) ] \
    || fail "6: the slow fake served $slow_arm ARM requests for $runs_done runs of $n_throttle keys"
row 6 "\`--throttle-limit 16\`, $(thousands "$n_throttle") keys, 20 ms per request" "$(calc "sprintf(\"%.3f s\", $t_par)")" "$(calc "sprintf(\"%.1f× faster than %g s\", $serial / $t_par, $serial)")" "≤ 1.5 s" "$(calc "$t_par <= 1.5 ? 1 : 0")"

# --- 7: Get-AzCognitiveServicesAccount lists the fake's accounts, 100 per page ---------------
# objects/s into --output json, and peak memory flat from the small list to the large one (a
# page is written as it arrives; pages are not all held at once).
list_cmd="$bin/Get-AzCognitiveServicesAccount"
[ -x "$list_cmd" ] || fail "the release build has no $list_cmd"
list_env() { # list_env PORT → the client-secret environment for a fake on PORT
    list=("${env_clean[@]}" AZURE_TENANT_ID=tenant-1 AZURE_CLIENT_ID=client-1 AZURE_CLIENT_SECRET=bench-client-secret-0123456789
        AZURE_SUBSCRIPTION_ID=00000000-1111-2222-3333-444444444444 AZSHIM_TOKEN_CACHE=off
        AZURE_RESOURCE_MANAGER_URL="http://127.0.0.1:$1" AZURE_AUTHORITY_HOST="http://127.0.0.1:$1")
}
start_fake list_small --accounts "$n_list_small" --page-size 100
list_env "$fake_port"
list_small=("${list[@]}")
check "7: list $n_list_small accounts" 0 "$n_list_small" - "${list_small[@]}" -- "$list_cmd" --output json
start_fake list_large --accounts "$n_list" --page-size 100
list_env "$fake_port"
list_large=("${list[@]}")
check "7: list $n_list accounts" 0 "$n_list" - "${list_large[@]}" -- "$list_cmd" --output json
grep -q '^{"ResourceGroupName":"rg","AccountName":"acct' "$work/check.out" \
    || fail "7: the list is not account objects: $(head -c 500 "$work/check.out")"
note "timing a list of $n_list accounts from the fake"
t_list="$(median "7: list $n_list accounts" 0 "$long_runs" "$long_warmup" - "${list_large[@]}" -- "$list_cmd" --output json)"
list_rate="$(calc "int($n_list / $t_list)")"
rss_list_small="$(peak_kib "7: peak memory, $n_list_small accounts" - "${list_small[@]}" -- "$list_cmd" --output json)"
rss_list="$(peak_kib "7: peak memory, $n_list accounts" - "${list_large[@]}" -- "$list_cmd" --output json)"
rows+=("| 7 | Get-AzCognitiveServicesAccount, $(thousands "$n_list") accounts from the fake (100 per page), \`--output json\`: objects/s | $(calc "sprintf(\"%d /s (%.3f s)\", $list_rate, $t_list)") | – | – (reported) | – |")
rows+=("| 7 | … peak memory, $(thousands "$n_list") accounts | $(calc "sprintf(\"%.1f MiB\", $rss_list / 1024)") | – | – (reported) | – |")
row 7 "… peak memory, $(thousands "$n_list_small") → $(thousands "$n_list") accounts" "$(calc "sprintf(\"%.1f → %.1f MiB\", $rss_list_small / 1024, $rss_list / 1024)")" "$(calc "sprintf(\"%.2f×\", $rss_list / $rss_list_small)")" "constant (≤ 1.1×)" "$(calc "$rss_list <= $rss_list_small * 1.1 ? 1 : 0")"

# --- 8: the static release binary (issue 14) ---------------------------------------------------
# The binary that ships (Scripts/build-release.sh: --static-swift-stdlib, stripped) next to the
# dynamic build timed above, with a hello world built the same static, stripped way for its ratios.
note "building the static release binary (Scripts/build-release.sh) and a static hello world"
static_bin="$("$root/Scripts/build-release.sh" --scratch-path "$scratch" 2>"$work/static.log")" \
    || { cat "$work/static.log" >&2; fail "static release build failed"; }
# The linker flags of Scripts/build-release.sh (stripped, no exported symbols).
hello_static_flags=(-c release --static-swift-stdlib -Xlinker --strip-all -Xlinker --no-export-dynamic)
swift build "${hello_static_flags[@]}" --product hello --package-path "$tools" \
    --scratch-path "$tools/.build-static" >"$work/hello-static.log" 2>&1 \
    || { cat "$work/hello-static.log" >&2; fail "static hello world build failed"; }
static_hello="$(swift build "${hello_static_flags[@]}" --package-path "$tools" \
    --scratch-path "$tools/.build-static" --show-bin-path)/hello"
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
        round_times[$build-hello]+="$(median "8: hello world ($build)" 0 "$per_round" 3 - "${env_clean[@]}" -- "$greeting") "
        round_times[$build-help]+="$(median "8: -? ($build)" 0 "$per_round" 3 - "${env_clean[@]}" -- "$program" -?) "
        round_times[$build-binding]+="$(median "8: -Foo ($build)" 1 "$per_round" 3 - "${env_clean[@]}" -- "$program" -Foo) "
        round_times[$build-emulator]+="$(median "8: emulator ($build)" 0 "$per_round" 3 - "${emulator[@]}" -- "$program" rg acct Key1) "
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
rows+=("| 8 | static Swift hello world (\`--static-swift-stdlib\`, stripped) | $(ms "$ts_hello") | 1× (dynamic hello world: $(ms "${round_times[dynamic-hello]}")) | – | – |")
row 8 'static binary: `-?` (help)' "$(ms "${round_times[static-help]}")" "$(static_ratio help)" "≤ 2×" "$(static_within help 2)"
row 8 'static binary: `-Foo` (binding error)' "$(ms "${round_times[static-binding]}")" "$(static_ratio binding)" "≤ 1.3×" "$(static_within binding 1.3)"
row 8 'static binary: one regeneration, emulator' "$(ms "${round_times[static-emulator]}")" "$(static_ratio emulator)" "≤ 3×" "$(static_within emulator 3)"
static_kib="$(($(stat -c %s "$static_bin") / 1024))"
dynamic_kib="$(($(stat -L -c %s "$cmd") / 1024))"
swift_libraries_kib="$(ldd "$cmd" | awk '$3 ~ /libswift|libdispatch|libBlocksRuntime/ { print $3 }' | xargs -r stat -L -c %s | awk '{ t += $1 } END { print int(t / 1024) }')"
rows+=("| 8 | static binary: size (stripped; needs only libc, libm, libstdc++, libgcc_s) | $(calc "sprintf(\"%.1f MiB\", $static_kib / 1024)") | – | – | – |")
rows+=("| 8 | dynamic build (not stripped): size, and the Swift runtime libraries it needs | $(calc "sprintf(\"%.1f MiB + %.1f MiB\", $dynamic_kib / 1024, $swift_libraries_kib / 1024)") | – | – | – |")
echo "Static binary links: $(ldd "$static_bin" | awk '{ print $1 }' | paste -sd' ')" >"$work/static-links"

# --- 9: the token cache across runs (issue 15) ---------------------------------------------------
# Ten invocations in a row, as a ported script runs them, against a fake whose token endpoint
# takes 100 ms and whose ARM takes 20 ms: with the token cache (emptied before each timed batch,
# so each batch makes exactly one token request) and with AZSHIM_TOKEN_CACHE=off. Then the same
# with an Azure CLI stand-in that takes 500 ms per `az account get-access-token`.
if [ "$quick" = 1 ]; then cache_runs=1 cache_warmup=0; else cache_runs=5 cache_warmup=1; fi
start_fake cache --delay-ms 20 --token-delay-ms 100
cache_pid="$fake_pid"
cache_file="$work/cache9/azshim/tokens.json"
# The timing loop starts its command with posix_spawn, which does not search PATH.
bash_path="$(command -v bash)" || fail "bash is not on PATH ($PATH)"
cat >"$work/ten.sh" <<'TEN'
# ten.sh CACHE-FILE COMMAND ARGS…: empties the token cache, then runs COMMAND ten times in a row.
cache="$1"
shift
rm -f "$cache"
for _ in 1 2 3 4 5 6 7 8 9 10; do "$@" >/dev/null 2>&1 || exit 1; done
TEN
secret9=("${env_clean[@]}" AZURE_TENANT_ID=tenant-1 AZURE_CLIENT_ID=client-1 AZURE_CLIENT_SECRET=bench-client-secret-0123456789
    AZURE_SUBSCRIPTION_ID=00000000-1111-2222-3333-444444444444
    AZURE_RESOURCE_MANAGER_URL="http://127.0.0.1:$fake_port" AZURE_AUTHORITY_HOST="http://127.0.0.1:$fake_port"
    XDG_CACHE_HOME="$work/cache9")
# The Azure CLI stand-in: a login in its profile, and an `az` that takes 500 ms per token.
mkdir -p "$work/az-bin" "$work/az-config" || fail "cannot create $work/az-bin"
cat >"$work/az-bin/az" <<'AZ'
#!/bin/sh
# The bench's Azure CLI stand-in: `az account get-access-token` after 500 ms, counted.
sleep 0.5
echo call >>"$BENCH_AZ_CALLS"
now=$(date +%s)
printf '{"accessToken":"BENCH-CLI-TOKEN-0123456789","expires_on":%s,"tokenType":"Bearer"}\n' "$((now + 3600))"
AZ
chmod +x "$work/az-bin/az"
printf '%s\n' '{"subscriptions":[{"id":"00000000-1111-2222-3333-444444444444","isDefault":true,"tenantId":"tenant-1","environmentName":"AzureCloud"}]}' \
    >"$work/az-config/azureProfile.json"
: >"$work/az-calls"
cli9=("${env_clean[@]}" PATH="$work/az-bin:$PATH" AZURE_CONFIG_DIR="$work/az-config" BENCH_AZ_CALLS="$work/az-calls"
    AZURE_RESOURCE_MANAGER_URL="http://127.0.0.1:$fake_port" XDG_CACHE_HOME="$work/cache9")
# requests9 CREDENTIAL → token requests so far: the fake's count for the client secret, the
# stand-in's calls for the Azure CLI.
requests9() {
    if [ "$1" = secret9 ]; then count "$(stats "$cache_pid" cache)" tokens; else wc -l <"$work/az-calls" | tr -d ' '; fi
}
declare -A t9=() n9=()
for credential in secret9 cli9; do
    for mode in on off; do
        declare -n env9="$credential"
        setting=()
        [ "$mode" = off ] && setting=(AZSHIM_TOKEN_CACHE=off)
        before="$(requests9 "$credential")"
        check "9: ten runs, $credential, cache $mode" 0 0 - "${env9[@]}" "${setting[@]}" -- "$bash_path" "$work/ten.sh" "$cache_file" "$cmd" rg acct Key1
        n9[$credential-$mode]=$(($(requests9 "$credential") - before))
        note "timing ten runs in a row ($credential, token cache $mode)"
        t9[$credential-$mode]="$(median "9: ten runs, $credential, cache $mode" 0 "$cache_runs" "$cache_warmup" - "${env9[@]}" "${setting[@]}" -- "$bash_path" "$work/ten.sh" "$cache_file" "$cmd" rg acct Key1)"
        unset -n env9
    done
done
speedup() { calc "${t9[$1-off]} / ${t9[$1-on]}"; }
row 9 "ten runs in a row, client secret (token 100 ms, ARM 20 ms): cache on, off" "$(calc "sprintf(\"%.3f s, %.3f s\", ${t9[secret9-on]}, ${t9[secret9-off]})")" "$(calc "sprintf(\"%.1f× faster\", $(speedup secret9))")" "≥ 3×" "$(calc "$(speedup secret9) >= 3 ? 1 : 0")"
row 9 "… token requests per ten runs, cache on, off" "${n9[secret9-on]}, ${n9[secret9-off]}" "–" "1, 10" "$([ "${n9[secret9-on]}" = 1 ] && [ "${n9[secret9-off]}" = 10 ] && echo 1 || echo 0)"
row 9 "ten runs in a row, Azure CLI stand-in (500 ms per token): cache on, off" "$(calc "sprintf(\"%.3f s, %.3f s\", ${t9[cli9-on]}, ${t9[cli9-off]})")" "$(calc "sprintf(\"%.1f× faster\", $(speedup cli9))")" "≥ 5×" "$(calc "$(speedup cli9) >= 5 ? 1 : 0")"
row 9 "… \`az account get-access-token\` runs per ten runs, cache on, off" "${n9[cli9-on]}, ${n9[cli9-off]}" "–" "1, 10" "$([ "${n9[cli9-on]}" = 1 ] && [ "${n9[cli9-off]}" = 10 ] && echo 1 || echo 0)"

# --- the table -------------------------------------------------------------------------------
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)" || true
toolchain="$(swift --version 2>/dev/null | head -1 | sed 's/ (.*//')" || true
cores="$(nproc 2>/dev/null)" || cores="?"
mode=""
[ "$quick" = 1 ] && mode=" --quick ($runs runs, small inputs; targets not judged)"
echo "AzShim speed$mode, $(date -u +%Y-%m-%d), $cores cores (${cpu:-unknown CPU}), ${toolchain:-unknown Swift}, medians by $timing"
echo
echo "| # | figure | median | ratio | target | result |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
if command -v ldd >/dev/null 2>&1 && ldd "$cmd" >"$work/ldd" 2>&1; then
    foundation="$(grep -io 'lib[a-z_]*foundation[a-z_]*' "$work/ldd" | sort -u | tr '\n' ' ')" || true
    echo "Product links: ${foundation:-no Foundation library}"
else
    echo "Product links: not checked (ldd is missing or failed)"
fi
echo "Slow fake after the throttle-limit runs: $slow_stats"
cat "$work/static-links"
if [ "$quick" = 1 ]; then
    echo "Quick run: every step worked (targets are judged by the full run)."
    exit 0
fi
if [ "${#missed[@]}" -eq 0 ]; then
    echo "All targets met."
    exit 0
fi
echo "Missed targets:"
printf '  %s\n' "${missed[@]}"
exit 1

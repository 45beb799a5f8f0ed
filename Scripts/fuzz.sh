#!/usr/bin/env bash
# Runs one libFuzzer target (address sanitizer on) for SECONDS seconds.
#
#   Scripts/fuzz.sh TARGET SECONDS      TARGET: arguments | json | help | http | scrubber
#   Scripts/fuzz.sh TARGET FILE...      re-run saved inputs (crash reproduction)
#
# The targets are built here with swiftc, outside SwiftPM, so `swift build` and `swift test`
# never need the fuzzer runtime: the library sources are compiled with
# `-sanitize=fuzzer,address` into .build/fuzz/ and linked with Fuzz/<Target>/*.swift, whose
# `LLVMFuzzerTestOneInput` is the entry point. Modules are built with -enable-testing, so a
# harness may `@testable import` them to reach internal parsers (the HTTP response reader).
# Seeds: Fuzz/Seeds/TARGET (committed). Corpus: fuzz-corpus/TARGET, crashes: fuzz-artifacts/TARGET (both git-ignored). Exit status: 0 when
# nothing was found, 1 when libFuzzer found a crash, leak, timeout or memory blow-up, 3 when the
# toolchain has no libFuzzer runtime (never a silent skip).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

usage() { echo "usage: Scripts/fuzz.sh arguments|json|help|http|scrubber SECONDS|FILE..." >&2; exit 2; }
[[ $# -ge 2 ]] || usage
target=$1
shift
case "$target" in
    # Modules in dependency order (each folder under Sources/ is one module).
    arguments) folder=Arguments; modules=(AzShimSupport HTTP1 PowerShellHost AzureCognitiveServices); max_len=4096 ;;
    json) folder=JSONStream; modules=(AzShimSupport); max_len=8192 ;;
    help) folder=HelpMarkdown; modules=(AzShimSupport HTTP1 PowerShellHost AzureCognitiveServices); max_len=16384 ;;
    http) folder=HTTPResponse; modules=(AzShimSupport HTTP1 PowerShellHost AzureCognitiveServices); max_len=16384 ;;
    scrubber) folder=SecretScrubber; modules=(AzShimSupport HTTP1 PowerShellHost AzureCognitiveServices); max_len=8192 ;;
    *) usage ;;
esac

swiftc=$(command -v swiftc || true)
if [[ -z "$swiftc" ]]; then
    echo "fuzz.sh: swiftc is not on PATH" >&2
    exit 3
fi
toolchain=$(dirname "$(dirname "$(readlink -f "$swiftc")")")
runtime=$(find "$toolchain/lib/clang" "$toolchain/lib/swift/clang" -name 'libclang_rt.fuzzer-*.a' 2>/dev/null | head -1 || true)
if [[ -z "$runtime" ]]; then
    echo "fuzz.sh: FUZZER RUNTIME MISSING: no libclang_rt.fuzzer-*.a under $toolchain/lib/clang." >&2
    echo "fuzz.sh: this Swift toolchain cannot build -sanitize=fuzzer targets; install the full" >&2
    echo "fuzz.sh: swift.org toolchain for Linux (it ships libFuzzer). Nothing was fuzzed." >&2
    exit 3
fi

build=$root/.build/fuzz
mkdir -p "$build"
# One -package-name for every module, as SwiftPM passes, so `package` declarations are visible.
flags=(-O -g -sanitize=fuzzer,address -parse-as-library -swift-version 6 -package-name azshim)
# Rebuild a module only when one of its sources is newer than its archive, or the flags changed.
# The product modules build without the regex module, as Package.swift builds them (issue 14).
module_flags=("${flags[@]}" -enable-testing -Xfrontend -disable-implicit-string-processing-module-import)
for module in "${modules[@]}"; do
    archive=$build/lib$module.a
    stamp=$build/$module.flags
    mapfile -t sources < <(find "Sources/$module" -name '*.swift' | sort)
    if [[ ! -f "$archive" ]] || [[ "$(cat "$stamp" 2>/dev/null)" != "${module_flags[*]}" ]] \
        || [[ -n $(find "Sources/$module" -name '*.swift' -newer "$archive" | head -1) ]]; then
        echo "== building $module with -sanitize=fuzzer,address" >&2
        swiftc "${module_flags[@]}" -module-name "$module" -emit-library -static -emit-module \
            -emit-module-path "$build/$module.swiftmodule" -I "$build" -o "$archive" "${sources[@]}"
        touch "$archive"
        echo "${module_flags[*]}" > "$stamp"
    fi
done
binary=$build/fuzz-$target
mapfile -t harness < <(find "Fuzz/$folder" -name '*.swift' | sort)
link=()
for ((index = ${#modules[@]} - 1; index >= 0; index--)); do link+=(-l"${modules[index]}"); done
echo "== linking $binary" >&2
swiftc "${flags[@]}" -module-name "Fuzz$folder" -I "$build" -L "$build" "${harness[@]}" "${link[@]}" -o "$binary"

corpus=$root/fuzz-corpus/$target
artifacts=$root/fuzz-artifacts/$target
mkdir -p "$corpus" "$artifacts"
options=(-max_len=$max_len -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts/")

if [[ "$1" =~ ^[0-9]+$ ]]; then
    seconds=$1
    echo "== fuzzing $target for $seconds s (corpus $corpus, seeds Fuzz/Seeds/$target)" >&2
    "$binary" "${options[@]}" -max_total_time="$seconds" "$corpus" "$root/Fuzz/Seeds/$target"
else
    "$binary" "${options[@]}" "$@"
fi

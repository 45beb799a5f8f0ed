#!/usr/bin/env bash
# The release build that ships: Scripts/build-release.sh [--all] [SWIFT-BUILD-OPTION…]
#
# Links the Swift runtime statically (`--static-swift-stdlib`), so the binary needs only the C
# and C++ runtime (libc, libm, libstdc++, libgcc_s) and, for HTTPS, OpenSSL 3 loaded at run time;
# strips it at link time (`--strip-all`: no debug symbols are kept), exports no symbols
# (`--no-export-dynamic` undoes the `-export-dynamic` of the toolchain's static-stdlib-args.lnk:
# the ~2,600 package symbols it exported made the binary larger and slowed the runtime's
# start-up `dladdr`; a crash backtrace then shows addresses, not names) and leaves out the RUNPATH
# into the build folder (`--disable-local-rpath`). Scripts/bench.sh links its hello world with the
# same linker flags. Prints the path of the built `azshim` on stdout;
# the build's own output goes to stderr. Without --all only the product `azshim` is built; with
# it, every product (CI's release check), with the same flags, so a later call is a no-op.
#
# Every script that builds release (install.sh, package.sh, bench.sh, .ci/run) builds through
# this one: SwiftPM relinks when the flags change, so one set of flags keeps their builds shared.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
products=(--product azshim)
if [ "${1:-}" = --all ]; then
    products=()
    shift
fi
flags=(-c release --static-swift-stdlib --disable-local-rpath -Xlinker --strip-all -Xlinker --no-export-dynamic "$@")
cd "$root"
swift build "${flags[@]}" "${products[@]}" >&2
binary="$(swift build "${flags[@]}" --show-bin-path)/azshim"
[ -x "$binary" ] || { echo "build-release.sh: the build left no $binary" >&2; exit 1; }
echo "$binary"

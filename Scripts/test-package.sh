#!/usr/bin/env bash
# Tests what Scripts/package.sh wrote: Scripts/test-package.sh [OUTDIR]   (default dist/)
#
# 1. SHA256SUMS matches; it names one archive and one .deb, the files this test takes.
# 2. The archive: bin/azshim with relative links for every cmdlet and Get-Help, the completions,
#    man pages and README; the binary needs no Swift runtime library (ldd) and has no RUNPATH.
# 3. A machine without Swift: the archive unpacked into an empty root that holds only the C and
#    C++ runtime files ldd names and the dynamic loader, no /proc, then in `chroot ROOT`:
#    `/bin/azshim New-AzCognitiveServicesAccountKey -?`, an emulator regeneration
#    (AZURE_ENVIRONMENT=Emulator, the state file inside the root) read back with Get-, Get-Help,
#    --version, and an Azure request, which fails with the clear message that libssl.so.3 is
#    missing. Where chroot is not permitted this part prints "not run here: …" and the reason.
# 4. The .deb: its control fields (Depends from ldd, Recommends: libssl3, Installed-Size),
#    gzipped man pages; installed with `dpkg --root` into a scratch root, the cmdlet runs from
#    there (and in a chroot of that root plus the ldd files, where permitted); purged, it
#    leaves nothing.
# Exit status: 0 when every check that ran passed, 1 otherwise.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
outdir="${1:-$root/dist}"
outdir="$(cd -- "$outdir" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/azshim-test-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT

failures=0
check() { # check DESCRIPTION COMMAND…: runs the command; a failure is counted and shown
    local description="$1"
    shift
    if "$@"; then
        echo "ok: $description"
    else
        echo "FAILED: $description" >&2
        failures=$((failures + 1))
    fi
}
fail() {
    echo "test-package.sh: $*" >&2
    exit 1
}

# --- 1. checksums ----------------------------------------------------------------------------
[ -f "$outdir/SHA256SUMS" ] || fail "no $outdir/SHA256SUMS: run Scripts/package.sh first"
(cd "$outdir" && sha256sum --check --quiet SHA256SUMS) || fail "SHA256SUMS does not match the files in $outdir"
archive="$outdir/$(awk '$2 ~ /\.tar\.gz$/ { print $2 }' "$outdir/SHA256SUMS")"
deb="$outdir/$(awk '$2 ~ /\.deb$/ { print $2 }' "$outdir/SHA256SUMS")"
[ -f "$archive" ] && [ -f "$deb" ] || fail "SHA256SUMS must name one .tar.gz and one .deb"
[ "$(wc -l <"$outdir/SHA256SUMS")" -eq 2 ] || fail "SHA256SUMS must name exactly two files"
echo "ok: SHA256SUMS ($(basename "$archive"), $(basename "$deb"))"

cmdlets=()
for help_file in "$root"/help/*.md; do cmdlets+=("$(basename "$help_file" .md)"); done
version="$(basename "$archive")"
version="${version#azshim-}"
version="${version%-linux-*}"

# --- 2. the archive's contents ---------------------------------------------------------------
unpacked="$work/unpacked"
mkdir "$unpacked"
tar -xzf "$archive" -C "$unpacked"
check "bin/azshim is an executable file" test -f "$unpacked/bin/azshim" -a -x "$unpacked/bin/azshim" -a ! -L "$unpacked/bin/azshim"
for name in Get-Help "${cmdlets[@]}"; do
    check "bin/$name is a relative link to azshim" test "$(readlink "$unpacked/bin/$name" 2>/dev/null)" = azshim
done
for path in share/bash-completion/completions/azshim share/zsh/site-functions/_azshim \
    share/fish/vendor_completions.d/azshim.fish share/man/man1/azshim.1 share/doc/azshim/README.md; do
    check "$path" test -s "$unpacked/$path"
done
for name in "${cmdlets[@]}"; do
    for path in "share/bash-completion/completions/$name" "share/zsh/site-functions/_$name" \
        "share/fish/vendor_completions.d/$name.fish" "share/man/man1/$name.1"; do
        check "$path" test -s "$unpacked/$path"
    done
done
check "share/man/man1/Get-Help.1 links to azshim.1" test "$(readlink "$unpacked/share/man/man1/Get-Help.1")" = azshim.1
absolute="$(find "$unpacked" -type l -lname '/*' -print)"
check "no link in the archive is absolute" test -z "$absolute"
check "only bin/ and share/ at the top" test "$(ls "$unpacked" | paste -sd' ')" = "bin share"
man_sections="$(grep -c '^\.SH \(EXIT STATUS\|ENVIRONMENT\|FILES\|DEVIATIONS FROM POWERSHELL\)$' \
    "$unpacked/share/man/man1/${cmdlets[0]}.1" || true)"
check "${cmdlets[0]}.1 has EXIT STATUS, ENVIRONMENT, FILES and DEVIATIONS FROM POWERSHELL" test "$man_sections" -eq 4
libraries="$(ldd "$unpacked/bin/azshim")"
check "ldd lists no Swift runtime, libdispatch or libBlocksRuntime" \
    bash -c '! grep -Eq "libswift|libdispatch|libBlocksRuntime|not found" <<<"$1"' _ "$libraries"
check "the binary has no RUNPATH or RPATH" bash -c '! readelf -d "$1" | grep -Eq "RUNPATH|RPATH"' _ "$unpacked/bin/azshim"
check "the binary is stripped" bash -c '! readelf -S "$1" | grep -Eq "\.symtab|\.debug_info"' _ "$unpacked/bin/azshim"
check "it runs from the unpacked folder: --version is $version's" \
    bash -c '[[ "$2" == "$("$1" --version | cut -d" " -f2)"* ]]' _ "$unpacked/bin/azshim" "$version"

# The C and C++ runtime files ldd names, and the loader, copied into ROOT at the same paths.
copy_runtime() {
    local destination="$1" library
    for library in $(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i }' <<<"$libraries" | sort -u); do
        mkdir -p "$destination$(dirname "$library")"
        cp -L "$library" "$destination$library"
    done
}

# The chroot checks, for a root whose binaries are at BIN (inside the root).
chroot_checks() {
    local jail="$1" bin="$2" label="$3" out="$work/out" err="$work/err" status
    mkdir -p "$jail/state"
    check "$label: the root has no /proc and no Swift library" \
        bash -c '[ ! -e "$1/proc" ] && [ -z "$(find "$1" -name "libswift*" -print -quit)" ]' _ "$jail"
    status=0
    env -i "$chroot" "$jail" "$bin/azshim" New-AzCognitiveServicesAccountKey -? >"$out" 2>"$err" || status=$?
    check "$label: azshim New-AzCognitiveServicesAccountKey -? prints the help" \
        bash -c '[ "$1" = 0 ] && [ ! -s "$3" ] && [ "$(head -c 43 "$2")" = "$(printf "\nNAME\n    New-AzCognitiveServicesAccountKey")" ] && grep -q "^    Regenerates an account key.$" "$2"' \
        _ "$status" "$out" "$err"
    local emulator=(env -i AZURE_ENVIRONMENT=Emulator AZSHIM_EMULATOR_STATE=/state/emulator.json)
    status=0
    "${emulator[@]}" "$chroot" "$jail" "$bin/New-AzCognitiveServicesAccountKey" rg myluis Key1 --output json \
        >"$out" 2>"$err" || status=$?
    check "$label: an emulator regeneration prints the keys it stored in the root's state file" \
        bash -c '[ "$1" = 0 ] && [ ! -s "$3" ] &&
            key1="$(sed -n "s/^{\"Key1\":\"\([0-9a-f]\{32\}\)\",\"Key2\":\"[0-9a-f]\{32\}\"}$/\1/p" "$2")" &&
            [ -n "$key1" ] && grep -q "\"key1\" *: *\"$key1\"" "$4/state/emulator.json" &&
            [ "$(stat -c %a "$4/state/emulator.json")" = 600 ]' _ "$status" "$out" "$err" "$jail"
    cp "$out" "$work/regenerated"
    status=0
    "${emulator[@]}" "$chroot" "$jail" "$bin/azshim" get-azcognitiveservicesaccountkey rg myluis --output json \
        >"$out" 2>"$err" || status=$?
    check "$label: azshim Get-AzCognitiveServicesAccountKey reads the same keys back" \
        bash -c '[ "$1" = 0 ] && [ ! -s "$3" ] && cmp -s "$2" "$4"' _ "$status" "$out" "$err" "$work/regenerated"
    status=0
    "${emulator[@]}" "$chroot" "$jail" "$bin/Get-Help" New-AzCognitiveServicesAccountKey -Parameter KeyName \
        >"$out" 2>"$err" || status=$?
    check "$label: Get-Help New-AzCognitiveServicesAccountKey -Parameter KeyName" \
        bash -c '[ "$1" = 0 ] && grep -q "^-KeyName <" "$2"' _ "$status" "$out"
    # No OpenSSL in the root: everything but HTTPS runs; a request to Azure says what is missing.
    status=0
    env -i AZURE_ENVIRONMENT=AzureCloud AZURE_TENANT_ID=tenant AZURE_CLIENT_ID=client AZURE_CLIENT_SECRET=pkg-test-secret-7f3a \
        AZURE_SUBSCRIPTION_ID=00000000-1111-2222-3333-444444444444 AZURE_AUTHORITY_HOST=https://127.0.0.1:9 \
        AZURE_RESOURCE_MANAGER_URL=https://127.0.0.1:9 \
        "$chroot" "$jail" "$bin/New-AzCognitiveServicesAccountKey" rg myluis Key1 >"$out" 2>"$err" || status=$?
    check "$label: without libssl.so.3 a request to Azure fails with the clear message (exit 1)" \
        bash -c '[ "$1" = 1 ] && [ ! -s "$2" ] && grep -q "TLS is unavailable: cannot load libssl.so.3" "$3" && ! grep -q pkg-test-secret-7f3a "$3"' \
        _ "$status" "$out" "$err"
}

# --- 3. a machine without Swift, in a chroot -------------------------------------------------
chroot="$(command -v chroot || true)"
[ -n "$chroot" ] || { [ -x /usr/sbin/chroot ] && chroot=/usr/sbin/chroot; }
chroot_reason=""
if [ -z "$chroot" ]; then
    chroot_reason="chroot(8) is not installed"
elif [ "$(id -u)" -ne 0 ]; then
    chroot_reason="not root (uid $(id -u)); chroot(2) needs CAP_SYS_CHROOT"
elif ! probe="$("$chroot" / /bin/true 2>&1)"; then
    chroot_reason="chroot / /bin/true failed: $probe"
fi
if [ -z "$chroot_reason" ]; then
    jail="$work/root"
    mkdir "$jail"
    tar -xzf "$archive" -C "$jail"
    copy_runtime "$jail"
    chroot_checks "$jail" /bin "archive in a chroot"
else
    echo "not run here: the archive's chroot test ($chroot_reason)"
fi

# --- 4. the Debian package -------------------------------------------------------------------
field() { dpkg-deb --field "$deb" "$1"; }
check ".deb: Package azshim, Architecture $(dpkg --print-architecture)" \
    test "$(field Package) $(field Architecture)" = "azshim $(dpkg --print-architecture)"
check ".deb: Version $version" test "$(field Version)" = "$version"
check ".deb: Recommends: libssl3" test "$(field Recommends)" = libssl3
depends="$(field Depends)"
expected_packages="$(for library in $(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i }' <<<"$libraries"); do
    dpkg-query --search "$library" 2>/dev/null || dpkg-query --search "$(readlink -f "$library")"
done | cut -d: -f1 | sort -u | paste -sd' ')"
check ".deb: Depends ($depends) names exactly the packages of ldd's libraries ($expected_packages)" \
    test "$(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | sort -u | paste -sd' ')" = "$expected_packages"
extracted="$work/extracted"
dpkg-deb --extract "$deb" "$extracted"
# Policy: an estimate in KiB; between the files' bytes and that plus 1 KiB per entry (rounding, folders, links).
file_kib="$(find "$extracted" -type f -printf '%s\n' | awk '{ total += $1 } END { print int((total + 1023) / 1024) }')"
entries="$(find "$extracted" -mindepth 1 | wc -l)"
installed_size="$(field Installed-Size)"
check ".deb: Installed-Size $installed_size KiB fits its files ($file_kib KiB in $entries entries)" \
    bash -c '[ "$1" -ge "$2" ] && [ "$1" -le $(($2 + $3)) ]' _ "$installed_size" "$file_kib" "$entries"
check ".deb: the man pages are gzipped" \
    bash -c '[ -n "$(find "$1/usr/share/man/man1" -name "*.1.gz" -print -quit)" ] && [ -z "$(find "$1/usr/share/man" -name "*.1" -print -quit)" ]' \
    _ "$extracted"
check ".deb: everything is under /usr" test "$(ls "$extracted")" = usr
check ".deb: /usr/share/doc/azshim/copyright and changelog.gz" \
    test -s "$extracted/usr/share/doc/azshim/copyright" -a -s "$extracted/usr/share/doc/azshim/changelog.gz"

# Installed with dpkg into a scratch root (dependencies are the host's, so --force-depends).
scratch="$work/scratch"
mkdir -p "$scratch/var/lib/dpkg/info" "$scratch/var/lib/dpkg/updates"
touch "$scratch/var/lib/dpkg/status" "$scratch/var/lib/dpkg/available"
if dpkg --root="$scratch" --force-depends --force-script-chrootless --log=/dev/null --install "$deb" >"$work/dpkg.log" 2>&1; then
    echo "ok: dpkg --root installs the .deb"
    check ".deb: dpkg lists it installed" \
        bash -c 'dpkg --root="$1" --status azshim | grep -q "^Status: install ok installed$"' _ "$scratch"
    status=0
    env -i AZURE_ENVIRONMENT=Emulator AZSHIM_EMULATOR_STATE="$work/deb-state/emulator.json" \
        "$scratch/usr/bin/New-AzCognitiveServicesAccountKey" rg myluis Key2 --output json >"$work/out" 2>"$work/err" || status=$?
    check ".deb: the installed cmdlet regenerates a key on the emulator" \
        bash -c '[ "$1" = 0 ] && [ ! -s "$3" ] && grep -Eq "^\{\"Key1\":\"[0-9a-f]{32}\",\"Key2\":\"[0-9a-f]{32}\"\}$" "$2"' \
        _ "$status" "$work/out" "$work/err"
    check ".deb: the installed New-AzCognitiveServicesAccountKey -? prints the help" \
        bash -c '"$1" -? | grep -q "^    Regenerates an account key.$"' _ "$scratch/usr/bin/New-AzCognitiveServicesAccountKey"
    if [ -z "$chroot_reason" ]; then
        copy_runtime "$scratch"
        chroot_checks "$scratch" /usr/bin ".deb in a chroot"
        rm -rf "$scratch/lib" "$scratch/lib64" "$scratch/state"
    else
        echo "not run here: the .deb's chroot test ($chroot_reason)"
    fi
    dpkg --root="$scratch" --force-script-chrootless --log=/dev/null --purge azshim >>"$work/dpkg.log" 2>&1
    left="$(find "$scratch" -mindepth 1 -not -path "$scratch/var*" -print)"
    check ".deb: purged, it leaves nothing outside dpkg's own folder" test -z "$left"
else
    cat "$work/dpkg.log" >&2
    echo "FAILED: dpkg --root could not install the .deb" >&2
    failures=$((failures + 1))
fi

if [ "$failures" -gt 0 ]; then
    echo "test-package.sh: $failures check(s) failed" >&2
    exit 1
fi
echo "test-package.sh: every check passed"

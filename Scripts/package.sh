#!/usr/bin/env bash
# Builds AzShim's release files: Scripts/package.sh [OUTDIR]; Scripts/package.sh --help.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: Scripts/package.sh [OUTDIR]        (OUTDIR defaults to dist/ in the source tree)
       Scripts/package.sh --help | -h

Builds the release binary (Scripts/build-release.sh: the Swift runtime linked statically,
stripped; a no-op when that build is current) and writes into OUTDIR:

  azshim-VERSION-linux-ARCH.tar.gz   bin/azshim, bin/CMDLET and bin/Get-Help (relative links),
                                     share/bash-completion, share/zsh/site-functions,
                                     share/fish/vendor_completions.d, share/man/man1,
                                     share/doc/azshim (README.md, and LICENSE when the tree has one);
                                     unpack it into any folder (tar -xzf … -C ~/.local) and run bin/
  azshim_VERSION_DEBARCH.deb         the same under /usr, built with dpkg-deb (Debian policy layout,
                                     Depends from the libraries ldd names, Recommends: libssl3)
  SHA256SUMS                         the checksums of both

VERSION is the one `azshim --version` prints (Sources/PowerShellHost/Host/AzShimVersion.swift).
In a git checkout `git describe` adds the commit unless HEAD is the tag vVERSION:
0.1.0+g1a2b3c4, 0.1.0+5.g1a2b3c4 (five commits after v0.1.0), .dirty for uncommitted changes.

Needs dpkg-deb and dpkg-shlibdeps (dpkg-dev); lintian checks the .deb (errors and warnings fail).
Missing tools are installed with apt-get when running as root (after apt-get update), unless
AZSHIM_PACKAGE_NO_INSTALL=1; lintian that cannot be installed is reported as not run.
Environment: AZSHIM_MAINTAINER (the .deb's Maintainer; default the author of HEAD),
SOURCE_DATE_EPOCH (file times; default the time of HEAD, so a rebuild gives the same archive).
USAGE
}

outdir=""
for argument in "$@"; do
    case "$argument" in
        -h | --help)
            usage
            exit 0
            ;;
        -*)
            echo "package.sh: unknown option '$argument'" >&2
            usage >&2
            exit 2
            ;;
        *)
            [ -z "$outdir" ] || { echo "package.sh: more than one OUTDIR" >&2; usage >&2; exit 2; }
            outdir="$argument"
            ;;
    esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
outdir="${outdir:-$root/dist}"
mkdir -p -- "$outdir"
outdir="$(cd -- "$outdir" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/azshim-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT

fail() {
    echo "package.sh: $*" >&2
    exit 1
}
note() { echo "package.sh: $*" >&2; }

# --- tools -----------------------------------------------------------------------------------
apt_updated=0
apt_install() { # apt_install PACKAGE: installs it when allowed; false when it cannot
    [ "${AZSHIM_PACKAGE_NO_INSTALL:-0}" != 1 ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
    if [ "$apt_updated" = 0 ]; then
        note "apt-get update"
        apt-get update -q >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; return 1; }
        apt_updated=1
    fi
    note "apt-get install -y $1"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >>"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log" >&2; return 1; }
}
for tool in tar gzip sha256sum ldd dpkg-deb dpkg-query; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed"
done
if ! command -v dpkg-shlibdeps >/dev/null 2>&1; then
    apt_install dpkg-dev || fail "dpkg-shlibdeps (dpkg-dev) is not installed and cannot be installed here"
fi
lintian_missing=""
if ! command -v lintian >/dev/null 2>&1; then
    apt_install lintian || lintian_missing="lintian is not installed and cannot be installed here"
fi

# --- the binary ------------------------------------------------------------------------------
note "building the release binary (Scripts/build-release.sh)"
binary="$("$root/Scripts/build-release.sh")"
libraries="$(ldd "$binary")" || fail "ldd $binary failed"
if grep -Eq 'libswift|libdispatch|libBlocksRuntime|libFoundation|not found' <<<"$libraries"; then
    fail "the release binary needs libraries it must not need (a Swift runtime or a missing one):
$libraries"
fi
version_line="$("$binary" --version)"
base_version="${version_line#AzShim }"
[[ "$base_version" =~ ^[0-9]+(\.[0-9]+)*$ ]] || fail "'$binary --version' printed '$version_line', not 'AzShim N.N.N'"

# --- VERSION, one place: --version, refined by git describe in a checkout --------------------
version="$base_version"
source_epoch="${SOURCE_DATE_EPOCH:-}"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    if git -C "$root" rev-parse -q --verify "refs/tags/v$base_version" >/dev/null; then
        described="$(git -C "$root" describe --tags --long --match "v$base_version" --dirty=-dirty --abbrev=7)"
        # v0.1.0-0-g1a2b3c4 is the release itself; v0.1.0-5-g1a2b3c4 five commits later.
        rest="${described#"v$base_version"-}"
        count="${rest%%-*}"
        commit="${rest#*-}"
        commit="${commit%-dirty}"
        if [ "$count" != 0 ]; then version+="+$count.$commit"; fi
    else
        commit="g$(git -C "$root" describe --always --abbrev=7 --exclude='*')"
        version+="+$commit"
    fi
    if [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]; then
        case "$version" in *+*) version+=".dirty" ;; *) version+="+dirty" ;; esac
    fi
    source_epoch="${source_epoch:-$(git -C "$root" log -1 --format=%ct)}"
    maintainer="${AZSHIM_MAINTAINER:-$(git -C "$root" log -1 --format='%an <%ae>')}"
fi
source_epoch="${source_epoch:-$(date +%s)}"
# The years of the first commit and of this one (the tree's own dates, not the build's).
last_year="$(date -u -d "@$source_epoch" +%Y)"
first_year="$(git -C "$root" log --reverse --format=%ad --date=format:%Y 2>/dev/null | head -1 || true)"
copyright_years="${first_year:-$last_year}"
[ "$copyright_years" = "$last_year" ] || copyright_years+="-$last_year"
maintainer="${AZSHIM_MAINTAINER:-${maintainer:-AzShim maintainers <azshim@example.org>}}"
machine="$(uname -m)"
deb_arch="$(dpkg --print-architecture)"
archive="azshim-$version-linux-$machine.tar.gz"
deb="azshim_${version}_$deb_arch.deb"
note "version $version ($archive, $deb)"

# The cmdlets: one link each, as install.sh makes them (every name with a help file).
cmdlets=()
for help_file in "$root"/help/*.md; do cmdlets+=("$(basename "$help_file" .md)"); done
[ "${#cmdlets[@]}" -gt 0 ] || fail "no help/*.md: no cmdlet to link"

# generate DEST FIRST-CHARACTER COMMAND…: the command's stdout, which must start as expected.
generate() {
    local dest="$1" first="$2"
    shift 2
    "$@" >"$dest" 2>"$work/generate.err" || fail "'$*' failed: $(cat "$work/generate.err")"
    [ "$(head -c 1 "$dest")" = "$first" ] || fail "'$*' printed something unexpected"
}

# stage PREFIX ZSH-FOLDER: the files under PREFIX (bin/, share/).
stage() {
    local prefix="$1" zsh_folder="$2" name
    mkdir -p "$prefix/bin" "$prefix/share/bash-completion/completions" "$prefix/$zsh_folder" \
        "$prefix/share/fish/vendor_completions.d" "$prefix/share/man/man1" "$prefix/share/doc/azshim"
    install -m 0755 "$binary" "$prefix/bin/azshim"
    ln -s azshim "$prefix/bin/Get-Help"
    for name in azshim "${cmdlets[@]}"; do
        [ "$name" = azshim ] || ln -s azshim "$prefix/bin/$name"
        generate "$prefix/share/bash-completion/completions/$name" "#" "$prefix/bin/$name" --completion bash
        generate "$prefix/$zsh_folder/_$name" "#" "$prefix/bin/$name" --completion zsh
        generate "$prefix/share/fish/vendor_completions.d/$name.fish" "#" "$prefix/bin/$name" --completion fish
        generate "$prefix/share/man/man1/$name.1" "." "$prefix/bin/$name" --man
    done
    ln -s azshim.1 "$prefix/share/man/man1/Get-Help.1"
    install -m 0644 "$root/README.md" "$prefix/share/doc/azshim/README.md"
}

# tidy FOLDER: modes 0755/0644 (the binary 0755), every time SOURCE_DATE_EPOCH.
tidy() {
    find "$1" -type d -exec chmod 0755 {} +
    find "$1" -type f -exec chmod 0644 {} +
    find "$1" -path '*/bin/azshim' -type f -exec chmod 0755 {} +
    find "$1" -exec touch -h -d "@$source_epoch" {} +
}

licence=""
for candidate in LICENSE LICENSE.md LICENSE.txt COPYING; do
    if [ -f "$root/$candidate" ]; then
        licence="$root/$candidate"
        break
    fi
done

# --- the archive -----------------------------------------------------------------------------
tree="$work/archive"
stage "$tree" share/zsh/site-functions
if [ -n "$licence" ]; then
    install -m 0644 "$licence" "$tree/share/doc/azshim/$(basename "$licence")"
else
    note "the source tree has no LICENSE file: the archive and the .deb ship no licence text"
fi
tidy "$tree"
rm -f "$outdir/$archive"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$source_epoch" -C "$tree" -cf - bin share \
    | gzip -9n >"$outdir/$archive"

# --- the Debian package ----------------------------------------------------------------------
deb_root="$work/deb"
stage "$deb_root/usr" share/zsh/vendor-completions
doc="$deb_root/usr/share/doc/azshim"
find "$deb_root/usr/share/man/man1" -type f -name '*.1' -exec gzip -9n {} +
rm "$deb_root/usr/share/man/man1/Get-Help.1"
ln -s azshim.1.gz "$deb_root/usr/share/man/man1/Get-Help.1.gz"
{
    echo "AzShim: PowerShell Az cmdlets as native programs, version $version."
    echo
    echo "Copyright $copyright_years the AzShim authors."
    echo
    if [ -n "$licence" ]; then
        echo "License ($(basename "$licence") of the source tree):"
        echo
        cat "$licence"
    else
        echo "License: the source tree has no LICENSE file; its authors have stated no licence terms,"
        echo "and this package grants none."
    fi
} >"$doc/copyright"
{
    echo "azshim ($version) unstable; urgency=medium"
    echo
    echo "  * Built from the AzShim source tree, version $version."
    echo
    echo " -- $maintainer  $(LC_ALL=C date -u -R -d "@$source_epoch")"
} | gzip -9n >"$doc/changelog.gz"

# Depends: the packages that hold the libraries ldd names (the loader is libc6's), with the
# minimum versions dpkg-shlibdeps reads from their symbol files.
owner() { # owner PATH → the package that holds the file, trying its /usr-merged spellings
    local path="$1" candidate
    for candidate in "$path" "$(readlink -f "$path")" "${path#/usr}" "/usr$path"; do
        dpkg-query --search "$candidate" 2>/dev/null | head -1 | cut -d: -f1 && return 0
    done
    return 1
}
needed=()
for library in $(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i }' <<<"$libraries" | sort -u); do
    package="$(owner "$library")" || fail "no installed package holds $library (ldd $binary)"
    needed+=("$package")
done
needed_list="$(printf '%s\n' "${needed[@]}" | sort -u | paste -sd, | sed 's/,/, /g')"
mkdir -p "$work/shlibs/debian"
printf 'Source: azshim\n\nPackage: azshim\nArchitecture: any\n' >"$work/shlibs/debian/control"
shlibs="$(cd "$work/shlibs" && dpkg-shlibdeps -O "-e$deb_root/usr/bin/azshim" 2>"$work/shlibdeps.err")" \
    || fail "dpkg-shlibdeps failed: $(cat "$work/shlibdeps.err")"
depends="${shlibs#shlibs:Depends=}"
shlib_packages="$(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | sort -u | paste -sd, | sed 's/,/, /g')"
[ "$shlib_packages" = "$needed_list" ] \
    || fail "dpkg-shlibdeps names $shlib_packages, ldd's libraries are in $needed_list"

tidy "$deb_root"
# Installed-Size in KiB as dpkg-gencontrol counts it: each file rounded up, 1 for anything else.
installed_size="$(find "$deb_root" -mindepth 1 -printf '%y %s\n' \
    | awk '{ if ($1 == "f") total += int(($2 + 1023) / 1024); else total += 1 } END { print total }')"
mkdir -p "$deb_root/DEBIAN"
(cd "$deb_root" && find usr -type f -exec md5sum {} + | sort -k 2) >"$deb_root/DEBIAN/md5sums"
commands="$(printf '%s\n' "${cmdlets[@]}" | paste -sd, | sed 's/,/, /g')"
{
    echo "Package: azshim"
    echo "Version: $version"
    echo "Architecture: $deb_arch"
    echo "Maintainer: $maintainer"
    echo "Installed-Size: $installed_size"
    echo "Depends: $depends"
    echo "Recommends: libssl3"
    echo "Section: utils"
    echo "Priority: optional"
    echo "Description: PowerShell Az cmdlets as native programs"
    echo " AzShim runs PowerShell's Az cmdlets as one native binary, azshim, with a"
    echo " link for each cmdlet name and for Get-Help. A line from a PowerShell script"
    echo " runs unchanged in a POSIX shell: PowerShell's parameter binding, tables,"
    echo " help and error texts, on Azure Resource Manager or on an embedded emulator."
    echo " No PowerShell, .NET or Swift runtime is needed; OpenSSL 3 (libssl3) is"
    echo " loaded only for HTTPS to Azure."
    echo " ."
    echo " Cmdlets: $commands." | fold -s -w 72 | sed '2,$s/^/ /'
} >"$deb_root/DEBIAN/control"
chmod 0644 "$deb_root/DEBIAN/control" "$deb_root/DEBIAN/md5sums"
find "$deb_root/DEBIAN" -exec touch -h -d "@$source_epoch" {} +
rm -f "$outdir/$deb"
SOURCE_DATE_EPOCH="$source_epoch" dpkg-deb --root-owner-group -Zxz --build "$deb_root" "$outdir/$deb" >/dev/null

if [ -z "$lintian_missing" ]; then
    note "lintian $deb"
    # As root lintian wants --allow-root; errors and warnings fail, information is shown.
    allow_root=()
    [ "$(id -u)" -ne 0 ] || allow_root=(--allow-root)
    lintian "${allow_root[@]}" --fail-on error,warning --display-info "$outdir/$deb" >&2 \
        || fail "lintian found errors or warnings in $deb"
else
    echo "not run here: lintian on $deb ($lintian_missing)" >&2
fi

(cd "$outdir" && sha256sum "$archive" "$deb" >SHA256SUMS)
note "wrote $outdir/$archive ($(du -k "$outdir/$archive" | cut -f1) KiB), $outdir/$deb ($(du -k "$outdir/$deb" | cut -f1) KiB), $outdir/SHA256SUMS"

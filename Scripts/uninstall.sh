#!/usr/bin/env bash
# Removes what Scripts/install.sh installed: Scripts/uninstall.sh [PREFIX]; --help prints the usage.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: Scripts/uninstall.sh [PREFIX]
       Scripts/uninstall.sh --help | -h

Removes what Scripts/install.sh installed in PREFIX (/usr/local when run as root, else ~/.local):
exactly the files, links and folders listed in PREFIX/share/azshim/install-manifest (folders only
when empty). The emulator's state file is not part of the installation: it holds the emulator's
keys and is left in place; the message at the end says where it is.
USAGE
}

prefix=""
for argument in "$@"; do
    case "$argument" in
        -h | --help)
            usage
            exit 0
            ;;
        -*)
            echo "uninstall.sh: unknown option '$argument'" >&2
            usage >&2
            exit 2
            ;;
        *)
            [ -z "$prefix" ] || { echo "uninstall.sh: more than one PREFIX ('$prefix', '$argument')" >&2; usage >&2; exit 2; }
            prefix="$argument"
            ;;
    esac
done
if [ -z "$prefix" ]; then
    if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
fi
[ -d "$prefix" ] || { echo "No AzShim installation in $prefix." >&2; exit 1; }
prefix="$(cd -- "$prefix" && pwd)"
manifest="$prefix/share/azshim/install-manifest"
[ -f "$manifest" ] || { echo "No AzShim installation in $prefix (no $manifest)." >&2; exit 1; }

dirs=()
while IFS= read -r entry; do
    kind="${entry%% *}"
    path="${entry#* }"
    case "$kind" in
        file | link) rm -f -- "$path" ;;
        dir) dirs=("$path" "${dirs[@]}") ;;  # reverse order: deepest first
    esac
done <"$manifest"
rm -f -- "$manifest"
for dir in "${dirs[@]}"; do
    rmdir -- "$dir" 2>/dev/null || true
done
echo "Removed AzShim from $prefix." >&2

# The emulator's state file, where this user's runs keep it (EmulatorBackend.stateFilePath).
if [ -n "${AZSHIM_EMULATOR_STATE:-}" ]; then
    state="$AZSHIM_EMULATOR_STATE"
elif [ -n "${XDG_STATE_HOME:-}" ]; then
    state="$XDG_STATE_HOME/azshim/emulator.json"
else
    state="${HOME:-.}/.local/state/azshim/emulator.json"
fi
if [ -e "$state" ]; then
    echo "Left in place: the emulator's state file $state, which holds the emulator's keys." >&2
    echo "  To remove it: rm -f '$state' '$state.lock'" >&2
else
    echo "Uninstalling leaves emulator state files in place (they hold the emulator's keys); this user's" >&2
    echo "  would be $state, and there is none." >&2
fi

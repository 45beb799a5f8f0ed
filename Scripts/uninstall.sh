#!/usr/bin/env bash
# Removes what Scripts/install.sh installed: Scripts/uninstall.sh [PREFIX]
# (same default PREFIX as install.sh). Reads PREFIX/share/azshim/install-manifest and removes
# exactly the files, links and directories listed there (directories only when empty).
set -euo pipefail

if [ "$#" -ge 1 ]; then
    prefix="$1"
elif [ "$(id -u)" -eq 0 ]; then
    prefix=/usr/local
else
    prefix="$HOME/.local"
fi
[ -d "$prefix" ] || { echo "No AzShim installation in $prefix." >&2; exit 1; }
prefix="$(cd "$prefix" && pwd)"
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

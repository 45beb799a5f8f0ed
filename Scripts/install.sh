#!/usr/bin/env bash
# Installs AzShim: Scripts/install.sh [PREFIX]
# PREFIX defaults to /usr/local when run as root, else ~/.local. Installs
#   PREFIX/bin/azshim                        (release build; help is embedded)
#   PREFIX/bin/CMDLET -> azshim              for every cmdlet (help/CMDLET.md)
#   PREFIX/bin/Get-Help -> azshim
# with the completion of `azshim CMDLET …`
#   PREFIX/share/bash-completion/completions/azshim
#   PREFIX/share/zsh/site-functions/_azshim
#   PREFIX/share/fish/vendor_completions.d/azshim.fish
# and for every cmdlet
#   PREFIX/share/bash-completion/completions/CMDLET
#   PREFIX/share/zsh/site-functions/_CMDLET
#   PREFIX/share/fish/vendor_completions.d/CMDLET.fish
#   PREFIX/share/man/man1/CMDLET.1
# and records every file and directory it created in PREFIX/share/azshim/install-manifest,
# which Scripts/uninstall.sh reads to remove exactly those.
# The completion scripts and the man page come from the built binary's host options
# `--completion bash|zsh|fish` and `--man`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$#" -ge 1 ]; then
    prefix="$1"
elif [ "$(id -u)" -eq 0 ]; then
    prefix=/usr/local
else
    prefix="$HOME/.local"
fi
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
command_name=azshim
manifest_dir="$prefix/share/azshim"
manifest="$manifest_dir/install-manifest"

if [ -f "$manifest" ]; then
    echo "AzShim is already installed in $prefix; running Scripts/uninstall.sh first." >&2
    "$root/Scripts/uninstall.sh" "$prefix"
fi

echo "Building (release)..." >&2
(cd "$root" && swift build -c release --product "$command_name" >&2)
bin_dir="$(cd "$root" && swift build -c release --show-bin-path)"

created=()
make_dir() { # records directories this install creates, deepest last
    local dir="$1" missing=()
    while [ ! -d "$dir" ]; do missing=("$dir" "${missing[@]}"); dir="$(dirname "$dir")"; done
    for dir in "${missing[@]}"; do mkdir "$dir"; created+=("dir $dir"); done
}
install_file() { # install_file SOURCE DEST MODE
    make_dir "$(dirname "$2")"
    install -m "$3" "$1" "$2"
    created+=("file $2")
}
generated() { # generated DEST FIRST-CHARACTER COMMAND...: installs the command's stdout when it starts as expected
    local dest="$1" first="$2"
    shift 2
    local tmp
    tmp="$(mktemp)"
    if "$@" >"$tmp" 2>/dev/null && [ "$(head -c 1 "$tmp")" = "$first" ]; then
        install_file "$tmp" "$dest" 0644
    else
        echo "warning: '$*' failed; $dest not installed." >&2
    fi
    rm -f "$tmp"
}

make_dir "$manifest_dir"
install_file "$bin_dir/$command_name" "$prefix/bin/$command_name" 0755
ln -sf "$command_name" "$prefix/bin/Get-Help"
created+=("link $prefix/bin/Get-Help")
binary="$prefix/bin/$command_name"
generated "$prefix/share/bash-completion/completions/$command_name" "#" "$binary" --completion bash
generated "$prefix/share/zsh/site-functions/_$command_name" "#" "$binary" --completion zsh
generated "$prefix/share/fish/vendor_completions.d/$command_name.fish" "#" "$binary" --completion fish

# One binary serves every cmdlet, chosen by the name it is invoked as: each help file names one.
for help_file in "$root"/help/*.md; do
    name="$(basename "$help_file" .md)"
    ln -sf "$command_name" "$prefix/bin/$name"
    created+=("link $prefix/bin/$name")
    binary="$prefix/bin/$name"
    generated "$prefix/share/bash-completion/completions/$name" "#" "$binary" --completion bash
    generated "$prefix/share/zsh/site-functions/_$name" "#" "$binary" --completion zsh
    generated "$prefix/share/fish/vendor_completions.d/$name.fish" "#" "$binary" --completion fish
    generated "$prefix/share/man/man1/$name.1" "." "$binary" --man
done

printf '%s\n' "${created[@]}" >"$manifest"
echo "Installed into $prefix (manifest: $manifest)." >&2
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Add $prefix/bin to PATH to run the cmdlets, $command_name and Get-Help." >&2 ;;
esac

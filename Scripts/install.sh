#!/usr/bin/env bash
# Installs AzShim from this source tree: Scripts/install.sh [PREFIX]; Scripts/install.sh --help
# (the usage below is what --help prints).
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: Scripts/install.sh [PREFIX]
       Scripts/install.sh --help | -h

Builds AzShim in release mode (Scripts/build-release.sh: the Swift runtime linked statically,
stripped) and installs it into PREFIX: /usr/local when run as root, else ~/.local.

  PREFIX/bin/azshim                              the binary (help is embedded)
  PREFIX/bin/CMDLET -> azshim                    a link for every cmdlet (help/CMDLET.md)
  PREFIX/bin/Get-Help -> azshim
  PREFIX/share/bash-completion/completions/      azshim and CMDLET
  PREFIX/share/zsh/site-functions/               _azshim and _CMDLET
  PREFIX/share/fish/vendor_completions.d/        azshim.fish and CMDLET.fish
  PREFIX/share/man/man1/                         azshim.1, CMDLET.1, Get-Help.1 -> azshim.1
  PREFIX/share/azshim/install-manifest           every file, link and folder it created

An earlier installation in PREFIX is removed first (Scripts/uninstall.sh PREFIX), which removes
exactly what the manifest lists. At the end it says where the completions went and what a shell
needs to find them when PREFIX is not one it searches.
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
            echo "install.sh: unknown option '$argument'" >&2
            usage >&2
            exit 2
            ;;
        *)
            [ -z "$prefix" ] || { echo "install.sh: more than one PREFIX ('$prefix', '$argument')" >&2; usage >&2; exit 2; }
            prefix="$argument"
            ;;
    esac
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "$prefix" ]; then
    if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
fi
mkdir -p -- "$prefix"
prefix="$(cd -- "$prefix" && pwd)"
command_name=azshim
manifest_dir="$prefix/share/azshim"
manifest="$manifest_dir/install-manifest"

if [ -f "$manifest" ]; then
    echo "AzShim is already installed in $prefix; running Scripts/uninstall.sh first." >&2
    "$root/Scripts/uninstall.sh" "$prefix"
fi

echo "Building (release: static Swift runtime, stripped)..." >&2
built="$("$root/Scripts/build-release.sh")"

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
install_link() { # install_link TARGET DEST: a relative symbolic link
    make_dir "$(dirname "$2")"
    ln -sfn "$1" "$2"
    created+=("link $2")
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

bash_dir="$prefix/share/bash-completion/completions"
zsh_dir="$prefix/share/zsh/site-functions"
fish_dir="$prefix/share/fish/vendor_completions.d"
man_dir="$prefix/share/man/man1"

make_dir "$manifest_dir"
install_file "$built" "$prefix/bin/$command_name" 0755
install_link "$command_name" "$prefix/bin/Get-Help"
binary="$prefix/bin/$command_name"
generated "$bash_dir/$command_name" "#" "$binary" --completion bash
generated "$zsh_dir/_$command_name" "#" "$binary" --completion zsh
generated "$fish_dir/$command_name.fish" "#" "$binary" --completion fish
generated "$man_dir/$command_name.1" "." "$binary" --man
install_link "$command_name.1" "$man_dir/Get-Help.1"

# One binary serves every cmdlet, chosen by the name it is invoked as: each help file names one.
for help_file in "$root"/help/*.md; do
    name="$(basename "$help_file" .md)"
    install_link "$command_name" "$prefix/bin/$name"
    binary="$prefix/bin/$name"
    generated "$bash_dir/$name" "#" "$binary" --completion bash
    generated "$zsh_dir/_$name" "#" "$binary" --completion zsh
    generated "$fish_dir/$name.fish" "#" "$binary" --completion fish
    generated "$man_dir/$name.1" "." "$binary" --man
done

printf '%s\n' "${created[@]}" >"$manifest"
echo "Installed into $prefix (manifest: $manifest)." >&2

# Where the completions went, and whether each shell looks there without help.
in_list() { # in_list DIR LIST-LINES: whether DIR (or DIR/) is one of the lines
    local line
    while IFS= read -r line; do
        [ "${line%/}" = "$1" ] && return 0
    done <<<"$2"
    return 1
}
# bash-completion 2 loads completions/NAME on demand from its user folder and from XDG_DATA_DIRS.
bash_dirs="$(printf '%s\n' "${BASH_COMPLETION_USER_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion}/completions" \
    $(printf '%s' "${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" | tr ':' '\n' | sed 's|/*$|/bash-completion/completions|'))"
# zsh and fish: the folders their defaults search (without the user's rc files), when installed.
if command -v zsh >/dev/null 2>&1; then
    zsh_dirs="$(zsh -fc 'print -l $fpath' 2>/dev/null || true)"
else
    zsh_dirs="/usr/local/share/zsh/site-functions"
fi
if command -v fish >/dev/null 2>&1; then
    fish_dirs="$(fish --no-config -c 'printf "%s\n" $fish_complete_path' 2>/dev/null || true)"
else
    fish_dirs="${XDG_DATA_HOME:-$HOME/.local/share}/fish/vendor_completions.d"
fi
{
    echo "Completions (loaded when a command's name is first completed):"
    if in_list "$bash_dir" "$bash_dirs"; then
        echo "  bash: $bash_dir (bash-completion finds them)"
    else
        echo "  bash: $bash_dir; to enable, add to ~/.bashrc (bash-completion 2 then finds them):"
        echo "        export XDG_DATA_DIRS=\"$prefix/share:\${XDG_DATA_DIRS:-/usr/local/share:/usr/share}\""
    fi
    if in_list "$zsh_dir" "$zsh_dirs"; then
        echo "  zsh:  $zsh_dir (zsh finds them)"
    else
        echo "  zsh:  $zsh_dir; to enable, add to ~/.zshrc before compinit:"
        echo "        fpath=($zsh_dir \$fpath)"
    fi
    if in_list "$fish_dir" "$fish_dirs"; then
        echo "  fish: $fish_dir (fish finds them)"
    else
        echo "  fish: $fish_dir; to enable, add to ~/.config/fish/config.fish:"
        echo "        set -p fish_complete_path $fish_dir"
    fi
    echo "Man pages: $man_dir (man azshim, man CMDLET); man finds them once $prefix/bin is on PATH,"
    echo "  else: export MANPATH=\"$prefix/share/man:\""
} >&2
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Add $prefix/bin to PATH to run the cmdlets, $command_name and Get-Help." >&2 ;;
esac

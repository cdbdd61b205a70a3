#!/bin/sh
# Installs the cni-bridge-fp image and puts the plugin into a CNI bin directory; or removes exactly that.
#
#   install.sh [--prefix DIR] [--bin-dir DIR] [--copy]   install (defaults: /opt/cni-bridge-fp, /opt/cni/bin)
#   install.sh --uninstall [--prefix DIR]                 remove what an install into DIR recorded
#
# The image (the directory this script is in) is copied to PREFIX; BIN_DIR/cni-bridge-fp becomes a symlink to
# PREFIX/bin/cni-bridge-fp (with --copy: a copy of the launcher, for bin directories whose symlinks would not
# resolve where they are used, e.g. a directory mounted into another container). The installed launcher gets
# PREFIX written into it, so a copy of it finds the image too.
#
# Everything created, directories included, is listed in PREFIX/install-manifest in creation order. Uninstall
# walks that list backwards and removes only what it lists: files and links that are still ours, directories
# only when empty. Nothing that was there before the install is touched, and a second install into the same
# prefix first uninstalls the first (an upgrade).
set -eu
# The installer is run by an administrator, not by containerd: a sane PATH is fine here.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
umask 022

prog=install.sh
die() { echo "$prog: $*" >&2; exit 1; }

prefix=/opt/cni-bridge-fp
bin_dir=/opt/cni/bin
mode=install
copy=false
while [ $# -gt 0 ]; do
    case $1 in
        --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#*=}; shift ;;
        --bin-dir) [ $# -ge 2 ] || die "--bin-dir needs a directory"; bin_dir=$2; shift 2 ;;
        --bin-dir=*) bin_dir=${1#*=}; shift ;;
        --copy) copy=true; shift ;;
        --uninstall) mode=uninstall; shift ;;
        -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;;  # the comment at the top
        *) die "unknown argument: $1 (try --help)" ;;
    esac
done

# Absolute, normalised paths; refuse characters that would break the manifest or the launcher's quoting.
absolute() {
    case $1 in
        /*) p=$1 ;;
        *) p=$(pwd)/$1 ;;
    esac
    # Normalise what exists (symlinked parents), keep the rest as given.
    realpath -m -- "$p"
}
check_name() {
    case $1 in
        *"'"*|*'\'*|*'|'*|*'&'*|*'
'*) die "unsupported character in path: $1" ;;
        /) die "refusing to use / as $2" ;;
    esac
}
prefix=$(absolute "$prefix"); check_name "$prefix" prefix
bin_dir=$(absolute "$bin_dir"); check_name "$bin_dir" "bin directory"
manifest=$prefix/install-manifest
plugin=cni-bridge-fp

# --- uninstall ------------------------------------------------------------------------------------------------
# Manifest lines: "d PATH" a directory we created, "f PATH" a file we copied, "l PATH" a symlink we made.
inside() {  # inside PATH: PATH is the prefix or under it
    case $1 in "$prefix"|"$prefix"/*) return 0 ;; *) return 1 ;; esac
}
uninstall() {
    [ -f "$manifest" ] || die "no install manifest at $manifest: nothing recorded, nothing removed"
    # Read it from a copy, so the manifest can go first and the prefix directory can be removed empty.
    list=$(mktemp)
    cp "$manifest" "$list"
    rm -f -- "$manifest"
    # Backwards (sed '1!G;h;$!d' is a portable tac): a directory's contents go before the directory.
    sed '1!G;h;$!d' "$list" | while IFS= read -r line; do
        kind=${line%% *}
        path=${line#* }
        case $kind in
            # Inside the prefix: ours. Outside (the launcher copied into the bin dir): ours only while it still
            # carries our prefix; a file that replaced it since is someone else's.
            f)  if [ -f "$path" ] && [ ! -L "$path" ] && { inside "$path" ||
                    grep -qx "CNIFP_IMAGE='$prefix'" "$path" 2>/dev/null; }; then rm -f -- "$path"; fi ;;
            # A symlink: ours while it is inside the prefix or still points into it (it may dangle by now).
            l)  if [ -L "$path" ] && { inside "$path" || inside "$(readlink -- "$path")"; }; then
                    rm -f -- "$path"
                fi ;;
            # Only when empty: files someone else put there keep it (and are kept).
            d)  if [ -d "$path" ] && [ ! -L "$path" ]; then
                    rmdir -- "$path" 2>/dev/null || echo "$prog: kept $path: not empty" >&2
                fi ;;
            *)  echo "$prog: ignoring unreadable manifest line: $line" >&2 ;;
        esac
    done
    rm -f -- "$list"
    echo "$prog: uninstalled $prefix"
}

if [ "$mode" = uninstall ]; then
    uninstall
    exit 0
fi

# --- install --------------------------------------------------------------------------------------------------
src=$(realpath -- "$(dirname -- "$0")")
[ -x "$src/bin/java" ] && [ -f "$src/bin/$plugin" ] || die "$src does not look like the cni-bridge-fp image"
case $prefix/ in
    "$src"/*) die "the prefix $prefix is the image itself or inside it" ;;
esac
case $src/ in
    "$prefix"/*) die "the image $src is inside the prefix $prefix" ;;
esac

if [ -f "$manifest" ]; then
    echo "$prog: $prefix holds an earlier install: removing it first"
    uninstall
fi
if [ -d "$prefix" ] && [ -n "$(ls -A -- "$prefix")" ]; then
    die "$prefix exists and is not empty; refusing to mix the image with files that are not ours"
fi
target=$bin_dir/$plugin
if [ -e "$target" ] || [ -L "$target" ]; then
    die "$target already exists and is not from an install into $prefix; remove it or choose another --bin-dir"
fi

# Collect the manifest in a temporary file; it is moved into the prefix at the end.
record=$(mktemp)
trap 'rm -f "$record"' EXIT

# mkdir -p that records each directory it creates, outermost first.
make_dirs() {
    missing=
    d=$1
    while [ ! -d "$d" ]; do
        missing="$d
$missing"
        d=$(dirname -- "$d")
    done
    printf '%s' "$missing" | while IFS= read -r d; do
        [ -n "$d" ] || continue
        mkdir -- "$d"
        printf 'd %s\n' "$d" >>"$record"
    done
}

make_dirs "$prefix"
# The cache is tied to this exact lib/modules (the JVM checks the file, not its path); -p keeps times too.
cp -R -p -- "$src/." "$prefix/"
# List what was copied in creation order (find prints a directory before its contents).
(cd "$prefix" && find . -mindepth 1) | while IFS= read -r rel; do
    path=$prefix/${rel#./}
    if [ -L "$path" ]; then printf 'l %s\n' "$path"
    elif [ -d "$path" ]; then printf 'd %s\n' "$path"
    else printf 'f %s\n' "$path"
    fi
done >>"$record"

# Let the installed launcher find its image without resolving its own path (faster, and works when copied).
sed -i "s|^CNIFP_IMAGE=\$|CNIFP_IMAGE='$prefix'|" "$prefix/bin/$plugin"
grep -q "^CNIFP_IMAGE='$prefix'\$" "$prefix/bin/$plugin" || die "could not write the prefix into the launcher"

make_dirs "$bin_dir"
if [ "$copy" = true ]; then
    cp -p -- "$prefix/bin/$plugin" "$target"
    printf 'f %s\n' "$target" >>"$record"
else
    ln -s -- "$prefix/bin/$plugin" "$target"
    printf 'l %s\n' "$target" >>"$record"
fi

mv -- "$record" "$manifest"
chmod 0644 "$manifest"
trap - EXIT
echo "$prog: installed $prefix, plugin at $target ($( [ "$copy" = true ] && echo copy || echo symlink ))"

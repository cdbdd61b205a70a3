#!/bin/sh
# Removes an install of cni-bridge-fp: exactly what install.sh listed in PREFIX/install-manifest.
#   uninstall.sh [--prefix DIR]    default: the directory this script is in (the installed copy of it)
set -eu
here=$(/usr/bin/realpath -- "$(/usr/bin/dirname -- "$0")")
case " $* " in
    *" --prefix"*) set -- --uninstall "$@" ;;
    *) set -- --uninstall --prefix "$here" "$@" ;;
esac
# install.sh is read by sh before it deletes its own file (sh keeps the open file), so this is safe.
exec /bin/sh "$here/install.sh" "$@"

#!/bin/sh
# Completes the image that jlink just made and puts it at its final place. Run by Maven (package phase, after
# the jlink goal). Usage: assemble.sh JLINK_OUTPUT IMAGE_DIR
#  - maven-jlink-plugin always writes to target/maven-jlink/<classifier or "default">; we move it to IMAGE_DIR
#    (target/image), the path the docs, the tests and the benchmark use.
#  - adds our own files: the launcher as bin/cni-bridge-fp, and install.sh/uninstall.sh at the image's top.
set -eu
jlinked=${1:?usage: assemble.sh JLINK_OUTPUT IMAGE_DIR}
image=${2:?usage: assemble.sh JLINK_OUTPUT IMAGE_DIR}
# The launcher and the install scripts live in the checkout beside this script: it runs from there, not a copy.
src=$(cd "$(dirname "$0")/../src/main/sh" 2>/dev/null && pwd) || {
    echo "assemble: no launcher sources at $(dirname "$0")/../src/main/sh: run runtime-image/build/assemble.sh" \
        "from a checkout of the project (a copy of the script alone cannot find them)" >&2
    exit 1
}

[ -x "$jlinked/bin/java" ] || { echo "assemble: $jlinked is not a jlink image (no bin/java)" >&2; exit 1; }
rm -rf "$image"
mv "$jlinked" "$image"

install -m 0755 "$src/cni-bridge-fp" "$image/bin/cni-bridge-fp"
install -m 0755 "$src/install.sh" "$image/install.sh"
install -m 0755 "$src/uninstall.sh" "$image/uninstall.sh"
echo "assemble: image at $image, with bin/cni-bridge-fp, install.sh and uninstall.sh"

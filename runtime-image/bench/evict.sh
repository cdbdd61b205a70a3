#!/bin/sh
# evict.sh DIR: drops every file under DIR from the page cache, as after a reboot (posix_fadvise DONTNEED through
# dd iflag=nocache). sync first: the page cache keeps dirty pages, and the files may have been written moments ago.
# Used by bench.sh (the -cold rows' untimed --prepare) and folios.sh; nothing outside DIR is touched.
set -eu
find "$1" -type f -exec sync {} +
find "$1" -type f -exec dd if={} iflag=nocache count=0 status=none \;

#!/bin/sh
# What the page cache's way of holding the image's files costs a call. Not a test: it prints numbers for
# docs/performance.md ("Folios").
#
#   runtime-image/bench/folios.sh [IMAGE]     (IMAGE defaults to runtime-image/target/image)
#   env: RUNS (default 10), WARMUP (default 2), ROUNDS (default 10), JDK (for the probe; default: the JDK that has
#        the image's exact version, from JAVA_HOME or /usr/lib/jvm)
#
# The kernel keeps a file in the page cache in folios whose size depends on how the file got there: a cp in 64 KB
# folios (on these machines), 4 MB writes in 2 MB folios, small writes (the JVM dumping its archive, jlink writing
# libjvm.so) and page faults on a file read back from the disk (the first calls after a reboot) in single 4 KB
# pages. A JVM start maps thousands of those pages, and what that costs depends on the folios. The script makes
# copies of the image in those states and times the same failing ADD (1000000*error(x), the file rewritten on every
# call) through each copy's bin/java, with the launcher's flags and the copy's archive:
#   fresh           cp -R of the image: every file in large folios (how install.sh leaves it, how bench.sh measures)
#   small-libjvm    the fresh copy with lib/server/libjvm.so written again in 4 KB writes
#   small-archive   the same for the archive, lib/cni-bridge-fp.aot
#   small-all       the same for libjvm.so, the archive and lib/modules
#   big-all         those three written again in 4 MB writes
#   reread          the fresh copy dropped from the page cache, then read back by one call (the state after a reboot)
#   reread-cat      dropped the same way, then read back with cat (sequential reads, larger folios)
# Timing: ROUNDS hyperfine invocations over all copies (--warmup WARMUP --runs RUNS), a copy's figure the median of
# all its runs; peak RSS: /usr/bin/time -f %M, the largest of 3 runs (a fault maps a whole large folio where it
# can, so the folio size moves RSS too). As root it also prints, for every copy, how much of those three files sits
# in large folios (bench/probes/FolioProbe.java, with the JDK the image came from; /proc/kpageflags is root's). Only
# the copies made here are dropped from the page cache, nothing else on the machine. Needs no root otherwise.
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
here=$(cd "$(dirname "$0")" && pwd)
image=$(cd "${1:-$here/../target/image}" && pwd)
runs=${RUNS:-10}
warmup=${WARMUP:-2}
rounds=${ROUNDS:-10}
[ -x "$image/bin/java" ] && [ -f "$image/lib/cni-bridge-fp.aot" ] ||
    { echo "folios: no trained image at $image (mvn package first)" >&2; exit 1; }
. "$here/needs.sh"
needs folios hyperfine jq /usr/bin/time
. "$here/vm-flags.sh"
flags=$(launcher_vm_flags "$image" folios)
. "$here/rounds.sh"
. "$here/rss.sh"
. "$here/jdk.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/cnifp-folios.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT; trap 'exit 143' TERM; trap 'exit 129' HUP  # dash runs no EXIT trap when a signal ends it
files='lib/server/libjvm.so lib/cni-bridge-fp.aot lib/modules'
copies='fresh small-libjvm small-archive small-all big-all reread reread-cat'

printf '{"cmdAdd":"1000000*error(x)"}\n' >"$work/failing.json"
printf '{"cniVersion":"1.0.0","name":"cnifp-folios","type":"cni-bridge-fp","bridge":"fp0","runtimeConfig":{"io.kubernetes.cri.pod-annotations":{"failpoint.cni.containerd.io/confpath":"%s"}}}\n' \
    "$work/failing.json" >"$work/failing.conf"

# call COPY: one failing ADD through the copy's JVM, as the launcher would start it.
cat >"$work/call.sh" <<EOF
#!/bin/sh
exec env -i CNI_COMMAND=ADD CNI_CONTAINERID=folios CNI_NETNS=/var/run/netns/folios CNI_IFNAME=eth0 \\
    CNI_PATH=$work $work/\$1/bin/java $flags -XX:AOTCache=$work/\$1/lib/cni-bridge-fp.aot \\
    -m dev.cnifp.cni/dev.cnifp.cni.Main <$work/failing.conf
EOF

# rewrite FILE BLOCK_SIZE: the same bytes, mode and times, written again in writes of BLOCK_SIZE.
rewrite() {
    mv "$1" "$1.old"
    dd if="$1.old" of="$1" bs="$2" status=none
    chmod --reference="$1.old" "$1"
    touch -r "$1.old" "$1"
    rm "$1.old"
}

for copy in $copies; do
    cp -R -p "$image" "$work/$copy"
    case $copy in
        small-libjvm) rewrite "$work/$copy/lib/server/libjvm.so" 4K ;;
        small-archive) rewrite "$work/$copy/lib/cni-bridge-fp.aot" 4K ;;
        small-all) for f in $files; do rewrite "$work/$copy/$f" 4K; done ;;
        big-all) for f in $files; do rewrite "$work/$copy/$f" 4M; done ;;
        reread) /bin/sh "$here/evict.sh" "$work/$copy"; /bin/sh "$work/call.sh" "$copy" >/dev/null 2>&1 || true ;;
        reread-cat) /bin/sh "$here/evict.sh" "$work/$copy"; find "$work/$copy" -type f -exec cat {} + >/dev/null ;;
    esac
    out=$(/bin/sh "$work/call.sh" "$copy" 2>&1 || true)
    printf '%s' "$out" | jq -e '.code == 999 and .msg == "x"' >/dev/null 2>&1 ||
        { echo "folios: the $copy copy did not fail at its failpoint: $out" >&2; exit 1; }
done

probe=
if [ "$(id -u)" = 0 ] && [ -r /proc/kpageflags ]; then
    jdk=$(image_jdk "$image" folios)
    probe="$jdk/bin/java $here/probes/FolioProbe.java"
fi

set --
for copy in $copies; do set -- "$@" --command-name "$copy" "/bin/sh $work/call.sh $copy"; done
# -N: no intermediate shell; -i: the failing ADD exits 1 by design (its answer was checked above).
hyperfine_rounds "$work/hyperfine" -N -i "$@"

fresh=$(rounds_median_ms "$work/hyperfine" fresh)
echo
echo "cni-bridge-fp page-cache folios, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -r)"
echo "image: $image; $rounds rounds of hyperfine --warmup $warmup --runs $runs; failing ADD through bin/java"
echo
echo "| copy | median ms | vs fresh | min ms | peak RSS MB | large folios: libjvm.so, archive, modules |"
echo "|---|---|---|---|---|---|"
for copy in $copies; do
    m=$(rounds_median_ms "$work/hyperfine" "$copy")
    min=$(jq -r --arg n "$copy" '.results[] | select(.command == $n) | .times | min * 1000' "$work/hyperfine.json")
    rss=$(peak_rss_kb 3 "/bin/sh $work/call.sh $copy")
    # Last: the probe touches every page of the three files, which reads in what no call has read yet.
    share='(needs root and /proc/kpageflags)'
    if [ -n "$probe" ]; then
        # shellcheck disable=SC2086 # the probe's command, split on blanks
        (cd "$work/$copy" && $probe $files) >"$work/$copy.folios" || { echo "folios: the probe failed on $copy" >&2; exit 1; }
        share=$(sed -n 's/^[^:]*: [0-9]* pages, \([0-9]*%\) in large folios.*/\1/p' "$work/$copy.folios" |
            paste -sd' ' - | sed 's/ /, /g')
    fi
    echo "| $copy | $(printf '%.2f' "$m") | $(echo "$m $fresh" | awk '{ printf "%+.2f ms", $1 - $2 }') | $(printf '%.1f' "$min") | $(echo "$rss" | awk '{ printf "%.1f", $1 / 1024 }') | $share |"
done
echo
echo "(median and min: wall time over all runs; large folios: the share of the file's pages in folios of more than"
echo " one page, after the timed runs and the RSS runs)"
echo "reproduce: runtime-image/bench/folios.sh $image"

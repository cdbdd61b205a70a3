#!/bin/sh
# Where a failing ADD spends its time, thread by thread. Not a test and not a benchmark (the logging it needs slows
# every call by ~10%): a diagnostic for start-up work, whose numbers are quoted in docs/performance.md.
#
#   runtime-image/bench/timeline.sh [IMAGE]     (IMAGE defaults to runtime-image/target/image)
#   env: RUNS (default 15)
#
# Runs the image's JVM with the launcher's flags and archive on an ADD that fails at 1000000*error(x) (the file is
# rewritten every time), with -Xlog:class+init stamped in nanoseconds of uptime. A class's first initialisation is
# a landmark of the code that needs it, so the table gives, for each landmark, the mean time after VM creation at
# which it was reached (and on which thread), over RUNS runs:
#   early thread  started; file machinery ready (its record-lock table); actions begun; actions found (the next
#                 thing it does, the fsync warm-up, begins)
#   main thread   failpoint file named; lock begun; file read; actions in hand (the spec parser's reader);
#                 write begun; rename; exit
# A landmark the other thread reached first is missing from that run: the count says in how many runs it was seen.
# Needs no root: nothing but the failpoint file in a temp dir is touched.
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
here=$(cd "$(dirname "$0")" && pwd)
image=$(cd "${1:-$here/../target/image}" && pwd)
runs=${RUNS:-15}
archive=$image/lib/cni-bridge-fp.aot
[ -x "$image/bin/java" ] && [ -f "$archive" ] || { echo "timeline: no trained image at $image (mvn package first)" >&2; exit 1; }

# The launcher's flags, read from the launcher itself, as bench.sh and flags.sh do.
. "$here/vm-flags.sh"
flags=$(launcher_vm_flags "$image" timeline)

work=$(mktemp -d "${TMPDIR:-/tmp}/cnifp-timeline.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT; trap 'exit 143' TERM; trap 'exit 129' HUP  # dash runs no EXIT trap when a signal ends it
printf '{"cmdAdd":"1000000*error(x)"}\n' >"$work/failing.json"
printf '{"cniVersion":"1.0.0","name":"cnifp-timeline","type":"cni-bridge-fp","bridge":"fp0","runtimeConfig":{"io.kubernetes.cri.pod-annotations":{"failpoint.cni.containerd.io/confpath":"%s"}}}\n' \
    "$work/failing.json" >"$work/failing.conf"

i=0
while [ $i -lt "$runs" ]; do
    i=$((i + 1))
    set -f
    # shellcheck disable=SC2086 # the flags are split on blanks, as the launcher does
    env -i CNI_COMMAND=ADD CNI_CONTAINERID=timeline CNI_NETNS=/var/run/netns/timeline CNI_IFNAME=eth0 \
        CNI_PATH="$work" "$image/bin/java" $flags "-XX:AOTCache=$archive" \
        "-Xlog:class+init=info:file=$work/run.$i.log:uptimenanos" "-Xlog:startuptime:file=$work/run.$i.log:uptimenanos" \
        -m dev.cnifp.cni/dev.cnifp.cni.Main <"$work/failing.conf" >"$work/out" 2>&1 || true
    set +f
    grep -q '"code": 999' "$work/out" || { cat "$work/out" >&2; echo "timeline: the ADD did not fail at its failpoint" >&2; exit 1; }
done

# Each log line: [NNNns] N Initializing 'class' ... by thread "name". Time zero is the end of VM creation.
for log in "$work"/run.*.log; do
    sed -nE "s/^\[([0-9]+)ns\] Create VM.*/\1 - CreateVM/p; s/^\[([0-9]+)ns\] [0-9]+ Initializing '([^']*)'.* by thread \"([^\"]*)\".*/\1 \3 \2/p" "$log" |
    awk '
        function mark(name) { if (!(name in seen)) { seen[name] = 1; printf "%s %.3f\n", name, ($1 - t0) / 1e6 } }
        $3 == "CreateVM" { t0 = $1; next }
        t0 == "" { next }
        $2 == "cnifp-early-work" { mark("early: started") }
        $2 == "cnifp-early-work" && $3 ~ /^sun\/nio\/ch\/FileLockTable/ { mark("early: file machinery ready") }
        $2 == "cnifp-early-work" && $3 ~ /registry\/ActionRegistry$/ { mark("early: actions begun") }
        $2 == "cnifp-early-work" && $3 ~ /^jdk\/internal\/event\/Event$/ { mark("early: actions found") }
        $2 == "main" && $3 ~ /state\/FailpointFile$/ { mark("main: failpoint file named") }
        $2 == "main" && $3 ~ /state\/LockedFile$/ { mark("main: lock begun") }
        $2 == "main" && $3 ~ /FileFailpointStore\$DocumentEntries$/ { mark("main: file read") }
        $2 == "main" && $3 ~ /FailpointParser\$Reading$/ { mark("main: actions in hand") }
        $2 == "main" && $3 ~ /state\/AtomicReplacement$/ { mark("main: write begun") }
        $2 == "main" && $3 ~ /^java\/nio\/file\/StandardCopyOption$/ { mark("main: rename") }
        $2 == "main" && $3 ~ /^java\/lang\/Shutdown$/ { mark("main: exit") }
    '
done | awk '
    { name = $0; sub(/ [0-9.]+$/, "", name); sum[name] += $NF; count[name]++ }
    END { for (name in sum) printf "%7.2f ms  %-28s (%d of '"$runs"' runs)\n", sum[name] / count[name], name, count[name] }
' | sort -n
echo "(mean time after VM creation; class-init logging adds ~10% to every figure; image $image)"

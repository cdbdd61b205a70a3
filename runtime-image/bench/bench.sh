#!/bin/sh
# Start-up benchmark of the cni-bridge-fp image. Not a test: it prints numbers for docs/performance.md.
#
#   sudo runtime-image/bench/bench.sh [IMAGE]        (IMAGE defaults to runtime-image/target/image)
#   env: RUNS (default 20), WARMUP (default 3), ROUNDS (default 3), RSS_RUNS (default 5), JDK (default: the JDK that has the
#        image's exact version, from JAVA_HOME or /usr/lib/jvm), KEEP=1 keeps the work dir with the JSON.
#
# Everything is measured in one invocation, on the same machine state, so the figures compare:
#   baseline       a java.base-only hello world, jlinked here from the same JDK with the same jlink options,
#                  started through a copy of OUR launcher (same VM flags) with its own archive trained by
#                  build/train.sh in the image's mode: what any Java process costs. Our rows are divided by it.
#   floor          bench/probes/FailingAddFloor.java, made and installed the same way: a failing ADD with nothing
#                  but the required I/O (lock, read, temp file, fsync, rename, directory fsync, answer) on one
#                  thread. What the failing ADD would cost any Java plugin; the rest of failing-add is ours.
#   version        CNI_COMMAND=VERSION as containerd runs it after install.sh: the image installed into a temp
#                  prefix, the plugin a symlink in a temp CNI bin dir, the launcher with the prefix baked in.
#                  All plugin rows below use this installed plugin, except:
#   version-unbaked the same through a symlink to the launcher of a plain copy of the build image (no baked
#                  prefix: it resolves its own path with readlink, one more process).
#   version-java   straight through that copy's bin/java with the launcher's arguments: the launcher's own cost.
#   Every image measured is a fresh copy made here (install.sh copies too), so that all reach the page cache the
#   same way, in large folios: the same image measured up to 1.4 ms faster as a fresh copy than with the files the
#   JVM and jlink wrote.
#   failing-add    ADD that fails at the failpoint 1000000*error(x) (the file is rewritten on every call), the
#                  file in the work dir under TMPDIR (on these machines /tmp is on the disk: two fsyncs).
#   failing-add-tmpfs  the same with the file on a tmpfs (the private /run), where fsync costs nothing: how much of
#                  failing-add is the disk. Debian 13 and Fedora mount /tmp as a tmpfs, where tests keep such files.
#   add-bridge     ADD of one container through the real bridge + host-local alone (before each run, hyperfine's
#                  --prepare tears the previous one down with a DEL that is not timed).
#   add-plugin     the same ADD through our plugin (failpoint file present, cmdAdd "off"), delegating to bridge.
#                  add-plugin - add-bridge = our overhead on a real ADD.
#   adddel-bridge  ADD then DEL of one container through bridge alone.
#   adddel-plugin  the same ADD+DEL through our plugin. adddel-plugin - adddel-bridge = overhead of a pod's pair.
#   baseline-cold, version-cold, failing-add-cold  the baseline, version and failing-add rows with the image's files
#                  dropped from the page cache before every run (written back, then posix_fadvise DONTNEED through
#                  dd iflag=nocache; untimed, hyperfine's --prepare): the first call after a reboot, when the JVM
#                  reads its library, archive and modules from the disk. Only the image's own files are dropped,
#                  nothing else on the machine. Their ratio is to baseline-cold. Each cold row has copies of its own
#                  (a second copy of the hello world, a second install of the plugin): a file read back from the
#                  disk by page faults sits in the page cache in 4 KB pages, not in the large folios of a fresh copy,
#                  and costs every later call more (docs/performance.md, "Folios"), so the warm rows must never
#                  run on a copy that a cold row dropped.
# Timing: ROUNDS hyperfine invocations over all rows (--warmup WARMUP --runs RUNS each, --export-json); a row's
# figure is the median of its ROUNDS x RUNS runs, shown with the spread of the per-round medians. Rounds interleave
# the rows, so a burst of other work on the machine (a colleague's build) spreads over all rows instead of landing
# on one.
# Peak RSS: /usr/bin/time -f %M (max RSS of the process and the children it waited for), max of RSS_RUNS.
#
# Network safety: the script re-runs itself inside `unshare --net --mount --propagation private`, mounts a
# tmpfs over /run so `ip netns add` works privately, and keeps host-local's state in a temp dir. Bridges and
# veths exist only in that private namespace and vanish with it. No traffic is sent. Needs root.
#
# Rows whose call does not answer as it should (e.g. an image built from an unfinished plugin) are
# reported as "n/a (plugin answered ...)" instead of failing the script.
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
here=$(cd "$(dirname "$0")" && pwd)

if [ "${CNIFP_BENCH_INSIDE:-}" != 1 ]; then
    [ "$(id -u)" = 0 ] || { echo "bench: needs root (private network namespace)" >&2; exit 1; }
    . "$here/needs.sh"
    needs bench hyperfine jq unshare ip /usr/bin/time
    CNIFP_BENCH_INSIDE=1 exec unshare --net --mount --propagation private /bin/sh "$0" "$@"
fi

# ---- inside the private namespaces ----------------------------------------------------------------------------
image=$(cd "${1:-$here/../target/image}" && pwd)
runs=${RUNS:-20}
warmup=${WARMUP:-3}
rounds=${ROUNDS:-3}
rss_runs=${RSS_RUNS:-5}
cni=/usr/lib/cni
[ -x "$image/bin/cni-bridge-fp" ] || { echo "bench: no image at $image (mvn package first)" >&2; exit 1; }
. "$here/vm-flags.sh"
vm_flags=$(launcher_vm_flags "$image" bench)
. "$here/rounds.sh"
. "$here/rss.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/cnifp-bench.XXXXXX")
if [ "${KEEP:-}" = 1 ]; then echo "bench: work dir $work (kept)"; else trap 'rm -rf "$work"' EXIT; fi
trap 'exit 130' INT; trap 'exit 143' TERM; trap 'exit 129' HUP  # dash runs no EXIT trap when a signal ends it

mount -t tmpfs -o mode=0755 tmpfs /run
ip link set lo up
ip netns add bench
netns=/run/netns/bench

# ---- the JDK the image was linked from --------------------------------------------------------------------------
. "$here/jdk.sh"
jdk=$(image_jdk "$image" bench)
want=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$image/release")

# ---- baseline and floor: small images made like ours, measured like ours ------------------------------------------
# Same training script, same mode as the image under test (train.sh records it next to the archive).
train_mode=$(cat "$image/lib/cni-bridge-fp.aot.mode" 2>/dev/null || echo cds)

# java_image NAME MODULE/CLASS: compiles the module in $work/NAME/src, jlinks it with the same options as
# runtime-image/pom.xml, gives it our launcher (same flags, same cache handling) pointed at MODULE/CLASS, trains
# its archive with build/train.sh, and installs it by a copy into $work/NAME/installed (install_copy).
java_image() {
    name=$1 main=$2
    # shellcheck disable=SC2046 # file names made here, without blanks
    "$jdk/bin/javac" -XDstringConcat=inline -d "$work/$name/classes" $(find "$work/$name/src" -name '*.java')
    "$jdk/bin/jlink" --module-path "$work/$name/classes" --add-modules "${main%%/*}" \
        --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output "$work/$name/image"
    # It keeps the name bin/cni-bridge-fp so that build/train.sh trains it exactly as the build trained the
    # plugin, and like an installed launcher (the "version" row) it has its image written in: no readlink.
    sed -e "s|dev\.cnifp\.cni/dev\.cnifp\.cni\.Main|$main|" -e "s|^CNIFP_IMAGE=.*|CNIFP_IMAGE='$work/$name/image'|" \
        "$image/bin/cni-bridge-fp" >"$work/$name/image/bin/cni-bridge-fp"
    chmod 0755 "$work/$name/image/bin/cni-bridge-fp"
    /bin/sh "$here/../build/train.sh" "$work/$name/image" "$train_mode" >"$work/$name/train.log" 2>&1 ||
        { cat "$work/$name/train.log" >&2; echo "bench: could not train the $name image" >&2; exit 1; }
    install_copy "$name" installed
}

# install_copy NAME COPY: copies $work/NAME/image to $work/NAME/COPY with that path written into its launcher.
# Installed by a copy, as install.sh installs the plugin below. Not a formality: a fresh copy sits in the page cache
# in large folios, the file the JVM wrote (its archive) or jlink wrote (libjvm.so) in 4 KB pages, and the same image
# measured up to 1.4 ms faster as a fresh copy (docs/performance.md, "Late night" and "Folios"): every image must
# reach the page cache the same way.
install_copy() {
    cp -R -p "$work/$1/image" "$work/$1/$2"
    sed -i "s|^CNIFP_IMAGE=.*|CNIFP_IMAGE='$work/$1/$2'|" "$work/$1/$2/bin/cni-bridge-fp"
}

mkdir -p "$work/hello/src/hello"
cat >"$work/hello/src/hello/Hello.java" <<'EOF'
package hello;
public final class Hello {
    public static void main(String[] args) { System.out.println("hello"); }
}
EOF
echo 'module hello {}' >"$work/hello/src/module-info.java"
java_image hello hello/hello.Hello
install_copy hello installed-cold  # baseline-cold's own copy (see the header)

# The floor: the least a failing ADD has to do, alone on one thread (bench/probes/FailingAddFloor.java).
mkdir -p "$work/floor/src/floor"
cp "$here/probes/FailingAddFloor.java" "$work/floor/src/floor/"
echo 'module floor {}' >"$work/floor/src/module-info.java"
java_image floor floor/floor.FailingAddFloor

# ---- the calls ------------------------------------------------------------------------------------------------
mkdir -p "$work/bin" "$work/ipam"
/bin/sh "$image/install.sh" --prefix "$work/prefix" --bin-dir "$work/bin" >/dev/null
# The cold rows' own install (see the header): the files they drop from the page cache are never the warm rows'.
mkdir -p "$work/bin-cold"
/bin/sh "$image/install.sh" --prefix "$work/prefix-cold" --bin-dir "$work/bin-cold" >/dev/null
ln -s "$work/hello/installed-cold/bin/cni-bridge-fp" "$work/bin-cold/hello"
cp -R -p "$image" "$work/image-copy"
ln -s "$work/image-copy/bin/cni-bridge-fp" "$work/bin/unbaked"
ln -s "$work/hello/installed/bin/cni-bridge-fp" "$work/bin/hello"
ln -s "$work/floor/installed/bin/cni-bridge-fp" "$work/bin/floor"
printf '{"cmdAdd":"1000000*error(x)"}\n' >"$work/failing.json"
printf '{"cmdAdd":"off","cmdDel":"off"}\n' >"$work/passing.json"
cp "$work/failing.json" "$work/floor.json"  # the floor reads and writes only this compact form

# conf TYPE FAILPOINT_FILE: a network config as containerd sends it (FAILPOINT_FILE empty: no annotation).
conf() {
    annotations=
    [ -z "$2" ] || annotations=',"runtimeConfig":{"io.kubernetes.cri.pod-annotations":{"failpoint.cni.containerd.io/confpath":"'$2'"}}'
    printf '{"cniVersion":"1.0.0","name":"cnifp-bench","type":"%s","bridge":"fpbench0","isGateway":true,"ipam":{"type":"host-local","dataDir":"%s","ranges":[[{"subnet":"10.250.0.0/24"}]]}%s}\n' \
        "$1" "$work/ipam" "$annotations"
}
conf cni-bridge-fp "$work/failing.json" >"$work/failing-add.conf"
conf cni-bridge-fp "$work/floor.json" >"$work/floor.conf"
mkdir /run/cnifp-bench
cp "$work/failing.json" /run/cnifp-bench/failing.json
conf cni-bridge-fp /run/cnifp-bench/failing.json >"$work/failing-add-tmpfs.conf"
conf cni-bridge-fp "$work/passing.json" >"$work/plugin.conf"
conf bridge "" >"$work/bridge.conf"

# One call with containerd's kind of environment: env -i plus CNI_*.
cat >"$work/call.sh" <<EOF
#!/bin/sh
# call.sh COMMAND CONF PROGRAM [ARGS...]
command=\$1 conf=\$2
shift 2
exec env -i CNI_COMMAND="\$command" CNI_CONTAINERID=bench CNI_NETNS=$netns CNI_IFNAME=eth0 \\
    CNI_PATH=$cni "\$@" <"\$conf"
EOF
# ADD then DEL of one container: one pod's set-up and tear-down, no traffic. Fails (showing the answer) if
# either fails.
cat >"$work/adddel.sh" <<EOF
#!/bin/sh
# adddel.sh PLUGIN CONF
out=\$(/bin/sh $work/call.sh ADD "\$2" "\$1") || { echo "ADD: \$out"; exit 1; }
out=\$(/bin/sh $work/call.sh DEL "\$2" "\$1") || { echo "DEL: \$out"; exit 1; }
EOF

row_names='baseline floor version version-unbaked version-java failing-add failing-add-tmpfs add-bridge add-plugin adddel-bridge adddel-plugin baseline-cold version-cold failing-add-cold'
# Untimed clean-up before each run of a network row: no container may be left from the run or row before.
teardown="/bin/sh $work/call.sh DEL $work/bridge.conf $cni/bridge"
prepare_for() {
    case $1 in
        add*) echo "$teardown" ;;
        baseline-cold) echo "/bin/sh $here/evict.sh $work/hello/installed-cold" ;;
        *-cold) echo "/bin/sh $here/evict.sh $work/prefix-cold" ;;
        *) echo true ;;
    esac
}
command_for() {
    case $1 in
        # The single-call rows all go through call.sh, like failing-add must (its config comes on stdin), so
        # they carry the same small cost of one sh and one env.
        baseline) echo "/bin/sh $work/call.sh VERSION /dev/null $work/bin/hello" ;;
        baseline-cold) echo "/bin/sh $work/call.sh VERSION /dev/null $work/bin-cold/hello" ;;
        floor) echo "/bin/sh $work/call.sh ADD $work/floor.conf $work/bin/floor" ;;
        version) echo "/bin/sh $work/call.sh VERSION /dev/null $work/bin/cni-bridge-fp" ;;
        version-cold) echo "/bin/sh $work/call.sh VERSION /dev/null $work/bin-cold/cni-bridge-fp" ;;
        version-unbaked) echo "/bin/sh $work/call.sh VERSION /dev/null $work/bin/unbaked" ;;
        version-java) echo "/bin/sh $work/call.sh VERSION /dev/null $work/image-copy/bin/java $vm_flags -XX:AOTCache=$work/image-copy/lib/cni-bridge-fp.aot -m dev.cnifp.cni/dev.cnifp.cni.Main" ;;
        failing-add) echo "/bin/sh $work/call.sh ADD $work/failing-add.conf $work/bin/cni-bridge-fp" ;;
        failing-add-cold) echo "/bin/sh $work/call.sh ADD $work/failing-add.conf $work/bin-cold/cni-bridge-fp" ;;
        failing-add-tmpfs) echo "/bin/sh $work/call.sh ADD $work/failing-add-tmpfs.conf $work/bin/cni-bridge-fp" ;;
        add-bridge) echo "/bin/sh $work/call.sh ADD $work/bridge.conf $cni/bridge" ;;
        add-plugin) echo "/bin/sh $work/call.sh ADD $work/plugin.conf $work/bin/cni-bridge-fp" ;;
        adddel-bridge) echo "/bin/sh $work/adddel.sh $cni/bridge $work/bridge.conf" ;;
        adddel-plugin) echo "/bin/sh $work/adddel.sh $work/bin/cni-bridge-fp $work/plugin.conf" ;;
    esac
}

# probe ROW: runs the row once and checks the answer is the one it is meant to measure.
probe() {
    set +e
    sh -c "$(command_for "$1")" >"$work/$1.probe.out" 2>"$work/$1.probe.err" </dev/null
    rc=$?
    set -e
    out=$(cat "$work/$1.probe.out")
    case $1 in
        baseline*) [ $rc = 0 ] && [ "$out" = hello ] ;;
        version*) [ $rc = 0 ] && printf '%s' "$out" | jq -e .supportedVersions >/dev/null 2>&1 ;;
        failing-add*|floor) [ $rc = 1 ] && printf '%s' "$out" | jq -e '.code == 999 and .msg == "x"' >/dev/null 2>&1 ;;
        add-*|adddel-*) [ $rc = 0 ] ;;
    esac
    st=$?
    # Leave no container behind for the next row (errors ignored: there may be none).
    $teardown >/dev/null 2>&1 || true
    return $st
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
ok_rows=
for row in $row_names; do
    if probe "$row"; then
        ok_rows="$ok_rows $row"
    else
        answer=$(cat "$work/$row.probe.out" "$work/$row.probe.err" | tr -s '\n\t ' '   ' | cut -c1-120)
        echo "n/a (plugin answered: $answer)" >"$work/$row.na"
    fi
done

# ---- time: one hyperfine run over every row that answers properly ------------------------------------------------
set --
for row in $ok_rows; do set -- "$@" --prepare "$(prepare_for "$row")"; done
for row in $ok_rows; do set -- "$@" --command-name "$row" "$(command_for "$row")"; done
# -N: no intermediate shell; -i: failing-add and floor exit 1 by design (their answers were checked by probe above).
hyperfine_rounds "$work/hyperfine" -N -i "$@"

# ---- peak RSS ---------------------------------------------------------------------------------------------------
rss() {
    peak_rss_kb "$rss_runs" "$(command_for "$1")" "$(prepare_for "$1")"
}

median_ms() {
    rounds_median_ms "$work/hyperfine" "$1"
}
fmt() { printf '%.1f' "$1"; }

# The lowest and highest of a row's per-round medians: how far separate rounds disagree on this machine.
round_spread() {
    jq -s -r --arg n "$1" "$jq_median"' [.[] | .results[] | select(.command == $n) | .times | median * 1000]
        | "\(min) \(max)"' "$work"/hyperfine.[0-9]*.json | awk '{ printf "%.1f-%.1f", $1, $2 }'
}

# -i let hyperfine go on past failures; count the runs that did not exit as the probe did.
bad_runs() {
    case $1 in failing-add*|floor) want_rc=1 ;; *) want_rc=0 ;; esac
    jq -r --arg n "$1" --argjson rc "$want_rc" \
        '[.results[] | select(.command == $n) | .exit_codes[] | select(. != $rc)] | length' "$work/hyperfine.json"
}

base=$(median_ms baseline)
reference() {  # the bridge-alone row a plugin row is compared with, when it was measured
    case " $ok_rows " in *" $1 "*) median_ms "$1" ;; esac
}
base_cold=$(reference baseline-cold)

echo
echo "cni-bridge-fp start-up benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -r)"
echo "image: $image ($(du -sh "$image" | cut -f1); $train_mode archive $(du -h "$image/lib/cni-bridge-fp.aot" 2>/dev/null | cut -f1))"
echo "JDK: $jdk ($want); $rounds rounds of hyperfine --warmup $warmup --runs $runs; peak RSS: max of $rss_runs runs"
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the numbers)"
echo
echo "| row | median ms | round medians | ratio to baseline | overhead vs bridge alone | min ms | CPU ms (user+sys) | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|"
for row in $row_names; do
    if [ -f "$work/$row.na" ]; then
        echo "| $row | $(cat "$work/$row.na") | | | | | | |"
        continue
    fi
    m=$(median_ms "$row")
    bad=$(bad_runs "$row")
    if [ "$bad" != 0 ]; then
        echo "| $row | n/a ($bad of $((runs * rounds)) timed runs failed) | | | | | | |"
        continue
    fi
    divisor=$base
    case $row in *-cold) divisor=${base_cold:-$base} ;; esac
    ratio=$(echo "$m $divisor" | awk '{ printf "%.2fx", $1 / $2 }')
    over=
    ref=
    case $row in add-plugin) ref=$(reference add-bridge) ;; adddel-plugin) ref=$(reference adddel-bridge) ;; esac
    [ -z "$ref" ] || over=$(echo "$m $ref" | awk '{ printf "%+.1f ms", $1 - $2 }')
    rss_mb=$(rss "$row" | awk '{ printf "%.1f", $1 / 1024 }')
    extra=$(jq -r --arg n "$row" '.results[] | select(.command == $n) | "\(.times | min * 1000)|\(.cpu * 1000)"' "$work/hyperfine.json" |
        awk -F'|' '{ printf "%.1f | %.1f", $1, $2 }')
    echo "| $row | $(fmt "$m") | $(round_spread "$row") | $ratio | $over | $extra | $rss_mb |"
done

# The failing ADD's target is a ratio; its distance in milliseconds is printed too, for a target stated that way.
echo
for row in failing-add failing-add-tmpfs; do
    [ -n "$(reference "$row")" ] && [ "$(bad_runs "$row")" = 0 ] || continue
    m=$(median_ms "$row")
    line="$row: $(echo "$m $base" | awk '{ printf "%+.1f ms", $1 - $2 }') over the baseline"
    if [ -n "$(reference floor)" ] && [ "$(bad_runs floor)" = 0 ]; then
        line="$line, $(echo "$m $(median_ms floor)" | awk '{ printf "%+.1f ms", $1 - $2 }') over the floor"
    fi
    echo "$line"
done
echo
echo "(median and min: wall time over all runs; round medians: the lowest and highest median of one round, i.e. how"
echo " far separate measurements disagree on this machine; CPU: mean user+sys of the process tree, which other work on"
echo " the machine disturbs far less than wall time; the adddel rows are one ADD plus one DEL each: two plugin processes, each delegating to bridge;"
echo " the -cold rows run with their image's files dropped from the page cache before every run; their ratio is to baseline-cold)"
echo "reproduce: sudo runtime-image/bench/bench.sh $image"

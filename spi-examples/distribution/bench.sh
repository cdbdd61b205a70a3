#!/bin/sh
# What a third-party action costs a call, each way it can reach the plugin: linked into this distribution (its own
# start-up archive, trained inside it) or put on the module path of the plugin image's java (no archive: the JVM
# refuses one when the module path holds extra modules). The plugin image's built-in error(x) is the reference.
# Not a test: prints a table for spi-examples/README.md.
#
#   spi-examples/distribution/bench.sh [DISTRIBUTION_IMAGE [PLUGIN_IMAGE]]
#   defaults: spi-examples/distribution/target/image and runtime-image/target/image; needs no root
#   env: RUNS (default 20), ROUNDS (default 3), WARMUP (default 3), RSS_RUNS (default 5)
#
# Every row is an ADD that fails at its failpoint (1000000*ACTION), run like containerd runs a plugin (env -i, CNI_*
# only, the config on stdin), from fresh copies of both images (docs/performance.md, "Folios").
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
here=$(cd "$(dirname "$0")" && pwd)
bench=$here/../../runtime-image/bench
distribution=$(cd "${1:-$here/target/image}" && pwd)
plugin=$(cd "${2:-$here/../../runtime-image/target/image}" && pwd)
runs=${RUNS:-20}
rounds=${ROUNDS:-3}
warmup=${WARMUP:-3}
rss_runs=${RSS_RUNS:-5}
. "$bench/needs.sh"
needs distribution/bench.sh hyperfine jq /usr/bin/time
. "$bench/vm-flags.sh"
flags=$(launcher_vm_flags "$plugin" distribution/bench.sh)
. "$bench/rounds.sh"
. "$bench/rss.sh"
jars="$here/../exit-action/target/cnifp-example-exit-*.jar $here/../errcode-action/target/cnifp-example-errcode-*.jar"
for jar in $jars; do
    [ -f "$jar" ] || { echo "distribution/bench.sh: no $jar (build first: bin/with-jdk25 mvn -B package)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/cnifp-distribution-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT; trap 'exit 143' TERM; trap 'exit 129' HUP  # dash runs no EXIT trap when a signal ends it
cp -R -p "$plugin" "$work/plugin"
cp -R -p "$distribution" "$work/distribution"
mkdir "$work/modules"
# shellcheck disable=SC2086 # the globs in $jars are meant to expand
cp $jars "$work/modules/"

# The module-path way, as docs/writing-actions.md writes it: the launcher's flags, less its archive.
cat >"$work/module-path" <<EOF
#!/bin/sh
exec $work/plugin/bin/java $flags --module-path $work/modules -m dev.cnifp.cni/dev.cnifp.cni.Main "\$@"
EOF
chmod 0755 "$work/module-path"

# row NAME BINARY ACTION EXPECTED_EXIT EXPECTED_STDOUT: one failing ADD, checked once (its exit code, its whole
# answer, nothing on stderr: an action the image does not know would also exit 1), then timed below.
set --
row() {
    printf '{"cmdAdd": "1000000*%s"}\n' "$3" >"$work/$1.failpoints.json"
    printf '{"cniVersion":"1.0.0","name":"bench","type":"cni-bridge-fp","runtimeConfig":{"io.kubernetes.cri.pod-annotations":{"failpoint.cni.containerd.io/confpath":"%s"}}}\n' \
        "$work/$1.failpoints.json" >"$work/$1.conf"
    printf 'exec env -i CNI_COMMAND=ADD CNI_CONTAINERID=bench CNI_NETNS=/nonexistent CNI_IFNAME=eth0 CNI_PATH=/nonexistent %s <%s\n' \
        "$2" "$work/$1.conf" >"$work/$1.sh"
    set +e
    sh "$work/$1.sh" >"$work/$1.out" 2>"$work/$1.err"
    rc=$?
    set -e
    if [ "$rc" != "$4" ] || [ -s "$work/$1.err" ] || [ "$(cat "$work/$1.out")" != "$5" ]; then
        cat "$work/$1.out" "$work/$1.err" >&2
        echo "distribution/bench.sh: $1 exited $rc, expected $4, $5 on stdout and nothing on stderr" >&2
        exit 1
    fi
}
error_x=$(printf '{\n    "code": 999,\n    "msg": "x"\n}')
errcode_x=$(printf '{\n    "code": 11,\n    "msg": "x"\n}')
row plugin-error "$work/plugin/bin/cni-bridge-fp" 'error(x)' 1 "$error_x"
row distribution-error "$work/distribution/bin/cni-bridge-fp" 'error(x)' 1 "$error_x"
row distribution-errcode "$work/distribution/bin/cni-bridge-fp" 'errcode(11,x)' 1 "$errcode_x"
row distribution-exit "$work/distribution/bin/cni-bridge-fp" 'exit(3)' 3 ''
row module-path-errcode "$work/module-path" 'errcode(11,x)' 1 "$errcode_x"
rows='plugin-error distribution-error distribution-errcode distribution-exit module-path-errcode'
for name in $rows; do
    set -- "$@" --command-name "$name" "sh $work/$name.sh"
done

hyperfine_rounds "$work/h" -N -i "$@"

echo "Third-party action measurements, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$rounds rounds of hyperfine -N --warmup $warmup --runs $runs; medians of all runs; peak RSS of $rss_runs runs"
echo "distribution $distribution ($(du -sm "$distribution" | cut -f1) MB), plugin image $plugin ($(du -sm "$plugin" | cut -f1) MB)"
echo
echo "| failing ADD | median ms | vs plugin-error | CPU ms (user+sys) | peak RSS MB |"
echo "|---|---|---|---|---|"
for name in $rows; do
    rss=$(peak_rss_kb "$rss_runs" "sh $work/$name.sh")
    jq -r --arg n "$name" --arg rss "$rss" "$jq_median"'
        def tenths: . * 10 | round / 10;
        def signed: if . == 0 then "+0" elif . > 0 then "+\(.)" else "\(.)" end;
        (.results[] | select(.command == "plugin-error")) as $p | .results[] | select(.command == $n)
        | "| \($n) | \(.times | median * 1000 | tenths) | \((.times | median) - ($p.times | median) | . * 1000 | tenths | signed) ms"
          + " | \(.cpu * 1000 | tenths) | \($rss | tonumber / 1024 | tenths) |"' "$work/h.json"
done

#!/bin/sh
# What reading the network config costs a cold plugin process, each way the stack's JSON library offers:
# jackson-jr's bean binding, jackson-jr's maps, jackson-core's streaming parser (jackson-jr's lower layer, the one the
# plugin keeps), the plugin's own reader, and no parser at all. Not a test:
# prints a table for docs/performance.md ("JSON on the start-up path").
#
#   runtime-image/bench/json.sh [IMAGE]     (IMAGE defaults to runtime-image/target/image; needs no root)
#   env: RUNS (default 10), ROUNDS (default 4), WARMUP (default 3), JDK (default: the JDK the image was linked from),
#        JACKSON_JR (default runtime-image/target/bench-lib/jackson-jr-objects.jar)
#
# bench/probes/JsonReadProbe.java is compiled against the image's own modules (javac --system IMAGE) and jackson-jr's
# object layer, which the image does not hold (the build copies its jar to runtime-image/target/bench-lib), into a
# modular jar, and runs on the image's bin/java with the launcher's flags and that jar beside it on the module path. Each way gets its own AOT cache, trained on that way
# alone (one-step -XX:AOTCacheOutput, as flags.sh does), so each pays for exactly the classes it loads, as it would
# if the plugin read its config that way. The caches are copied before timing (see bench.sh on fresh copies).
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
here=$(cd "$(dirname "$0")" && pwd)
image=$(cd "${1:-$here/../target/image}" && pwd)
runs=${RUNS:-10}
rounds=${ROUNDS:-4}
warmup=${WARMUP:-3}
. "$here/needs.sh"
needs json hyperfine jq
. "$here/vm-flags.sh"
flags=$(launcher_vm_flags "$image" json)
. "$here/jdk.sh"
jdk=$(image_jdk "$image" json)
. "$here/rounds.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/cnifp-json.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT; trap 'exit 143' TERM; trap 'exit 129' HUP  # dash runs no EXIT trap when a signal ends it

jr=${JACKSON_JR:-$here/../target/bench-lib/jackson-jr-objects.jar}
[ -f "$jr" ] || { echo "json: no jackson-jr jar at $jr: build with 'mvn package' first, or set JACKSON_JR" >&2; exit 1; }

mkdir -p "$work/src/jsonprobe" "$work/classes"
cp "$here/probes/JsonReadProbe.java" "$work/src/jsonprobe/"
cat >"$work/src/module-info.java" <<'EOF'
module jsonprobe {
    requires com.fasterxml.jackson.jr.ob;
    requires dev.cnifp.cni;
    opens jsonprobe to com.fasterxml.jackson.jr.ob; // bean binding sets NetConf's fields
}
EOF
# The plugin's reader is not exported; every way gets the same exports, so that all resolve the same module graph.
exports="--add-exports dev.cnifp.cni/dev.cnifp.cni.json=jsonprobe --add-exports dev.cnifp.cni/dev.cnifp.cni.config=jsonprobe"
# shellcheck disable=SC2086 # the options are split on blanks
"$jdk/bin/javac" --system "$image" --module-path "$jr" $exports -XDstringConcat=inline -d "$work/classes" \
    "$work/src/module-info.java" "$work/src/jsonprobe/JsonReadProbe.java"
"$jdk/bin/jar" --create --file "$work/jsonprobe.jar" -C "$work/classes" .

expected=/run/failpoints/pod.json
printf '{"cniVersion":"1.0.0","name":"json","type":"cni-bridge-fp","bridge":"fp0","isGateway":true,"ipam":{"type":"host-local","ranges":[[{"subnet":"10.250.0.0/24"}]]},"runtimeConfig":{"io.kubernetes.cri.pod-annotations":{"failpoint.cni.containerd.io/confpath":"%s"}}}\n' \
    "$expected" >"$work/conf.json"

ways='none streaming tree bean plugin'
set --
for way in $ways; do
    probe="$exports --module-path $work/jsonprobe.jar:$jr -m jsonprobe/jsonprobe.JsonReadProbe $way"
    # shellcheck disable=SC2086 # flags and arguments are split on blanks, as the launcher splits its flags
    env -i "$image/bin/java" $flags -XX:AOTCacheOutput="$work/$way.aot" $probe <"$work/conf.json" \
        >"$work/$way.train" 2>&1 || { cat "$work/$way.train" >&2; echo "json: training '$way' failed" >&2; exit 1; }
    [ -s "$work/$way.aot" ] || { cat "$work/$way.train" >&2; echo "json: no cache for '$way'" >&2; exit 1; }
    cp -p "$work/$way.aot" "$work/$way.aot.copy" && mv "$work/$way.aot.copy" "$work/$way.aot"
    # The timed command, once: it must find the path, and with AOTMode=on a cache the JVM cannot use is an error.
    env -i "$image/bin/java" $flags -XX:AOTMode=on -XX:AOTCache="$work/$way.aot" $probe <"$work/conf.json" \
        >"$work/$way.out" 2>"$work/$way.err" || { cat "$work/$way.err" >&2; echo "json: '$way' failed" >&2; exit 1; }
    [ "$(cat "$work/$way.out")" = "$expected" ] || { echo "json: '$way' read $(cat "$work/$way.out")" >&2; exit 1; }
    # The config comes on stdin, which needs the shell's redirection (hyperfine subtracts the shell's start-up).
    set -- "$@" --command-name "$way" "env -i $image/bin/java $flags -XX:AOTCache=$work/$way.aot $probe <$work/conf.json"
done

hyperfine_rounds "$work/h" "$@"

echo "JSON read measurements, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$rounds rounds of hyperfine --warmup $warmup --runs $runs; medians of all runs; image $image"
echo
echo "| way | median ms | vs none | min ms | CPU ms (user+sys) | CPU vs none | its cache MB |"
echo "|---|---|---|---|---|---|---|"
for way in $ways; do
    jq -r --arg w "$way" --arg mb "$(du -m "$work/$way.aot" | cut -f1)" "$jq_median"'
        def tenths: . * 1000 * 10 | round / 10;
        # jq rounds a small negative to -0, which would print as "+-0"
        def signed: if . == 0 then "+0" elif . > 0 then "+\(.)" else "\(.)" end;
        (.results[] | select(.command == "none")) as $n | .results[] | select(.command == $w)
        | "| \($w) | \(.times | median | tenths) | \((.times | median) - ($n.times | median) | tenths | signed) ms"
          + " | \(.times | min | tenths) | \(.cpu | tenths) | \(.cpu - $n.cpu | tenths | signed) ms | \($mb) |"' \
        "$work/h.json"
done

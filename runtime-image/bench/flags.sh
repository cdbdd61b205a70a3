#!/bin/sh
# Measures each VM flag of the launcher, so that none is there on faith. Not a test: prints a table for
# docs/performance.md.
#
#   runtime-image/bench/flags.sh [IMAGE]     (IMAGE defaults to runtime-image/target/image)
#   env: RUNS (default 10), ROUNDS (default 4), WARMUP (default 3), RSS_RUNS (default 5),
#        CALL=version (default) or CALL=failing-add (needs the real plugin: ADD failing at 1000000*error(x))
#
# Every variant runs the image's bin/java with the plugin's module options and its own AOT cache, trained here
# with exactly the variant's flags (a cache is only used with the flags it was made with: a different GC, for
# one, loses the archived heap objects). Variants: JVM defaults without a cache, the cache alone, the launcher's
# full set, the full set minus each flag (what each flag is worth where it is used), and candidates that are
# not in the launcher. The image itself is not changed.
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
here=$(cd "$(dirname "$0")" && pwd)
image=$(cd "${1:-$here/../target/image}" && pwd)
runs=${RUNS:-10}
rounds=${ROUNDS:-4}
warmup=${WARMUP:-3}
rss_runs=${RSS_RUNS:-5}
call=${CALL:-version}
. "$here/needs.sh"
needs flags hyperfine jq /usr/bin/time

work=$(mktemp -d "${TMPDIR:-/tmp}/cnifp-flags.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT; trap 'exit 143' TERM; trap 'exit 129' HUP  # dash runs no EXIT trap when a signal ends it

# The launcher's flags, parsed from the launcher itself (the one place they are set).
. "$here/vm-flags.sh"
full=$(launcher_vm_flags "$image" flags)
. "$here/rounds.sh"
. "$here/rss.sh"
# -Xlog:... is kept in every variant: it is there for correctness (stdout is the CNI result), not speed.
xlog='-Xlog:disable -Xlog:all=warning:stderr'
without() {  # without FLAG: the full set minus one flag
    echo " $full " | sed "s| $1 | |; s|^ ||; s| \$||"
}

# name|flags|cache (yes/no). Flags in $full are leave-one-out; the rest are candidates.
variants="defaults-no-cache|$xlog|no
cache-only|$xlog|yes
launcher|$full|yes"
for flag in $full; do
    # -XX:+UnlockDiagnosticVMOptions only admits the diagnostic flag after it; leaving it out alone fails the JVM
    case $flag in -Xlog:*|-XX:+UnlockDiagnosticVMOptions) continue ;; esac
    variants="$variants
without $flag|$(without "$flag")|yes"
done
variants="$variants
launcher -Xlog removed (speed only)|$(echo " $full " | sed 's| -Xlog:disable | |; s| -Xlog:all=warning:stderr | |; s|^ ||; s| $||')|yes
launcher C1 only (-XX:TieredStopAtLevel=1 instead of -Xint)|$(without -Xint) -XX:TieredStopAtLevel=1|yes
launcher +Xss512k +Xmx64m|$full -Xss512k -Xmx64m|yes
launcher +Xmx16m|$full -Xmx16m|yes
launcher +UseCompactObjectHeaders|$full -XX:+UseCompactObjectHeaders|yes
launcher -Xshare:off|$full -Xshare:off|no"

mods='-m dev.cnifp.cni/dev.cnifp.cni.Main'

# The call's environment and input.
mkdir -p "$work/cni-bin"
printf '{"cmdAdd":"1000000*error(x)"}\n' >"$work/failing.json"
printf '{"cniVersion":"1.0.0","name":"flags","type":"cni-bridge-fp","bridge":"fp0","ipam":{"type":"host-local"},"runtimeConfig":{"io.kubernetes.cri.pod-annotations":{"failpoint.cni.containerd.io/confpath":"%s"}}}\n' \
    "$work/failing.json" >"$work/conf.json"
case $call in
    version) envs="CNI_COMMAND=VERSION" ;;
    failing-add) envs="CNI_COMMAND=ADD CNI_CONTAINERID=flags CNI_NETNS=/run/netns/none CNI_IFNAME=eth0 CNI_PATH=$work/cni-bin" ;;
    *) echo "flags: CALL is version or failing-add" >&2; exit 2 ;;
esac

set --
i=0
printf '%s\n' "$variants" >"$work/variants"
while IFS='|' read -r name flags cache; do
    i=$((i + 1))
    cachearg=
    if [ "$cache" = yes ]; then
        # Train with exactly these flags (one-step AOTCacheOutput, JEP 514), on the call being measured.
        env -i $envs "$image/bin/java" $flags -XX:AOTCacheOutput="$work/$i.aot" $mods <"$work/conf.json" \
            >/dev/null 2>"$work/$i.train.err" || true
        [ -s "$work/$i.aot" ] || { echo "flags: no cache for '$name':" >&2; cat "$work/$i.train.err" >&2; exit 1; }
        cachearg=-XX:AOTCache=$work/$i.aot
    fi
    cmd="env -i $envs $image/bin/java $flags $cachearg $mods"
    echo "$cmd" >"$work/$i.cmd"
    # VERSION reads no input: run without a shell (-N). An ADD reads its config from stdin, which needs the
    # shell's redirection (hyperfine 1.15 has no --input); hyperfine subtracts the shell's own start-up.
    [ "$call" = version ] || cmd="$cmd <$work/conf.json"
    set -- "$@" --command-name "$name" "$cmd"
done <"$work/variants"
[ "$call" = version ] && set -- -N "$@"

hyperfine_rounds "$work/h" -i "$@"

echo "VM flag measurements, call: $call, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$rounds rounds of hyperfine --warmup $warmup --runs $runs; medians of all runs; peak RSS max of $rss_runs"
echo "launcher flags: $full"
echo
echo "| variant | median ms | vs launcher | min ms | CPU ms (user+sys) | CPU vs launcher | peak RSS MB |"
echo "|---|---|---|---|---|---|---|"
ref=$(jq -r "$jq_median"' .results[] | select(.command == "launcher") | "\(.times | median * 1000)|\(.cpu * 1000)"' \
    "$work/h.json")
i=0
while IFS='|' read -r name flags cache; do
    i=$((i + 1))
    m=$(jq -r --arg n "$name" "$jq_median"' .results[] | select(.command == $n)
        | "\(.times | median * 1000)|\(.times | min * 1000)|\(.cpu * 1000)"' "$work/h.json")
    max=$(peak_rss_kb "$rss_runs" "$(cat "$work/$i.cmd") <$work/conf.json")
    echo "$name|$m|$ref|$max" | awk -F'|' '{ printf "| %s | %.1f | %+.1f | %.1f | %.1f | %+.1f | %.1f |\n", $1, $2, $2 - $5, $3, $4, $4 - $6, $7 / 1024 }'
done <"$work/variants"
echo
echo "reproduce: CALL=$call runtime-image/bench/flags.sh $image"

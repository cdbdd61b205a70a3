#!/bin/sh
# Trains the start-up archive of the image: IMAGE/lib/cni-bridge-fp.aot, which the launcher passes to the JVM
# as -XX:AOTCache. Run by Maven in the package phase, after jlink and assemble.sh.
#
#   train.sh IMAGE [cds|aot] [SCENARIO...]
#
# Why after jlink and inside the image: an AOT cache / CDS archive records the exact lib/modules it was made
# from and is refused by any other image.
#
# Every run goes through the real launcher, with the environment containerd gives a plugin (env -i plus CNI_*),
# so the training sees exactly the module options, VM flags (baked in by jlink) and code paths of production.
# The training options reach the JVM through JDK_JAVA_OPTIONS, which the java launcher prepends; the launcher
# adds -XX:AOTCache only when the cache exists, and it does not exist while we train.
#
# The representative calls: VERSION; an ADD that fails at the failpoint 1000000*error(x); an ADD that passes
# its failpoint (1000000*off) and is delegated to a fake bridge that prints a canned 1.0.0 result. A custom
# distribution adds calls that fire its own actions as more SCENARIOs, NAME:COMMAND:SPEC each: NAME of letters,
# digits, '-' and '_'; COMMAND a CNI command; SPEC, with no blank, ':', '"' or '\', becomes the COMMAND's entry in
# the failpoint file (cmdAdd for ADD, ...); e.g. errcode-add:ADD:1000000*errcode(11,x)
# (spi-examples/distribution/pom.xml). A SPEC the plugin cannot parse fails the training. In aot mode only the
# largest run counts, so an extra call matters only if it is that run.
#
# Two ways to make the archive, because a JDK 25 AOT cache is made from ONE training run (its configuration file
# is a binary snapshot of one JVM; several cannot be merged):
#   cds  (default) static CDS archive with -XX:+AOTClassLinking (JEP 483's class linking) from the class lists
#        of ALL training runs, merged. Covers every class of every call; no method profiles (JEP 515), which
#        matter little in a process that lives ~30 ms.
#   aot  JEP 483/514/515 AOT cache from the ONE training run that loaded the most (largest AOT configuration),
#        normally the delegated ADD. Misses what only the other calls load, e.g. the failing ADD's error path:
#        measured with a stand-in plugin, that ADD then costs 57 ms of CPU instead of 35 (docs/performance.md).
#
# Calls that fail do not fail the training (bench.sh trains its hello world and floor images with this script, and
# they answer only some of the calls): their exit codes are printed, and a cache is still made from what ran. The
# build fails only when no archive could be made or the JVM refuses the one made.
set -eu
image=${1:?usage: train.sh IMAGE [aot|cds] [NAME:COMMAND:SPEC...]}
mode=${2:-cds}
shift
[ $# -eq 0 ] || shift
rule="NAME:COMMAND:SPEC; COMMAND one of ADD DEL CHECK STATUS GC VERSION; no blank, ':', '\"' or '\\' in SPEC"
for extra in "$@"; do
    command=${extra#*:}
    command=${command%%:*}
    case $extra in
        *[!A-Za-z0-9_-]*:*:* | :*:* | *:*:*:*) ;; # other characters in NAME, no NAME, a ':' in SPEC: refused
        *' '* | *'"'* | *'\'*) ;; # a blank, or what would break the failpoint file's JSON: refused
        ?*:?*:?*) case $command in ADD | DEL | CHECK | STATUS | GC | VERSION) continue ;; esac ;;
    esac
    printf '%s\n' "train: bad scenario '$extra' ($rule)" >&2
    exit 2
done
image=$(cd "$image" && pwd)
launcher=$image/bin/cni-bridge-fp
cache=$image/lib/cni-bridge-fp.aot
case $mode in aot|cds) ;; *) echo "train: unknown mode $mode (aot or cds)" >&2; exit 2 ;; esac
[ -x "$launcher" ] || { echo "train: no launcher at $launcher (run assemble.sh first)" >&2; exit 1; }

rm -f "$cache" "$image/lib/cni-bridge-fp.aot.mode"
work=$(mktemp -d "${TMPDIR:-/tmp}/cnifp-train.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT; trap 'exit 143' TERM; trap 'exit 129' HUP  # dash runs no EXIT trap when a signal ends it

# A fake bridge: reads its config like a real plugin and answers ADD with a canned CNI 1.0.0 result.
mkdir "$work/cni-bin"
cat >"$work/cni-bin/bridge" <<'EOF'
#!/bin/sh
cat >/dev/null
case $CNI_COMMAND in
    ADD) printf '%s\n' '{"cniVersion":"1.0.0","interfaces":[{"name":"fp-cni0","mac":"aa:bb:cc:00:00:01"},{"name":"veth0abc1234","mac":"aa:bb:cc:00:00:02"},{"name":"eth0","mac":"aa:bb:cc:00:00:03","sandbox":"/var/run/netns/cnifp-training"}],"ips":[{"interface":2,"address":"10.88.0.2/16","gateway":"10.88.0.1"}],"routes":[{"dst":"0.0.0.0/0"}],"dns":{}}' ;;
    VERSION) printf '%s\n' '{"cniVersion":"1.0.0","supportedVersions":["0.3.0","0.3.1","0.4.0","1.0.0"]}' ;;
esac
EOF
chmod 0755 "$work/cni-bin/bridge"

# The network config a pod's ADD brings, with the failpoint file named by the pod annotation.
config() {
    cat <<EOF
{"cniVersion":"1.0.0","name":"cnifp-training","type":"cni-bridge-fp","bridge":"fp-cni0","isGateway":true,
 "ipam":{"type":"host-local","ranges":[[{"subnet":"10.88.0.0/16"}]],"routes":[{"dst":"0.0.0.0/0"}]},
 "runtimeConfig":{"io.kubernetes.cri.pod-annotations":{"failpoint.cni.containerd.io/confpath":"$1"}}}
EOF
}

# call NAME COMMAND FAILPOINT_SPEC TRAINING_OPTIONS: one plugin call as containerd makes it.
call() {
    name=$1 command=$2 spec=$3 opts=$4
    case $command in
        ADD) key=cmdAdd ;; DEL) key=cmdDel ;; CHECK) key=cmdCheck ;; STATUS) key=cmdStatus ;; GC) key=cmdGC ;;
        *) key=cmdAdd ;; # VERSION reads no file
    esac
    printf '{"%s":"%s"}\n' "$key" "$spec" >"$work/$name.failpoints.json"
    config "$work/$name.failpoints.json" >"$work/$name.config.json"
    set +e
    env -i JDK_JAVA_OPTIONS="$opts" \
        CNI_COMMAND="$command" CNI_CONTAINERID="cnifp-training-$name" \
        CNI_NETNS=/var/run/netns/cnifp-training CNI_IFNAME=eth0 CNI_PATH="$work/cni-bin" \
        "$launcher" <"$work/$name.config.json" >"$work/$name.out" 2>"$work/$name.err"
    rc=$?
    set -e
    echo "train: $name ($command) exited $rc: $(head -c 200 "$work/$name.out" | tr -s '\n ' '  ')"
    # Only JVM trouble matters here; a program that does not answer every call (the bench's images) is expected.
    grep -v -e '^NOTE: Picked up JDK_JAVA_OPTIONS' "$work/$name.err" | grep -E '^(Error|\[.*(warning|error))' >&2 || true
    # But a spec the plugin cannot parse trains the wrong path (a misspelt action in a distribution's scenario).
    if grep -q 'failed to parse failpoint' "$work/$name.out"; then
        echo "train: the $name call could not parse its failpoint '$spec'" >&2
        exit 1
    fi
}

# Split on blanks, never globbed (specs hold '*'); so a SPEC has no blanks.
scenarios="version:VERSION:off failing-add:ADD:1000000*error(x) delegated-add:ADD:1000000*off $*"
set -f

if [ "$mode" = aot ]; then
    best= best_size=0
    for s in $scenarios; do
        name=${s%%:*} rest=${s#*:}
        call "$name" "${rest%%:*}" "${rest#*:}" "-XX:AOTMode=record -XX:AOTConfiguration=$work/$name.aotconf"
        [ -f "$work/$name.aotconf" ] || continue
        size=$(wc -c <"$work/$name.aotconf")
        if [ "$size" -gt "$best_size" ]; then best=$name best_size=$size; fi
    done
    [ -n "$best" ] || { echo "train: no training run produced an AOT configuration" >&2; exit 1; }
    echo "train: making the AOT cache from the '$best' run ($best_size bytes of configuration)"
    env -i JDK_JAVA_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$work/$best.aotconf -XX:AOTCache=$cache" \
        "$launcher" </dev/null >"$work/create.out" 2>&1 || { cat "$work/create.out" >&2; exit 1; }
else
    for s in $scenarios; do
        name=${s%%:*} rest=${s#*:}
        call "$name" "${rest%%:*}" "${rest#*:}" "-XX:DumpLoadedClassList=$work/$name.classlist"
    done
    set +f
    # Merge: drop the per-run "id: N" numbering (only classes of custom loaders need ids, and we have none),
    # keep each line once, in first-seen order.
    # awk 1: each file ends with a newline even when its last line does not.
    awk 1 "$work"/*.classlist 2>/dev/null | sed 's/ id: [0-9]*$//' | awk '!seen[$0]++' >"$work/merged.classlist"
    [ -s "$work/merged.classlist" ] || { echo "train: no class list was written" >&2; exit 1; }
    echo "train: dumping a static CDS archive of $(grep -vc '^@' "$work/merged.classlist") classes"
    env -i JDK_JAVA_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$work/merged.classlist -XX:SharedArchiveFile=$cache -XX:+AOTClassLinking" \
        "$launcher" </dev/null >"$work/create.out" 2>&1 || { cat "$work/create.out" >&2; exit 1; }
fi
[ -s "$cache" ] || { cat "$work/create.out" >&2; echo "train: no archive at $cache" >&2; exit 1; }

# Prove the JVM takes it: with AOTMode=on a cache it cannot use is a fatal error instead of a silent slow start.
if ! env -i JDK_JAVA_OPTIONS=-XX:AOTMode=on CNI_COMMAND=VERSION "$launcher" </dev/null >"$work/check.out" 2>&1; then
    cat "$work/check.out" >&2
    echo "train: the JVM refuses the archive it was just given" >&2
    exit 1
fi
# Say how it was made, for the benchmark's baseline (trained the same way) and for people.
echo "$mode" >"$image/lib/cni-bridge-fp.aot.mode"
echo "train: $mode archive $cache ($(wc -c <"$cache") bytes) is in use"

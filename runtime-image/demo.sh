#!/usr/bin/env bash
# demo.sh: plays the example of containerd's cni-bridge-fp README, step by step, against this project's plugin
# and Debian's real bridge and host-local plugins, and checks every output against the one the README shows.
#
#   sudo runtime-image/demo.sh
#
# It builds the image when runtime-image/target/image/bin/cni-bridge-fp is missing, installs Debian's
# containernetworking-plugins, iptables, jq, iproute2 and util-linux with apt-get when they are missing, then runs
# everything in a throwaway network + mount namespace: the README's `failpoint` netns, the fp-cni0 bridge, the
# veth pair, the iptables rules and host-local's /var/lib/cni all live and die there. The README's /tmp files and
# /opt/cni/bin are replaced by a private temp directory, removed at the end. Nothing is left behind.
#
# Exit status: 0 when every step printed what the README shows, 1 otherwise (so it is also a smoke test).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
self=$here/demo.sh
repo=$(dirname "$here")
# CNIFP_PLUGIN=/path/to/binary plays the demo against another binary (e.g. while the image is being built).
image_plugin=${CNIFP_PLUGIN:-$here/target/image/bin/cni-bridge-fp}

# ---------------------------------------------------------------------------------------------------------------
# Part 2: inside the private namespaces (called by part 1 through unshare).
# ---------------------------------------------------------------------------------------------------------------
inside() {
    local work=$1
    local bin=$work/bin
    local fpfile=$work/cni-failpoint.json
    local helper=$work/cni-failpoint-demo-helper.sh
    local out=$work/step.out
    local differences=0

    if [ "$(readlink /proc/self/ns/net)" = "$(readlink /proc/1/ns/net)" ]; then
        echo "demo: refusing to go on: not in a private network namespace" >&2
        exit 1
    fi
    # Private /run (for `ip netns add` and iptables' lock) and host-local's default data directory.
    mount -t tmpfs -o mode=0755 cnifp-demo-run /run
    mkdir -p /run/netns
    if [ -d /var/lib/cni ]; then
        mount -t tmpfs -o mode=0755 cnifp-demo-cni /var/lib/cni
    else
        # No /var/lib/cni to mount over: a tmpfs over /var/lib, with the host's entries linked back in.
        mkdir /run/cnifp-host-var-lib
        mount --bind /var/lib /run/cnifp-host-var-lib
        mount -t tmpfs -o mode=0755 cnifp-demo-var-lib /var/lib
        for entry in /run/cnifp-host-var-lib/*; do
            if [ -e "$entry" ]; then ln -s "$entry" /var/lib/; fi
        done
        mkdir /var/lib/cni
    fi
    ip link set lo up

    # show COMMAND-AS-THE-README-SHOWS-IT: prints it after a blank line, like a shell transcript.
    show() { printf '\n$ %s\n' "$1"; }
    # compare_output WHAT EXPECTED-FILE [NOTE]: compares the step's output (in $out) byte for byte.
    compare_output() {
        if cmp -s "$2" "$out"; then
            printf '# (%s)\n' "${3:-matches the README}"
        else
            printf '# DIFFERS from the README (%s): expected < > got\n' "$1"
            diff "$2" "$out" | sed 's/^/#   /' || true
            differences=$((differences + 1))
        fi
    }
    # expect_exit WHAT EXPECTED ACTUAL
    expect_exit() {
        if [ "$2" != "$3" ]; then
            printf '# DIFFERS from the README (%s): exit status %s, expected %s\n' "$1" "$3" "$2"
            differences=$((differences + 1))
        fi
    }
    # run_helper COMMAND: the README's `sudo CNI_COMMAND=... bash /tmp/cni-failpoint-demo-helper.sh`
    run_helper() {
        local status=0
        show "sudo CNI_COMMAND=$1 bash /tmp/cni-failpoint-demo-helper.sh"
        CNI_COMMAND=$1 bash "$helper" >"$out" || status=$?
        cat "$out"
        [ -s "$out" ] && echo
        return "$status"
    }
    # show_file: the README's `cat /tmp/cni-failpoint.json | jq .`
    show_file() {
        show "cat /tmp/cni-failpoint.json | jq ."
        cat "$fpfile" | jq . >"$out" || true
        cat "$out"
    }

    local expected=$work/expected
    local status

    echo "Let's use the following json as failpoint description."
    show "cat <<EOF | tee /tmp/cni-failpoint.json"
    printf '%s\n' '{' \
        $'\t"cmdAdd":   "1*error(try-again)",' \
        $'\t"cmdDel":   "2*error(oops)",' \
        $'\t"cmdCheck": "1*off->1*panic(sorry)"' \
        '}' 'EOF'
    cat <<EOF | tee "$fpfile"
{
	"cmdAdd":   "1*error(try-again)",
	"cmdDel":   "2*error(oops)",
	"cmdCheck": "1*off->1*panic(sorry)"
}
EOF

    echo
    echo "And use \`ip netns\` to create persisted net namespace named by \`failpoint\`."
    show "sudo ip netns add failpoint"
    ip netns add failpoint

    echo
    echo "And then setup the following bash script for demo."
    show "cat <<EOFDEMO | tee /tmp/cni-failpoint-demo-helper.sh"
    echo "# (the script below is the README's, with /opt/cni/bin/ -> $bin/ and /tmp/cni-failpoint.json -> $fpfile)"
    cat <<EOFDEMO | tee "$helper"
#!/usr/bin/env bash

export CNI_CONTAINERID=failpoint-testing
export CNI_NETNS=/run/netns/failpoint
export CNI_IFNAME=fpeni0
export CNI_PATH=$bin/

cat <<EOF | $bin/cni-bridge-fp
{
  "cniVersion": "0.3.0",
  "name": "containerd-net-fp",
  "type": "cni-bridge-fp",
  "bridge": "fp-cni0",
  "isGateway": true,
  "ipMasq": true,
  "promiscMode": true,
  "ipam": {
    "type": "host-local",
    "ranges": [
      [{
        "subnet": "10.88.0.0/16"
      }],
      [{
        "subnet": "2001:4860:4860::/64"
      }]
    ],
    "routes": [
      { "dst": "0.0.0.0/0" },
      { "dst": "::/0" }
    ]
  },
  "runtimeConfig": {
    "io.kubernetes.cri.pod-annotations": {
      "failpoint.cni.containerd.io/confpath": "$fpfile"
    }
  }
}
EOF

EOFDEMO

    echo
    echo "Let's try to setup CNI and we should get a error \`try-again\`."
    status=0; run_helper ADD || status=$?
    printf '{\n    "code": 999,\n    "msg": "try-again"\n}' >"$expected"
    compare_output "first ADD" "$expected"
    expect_exit "first ADD" 1 "$status"

    echo
    echo "# there is no failpoint for ADD command."
    show_file
    printf '{\n  "cmdAdd": "0*error(try-again)",\n  "cmdDel": "2*error(oops)",\n  "cmdCheck": "1*off->1*panic(sorry)"\n}\n' >"$expected"
    compare_output "failpoint file after the first ADD" "$expected"

    echo
    echo "We should setup CNI successfully after retry. When we teardown the interface,"
    echo "there should be two failpoints."
    status=0; run_helper ADD || status=$?
    expect_exit "second ADD" 0 "$status"
    local ipv4
    ipv4=$(jq -r '[.ips[]?.address | select(startswith("10.88."))][0] // empty' "$out" 2>/dev/null || true)
    if [ "$(jq -r .cniVersion "$out" 2>/dev/null || true)" = 0.3.0 ] && [ -n "$ipv4" ] &&
        jq -e '[.ips[]?.address | select(startswith("2001:4860:4860::"))] | length == 1' "$out" >/dev/null 2>&1; then
        printf '# (the README shows "..." here: a 0.3.0 result with %s and an IPv6 in 2001:4860:4860::/64)\n' "$ipv4"
    else
        printf '# DIFFERS: expected a 0.3.0 result with an IPv4 in 10.88.0.0/16 and an IPv6 in 2001:4860:4860::/64\n'
        differences=$((differences + 1))
    fi
    show "sudo ip -n failpoint addr show fpeni0    # not in the README: the interface the ADD made"
    ip -n failpoint addr show fpeni0 | tee "$out" || true
    if [ -z "$ipv4" ] || ! grep -q "inet $ipv4 " "$out"; then
        printf '# DIFFERS: fpeni0 does not carry %s\n' "${ipv4:-the IPv4 of the ADD result}"
        differences=$((differences + 1))
    fi

    printf '{\n    "code": 999,\n    "msg": "oops"\n}' >"$expected"
    for which in "first DEL" "second DEL"; do
        status=0; run_helper DEL || status=$?
        compare_output "$which" "$expected"
        expect_exit "$which" 1 "$status"
    done

    show_file
    printf '{\n  "cmdAdd": "0*error(try-again)",\n  "cmdDel": "0*error(oops)",\n  "cmdCheck": "1*off->1*panic(sorry)"\n}\n' >"$expected"
    compare_output "failpoint file after both DELs" "$expected"

    echo
    echo "# Not in the README: the third DEL reaches bridge, which tears fpeni0 down."
    status=0; run_helper DEL || status=$?
    : >"$expected"
    compare_output "third DEL" "$expected" "no output: bridge tore the interface down"
    expect_exit "third DEL" 0 "$status"
    show "sudo ip -n failpoint link show fpeni0"
    if ip -n failpoint link show fpeni0 2>&1; then
        printf '# DIFFERS: fpeni0 still exists after a successful DEL\n'
        differences=$((differences + 1))
    fi

    echo
    if [ "$differences" -eq 0 ]; then
        echo "demo: every step printed what the README shows."
    else
        echo "demo: $differences step(s) differ from the README (marked DIFFERS above)."
    fi
    [ "$differences" -eq 0 ]
}

if [ "${1:-}" = --inside ]; then
    inside "$2"
    exit
fi

# ---------------------------------------------------------------------------------------------------------------
# Part 1: on the host. Checks, build, packages, private temp dir; then part 2 in private namespaces.
# ---------------------------------------------------------------------------------------------------------------
if [ "$(id -u)" -ne 0 ]; then
    cat >&2 <<EOF
demo.sh must run as root: it creates network namespaces, a bridge, a veth pair and iptables rules (all inside a
throwaway namespace of its own, never in this machine's), and may apt-get install missing packages. Run:

    sudo $self
EOF
    exit 1
fi

if [ -n "${CNIFP_PLUGIN:-}" ] && ! { [ -f "$CNIFP_PLUGIN" ] && [ -x "$CNIFP_PLUGIN" ]; }; then
    echo "demo: CNIFP_PLUGIN=$CNIFP_PLUGIN is not an executable file" >&2
    exit 1
fi
if [ ! -x "$image_plugin" ]; then
    echo "demo: no image at $image_plugin; building it: bin/with-jdk25 mvn -B -q -DskipTests package"
    (cd "$repo" && bin/with-jdk25 mvn -B -q -DskipTests package)
    [ -x "$image_plugin" ] || { echo "demo: the build did not produce $image_plugin" >&2; exit 1; }
fi

need=()
[ -x /usr/lib/cni/bridge ] && [ -x /usr/lib/cni/host-local ] || need+=(containernetworking-plugins)
command -v iptables >/dev/null || need+=(iptables)
command -v jq >/dev/null || need+=(jq)
command -v ip >/dev/null || need+=(iproute2)
command -v unshare >/dev/null || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
    echo "demo: installing ${need[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

work=$(mktemp -d /tmp/cni-failpoint-demo.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$image_plugin" "$work/bin/cni-bridge-fp"
for plugin in bridge host-local loopback; do
    ln -s "/usr/lib/cni/$plugin" "$work/bin/$plugin"
done

cat <<EOF
cni-bridge-fp demo: the example of containerd's cni-bridge-fp README, run in a throwaway network + mount
namespace. Commands are shown as the README shows them; instead of its paths this run uses
    /tmp/cni-failpoint.json              -> $work/cni-failpoint.json
    /tmp/cni-failpoint-demo-helper.sh    -> $work/cni-failpoint-demo-helper.sh
    /opt/cni/bin/                        -> $work/bin/  (cni-bridge-fp + Debian's bridge, host-local, loopback)
and the netns "failpoint" exists only inside the throwaway namespace. All of it is removed at the end.

EOF
status=0
unshare --net --mount --propagation private -- "$BASH" "$self" --inside "$work" || status=$?
exit "$status"

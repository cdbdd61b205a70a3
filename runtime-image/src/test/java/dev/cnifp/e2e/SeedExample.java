package dev.cnifp.e2e;

import java.nio.file.Path;
import java.util.Map;

/**
 * The example of containerd's cni-bridge-fp README (shared/seed/upstream-README.md), transcribed exactly: the
 * failpoint file as {@code cat <<EOF | tee} writes it (tabs and aligned values), the helper script's environment
 * and network configuration, and every output the README shows. Only the confpath differs: a temp file instead
 * of /tmp/cni-failpoint.json.
 */
final class SeedExample {

    /** {@code /tmp/cni-failpoint.json} as the README's heredoc writes it. */
    static final String FAILPOINT_FILE = "{\n"
            + "\t\"cmdAdd\":   \"1*error(try-again)\",\n"
            + "\t\"cmdDel\":   \"2*error(oops)\",\n"
            + "\t\"cmdCheck\": \"1*off->1*panic(sorry)\"\n"
            + "}\n";

    /** {@code cat /tmp/cni-failpoint.json | jq .} after the first, failed ADD. */
    static final String AFTER_FAILED_ADD = """
            {
              "cmdAdd": "0*error(try-again)",
              "cmdDel": "2*error(oops)",
              "cmdCheck": "1*off->1*panic(sorry)"
            }
            """;

    /** {@code cat /tmp/cni-failpoint.json | jq .} after the two failed DELs. */
    static final String AFTER_TWO_FAILED_DELS = """
            {
              "cmdAdd": "0*error(try-again)",
              "cmdDel": "0*error(oops)",
              "cmdCheck": "1*off->1*panic(sorry)"
            }
            """;

    /** What the first ADD prints (no trailing newline: Go's MarshalIndent). */
    static final String TRY_AGAIN = "{\n    \"code\": 999,\n    \"msg\": \"try-again\"\n}";

    /** What each of the two DELs prints. */
    static final String OOPS = "{\n    \"code\": 999,\n    \"msg\": \"oops\"\n}";

    /** The helper script's exports, less CNI_PATH (the runner sets it to the test's CNI bin directory). */
    static final Map<String, String> HELPER_ENV = Map.of(
            "CNI_CONTAINERID", "failpoint-testing",
            "CNI_NETNS", "/run/netns/failpoint",
            "CNI_IFNAME", "fpeni0");

    static final String NETNS = "failpoint";
    static final String IFNAME = "fpeni0";
    static final Cidr IPV4_SUBNET = Cidr.parse("10.88.0.0/16");
    static final Cidr IPV6_SUBNET = Cidr.parse("2001:4860:4860::/64");

    private static final String NETCONF = """
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
                  "failpoint.cni.containerd.io/confpath": "/tmp/cni-failpoint.json"
                }
              }
            }
            """;

    private SeedExample() {
    }

    /** The helper script's heredoc, byte for byte, with {@code confpath} in place of /tmp/cni-failpoint.json. */
    static String netconf(Path confpath) {
        String path = confpath.toAbsolutePath().toString();
        if (path.contains("\"") || path.contains("\\")) {
            throw new IllegalArgumentException("confpath needs JSON escaping: " + path);
        }
        return NETCONF.replace("/tmp/cni-failpoint.json", path);
    }

    /** The same configuration as data, for tests that change a key or two. */
    static Map<String, Object> netconfObject(Path confpath) {
        return Json.parseObject(netconf(confpath));
    }

    /** The same at another {@code cniVersion}. */
    static Map<String, Object> netconfObject(Path confpath, String cniVersion) {
        Map<String, Object> netconf = netconfObject(confpath);
        netconf.put("cniVersion", cniVersion);
        return netconf;
    }
}

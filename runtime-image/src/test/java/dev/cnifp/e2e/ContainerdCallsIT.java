package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calls containerd 1.6's CRI makes for a pod, replayed in a sandbox against Debian's real bridge, with the
 * scenarios of containerd's own failpoint tests (integration/sandbox_run_rollback_test.go). What containerd 1.6 was
 * seen to send on these machines, and what is replayed here: compact JSON with sorted keys and {@code capabilities}
 * kept, every pod annotation in {@code runtimeConfig}, a 64-hex container ID, {@code CNI_ARGS} with
 * {@code IgnoreUnknown=1}, and three kinds of DEL: the rollback of a failed ADD (no prevResult), StopPodSandbox's
 * (prevResult) and RemovePodSandbox's (no prevResult, CNI_NETNS empty). Every one of them spends a {@code cmdDel}
 * count. Debian's portmap, second in containerd's conflist, runs on our ADD result.
 */
class ContainerdCallsIT {

    private static final String CONFPATH = "failpoint.cni.containerd.io/confpath";

    @TempDir
    Path work;

    @RegisterExtension
    final RealBridgeSandbox real = RealBridgeSandbox.forOurPlugin();

    /** One pod sandbox: its ID, its network namespace in the sandbox, and the failpoint file its annotation names. */
    private record Pod(String name, String id, String netns, FailpointFile file) {

        /** The network config as containerd's libcni writes it for this pod: compact, every object's keys sorted. */
        String netconf(String prevResult) {
            Map<String, Object> netconf = SeedExample.netconfObject(file.path(), "1.0.0");
            netconf.put("capabilities", Map.of("io.kubernetes.cri.pod-annotations", true));
            netconf.put("runtimeConfig", Map.of("io.kubernetes.cri.pod-annotations", Map.of(
                    CONFPATH, file.path().toString(),
                    "io.kubernetes.cri.sandbox-name", name,
                    "kubernetes.io/config.source", "api")));
            if (prevResult != null) {
                netconf.put("prevResult", Json.parse(prevResult));
            }
            return Json.write(sorted(netconf));
        }

        /** The environment of a call with a network namespace; {@code ""} for RemovePodSandbox's DEL. */
        Map<String, String> env(String netnsPath) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("HOME", "/root");
            env.put("CNI_CONTAINERID", id);
            env.put("CNI_NETNS", netnsPath);
            env.put("CNI_IFNAME", "eth0");
            env.put("CNI_ARGS", "K8S_POD_INFRA_CONTAINER_ID=" + id + ";IgnoreUnknown=1;K8S_POD_NAMESPACE=default;"
                    + "K8S_POD_UID=" + id.substring(0, 8) + ";K8S_POD_NAME=" + name);
            return env;
        }

        Map<String, String> env() {
            return env("/run/netns/" + netns);
        }
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, member) -> sorted.put((String) key, sorted(member)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ContainerdCallsIT::sorted).toList();
        }
        return value;
    }

    private FailpointFile file(String content) {
        return FailpointFile.create(work.resolve("failpoints.json"), content);
    }

    /** A pod whose sandbox ID, like containerd's, is 64 hex digits (here a digest of its name). */
    private static Pod pod(String name, String netns, FailpointFile file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return new Pod(name, HexFormat.of().formatHex(digest), netns, file);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cniError(String msg) {
        return "{\n    \"code\": 999,\n    \"msg\": \"" + msg + "\"\n}";
    }

    private PluginRun call(Pod pod, String command, String prevResult, Map<String, String> env) {
        return real.plugin().run(command, pod.netconf(prevResult), env);
    }

    private PluginRun addThatSucceeds(Pod pod) {
        PluginRun add = call(pod, "ADD", null, pod.env());
        assertEquals(0, add.exitCode(), add::describe);
        String ipv4 = CniResult.parse(add).addressIn(SeedExample.IPV4_SUBNET)
                .orElseThrow(() -> new AssertionError("no IPv4 address: " + add.describe()));
        String shown = real.sandbox().execOk("ip", "-n", pod.netns(), "addr", "show", "eth0");
        assertTrue(shown.contains("inet " + ipv4 + " "), () -> "eth0 lacks " + ipv4 + ":\n" + shown);
        return add;
    }

    private void assertStopAndRemoveSucceed(Pod pod, PluginRun add) {
        PluginRun stop = call(pod, "DEL", add.stdout(), pod.env());
        assertEquals(0, stop.exitCode(), stop::describe);
        assertEquals("", stop.stdout(), stop::describe);
        assertFalse(real.sandbox().linkExists(pod.netns(), "eth0"), "eth0 survived StopPodSandbox's DEL");

        PluginRun remove = call(pod, "DEL", null, pod.env(""));
        assertEquals(0, remove.exitCode(), remove::describe);
        assertEquals("", remove.stdout(), remove::describe);
    }

    @Test
    void aFailedSetupIsRolledBackAndTheRetrySucceeds() {
        Pod pod = pod("setup", SeedExample.NETNS, file("{\"cmdAdd\": \"1*error(you-shall-not-pass!)\"}"));

        PluginRun failed = call(pod, "ADD", null, pod.env());
        assertEquals(cniError("you-shall-not-pass!"), failed.stdout(), failed::describe);
        assertEquals(1, failed.exitCode(), failed::describe);
        assertFalse(real.sandbox().linkExists(pod.netns(), "eth0"), "the failpoint fires before bridge runs");
        assertEquals("0*error(you-shall-not-pass!)", pod.file().entry("cmdAdd"));

        PluginRun rollback = call(pod, "DEL", null, pod.env());
        assertEquals(0, rollback.exitCode(), () -> "the rollback DEL has no failpoint: " + rollback.describe());
        assertEquals("", rollback.stdout(), rollback::describe);

        String spent = pod.file().raw();
        Object inode = pod.file().inode();
        PluginRun retry = addThatSucceeds(pod);
        assertStopAndRemoveSucceed(pod, retry);
        assertEquals(spent, pod.file().raw(), "spent and absent entries: no call may change the file");
        assertEquals(inode, pod.file().inode(), "spent and absent entries: no call may write the file again");
    }

    @Test
    void aFailedTeardownKeepsTheInterfaceAndTheRetriedStopRemovesIt() {
        Pod pod = pod("teardown", SeedExample.NETNS, file("{\"cmdDel\": \"1*error(please retry)\"}"));
        PluginRun add = addThatSucceeds(pod);

        PluginRun stop = call(pod, "DEL", add.stdout(), pod.env());
        assertEquals(cniError("please retry"), stop.stdout(), stop::describe);
        assertEquals(1, stop.exitCode(), stop::describe);
        assertTrue(real.sandbox().linkExists(pod.netns(), "eth0"), "a failed DEL must not have reached bridge");
        assertEquals("0*error(please retry)", pod.file().entry("cmdDel"));

        assertStopAndRemoveSucceed(pod, add);
    }

    /** RemovePodSandbox's DEL comes with CNI_NETNS empty and no prevResult; it still evaluates cmdDel. */
    @Test
    void theRemoveDelWithoutANetnsSpendsACountToo() {
        Pod pod = pod("remove", SeedExample.NETNS, file("{\"cmdDel\": \"1*off->1*error(not yet)\"}"));
        PluginRun add = addThatSucceeds(pod);

        PluginRun stop = call(pod, "DEL", add.stdout(), pod.env());
        assertEquals(0, stop.exitCode(), () -> "off, then bridge's DEL: " + stop.describe());
        assertFalse(real.sandbox().linkExists(pod.netns(), "eth0"), "eth0 survived StopPodSandbox's DEL");
        assertEquals("0*off->1*error(not yet)", pod.file().entry("cmdDel"));

        PluginRun remove = call(pod, "DEL", null, pod.env(""));
        assertEquals(cniError("not yet"), remove.stdout(), remove::describe);
        assertEquals(1, remove.exitCode(), remove::describe);
        assertEquals("0*off->0*error(not yet)", pod.file().entry("cmdDel"));

        PluginRun retried = call(pod, "DEL", null, pod.env(""));
        assertEquals(0, retried.exitCode(), retried::describe);
        assertEquals("", retried.stdout(), retried::describe);
    }

    /**
     * Pods started together, as a node does after a restart: twelve ADDs at once on one file with four errors in it.
     * Exactly four fail, the eight others get an interface from bridge, each its own address; the file ends spent.
     */
    @Test
    void podsStartedTogetherShareTheCountsExactly() {
        FailpointFile shared = file("{\"cmdAdd\": \"4*error(busy)\"}");
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String netns = "pod" + i;
            real.sandbox().execOk("ip", "netns", "add", netns);
            pods.add(pod(netns, netns, shared));
        }

        List<ChildProcess> started = new ArrayList<>();
        for (Pod pod : pods) {
            started.add(real.plugin().start("ADD", pod.netconf(null), pod.env()));
        }
        List<PluginRun> adds = new ArrayList<>();
        for (ChildProcess process : started) {
            adds.add(PluginRun.of("ADD", process.await(PluginRunner.DEFAULT_TIMEOUT)));
        }

        Set<String> addresses = new HashSet<>();
        int failed = 0;
        for (int i = 0; i < pods.size(); i++) {
            PluginRun add = adds.get(i);
            boolean hasInterface = real.sandbox().linkExists(pods.get(i).netns(), "eth0");
            if (add.exitCode() == 1) {
                failed++;
                assertEquals(cniError("busy"), add.stdout(), add::describe);
                assertFalse(hasInterface, () -> "a failed ADD reached bridge: " + add.describe());
            } else {
                assertEquals(0, add.exitCode(), add::describe);
                assertTrue(hasInterface, () -> "no eth0 after " + add.describe());
                assertTrue(addresses.add(CniResult.parse(add).addressIn(SeedExample.IPV4_SUBNET).orElseThrow()),
                        () -> "an address given twice: " + add.describe());
            }
        }
        assertEquals(4, failed, "twelve ADDs on 4*error(busy)");
        assertEquals("{\n  \"cmdAdd\": \"0*error(busy)\"\n}\n", shared.raw());
        for (int i = 0; i < pods.size(); i++) {
            PluginRun del = call(pods.get(i), "DEL", adds.get(i).exitCode() == 0 ? adds.get(i).stdout() : null,
                    pods.get(i).env());
            assertEquals(0, del.exitCode(), del::describe);
            assertFalse(real.sandbox().linkExists(pods.get(i).netns(), "eth0"), del::describe);
        }
    }

    /**
     * containerd's failpoint conflist puts portmap after us: libcni hands it our ADD result as prevResult, and portmap
     * skips every address whose interface (by index) is not the container's: named CNI_IFNAME, with a sandbox path.
     * Our re-printed result must keep those, or portmap maps nothing. DEL runs the chain in reverse.
     */
    @Test
    void portmapAfterUsFindsThePodInOurResult() {
        Pod pod = pod("chained", SeedExample.NETNS, file("{\"cmdDel\": \"1*off\"}"));
        PluginRun add = addThatSucceeds(pod);
        String address = CniResult.parse(add).addressIn(SeedExample.IPV4_SUBNET).orElseThrow();
        String ipv4 = address.substring(0, address.indexOf('/'));

        PluginRun mapped = portmap("ADD", pod, add.stdout());
        assertEquals(0, mapped.exitCode(), mapped::describe);
        String rules = real.sandbox().execOk("iptables-save", "-t", "nat");
        assertTrue(rules.contains("--dport 8080 ") && rules.contains("--to-destination " + ipv4 + ":80"),
                () -> "no DNAT of port 8080 to " + ipv4 + ":80 after portmap's ADD:\n" + rules);

        PluginRun unmapped = portmap("DEL", pod, add.stdout());
        assertEquals(0, unmapped.exitCode(), unmapped::describe);
        String left = real.sandbox().execOk("iptables-save", "-t", "nat");
        assertFalse(left.contains("--to-destination " + ipv4 + ":80"), () -> "portmap's DEL left:\n" + left);
        assertStopAndRemoveSucceed(pod, add);
        assertEquals("0*off", pod.file().entry("cmdDel"));
    }

    /** Debian's portmap, run the way libcni runs the list's second plugin for this pod. */
    private PluginRun portmap(String command, Pod pod, String prevResult) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("cniVersion", "1.0.0");
        config.put("name", SeedExample.netconfObject(pod.file().path()).get("name"));
        config.put("type", "portmap");
        config.put("capabilities", Map.of("portMappings", true));
        config.put("runtimeConfig", Map.of("portMappings",
                List.of(Map.of("hostPort", 8080, "containerPort", 80, "protocol", "tcp"))));
        config.put("prevResult", Json.parse(prevResult));
        return real.plugin().runOther("portmap", command, Json.write(sorted(config)), pod.env());
    }

    /** Two pods whose annotations name one file: the first pod spends the {@code off}, the second panics. */
    @Test
    void aCascadeInOneFileSharedByTwoPodsPassesTheFirstAndPanicsTheSecond() {
        real.sandbox().execOk("ip", "netns", "add", "second");
        FailpointFile shared = file("{\"cmdAdd\": \"1*off->1*panic(sorry)\"}");
        Pod first = pod("first", SeedExample.NETNS, shared);
        Pod second = pod("second", "second", shared);

        PluginRun add = addThatSucceeds(first);
        assertEquals("0*off->1*panic(sorry)", shared.entry("cmdAdd"));

        PluginRun panicked = call(second, "ADD", null, second.env());
        assertEquals(2, panicked.exitCode(), panicked::describe);
        assertEquals("", panicked.stdout(), panicked::describe);
        assertTrue(panicked.stderr().startsWith("panic: sorry"), panicked::describe);
        assertFalse(real.sandbox().linkExists("second", "eth0"), "the panic fires before bridge runs");
        assertEquals("0*off->0*panic(sorry)", shared.entry("cmdAdd"));

        assertStopAndRemoveSucceed(first, add);
        PluginRun secondRetry = addThatSucceeds(second);
        assertStopAndRemoveSucceed(second, secondRetry);
    }
}

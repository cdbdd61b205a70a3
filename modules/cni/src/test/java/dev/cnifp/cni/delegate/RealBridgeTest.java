package dev.cnifp.cni.delegate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.cni.Prerequisites;
import dev.cnifp.cni.json.GoJson;
import dev.cnifp.cni.json.JsonValue.JsonArray;
import dev.cnifp.cni.json.JsonValue.JsonObject;
import dev.cnifp.cni.json.JsonValue.JsonString;
import dev.cnifp.cni.json.JsonValue.Member;
import dev.cnifp.cni.protocol.CniError;
import dev.cnifp.cni.protocol.CniException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delegation to Debian's real {@code bridge} plugin, inside a private network and mount namespace held by a
 * {@code sleep} process; the machine's own network namespace is never touched. The delegate on CNI_PATH is a
 * wrapper that enters the holder's namespaces and gives the inner bridge {@code CNI_PATH=/usr/lib/cni} so that it
 * finds host-local.
 */
class RealBridgeTest {
    private static final Path BRIDGE = Path.of("/usr/lib/cni/bridge");
    private static final String SUBNET_PREFIX = "10.99.0.";

    @TempDir
    static Path tmp;

    private static Process holder;

    @BeforeAll
    static void startNamespaceHolder() throws Exception {
        assume(Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/bin/nsenter")),
                "unshare/nsenter are not installed");
        assume(Files.isExecutable(BRIDGE) && Files.isExecutable(Path.of("/usr/lib/cni/host-local")),
                "the bridge and host-local plugins are not installed in /usr/lib/cni");
        assume(run("id", "-u").trim().equals("0"), "not running as root");
        holder = new ProcessBuilder("unshare", "--net", "--mount", "--propagation", "private", "--", "sh", "-c",
                "mount -t tmpfs tmpfs /run && mkdir -p /run/netns && ip link set lo up && ip netns add ctr"
                        + " && exec sleep 600")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("holder.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!isSleeping(holder.pid())) {
            if (!holder.isAlive()) {
                assume(false, "unshare could not create the namespaces: " + Files.readString(tmp.resolve("holder.log")));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("namespace holder did not come up");
            }
            Thread.sleep(50);
        }
        FakePlugins.script(tmp.resolve("bin"), "bridge", "exec nsenter --target " + holder.pid()
                + " --net --mount env CNI_PATH=/usr/lib/cni " + BRIDGE);
    }

    @AfterAll
    static void stopNamespaceHolder() throws InterruptedException {
        if (holder != null) {
            holder.destroyForcibly();
            holder.waitFor();
        }
    }

    private static void assume(boolean condition, String why) {
        Prerequisites.require(condition, "RealBridgeTest: " + why);
    }

    private static boolean isSleeping(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim().equals("sleep");
        } catch (IOException e) {
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String inHolder(String... command) throws IOException, InterruptedException {
        String[] full = new String[command.length + 5];
        full[0] = "nsenter";
        full[1] = "--target";
        full[2] = Long.toString(holder.pid());
        full[3] = "--net";
        full[4] = "--mount";
        System.arraycopy(command, 0, full, 5, command.length);
        return run(full);
    }

    private static Map<String, String> cniEnvironment(String containerId, String ifname) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CNI_COMMAND", "ADD");
        env.put("CNI_CONTAINERID", containerId);
        env.put("CNI_NETNS", "/run/netns/ctr");
        env.put("CNI_IFNAME", ifname);
        env.put("CNI_PATH", tmp.resolve("bin").toString());
        return env;
    }

    private static byte[] config(String extra) {
        return ("{\"cniVersion\":\"1.0.0\",\"name\":\"fp\",\"type\":\"bridge\",\"bridge\":\"cnifp0\","
                + "\"isGateway\":true," + extra + "\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.99.0.0/24\","
                + "\"dataDir\":\"" + tmp.resolve("ipam") + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void addCheckDelThroughTheRealBridge() throws Exception {
        Delegate delegate = new Delegate("bridge", cniEnvironment("ctr-add-del", "eth0"));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        byte[] stdout = delegate.invoke("ADD", config(""), stderr);
        String printed = AddResult.reprint(stdout, "1.0.0");

        JsonObject result = assertInstanceOf(JsonObject.class, GoJson.parse(printed));
        assertEquals(List.of("cniVersion", "interfaces", "ips"), result.members().stream().map(Member::key).toList(),
                "current library: sorted keys, empty dns left out");
        assertEquals(new JsonString("1.0.0"), result.get("cniVersion").orElseThrow());
        JsonObject ip = (JsonObject) ((JsonArray) result.get("ips").orElseThrow()).elements().getFirst();
        String address = ((JsonString) ip.get("address").orElseThrow()).value();
        assertTrue(address.startsWith(SUBNET_PREFIX) && address.endsWith("/24"), address);
        assertEquals(new JsonString(SUBNET_PREFIX + "1"), ip.get("gateway").orElseThrow());
        JsonObject container = (JsonObject) ((JsonArray) result.get("interfaces").orElseThrow()).elements().get(2);
        assertEquals(List.of("mac", "name", "sandbox"), container.members().stream().map(Member::key).toList());
        String inNetns = inHolder("ip", "-n", "ctr", "addr", "show", "eth0");
        assertTrue(inNetns.contains("inet " + address), inNetns);
        assertFalse(run("ip", "link", "show", "cnifp0").contains("cnifp0:"), "the host namespace is untouched");

        byte[] checkConfig = config("\"prevResult\":" + GoJson.compact(result) + ",");
        assertEquals(0, delegate.invoke("CHECK", checkConfig, stderr).length, "bridge accepts the re-printed result");

        byte[] delOut = delegate.invoke("DEL", config(""), stderr);

        assertEquals(0, delOut.length);
        assertFalse(inHolder("ip", "-n", "ctr", "link").contains("eth0"));
    }

    @Test
    void invalidVlanIsBridgesOwnError() {
        Delegate delegate = new Delegate("bridge", cniEnvironment("ctr-vlan", "eth1"));
        CniException e = assertThrows(CniException.class,
                () -> delegate.invoke("ADD", config("\"vlan\":5000,"), OutputStream.nullOutputStream()));
        assertEquals(new CniError(999, "invalid VLAN ID 5000 (must be between 0 and 4094)"), e.error());
    }

    @Test
    void hairpinWithPromiscIsBridgesOwnError() {
        Delegate delegate = new Delegate("bridge", cniEnvironment("ctr-hairpin", "eth2"));
        CniException e = assertThrows(CniException.class, () -> delegate.invoke("ADD",
                config("\"hairpinMode\":true,\"promiscMode\":true,"), OutputStream.nullOutputStream()));
        assertEquals(new CniError(999, "cannot set hairpin mode and promiscuous mode at the same time."), e.error());
    }

    @Test
    void delOfUnknownContainerSucceedsSilently() throws Exception {
        Delegate delegate = new Delegate("bridge", cniEnvironment("ctr-never-added", "eth3"));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        assertEquals(0, delegate.invoke("DEL", config(""), stderr).length);
    }
}

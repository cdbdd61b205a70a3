package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without the failpoint annotation the plugin is just bridge: ADD, CHECK and DEL reach Debian's real bridge and
 * host-local, results and errors come back as bridge gave them. (Also the harness's self-check: these tests pass
 * with {@code -Dcnifp.plugin=/usr/lib/cni/bridge}.)
 */
class PlainDelegationIT {

    @TempDir
    Path work;

    @RegisterExtension
    final RealBridgeSandbox real = RealBridgeSandbox.forAnyPlugin();

    /** The README's configuration at {@code cniVersion}, with no runtimeConfig (so no failpoint). */
    private Map<String, Object> netconf(String cniVersion) {
        Map<String, Object> netconf = SeedExample.netconfObject(work.resolve("unused.json"), cniVersion);
        netconf.remove("runtimeConfig");
        return netconf;
    }

    @Test
    void addCheckDelReachTheRealBridge() {
        Map<String, Object> netconf = netconf("1.0.0");

        PluginRun add = real.plugin().run("ADD", Json.write(netconf), SeedExample.HELPER_ENV);
        assertEquals(0, add.exitCode(), add::describe);
        CniResult result = CniResult.parse(add);
        assertEquals("1.0.0", result.cniVersion(), add::describe);
        assertEquals(Json.writeIndented(result.json(), "    "), add.stdout(), "Go MarshalIndent layout");
        String ipv4 = result.addressIn(SeedExample.IPV4_SUBNET).orElseThrow(() -> new AssertionError(add.describe()));
        assertTrue(result.addressIn(SeedExample.IPV6_SUBNET).isPresent(), add::describe);
        String shown = real.sandbox().execOk("ip", "-n", SeedExample.NETNS, "addr", "show", SeedExample.IFNAME);
        assertTrue(shown.contains("inet " + ipv4 + " "), () -> "fpeni0 lacks " + ipv4 + ":\n" + shown);

        String withPrevResult = CniResult.withPrevResult(netconf, add.stdout());
        PluginRun check = real.plugin().run("CHECK", withPrevResult, SeedExample.HELPER_ENV);
        assertEquals(0, check.exitCode(), check::describe);
        assertEquals("", check.stdout(), check::describe);

        PluginRun del = real.plugin().run("DEL", withPrevResult, SeedExample.HELPER_ENV);
        assertEquals(0, del.exitCode(), del::describe);
        assertEquals("", del.stdout(), del::describe);
        assertFalse(real.sandbox().linkExists(SeedExample.NETNS, SeedExample.IFNAME), "fpeni0 survived DEL");

        PluginRun secondDel = real.plugin().run("DEL", Json.write(netconf), SeedExample.HELPER_ENV);
        assertEquals(0, secondDel.exitCode(), () -> "DEL is idempotent: " + secondDel.describe());
        assertEquals("", secondDel.stdout(), secondDel::describe);
    }

    @Test
    void otherPodAnnotationsWithoutTheConfpathJustDelegate() {
        Map<String, Object> netconf = netconf("0.4.0");
        netconf.put("runtimeConfig", Map.of("io.kubernetes.cri.pod-annotations",
                Map.of("io.kubernetes.cri.sandbox-name", "nginx")));

        PluginRun add = real.plugin().run("ADD", Json.write(netconf), SeedExample.HELPER_ENV);
        assertEquals(0, add.exitCode(), add::describe);
        assertEquals("0.4.0", CniResult.parse(add).cniVersion(), add::describe);
        assertTrue(real.sandbox().linkExists(SeedExample.NETNS, SeedExample.IFNAME), "no fpeni0 after ADD");

        PluginRun del = real.plugin().run("DEL", CniResult.withPrevResult(netconf, add.stdout()), SeedExample.HELPER_ENV);
        assertEquals(0, del.exitCode(), del::describe);
        assertFalse(real.sandbox().linkExists(SeedExample.NETNS, SeedExample.IFNAME), "fpeni0 survived DEL");
    }

    @Test
    void bridgeRejectsAnInvalidVlanAndTheErrorPassesThrough() {
        Map<String, Object> netconf = netconf("1.0.0");
        netconf.put("vlan", 5000);

        PluginRun add = real.plugin().run("ADD", Json.write(netconf), SeedExample.HELPER_ENV);
        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"invalid VLAN ID 5000 (must be between 0 and 4094)\"\n}",
                add.stdout(), add::describe);
        assertEquals(1, add.exitCode(), add::describe);
        assertFalse(real.sandbox().linkExists(SeedExample.NETNS, SeedExample.IFNAME), "fpeni0 created despite the error");
    }

    @Test
    void bridgeRejectsHairpinWithPromiscuousModeAndTheErrorPassesThrough() {
        Map<String, Object> netconf = netconf("0.3.0");
        netconf.put("hairpinMode", true); // the README's config already has promiscMode: true

        PluginRun add = real.plugin().run("ADD", Json.write(netconf), SeedExample.HELPER_ENV);
        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"cannot set hairpin mode and promiscuous mode at the same time.\"\n}",
                add.stdout(), add::describe);
        assertEquals(1, add.exitCode(), add::describe);
    }

    @Test
    void bridgeCheckWithoutPrevResultFailsAndTheErrorPassesThrough() {
        Map<String, Object> netconf = netconf("1.0.0");
        PluginRun add = real.plugin().run("ADD", Json.write(netconf), SeedExample.HELPER_ENV);
        assertEquals(0, add.exitCode(), add::describe);

        PluginRun check = real.plugin().run("CHECK", Json.write(netconf), SeedExample.HELPER_ENV);
        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"Required prevResult missing\"\n}", check.stdout(),
                check::describe);
        assertEquals(1, check.exitCode(), check::describe);
    }
}

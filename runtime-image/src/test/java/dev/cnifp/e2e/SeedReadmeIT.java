package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's whole example, step by step, against Debian's real bridge and host-local, in a sandbox that has
 * the README's {@code failpoint} network namespace. Every output the README shows is compared byte for byte.
 */
class SeedReadmeIT {

    @Test
    void theReadmeExampleGivesTheReadmeOutputs(@TempDir Path work) {
        RealParts.requireNamespaces();
        RealParts.requireRealBridge();
        RealParts.requireJq();
        try (NetnsSandbox sandbox = NetnsSandbox.start(SeedExample.NETNS);
                CniPath cniPath = CniPath.withRealPlugins(PluginBinary.locate())) {
            FailpointFile file = FailpointFile.create(work.resolve("cni-failpoint.json"), SeedExample.FAILPOINT_FILE);
            PluginRunner plugin = PluginRunner.inSandbox(sandbox, cniPath);
            String netconf = SeedExample.netconf(file.path());

            // $ sudo CNI_COMMAND=ADD bash /tmp/cni-failpoint-demo-helper.sh   -> try-again
            PluginRun firstAdd = plugin.run("ADD", netconf, SeedExample.HELPER_ENV);
            assertEquals(SeedExample.TRY_AGAIN, firstAdd.stdout(), () -> "first ADD: " + firstAdd.describe());
            assertEquals(1, firstAdd.exitCode(), () -> "first ADD: " + firstAdd.describe());
            assertFalse(sandbox.linkExists(SeedExample.NETNS, SeedExample.IFNAME),
                    "the failed ADD must not have delegated: fpeni0 exists");
            // $ cat /tmp/cni-failpoint.json | jq .
            assertEquals(SeedExample.AFTER_FAILED_ADD, file.throughJq(), "jq . of the file after the failed ADD");
            assertEquals(SeedExample.AFTER_FAILED_ADD, file.raw(),
                    "the file itself after the failed ADD (the plugin writes it as jq . shows it)");

            // $ sudo CNI_COMMAND=ADD bash /tmp/cni-failpoint-demo-helper.sh   -> success
            PluginRun secondAdd = plugin.run("ADD", netconf, SeedExample.HELPER_ENV);
            assertEquals(0, secondAdd.exitCode(), () -> "second ADD: " + secondAdd.describe());
            CniResult result = CniResult.parse(secondAdd);
            assertEquals("0.3.0", result.cniVersion(), secondAdd::describe);
            assertEquals(Json.writeIndented(result.json(), "    "), secondAdd.stdout(),
                    "the ADD result is printed as Go's MarshalIndent prints it (4 spaces, no trailing newline)");
            String ipv4 = result.addressIn(SeedExample.IPV4_SUBNET)
                    .orElseThrow(() -> new AssertionError("no IPv4 in 10.88.0.0/16: " + secondAdd.describe()));
            assertTrue(result.addressIn(SeedExample.IPV6_SUBNET).isPresent(),
                    () -> "no IPv6 in 2001:4860:4860::/64: " + secondAdd.describe());
            assertTrue(result.interfaceNames().contains(SeedExample.IFNAME), secondAdd::describe);
            String shown = sandbox.execOk("ip", "-n", SeedExample.NETNS, "addr", "show", SeedExample.IFNAME);
            assertTrue(shown.contains("inet " + ipv4 + " "),
                    () -> "`ip -n failpoint addr show fpeni0` does not show " + ipv4 + ":\n" + shown);
            assertEquals(SeedExample.AFTER_FAILED_ADD, file.raw(), "a spent cmdAdd leaves the file as it was");

            // $ sudo CNI_COMMAND=DEL bash /tmp/cni-failpoint-demo-helper.sh   (twice) -> oops
            for (int i = 1; i <= 2; i++) {
                PluginRun del = plugin.run("DEL", netconf, SeedExample.HELPER_ENV);
                String which = "DEL #" + i + ": ";
                assertEquals(SeedExample.OOPS, del.stdout(), () -> which + del.describe());
                assertEquals(1, del.exitCode(), () -> which + del.describe());
                assertTrue(sandbox.linkExists(SeedExample.NETNS, SeedExample.IFNAME),
                        which + "a DEL stopped by its failpoint must not have torn fpeni0 down");
            }
            // $ cat /tmp/cni-failpoint.json | jq .
            assertEquals(SeedExample.AFTER_TWO_FAILED_DELS, file.throughJq(), "jq . of the file after both DELs");
            assertEquals(SeedExample.AFTER_TWO_FAILED_DELS, file.raw(), "the file itself after both DELs");

            // Beyond the README: the third DEL reaches bridge and tears the interface down.
            PluginRun thirdDel = plugin.run("DEL", netconf, SeedExample.HELPER_ENV);
            assertEquals(0, thirdDel.exitCode(), thirdDel::describe);
            assertEquals("", thirdDel.stdout(), thirdDel::describe);
            assertFalse(sandbox.linkExists(SeedExample.NETNS, SeedExample.IFNAME), "fpeni0 still exists after DEL");
            assertEquals(SeedExample.AFTER_TWO_FAILED_DELS, file.raw(), "a spent cmdDel leaves the file as it was");
        }
    }
}

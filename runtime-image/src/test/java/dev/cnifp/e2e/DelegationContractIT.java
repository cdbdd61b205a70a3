package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the plugin does with its delegate's answer, with fake delegates that answer exactly what a test needs:
 * errors keep their code, msg and details; DEL and CHECK print nothing on success; the netconf key
 * {@code delegate} picks another delegate than {@code bridge}. No root, no network namespace.
 */
class DelegationContractIT {

    @BeforeEach
    void needsThePlugin() {
        PluginBinary.requireThePlugin();
    }

    /** A 1.0.0 configuration without failpoints. */
    private static Map<String, Object> netconf() {
        Map<String, Object> netconf = new LinkedHashMap<>();
        netconf.put("cniVersion", "1.0.0");
        netconf.put("name", "cnifp-e2e");
        netconf.put("type", "cni-bridge-fp");
        return netconf;
    }

    @Test
    void aDelegateErrorKeepsItsCodeMessageAndDetails() {
        String error = "{\"code\": 11, \"msg\": \"try again later\", \"details\": \"bridge is busy\"}";
        try (PluginWithFakeBridge plugin = PluginWithFakeBridge.withDelegate("bridge", error, 1)) {
            PluginRun add = plugin.run("ADD", Json.write(netconf()));

            assertEquals("{\n    \"code\": 11,\n    \"msg\": \"try again later\",\n    \"details\": \"bridge is busy\"\n}",
                    add.stdout(), add::describe);
            assertEquals(1, add.exitCode(), add::describe);
        }
    }

    @Test
    void delAndCheckPrintNothingWhenTheDelegateSucceeds() {
        try (PluginWithFakeBridge plugin = PluginWithFakeBridge.create()) {
            Map<String, Object> netconf = netconf();
            netconf.put("prevResult", Json.parse(PluginWithFakeBridge.CANNED_RESULT));
            for (String command : new String[] {"DEL", "CHECK"}) {
                PluginRun run = plugin.run(command, Json.write(netconf));
                assertEquals(0, run.exitCode(), run::describe);
                assertEquals("", run.stdout(), run::describe);
            }
        }
    }

    @Test
    void theDelegateKeyNamesAnotherPluginThanBridge() {
        try (PluginWithFakeBridge plugin = PluginWithFakeBridge.withDelegate("other-bridge",
                PluginWithFakeBridge.CANNED_RESULT, 0)) {
            Map<String, Object> netconf = netconf();
            netconf.put("delegate", "other-bridge");

            PluginRun add = plugin.run("ADD", Json.write(netconf));

            assertEquals(0, add.exitCode(), add::describe);
            assertEquals(PluginWithFakeBridge.CANNED_RESULT_REPRINTED, add.stdout(),
                    add::describe);
        }
    }
}

package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plugin does with its delegate's answer, with fake delegates that answer exactly what a test needs:
 * errors keep their code, msg and details; DEL and CHECK print nothing on success; the netconf key
 * {@code delegate} picks another delegate than {@code bridge}; the environment reaches the delegate byte for byte.
 * No root, no network namespace.
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

    @Test
    void theDelegateGetsTheEnvironmentByteForByte(@TempDir Path dir) throws IOException {
        // Java reads the environment through the locale's charset, ASCII here (no LANG, as under containerd); Go
        // passes its environment on as bytes. A value that is neither ASCII nor UTF-8 must arrive as it was.
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path seen = dir.resolve("seen");
        Path bridge = Files.writeString(bin.resolve("bridge"),
                "#!/bin/sh\ncat >/dev/null\nprintf '%s' \"$FOO\" >'" + seen + "'\n");
        Files.setPosixFilePermissions(bridge, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> argv = List.of("/bin/sh", "-c", "FOO=$(printf 'a\\377\\303\\251b'); export FOO; exec \"$0\"",
                PluginBinary.locate().toString());
        Map<String, String> env = Map.of("CNI_COMMAND", "DEL", "CNI_CONTAINERID", "c1", "CNI_IFNAME", "eth0",
                "CNI_NETNS", "", "CNI_PATH", bin.toString());

        CommandResult del = ChildProcess.run(argv, env, Json.write(netconf()), PluginRunner.DEFAULT_TIMEOUT);

        assertEquals(0, del.exitCode(), del::describe);
        assertArrayEquals(new byte[] {'a', (byte) 0xff, (byte) 0xc3, (byte) 0xa9, 'b'}, Files.readAllBytes(seen));
    }
}

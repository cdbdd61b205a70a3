package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** A CNI bin directory whose {@code bridge} runs {@code shellCode} and prints nothing. */
    private static CniPath bridgeRunning(String shellCode) {
        return CniPath.withDelegateRunning(PluginBinary.locate(), "bridge", shellCode);
    }

    private static Map<String, String> delEnvironment(CniPath bin) {
        return Map.of("CNI_COMMAND", "DEL", "CNI_CONTAINERID", "c1", "CNI_IFNAME", "eth0", "CNI_NETNS", "",
                "CNI_PATH", bin.dir().toString());
    }

    /** A successful DEL of the plugin, started by {@code sh -c shell}: for environments Java cannot set up. */
    private static void delStartedBy(String shell, CniPath bin) {
        List<String> argv = List.of("/bin/sh", "-c", shell, PluginBinary.locate().toString());
        CommandResult del = ChildProcess.run(argv, delEnvironment(bin), Json.write(netconf()),
                PluginRunner.DEFAULT_TIMEOUT);
        assertEquals(0, del.exitCode(), del::describe);
    }

    @Test
    void theDelegateGetsTheEnvironmentByteForByte(@TempDir Path dir) throws IOException {
        // Java decodes the environment with the locale's charset and replaces what does not decode; Go passes its
        // environment on as bytes. A value that is not UTF-8, with a character that is not ASCII, must arrive as is.
        Path seen = dir.resolve("seen");
        try (CniPath bin = bridgeRunning("printf '%s' \"$FOO\" >'" + seen + "'")) {
            delStartedBy("FOO=$(printf 'a\\377\\303\\251b'); export FOO; exec \"$0\"", bin);
        }

        assertArrayEquals(new byte[] {'a', (byte) 0xff, (byte) 0xc3, (byte) 0xa9, 'b'}, Files.readAllBytes(seen));
    }

    @Test
    void theDelegateSeesTheRuntimesLocaleAndNoOther(@TempDir Path dir) throws IOException {
        // The launcher starts the JVM with LC_ALL=C.UTF-8 whatever it was given; that is the plugin's own business.
        Path seen = dir.resolve("seen");
        try (CniPath bin = bridgeRunning("env >'" + seen + "'")) {
            List<String> argv = List.of(PluginBinary.locate().toString());
            for (Map<String, String> locale : List.of(Map.<String, String>of(), Map.of("LC_CTYPE", "POSIX"),
                    Map.of("LC_ALL", ""), Map.of("LANG", "C"), Map.of("LC_ALL", "C", "LC_CTYPE", "POSIX"))) {
                Map<String, String> env = new HashMap<>(delEnvironment(bin));
                env.putAll(locale);

                CommandResult del = ChildProcess.run(argv, env, Json.write(netconf()), PluginRunner.DEFAULT_TIMEOUT);

                assertEquals(0, del.exitCode(), del::describe);
                List<String> lines = Files.readAllLines(seen);
                List<String> names = lines.stream().map(line -> line.substring(0, line.indexOf('='))).toList();
                assertTrue(names.containsAll(delEnvironment(bin).keySet()), names::toString);
                List<String> localeLines = lines.stream()
                        .filter(line -> line.startsWith("LC_") || line.startsWith("LANG=")).sorted().toList();
                List<String> given = locale.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .sorted().toList();
                assertEquals(given, localeLines, () -> "the delegate's locale variables, given " + locale);
                assertFalse(names.stream().anyMatch(name -> name.startsWith("CNIFP")), names::toString);
            }
        }
    }

    @Test
    void aNameThatIsNotUtf8ReachesTheDelegateOnce(@TempDir Path dir) throws IOException {
        // Debian's dash drops such a name before the JVM starts; bash, /bin/sh elsewhere, passes it on. Java decodes
        // it to something that no longer encodes to the same bytes, and a look-up by that name finds nothing.
        Path seen = dir.resolve("seen");
        try (CniPath bin = bridgeRunning("cat /proc/$$/environ >'" + seen + "'")) {
            delStartedBy("exec env \"$(printf 'N\\377=v1')\" /bin/bash \"$0\"", bin);
        }

        List<String> named = new ArrayList<>();
        for (String variable : new String(Files.readAllBytes(seen), StandardCharsets.ISO_8859_1).split("\0")) {
            if (variable.startsWith("N")) {
                named.add(variable);
            }
        }
        assertEquals(List.of("N\u00ff=v1"), named, "the variables starting with N, bytes as ISO-8859-1");
    }
}

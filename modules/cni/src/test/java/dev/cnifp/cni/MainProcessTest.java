package dev.cnifp.cni;

import static dev.cnifp.cni.PluginHarness.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real wiring in a child JVM, with a shell script standing in for {@code bridge}. */
class MainProcessTest {
    private static final String BRIDGE_RESULT =
            "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.1.0.2/24\",\"interface\":0}],\"extra\":1}";
    private static final String REPRINTED = """
            {
                "cniVersion": "1.0.0",
                "ips": [
                    {
                        "address": "10.1.0.2/24",
                        "interface": 0
                    }
                ]
            }""";

    @TempDir
    Path dir;
    Path bin;

    @BeforeEach
    void fakeBridge() throws IOException {
        bin = Files.createDirectory(dir.resolve("bin"));
        Path bridge = bin.resolve("bridge");
        Files.writeString(bridge, """
                #!/bin/sh
                cat > "%1$s/stdin"
                echo "$CNI_COMMAND" > "%1$s/command"
                echo "bridge was here" >&2
                if [ "$CNI_COMMAND" = ADD ]; then printf '%%s' '%2$s'; fi
                """.formatted(dir, BRIDGE_RESULT));
        Files.setPosixFilePermissions(bridge, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Map<String, String> env(String command, String... overrides) {
        Map<String, String> env = PluginHarness.env(command, overrides);
        env.put("CNI_PATH", bin.toString());
        return env;
    }

    /**
     * A failpoint file within the size limit whose values do not fit in the heap: a CNI error, not a dying JVM, and
     * the file as it was. 2 MB of one-element arrays need some 150 MB of heap; the child JVM gets 32 MB.
     */
    @Test
    void aFileTooBigForTheHeapIsACniErrorAndStaysAsItWas() throws Exception {
        Path file = dir.resolve("fp.json");
        Files.writeString(file, "{\"cmdAdd\":\"3*error(x)\",\"pad\":[" + "[1],".repeat(500_000) + "[1]]}");
        byte[] before = Files.readAllBytes(file);

        PluginHarness.Run run = MainInChildJvm.run(env("ADD"), PluginHarness.configWithConfPath(file.toString()),
                "-Xmx32m");

        assertEquals(new PluginHarness.Run(1, error(999, "failed to unmarshal failpoint conf " + file
                + ": out of memory for a file of " + before.length + " bytes"), ""), run);
        assertArrayEquals(before, Files.readAllBytes(file));
        assertFalse(Files.exists(dir.resolve("stdin")), "bridge was not called");
    }

    @Test
    void addDelegatesAndPrintsTheReprintedResult() throws Exception {
        String config = PluginHarness.CONFIG + "\n";
        assertEquals(new PluginHarness.Run(0, REPRINTED, "bridge was here\n"),
                MainInChildJvm.run(env("ADD"), config));
        assertEquals(config, Files.readString(dir.resolve("stdin")));
    }

    @Test
    void aPlainDelegationLoadsNoLogger() throws Exception {
        Path classLog = dir.resolve("classes.log");
        PluginHarness.Run run = MainInChildJvm.run(env("ADD"), PluginHarness.CONFIG,
                "-Xlog:class+load=info:file=" + classLog);
        assertEquals(new PluginHarness.Run(0, REPRINTED, "bridge was here\n"), run);
        String loaded = Files.readString(classLog);
        assertTrue(loaded.contains("dev.cnifp.cni.Main "), "the class log recorded the plugin's classes");
        assertFalse(loaded.contains("org.slf4j.LoggerFactory"));
    }

    @Test
    void delPrintsNothing() throws Exception {
        assertEquals(new PluginHarness.Run(0, "", "bridge was here\n"),
                MainInChildJvm.run(env("DEL"), PluginHarness.CONFIG));
        assertEquals("DEL\n", Files.readString(dir.resolve("command")));
    }

    @Test
    void addInThePluginsOwnNetnsPrintsTheResultThenTheError() throws Exception {
        PluginHarness.Run run = MainInChildJvm.run(env("ADD", "CNI_NETNS", "/proc/self/ns/net"),
                PluginHarness.CONFIG);
        assertEquals(new PluginHarness.Run(1,
                REPRINTED + error(8, "plugin's netns and netns from CNI_NETNS should not be the same"),
                "bridge was here\n"), run);
    }

    @Test
    void aMissingDelegateIsA999() throws Exception {
        PluginHarness.Run run = MainInChildJvm.run(env("DEL"),
                PluginHarness.CONFIG.replace("}", ",\"delegate\":\"nosuch\"}"));
        assertEquals(new PluginHarness.Run(1, error(999, "failed to find plugin \"nosuch\" in path [" + bin + "]"),
                ""), run);
    }

    @Test
    void anEnvironmentErrorNeedsNoDelegate() throws Exception {
        assertEquals(new PluginHarness.Run(1, error(4, "required env variables [CNI_PATH] missing"), ""),
                MainInChildJvm.run(PluginHarness.env("GC", "CNI_PATH", null), PluginHarness.CONFIG));
    }
}

package dev.cnifp.cni;

import static dev.cnifp.cni.PluginHarness.CONFIG;
import static dev.cnifp.cni.PluginHarness.env;
import static dev.cnifp.cni.PluginHarness.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnifp.cni.protocol.ProcNetnsProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HEAD skel's check after a successful ADD or DEL: CNI_NETNS must not be the plugin's own namespace. The probe
 * compares device and inode; here a temporary file plays the plugin's namespace file.
 */
class NetnsCheckTest {
    private static final String SAME = "plugin's netns and netns from CNI_NETNS should not be the same";
    private static final String ADD_RESULT = "reprinted(1.0.0):" + PluginHarness.RESULT;

    @TempDir
    static Path dir;
    static Path own;
    static Path link;
    static Path other;

    @BeforeEach
    void files() throws IOException {
        own = dir.resolve("own-ns");
        other = dir.resolve("other-ns");
        link = dir.resolve("link-to-own");
        if (!Files.exists(own)) {
            Files.createFile(own);
            Files.createFile(other);
            Files.createSymbolicLink(link, own);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ADD in the plugin's netns: result, then the error", "ADD", "own", null, 1,
                        ADD_RESULT + error(8, SAME)),
                Arguments.of("DEL in the plugin's netns", "DEL", "own", null, 1, error(8, SAME)),
                Arguments.of("a symlink to the plugin's netns is the same netns", "DEL", "link", null, 1,
                        error(8, SAME)),
                Arguments.of("another netns", "ADD", "other", null, 0, ADD_RESULT),
                Arguments.of("a netns that does not exist", "ADD", "missing", null, 0, ADD_RESULT),
                Arguments.of("DEL without a netns", "DEL", "none", null, 0, ""),
                Arguments.of("CNI_NETNS_OVERRIDE=1", "ADD", "own", "1", 0, ADD_RESULT),
                Arguments.of("CNI_NETNS_OVERRIDE=TrUe", "DEL", "own", "TrUe", 0, ""),
                Arguments.of("CNI_NETNS_OVERRIDE=yes is no override", "DEL", "own", "yes", 1, error(8, SAME)),
                Arguments.of("CHECK is not checked", "CHECK", "own", null, 0, ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void checksTheNetnsAfterSuccess(String name, String command, String netns, String override, int status,
            String stdout) {
        String path = switch (netns) {
            case "own" -> own.toString();
            case "link" -> link.toString();
            case "other" -> other.toString();
            case "missing" -> dir.resolve("nope").toString();
            default -> null;
        };
        Map<String, String> env = env(command, "CNI_NETNS", path, "CNI_NETNS_OVERRIDE", override);
        PluginHarness harness = new PluginHarness();
        harness.collaborators = harness.collaborators.withNetns(new ProcNetnsProbe(own));
        PluginHarness.Run run = harness.run(env, CONFIG);
        assertEquals(new PluginHarness.Run(status, stdout, ""), run);
    }

    @org.junit.jupiter.api.Test
    void anUnknowablePluginNetnsIsCode8() {
        PluginHarness harness = new PluginHarness();
        harness.collaborators = harness.collaborators.withNetns(new ProcNetnsProbe(dir.resolve("no-own-ns")));
        PluginHarness.Run run = harness.run(env("DEL", "CNI_NETNS", other.toString()), CONFIG);
        assertEquals(new PluginHarness.Run(1, error(8, "get plugin's netns failed"), ""), run);
    }

    @org.junit.jupiter.api.Test
    void theRealProbeKnowsTheTestsOwnNetns() throws Exception {
        ProcNetnsProbe probe = new ProcNetnsProbe();
        org.junit.jupiter.api.Assertions.assertTrue(probe.isPluginNetns("/proc/self/ns/net"));
        org.junit.jupiter.api.Assertions.assertTrue(probe.isPluginNetns("/proc/thread-self/ns/net"));
        org.junit.jupiter.api.Assertions.assertFalse(probe.isPluginNetns(""));
        org.junit.jupiter.api.Assertions.assertFalse(probe.isPluginNetns("/nonexistent/netns"));
        org.junit.jupiter.api.Assertions.assertFalse(probe.isPluginNetns("bad\0path"));
    }
}

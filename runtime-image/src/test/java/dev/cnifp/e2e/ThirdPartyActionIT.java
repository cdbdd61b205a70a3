package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/writing-actions.md followed as a reader would: its example action module, compiled with the page's
 * {@code javac} command against the image, and the page's script as the plugin in a CNI bin directory. The page's
 * {@code /opt/cni-bridge-fp} becomes the image under test and {@code /opt/cni-actions} a temp directory; nothing
 * else of it changes. Next to the page's module, the same command compiles one of this test's own, {@code chatty},
 * which prints to {@code System.out}. The page comes from the system property {@code cnifp.docs}, the image from
 * {@code cnifp.image}.
 */
class ThirdPartyActionIT {

    private static final String DOC_PREFIX = "/opt/cni-bridge-fp";
    private static final String DOC_ACTIONS = "/opt/cni-actions";

    /** An action as careless as a library can be: it prints its argument to System.out, then lets the call go on. */
    private static final String CHATTY = """
            package test.chatty;

            import dev.cnifp.core.spi.ArgumentRule;
            import dev.cnifp.core.spi.BoundAction;
            import dev.cnifp.core.spi.FailpointAction;
            import dev.cnifp.core.spi.FireContext;
            import dev.cnifp.core.spi.Outcome;
            import java.util.Optional;

            public final class ChattyAction implements FailpointAction {
                public String name() { return "chatty"; }
                public String description() { return "prints its argument to System.out and proceeds"; }
                public ArgumentRule argumentRule() { return ArgumentRule.REQUIRED; }

                public BoundAction bind(String argument) {
                    return new BoundAction() {
                        public Optional<String> argument() { return Optional.of(argument); }
                        public Outcome fire(FireContext context) {
                            System.out.println(argument);
                            return new Outcome.Proceed();
                        }
                    };
                }
            }
            """;

    @TempDir
    static Path work;

    /** The image under test, in place of the page's {@code /opt/cni-bridge-fp}. */
    private static Path image;

    /** Where the page's javac command puts the compiled modules, in place of {@code /opt/cni-actions}. */
    private static Path actions;

    /** The page's script, with the image and the compiled module in place of its paths. */
    private static Path plugin;

    @BeforeAll
    static void compileTheExampleAndWriteTheScript() throws IOException {
        PluginBinary.requireThePlugin();
        String page = Files.readString(Path.of(System.getProperty("cnifp.docs", "../docs"), "writing-actions.md"));
        image = Path.of(System.getProperty("cnifp.image", "target/image")).toAbsolutePath();
        actions = work.resolve("actions");

        List<String> java = fencedBlocks(section(page, "## An example"), "java");
        assertEquals(2, java.size(), "the example is a module-info.java and one class");
        Path source = work.resolve("src/example.errcode");
        Files.createDirectories(source.resolve("example/errcode"));
        Files.writeString(source.resolve("module-info.java"), java.get(0));
        Files.writeString(source.resolve("example/errcode/ErrcodeAction.java"), java.get(1));
        Path chatty = work.resolve("src/test.chatty");
        Files.createDirectories(chatty.resolve("test/chatty"));
        Files.writeString(chatty.resolve("module-info.java"), "module test.chatty {\n    requires dev.cnifp.core;\n"
                + "    provides dev.cnifp.core.spi.FailpointAction with test.chatty.ChattyAction;\n}\n");
        Files.writeString(chatty.resolve("test/chatty/ChattyAction.java"), CHATTY);

        List<String> sh = fencedBlocks(section(page, "## Trying it on an installed image"), "sh");
        assertEquals(2, sh.size(), "the section has the javac command and the script");
        String javac = placed(sh.get(0)).replace("--module example.errcode",
                "--module example.errcode,test.chatty");
        // JAVA_HOME is the test's JDK 25; a javac on PATH is the machine's default (17 on Debian 12), which fails.
        CommandResult compiled = ChildProcess.start(List.of("/bin/sh", "-c", javac),
                Map.of("PATH", NetnsSandbox.PATH, "JAVA_HOME", System.getProperty("java.home")), "", work)
                .await(Duration.ofMinutes(2));
        assertEquals(0, compiled.exitCode(), compiled::describe);

        plugin = executable("cni-bridge-fp-actions", placed(sh.get(1)));
    }

    @Test
    void theExampleFailsTwoAddsWithItsCodeThenBridgeSetsUpTheNetwork() {
        RealParts.requireRealBridge();
        FailpointFile file = FailpointFile.create(work.resolve("two.json"),
                "{\"cmdAdd\": \"2*errcode(11,try again later)\"}");
        String netconf = Json.write(SeedExample.netconfObject(file.path()));

        try (CniPath cniPath = CniPath.withRealPlugins(plugin); NetnsSandbox sandbox = NetnsSandbox.start(
                SeedExample.NETNS)) {
            PluginRunner runner = PluginRunner.inSandbox(sandbox, cniPath);
            for (String left : List.of("1", "0")) {
                PluginRun add = runner.run("ADD", netconf, SeedExample.HELPER_ENV);
                assertEquals(1, add.exitCode(), add::describe);
                assertEquals("{\n    \"code\": 11,\n    \"msg\": \"try again later\"\n}", add.stdout(), add::describe);
                assertEquals("", add.stderr(), () -> "the JVM complained about the module path: " + add.describe());
                assertEquals(left + "*errcode(11,try again later)", file.entry("cmdAdd"));
            }

            PluginRun add = runner.run("ADD", netconf, SeedExample.HELPER_ENV);
            assertEquals(0, add.exitCode(), add::describe);
            String ipv4 = CniResult.parse(add).addressIn(SeedExample.IPV4_SUBNET)
                    .orElseThrow(() -> new AssertionError(add.describe()));
            String shown = sandbox.execOk("ip", "-n", SeedExample.NETNS, "addr", "show", SeedExample.IFNAME);
            assertTrue(shown.contains("inet " + ipv4 + " "), () -> "fpeni0 lacks " + ipv4 + ":\n" + shown);
            assertEquals("0*errcode(11,try again later)", file.entry("cmdAdd"));
        }
    }

    @Test
    void aBadArgumentIsTheActionsOwnMessageAndTheFileStaysAsItWas() {
        assertAddFailsWith999AndSpendsNothing(plugin, "{\"cmdAdd\": \"1*errcode(x)\"}", "failed to parse failpoint "
                + "cmdAdd: invalid failpoint \"1*errcode(x)\" at column 11: errcode takes CODE,MESSAGE, e.g. "
                + "errcode(11,try later)");
    }

    /** An ADD through {@code plugin} with the failpoint file {@code handWritten}: code 999, {@code msg}, file as was. */
    private static void assertAddFailsWith999AndSpendsNothing(Path plugin, String handWritten, String msg) {
        FailpointFile file = FailpointFile.create(work.resolve("unchanged.json"), handWritten);

        try (PluginWithFakeBridge fake = PluginWithFakeBridge.create(plugin)) {
            PluginRun add = fake.run("ADD", file);

            assertEquals(1, add.exitCode(), add::describe);
            assertEquals(Map.of("code", BigDecimal.valueOf(999), "msg", msg), add.stdoutJson(), add::describe);
            assertEquals(handWritten, file.raw());
        }
    }

    /** docs/writing-actions.md: two providers of one name fail the call with a CNI error naming both. */
    @Test
    void twoModulesProvidingOneNameFailTheCallWithACniErrorNamingBoth() throws IOException {
        Path source = work.resolve("src-dup/test.dup");
        Files.createDirectories(source.resolve("test/dup"));
        Files.writeString(source.resolve("module-info.java"), "module test.dup {\n    requires dev.cnifp.core;\n"
                + "    provides dev.cnifp.core.spi.FailpointAction with test.dup.DupAction;\n}\n");
        Files.writeString(source.resolve("test/dup/DupAction.java"), CHATTY.replace("test.chatty", "test.dup")
                .replace("ChattyAction", "DupAction").replace("\"chatty\"", "\"errcode\""));
        Path dup = work.resolve("dup");
        CommandResult compiled = ChildProcess.start(List.of(javac(), "--system", image.toString(), "-d", dup.toString(),
                "--module-source-path", work.resolve("src-dup").toString(), "--module", "test.dup"), Map.of(), "", work)
                .await(Duration.ofMinutes(2));
        assertEquals(0, compiled.exitCode(), compiled::describe);
        Path both = executable("cni-bridge-fp-dup",
                Files.readString(plugin).replace(actions.toString(), actions + ":" + dup));

        assertAddFailsWith999AndSpendsNothing(both, "{\"cmdAdd\": \"1*errcode(11,x)\"}", "failed to load failpoint "
                + "actions: action \"errcode\" is provided by both module example.errcode "
                + "(example.errcode.ErrcodeAction) and module test.dup (test.dup.DupAction)");
    }

    /** A script of {@code content} in the work directory, as the page says to make it: executable. */
    private static Path executable(String name, String content) throws IOException {
        Path script = Files.writeString(work.resolve(name), content);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static String javac() {
        return Path.of(System.getProperty("java.home"), "bin", "javac").toString();
    }

    /** docs/plugin.md: only the CNI answer reaches stdout; what else prints to System.out goes to the debug log. */
    @Test
    void whatAnActionPrintsToSystemOutStaysOffStdoutAndGoesToTheDebugLog() throws IOException {
        FailpointFile file = FailpointFile.create(work.resolve("chatty.json"),
                "{\"cmdAdd\": \"1*chatty(hello from an action)\"}");
        Path log = work.resolve("chatty.log");
        Map<String, Object> netconf = Json.parseObject(PluginWithFakeBridge.netconf(file));
        netconf.put("logLevel", "debug");
        netconf.put("logFile", log.toString());

        try (PluginWithFakeBridge fake = PluginWithFakeBridge.create(plugin)) {
            PluginRun add = fake.run("ADD", Json.write(netconf));

            assertEquals(0, add.exitCode(), add::describe);
            assertEquals(PluginWithFakeBridge.CANNED_RESULT_REPRINTED, add.stdout(), add::describe);
            assertEquals("0*chatty(hello from an action)", file.entry("cmdAdd"));
            String logged = Files.readString(log);
            assertTrue(logged.contains("kept off stdout: hello from an action"), () -> "the debug log:\n" + logged);
        }
    }

    /** From {@code heading} (a line starting with it) to the next heading of its level. */
    private static String section(String page, String heading) {
        int start = page.indexOf("\n" + heading);
        assertTrue(start >= 0, () -> "docs/writing-actions.md has no section \"" + heading + "\"");
        int end = page.indexOf("\n## ", start + 1);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    /** The contents of the section's code blocks fenced as {@code language}, in order. */
    private static List<String> fencedBlocks(String section, String language) {
        Matcher block = Pattern.compile("(?ms)^```" + language + "\n(.*?)^```$").matcher(section);
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    private static String placed(String text) {
        assertTrue(text.contains(DOC_PREFIX) && text.contains(DOC_ACTIONS),
                () -> "expected the page's paths " + DOC_PREFIX + " and " + DOC_ACTIONS + " in:\n" + text);
        return text.replace(DOC_PREFIX, image.toString()).replace(DOC_ACTIONS, actions.toString());
    }
}

package dev.cnifp.cni;

import static dev.cnifp.cni.PluginHarness.configWithConfPath;
import static dev.cnifp.cni.PluginHarness.env;
import static dev.cnifp.cni.PluginHarness.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.cni.logging.LogSettings;
import dev.cnifp.cni.logging.PluginLog;
import dev.cnifp.cni.protocol.CniException;
import dev.cnifp.cni.protocol.Command;
import dev.cnifp.core.registry.ActionRegistry;
import dev.cnifp.core.spi.ArgumentRule;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.InvalidArgumentException;
import dev.cnifp.core.spi.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The plugin's own flow: failpoint file, firing, delegation, with a fake delegate and real failpoint files. */
class FailpointFlowTest {
    private static final String ADD_RESULT = "reprinted(1.0.0):" + PluginHarness.RESULT;

    @TempDir
    Path dir;
    Path file;
    PluginHarness harness;

    @BeforeEach
    void setUp() {
        file = dir.resolve("fp.json");
        harness = new PluginHarness();
    }

    private void failpoints(String json) throws IOException {
        Files.writeString(file, json);
    }

    private String fileContent() throws IOException {
        return Files.readString(file);
    }

    private PluginHarness.Run run(String command) {
        String version = command.equals("STATUS") || command.equals("GC") ? "1.1.0" : "1.0.0";
        return harness.run(env(command), configWithConfPath(file.toString()).replace("1.0.0", version));
    }

    static Stream<Arguments> commandsAndKeys() {
        return Stream.of(Arguments.of("ADD", "cmdAdd"), Arguments.of("DEL", "cmdDel"),
                Arguments.of("CHECK", "cmdCheck"), Arguments.of("STATUS", "cmdStatus"), Arguments.of("GC", "cmdGC"));
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @MethodSource("commandsAndKeys")
    void errorFailsTheCallWithCode999AndSpendsOneCount(String command, String key) throws IOException {
        failpoints("{\"" + key + "\":\"1*error(you-shall-not-pass!)->1*off\"}");
        PluginHarness.Run run = run(command);
        assertEquals(new PluginHarness.Run(1, error(999, "you-shall-not-pass!"), ""), run);
        assertTrue(harness.delegateCalls.isEmpty(), "no delegation after an error");
        assertTrue(fileContent().contains("0*error(you-shall-not-pass!)"), fileContent());
    }

    @ParameterizedTest(name = "{0} ignores the other commands' entries")
    @MethodSource("commandsAndKeys")
    void otherEntriesAreLeftAlone(String command, String key) throws IOException {
        String others = Stream.of("cmdAdd", "cmdDel", "cmdCheck", "cmdStatus", "cmdGC").filter(k -> !k.equals(key))
                .map(k -> "\"" + k + "\":\"1*error(" + k + ")\"").reduce((a, b) -> a + "," + b).orElseThrow();
        failpoints("{" + others + "}");
        String before = fileContent();
        PluginHarness.Run run = run(command);
        assertEquals(0, run.status());
        assertEquals(1, harness.delegateCalls.size());
        assertEquals(Command.valueOf(command), harness.delegateCalls.getFirst().command());
        assertEquals(before, fileContent());
    }

    /** The actions (a ServiceLoader look-up) are needed only to parse a spec; a file without one never asks. */
    @Test
    void theActionsAreLookedUpOnlyWhenTheCommandHasASpec() throws IOException {
        AtomicInteger lookups = new AtomicInteger();
        harness.collaborators = harness.collaborators.withActions(() -> {
            lookups.incrementAndGet();
            return ActionRegistry.fromBootLayer();
        });
        failpoints("{\"cmdDel\":\"1*error(oops)\"}");

        assertEquals(new PluginHarness.Run(0, ADD_RESULT, ""), run("ADD"));
        assertEquals(0, lookups.get(), "ADD has no spec in the file");

        assertEquals(new PluginHarness.Run(1, error(999, "oops"), ""), run("DEL"));
        assertEquals(1, lookups.get());
    }

    @Test
    void aBrokenActionModuleDoesNotFailACommandWithoutASpec() throws IOException {
        harness.collaborators = harness.collaborators.withActions(() -> {
            throw new IllegalStateException("two providers of \"error\"");
        });
        failpoints("{\"cmdDel\":\"1*error(oops)\"}");

        assertEquals(new PluginHarness.Run(0, ADD_RESULT, ""), run("ADD"));
        assertEquals("{\"cmdDel\":\"1*error(oops)\"}", fileContent(), "untouched");
    }

    @Test
    void twoProvidersOfOneNameAreACniErrorAndSpendNothing() throws IOException {
        FailpointAction first = new TestAction("busy", new Outcome.Proceed(), new ArrayList<>());
        FailpointAction second = new FailpointAction() { // another class claiming the same name
            @Override
            public String name() {
                return first.name();
            }

            @Override
            public String description() {
                return first.description();
            }

            @Override
            public ArgumentRule argumentRule() {
                return first.argumentRule();
            }

            @Override
            public BoundAction bind(String argument) throws InvalidArgumentException {
                return first.bind(argument);
            }
        };
        harness.collaborators = harness.collaborators.withActions(() -> ActionRegistry.of(List.of(first, second)));
        failpoints("{\"cmdAdd\":\"2*busy\"}");

        PluginHarness.Run add = run("ADD");

        assertEquals(1, add.status(), add::toString);
        assertTrue(add.stdout().contains("\"code\": 999") && add.stdout().contains(
                "\"msg\": \"failed to load failpoint actions: action \\\"busy\\\" is provided by both"), add::toString);
        assertEquals("{\"cmdAdd\":\"2*busy\"}", fileContent(), "untouched");
        assertTrue(harness.delegateCalls.isEmpty());
    }

    @Test
    void aProviderThatCannotBeMadeIsACniErrorWithItsReason() throws IOException {
        harness.collaborators = harness.collaborators.withActions(() -> {
            throw new ServiceConfigurationError("dev.cnifp.core.spi.FailpointAction: Provider a.B could not be "
                    + "instantiated", new IllegalStateException("missing config"));
        });
        failpoints("{\"cmdDel\":\"1*error(oops)\"}");

        assertEquals(new PluginHarness.Run(1, error(999, "failed to load failpoint actions: "
                + "dev.cnifp.core.spi.FailpointAction: Provider a.B could not be instantiated: "
                + "java.lang.IllegalStateException: missing config"), ""), run("DEL"));
        assertEquals("{\"cmdDel\":\"1*error(oops)\"}", fileContent(), "untouched");
    }

    @Test
    void aProviderWithAnInvalidNameIsACniError() throws IOException {
        harness.collaborators = harness.collaborators.withActions(() -> ActionRegistry.of(
                List.of(new TestAction("bad-name", new Outcome.Proceed(), new ArrayList<>()))));
        failpoints("{\"cmdDel\":\"1*error(oops)\"}");

        PluginHarness.Run del = run("DEL");

        assertEquals(1, del.status(), del::toString);
        assertTrue(del.stdout().contains("\"msg\": \"failed to load failpoint actions: action \\\"bad-name\\\" from "),
                del::toString);
        assertEquals("{\"cmdDel\":\"1*error(oops)\"}", fileContent(), "untouched");
    }

    @Test
    void theReadmeSequence() throws IOException {
        failpoints("{\"cmdAdd\":\"1*error(try-again)\",\"cmdDel\":\"2*error(oops)\",\"cmdCheck\":\"1*off->1*panic(sorry)\"}");
        assertEquals(new PluginHarness.Run(1, error(999, "try-again"), ""), run("ADD"));
        assertEquals(new PluginHarness.Run(0, ADD_RESULT, ""), run("ADD"));
        assertEquals(new PluginHarness.Run(1, error(999, "oops"), ""), run("DEL"));
        assertEquals(new PluginHarness.Run(1, error(999, "oops"), ""), run("DEL"));
        assertEquals(new PluginHarness.Run(0, "", ""), run("DEL"));
        assertEquals(new PluginHarness.Run(0, "", ""), run("CHECK"));
        PluginHarness.Run panic = run("CHECK");
        assertEquals(2, panic.status());
        assertEquals("", panic.stdout());
        assertEquals(3, harness.delegateCalls.size());
        String content = fileContent();
        assertTrue(content.contains("0*error(try-again)") && content.contains("0*error(oops)")
                && content.contains("0*off->0*panic(sorry)"), content);
    }

    @Test
    void panicPrintsAGoPanicOnStderrAndNothingOnStdout() throws IOException {
        failpoints("{\"cmdAdd\":\"1*panic(boom)\"}");
        PluginHarness.Run run = run("ADD");
        assertEquals(2, run.status());
        assertEquals("", run.stdout());
        assertTrue(run.stderr().startsWith("panic: boom\n\ngoroutine 1 [running]:\n"), run.stderr());
        assertTrue(run.stderr().contains("dev.cnifp.cni.FailpointHandler"), run.stderr());
        assertTrue(harness.delegateCalls.isEmpty());
        assertTrue(fileContent().contains("0*panic(boom)"), "the count is spent even though the call died");
    }

    @Test
    void panicSkipsTheNetnsCheck() throws IOException {
        failpoints("{\"cmdAdd\":\"1*panic(boom)\"}");
        harness.collaborators = harness.collaborators.withNetns(path -> true);
        assertEquals(2, run("ADD").status());
    }

    @Test
    void delaySleepsThenDelegates() throws IOException {
        failpoints("{\"cmdAdd\":\"1*delay(1500)->1*error(after)\"}");
        PluginHarness.Run run = run("ADD");
        assertEquals(new PluginHarness.Run(0, ADD_RESULT, ""), run);
        assertEquals(List.of(Duration.ofMillis(1500)), harness.sleeps);
        assertEquals(1, harness.delegateCalls.size());
    }

    @Test
    void offAndExhaustedSpecsDelegate() throws IOException {
        failpoints("{\"cmdDel\":\"1*off\"}");
        assertEquals(new PluginHarness.Run(0, "", ""), run("DEL"));
        assertEquals(new PluginHarness.Run(0, "", ""), run("DEL"));
        assertEquals(2, harness.delegateCalls.size());
        assertTrue(fileContent().contains("0*off"), fileContent());
    }

    @Test
    void specsAreWrittenBackNormalised() throws IOException {
        failpoints("{\"cmdAdd\":\"0*off->05*off\"}");
        run("ADD");
        assertEquals("{\n  \"cmdAdd\": \"0*off->4*off\"\n}\n", fileContent());
    }

    @Test
    void anEmptyEntryMeansNoFailpoint() throws IOException {
        failpoints("{\"cmdAdd\":\"\"}");
        assertEquals(new PluginHarness.Run(0, ADD_RESULT, ""), run("ADD"));
    }

    @Test
    void aBadSpecIsA999NamingTheEntryAndTheFileIsUntouched() throws IOException {
        failpoints("{\"cmdAdd\":\"1*eror(x)\"}");
        String before = fileContent();
        PluginHarness.Run run = run("ADD");
        assertEquals(1, run.status());
        assertTrue(run.stdout().startsWith("{\n    \"code\": 999,\n    \"msg\": \"failed to parse failpoint cmdAdd: "
                + "invalid failpoint \\\"1*eror(x)\\\" at column 3: unknown action"), run.stdout());
        assertEquals(before, fileContent());
        assertTrue(harness.delegateCalls.isEmpty());
    }

    @Test
    void aRelativeConfPathIsRefused() {
        PluginHarness.Run run = harness.run(env("ADD"), configWithConfPath("tmp/fp.json"));
        assertEquals(new PluginHarness.Run(1, error(999, "failpoint confPath(tmp/fp.json) is required to be absolute"),
                ""), run);
    }

    @Test
    void aMissingFailpointFileIsRefused() {
        PluginHarness.Run run = run("ADD");
        assertEquals(new PluginHarness.Run(1, error(999, "failed to open confPath " + file + ": open " + file
                + ": no such file or directory"), ""), run);
        assertTrue(harness.delegateCalls.isEmpty());
    }

    @Test
    void anEmptyConfPathMeansPlainDelegation() {
        assertEquals(new PluginHarness.Run(0, ADD_RESULT, ""), harness.run(env("ADD"), configWithConfPath("")));
    }

    @Test
    void keysOnTheWayToTheConfPathMatchCaseInsensitivelyLikeGoStructFields() throws IOException {
        failpoints("{\"cmdAdd\":\"1*error(found)\"}");
        String config = "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"RUNTIMECONFIG\":{\"IO.Kubernetes.CRI.pod-annotations\":"
                + "{\"Failpoint.CNI.containerd.io/ConfPath\":\"" + file + "\"}}}";
        assertEquals(new PluginHarness.Run(1, error(999, "found"), ""), harness.run(env("ADD"), config));
    }

    @Test
    void delegationGetsStdinVerbatimTheEnvironmentAndTheNamedPlugin() {
        String config = "{ \"cniVersion\" : \"1.0.0\", \"name\":\"net\", \"delegate\":\"other\", \"x\":[1,2] }\n";
        PluginHarness.Run run = harness.run(env("ADD", "CNI_ARGS", "K=V;IgnoreUnknown=1"), config);
        assertEquals(0, run.status());
        PluginHarness.DelegateCall call = harness.delegateCalls.getFirst();
        assertEquals("other", call.plugin());
        assertEquals(Command.ADD, call.command());
        assertArrayEquals(config.getBytes(StandardCharsets.UTF_8), call.stdin());
        assertEquals("K=V;IgnoreUnknown=1", call.env().get("CNI_ARGS"));
        assertEquals("/usr/bin", call.env().get("PATH"));
    }

    @Test
    void theDefaultDelegateIsBridge() {
        harness.run(env("DEL"), PluginHarness.CONFIG);
        assertEquals("bridge", harness.delegateCalls.getFirst().plugin());
    }

    @Test
    void delegateErrorsKeepTheirCode() {
        harness.delegateError = new CniException(11, "try again", "later");
        assertEquals(new PluginHarness.Run(1, error(11, "try again", "later"), ""),
                harness.run(env("ADD"), PluginHarness.CONFIG));
        harness.delegateError = new CniException(0, "netplugin failed with no error message: exit status 3");
        assertEquals(new PluginHarness.Run(1, error(0, "netplugin failed with no error message: exit status 3"), ""),
                harness.run(env("DEL"), PluginHarness.CONFIG));
    }

    @Test
    void delegateStderrReachesStderrAndOnlyAddPrintsAResult() {
        harness.delegateStderr = "bridge says hi\n";
        assertEquals(new PluginHarness.Run(0, ADD_RESULT, "bridge says hi\n"),
                harness.run(env("ADD"), PluginHarness.CONFIG));
        for (String command : List.of("DEL", "CHECK")) {
            assertEquals(new PluginHarness.Run(0, "", "bridge says hi\n"),
                    harness.run(env(command), PluginHarness.CONFIG));
        }
    }

    @Test
    void aResultThatCannotBeReprintedIsTheError() {
        harness.collaborators = harness.collaborators.withAddResults((stdout, version) -> {
            throw CniException.internal("failed to unmarshal raw result: unexpected end of JSON input");
        });
        assertEquals(new PluginHarness.Run(1,
                error(999, "failed to unmarshal raw result: unexpected end of JSON input"), ""),
                harness.run(env("ADD"), PluginHarness.CONFIG));
    }

    @Test
    void exitEndsTheCallWithThatStatusAndNoOutput() throws IOException {
        List<String> fired = new ArrayList<>();
        harness.collaborators = harness.collaborators
                .withActions(() -> ActionRegistry.of(List.of(new TestAction("quit", new Outcome.Exit(42), fired))))
                .withNetns(path -> true);
        failpoints("{\"cmdDel\":\"1*quit\"}");
        assertEquals(new PluginHarness.Run(42, "", ""), run("DEL"));
        assertEquals(List.of("cmdDel"), fired);
        assertTrue(harness.delegateCalls.isEmpty());
    }

    @Test
    void failKeepsTheActionsCodeAndDetails() throws IOException {
        harness.collaborators = harness.collaborators.withActions(() -> ActionRegistry.of(
                List.of(new TestAction("busy", new Outcome.Fail(11, "busy", "retry"), new ArrayList<>()))));
        failpoints("{\"cmdAdd\":\"2*busy\"}");
        assertEquals(new PluginHarness.Run(1, error(11, "busy", "retry"), ""), run("ADD"));
        assertEquals("{\n  \"cmdAdd\": \"1*busy\"\n}\n", fileContent());
    }

    /** A provider's bug is a CNI error naming it, not a Go-style panic; what was spent depends on when it failed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("providerBugs")
    void aProviderThatThrowsIsACniErrorNamingIt(Misbehaving.Fault fault, String message, String fileAfter)
            throws IOException {
        harness.collaborators = harness.collaborators.withActions(() -> ActionRegistry.of(List.of(new Misbehaving(fault))));
        failpoints("{\"cmdAdd\":\"2*buggy\"}");

        PluginHarness.Run run = run("ADD");

        assertEquals(1, run.status(), run::toString);
        Module module = Misbehaving.class.getModule();
        String origin = "from " + (module.isNamed() ? "module " + module.getName() : "the class path") + " ("
                + Misbehaving.class.getName();
        assertTrue(run.stdout().startsWith("{\n    \"code\": 999,\n    \"msg\": \"" + message.replace("ORIGIN", origin)),
                run::toString);
        assertEquals(fileAfter, fileContent());
        assertTrue(harness.delegateCalls.isEmpty());
    }

    static Stream<Arguments> providerBugs() {
        String untouched = "{\"cmdAdd\":\"2*buggy\"}";
        String spent = "{\n  \"cmdAdd\": \"1*buggy\"\n}\n";
        return Stream.of(
                Arguments.of(Misbehaving.Fault.BIND_THROWS, "failed to parse failpoint cmdAdd: action \\\"buggy\\\" ORIGIN)"
                        + " failed to bind no argument: java.lang.IllegalStateException: bind", untouched),
                Arguments.of(Misbehaving.Fault.FIRE_THROWS, "failpoint cmdAdd: action \\\"buggy\\\" ORIGIN$Bound)"
                        + " failed to fire: java.lang.IllegalStateException: fire", spent),
                Arguments.of(Misbehaving.Fault.FIRE_RETURNS_NULL, "failpoint cmdAdd: action \\\"buggy\\\" ORIGIN$Bound)"
                        + " returned no outcome", spent),
                Arguments.of(Misbehaving.Fault.FIRE_EXITS_256, "failpoint cmdAdd: action \\\"buggy\\\" ORIGIN$Bound)"
                        + " failed to fire: java.lang.IllegalArgumentException: an exit status is 0 to 255, got 256",
                        spent));
    }

    /** The known outcome is a hint: one that throws or is null leaves the call to what firing says. */
    @ParameterizedTest
    @EnumSource(value = Misbehaving.Fault.class, names = {"KNOWN_OUTCOME_THROWS", "KNOWN_OUTCOME_NULL"})
    void aBrokenKnownOutcomeCostsNothingButTheHint(Misbehaving.Fault fault) throws IOException {
        harness.collaborators = harness.collaborators.withActions(() -> ActionRegistry.of(List.of(new Misbehaving(fault))));
        failpoints("{\"cmdAdd\":\"2*buggy\"}");

        assertEquals(new PluginHarness.Run(0, ADD_RESULT, ""), run("ADD"));
        assertEquals("{\n  \"cmdAdd\": \"1*buggy\"\n}\n", fileContent());
        assertEquals(1, harness.delegateCalls.size());
    }

    /** An action named "buggy" that proceeds when fired, but for the one fault it is made with. */
    record Misbehaving(Fault fault) implements FailpointAction {
        enum Fault { BIND_THROWS, FIRE_THROWS, FIRE_RETURNS_NULL, FIRE_EXITS_256, KNOWN_OUTCOME_THROWS, KNOWN_OUTCOME_NULL }

        @Override
        public String name() {
            return "buggy";
        }

        @Override
        public String description() {
            return "misbehaves";
        }

        @Override
        public ArgumentRule argumentRule() {
            return ArgumentRule.NONE;
        }

        @Override
        public BoundAction bind(String argument) {
            if (fault == Fault.BIND_THROWS) {
                throw new IllegalStateException("bind");
            }
            return new Bound(fault);
        }

        record Bound(Fault fault) implements BoundAction {
            @Override
            public Optional<String> argument() {
                return Optional.empty();
            }

            @Override
            public Outcome fire(FireContext context) {
                return switch (fault) {
                    case FIRE_THROWS -> throw new IllegalStateException("fire");
                    case FIRE_RETURNS_NULL -> null;
                    case FIRE_EXITS_256 -> new Outcome.Exit(256);
                    default -> Outcome.PROCEED;
                };
            }

            @Override
            @SuppressWarnings("OptionalAssignedToNull")
            public Optional<Outcome> knownOutcome() {
                return switch (fault) {
                    case KNOWN_OUTCOME_THROWS -> throw new IllegalStateException("hint");
                    case KNOWN_OUTCOME_NULL -> null;
                    default -> Optional.of(Outcome.PROCEED);
                };
            }
        }
    }

    @Test
    void anInterruptedDelayIsA999AndTheInterruptIsKept() throws IOException {
        failpoints("{\"cmdAdd\":\"1*delay(1500)\"}");
        harness.collaborators = harness.collaborators.withSleeper(duration -> {
            throw new InterruptedException("woken");
        });
        try {
            assertEquals(new PluginHarness.Run(1, error(999, "failpoint cmdAdd interrupted"), ""), run("ADD"));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is passed on");
        } finally {
            Thread.interrupted();
        }
        assertTrue(harness.delegateCalls.isEmpty());
        assertTrue(fileContent().contains("0*delay(1500)"), fileContent());
    }

    /** What a debug log shows of each call: the call, the failpoint's step and what fired, the delegation. */
    @Test
    void theDebugLogFollowsEachCall() throws IOException {
        List<String> debug = new ArrayList<>();
        harness.collaborators = harness.collaborators.withLog(new PluginLog() {
            @Override
            public void configure(LogSettings settings) {}

            @Override
            public void debug(Supplier<String> message) {
                debug.add(message.get());
            }
        });
        harness.run(env("ADD"), PluginHarness.CONFIG);
        assertEquals(List.of("ADD container=ctr-1 ifname=eth0 netns=/var/run/netns/test config version 1.0.0",
                "no failpoint file", "delegating ADD to bridge", "ADD succeeded"), debug);

        debug.clear();
        failpoints("{\"cmdAdd\":\"1*error(stop)\"}");
        run("ADD");
        run("DEL");
        assertEquals(List.of("ADD container=ctr-1 ifname=eth0 netns=/var/run/netns/test config version 1.0.0",
                "cmdAdd: 1*error(stop) -> 0*error(stop), firing 1*error(stop)",
                "cmdAdd fired: " + new Outcome.Fail(999, "stop", null),
                "ADD failed: {\"code\":999,\"msg\":\"stop\"}",
                "DEL container=ctr-1 ifname=eth0 netns=/var/run/netns/test config version 1.0.0",
                "no failpoint for cmdDel", "delegating DEL to bridge", "DEL succeeded"), debug);
    }
}

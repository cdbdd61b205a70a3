package dev.cnifp.cni.delegate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.cni.protocol.CniError;
import dev.cnifp.cni.protocol.CniException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelegateTest {
    private static final byte[] CONFIG = "{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"type\":\"bridge\"}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private Map<String, String> env(String cniPath) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("CNI_COMMAND", "ADD");
        env.put("CNI_PATH", cniPath);
        return env;
    }

    private CniError failure(String body) throws Exception {
        Path dir = tmp.resolve("bin");
        FakePlugins.script(dir, "bridge", body);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        CniException e = assertThrows(CniException.class,
                () -> new Delegate("bridge", env(dir.toString())).invoke("ADD", CONFIG, stderr));
        assertEquals(0, stderr.size(), "a failed delegate's stderr is not passed on");
        return e.error();
    }

    /** The failure table of invoke's pluginErr at the current library (cni-reference.md 3.3). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "exit 3|0|netplugin failed with no error message: exit status 3|",
        "kill -9 $$|0|netplugin failed with no error message: signal: killed|",
        "kill -TERM $$|0|netplugin failed with no error message: signal: terminated|",
        "kill -ABRT $$|0|netplugin failed with no error message: signal: aborted|",
        "ulimit -c 0; kill -SEGV $$|0|netplugin failed with no error message: signal: segmentation fault|",
        "ulimit -c 0; kill -SYS $$|0|netplugin failed with no error message: signal: bad system call|",
        "exit 128|0|netplugin failed with no error message: exit status 128|",
        "exit 160|0|netplugin failed with no error message: exit status 160|",
        "printf 'something bad\\n' >&2; exit 1|0|netplugin failed: \"something bad\\n\": exit status 1|",
        "printf 'tab\\there \\342\\200' >&2; exit 2|0|netplugin failed: \"tab\\there \\xe2\\x80\": exit status 2|",
        "printf '{\"cniVersion\":\"1.0.0\",\"code\":11,\"msg\":\"later\",\"details\":\"d\",\"extra\":1}'; exit 1|11|later|d",
        "printf '{\"msg\":\"no code\"}'; echo oops >&2; exit 1|0|no code|",
        "printf '{\"CODE\":120,\"Msg\":\"folded\",\"code\":121}'; exit 5|121|folded|",
        "printf '{\"code\":999,\"msg\":\"invalid VLAN ID 5000 (must be between 0 and 4094)\"}'; exit 1|999|invalid VLAN ID 5000 (must be between 0 and 4094)|",
        "printf 'hello'; exit 1|0|netplugin failed but error parsing its diagnostic message \"hello\": invalid character 'h' looking for beginning of value|",
        "printf '\\n'; exit 1|0|netplugin failed but error parsing its diagnostic message \"\\n\": unexpected end of JSON input|",
        "printf '{\"code\":\"x\",\"msg\":\"m\",\"details\":\"kept\"}'; exit 1|0|netplugin failed but error parsing its diagnostic message \"{\\\"code\\\":\\\"x\\\",\\\"msg\\\":\\\"m\\\",\\\"details\\\":\\\"kept\\\"}\": json: cannot unmarshal string into Go struct field Error.code of type uint|kept",
        "printf '{\"code\":7,\"msg\":5}'; exit 1|7|netplugin failed but error parsing its diagnostic message \"{\\\"code\\\":7,\\\"msg\\\":5}\": json: cannot unmarshal number into Go struct field Error.msg of type string|",
        "printf '{\"code\":-1}'; exit 1|0|netplugin failed but error parsing its diagnostic message \"{\\\"code\\\":-1}\": json: cannot unmarshal number -1 into Go struct field Error.code of type uint|",
        "printf '{\"code\":18446744073709551616}'; exit 1|0|netplugin failed but error parsing its diagnostic message \"{\\\"code\\\":18446744073709551616}\": json: cannot unmarshal number 18446744073709551616 into Go struct field Error.code of type uint|",
        "printf '[1]'; exit 1|0|netplugin failed but error parsing its diagnostic message \"[1]\": json: cannot unmarshal array into Go value of type types.Error|",
        "printf 'null'; exit 1|0|``|",
    })
    void failuresBecomeTheGoLibrarysErrors(String body, int code, String msg, String details) throws Exception {
        assertEquals(new CniError(code, msg, details), failure(body));
    }

    @ParameterizedTest(name = "code {0}")
    @CsvSource({"2147483648", "4294967296", "18446744073709551615"})
    void codesBeyondIntRangeAreKeptAsGosUint(String code) throws Exception {
        CniError error = failure("printf '{\"code\":" + code + ",\"msg\":\"m\"}'; exit 1");
        assertEquals("{\n    \"code\": " + code + ",\n    \"msg\": \"m\"\n}", error.toWireFormat());
    }

    @Test
    void nonExecutableFileIsPermissionDenied() throws Exception {
        Path plugin = FakePlugins.file(tmp, "bridge", "#!/bin/sh\nexit 0\n".getBytes(), "rw-r--r--");
        CniException e = assertThrows(CniException.class,
                () -> new Delegate("bridge", env(tmp.toString())).invoke("ADD", CONFIG, OutputStream.nullOutputStream()));
        assertEquals(new CniError(0, "netplugin failed with no error message: fork/exec " + plugin
                + ": permission denied"), e.error());
    }

    @ParameterizedTest(name = "content \"{0}\"")
    @CsvSource(quoteCharacter = '`', value = {"`echo hi`", "``", "`MZ\u0000binary`", "`#!`", "`#! \t\necho hi`",
        "`#!\n/bin/sh`"})
    void executableOfUnknownFormatIsExecFormatError(String content) throws Exception {
        Path plugin = FakePlugins.file(tmp, "bridge", content.getBytes(StandardCharsets.UTF_8), "rwxr-xr-x");
        CniException e = assertThrows(CniException.class,
                () -> new Delegate("bridge", env(tmp.toString())).invoke("DEL", CONFIG, OutputStream.nullOutputStream()));
        assertEquals(new CniError(0, "netplugin failed with no error message: fork/exec " + plugin
                + ": exec format error"), e.error());
    }

    /** The format check lets real binaries through: only files that are neither ELF nor {@code #!} are refused. */
    @Test
    void anElfBinaryRuns() throws Exception {
        Files.createSymbolicLink(tmp.resolve("bridge"), Path.of("/bin/echo").toRealPath());
        byte[] stdout = new Delegate("bridge", env(tmp.toString()))
                .invoke("ADD", CONFIG, OutputStream.nullOutputStream());
        assertEquals("\n", new String(stdout, StandardCharsets.UTF_8));
    }

    @Test
    void aNameThatIsNoPathIsNotFound() {
        CniException e = assertThrows(CniException.class, () -> new Delegate("br\0idge", env(tmp.toString()))
                .invoke("ADD", CONFIG, OutputStream.nullOutputStream()));
        assertEquals(new CniError(999, "failed to find plugin \"br\\x00idge\" in path [" + tmp + "]"), e.error());
    }

    /**
     * Waiting for the delegate does not give in to an interrupt, and keeps it for the caller: while its stderr is
     * still open (the wait for the stderr reader) and after both streams are closed (the wait for the exit).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"'exec >&-; sleep 0.5'", "'exec >&- 2>&-; sleep 0.5'"})
    void anInterruptedCallerGetsTheWholeRunAndKeepsItsInterrupt(String tail) throws Exception {
        FakePlugins.script(tmp, "bridge", "printf out; printf err >&2; " + tail + "; exit 3");
        Thread.currentThread().interrupt();
        CniException e;
        try {
            e = assertThrows(CniException.class, () -> new Delegate("bridge", env(tmp.toString()))
                    .invoke("ADD", CONFIG, OutputStream.nullOutputStream()));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is kept");
        }
        assertEquals(new CniError(0, "netplugin failed but error parsing its diagnostic message \"out\": "
                + "invalid character 'o' looking for beginning of value"), e.error());
    }

    @Test
    void missingInterpreterIsNoSuchFile() throws Exception {
        Path plugin = FakePlugins.file(tmp, "bridge", "#!/nonexistent/sh\n".getBytes(), "rwxr-xr-x");
        CniException e = assertThrows(CniException.class,
                () -> new Delegate("bridge", env(tmp.toString())).invoke("DEL", CONFIG, OutputStream.nullOutputStream()));
        assertEquals(new CniError(0, "netplugin failed with no error message: fork/exec " + plugin
                + ": no such file or directory"), e.error());
    }

    @Test
    void successReturnsStdoutAndCopiesStderrAfterwards() throws Exception {
        FakePlugins.script(tmp, "bridge", "printf 'log line\\n' >&2; printf '{\"cniVersion\":\"1.0.0\"}'");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        byte[] stdout = new Delegate("bridge", env(tmp.toString())).invoke("ADD", CONFIG, stderr);
        assertEquals("{\"cniVersion\":\"1.0.0\"}", new String(stdout, StandardCharsets.UTF_8));
        assertEquals("log line\n", stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void largeOutputOnBothStreamsDoesNotDeadlock() throws Exception {
        String errLine = "x".repeat(56);
        String outLine = "y".repeat(61);
        FakePlugins.script(tmp, "bridge", "i=0; while [ $i -lt 3000 ]; do echo '" + errLine + "' >&2; echo '"
                + outLine + "'; i=$((i+1)); done");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        byte[] stdout = CompletableFuture.supplyAsync(() -> {
            try {
                return new Delegate("bridge", env(tmp.toString())).invoke("DEL", new byte[200_000], stderr);
            } catch (CniException e) {
                throw new AssertionError(e);
            }
        }).get(30, TimeUnit.SECONDS);
        assertEquals(3000 * (outLine.length() + 1), stdout.length);
        assertEquals(3000 * (errLine.length() + 1), stderr.size());
    }

    /** Up to one page is written without a feeder thread; the plugin need not read it for the call to end. */
    @ParameterizedTest
    @CsvSource({"0", "4096", "4097", "70000"})
    void stdinThatThePluginNeverReadsDoesNotBlock(int size) throws Exception {
        FakePlugins.script(tmp, "bridge", "printf ok");
        byte[] stdout = CompletableFuture.supplyAsync(() -> {
            try {
                return new Delegate("bridge", env(tmp.toString()))
                        .invoke("ADD", new byte[size], OutputStream.nullOutputStream());
            } catch (CniException e) {
                throw new AssertionError(e);
            }
        }).get(30, TimeUnit.SECONDS);
        assertEquals("ok", new String(stdout, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"1", "4096", "4097", "70000"})
    void stdinOfEverySizeArrivesWhole(int size) throws Exception {
        Path stdinDump = tmp.resolve("stdin.dump");
        FakePlugins.script(tmp.resolve("bin"), "bridge", "cat > '" + stdinDump + "'");
        byte[] stdin = new byte[size];
        Arrays.fill(stdin, (byte) 'c');
        stdin[size - 1] = '!';
        new Delegate("bridge", env(tmp.resolve("bin").toString()))
                .invoke("ADD", stdin, OutputStream.nullOutputStream());
        assertArrayEquals(stdin, Files.readAllBytes(stdinDump));
    }

    @Test
    void environmentAndStdinPassThroughByteForByte() throws Exception {
        Path envDump = tmp.resolve("env.dump");
        Path stdinDump = tmp.resolve("stdin.dump");
        FakePlugins.script(tmp.resolve("bin"), "bridge",
                "cat /proc/$$/environ > '" + envDump + "'; cat > '" + stdinDump + "'");
        Map<String, String> env = env(tmp.resolve("bin").toString());
        env.put("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAME=p;K8S_POD_NAMESPACE=ns");
        env.put("CNI_CONTAINERID", "abc");
        env.put("CNI_NETNS", "/run/netns/x");
        env.put("CNI_IFNAME", "eth0");
        env.put("UNRELATED", "kept as is = with spaces;and\ttabs");
        byte[] stdin = new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}', 0, '\n', (byte) 0xc3, (byte) 0xa9};

        new Delegate("bridge", env).invoke("CHECK", stdin, OutputStream.nullOutputStream());

        Map<String, String> expected = new TreeMap<>(env);
        expected.put("CNI_COMMAND", "CHECK");
        assertEquals(expected, parseEnviron(Files.readAllBytes(envDump)));
        assertArrayEquals(stdin, Files.readAllBytes(stdinDump));
    }

    private static Map<String, String> parseEnviron(byte[] environ) {
        return Arrays.stream(new String(environ, StandardCharsets.UTF_8).split("\0"))
                .filter(entry -> !entry.isEmpty())
                .collect(Collectors.toMap(e -> e.substring(0, e.indexOf('=')), e -> e.substring(e.indexOf('=') + 1),
                        (a, b) -> b, TreeMap::new));
    }

    @Test
    void firstRegularFileOnCniPathWinsSkippingDirectoriesAndFollowingSymlinks() throws Exception {
        Path dirEntry = tmp.resolve("a");
        Files.createDirectories(dirEntry.resolve("bridge"));
        Path real = FakePlugins.script(tmp.resolve("real"), "bridge-impl", "printf linked");
        Files.createDirectories(tmp.resolve("b"));
        Files.createSymbolicLink(tmp.resolve("b").resolve("bridge"), real);
        FakePlugins.script(tmp.resolve("c"), "bridge", "printf third");
        String cniPath = dirEntry + ":" + tmp.resolve("missing") + ":" + tmp.resolve("b") + ":" + tmp.resolve("c");

        byte[] stdout = new Delegate("bridge", env(cniPath)).invoke("ADD", CONFIG, OutputStream.nullOutputStream());

        assertEquals("linked", new String(stdout, StandardCharsets.UTF_8));
    }

    @Test
    void danglingSymlinkIsSkipped() throws Exception {
        Files.createDirectories(tmp.resolve("a"));
        Files.createSymbolicLink(tmp.resolve("a").resolve("bridge"), tmp.resolve("nowhere"));
        FakePlugins.script(tmp.resolve("b"), "bridge", "printf second");
        byte[] stdout = new Delegate("bridge", env(tmp.resolve("a") + ":" + tmp.resolve("b")))
                .invoke("ADD", CONFIG, OutputStream.nullOutputStream());
        assertEquals("second", new String(stdout, StandardCharsets.UTF_8));
    }

    @Test
    void pluginNameComesFromTheCaller() throws Exception {
        FakePlugins.script(tmp, "other", "printf other");
        byte[] stdout = new Delegate("other", env(tmp.toString())).invoke("ADD", CONFIG, OutputStream.nullOutputStream());
        assertEquals("other", new String(stdout, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "name={0} CNI_PATH={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``|/opt/cni/bin|no plugin name provided",
        "x/y|/opt/cni/bin|invalid plugin name: x/y",
        "/bridge|/opt/cni/bin|invalid plugin name: /bridge",
        "bridge|``|no paths provided",
        "bridge|/nonexistent/a:/nonexistent/b|failed to find plugin \"bridge\" in path [/nonexistent/a /nonexistent/b]",
        "bridge|::|failed to find plugin \"bridge\" in path [  ]",
        "br\"idge|/nonexistent/a/|failed to find plugin \"br\\\"idge\" in path [/nonexistent/a/]",
    })
    void locatorErrorsAreInternalErrors(String name, String cniPath, String msg) {
        CniException e = assertThrows(CniException.class,
                () -> new Delegate(name, env(cniPath)).invoke("ADD", CONFIG, OutputStream.nullOutputStream()));
        assertEquals(new CniError(999, msg), e.error());
    }

    @Test
    void missingCniPathVariableMeansNoPaths() {
        Map<String, String> env = env("x");
        env.remove("CNI_PATH");
        CniException e = assertThrows(CniException.class,
                () -> new Delegate("bridge", env).invoke("ADD", CONFIG, OutputStream.nullOutputStream()));
        assertEquals(new CniError(999, "no paths provided"), e.error());
    }

    @Test
    void textFileBusyIsRetriedUntilTheWriterCloses() throws Exception {
        OutputStream writer = busyBridge();
        CompletableFuture<byte[]> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new Delegate("bridge", env(tmp.toString())).invoke("ADD", CONFIG, OutputStream.nullOutputStream());
            } catch (CniException e) {
                throw new AssertionError(e);
            }
        });
        Thread.sleep(1500);
        writer.close();
        assertEquals("ready", new String(run.get(20, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    }

    /** An interrupted caller is not held up by the pauses between attempts, and keeps its interrupt. */
    @Test
    void textFileBusyRetriesDoNotPauseForAnInterruptedCaller() throws Exception {
        try (OutputStream writer = busyBridge()) {
            long start = System.nanoTime();
            Thread.currentThread().interrupt();
            byte[] stdout;
            try {
                stdout = new Delegate("bridge", env(tmp.toString()))
                        .invoke("DEL", CONFIG, OutputStream.nullOutputStream());
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt is kept");
            }
            assertEquals(0, stdout.length);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "no second-long pauses");
        }
    }

    @Test
    void textFileBusyOnEveryAttemptEndsLikeGoWithEmptySuccess() throws Exception {
        try (OutputStream writer = busyBridge()) {
            long start = System.nanoTime();
            byte[] stdout = new Delegate("bridge", env(tmp.toString()))
                    .invoke("DEL", CONFIG, OutputStream.nullOutputStream());
            assertEquals(0, stdout.length);
            assertTrue(System.nanoTime() - start >= TimeUnit.SECONDS.toNanos(6), "six attempts, a second apart");
        }
    }

    /**
     * An executable {@code bridge} script that this test still holds open for writing, so that starting it fails with
     * ETXTBSY ("text file busy") until the returned stream is closed.
     */
    private OutputStream busyBridge() throws IOException {
        Path plugin = tmp.resolve("bridge");
        OutputStream writer = Files.newOutputStream(plugin);
        writer.write("#!/bin/sh\nprintf ready\n".getBytes(StandardCharsets.UTF_8));
        writer.flush();
        Files.setPosixFilePermissions(plugin, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return writer;
    }
}

package dev.cnifp.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.LocalVariable;
import java.lang.classfile.instruction.LocalVariableType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The finished image as containerd meets it: the launcher reached through a symlink or a copy in another
 * directory, run with an empty environment, exit codes and signals reaching the JVM; and install/uninstall leaving
 * nothing behind. The image comes from the system property {@code cnifp.image} (failsafe sets it to target/image).
 */
class ImageIT {
    /** How -Xlog:class+init names the plugin's second thread ({@code EarlyWork}). */
    private static final String EARLY_THREAD = "by thread \"cnifp-early-work\"";

    private static Path image;

    @BeforeAll
    static void findImage() {
        String property = System.getProperty("cnifp.image");
        assertTrue(property != null && !property.isEmpty(), "system property cnifp.image is not set");
        image = Path.of(property).toAbsolutePath();
        assertTrue(Files.isExecutable(image.resolve("bin/cni-bridge-fp")), "no launcher in " + image);
    }

    /** What a finished process left: exit code, stdout, stderr. */
    record Result(int exit, String out, String err) {}

    /** Runs a command with exactly the given environment (nothing inherited: no PATH, no JAVA_HOME). */
    static Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        return run(env, Path.of("/dev/null"), command);
    }

    /** The same, with stdin read from a file. */
    static Result run(Map<String, String> env, Path stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(stdin.toFile()));
        Process process = builder.start();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    /** A network config whose pod annotation names the failpoint file, as containerd passes it; beside that file. */
    private static Path configNaming(Path failpoints) throws IOException {
        return Files.writeString(failpoints.resolveSibling("net.json"), "{\"cniVersion\":\"1.0.0\",\"name\":\"net\","
                + "\"type\":\"cni-bridge-fp\",\"runtimeConfig\":{\"io.kubernetes.cri.pod-annotations\":"
                + "{\"failpoint.cni.containerd.io/confpath\":\"" + failpoints + "\"}}}");
    }

    /** The CNI_* variables containerd sets for a pod's call, and nothing else. No call here enters the netns. */
    private static Map<String, String> cniEnvironment(String command, Path cniPath) {
        String netns = cniPath.resolve("no-netns").toString();
        return Map.of("CNI_COMMAND", command, "CNI_CONTAINERID", "c1", "CNI_NETNS", netns, "CNI_IFNAME", "eth0",
                "CNI_PATH", cniPath.toString());
    }

    static Result sh(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("/bin/sh");
        command.addAll(List.of(args));
        return run(Map.of(), command.toArray(String[]::new));
    }

    @Test
    void versionThroughASymlinkInAnotherDirectoryWithAnEmptyEnvironment(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("cni-bin/cni-bridge-fp");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, image.resolve("bin/cni-bridge-fp"));

        Result result = run(Map.of("CNI_COMMAND", "VERSION"), link.toString());

        assertEquals(0, result.exit(), result.err());
        // stdout is the CNI result and nothing else: no JVM chatter.
        assertTrue(result.out().startsWith("{") && result.out().contains("\"supportedVersions\""), result.out());
        assertTrue(result.out().contains("\"1.0.0\""), result.out());
    }

    @Test
    void unknownCommandExitsOne(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("cni-bridge-fp");
        Files.createSymbolicLink(link, image.resolve("bin/cni-bridge-fp"));

        Result result = run(Map.of("CNI_COMMAND", "NO_SUCH_COMMAND"), link.toString());

        assertEquals(1, result.exit(), result.out() + result.err());
    }

    @Test
    void aClosedStdinIsAReadErrorAsInGo119(@TempDir Path dir) throws Exception {
        // With fd 0 closed the JVM's first open file (lib/modules) would become stdin and be read as the config.
        Result result = run(cniEnvironment("ADD", dir), "/bin/sh", "-c", "exec \"$0\" <&-",
                image.resolve("bin/cni-bridge-fp").toString());

        assertEquals(1, result.exit(), result.err());
        assertEquals("{\n    \"code\": 5,\n    \"msg\": \"error reading from stdin: read /dev/stdin: bad file "
                + "descriptor\"\n}", result.out());
        assertEquals("", result.err());
    }

    @Test
    void theLauncherBecomesTheJvmSoASignalEndsThePlugin(@TempDir Path dir) throws Exception {
        // containerd signals a plugin that outlives its call. The launcher execs the JVM, so the process containerd
        // started IS the plugin: the signal reaches it, and no JVM is left running behind a dead shell.
        Path failpoints = Files.writeString(dir.resolve("fp.json"), "{\"cmdAdd\":\"1*delay(60000)\"}");
        Path config = configNaming(failpoints);
        Path link = dir.resolve("cni-bin/cni-bridge-fp");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, image.resolve("bin/cni-bridge-fp"));
        ProcessBuilder builder = new ProcessBuilder(link.toString());
        builder.environment().clear();
        builder.environment().putAll(cniEnvironment("ADD", dir));
        builder.redirectInput(config.toFile());
        builder.redirectOutput(dir.resolve("out").toFile());
        builder.redirectError(dir.resolve("err").toFile());

        Process plugin = builder.start();
        List<ProcessHandle> children = List.of();
        try {
            awaitFileContains(failpoints, "0*delay(60000)"); // the count is spent: the plugin is in its delay
            assertEquals(image.resolve("bin/java").toRealPath(), Path.of("/proc/" + plugin.pid() + "/exe").toRealPath(),
                    "the process the runtime started is not the JVM");
            children = plugin.descendants().toList();
            assertEquals(List.of(), children, "the plugin's process has children");

            plugin.destroy(); // SIGTERM

            assertTrue(plugin.waitFor(20, TimeUnit.SECONDS), "SIGTERM did not end the plugin");
            assertEquals(128 + 15, plugin.exitValue(), Files.readString(dir.resolve("err")));
            assertEquals("", Files.readString(dir.resolve("out")));
        } finally { // nothing outlives the test, whichever assertion failed
            Stream.concat(children.stream(), plugin.descendants()).forEach(ProcessHandle::destroyForcibly);
            plugin.destroyForcibly();
        }
    }

    private static void awaitFileContains(Path file, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(file).contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' in " + file + ": " + Files.readString(file));
            Thread.sleep(20);
        }
    }

    @Test
    void theImageHoldsOnlyWhatThePluginNeeds() throws Exception {
        // Issue 4's rules for the image: only the plugin's modules; no debug info, man pages or headers; 60 MB at most.
        Result modules = run(Map.of(), image.resolve("bin/java").toString(), "--list-modules");
        assertEquals(0, modules.exit(), modules.err());
        assertEquals(Set.of("java.base", "dev.cnifp.core", "dev.cnifp.cni", "com.fasterxml.jackson.core",
                        "org.slf4j", "org.slf4j.simple"),
                modules.out().lines().map(line -> line.substring(0, line.indexOf('@'))).collect(Collectors.toSet()));
        assertFalse(Files.exists(image.resolve("man")), "man pages in the image");
        assertFalse(Files.exists(image.resolve("include")), "C headers in the image");

        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", image.toString()))) {
            for (String name : List.of("dev.cnifp.cni/dev/cnifp/cni/Main.class", "java.base/java/lang/String.class")) {
                ClassModel model = ClassFile.of().parse(Files.readAllBytes(jrt.getPath("/modules", name)));
                assertEquals(List.of(), debugInfo(model), name);
            }
        }

        long bytes;
        try (Stream<Path> files = Files.walk(image)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
        assertTrue(bytes <= 60L * 1024 * 1024, "the image holds " + bytes + " bytes");
    }

    /** The debug attributes a class still carries: its source file name, and per method its line and local tables. */
    private static List<String> debugInfo(ClassModel model) {
        List<String> found = new ArrayList<>();
        model.findAttribute(Attributes.sourceFile()).ifPresent(attribute -> found.add("SourceFile"));
        for (MethodModel method : model.methods()) {
            CodeModel code = method.code().orElse(null);
            if (code != null && code.elementStream().anyMatch(element -> element instanceof LineNumber
                    || element instanceof LocalVariable || element instanceof LocalVariableType)) {
                found.add(method.methodName().stringValue());
            }
        }
        return found;
    }

    @Test
    void theJvmTakesTheAotCacheOfTheImage() throws Exception {
        // With AOTMode=on the JVM refuses to start when it cannot use the cache, instead of silently starting slow.
        Result result = run(Map.of("CNI_COMMAND", "VERSION", "JDK_JAVA_OPTIONS", "-XX:AOTMode=on"),
                image.resolve("bin/cni-bridge-fp").toString());

        assertEquals(0, result.exit(), result.out() + result.err());
        assertTrue(Files.size(image.resolve("lib/cni-bridge-fp.aot")) > 0);
    }

    @Test
    void theJvmReplaysNoJitProfiles() throws Exception {
        // With an AOT cache, JDK 25 wakes a "Training replay" thread at every class initialisation unless told not
        // to; the launcher turns it off (docs/performance.md). PrintFlagsFinal shows what the JVM finally took.
        Result result = run(Map.of("CNI_COMMAND", "VERSION", "JDK_JAVA_OPTIONS", "-XX:+PrintFlagsFinal"),
                image.resolve("bin/cni-bridge-fp").toString());

        assertEquals(0, result.exit(), result.out() + result.err());
        assertTrue(result.out().lines().anyMatch(line -> line.matches("\\s*bool AOTReplayTraining\\s+= false\\s.*")),
                "no 'AOTReplayTraining = false' in -XX:+PrintFlagsFinal; its lines that name the flag: "
                        + result.out().lines().filter(line -> line.contains("AOTReplayTraining")).toList());
    }

    @Test
    void aCallThatEndsAtItsFailpointLeavesTheProcessMachineryAlone(@TempDir Path dir) throws Exception {
        // The plugin's second thread prepares the delegation (the JDK's process reaper among it) only once the call
        // is known to delegate: busy at exit, it made one failing call in five wait 1 to 2 ms for the JVM's own
        // threads (docs/performance.md). The classes a call initialised are the trace that work leaves. The image's
        // java runs the plugin's main class directly: the launcher's -Xlog:disable would silence the trace.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("bridge"), "#!/bin/sh\ncat >/dev/null\n");
        assertTrue(bin.resolve("bridge").toFile().setExecutable(true));
        Path failpoints = Files.writeString(dir.resolve("fp.json"),
                "{\"cmdAdd\":\"1000000*error(x)\",\"cmdDel\":\"1000000*off\"}");
        Path config = configNaming(failpoints);
        String reaper = "'java/lang/ProcessHandleImpl'";

        for (String command : List.of("ADD", "DEL")) {
            Path log = dir.resolve(command + ".init.log");
            Map<String, String> env = cniEnvironment(command, bin);
            Result result = run(env, config, image.resolve("bin/java").toString(),
                    "-Xlog:class+init=info:file=" + log, "-m", "dev.cnifp.cni/dev.cnifp.cni.Main");
            String initialised = Files.readString(log);
            if (command.equals("ADD")) {
                assertEquals(1, result.exit(), result.out() + result.err());
                if (Runtime.getRuntime().availableProcessors() > 1) { // one CPU: no second thread (the test below)
                    assertTrue(initialised.contains(EARLY_THREAD), "the second thread did not run");
                }
                assertFalse(initialised.contains(reaper), "a failing ADD set up the process reaper");
            } else {
                assertEquals(0, result.exit(), result.out() + result.err());
                assertTrue(initialised.contains(reaper), "a delegated DEL shows no process reaper: the check is blind");
            }
        }
    }

    @Test
    void onOneCpuTheCallRunsOnOneThread(@TempDir Path dir) throws Exception {
        // A second thread only helps when a second CPU runs it; on one it made every call slower
        // (docs/performance.md). The JVM counts the CPUs of the process's affinity, which taskset narrows to one.
        Path failpoints = Files.writeString(dir.resolve("fp.json"), "{\"cmdAdd\":\"1000000*error(x)\"}");
        Path config = configNaming(failpoints);
        Path log = dir.resolve("init.log");
        Map<String, String> env = cniEnvironment("ADD", dir);

        Result result = run(env, config, "/usr/bin/taskset", "-c", firstAllowedCpu(),
                image.resolve("bin/java").toString(), "-Xlog:class+init=info:file=" + log,
                "-m", "dev.cnifp.cni/dev.cnifp.cni.Main");

        assertEquals(1, result.exit(), result.out() + result.err());
        assertTrue(result.out().contains("\"msg\": \"x\""), result.out());
        assertEquals("{\n  \"cmdAdd\": \"999999*error(x)\"\n}\n", Files.readString(failpoints));
        String initialised = Files.readString(log);
        assertTrue(initialised.contains("'dev/cnifp/core/registry/ActionRegistry'"), "no trace: the check is blind");
        assertFalse(initialised.contains(EARLY_THREAD), "a second thread ran on one CPU");
    }

    /** The lowest CPU this process may run on: CI machines may confine tests to CPUs other than 0. */
    private static String firstAllowedCpu() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return line.substring(line.indexOf(':') + 1).strip().split("[-,]")[0];
            }
        }
        throw new AssertionError("no Cpus_allowed_list in /proc/self/status");
    }

    /** build/train.sh with {@code args}, as Maven runs it (a plain PATH). */
    private static Result train(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh",
                Path.of(System.getProperty("cnifp.buildDir", "build"), "train.sh").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return run(Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), command.toArray(String[]::new));
    }

    @Test
    void theAotTrainingModeMakesACacheTheJvmTakes(@TempDir Path dir) throws Exception {
        // The build trains a cds archive; runtime-image/README.md offers -Dcnifp.train.mode=aot, JDK 25's AOT cache.
        Path copy = dir.resolve("image");
        copyTree(image, copy);

        Result trained = train(copy.toString(), "aot");

        assertEquals(0, trained.exit(), trained.out() + trained.err());
        assertEquals("aot", Files.readString(copy.resolve("lib/cni-bridge-fp.aot.mode")).strip());
        Result version = run(Map.of("CNI_COMMAND", "VERSION", "JDK_JAVA_OPTIONS", "-XX:AOTMode=on"),
                copy.resolve("bin/cni-bridge-fp").toString());
        assertEquals(0, version.exit(), version.out() + version.err());
        assertTrue(version.out().startsWith("{\"cniVersion\""), version.out());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x:ADDD:1*off", "x:ADD:1*error(a b)", "x:ADD:1*error(\"q)", "x:ADD:1*error(a\\b)",
        ":ADD:1*off", "x:ADD:a:b", "x.y:ADD:1*off", "x:ADD:"})
    void trainRefusesABadScenarioBeforeItStarts(String scenario, @TempDir Path dir) throws Exception {
        // A bad COMMAND or a SPEC that breaks the training file's JSON used to train nothing of the distribution's
        // action and pass; the image named here does not exist, so only the scenario check can answer.

        Result trained = train(dir.resolve("no-image").toString(), "cds", "ok:DEL:1*error(x)", scenario);

        assertEquals(2, trained.exit(), trained.out() + trained.err());
        assertEquals("train: bad scenario '" + scenario + "' (NAME:COMMAND:SPEC; COMMAND one of ADD DEL CHECK STATUS "
                + "GC VERSION; no blank, ':', '\"' or '\\' in SPEC)\n", trained.err());
    }

    @Test
    void aBrokenCacheSlowsTheStartButNeverReachesStdout(@TempDir Path dir) throws Exception {
        // The JVM reports an unusable cache through its log, which goes to stdout by default; stdout is the CNI
        // result. The launcher's -Xlog options must keep it on stderr.
        Path copy = dir.resolve("image");
        copyTree(image, copy);
        Files.write(copy.resolve("lib/cni-bridge-fp.aot"), new byte[4096]);

        Result result = run(Map.of("CNI_COMMAND", "VERSION"), copy.resolve("bin/cni-bridge-fp").toString());

        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().startsWith("{\"cniVersion\""), "stdout: " + result.out());
        assertTrue(result.err().contains("AOT cache") || result.err().contains("shared archive"),
                "the JVM said nothing about the broken cache on stderr: " + result.err());
    }

    @Test
    void withoutItsCacheFileThePluginStartsWithoutAWord(@TempDir Path dir) throws Exception {
        // The launcher passes -XX:AOTCache only when the file is there; a missing file named to the JVM is a warning.
        Path copy = dir.resolve("image");
        copyTree(image, copy);
        Files.delete(copy.resolve("lib/cni-bridge-fp.aot"));

        Result result = run(Map.of("CNI_COMMAND", "VERSION"), copy.resolve("bin/cni-bridge-fp").toString());

        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().startsWith("{\"cniVersion\""), "stdout: " + result.out());
        assertEquals("", result.err());
    }

    @Test
    void aCopyOfTheBuildImagesLauncherAnswersWithACniErrorSayingWhatToDo(@TempDir Path dir) throws Exception {
        // No prefix is baked into the build image's launcher, so a copy looks for bin/java above its own directory.
        // The directory's name has the two characters the launcher must escape for JSON.
        Path elsewhere = dir.resolve("odd \"name\\");
        Path copy = Files.copy(image.resolve("bin/cni-bridge-fp"), Files.createDirectories(elsewhere.resolve("bin"))
                .resolve("cni-bridge-fp"));

        Result result = run(Map.of("CNI_COMMAND", "VERSION"), copy.toString());

        String message = "cni-bridge-fp: no image at " + elsewhere + " (no bin/java and lib/modules there): a copy of "
                + "the launcher finds its image only when install.sh wrote the prefix into it; copy the installed "
                + "launcher, or symlink this one";
        assertEquals(1, result.exit(), result.out() + result.err());
        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"\n}", result.out());
        assertEquals(message + "\n", result.err());
    }

    @Test
    void aCopyNextToSomeOtherJavaDoesNotStartIt(@TempDir Path dir) throws Exception {
        // e.g. copied into /usr/bin beside the system's java: a bin/java that is not ours must not be started.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\necho not our java\n");
        Files.setPosixFilePermissions(bin.resolve("java"), java.nio.file.attribute.PosixFilePermissions.fromString(
                "rwxr-xr-x"));
        Path copy = Files.copy(image.resolve("bin/cni-bridge-fp"), bin.resolve("cni-bridge-fp"));

        Result result = run(Map.of("CNI_COMMAND", "VERSION"), copy.toString());

        assertEquals(1, result.exit(), result.out() + result.err());
        assertTrue(result.out().startsWith("{\n    \"code\": 999,\n    \"msg\": \"cni-bridge-fp: no image at " + dir),
                result.out());
    }

    @Test
    void aMovedInstallationStillFindsItsImageThroughAChainOfSymlinks(@TempDir Path root) throws Exception {
        Path prefix = root.resolve("prefix");
        Path binDir = root.resolve("bin");
        Result install = sh(image.resolve("install.sh").toString(), "--prefix", prefix.toString(),
                "--bin-dir", binDir.toString());
        assertEquals(0, install.exit(), install.out() + install.err());

        // What install.sh laid down, as runtime-image/README.md describes it.
        assertTrue(Files.readAllLines(prefix.resolve("bin/cni-bridge-fp")).contains("CNIFP_IMAGE='" + prefix + "'"),
                "no baked prefix in the installed launcher");
        assertEquals(prefix.resolve("bin/cni-bridge-fp"), Files.readSymbolicLink(binDir.resolve("cni-bridge-fp")));
        List<String> manifest = Files.readAllLines(prefix.resolve("install-manifest"));
        assertEquals("d " + prefix, manifest.get(0));
        assertEquals("l " + binDir.resolve("cni-bridge-fp"), manifest.get(manifest.size() - 1));
        List<String> made = new ArrayList<>();
        for (String line : manifest) {
            assertTrue(line.matches("[dfl] /.+"), "manifest line: " + line);
            String directory = "d " + Path.of(line.substring(2)).getParent();
            assertTrue(made.contains(directory) || !manifest.contains(directory),
                    "in creation order, " + line + " comes after the directory the install made for it");
            made.add(line);
        }
        assertTrue(made.contains("f " + prefix.resolve("lib/cni-bridge-fp.aot")), "the archive is not recorded");

        // Moved, the baked prefix no longer holds an image: the launcher falls back to its own real location.
        Path moved = Files.move(prefix, root.resolve("moved"));
        Path second = Files.createSymbolicLink(root.resolve("second-link"), moved.resolve("bin/cni-bridge-fp"));
        Path first = Files.createSymbolicLink(root.resolve("first-link"), second);
        // AOTMode=on: the moved image's archive is still taken (the JVM checks lib/modules' content, not its path).
        Result version = run(Map.of("CNI_COMMAND", "VERSION", "JDK_JAVA_OPTIONS", "-XX:AOTMode=on"), first.toString());
        assertEquals(0, version.exit(), version.out() + version.err());
        assertTrue(version.out().startsWith("{\"cniVersion\""), version.out());
    }

    @Test
    void installHelpIsTheScriptsOpeningCommentAndNothingElse() throws Exception {
        Result help = sh(image.resolve("install.sh").toString(), "--help");

        assertEquals(0, help.exit(), help.err());
        List<String> lines = help.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("Installs the cni-bridge-fp image"), help.out());
        assertTrue(lines.contains("  install.sh [--prefix DIR] [--bin-dir DIR] [--copy]   install (defaults: "
                + "/opt/cni-bridge-fp, /opt/cni/bin)"), help.out());
        assertTrue(lines.getLast().endsWith("(an upgrade)."), help.out());
    }

    @Test
    void installRefusesANonEmptyPrefixThatIsNotAnEarlierInstall(@TempDir Path root) throws Exception {
        Path prefix = Files.createDirectories(root.resolve("prefix"));
        Files.writeString(prefix.resolve("notes.txt"), "someone's\n");
        List<String> before = tree(root);

        Result install = sh(image.resolve("install.sh").toString(), "--prefix", prefix.toString(),
                "--bin-dir", root.resolve("bin").toString());

        assertNotEquals(0, install.exit());
        assertTrue(install.err().contains("is not empty"), install.err());
        assertEquals(before, tree(root));
    }

    @Test
    void installAndUninstallLeaveNothingBehind(@TempDir Path root) throws Exception {
        // Someone else's plugin already lives in the CNI bin directory: it must survive both steps.
        Path binDir = root.resolve("opt/cni/bin");
        Files.createDirectories(binDir);
        Path bridge = Files.writeString(binDir.resolve("bridge"), "not ours\n");
        List<String> before = tree(root);
        Path prefix = root.resolve("opt/cni-bridge-fp");

        Result install = sh(image.resolve("install.sh").toString(), "--prefix", prefix.toString(),
                "--bin-dir", binDir.toString());
        assertEquals(0, install.exit(), install.out() + install.err());

        Path plugin = binDir.resolve("cni-bridge-fp");
        assertTrue(Files.isSymbolicLink(plugin));
        assertTrue(Files.isRegularFile(prefix.resolve("install-manifest")));
        Result version = run(Map.of("CNI_COMMAND", "VERSION", "JDK_JAVA_OPTIONS", "-XX:AOTMode=on"),
                plugin.toString());
        assertEquals(0, version.exit(), "installed plugin, with its AOT cache: " + version.out() + version.err());

        // A copy of the installed launcher finds the image through the prefix written into it.
        Path copy = Files.copy(prefix.resolve("bin/cni-bridge-fp"), root.resolve("copied-plugin"));
        Result copied = run(Map.of("CNI_COMMAND", "VERSION"), copy.toString());
        assertEquals(0, copied.exit(), copied.out() + copied.err());
        Files.delete(copy);

        Result uninstall = sh(prefix.resolve("uninstall.sh").toString());
        assertEquals(0, uninstall.exit(), uninstall.out() + uninstall.err());

        assertEquals(before, tree(root));
        assertEquals("not ours\n", Files.readString(bridge));
    }

    @Test
    void installWithCopyAndUpgradeInPlace(@TempDir Path root) throws Exception {
        List<String> before = tree(root);
        Path prefix = root.resolve("prefix");
        Path binDir = root.resolve("bin");
        String[] install = {image.resolve("install.sh").toString(), "--prefix", prefix.toString(),
                "--bin-dir", binDir.toString(), "--copy"};

        assertEquals(0, sh(install).exit());
        assertFalse(Files.isSymbolicLink(binDir.resolve("cni-bridge-fp")));
        // Installing again over our own install is an upgrade: the first one is removed, then the new one laid.
        Result again = sh(install);
        assertEquals(0, again.exit(), again.out() + again.err());
        Result version = run(Map.of("CNI_COMMAND", "VERSION"), binDir.resolve("cni-bridge-fp").toString());
        assertEquals(0, version.exit(), version.out() + version.err());

        Result uninstall = sh(image.resolve("install.sh").toString(), "--uninstall", "--prefix", prefix.toString());
        assertEquals(0, uninstall.exit(), uninstall.out() + uninstall.err());
        assertEquals(before, tree(root));
    }

    @Test
    void installRefusesToReplaceAPluginThatIsNotOurs(@TempDir Path root) throws Exception {
        Path binDir = Files.createDirectories(root.resolve("bin"));
        Path foreign = Files.writeString(binDir.resolve("cni-bridge-fp"), "someone else's\n");
        List<String> before = tree(root);

        Result install = sh(image.resolve("install.sh").toString(), "--prefix", root.resolve("p").toString(),
                "--bin-dir", binDir.toString());

        assertNotEquals(0, install.exit());
        assertEquals("someone else's\n", Files.readString(foreign));
        // It failed before laying anything down.
        assertEquals(before, tree(root));
    }

    @Test
    void uninstallKeepsFilesItDidNotInstall(@TempDir Path root) throws Exception {
        Path prefix = root.resolve("prefix");
        Path binDir = root.resolve("bin");
        assertEquals(0, sh(image.resolve("install.sh").toString(), "--prefix", prefix.toString(),
                "--bin-dir", binDir.toString()).exit());
        Path stranger = Files.writeString(prefix.resolve("lib/not-ours.txt"), "x");

        Result uninstall = sh(prefix.resolve("uninstall.sh").toString());

        assertEquals(0, uninstall.exit(), uninstall.err());
        assertTrue(Files.exists(stranger));
        assertEquals(List.of("prefix", "prefix/lib", "prefix/lib/not-ours.txt"), tree(root));
    }

    @Test
    void uninstallKeepsAPluginThatReplacedOurs(@TempDir Path root) throws Exception {
        Path prefix = root.resolve("prefix");
        Path binDir = root.resolve("bin");
        Path other = Files.writeString(root.resolve("other-plugin"), "#!/bin/sh\n");
        for (String how : List.of("--symlink", "--copy")) {
            List<String> args = new ArrayList<>(List.of(image.resolve("install.sh").toString(),
                    "--prefix", prefix.toString(), "--bin-dir", binDir.toString()));
            if (how.equals("--copy")) {
                args.add("--copy");
            }
            assertEquals(0, sh(args.toArray(String[]::new)).exit(), how);
            // Someone points the bin dir's cni-bridge-fp elsewhere (link) or writes their own file (copy).
            Path plugin = binDir.resolve("cni-bridge-fp");
            Files.delete(plugin);
            if (how.equals("--copy")) {
                Files.writeString(plugin, "#!/bin/sh\n# theirs\n");
            } else {
                Files.createSymbolicLink(plugin, other);
            }

            Result uninstall = sh(prefix.resolve("uninstall.sh").toString());

            assertEquals(0, uninstall.exit(), how + ": " + uninstall.err());
            assertTrue(Files.exists(plugin, java.nio.file.LinkOption.NOFOLLOW_LINKS), how + ": theirs was removed");
            assertFalse(Files.exists(prefix), how);
            Files.delete(plugin);
        }
    }

    /** Copies a directory tree, keeping symlinks, permissions and modification times. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                Files.copy(source, target, java.nio.file.LinkOption.NOFOLLOW_LINKS,
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Every path under root, relative, sorted. */
    static List<String> tree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

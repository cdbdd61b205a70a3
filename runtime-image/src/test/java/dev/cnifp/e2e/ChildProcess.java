package dev.cnifp.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A started child process whose stdin, stdout and stderr are files, not pipes: a hundred of them can run at
 * once without a reader thread each, and a killed one cannot leave a pipe half read.
 */
final class ChildProcess {

    private final List<String> argv;
    private final Process process;
    private final Path stdin;
    private final Path stdout;
    private final Path stderr;
    private final long startNanos;
    private final AtomicLong endNanos = new AtomicLong();

    private ChildProcess(List<String> argv, Process process, Path stdin, Path stdout, Path stderr, long startNanos) {
        this.argv = argv;
        this.process = process;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.startNanos = startNanos;
        process.onExit().thenRun(() -> endNanos.compareAndSet(0, System.nanoTime()));
    }

    /**
     * Starts {@code argv} with exactly {@code environment} (nothing inherited) and {@code input} on stdin, in the
     * test JVM's working directory.
     */
    static ChildProcess start(List<String> argv, Map<String, String> environment, String input) {
        return start(argv, environment, input, null);
    }

    /** As {@link #start(List, Map, String)}, in {@code workingDirectory} (null: the test JVM's). */
    static ChildProcess start(List<String> argv, Map<String, String> environment, String input,
            Path workingDirectory) {
        try {
            Path in = Files.createTempFile("cnifp-e2e-", ".stdin");
            Path out = Files.createTempFile("cnifp-e2e-", ".stdout");
            Path err = Files.createTempFile("cnifp-e2e-", ".stderr");
            Files.writeString(in, input, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            builder.environment().clear();
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            return new ChildProcess(List.copyOf(argv), builder.start(), in, out, err, start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv, e);
        }
    }

    /** Runs {@code argv} to completion; a process still running after {@code timeout} is killed and reported. */
    static CommandResult run(List<String> argv, Map<String, String> environment, String input, Duration timeout) {
        return start(argv, environment, input).await(timeout);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL to the process and everything it started (a launcher script may not have exec'd yet). */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * Waits for the process to end and collects its output. If it is still running after {@code timeout}, it is
     * killed and an {@link AssertionError} says so, with what it printed until then.
     */
    CommandResult await(Duration timeout) {
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill();
                process.waitFor();
                throw new AssertionError("still running after " + timeout.toMillis() + " ms, killed: "
                        + collect().describe());
            }
            return collect();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new AssertionError("interrupted while waiting for " + argv, e);
        }
    }

    private CommandResult collect() {
        endNanos.compareAndSet(0, System.nanoTime());
        Duration elapsed = Duration.ofNanos(endNanos.get() - startNanos);
        try {
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            return new CommandResult(argv, process.exitValue(), out, err, elapsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(stdin);
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left in /tmp is not worth failing a test for
        }
    }
}

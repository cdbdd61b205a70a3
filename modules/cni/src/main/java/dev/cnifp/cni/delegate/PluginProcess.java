package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.GoQuote;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a plugin binary, as Go's {@code exec.Cmd.Run} does it in {@code invoke.RawExec}: exactly the given
 * environment, the given bytes on stdin, stdout and stderr captured whole, no timeout.
 */
final class PluginProcess {
    /** How much of an executable the kernel reads to tell its format (BINPRM_BUF_SIZE), a script's first line included. */
    private static final int KERNEL_HEADER_BYTES = 256;

    /**
     * The strerror text in Java's start failure, which reads {@code Cannot run program "/p/bridge": error=13,
     * Permission denied} or, from the spawn helper, {@code ...: Exec failed, error: 26 (Text file busy)}.
     */
    private static final class Errno {
        // In a holder: compiled only when a start fails, not on every delegated call (the regex classes and the
        // compilation cost a cold, interpreted JVM about a millisecond).
        static final Pattern PATTERN = Pattern.compile("error(?:=\\d+, (.+?)|: \\d+ \\((.+)\\))\\s*$");
    }

    /**
     * A new pipe holds at least one page even when the user's pipe buffer quota is spent (pipe(7)), so a write of
     * at most this many bytes into the empty stdin pipe returns at once, read or not.
     */
    private static final int PIPE_CAPACITY_AT_LEAST = 4096;
    private static final int SIGNAL_EXIT_BASE = 128;
    private static final int LAST_CLASSIC_SIGNAL = 31;

    private PluginProcess() {}

    /** What the run produced; {@code error} is empty when the plugin exited 0. */
    record Outcome(byte[] stdout, byte[] stderr, Optional<ExecError> error) {
        static Outcome notStarted(String goText) {
            return new Outcome(new byte[0], new byte[0], Optional.of(new ExecError.StartFailure(goText)));
        }
    }

    static Outcome run(String pluginPath, Map<String, String> environment, byte[] stdin) {
        String executable = pluginPath;
        if (pluginPath.indexOf('/') < 0) {
            // exec.Command looks a bare name up in $PATH, even though FindInPath found it relative to the CWD.
            Optional<String> found = lookPath(pluginPath, environment.get("PATH"));
            if (found.isEmpty() || !found.get().startsWith("/")) {
                return Outcome.notStarted("exec: " + GoQuote.quote(pluginPath) + ": " + (found.isEmpty()
                        ? "executable file not found in $PATH"
                        : "cannot run executable found relative to current directory"));
            }
            executable = found.get();
        }
        if (hasUnknownFormat(executable)) {
            return Outcome.notStarted("fork/exec " + executable + ": exec format error");
        }
        ProcessBuilder builder = new ProcessBuilder(executable);
        passOn(environment, builder.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Outcome.notStarted("fork/exec " + executable + ": " + goErrnoText(e.getMessage()));
        }
        return collect(process, stdin);
    }

    /**
     * Makes {@code child} (a copy of this process's environment) equal to {@code wanted}, touching only the variables
     * that differ. Java decodes the environment with the locale's charset, but the copy keeps each inherited
     * variable's bytes as they came, so a name or value that is not UTF-8 reaches the delegate unchanged, as Go passes
     * its environment on. Inherited variables are compared by their decoded names, as {@code wanted} holds them: a
     * look-up by name would re-encode it, miss a name that did not survive decoding, and add it a second time.
     */
    private static void passOn(Map<String, String> wanted, Map<String, String> child) {
        Map<String, String> inherited = new HashMap<>();
        for (Map.Entry<String, String> variable : child.entrySet()) {
            inherited.put(variable.getKey(), variable.getValue());
        }
        child.keySet().retainAll(wanted.keySet());
        for (Map.Entry<String, String> variable : wanted.entrySet()) {
            if (!variable.getValue().equals(inherited.get(variable.getKey()))) {
                child.put(variable.getKey(), variable.getValue());
            }
        }
    }

    private static Outcome collect(Process process, byte[] stdin) {
        // Platform threads (daemon, as virtual ones are): the first virtual thread starts the ForkJoinPool scheduler
        // and its carrier, ~6 ms more in a cold -Xint JVM than two plain threads. A network config nearly always
        // fits the pipe's smallest capacity, and then this thread writes it without waiting for the plugin.
        // Plain Thread subclasses, not Thread.ofPlatform() or a FutureTask: every JDK class a call touches is in
        // the start-up archive that every call maps and links, so each one costs every call (docs/performance.md).
        Thread feeder = null;
        if (stdin.length <= PIPE_CAPACITY_AT_LEAST) {
            feed(process, stdin);
        } else {
            feeder = new Feeder(process, stdin);
            feeder.start();
        }
        StderrReader stderrReader = new StderrReader(process.getErrorStream());
        stderrReader.start();
        byte[] stdout = readAll(process.getInputStream());
        byte[] stderr = stderrReader.bytes();
        int exit = waitFor(process);
        if (feeder != null) {
            joinUninterruptibly(feeder);
        }
        return new Outcome(stdout, stderr, exitError(exit));
    }

    /** Writes a config too large for the empty pipe while the calling thread reads the plugin's stdout. */
    private static final class Feeder extends Thread {
        private final Process process;
        private final byte[] stdin;

        Feeder(Process process, byte[] stdin) {
            super("cnifp-delegate-stdin");
            setDaemon(true);
            this.process = process;
            this.stdin = stdin;
        }

        @Override
        public void run() {
            feed(process, stdin);
        }
    }

    /** Reads the plugin's stderr to its end, so that a plugin that writes much there never blocks. */
    private static final class StderrReader extends Thread {
        private final InputStream stream;
        private byte[] read;             // set before the thread ends; join() makes it visible
        private Throwable failure;       // likewise: what reading threw, as a FutureTask would keep it

        StderrReader(InputStream stream) {
            super("cnifp-delegate-stderr");
            setDaemon(true);
            this.stream = stream;
        }

        @Override
        public void run() {
            try (stream) {
                read = stream.readAllBytes();
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            }
        }

        byte[] bytes() {
            joinUninterruptibly(this);
            if (failure != null) {
                throw new UncheckedIOException(new IOException("reading the plugin's stderr", failure));
            }
            return read;
        }
    }

    private static void feed(Process process, byte[] stdin) {
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // The plugin closed its stdin or exited early; Go ignores EPIPE here too.
        }
    }

    /**
     * Java reports a process killed by signal N as exit value 128+N, just as a shell would, so a plugin that really
     * exits 137 is indistinguishable from one killed by SIGKILL. Values 129..159 are taken to be signals, as they
     * nearly always are; Go, which sees the wait status, would say {@code exit status 137} for the rare real exit.
     */
    private static Optional<ExecError> exitError(int exit) {
        if (exit == 0) {
            return Optional.empty();
        }
        if (exit > SIGNAL_EXIT_BASE && exit <= SIGNAL_EXIT_BASE + LAST_CLASSIC_SIGNAL) {
            return Optional.of(new ExecError.Signaled(exit - SIGNAL_EXIT_BASE));
        }
        return Optional.of(new ExecError.ExitStatus(exit));
    }

    /**
     * The JDK (like glibc's execvp) runs a file the kernel refuses with ENOEXEC through /bin/sh; Go's fork/exec
     * does not and reports {@code exec format error}. So an executable that is neither a script nor an ELF binary
     * is refused here, before Java can start it (non-executable files are left to fail with EACCES, which the
     * kernel checks first). A script, to the kernel, is {@code #!} followed by an interpreter's name on the first line,
     * after any blanks; {@code #!} with nothing after it is no script.
     */
    private static boolean hasUnknownFormat(String executable) {
        try {
            Path path = Path.of(executable);
            if (!Files.isRegularFile(path) || !Files.isExecutable(path) || !Files.isReadable(path)) {
                return false;
            }
            // A FileChannel, not Files.newInputStream: that stream's class checks whether its channel is a
            // socket, which loads the socket channel classes into every call's start-up archive.
            ByteBuffer head = ByteBuffer.allocate(KERNEL_HEADER_BYTES);
            try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
                while (head.hasRemaining() && file.read(head) > 0) {
                    // a regular file gives what it has; the kernel looks at no more than this
                }
            }
            int length = head.position();
            byte[] bytes = head.array();
            boolean elf = length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F';
            return !elf && !namesAnInterpreter(bytes, length);
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    /** Whether the header starts with {@code #!} and, after blanks, something other than the line's or the file's end. */
    private static boolean namesAnInterpreter(byte[] header, int length) {
        if (length < 2 || header[0] != '#' || header[1] != '!') {
            return false;
        }
        int i = 2;
        while (i < length && (header[i] == ' ' || header[i] == '\t')) {
            i++;
        }
        return i < length && header[i] != '\n' && header[i] != 0;
    }

    /** Go's {@code exec.LookPath}: the first executable non-directory {@code dir/name} on PATH. */
    private static Optional<String> lookPath(String name, String pathList) {
        for (String dir : GoPath.splitList(pathList)) {
            String candidate = GoPath.join(dir.isEmpty() ? "." : dir, name);
            try {
                Path path = Path.of(candidate);
                if (!Files.isDirectory(path) && Files.isExecutable(path)) {
                    return Optional.of(candidate);
                }
            } catch (InvalidPathException e) {
                // not a usable candidate
            }
        }
        return Optional.empty();
    }

    /** Go's {@code syscall.Errno} texts are glibc's strerror texts with a lower-case first letter. */
    static String goErrnoText(String javaMessage) {
        Matcher m = Errno.PATTERN.matcher(javaMessage == null ? "" : javaMessage);
        if (!m.find()) {
            return javaMessage;
        }
        String text = m.group(1) != null ? m.group(1) : m.group(2);
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int waitFor(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the thread to end; an interrupt is kept for the caller, as {@link #waitFor} keeps it. */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

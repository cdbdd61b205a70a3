package dev.cnifp.cni;

import dev.cnifp.cni.logging.Slf4jLog;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The plugin binary's entry point: wires the real streams and collaborators to {@link Plugin} and ends the process
 * with its status.
 */
public final class Main {
    private static final int STRAY_OUTPUT_KEPT = 4096;

    private Main() {}

    public static void main(String[] args) {
        // First of all, so that the plugin's early work (see EarlyWork) starts while this thread sets up its log and
        // streams: the rest of the call waits for that work, so every microsecond before the thread starts counts.
        EarlyWork earlyWork =
                Wiring.startEarlyWork(System.getenv("CNI_COMMAND"), Runtime.getRuntime().availableProcessors());
        Map<String, String> env = LauncherEnvironment.asGiven(System.getenv());
        Slf4jLog log = new Slf4jLog();
        Collaborators collaborators = Wiring.production(log, earlyWork);
        // The CNI answer is written to the real stdout only. Whatever else prints to System.out (a library, a stray
        // debug line) is captured here, so it can never corrupt the JSON the runtime parses.
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        StrayOutput stray = new StrayOutput(STRAY_OUTPUT_KEPT);
        System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = new Plugin(collaborators).run(env, System.in, stdout, stderr);
        } catch (RuntimeException | Error e) {
            // A bug, not a CNI error: die the way the Go plugin dies of a runtime panic.
            stderr.print(GoPanic.text(e.toString(), e.getStackTrace()));
            status = 2;
        }
        if (stray.size() > 0) {
            log.debug(() -> "kept off stdout: " + stray.text());
        }
        stdout.flush();
        stderr.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    /** The first bytes written to System.out, for the debug log; the rest is dropped. */
    private static final class StrayOutput extends OutputStream {
        private final byte[] kept;
        private int size;

        StrayOutput(int capacity) {
            kept = new byte[capacity];
        }

        @Override
        public synchronized void write(int b) {
            if (size < kept.length) {
                kept[size++] = (byte) b;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int n = Math.min(len, kept.length - size);
            System.arraycopy(b, off, kept, size, Math.max(n, 0));
            size += Math.max(n, 0);
        }

        synchronized int size() {
            return size;
        }

        synchronized String text() {
            return new String(kept, 0, size, StandardCharsets.UTF_8);
        }
    }
}

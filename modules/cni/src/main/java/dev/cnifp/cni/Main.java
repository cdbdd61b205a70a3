package dev.cnifp.cni;

import dev.cnifp.cni.logging.Slf4jLog;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The plugin binary's entry point: wires the real streams and collaborators to {@link Plugin} and ends the process
 * with its status.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // The CNI answer is written to the real stdout only; anything else that prints to System.out (a library, a
        // stray debug line) goes nowhere, so it can never corrupt the JSON the runtime parses.
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        int status;
        try {
            status = new Plugin(Wiring.production(new Slf4jLog())).run(System.getenv(), System.in, stdout, stderr);
        } catch (RuntimeException | Error e) {
            // A bug, not a CNI error: die the way the Go plugin dies of a runtime panic.
            stderr.print(GoPanic.text(e.toString(), e.getStackTrace()));
            status = 2;
        }
        stdout.flush();
        stderr.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}

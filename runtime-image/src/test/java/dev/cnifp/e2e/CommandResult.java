package dev.cnifp.e2e;

import java.time.Duration;
import java.util.List;

/** What a finished child process left behind: its exit code, its whole stdout and stderr, how long it ran. */
record CommandResult(List<String> argv, int exitCode, String stdout, String stderr, Duration elapsed) {

    /** Exit code the JDK reports for a process that died of SIGKILL (128 + 9). */
    static final int KILLED = 137;

    boolean succeeded() {
        return exitCode == 0;
    }

    /** A multi-line description for assertion messages. */
    String describe() {
        return "`" + String.join(" ", argv) + "` exited " + exitCode + " after " + elapsed.toMillis() + " ms"
                + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr + "\n--------------";
    }
}

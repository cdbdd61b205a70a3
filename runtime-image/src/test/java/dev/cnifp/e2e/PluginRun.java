package dev.cnifp.e2e;

import java.time.Duration;
import java.util.Map;

/** One finished call of the plugin: the CNI command, exit code, stdout, stderr and wall time. */
record PluginRun(String command, int exitCode, String stdout, String stderr, Duration elapsed) {

    static PluginRun of(String command, CommandResult result) {
        return new PluginRun(command, result.exitCode(), result.stdout(), result.stderr(), result.elapsed());
    }

    /** stdout parsed as a JSON object (a CNI result or a CNI error); fails the test with the whole run if not. */
    Map<String, Object> stdoutJson() {
        try {
            return Json.parseObject(stdout);
        } catch (Json.SyntaxException e) {
            throw new AssertionError("stdout is not a JSON object (" + e.getMessage() + "): " + describe(), e);
        }
    }

    /** For assertion messages: everything the run printed. */
    String describe() {
        return "CNI_COMMAND=" + command + " exited " + exitCode + " after " + elapsed.toMillis() + " ms"
                + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr + "\n--------------";
    }
}

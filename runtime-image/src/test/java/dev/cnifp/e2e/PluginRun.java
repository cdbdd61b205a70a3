package dev.cnifp.e2e;

import java.time.Duration;
import java.util.Map;

/** One finished call of the plugin: the CNI command, exit code, stdout, stderr and wall time. */
record PluginRun(String command, int exitCode, String stdout, String stderr, Duration elapsed) {

    static PluginRun of(String command, CommandResult result) {
        return new PluginRun(command, result.exitCode(), result.stdout(), result.stderr(), result.elapsed());
    }

    /** stdout parsed as a JSON object (a CNI result or a CNI error). */
    Map<String, Object> stdoutJson() {
        return Json.parseObject(stdout);
    }

    /** For assertion messages: everything the run printed. */
    String describe() {
        return "CNI_COMMAND=" + command + " exited " + exitCode + " after " + elapsed.toMillis() + " ms"
                + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr + "\n--------------";
    }
}

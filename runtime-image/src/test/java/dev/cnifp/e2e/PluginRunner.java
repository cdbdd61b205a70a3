package dev.cnifp.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the plugin the way a container runtime does: as a process, with the CNI_* variables in its environment
 * and the network configuration on stdin. Inside a {@link NetnsSandbox} when one is given; directly otherwise
 * (only safe with a {@link CniPath#withFakeBridge fake bridge}, or with failpoints that fire before delegating).
 */
final class PluginRunner {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final CniPath cniPath;
    private final Optional<NetnsSandbox> sandbox;

    private PluginRunner(CniPath cniPath, Optional<NetnsSandbox> sandbox) {
        this.cniPath = cniPath;
        this.sandbox = sandbox;
    }

    static PluginRunner inSandbox(NetnsSandbox sandbox, CniPath cniPath) {
        return new PluginRunner(cniPath, Optional.of(sandbox));
    }

    static PluginRunner onHost(CniPath cniPath) {
        return new PluginRunner(cniPath, Optional.empty());
    }

    /**
     * Runs {@code CNI_COMMAND=command} with {@code netconf} on stdin. The environment is PATH, CNI_COMMAND and
     * CNI_PATH, then {@code env} (which may override them), nothing else: like containerd, no JAVA_HOME.
     */
    PluginRun run(String command, String netconf, Map<String, String> env) {
        return run(command, netconf, env, DEFAULT_TIMEOUT);
    }

    PluginRun run(String command, String netconf, Map<String, String> env, Duration timeout) {
        return PluginRun.of(command, start(command, netconf, env).await(timeout));
    }

    /**
     * Starts the plugin without waiting: for tests that run many at once or kill them. Its working directory is
     * the CNI bin directory, so that anything it wrongly creates relative to it is seen and removed with it.
     */
    ChildProcess start(String command, String netconf, Map<String, String> env) {
        return start(binary(), command, netconf, env);
    }

    /**
     * Another plugin of the same CNI bin directory ({@code bridge}, {@code portmap}, ...), run as this runner runs
     * ours: to see what it answers on its own, or as the next plugin of a chain.
     */
    PluginRun runOther(String name, String command, String netconf, Map<String, String> env) {
        return PluginRun.of(command, start(cniPath.dir().resolve(name), command, netconf, env).await(DEFAULT_TIMEOUT));
    }

    private ChildProcess start(Path binary, String command, String netconf, Map<String, String> env) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", NetnsSandbox.PATH);
        environment.put("CNI_COMMAND", command);
        environment.put("CNI_PATH", cniPath.envValue());
        environment.putAll(env);
        List<String> argv = List.of(binary.toString());
        return ChildProcess.start(sandbox.map(s -> s.inside(argv)).orElse(argv), environment, netconf, cniPath.dir());
    }

    /** The plugin as the runtime calls it: through the CNI bin directory. */
    Path binary() {
        return cniPath.plugin();
    }
}

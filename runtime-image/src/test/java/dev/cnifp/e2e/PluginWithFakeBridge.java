package dev.cnifp.e2e;

import java.nio.file.Path;
import java.util.Map;

/**
 * The real plugin with a fake {@code bridge} as its only delegate, run directly (no sandbox, no root): for tests
 * of the failpoint file itself, where the network does not matter. Nothing here can create a device: the fake
 * bridge only prints {@link #CANNED_RESULT}, and CNI_NETNS names a namespace that does not exist.
 */
final class PluginWithFakeBridge implements AutoCloseable {

    /**
     * What the fake bridge prints on every call: a 0.4.0 result, already in the order Go's CNI library prints a
     * 0.4.0 result (the same in lib v1.1.1 and at HEAD; for 1.x results the two differ in key order and in
     * omitting an empty {@code dns}), so the plugin's re-print of it is known byte for byte.
     */
    static final String CANNED_RESULT = "{\"cniVersion\":\"0.4.0\","
            + "\"interfaces\":[{\"name\":\"eth0\",\"mac\":\"0a:58:0a:58:00:02\",\"sandbox\":\"/run/netns/cnifp-e2e-fake\"}],"
            + "\"ips\":[{\"version\":\"4\",\"interface\":0,\"address\":\"10.88.0.2/16\",\"gateway\":\"10.88.0.1\"}],"
            + "\"dns\":{}}";

    /** {@link #CANNED_RESULT} as the plugin must print it: Go's MarshalIndent, 4 spaces, no trailing newline. */
    static final String CANNED_RESULT_REPRINTED = Json.writeIndented(Json.parse(CANNED_RESULT), "    ");

    static final Map<String, String> ENV = Map.of(
            "CNI_CONTAINERID", "cnifp-e2e-offline",
            "CNI_NETNS", "/run/netns/cnifp-e2e-does-not-exist",
            "CNI_IFNAME", "eth0");

    private final CniPath cniPath;
    private final PluginRunner runner;

    private PluginWithFakeBridge(CniPath cniPath) {
        this.cniPath = cniPath;
        this.runner = PluginRunner.onHost(cniPath);
    }

    static PluginWithFakeBridge create() {
        return create(PluginBinary.locate());
    }

    /** {@code plugin} (e.g. a script that starts the image with more modules) in front of the fake bridge. */
    static PluginWithFakeBridge create(Path plugin) {
        return new PluginWithFakeBridge(CniPath.withFakeBridge(plugin, CANNED_RESULT));
    }

    /** The plugin with one fake delegate called {@code name} that prints {@code stdout} and exits {@code exitCode}. */
    static PluginWithFakeBridge withDelegate(String name, String stdout, int exitCode) {
        return new PluginWithFakeBridge(CniPath.withFakeDelegate(PluginBinary.locate(), name, stdout, exitCode));
    }

    /** A small 1.0.0 network configuration whose pod annotation points at {@code file}. */
    static String netconf(FailpointFile file) {
        return netconf(file.path().toString());
    }

    /** A small 1.0.0 network configuration whose pod annotation carries {@code confpath} as it is. */
    static String netconf(String confpath) {
        return Json.write(Map.of(
                "cniVersion", "1.0.0",
                "name", "cnifp-e2e",
                "type", "cni-bridge-fp",
                "runtimeConfig", Map.of("io.kubernetes.cri.pod-annotations",
                        Map.of("failpoint.cni.containerd.io/confpath", confpath))));
    }

    PluginRun run(String command, FailpointFile file) {
        return run(command, file, Map.of());
    }

    /** As {@link #run(String, FailpointFile)}, with {@code moreEnv} added to {@link #ENV}. */
    PluginRun run(String command, FailpointFile file, Map<String, String> moreEnv) {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.putAll(moreEnv);
        return runner.run(command, netconf(file), env);
    }

    PluginRun run(String command, String netconf) {
        return runner.run(command, netconf, ENV);
    }

    ChildProcess start(String command, FailpointFile file) {
        return runner.start(command, netconf(file), ENV);
    }

    /** Names of the files in the plugin's working directory (the CNI bin directory). */
    java.util.List<String> workingDirectoryEntries() {
        try (var entries = java.nio.file.Files.list(cniPath.dir())) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        cniPath.close();
    }
}

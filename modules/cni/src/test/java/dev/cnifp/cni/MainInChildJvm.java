package dev.cnifp.cni;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Main} in a child JVM from the module path this test JVM was given: for what only a fresh process shows
 * (slf4j's one-time configuration, System.out guarding, the exit status from {@code halt}).
 */
final class MainInChildJvm {
    private MainInChildJvm() {}

    static PluginHarness.Run run(Map<String, String> env, String stdin, String... jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-p", System.getProperty("jdk.module.path"), "-m", "dev.cnifp.cni/dev.cnifp.cni.Main"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("plugin did not finish");
        }
        return new PluginHarness.Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}

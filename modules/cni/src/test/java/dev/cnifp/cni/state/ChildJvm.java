package dev.cnifp.cni.state;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Starts {@link DecrementOnce} in a new JVM, the way the runtime starts one plugin process per CNI call. */
final class ChildJvm {
    private ChildJvm() {}

    static Process start(Path file, String... options) throws IOException {
        return builder(file, options).start();
    }

    /**
     * Starts a child whose output goes to a file: {@link Process#destroyForcibly()} closes the pipes, and what a
     * killed child printed is still needed afterwards.
     */
    static Process startWithOutputIn(Path output, Path file, String... options) throws IOException {
        return builder(file, options).redirectOutput(output.toFile()).start();
    }

    private static ProcessBuilder builder(Path file, String... options) {
        List<String> command = new ArrayList<>(List.of(javaBinary(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx64m",
                "-cp", classPath(),
                DecrementOnce.class.getName()));
        command.addAll(List.of(options));
        command.add(file.toString());
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Everything the test JVM sees, as a plain class path: works whether surefire put the module on the module path
     * (test classes patched in) or everything on the class path.
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(locationOf(DecrementOnce.class));
        entries.add(locationOf(FailpointFile.class));
        entries.add(locationOf(JsonFactory.class));
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                entries.addAll(List.of(value.split(File.pathSeparator)));
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The directory or jar a class was loaded from, found through its own resource URL. */
    private static String locationOf(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        URL url = type.getClassLoader().getResource(resource);
        if (url == null) {
            url = type.getResource("/" + resource);
        }
        String text = url.toString();
        String location = text.startsWith("jar:")
                ? text.substring("jar:".length(), text.indexOf("!/"))
                : text.substring(0, text.length() - resource.length());
        return Path.of(URI.create(location)).toString();
    }
}

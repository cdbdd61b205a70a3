package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the plugin under test is: {@code ${cnifp.image}/bin/cni-bridge-fp}, the launcher of the jlink image.
 * A missing image is a failure, never a skip: these tests exist to test it.
 *
 * <p>{@code -Dcnifp.plugin=/path/to/binary} overrides it. That is how the harness itself was checked before the
 * plugin existed: the plain-delegation tests pass with {@code -Dcnifp.plugin=/usr/lib/cni/bridge}.
 */
final class PluginBinary {

    private PluginBinary() {
    }

    static Path locate() {
        String override = System.getProperty("cnifp.plugin", "");
        if (!override.isEmpty()) {
            return existing(Path.of(override), "-Dcnifp.plugin");
        }
        String image = System.getProperty("cnifp.image", "");
        if (image.isEmpty()) {
            fail("system property cnifp.image is not set: it must be the absolute path of the jlink image "
                    + "(runtime-image/target/image); failsafe sets it from the runtime-image pom");
        }
        return existing(Path.of(image, "bin", "cni-bridge-fp"), "-Dcnifp.image");
    }

    /** True when the binary is the real plugin, not an override such as the bare bridge plugin. */
    static boolean isThePlugin() {
        return System.getProperty("cnifp.plugin", "").isEmpty();
    }

    private static Path existing(Path binary, String from) {
        if (!Files.isExecutable(binary)) {
            fail(binary + " (from " + from + ") does not exist or is not executable; build the image first: "
                    + "bin/with-jdk25 mvn -B -DskipTests package");
        }
        return binary.toAbsolutePath();
    }

    /** The flags of {@code image}'s launcher, its {@code vm_flags='...'} line: the one place they are set. */
    static List<String> launcherVmFlags(Path image) {
        try {
            String line = Files.readAllLines(image.resolve("bin/cni-bridge-fp")).stream()
                    .filter(l -> l.startsWith("vm_flags='")).findFirst()
                    .orElseThrow(() -> new AssertionError("no vm_flags line in " + image + "/bin/cni-bridge-fp"));
            return List.of(line.substring("vm_flags='".length(), line.length() - 1).split(" "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Failpoint tests make no sense against an override such as the bare bridge: skip them then. */
    static void requireThePlugin() {
        org.junit.jupiter.api.Assumptions.assumeTrue(isThePlugin(),
                "skipped: -Dcnifp.plugin overrides the plugin, and this test needs cni-bridge-fp's failpoints");
    }
}

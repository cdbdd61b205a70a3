package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install.sh} with no options, as the README shows it: the image into /opt/cni-bridge-fp, the plugin into
 * /opt/cni/bin. Run in a mount namespace of its own with a tmpfs over /opt, so the machine's /opt is never touched;
 * everything it installs goes away with the namespace. The image comes from the system property {@code cnifp.image}.
 */
class InstallDefaultsIT {

    /**
     * Installs, looks, calls the plugin, uninstalls, looks again; each step prints a marker line. The image is
     * bind-mounted to $2 first, so that the tmpfs cannot hide it when it lives under /opt itself.
     */
    private static final String SCRIPT = """
            set -e
            mount --bind "$1" "$2"
            mount -t tmpfs -o mode=0755 cnifp-e2e-opt /opt
            "$2/install.sh" >/dev/null
            echo "link: $(readlink /opt/cni/bin/cni-bridge-fp)"
            echo "baked: $(grep '^CNIFP_IMAGE=' /opt/cni-bridge-fp/bin/cni-bridge-fp)"
            echo "version: $(env -i CNI_COMMAND=VERSION /opt/cni/bin/cni-bridge-fp)"
            /opt/cni-bridge-fp/uninstall.sh >/dev/null
            echo "left: $(find /opt -mindepth 1 | wc -l)"
            """;

    @TempDir
    Path work;

    @Test
    void withNoOptionsItInstallsIntoOptAndUninstallsCleanly() throws IOException {
        RealParts.requireNamespaces();
        Path image = Path.of(System.getProperty("cnifp.image", "target/image")).toAbsolutePath();
        Path mountPoint = Files.createDirectory(work.resolve("image"));
        List<String> hostOpt = entries(Path.of("/opt"));

        CommandResult run = ChildProcess.run(List.of(RealParts.UNSHARE.toString(), "--mount", "--propagation",
                "private", "--", "/bin/sh", "-c", SCRIPT, "install-defaults", image.toString(), mountPoint.toString()),
                Map.of("PATH", NetnsSandbox.PATH), "", Duration.ofMinutes(2));

        assertEquals(hostOpt, entries(Path.of("/opt")), "the machine's /opt changed");
        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(List.of(
                "link: /opt/cni-bridge-fp/bin/cni-bridge-fp",
                "baked: CNIFP_IMAGE='/opt/cni-bridge-fp'",
                "version: {\"cniVersion\":\"1.1.0\",\"supportedVersions\":[\"0.1.0\",\"0.2.0\",\"0.3.0\",\"0.3.1\","
                        + "\"0.4.0\",\"1.0.0\",\"1.1.0\"]}",
                "left: 0"), run.stdout().lines().toList(), run::describe);
    }

    /** The names in a directory, sorted; none when it does not exist. */
    private static List<String> entries(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var names = Files.list(directory)) {
            return names.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}

package dev.cnifp.cni;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a tool, root, Debian's CNI plugins). Missing, the test is skipped with a
 * message saying what is missing; under {@code CI=true} (or {@code -Dcnifp.requireRealParts=true}) it fails instead,
 * so that a CI machine without jq cannot pass the tests that compare against it. The same rule as the end-to-end
 * tests' {@code RealParts}.
 */
public final class Prerequisites {
    private Prerequisites() {}

    public static void require(boolean present, String whatIsMissing) {
        if (present) {
            return;
        }
        if (Boolean.getBoolean("cnifp.requireRealParts") || "true".equals(System.getenv("CI"))) {
            fail(whatIsMissing
                    + " -- CI=true (or cnifp.requireRealParts=true), so this fails instead of being skipped");
        }
        System.out.println("skipped: " + whatIsMissing);
        Assumptions.assumeTrue(false, "skipped: " + whatIsMissing
                + " (with CI=true or -Dcnifp.requireRealParts=true this is a failure)");
    }

    public static void requireOnPath(String command, String debianPackage) {
        require(onPath(command), "no `" + command + "` command on PATH (Debian package " + debianPackage + ")");
    }

    /** @param why what needs root, e.g. "giving a file away needs root" */
    public static void requireRoot(String why) {
        require("root".equals(System.getProperty("user.name")), "not running as root: " + why);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}

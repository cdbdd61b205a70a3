package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * The real things the end-to-end tests need from the machine, and what happens when one is missing: the test is
 * skipped with a message that says what is missing, unless the system property {@code cnifp.requireRealParts} is
 * {@code true} (CI sets it), in which case a missing part fails the test: CI must not go green by skipping.
 * The environment variable {@code CI=true}, which the CI runner sets, counts the same, so that even a build
 * that forgot the property cannot pass in CI by skipping.
 */
final class RealParts {

    static final Path CNI_PLUGIN_DIR = Path.of("/usr/lib/cni");
    static final Path UNSHARE = Path.of("/usr/bin/unshare");
    static final Path NSENTER = Path.of("/usr/bin/nsenter");

    private RealParts() {
    }

    /** Root, unshare and nsenter: what a {@link NetnsSandbox} needs. */
    static void requireNamespaces() {
        require(isRoot(), "not running as root: network namespaces need root (run the ITs with sudo, or as root in CI)");
        require(Files.isExecutable(UNSHARE), "no " + UNSHARE + " (Debian package util-linux)");
        require(Files.isExecutable(NSENTER), "no " + NSENTER + " (Debian package util-linux)");
        require(onPath("ip"), "no `ip` command (Debian package iproute2)");
    }

    /** The real plugins of containerd's failpoint conflist: our delegate, its IPAM, loopback, and portmap after us. */
    static final List<String> REAL_PLUGINS = List.of("bridge", "host-local", "loopback", "portmap");

    /** The real plugins, and iptables for bridge's ipMasq (and portmap's rules). */
    static void requireRealBridge() {
        for (String plugin : REAL_PLUGINS) {
            require(Files.isExecutable(CNI_PLUGIN_DIR.resolve(plugin)),
                    "no " + CNI_PLUGIN_DIR.resolve(plugin) + " (Debian package containernetworking-plugins; .ci/run installs it)");
        }
        require(onPath("iptables"), "no `iptables` command (bridge's ipMasq needs it; Debian package iptables)");
    }

    /** jq, used to show the failpoint file the way the README does. */
    static void requireJq() {
        require(onPath("jq"), "no `jq` command (Debian package jq; .ci/run installs it)");
    }

    /** hyperfine and GNU time, which runtime-image/bench/bench.sh measures with. */
    static void requireBenchTools() {
        require(onPath("hyperfine"), "no `hyperfine` command (Debian package hyperfine; .ci/run installs it)");
        require(Files.isExecutable(Path.of("/usr/bin/time")), "no /usr/bin/time (Debian package time; .ci/run installs it)");
    }

    static boolean strict() {
        return Boolean.getBoolean("cnifp.requireRealParts") || "true".equals(System.getenv("CI"));
    }

    private static void require(boolean present, String whatIsMissing) {
        if (present) {
            return;
        }
        if (strict()) {
            fail(whatIsMissing + " -- cnifp.requireRealParts=true (or CI=true), so this fails instead of being skipped");
        }
        Assumptions.assumeTrue(false, "skipped: " + whatIsMissing
                + " (with -Dcnifp.requireRealParts=true or CI=true this is a failure)");
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/sbin", "/bin"}) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}

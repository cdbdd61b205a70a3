package dev.cnifp.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway network + mount namespace pair that the tests create devices in, so that nothing reaches the
 * machine's own network namespace.
 *
 * <p>A holder process ({@code unshare --net --mount --propagation private}) sets the namespace up and then
 * waits: tmpfs over {@code /run} (so {@code ip netns add} and iptables' lock stay private), tmpfs over
 * host-local's default data directory {@code /var/lib/cni} (or, when the host has no /var/lib/cni to mount over,
 * over {@code /var/lib} with the host's entries linked back in), {@code lo} up, and the named netns (the
 * README's {@code failpoint}) created. Commands run inside through {@code nsenter --target PID --net --mount}.
 * Closing the sandbox ends the holder; the namespaces, every link, route, iptables rule and mount in them vanish
 * with it. The holder also ends by itself when the test JVM dies (its stdin closes) or after an hour.
 */
final class NetnsSandbox implements AutoCloseable {

    /** PATH for everything run inside: containerd gives plugins a PATH, and bridge needs iptables on it. */
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private static final String SETUP = """
            set -e
            mount -t tmpfs -o mode=0755 cnifp-e2e-run /run
            mkdir -p /run/netns
            if [ -d /var/lib/cni ]; then
                mount -t tmpfs -o mode=0755 cnifp-e2e-cni /var/lib/cni
            else
                mkdir /run/cnifp-host-var-lib
                mount --bind /var/lib /run/cnifp-host-var-lib
                mount -t tmpfs -o mode=0755 cnifp-e2e-var-lib /var/lib
                for entry in /run/cnifp-host-var-lib/*; do
                    if [ -e "$entry" ]; then ln -s "$entry" /var/lib/; fi
                done
                mkdir /var/lib/cni
            fi
            ip link set lo up
            for name in "$@"; do ip netns add "$name"; done
            echo ready
            exec timeout 3600 cat
            """;

    private final Process holder;
    private final Path holderErrors;

    private NetnsSandbox(Process holder, Path holderErrors) {
        this.holder = holder;
        this.holderErrors = holderErrors;
    }

    /** Starts a sandbox with one named network namespace per argument (e.g. {@code failpoint}). */
    static NetnsSandbox start(String... netnsNames) {
        RealParts.requireNamespaces();
        List<String> argv = new ArrayList<>(List.of(RealParts.UNSHARE.toString(), "--net", "--mount",
                "--propagation", "private", "--", "/bin/sh", "-c", SETUP, "cnifp-e2e-sandbox"));
        argv.addAll(List.of(netnsNames));
        try {
            Path errors = Files.createTempFile("cnifp-e2e-sandbox-", ".stderr");
            ProcessBuilder builder = new ProcessBuilder(argv).redirectError(errors.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", PATH);
            Process holder = builder.start();
            NetnsSandbox sandbox = new NetnsSandbox(holder, errors);
            sandbox.awaitReady();
            sandbox.checkIsolated();
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox holder", e);
        }
    }

    private void awaitReady() throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine(); // the setup script ends (set -e) on any failure, so this cannot hang
        if (!"ready".equals(line)) {
            close();
            throw new IllegalStateException("the sandbox did not come up (first line: " + line + "): "
                    + Files.readString(holderErrors));
        }
    }

    /** Refuses to go on unless the holder really is in namespaces of its own. */
    private void checkIsolated() throws IOException {
        for (String ns : new String[] {"net", "mnt"}) {
            Path ours = Files.readSymbolicLink(Path.of("/proc/self/ns", ns));
            Path its = Files.readSymbolicLink(Path.of("/proc", Long.toString(holder.pid()), "ns", ns));
            if (ours.equals(its)) {
                close();
                throw new IllegalStateException("sandbox holder shares the test's " + ns + " namespace (" + ours + ")");
            }
        }
    }

    long holderPid() {
        return holder.pid();
    }

    /** {@code argv} prefixed so that it runs inside this sandbox's network and mount namespaces. */
    List<String> inside(List<String> argv) {
        List<String> wrapped = new ArrayList<>(List.of(RealParts.NSENTER.toString(), "--target",
                Long.toString(holder.pid()), "--net", "--mount", "--"));
        wrapped.addAll(argv);
        return wrapped;
    }

    /** Runs a command in the machine's own namespaces, to look at them (never to change them), with {@link #PATH}. */
    static CommandResult onHost(String... argv) {
        return ChildProcess.run(List.of(argv), Map.of("PATH", PATH), "", Duration.ofSeconds(10));
    }

    /** Runs a command inside the sandbox (PATH only in its environment) and waits for it. */
    CommandResult exec(String... argv) {
        return ChildProcess.run(inside(List.of(argv)), Map.of("PATH", PATH), "", COMMAND_TIMEOUT);
    }

    /** Runs a command inside the sandbox and fails the test unless it exits 0; returns its stdout. */
    String execOk(String... argv) {
        CommandResult result = exec(argv);
        if (!result.succeeded()) {
            throw new AssertionError("command in the sandbox failed: " + result.describe());
        }
        return result.stdout();
    }

    /**
     * True when {@code ifname} exists in the named netns of this sandbox, false when {@code ip} says it does not; any
     * other failure of the probe (no such netns, no {@code ip}) fails the test, so that "absent" is never a guess.
     */
    boolean linkExists(String netns, String ifname) {
        CommandResult shown = exec("ip", "-n", netns, "link", "show", "dev", ifname);
        if (shown.succeeded()) {
            return true;
        }
        if (shown.stderr().contains("Device \"" + ifname + "\" does not exist")) {
            return false;
        }
        throw new AssertionError("cannot tell whether " + ifname + " exists in " + netns + ": " + shown.describe());
    }

    @Override
    public void close() {
        try {
            holder.getOutputStream().close(); // `cat` sees EOF, the holder exits
            if (!holder.waitFor(5, TimeUnit.SECONDS)) {
                holder.descendants().forEach(ProcessHandle::destroyForcibly);
                holder.destroyForcibly();
                holder.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException ignored) {
            holder.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            holder.destroyForcibly();
        } finally {
            try {
                Files.deleteIfExists(holderErrors);
            } catch (IOException ignored) {
                // leftover temp file only
            }
        }
    }
}

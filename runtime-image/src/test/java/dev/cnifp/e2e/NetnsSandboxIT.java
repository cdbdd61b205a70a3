package dev.cnifp.e2e;

import static dev.cnifp.e2e.NetnsSandbox.onHost;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The harness's own promise: what happens in a sandbox stays there, and nothing of it outlives close(). */
class NetnsSandboxIT {

    private static final String PROBE = "cnifpe2eprobe";

    @Test
    void devicesMountsAndTheNetnsStayInsideAndVanishOnClose() {
        RealParts.requireNamespaces();
        long holder;
        try (NetnsSandbox sandbox = NetnsSandbox.start(SeedExample.NETNS)) {
            holder = sandbox.holderPid();
            sandbox.execOk("ip", "link", "add", PROBE, "type", "bridge");
            sandbox.execOk("sh", "-c", "echo probe > /var/lib/cni/" + PROBE);

            assertTrue(sandbox.linkExists(SeedExample.NETNS, "lo"), "the README's netns `failpoint` is missing");
            assertFalse(sandbox.linkExists(SeedExample.NETNS, PROBE),
                    "the probe link is in the sandbox's own netns, not in `failpoint`");
            assertThrows(AssertionError.class, () -> sandbox.linkExists("no-such-netns", "lo"),
                    "a probe that cannot look must not answer 'absent'");
            assertTrue(sandbox.exec("ip", "link", "show", PROBE).succeeded(), "the probe link is not in the sandbox");
            assertFalse(onHost("ip", "link", "show", PROBE).succeeded(), "the probe link reached the host's netns");
            assertFalse(Files.exists(Path.of("/var/lib/cni", PROBE)), "/var/lib/cni of the sandbox is the host's");
            assertFalse(Files.exists(Path.of("/run/netns", SeedExample.NETNS)), "the netns is visible on the host");
        }
        assertFalse(ProcessHandle.of(holder).map(ProcessHandle::isAlive).orElse(false), "the holder outlived close()");
    }
}

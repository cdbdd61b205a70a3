package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The failpoint file on a file system that refuses the rewrite, full or read-only: the call fails with a CNI error
 * that says why, in Go's words (in place of the delegate's result), the file stays byte for byte as it was, and no temp
 * file is left. Each case mounts a small tmpfs of its own in a throwaway mount namespace (root), with a fake bridge.
 */
class FileSystemFaultsIT {
    private static final String DIR = "/run/cnifp-fs";
    private static final String FILE = DIR + "/fp.json";
    private static final String CONTENT = "{\"cmdAdd\":\"3*error(x)\"}";

    @BeforeAll
    static void needsRoot() {
        RealParts.requireNamespaces();
    }

    @Test
    void aFullFileSystemFailsTheCallAndKeepsTheFile() {
        // The compact file is rewritten indented, so it needs a new, larger file: there is no room for it.
        String fill = "dd if=/dev/zero of=" + DIR + "/fill bs=1k 2>/dev/null || true";
        assertRefused(fill, "failed to write failpoint conf " + FILE + ": no space left on device", ". .. fill fp.json");
    }

    @Test
    void aReadOnlyFileSystemFailsTheCallAndKeepsTheFile() {
        // The Go plugin opens the file read-write too, so the open is what fails.
        assertRefused("mount -o remount,ro " + DIR, "failed to open confPath " + FILE + ": open " + FILE
                + ": read-only file system", ". .. fp.json");
    }

    private static void assertRefused(String fault, String message, String entriesAfter) {
        try (NetnsSandbox sandbox = NetnsSandbox.start();
                CniPath cniPath = CniPath.withFakeBridge(PluginBinary.locate(), PluginWithFakeBridge.CANNED_RESULT)) {
            sandbox.execOk("sh", "-c", "set -e; mkdir " + DIR + "; mount -t tmpfs -o size=64k cnifp-fs " + DIR
                    + "; printf '%s' '" + CONTENT + "' >" + FILE + "; " + fault);

            PluginRun add = PluginRunner.inSandbox(sandbox, cniPath)
                    .run("ADD", PluginWithFakeBridge.netconf(FILE), PluginWithFakeBridge.ENV);

            assertEquals("{\n    \"code\": 999,\n    \"msg\": \"" + message + "\"\n}", add.stdout(), add::describe);
            assertEquals(1, add.exitCode(), add::describe);
            assertEquals(CONTENT, sandbox.execOk("cat", FILE), "the file as it was");
            assertEquals(entriesAfter, String.join(" ", sandbox.execOk("ls", "-a", DIR).split("\n")),
                    "no temp file left");
            assertEquals("", add.stderr(), add::describe);
        }
    }
}

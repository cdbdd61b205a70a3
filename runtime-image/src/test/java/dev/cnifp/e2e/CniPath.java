package dev.cnifp.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A CNI bin directory made for one test, shaped like /opt/cni/bin: {@code cni-bridge-fp} (a symlink to the
 * binary under test, as the image's install.sh makes it) next to the delegates it calls. It lives in a temp
 * directory of its own (not a JUnit {@code @TempDir}, which warns about every link pointing outside it) and is
 * removed by {@link #close}.
 */
final class CniPath implements AutoCloseable {

    private final Path dir;

    private CniPath(Path dir) {
        this.dir = dir;
    }

    /** {@code cni-bridge-fp} plus links to Debian's real plugins in /usr/lib/cni ({@link RealParts#REAL_PLUGINS}). */
    static CniPath withRealPlugins(Path plugin) {
        CniPath path = empty(plugin);
        for (String name : RealParts.REAL_PLUGINS) {
            path.link(name, RealParts.CNI_PLUGIN_DIR.resolve(name));
        }
        return path;
    }

    /**
     * {@code cni-bridge-fp} plus a fake {@code bridge}: a shell script that reads its stdin and prints
     * {@code cannedResult}. Nothing in this directory can touch a network, so a plugin run with it may run
     * outside any sandbox.
     */
    static CniPath withFakeBridge(Path plugin, String cannedResult) {
        return withFakeDelegate(plugin, "bridge", cannedResult, 0);
    }

    /**
     * {@code cni-bridge-fp} plus one fake delegate called {@code name}: it reads its stdin, prints
     * {@code stdout} and exits with {@code exitCode}, whatever the command.
     */
    static CniPath withFakeDelegate(Path plugin, String name, String stdout, int exitCode) {
        return withDelegateRunning(plugin, name, "printf '%s' '" + stdout.replace("'", "'\\''") + "'\nexit "
                + exitCode);
    }

    /** {@code cni-bridge-fp} plus one delegate called {@code name}, a script: it reads stdin, then runs {@code shellCode}. */
    static CniPath withDelegateRunning(Path plugin, String name, String shellCode) {
        CniPath path = empty(plugin);
        path.script(name, "#!/bin/sh\ncat >/dev/null\n" + shellCode + "\n");
        return path;
    }

    private static CniPath empty(Path plugin) {
        try {
            Path dir = Files.createTempDirectory("cnifp-e2e-cni-bin-");
            CniPath path = new CniPath(dir);
            path.link("cni-bridge-fp", plugin);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory, with a trailing slash as in the README's {@code CNI_PATH=/opt/cni/bin/}. */
    String envValue() {
        return dir + "/";
    }

    Path dir() {
        return dir;
    }

    Path plugin() {
        return dir.resolve("cni-bridge-fp");
    }

    private void link(String name, Path target) {
        try {
            Files.createSymbolicLink(dir.resolve(name), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void script(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the directory and its links and scripts (never what the links point to). */
    @Override
    public void close() {
        try (var entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                Files.delete(entry);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}

package dev.cnifp.cni.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Compares device and inode of a namespace path with those of {@code /proc/self/ns/net}. */
public final class ProcNetnsProbe implements NetnsProbe {
    /** A string until used: a Path made while the process starts would pull the file system set-up onto its path. */
    private final String own;

    public ProcNetnsProbe() {
        this.own = "/proc/self/ns/net";
    }

    /** For tests: {@code own} stands for the plugin's namespace file. */
    public ProcNetnsProbe(Path own) {
        this.own = Objects.requireNonNull(own, "own").toString();
    }

    @Override
    public boolean isPluginNetns(String path) throws CniException {
        Optional<Object> target = identity(path);
        if (target.isEmpty()) {
            return false;
        }
        Optional<Object> mine = identity(Path.of(own));
        if (mine.isEmpty()) {
            throw new CniException(ErrorCode.INVALID_NETNS, "get plugin's netns failed");
        }
        return target.equals(mine);
    }

    private static Optional<Object> identity(String path) {
        if (path.isEmpty()) {
            return Optional.empty(); // Path.of("") would be the working directory; Go's open("") fails
        }
        try {
            return identity(Path.of(path));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Device and inode, or empty when the path cannot be opened for reading, as Go's probe opens it. */
    private static Optional<Object> identity(Path path) {
        try {
            Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino");
            if (!Files.isReadable(path)) {
                return Optional.empty();
            }
            return Optional.of(java.util.List.of(attributes.get("dev"), attributes.get("ino")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }
}

package dev.cnifp.cni.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A descriptor on the failpoint file that holds {@code flock(LOCK_EX)} and was checked, after the lock was granted,
 * to be the file the path still names. Writers replace the file by rename while holding the lock on the old inode, so
 * a process that waited on that old inode finds the path moved on, lets go, and locks the new file instead. That
 * check is what the Go plugin lacks (it loses updates); the lock itself is the same flock the Go plugin takes.
 */
final class LockedFile implements AutoCloseable {
    /** Far more than contention can cause (each retry means another process completed an update). */
    private static final int MAX_ATTEMPTS = 10_000;
    private static final int OPEN_FLAGS = LibC.O_RDWR | LibC.O_CLOEXEC | LibC.O_NOCTTY | LibC.O_NONBLOCK;

    private final int fd;
    private final Path realPath;
    private final FileStatus status;

    private LockedFile(int fd, Path realPath, FileStatus status) {
        this.fd = fd;
        this.realPath = realPath;
        this.status = status;
    }

    /**
     * Resolves symlinks (so a symlinked confpath stays a symlink and its target is what gets replaced), opens the
     * file read-write like the Go plugin does, and locks it.
     */
    static LockedFile lock(String confPath, Path path) throws StateException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Path realPath;
            int fd;
            try {
                realPath = path.toRealPath();
                fd = LibC.open(realPath.toString(), OPEN_FLAGS);
            } catch (IOException e) {
                throw openFailed(confPath, SystemErrors.describe(e));
            } catch (ErrnoException e) {
                throw openFailed(confPath, e.reason());
            }
            LockedFile locked = null;
            try {
                locked = lockIfStillNamed(confPath, fd, realPath);
            } finally {
                if (locked == null) {
                    closeQuietly(fd);
                }
            }
            if (locked != null) {
                return locked;
            }
        }
        throw new StateException("failed to lock confPath " + confPath + ": the file keeps being replaced");
    }

    /** Returns null when the path no longer names the locked file. */
    private static LockedFile lockIfStillNamed(String confPath, int fd, Path realPath) throws StateException {
        FileStatus opened;
        try {
            opened = FileStatus.ofDescriptor(fd);
        } catch (IOException e) {
            throw new StateException("failed to open confPath " + confPath + ": stat " + FileStatus.descriptorPath(fd)
                    + ": " + SystemErrors.describe(e));
        }
        if (!opened.isRegularFile()) {
            throw new StateException("failed to open confPath " + confPath + ": not a regular file");
        }
        try {
            LibC.flock(fd, LibC.LOCK_EX);
        } catch (ErrnoException e) {
            throw new StateException("failed to lock confPath " + confPath + ": " + e.reason());
        }
        FileStatus named;
        try {
            named = FileStatus.of(realPath, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // removed or renamed away while we waited; resolve the path again
        }
        return named.sameFileAs(opened) ? new LockedFile(fd, realPath, opened) : null;
    }

    private static StateException openFailed(String confPath, String reason) {
        return new StateException("failed to open confPath " + confPath + ": open " + confPath + ": " + reason);
    }

    /** The locked file's content, read through the descriptor's inode (not through the path). */
    byte[] readAll(String confPath, long maxBytes) throws StateException {
        if (status.size() > maxBytes) {
            throw new StateException("failed to read confPath " + confPath + ": file is larger than "
                    + maxBytes + " bytes");
        }
        try {
            return Files.readAllBytes(FileStatus.descriptorPath(fd));
        } catch (IOException e) {
            throw new StateException("failed to read confPath " + confPath + ": " + SystemErrors.describe(e));
        }
    }

    /** The file after symlinks were resolved: the name that gets replaced. */
    Path realPath() {
        return realPath;
    }

    /** Status as of locking: the mode and owner a replacement must keep. */
    FileStatus status() {
        return status;
    }

    /** Unlocks and closes. Closing alone would release the lock; unlocking first just makes it explicit. */
    @Override
    public void close() {
        try {
            LibC.flock(fd, LibC.LOCK_UN);
        } catch (ErrnoException ignored) {
            // close below releases the lock anyway
        }
        closeQuietly(fd);
    }

    private static void closeQuietly(int fd) {
        try {
            LibC.close(fd);
        } catch (ErrnoException ignored) {
            // the descriptor is gone either way (Linux close semantics); nothing was written through it
        }
    }
}

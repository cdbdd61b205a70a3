package dev.cnifp.cni.state;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An open channel on the failpoint file that holds an exclusive lock and was checked, after the lock was granted, to
 * be the file the path still names. Writers replace the file by rename while holding the lock on the old inode, so a
 * process that waited on that old inode finds the path moved on, lets go, and locks the new file instead. That check
 * is what the Go plugin lacks (it loses updates).
 *
 * <p>The lock is Java's {@link FileChannel#lock()}, an fcntl record lock. It does not exclude {@code flock(2)}
 * holders such as the Go plugin, so the two plugins must not share a file at the same time. We accept that rather
 * than call flock(2) through FFM: linking a downcall costs a cold JVM 50 to 100 ms, several times the rest of a call.
 * fcntl locks belong to the process and are dropped when it closes any descriptor of the file, so the file is read
 * through this channel only, never opened a second time while locked.
 */
final class LockedFile implements AutoCloseable {
    /** Far more than contention can cause (each retry means another process completed an update). */
    private static final int MAX_ATTEMPTS = 10_000;
    private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");
    private static final File OWN_DESCRIPTORS_DIRECTORY = OWN_DESCRIPTORS.toFile();
    /**
     * fcntl locks belong to the process: they do not exclude two threads of one JVM (Java throws
     * OverlappingFileLockException instead), and one thread closing its descriptor would drop another's lock. This
     * process-wide mutex gives threads the exclusion the file lock gives processes.
     */
    private static final ReentrantLock THIS_PROCESS = new ReentrantLock();

    private final FileChannel channel;
    private final Path realPath;
    private final long sizeWhenLocked;

    private LockedFile(FileChannel channel, Path realPath, long sizeWhenLocked) {
        this.channel = channel;
        this.realPath = realPath;
        this.sizeWhenLocked = sizeWhenLocked;
    }

    /**
     * Resolves symlinks (so a symlinked confpath stays a symlink and its target is what gets replaced), opens the
     * existing file read-write like the Go plugin does, and locks it.
     */
    static LockedFile lock(String confPath, Path path) throws StateException {
        THIS_PROCESS.lock();
        boolean locked = false;
        try {
            LockedFile file = lockFile(confPath, path);
            locked = true;
            return file;
        } finally {
            if (!locked) {
                THIS_PROCESS.unlock();
            }
        }
    }

    private static LockedFile lockFile(String confPath, Path path) throws StateException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Path realPath;
            FileChannel channel;
            try {
                realPath = path.toRealPath();
                // Refuse FIFOs and devices before opening: opening them can block or have side effects.
                BasicFileAttributes named = Files.readAttributes(realPath, BasicFileAttributes.class);
                if (confPath.endsWith("/") && !named.isDirectory()) {
                    // Path.of drops a trailing slash; open(2), as Go calls it, requires a directory after one.
                    throw openFailed(confPath, "not a directory");
                }
                if (named.isDirectory()) {
                    throw openFailed(confPath, "is a directory");
                }
                if (!named.isRegularFile()) {
                    throw new StateException("failed to open confPath " + confPath + ": not a regular file");
                }
                channel = FileChannel.open(realPath, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw openFailed(confPath, SystemErrors.describe(e));
            }
            LockedFile locked = null;
            try {
                locked = lockIfStillNamed(confPath, channel, realPath);
            } finally {
                if (locked == null) {
                    closeQuietly(channel);
                }
            }
            if (locked != null) {
                return locked;
            }
        }
        throw new StateException("failed to lock confPath " + confPath + ": the file keeps being replaced");
    }

    /**
     * Returns null when the path no longer names the file the channel has open. Files are compared by their
     * {@code fileKey()}, device and inode on Linux. Basic attributes, not the {@code unix:} view: reading those
     * means parsing an attribute list into a map, ~40 µs a call in the cold plugin against ~4.
     */
    private static LockedFile lockIfStillNamed(String confPath, FileChannel channel, Path realPath)
            throws StateException {
        BasicFileAttributes opened;
        try {
            opened = Files.readAttributes(ownDescriptorOf(realPath), BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // replaced between open and the look-up; start again on what the path names now
        }
        if (!opened.isRegularFile()) {
            throw new StateException("failed to open confPath " + confPath + ": not a regular file");
        }
        try {
            channel.lock();
        } catch (IOException e) {
            throw new StateException("failed to lock confPath " + confPath + ": " + SystemErrors.describe(e));
        }
        BasicFileAttributes named;
        try {
            named = Files.readAttributes(realPath, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // removed or renamed away while we waited; resolve the path again
        }
        // The default file system always has file keys; a null would only mean "start again".
        boolean same = opened.fileKey() != null && opened.fileKey().equals(named.fileKey());
        return same ? new LockedFile(channel, realPath, named.size()) : null; // the size under the lock
    }

    /**
     * The {@code /proc/self/fd} entry of the descriptor this process has open on {@code realPath}: Java does not
     * expose a channel's descriptor, and the identity (device, inode) of what was opened must come from the
     * descriptor, not from the path, which another process may replace at any moment.
     *
     * <p>The plugin opens the file exactly once, so one entry names it. The entries are tried from the highest number
     * down, because the descriptor just opened is usually the newest, and the first that names the path is taken: this
     * saves resolving a dozen links (~0.25 ms in the cold plugin). A descriptor whose file was replaced or renamed no
     * longer names the path; when none does, the caller starts again on what the path names now. Another descriptor
     * of this process that names the path is open on the file the path names, which is all the caller needs to know,
     * with one exception that only code opening the file a second time in the same process can meet: when the file
     * this channel opened is replaced before the look-up, such a descriptor on the replacement is taken for it.
     */
    private static Path ownDescriptorOf(Path realPath) throws IOException {
        String live = realPath.toString();
        String[] descriptors = OWN_DESCRIPTORS_DIRECTORY.list(); // names are digits: java.io decodes them losslessly
        if (descriptors == null) {
            throw new IOException("cannot list " + OWN_DESCRIPTORS);
        }
        boolean ascii = AsciiNames.isAscii(live);
        // procfs lists descriptors in ascending order; another order would only cost time
        for (int i = descriptors.length - 1; i >= 0; i--) {
            if (live.equals(ascii ? canonicalTarget(descriptors[i]) : linkTarget(descriptors[i]))) {
                return OWN_DESCRIPTORS.resolve(descriptors[i]);
            }
        }
        throw new IOException("no descriptor open on " + live);
    }

    /**
     * Where a descriptor's link leads, resolved by the C library's realpath through java.io: several times cheaper in
     * the cold, interpreted plugin than {@link #linkTarget}. java.io decodes paths with the platform charset, which
     * can lose non-ASCII bytes, hence for ASCII paths only. The link of a descriptor whose file was replaced reads
     * "PATH (deleted)", which resolves to no file. Null when it cannot be resolved (closed meanwhile, say).
     */
    private static String canonicalTarget(String descriptor) {
        try {
            return new File(OWN_DESCRIPTORS_DIRECTORY, descriptor).getCanonicalPath();
        } catch (IOException e) {
            return null;
        }
    }

    /** A descriptor's link as the kernel writes it, or null when it cannot be read (closed meanwhile, say). */
    private static String linkTarget(String descriptor) {
        try {
            return Files.readSymbolicLink(OWN_DESCRIPTORS.resolve(descriptor)).toString();
        } catch (IOException e) {
            return null;
        }
    }

    private static StateException openFailed(String confPath, String reason) {
        return new StateException("failed to open confPath " + confPath + ": open " + confPath + ": " + reason);
    }

    /** The locked file's content, read through the locked channel (not through the path). */
    byte[] readAll(String confPath, long maxBytes) throws StateException {
        if (sizeWhenLocked > maxBytes) {
            throw new StateException("failed to read confPath " + confPath + ": file is larger than "
                    + maxBytes + " bytes");
        }
        try {
            ByteBuffer buffer = ByteBuffer.allocate((int) sizeWhenLocked + 1);
            long position = 0;
            while (true) {
                if (!buffer.hasRemaining()) {
                    if (buffer.capacity() > maxBytes) {
                        throw new StateException("failed to read confPath " + confPath + ": file is larger than "
                                + maxBytes + " bytes");
                    }
                    buffer = ByteBuffer.allocate(buffer.capacity() * 2).put(buffer.flip());
                }
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                position += read;
            }
            if (position > maxBytes) { // grown since the lock by a writer that does not lock, past the last doubling
                throw new StateException("failed to read confPath " + confPath + ": file is larger than "
                        + maxBytes + " bytes");
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        } catch (IOException e) {
            throw new StateException("failed to read confPath " + confPath + ": " + SystemErrors.describe(e));
        }
    }

    /** The file after symlinks were resolved: the name that gets replaced. */
    Path realPath() {
        return realPath;
    }

    /** Closing the channel releases the lock. */
    @Override
    public void close() {
        try {
            closeQuietly(channel);
        } finally {
            THIS_PROCESS.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the descriptor is gone either way (Linux close semantics); nothing was written through it
        }
    }
}

package dev.cnifp.cni.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces a file's content all at once: a temp file {@code .<name>.<16 hex digits>.tmp} in the same directory gets
 * the bytes, the old file's owner and mode, and an fsync; then it is renamed over the file and the directory is
 * fsynced. A reader sees the old file or the new one, never a mix, even if the writer is killed at any point.
 *
 * <p>A writer killed before its rename leaves its temp file behind. The next writer of the same file deletes such
 * leftovers ({@link #sweepStaleTemps}) once they are older than {@link #STALE_TEMP_AGE_MILLIS}: a live writer's temp
 * file exists for milliseconds.
 *
 * <p>Times are plain epoch milliseconds and temp names come from a small mixer, not java.time or ThreadLocalRandom:
 * in a cold JVM those cost every write a few hundred microseconds of class initialisation (Duration alone pulls in
 * BigInteger).
 */
final class AtomicReplacement {
    static final long STALE_TEMP_AGE_MILLIS = 5 * 60 * 1000L;
    private static final int CREATE_ATTEMPTS = 16;
    /** Distinct per attempt within this process; the clock makes it distinct across processes. */
    private static final AtomicLong TEMP_NAME_SEQUENCE = new AtomicLong();

    private AtomicReplacement() {}

    /**
     * Writes {@code content} as the new {@code target}, keeping the target's mode and (when permitted) owner and
     * group. {@code target} is a real path (no symbolic link) that the caller holds locked. Throws with the reason on
     * failure; the target is then unchanged.
     */
    static void replace(Path target, byte[] content) throws IOException {
        ModeAndOwner original = ModeAndOwner.of(target, LinkOption.NOFOLLOW_LINKS);
        Path directory = target.getParent();
        String name = target.getFileName().toString();
        Path temp = null;
        try {
            try (TempFile created = createTemp(directory, name, original.permissions())) {
                temp = created.path();
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    created.channel().write(buffer);
                }
                copyOwnerAndMode(temp, original);
                created.channel().force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (temp != null) {
                deleteQuietly(temp);
            }
            throw e;
        }
        syncDirectory(directory);
    }

    /**
     * Deletes temp files of {@code target} older than {@link #STALE_TEMP_AGE_MILLIS}. Needs no lock (a live writer's
     * temp file is younger), so callers run it after unlocking, off the path other processes wait on.
     */
    static void sweepStaleTemps(Path target) {
        String name = target.getFileName().toString();
        long staleBefore = System.currentTimeMillis() - STALE_TEMP_AGE_MILLIS;
        Path directory = target.getParent();
        if (AsciiNames.isAscii(name)) {
            // java.io's listing gives plain names: in the cold, interpreted plugin about 1 µs an entry against ~7 for
            // a DirectoryStream's Paths, and the directory may be a busy one such as /tmp. It decodes names with the
            // platform charset, which can lose non-ASCII bytes; a temp name of an ASCII file name is ASCII, so
            // every match is exact.
            String[] entries = directory.toFile().list();
            if (entries != null) {
                for (String entry : entries) {
                    if (isTempName(entry, name)) {
                        deleteIfOlder(directory.resolve(entry), staleBefore);
                    }
                }
            }
            return;
        }
        DirectoryStream.Filter<Path> filter = p -> isTempName(p.getFileName().toString(), name);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, filter)) {
            for (Path leftover : leftovers) {
                deleteIfOlder(leftover, staleBefore);
            }
        } catch (IOException | DirectoryIteratorException e) {
            // best effort: a leftover that cannot be listed or removed does no harm beyond its disk space
        }
    }

    /**
     * Whether {@code candidate} is a temp name of the file {@code name}: {@code .NAME.} then 16 lowercase hex digits
     * then {@code .tmp}. Checked without a regex, which a cold JVM would compile on every write (~0.5 ms).
     */
    static boolean isTempName(String candidate, String name) {
        int hexStart = name.length() + 2;
        if (candidate.length() != hexStart + 16 + 4 || candidate.charAt(0) != '.' || !candidate.startsWith(name, 1)
                || candidate.charAt(hexStart - 1) != '.' || !candidate.endsWith(".tmp")) {
            return false;
        }
        for (int i = hexStart; i < hexStart + 16; i++) {
            char c = candidate.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private record TempFile(Path path, FileChannel channel) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * Created with the permission bits the replacement will have (less the umask), so that the chmod afterwards is
     * usually not needed: it would cost an open, an fchmod and a close. The content is the file's own, which is
     * readable at those permissions already.
     */
    private static TempFile createTemp(Path directory, String name, int permissions) throws IOException {
        Set<PosixFilePermission> initial = rwxBits(permissions);
        for (int attempt = 1; ; attempt++) {
            Path temp = directory.resolve("." + name + "." + tempNameDigits() + ".tmp");
            try {
                return new TempFile(temp, FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(initial)));
            } catch (FileAlreadyExistsException e) {
                if (attempt == CREATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * 16 hex digits that differ between attempts and, with overwhelming likelihood, between processes. Uniqueness is
     * not relied on: the temp file is created with CREATE_NEW and a clash only costs another attempt.
     */
    static String tempNameDigits() {
        long z = System.nanoTime() ^ (System.currentTimeMillis() << 20)
                ^ (TEMP_NAME_SEQUENCE.incrementAndGet() * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L; // SplitMix64's finaliser: every input bit reaches every digit
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        char[] digits = new char[16];
        for (int i = 15; i >= 0; i--, z >>>= 4) {
            digits[i] = Character.forDigit((int) (z & 0xF), 16);
        }
        return new String(digits);
    }

    /** The nine rwx bits of {@code mode} as a set (a HashSet: an EnumSet would reflect on the enum's values()). */
    private static Set<PosixFilePermission> rwxBits(int mode) {
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ (0400) ... OTHERS_EXECUTE (0001)
        Set<PosixFilePermission> set = new HashSet<>();
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    /**
     * chown before chmod: chown may clear set-id bits. Owner and group are kept only where the kernel lets us. The
     * mode is set when it differs: when the umask took bits away, or the file has set-id or sticky bits.
     */
    private static void copyOwnerAndMode(Path temp, ModeAndOwner original) throws IOException {
        ModeAndOwner created = ModeAndOwner.of(temp, LinkOption.NOFOLLOW_LINKS);
        if (created.uid() != original.uid()) {
            setQuietly(temp, "unix:uid", original.uid());
        }
        if (created.gid() != original.gid()) {
            setQuietly(temp, "unix:gid", original.gid());
        }
        if (created.permissions() != original.permissions()) {
            Files.setAttribute(temp, "unix:mode", original.permissions(), LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static void setQuietly(Path path, String attribute, int value) {
        try {
            Files.setAttribute(path, attribute, value, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException notPermitted) {
            // an unprivileged writer cannot give files away; the replacement then belongs to it
        }
    }

    private static void deleteIfOlder(Path leftover, long staleBeforeMillis) {
        try {
            if (Files.getLastModifiedTime(leftover, LinkOption.NOFOLLOW_LINKS).toMillis() < staleBeforeMillis) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            // gone already, or not ours to delete
        }
    }

    /** Makes the rename durable. Best effort: the new content is already in place and complete either way. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems refuse to fsync directories
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // left for the sweep of the next writer
        }
    }
}

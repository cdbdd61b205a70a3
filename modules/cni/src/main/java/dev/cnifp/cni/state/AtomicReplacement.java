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
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Replaces a file's content all at once: a temp file {@code .<name>.<16 hex digits>.tmp} in the same directory gets
 * the bytes, the old file's owner and mode, and an fsync; then it is renamed over the file and the directory is
 * fsynced. A reader sees the old file or the new one, never a mix, even if the writer is killed at any point.
 *
 * <p>A writer killed before its rename leaves its temp file behind. The next writer of the same file deletes such
 * leftovers once they are older than {@link #STALE_TEMP_AGE}; only the lock holder writes, so a live writer's temp
 * file is never that old.
 */
final class AtomicReplacement {
    static final Duration STALE_TEMP_AGE = Duration.ofMinutes(5);
    private static final int CREATE_ATTEMPTS = 16;

    private AtomicReplacement() {}

    /**
     * Writes {@code content} as the new {@code target}, keeping the mode and (when permitted) owner and group of
     * {@code original}. Throws with the reason on failure; the target is then unchanged.
     */
    static void replace(Path target, FileStatus original, byte[] content) throws IOException {
        Path directory = target.getParent();
        String name = target.getFileName().toString();
        sweepStaleTemps(directory, name, Instant.now().minus(STALE_TEMP_AGE));
        Path temp = createTemp(directory, name);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                copyOwnerAndMode(temp, original);
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        syncDirectory(directory);
    }

    static Pattern tempNamePattern(String name) {
        return Pattern.compile("\\." + Pattern.quote(name) + "\\.[0-9a-f]{16}\\.tmp");
    }

    private static Path createTemp(Path directory, String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            Path temp = directory.resolve("." + name + "." + random + ".tmp");
            try {
                return Files.createFile(temp, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                if (attempt == CREATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** chown before chmod: chown may clear set-id bits. Owner and group are kept only where the kernel lets us. */
    private static void copyOwnerAndMode(Path temp, FileStatus original) throws IOException {
        FileStatus created = FileStatus.of(temp, LinkOption.NOFOLLOW_LINKS);
        if (created.uid() != original.uid()) {
            setQuietly(temp, "unix:uid", original.uid());
        }
        if (created.gid() != original.gid()) {
            setQuietly(temp, "unix:gid", original.gid());
        }
        Files.setAttribute(temp, "unix:mode", original.permissions(), LinkOption.NOFOLLOW_LINKS);
    }

    private static void setQuietly(Path path, String attribute, int value) {
        try {
            Files.setAttribute(path, attribute, value, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException notPermitted) {
            // an unprivileged writer cannot give files away; the replacement then belongs to it
        }
    }

    private static void sweepStaleTemps(Path directory, String name, Instant staleBefore) {
        Pattern tempName = tempNamePattern(name);
        DirectoryStream.Filter<Path> filter = p -> tempName.matcher(p.getFileName().toString()).matches();
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, filter)) {
            for (Path leftover : leftovers) {
                deleteIfOlder(leftover, staleBefore);
            }
        } catch (IOException | DirectoryIteratorException e) {
            // best effort: a leftover that cannot be listed or removed does no harm beyond its disk space
        }
    }

    private static void deleteIfOlder(Path leftover, Instant staleBefore) {
        try {
            FileTime modified = Files.getLastModifiedTime(leftover, LinkOption.NOFOLLOW_LINKS);
            if (modified.toInstant().isBefore(staleBefore)) {
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

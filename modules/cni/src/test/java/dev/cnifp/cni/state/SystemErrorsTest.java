package dev.cnifp.cni.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/**
 * Java's error texts in Go's wording: what a failed open, write, fsync or lock says in the CNI error. Some are only
 * met unprivileged (permission denied) or on unusual file systems, which the suite, run as root on a local disk,
 * cannot provoke through a real file (FileSystemFaultsIT provokes a full and a read-only one).
 */
class SystemErrorsTest {

    @Test
    void typedExceptionsReadLikeGosErrno() {
        assertEquals("no such file or directory", SystemErrors.describe(new NoSuchFileException("/f")));
        assertEquals("permission denied", SystemErrors.describe(new AccessDeniedException("/f")));
        assertEquals("not a directory", SystemErrors.describe(new NotDirectoryException("/f")));
        assertEquals("read-only file system",
                SystemErrors.describe(new FileSystemException("/f", null, "Read-only file system")));
    }

    @Test
    void strerrorTextsFromAChannelReadAsGoPrintsThem() {
        assertEquals("no space left on device", SystemErrors.describe(new IOException("No space left on device")),
                "a channel's write or force");
        assertEquals("no locks available", SystemErrors.describe(new IOException("No locks available")));
    }

    @Test
    void wordsInCapitalsAndMessagelessErrorsAreKept() {
        assertEquals("EOF reached", SystemErrors.describe(new IOException("EOF reached")));
        assertEquals("x", SystemErrors.describe(new IOException("x")));
        assertEquals("IOException", SystemErrors.describe(new IOException()));
        assertEquals("FileSystemException", SystemErrors.describe(new FileSystemException(null)));
    }
}

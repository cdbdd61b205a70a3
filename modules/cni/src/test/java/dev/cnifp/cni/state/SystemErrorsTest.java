package dev.cnifp.cni.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** Java's error texts in Go's wording: what a failed open, write, fsync or lock says in the CNI error. */
class SystemErrorsTest {

    @Test
    void strerrorTextsReadAsGoPrintsThem() {
        assertEquals("no space left on device", SystemErrors.describe(new IOException("No space left on device")),
                "a channel's write or force");
        assertEquals("no locks available", SystemErrors.describe(new IOException("No locks available")));
        assertEquals("read-only file system",
                SystemErrors.describe(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals("permission denied", SystemErrors.describe(new AccessDeniedException("/x")));
    }

    @Test
    void wordsInCapitalsAndMessagelessErrorsAreKept() {
        assertEquals("EOF reached", SystemErrors.describe(new IOException("EOF reached")));
        assertEquals("IOException", SystemErrors.describe(new IOException()));
        assertEquals("x", SystemErrors.describe(new IOException("x")));
    }
}

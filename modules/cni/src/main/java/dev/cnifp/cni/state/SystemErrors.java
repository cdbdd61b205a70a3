package dev.cnifp.cni.state;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Go's wording for system errors ({@code syscall.Errno.Error()}), so messages read like the Go plugin's. */
final class SystemErrors {
    private SystemErrors() {}

    /**
     * The reason of a failed file operation, without the path Java puts in front of it. Java words the three errors
     * it has classes for itself; any other reason is glibc's strerror text, which Go prints with a lower-case first
     * letter.
     */
    static String describe(IOException e) {
        // No pattern switch in this file: its indy bootstrap (SwitchBootstraps) costs a cold JVM tens of ms.
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof NotDirectoryException) {
            return "not a directory";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return lowerFirst(fse.getReason());
        }
        // A channel's read, write, force or lock throws a plain IOException with the strerror text as its message.
        return e.getMessage() != null ? lowerFirst(e.getMessage()) : e.getClass().getSimpleName();
    }

    /** "No space left on device" as Go prints it; a word in capitals ("EOF") stays as it is. */
    private static String lowerFirst(String reason) {
        if (reason.length() < 2 || !Character.isUpperCase(reason.charAt(0)) || Character.isUpperCase(reason.charAt(1))) {
            return reason;
        }
        return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}

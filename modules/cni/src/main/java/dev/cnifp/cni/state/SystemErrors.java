package dev.cnifp.cni.state;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Go's wording for system errors ({@code syscall.Errno.Error()}), so messages read like the Go plugin's. */
final class SystemErrors {
    private SystemErrors() {}

    static String describe(int errno) {
        return switch (errno) {
            case 1 -> "operation not permitted";
            case 2 -> "no such file or directory";
            case 4 -> "interrupted system call";
            case 5 -> "input/output error";
            case 6 -> "no such device or address";
            case 9 -> "bad file descriptor";
            case 11 -> "resource temporarily unavailable";
            case 12 -> "cannot allocate memory";
            case 13 -> "permission denied";
            case 16 -> "device or resource busy";
            case 19 -> "no such device";
            case 20 -> "not a directory";
            case 21 -> "is a directory";
            case 22 -> "invalid argument";
            case 23 -> "too many open files in system";
            case 24 -> "too many open files";
            case 26 -> "text file busy";
            case 27 -> "file too large";
            case 28 -> "no space left on device";
            case 30 -> "read-only file system";
            case 36 -> "file name too long";
            case 37 -> "no locks available";
            case 40 -> "too many levels of symbolic links";
            case 95 -> "operation not supported";
            case 122 -> "disk quota exceeded";
            default -> "errno " + errno;
        };
    }

    /** The reason of a failed file operation, without the path Java puts in front of it. */
    static String describe(IOException e) {
        // No pattern switch in this file: its indy bootstrap (SwitchBootstraps) costs a cold JVM tens of ms.
        if (e instanceof NoSuchFileException) {
            return describe(2);
        } else if (e instanceof AccessDeniedException) {
            return describe(13);
        } else if (e instanceof NotDirectoryException) {
            return describe(20);
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return lowerFirst(fse.getReason());
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String lowerFirst(String reason) {
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}

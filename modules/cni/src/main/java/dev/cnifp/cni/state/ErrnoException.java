package dev.cnifp.cni.state;

import java.io.Serial;

/** A libc call returned -1; carries the errno it set. */
final class ErrnoException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int errno;

    ErrnoException(String call, int errno) {
        super(call + ": " + SystemErrors.describe(errno));
        this.errno = errno;
    }

    /** Go's text for the errno, e.g. {@code no such file or directory}. */
    String reason() {
        return SystemErrors.describe(errno);
    }
}

package dev.cnifp.cni.state;

import java.io.Serial;

/**
 * A failpoint file could not be located, locked, read, parsed or written. The message is the CNI error message
 * (code 999); it names the path but never quotes the file's content.
 */
public final class StateException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public StateException(String message) {
        super(message);
    }
}

package dev.cnifp.core.spi;

/** Thrown by {@link FailpointAction#bind} when an argument is not acceptable; the message says what is expected. */
public class InvalidArgumentException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(message);
    }
}

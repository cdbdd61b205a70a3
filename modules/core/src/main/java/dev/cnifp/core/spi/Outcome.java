package dev.cnifp.core.spi;

import java.util.Objects;

/** What firing an action asks of the driver: carry on, fail the call, or end the process. */
public sealed interface Outcome {

    /** Carry on with the real work, e.g. delegate to bridge. */
    record Proceed() implements Outcome {}

    /**
     * Fail the call with an error the caller sees: in the CNI plugin, {@code {"code": code, "msg": message,
     * "details": details}} on stdout and exit 1. {@code code} is never negative; {@code details} may be {@code null}.
     */
    record Fail(int code, String message, String details) implements Outcome {
        public Fail {
            Objects.requireNonNull(message, "message");
            if (code < 0) {
                throw new IllegalArgumentException("an error code is never negative, got " + code);
            }
        }
    }

    /** Die the way a Go program panics: {@code panic: message} and a trace on stderr, nothing on stdout, exit 2. */
    record Panic(String message) implements Outcome {
        public Panic {
            Objects.requireNonNull(message, "message");
        }
    }

    /** End the process at once with this exit status (0 to 255, what a process can exit with) and no output. */
    record Exit(int status) implements Outcome {
        public Exit {
            if (status < 0 || status > 255) {
                throw new IllegalArgumentException("an exit status is 0 to 255, got " + status);
            }
        }
    }

    Outcome PROCEED = new Proceed();
}

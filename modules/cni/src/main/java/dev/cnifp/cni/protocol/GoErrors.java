package dev.cnifp.cni.protocol;

import java.io.IOException;
import java.util.Locale;

/** Java I/O errors worded like Go's {@code *os.PathError}s for the few places the protocol quotes them. */
final class GoErrors {
    private GoErrors() {}

    /**
     * {@code read /dev/stdin: bad file descriptor}: Go prints the operation, the file and the lower-case errno text;
     * Java gives the errno text (capitalised) as the message.
     */
    static String readError(IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int paren = reason.indexOf(" (");
        if (paren > 0) {
            reason = reason.substring(0, paren); // e.g. "Is a directory (read failed)"
        }
        if (!reason.isEmpty() && Character.isUpperCase(reason.charAt(0))
                && (reason.length() == 1 || !Character.isUpperCase(reason.charAt(1)))) {
            reason = reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        }
        return "read /dev/stdin: " + reason;
    }
}

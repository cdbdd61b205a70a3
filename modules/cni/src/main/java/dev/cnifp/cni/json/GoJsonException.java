package dev.cnifp.cni.json;

/** A JSON document Go would refuse; the message is Go's own wording. */
public final class GoJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public GoJsonException(String message) {
        super(message);
    }
}

package dev.cnifp.cni.protocol;

/** Ends a CNI call with an error that is printed on stdout; the exit status is 1. */
public final class CniException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient CniError error;

    public CniException(CniError error) {
        super(error.msg(), null, false, false);
        this.error = error;
    }

    public CniException(int code, String msg) {
        this(new CniError(code, msg));
    }

    public CniException(int code, String msg, String details) {
        this(new CniError(code, msg, details));
    }

    /** A plain error, which Go's skel reports with code 999. */
    public static CniException internal(String msg) {
        return new CniException(ErrorCode.INTERNAL, msg);
    }

    public CniError error() {
        return error;
    }
}

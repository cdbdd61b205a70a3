package dev.cnifp.cni.delegate;

import java.util.Optional;

/**
 * An error Go's {@code json.Unmarshal} (or a type's own {@code UnmarshalJSON}) returns: either a type mismatch, whose
 * wording depends on where in the document it happened, or a plain error such as {@code invalid CIDR address: x}.
 */
final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient TypeMismatch mismatch;

    DecodeException(TypeMismatch mismatch) {
        super(null, null, false, false);
        this.mismatch = mismatch;
    }

    DecodeException(String message) {
        super(message, null, false, false);
        this.mismatch = null;
    }

    Optional<TypeMismatch> mismatch() {
        return Optional.ofNullable(mismatch);
    }

    @Override
    public String getMessage() {
        return mismatch != null ? mismatch.message() : super.getMessage();
    }
}

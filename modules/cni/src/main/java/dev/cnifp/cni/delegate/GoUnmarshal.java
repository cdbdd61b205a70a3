package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One call of Go's {@code json.Unmarshal}: keeps the first type mismatch and goes on decoding (Go's
 * {@code saveError}), lets other errors end the call at once, and names the struct and field path of a mismatch
 * the way Go does. An error returned by a nested {@code UnmarshalJSON} passes through the enclosing call, which
 * renames a mismatch after its own position: that is why Go reports {@code Result.ips} for a bad gateway.
 */
final class GoUnmarshal {
    private final List<String> fieldPath = new ArrayList<>();
    private String struct = "";
    private TypeMismatch firstMismatch;

    private GoUnmarshal() {}

    /** The decoded value, and the error Go would return with it (decoding goes on after a type mismatch). */
    record Outcome<T>(T value, DecodeException error) {}

    static <T> T unmarshal(JsonValue value, GoType<T> type) throws DecodeException {
        Outcome<T> outcome = unmarshalKeepingValue(value, type);
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.value();
    }

    static <T> Outcome<T> unmarshalKeepingValue(JsonValue value, GoType<T> type) {
        GoUnmarshal call = new GoUnmarshal();
        T result = type.zero();
        try {
            result = type.decode(value, result, call);
        } catch (DecodeException e) {
            return new Outcome<>(result, call.inContext(e));
        }
        return new Outcome<>(result, call.firstMismatch == null ? null : new DecodeException(call.firstMismatch));
    }

    /** Go's {@code saveError}: only the first mismatch of a call is reported. */
    void mismatch(String value, String type) {
        if (firstMismatch == null) {
            firstMismatch = placed(new TypeMismatch(value, type));
        }
    }

    void enterField(String structName, String field) {
        fieldPath.add(field);
        struct = structName;
    }

    /** Restores the position saved before {@link #enterField}; skipped on errors, as in Go. */
    void leaveField(String previousStruct, int previousDepth) {
        fieldPath.subList(previousDepth, fieldPath.size()).clear();
        struct = previousStruct;
    }

    String struct() {
        return struct;
    }

    int depth() {
        return fieldPath.size();
    }

    private DecodeException inContext(DecodeException e) {
        return e.mismatch().map(m -> new DecodeException(placed(m))).orElse(e);
    }

    private TypeMismatch placed(TypeMismatch mismatch) {
        return fieldPath.isEmpty() ? mismatch : mismatch.at(struct, String.join(".", fieldPath));
    }
}

package dev.cnifp.cni.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What Go's {@code json.Unmarshal} leaves in a struct: a value per field tag (a String, or a nested GoDecoded), and
 * the first type error it met. Go keeps decoding after a type error, so the other fields are filled in either way.
 */
public final class GoDecoded {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private String firstError;

    GoDecoded() {}

    /** The decoded string of a field; empty when the field was absent, {@code null} or of the wrong type. */
    public String string(String tag) {
        return values.get(tag) instanceof String s ? s : "";
    }

    /** The nested struct of a field; an empty one when the field was absent, {@code null} or of the wrong type. */
    public GoDecoded struct(String tag) {
        return values.get(tag) instanceof GoDecoded d ? d : new GoDecoded();
    }

    /** Go's error, e.g. {@code json: cannot unmarshal number into Go struct field .name of type string}. */
    public Optional<String> error() {
        return Optional.ofNullable(firstError);
    }

    void put(String tag, Object value) {
        values.put(tag, value);
    }

    Object get(String tag) {
        return values.get(tag);
    }

    void saveError(String message) {
        if (firstError == null) {
            firstError = message;
        }
    }

}

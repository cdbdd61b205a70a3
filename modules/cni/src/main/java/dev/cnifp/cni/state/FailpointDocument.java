package dev.cnifp.cni.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a failpoint file while it is locked: an ordered set of top-level keys. The failpoint entries
 * ({@link #ENTRY_KEYS}) hold spec strings; any other key holds any JSON value and is written back where it was, with
 * its value unchanged, unless a caller replaces it.
 *
 * <p>Values are exchanged in the shapes listed on {@link #value}: what a caller puts in is copied into those shapes.
 */
public final class FailpointDocument {
    /** The keys whose values are failpoint specs, one per CNI command. */
    public static final List<String> ENTRY_KEYS = List.of("cmdAdd", "cmdDel", "cmdCheck", "cmdStatus", "cmdGC");

    private final Map<String, Object> values;

    /** Takes values already in canonical shape (as the parser produces them). */
    FailpointDocument(Map<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /**
     * The spec of a failpoint entry. Empty when the key is absent, {@code null} or the empty string: the Go plugin
     * treats all three as "no failpoint for this command".
     *
     * @throws IllegalArgumentException if {@code key} is not one of {@link #ENTRY_KEYS}
     */
    public Optional<String> entry(String key) {
        requireEntryKey(key);
        return Optional.ofNullable((String) values.get(key)).filter(spec -> !spec.isEmpty());
    }

    /** Sets a failpoint entry's spec, in place if the key exists, else as a new last key. */
    public void setEntry(String key, String spec) {
        requireEntryKey(key);
        values.put(key, Objects.requireNonNull(spec, "spec"));
    }

    /** The top-level keys in file order. */
    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /**
     * The value of any top-level key; empty when the key is absent or its value is JSON {@code null} (use
     * {@link #keys()} to tell them apart). A value is one of: {@link String}, {@link Boolean}, {@link Long},
     * {@link java.math.BigInteger} (integers beyond long), {@link java.math.BigDecimal} (numbers with a fraction or
     * exponent), an unmodifiable {@code List<Object>} or an unmodifiable, ordered {@code Map<String, Object>}.
     */
    public Optional<Object> value(String key) {
        return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
    }

    /**
     * Sets any top-level key, in place if it exists, else as a new last key. Accepts {@code null}, the shapes listed
     * on {@link #value}, other integral numbers and finite floating-point numbers, and any {@code List} or
     * {@code Map} with string keys built from those; collections are copied.
     *
     * @throws IllegalArgumentException if the value has no JSON form, or a failpoint entry would not be a string
     */
    public void put(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (ENTRY_KEYS.contains(key) && value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(key + " must hold a spec string");
        }
        values.put(key, JsonValues.canonical(value));
    }

    /** Removes a top-level key; does nothing if it is absent. */
    public void remove(String key) {
        values.remove(Objects.requireNonNull(key, "key"));
    }

    /** A read-only view for the writer. */
    Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    private static void requireEntryKey(String key) {
        if (!ENTRY_KEYS.contains(key)) {
            throw new IllegalArgumentException("not a failpoint entry key: " + key + " (expected one of "
                    + ENTRY_KEYS + ")");
        }
    }
}

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
 * <p>A file's keys name the entries the way Go's {@code encoding/json} matches the Go plugin's struct fields:
 * case-insensitively ({@code "CMDADD"} is {@code cmdAdd}), and when several keys name one entry, the last one with a
 * non-null value holds it (Go leaves a field alone for {@code null}). That key keeps its spelling and place when the
 * entry is written back.
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
     * The spec of a failpoint entry, from the key that holds it (see the class comment). Empty when no key holds it,
     * or it holds the empty string: the Go plugin treats both as "no failpoint for this command".
     *
     * @throws IllegalArgumentException if {@code key} is not one of {@link #ENTRY_KEYS}
     */
    public Optional<String> entry(String key) {
        requireEntryKey(key);
        String holder = holderOf(key);
        return holder == null ? Optional.empty()
                : Optional.of((String) values.get(holder)).filter(spec -> !spec.isEmpty());
    }

    /**
     * Sets a failpoint entry's spec: in the key that holds it, else in {@code key} itself, in place if it exists
     * (with a null value), else as a new last key.
     */
    public void setEntry(String key, String spec) {
        requireEntryKey(key);
        Objects.requireNonNull(spec, "spec");
        String holder = holderOf(key);
        values.put(holder == null ? key : holder, spec);
    }

    /** Whether {@code key}, as a file spells it, names a failpoint entry (Go's case-insensitive match). */
    static boolean isEntryKey(String key) {
        for (String entry : ENTRY_KEYS) {
            if (entry.equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds a member of the top-level object as it is read, where a key may repeat itself exactly. For a key naming an
     * entry, Go decodes every occurrence into the one struct field: a {@code null} leaves the value before it, and a
     * value that is not a string fails the whole file even when a later one would replace it. So such a key keeps an
     * earlier value against a later {@code null}, and keeps an earlier wrong-typed value for {@link DocumentParser} to
     * report. Any other key: the last value wins.
     */
    static void putMember(Map<String, Object> members, String key, Object value) {
        if (isEntryKey(key) && members.containsKey(key)) {
            Object earlier = members.get(key);
            if (value == null || (earlier != null && !(earlier instanceof String))) {
                return;
            }
        }
        members.put(key, value);
    }

    /** The last key with a non-null value that names {@code entryKey}, or null. */
    private String holderOf(String entryKey) {
        String holder = null;
        for (Map.Entry<String, Object> member : values.entrySet()) {
            if (member.getValue() != null && member.getKey().equalsIgnoreCase(entryKey)) {
                holder = member.getKey();
            }
        }
        return holder;
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
        if (isEntryKey(key) && value != null && !(value instanceof String)) {
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

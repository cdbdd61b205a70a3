package dev.cnifp.cni.state;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java shapes a JSON value takes in a {@link FailpointDocument}: {@code null}, {@link String}, {@link Boolean},
 * {@link Long} (integers that fit), {@link BigInteger} (larger integers), {@link BigDecimal} (numbers with a fraction
 * or exponent, so their value survives a rewrite), and unmodifiable {@code List<Object>} and ordered
 * {@code Map<String, Object>} of those.
 */
final class JsonValues {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonValues() {}

    /**
     * Converts a value given by a caller to the canonical shape, copying collections so that later changes to the
     * caller's objects do not reach the document.
     *
     * @throws IllegalArgumentException if the value has no JSON representation
     */
    static Object canonical(Object value) {
        // No pattern switch in this file: its indy bootstrap (SwitchBootstraps) costs a cold JVM tens of ms.
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof BigDecimal) {
            return value;
        } else if (value instanceof Integer i) {
            return i.longValue();
        } else if (value instanceof Short s) {
            return s.longValue();
        } else if (value instanceof Byte b) {
            return b.longValue();
        } else if (value instanceof BigInteger i) {
            return i.compareTo(LONG_MIN) >= 0 && i.compareTo(LONG_MAX) <= 0 ? (Object) i.longValue() : i;
        } else if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d);
        } else if (value instanceof Float f && Float.isFinite(f)) {
            return new BigDecimal(f.toString());
        } else if (value instanceof Map<?, ?> map) {
            return canonicalObject(map);
        } else if (value instanceof List<?> list) {
            return canonicalArray(list);
        }
        throw new IllegalArgumentException("not representable in JSON: " + value.getClass().getName()
                + (value instanceof Number ? " " + value : ""));
    }

    private static Map<String, Object> canonicalObject(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, not " + entry.getKey());
            }
            copy.put(key, canonical(entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> canonicalArray(List<?> list) {
        List<Object> copy = new ArrayList<>(list.size());
        for (Object element : list) {
            copy.add(canonical(element));
        }
        return Collections.unmodifiableList(copy);
    }
}

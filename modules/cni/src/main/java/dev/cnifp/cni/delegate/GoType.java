package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.JsonValue;
import dev.cnifp.cni.json.JsonValue.JsonArray;
import dev.cnifp.cni.json.JsonValue.JsonNull;
import dev.cnifp.cni.json.JsonValue.JsonNumber;
import dev.cnifp.cni.json.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.List;

/**
 * How a value of one Go type is filled from JSON by {@code encoding/json}. {@code decode} receives the value the
 * destination already holds, because Go decodes into it: {@code null} leaves a string or struct alone, a second
 * object for the same struct field merges, and a type mismatch keeps the old value.
 *
 * @param <T> the Java representation; {@code null} stands for a nil pointer or slice
 */
interface GoType<T> {

    /** {@code reflect.Type.String()}, e.g. {@code []*types100.IPConfig}. */
    String name();

    /** The type named in a mismatch on this destination: pointers are followed first, as Go's decoder does. */
    default String mismatchName() {
        return name();
    }

    T zero();

    T decode(JsonValue value, T current, GoUnmarshal call) throws DecodeException;

    GoType<String> STRING = new GoType<>() {
        @Override
        public String name() {
            return "string";
        }

        @Override
        public String zero() {
            return "";
        }

        @Override
        public String decode(JsonValue value, String current, GoUnmarshal call) {
            // No pattern switch in this package: its indy bootstrap (SwitchBootstraps) costs a cold JVM tens of ms.
            if (value instanceof JsonString s) {
                return s.value();
            } else if (!(value instanceof JsonNull)) {
                call.mismatch(value.goKind(), name());
            }
            return current;
        }
    };

    /** Go's {@code int} (64 bits): only integer literals fit; {@code 1.0} and {@code 1e3} are mismatches. */
    GoType<Long> INT = new IntegerType("int", true);

    /** Go's {@code uint}, held in a long as an unsigned value. */
    GoType<Long> UINT = new IntegerType("uint", false);

    /**
     * @param signed whether the type is {@code int} rather than {@code uint}: {@code strconv.ParseInt} and
     *     {@code ParseUint} in base 10 take {@code -?[0-9]+} and {@code [0-9]+} (checked without a regex: this runs on
     *     every delegated ADD) and refuse what overflows 64 bits, as {@code Long.parseLong} and
     *     {@code parseUnsignedLong} do (no BigInteger: its classes would join every call's start-up archive)
     */
    record IntegerType(String name, boolean signed) implements GoType<Long> {
        @Override
        public Long zero() {
            return 0L;
        }

        @Override
        public Long decode(JsonValue value, Long current, GoUnmarshal call) {
            if (value instanceof JsonNumber number) {
                String literal = number.literal();
                if (isDecimal(literal)) {
                    try {
                        return signed ? Long.parseLong(literal) : Long.parseUnsignedLong(literal);
                    } catch (NumberFormatException outOfRange) {
                        // a mismatch, as in Go: the literal is well formed, the number does not fit
                    }
                }
                call.mismatch("number " + literal, name);
            } else if (!(value instanceof JsonNull)) {
                call.mismatch(value.goKind(), name);
            }
            return current;
        }

        private boolean isDecimal(String literal) {
            int start = signed && literal.startsWith("-") ? 1 : 0;
            return literal.length() > start && GoMaps.isDigitsFrom(literal, start);
        }
    }

    /** {@code *T}: {@code null} makes it nil; anything else is decoded into the pointee, allocated if nil. */
    static <T> GoType<T> pointer(GoType<T> element) {
        return new GoType<>() {
            @Override
            public String name() {
                return "*" + element.name();
            }

            @Override
            public String mismatchName() {
                return element.mismatchName();
            }

            @Override
            public T zero() {
                return null;
            }

            @Override
            public T decode(JsonValue value, T current, GoUnmarshal call) throws DecodeException {
                if (value instanceof JsonNull) {
                    return null;
                }
                return element.decode(value, current != null ? current : element.zero(), call);
            }
        };
    }

    /**
     * {@code []T}: {@code null} makes it nil; an array is decoded element by element into the slice's existing
     * elements where there are some (Go reuses the backing array), so pointees of an earlier array are reused.
     */
    static <T> GoType<List<T>> slice(GoType<T> element) {
        return new GoType<>() {
            @Override
            public String name() {
                return "[]" + element.name();
            }

            @Override
            public List<T> zero() {
                return null;
            }

            @Override
            public List<T> decode(JsonValue value, List<T> current, GoUnmarshal call) throws DecodeException {
                if (value instanceof JsonNull) {
                    return null;
                } else if (value instanceof JsonArray array) {
                    List<T> decoded = new ArrayList<>(array.elements().size());
                    for (int i = 0; i < array.elements().size(); i++) {
                        T existing = current != null && i < current.size() ? current.get(i) : element.zero();
                        decoded.add(element.decode(array.elements().get(i), existing, call));
                    }
                    return decoded;
                }
                call.mismatch(value.goKind(), name());
                return current;
            }
        };
    }
}

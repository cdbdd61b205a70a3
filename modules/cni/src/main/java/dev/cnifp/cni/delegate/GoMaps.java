package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.JsonValue;
import dev.cnifp.cni.json.JsonValue.JsonArray;
import dev.cnifp.cni.json.JsonValue.JsonNull;
import dev.cnifp.cni.json.JsonValue.JsonNumber;
import dev.cnifp.cni.json.JsonValue.JsonObject;
import dev.cnifp.cni.json.JsonValue.Member;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a trip through Go's {@code map[string]interface{}} does to JSON: {@code json.Unmarshal} keeps the last of
 * duplicate keys (exact spelling) and reads every number as a float64; {@code json.Marshal} writes keys sorted
 * byte-wise and floats in Go's shortest form ({@code 1e+21}, {@code 1e-7}, integers below 1e21 in full).
 */
final class GoMaps {
    private static final String MAP_TYPE = "map[string]interface {}";

    private GoMaps() {}

    /** The error {@code json.Unmarshal(data, &map[string]interface{})} gives for a syntactically valid document. */
    static Optional<String> decodeError(JsonValue document) {
        // No pattern switch in this package: its indy bootstrap (SwitchBootstraps) costs a cold JVM tens of ms.
        if (document instanceof JsonObject object) {
            return firstOverflowingNumber(object);
        } else if (document instanceof JsonNull) {
            return Optional.empty();
        }
        return Optional.of(new TypeMismatch(document.goKind(), MAP_TYPE).message());
    }

    /** Walks the document in order without recursion: a delegate's output may nest up to Go's depth limit. */
    private static Optional<String> firstOverflowingNumber(JsonValue root) {
        Deque<JsonValue> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonValue value = pending.pop();
            if (value instanceof JsonNumber number) {
                if (!isShortInteger(number.literal()) && Double.isInfinite(Double.parseDouble(number.literal()))) {
                    return Optional.of(new TypeMismatch("number " + number.literal(), "float64").message());
                }
            } else if (value instanceof JsonObject object) {
                for (int i = object.members().size() - 1; i >= 0; i--) {
                    pending.push(object.members().get(i).value());
                }
            } else if (value instanceof JsonArray array) {
                for (int i = array.elements().size() - 1; i >= 0; i--) {
                    pending.push(array.elements().get(i));
                }
            }
        }
        return Optional.empty();
    }

    /** A container being rebuilt: its children are rebuilt first, then it is, without recursion. */
    private static final class Rebuild {
        final JsonValue source;
        final List<JsonValue> children;
        final List<JsonValue> rebuiltChildren = new ArrayList<>();
        int next;

        Rebuild(JsonValue source) {
            this.source = source;
            if (source instanceof JsonObject object) {
                List<JsonValue> values = new ArrayList<>(object.members().size());
                for (Member member : object.members()) {
                    values.add(member.value());
                }
                this.children = values;
            } else if (source instanceof JsonArray array) {
                this.children = array.elements();
            } else {
                this.children = List.of();
            }
        }

        JsonValue build() {
            if (source instanceof JsonObject object) {
                Map<String, JsonValue> lastWins = new LinkedHashMap<>();
                for (int i = 0; i < object.members().size(); i++) {
                    lastWins.put(object.members().get(i).key(), rebuiltChildren.get(i));
                }
                List<Member> sorted = new ArrayList<>();
                lastWins.forEach((key, v) -> sorted.add(new Member(key, v)));
                sorted.sort((a, b) -> compareUtf8(a.key(), b.key()));
                return new JsonObject(sorted);
            }
            return new JsonArray(rebuiltChildren);
        }
    }

    /** Decode into {@code interface{}} and marshal again; numbers must fit a float64 ({@link #decodeError}). */
    static JsonValue roundTrip(JsonValue root) {
        if (!isContainer(root)) {
            return scalar(root);
        }
        Deque<Rebuild> stack = new ArrayDeque<>();
        stack.push(new Rebuild(root));
        while (true) {
            Rebuild top = stack.peek();
            if (top.next < top.children.size()) {
                JsonValue child = top.children.get(top.next++);
                if (isContainer(child)) {
                    stack.push(new Rebuild(child));
                } else {
                    top.rebuiltChildren.add(scalar(child));
                }
                continue;
            }
            stack.pop();
            JsonValue built = top.build();
            if (stack.isEmpty()) {
                return built;
            }
            stack.peek().rebuiltChildren.add(built);
        }
    }

    private static boolean isContainer(JsonValue value) {
        return value instanceof JsonObject || value instanceof JsonArray;
    }

    private static JsonValue scalar(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return isShortInteger(number.literal())
                    ? new JsonNumber(number.literal())
                    : new JsonNumber(formatFloat64(Double.parseDouble(number.literal())));
        }
        return value;
    }

    /**
     * A JSON integer literal of at most 15 digits (the usual number in a result: an index, an MTU): a double holds it
     * exactly and {@link #formatFloat64} prints it unchanged, so neither needs {@code Double.parseDouble}, whose
     * classes a cold plugin process would otherwise load on every delegated ADD.
     */
    static boolean isShortInteger(String literal) {
        int start = literal.startsWith("-") ? 1 : 0;
        int digits = literal.length() - start;
        if (digits < 1 || digits > 15 || (digits > 1 && literal.charAt(start) == '0')) {
            return false;
        }
        return isDigitsFrom(literal, start);
    }

    /** Whether every character of {@code literal} from {@code start} on is an ASCII digit (true when none is left). */
    static boolean isDigitsFrom(String literal, int start) {
        for (int i = start; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Code point order is UTF-8 byte order, which is how Go sorts map keys. */
    private static int compareUtf8(String a, String b) {
        // A loop, not codePoints() streams: IntStream would load ~25 stream classes on every delegated ADD.
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** {@code encoding/json}'s float64 encoder. */
    static String formatFloat64(double value) {
        if (value == 0) {
            return Double.doubleToRawLongBits(value) == 0 ? "0" : "-0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            // Whole numbers (the usual case: interface indexes, MTUs) without BigDecimal, whose static initialiser
            // costs a cold JVM ~40 ms since JDK 24. Same digits: below 2^53 the long is the double exactly.
            return Long.toString((long) value);
        }
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        double abs = Math.abs(value);
        if (abs >= 1e-6 && abs < 1e21) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder out = new StringBuilder();
        if (value < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        return out.toString();
    }
}

package dev.cnifp.cni.state;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a document exactly the way {@code jq .} prints it, so that {@code cat} of a failpoint file shows what
 * containerd's documentation shows: two-space indentation, {@code "key": value}, one member per line, {@code []} and
 * {@code {}} for empty containers, a trailing newline, UTF-8 without HTML escaping. Strings escape only what JSON
 * requires plus DEL (as jq does); a lone surrogate is written as its {@code \}{@code u} escape so that it survives.
 * Numbers are written as Java prints them, which keeps their value (jq may print some differently, e.g. {@code 1e3}).
 */
final class JqStyleWriter {
    private static final String INDENT = "  ";
    private static final HexFormat HEX = HexFormat.of();

    private JqStyleWriter() {}

    static byte[] write(Map<String, Object> document) {
        StringBuilder out = new StringBuilder(256);
        writeValue(out, document, 0);
        out.append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeValue(StringBuilder out, Object value, int depth) {
        // No pattern switch in this file: its indy bootstrap (SwitchBootstraps) costs a cold JVM tens of ms.
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(out, s);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map, depth);
        } else if (value instanceof List<?> list) {
            writeArray(out, list, depth);
        } else {
            out.append(value); // Boolean, Long, BigInteger, BigDecimal: their toString is valid JSON
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> object, int depth) {
        if (object.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> members = object.entrySet().iterator();
        while (members.hasNext()) {
            Map.Entry<?, ?> member = members.next();
            indent(out, depth + 1);
            writeString(out, (String) member.getKey());
            out.append(": ");
            writeValue(out, member.getValue(), depth + 1);
            out.append(members.hasNext() ? ",\n" : "\n");
        }
        indent(out, depth);
        out.append('}');
    }

    private static void writeArray(StringBuilder out, List<?> array, int depth) {
        if (array.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (int i = 0; i < array.size(); i++) {
            indent(out, depth + 1);
            writeValue(out, array.get(i), depth + 1);
            out.append(i + 1 < array.size() ? ",\n" : "\n");
        }
        indent(out, depth);
        out.append(']');
    }

    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                        out.append("\\u").append(HEX.toHexDigits(c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void indent(StringBuilder out, int depth) {
        out.append(INDENT.repeat(depth));
    }
}

package dev.cnifp.cni.json;

import dev.cnifp.cni.json.JsonValue.JsonArray;
import dev.cnifp.cni.json.JsonValue.JsonBool;
import dev.cnifp.cni.json.JsonValue.JsonNull;
import dev.cnifp.cni.json.JsonValue.JsonNumber;
import dev.cnifp.cni.json.JsonValue.JsonObject;
import dev.cnifp.cni.json.JsonValue.JsonString;
import dev.cnifp.cni.json.JsonValue.Member;

/**
 * Writes JSON the way Go's {@code encoding/json} does: {@code json.Marshal} (compact) or
 * {@code json.MarshalIndent(v, "", "    ")}, with Go's string escaping (HTML characters, U+2028/U+2029 and control
 * characters as {@code \\u00xx}). No trailing newline: callers add one where Go's encoder would.
 */
final class GoJsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(256);
    private final String indent;

    private GoJsonWriter(String indent) {
        this.indent = indent;
    }

    static String compact(JsonValue value) {
        GoJsonWriter writer = new GoJsonWriter(null);
        writer.write(value, 0);
        return writer.out.toString();
    }

    static String indented(JsonValue value, String indent) {
        GoJsonWriter writer = new GoJsonWriter(indent);
        writer.write(value, 0);
        return writer.out.toString();
    }

    private void write(JsonValue value, int level) {
        switch (value) {
            case JsonObject object -> writeObject(object, level);
            case JsonArray array -> writeArray(array, level);
            case JsonString string -> writeString(string.value());
            case JsonNumber number -> out.append(number.literal());
            case JsonBool bool -> out.append(bool.value());
            case JsonNull ignored -> out.append("null");
        }
    }

    private void writeObject(JsonObject object, int level) {
        if (object.members().isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Member member : object.members()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(level + 1);
            writeString(member.key());
            out.append(indent == null ? ":" : ": ");
            write(member.value(), level + 1);
        }
        newline(level);
        out.append('}');
    }

    private void writeArray(JsonArray array, int level) {
        if (array.elements().isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (JsonValue element : array.elements()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(level + 1);
            write(element, level + 1);
        }
        newline(level);
        out.append(']');
    }

    private void newline(int level) {
        if (indent != null) {
            out.append('\n');
            out.append(indent.repeat(level));
        }
    }

    private void writeString(String s) {
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
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append("\\ufffd"); // Go cannot hold a lone surrogate; it writes the replacement character
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void unicodeEscape(char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }
}

package dev.cnifp.cni.json;

import dev.cnifp.cni.json.JsonValue.JsonArray;
import dev.cnifp.cni.json.JsonValue.JsonBool;
import dev.cnifp.cni.json.JsonValue.JsonNull;
import dev.cnifp.cni.json.JsonValue.JsonNumber;
import dev.cnifp.cni.json.JsonValue.JsonObject;
import dev.cnifp.cni.json.JsonValue.JsonString;
import dev.cnifp.cni.json.JsonValue.Member;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

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

    /**
     * Writes iteratively, with an explicit stack of open containers, so that a document the parser accepted (up to
     * 10,000 levels deep) cannot exhaust a small thread stack on the way out.
     */
    private void write(JsonValue root, int rootLevel) {
        Deque<Open> open = new ArrayDeque<>();
        JsonValue next = root;
        while (true) {
            if (next != null) {
                // No pattern switch in this file: its indy bootstrap (SwitchBootstraps) costs a cold JVM tens of ms.
                if (next instanceof JsonObject object) {
                    if (object.members().isEmpty()) {
                        out.append("{}");
                    } else {
                        out.append('{');
                        open.push(new Open(object.members().iterator(), null, '}'));
                    }
                } else if (next instanceof JsonArray array) {
                    if (array.elements().isEmpty()) {
                        out.append("[]");
                    } else {
                        out.append('[');
                        open.push(new Open(null, array.elements().iterator(), ']'));
                    }
                } else if (next instanceof JsonString string) {
                    writeString(string.value());
                } else if (next instanceof JsonNumber number) {
                    out.append(number.literal());
                } else if (next instanceof JsonBool bool) {
                    out.append(bool.value());
                } else if (next instanceof JsonNull) {
                    out.append("null");
                }
                next = null;
                continue;
            }
            Open top = open.peek();
            if (top == null) {
                return;
            }
            int level = open.size() + rootLevel;
            if (top.hasNext()) {
                if (top.started) {
                    out.append(',');
                }
                top.started = true;
                newline(level);
                if (top.members != null) {
                    Member member = top.members.next();
                    writeString(member.key());
                    out.append(indent == null ? ":" : ": ");
                    next = member.value();
                } else {
                    next = top.elements.next();
                }
            } else {
                open.pop();
                newline(level - 1);
                out.append(top.close);
            }
        }
    }

    private static final class Open {
        final Iterator<Member> members;
        final Iterator<JsonValue> elements;
        final char close;
        boolean started;

        Open(Iterator<Member> members, Iterator<JsonValue> elements, char close) {
            this.members = members;
            this.elements = elements;
            this.close = close;
        }

        boolean hasNext() {
            return members != null ? members.hasNext() : elements.hasNext();
        }
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

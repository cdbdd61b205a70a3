package dev.cnifp.cni.json;

import dev.cnifp.cni.json.JsonValue.JsonArray;
import dev.cnifp.cni.json.JsonValue.JsonBool;
import dev.cnifp.cni.json.JsonValue.JsonNumber;
import dev.cnifp.cni.json.JsonValue.JsonObject;
import dev.cnifp.cni.json.JsonValue.JsonString;
import dev.cnifp.cni.json.JsonValue.Member;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path of {@link GoJson#parse}: builds the tree of a document that {@link GoJsonSyntax} has already
 * accepted, giving exactly what the jackson path gives (strings unescaped, numbers as their literal text, members
 * in document order with duplicates kept).
 *
 * <p>Why not jackson here: any jackson parser initialises {@code ParserMinimalBase}, whose static constants make
 * {@code java.math.BigDecimal} initialise, and since JDK 24 (JDK-8341470) BigDecimal's static initialiser squares
 * its way to 5^65536: about 40 ms in a cold interpreted JVM, on every plugin call. Whatever this reader does not
 * handle itself (deep nesting, very long names, anything unexpected) it hands back to jackson by returning
 * {@code null}, so jackson's limits and messages stay as they were.
 */
final class ValidatedTreeReader {
    /** Deeper documents go to jackson (its limit, 10,000, and its message); CNI documents are shallow. */
    private static final int MAX_DEPTH = 200;
    /** jackson's default maxNameLength (GoJson's factory keeps it): longer names go to jackson for its error. */
    private static final int MAX_NAME_LENGTH = 50_000;

    private final String text;
    private int pos;

    private ValidatedTreeReader(String text) {
        this.text = text;
    }

    /** The tree, or {@code null} if jackson should read this document. */
    static JsonValue read(String text) {
        ValidatedTreeReader reader = new ValidatedTreeReader(text);
        JsonValue value = reader.value(0);
        if (value == null) {
            return null;
        }
        reader.skipSpace();
        return reader.pos == text.length() ? value : null;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonValue value(int depth) {
        skipSpace();
        if (pos >= text.length()) {
            return null;
        }
        char c = text.charAt(pos);
        if (c == '{') {
            return depth >= MAX_DEPTH ? null : object(depth + 1);
        } else if (c == '[') {
            return depth >= MAX_DEPTH ? null : array(depth + 1);
        } else if (c == '"') {
            String s = string(Integer.MAX_VALUE);
            return s == null ? null : new JsonString(s);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            int start = pos;
            while (pos < text.length() && isNumberChar(text.charAt(pos))) {
                pos++;
            }
            return new JsonNumber(text.substring(start, pos));
        } else if (text.startsWith("true", pos)) {
            pos += 4;
            return new JsonBool(true);
        } else if (text.startsWith("false", pos)) {
            pos += 5;
            return new JsonBool(false);
        } else if (text.startsWith("null", pos)) {
            pos += 4;
            return JsonValue.NULL;
        }
        return null;
    }

    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }

    private JsonValue object(int depth) {
        pos++; // '{'
        List<Member> members = new ArrayList<>();
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
            return new JsonObject(members);
        }
        while (true) {
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                return null;
            }
            String key = string(MAX_NAME_LENGTH);
            skipSpace();
            if (key == null || pos >= text.length() || text.charAt(pos) != ':') {
                return null;
            }
            pos++;
            JsonValue value = value(depth);
            if (value == null) {
                return null;
            }
            members.add(new Member(key, value));
            skipSpace();
            if (pos >= text.length()) {
                return null;
            }
            char c = text.charAt(pos++);
            if (c == '}') {
                return new JsonObject(members);
            } else if (c != ',') {
                return null;
            }
        }
    }

    private JsonValue array(int depth) {
        pos++; // '['
        List<JsonValue> elements = new ArrayList<>();
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == ']') {
            pos++;
            return new JsonArray(elements);
        }
        while (true) {
            JsonValue value = value(depth);
            if (value == null) {
                return null;
            }
            elements.add(value);
            skipSpace();
            if (pos >= text.length()) {
                return null;
            }
            char c = text.charAt(pos++);
            if (c == ']') {
                return new JsonArray(elements);
            } else if (c != ',') {
                return null;
            }
        }
    }

    /** The string starting at the quote at {@code pos}, unescaped; {@code null} if it is longer than maxLength. */
    private String string(int maxLength) {
        int start = ++pos;
        StringBuilder unescaped = null;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                String s = unescaped == null ? text.substring(start, pos) : unescaped.append(text, start, pos).toString();
                pos++;
                return s.length() > maxLength ? null : s;
            } else if (c < 0x20) {
                return null;
            } else if (c != '\\') {
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) {
                return null;
            }
            if (unescaped == null) {
                unescaped = new StringBuilder();
            }
            unescaped.append(text, start, pos);
            char e = text.charAt(pos + 1);
            int escapeLength = 2;
            switch (e) {
                case '"', '\\', '/' -> unescaped.append(e);
                case 'b' -> unescaped.append('\b');
                case 'f' -> unescaped.append('\f');
                case 'n' -> unescaped.append('\n');
                case 'r' -> unescaped.append('\r');
                case 't' -> unescaped.append('\t');
                case 'u' -> {
                    int code = pos + 6 <= text.length() ? hex4(pos + 2) : -1;
                    if (code < 0) {
                        return null;
                    }
                    unescaped.append((char) code); // as jackson: each \\uXXXX is one char, paired or not
                    escapeLength = 6;
                }
                default -> {
                    return null;
                }
            }
            pos += escapeLength;
            start = pos;
        }
        return null;
    }

    private int hex4(int at) {
        int code = 0;
        for (int i = at; i < at + 4; i++) {
            char c = text.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            code = code * 16 + digit;
        }
        return code;
    }
}

package dev.cnifp.cni.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path of {@link DocumentParser}: reads a plain failpoint document (one object of strings, small integers,
 * booleans, nulls, objects and arrays) into exactly the values the jackson path gives. Anything else (a fraction or
 * exponent, an integer beyond 18 digits, deep nesting, a long string, any syntax error) makes it return
 * {@code null}, and jackson reads the document with its own values, limits and error messages.
 *
 * <p>Why not jackson every time: any jackson parser initialises {@code ParserMinimalBase}, whose static constants
 * make {@code java.math.BigDecimal} initialise, and since JDK 24 (JDK-8341470) BigDecimal's static initialiser
 * squares its way to 5^65536: about 40 ms in a cold interpreted JVM, on every plugin call.
 */
final class PlainDocumentReader {
    private static final int MAX_DEPTH = 100;
    private static final int MAX_STRING_LENGTH = 50_000;

    private final char[] text;
    private int pos;

    private PlainDocumentReader(char[] text) {
        this.text = text;
    }

    /** The top-level object, or {@code null} if jackson should read this document. */
    static Map<String, Object> read(char[] text) {
        PlainDocumentReader reader = new PlainDocumentReader(text);
        reader.skipSpace();
        if (reader.pos >= text.length || text[reader.pos] != '{') {
            return null;
        }
        Map<String, Object> root = reader.object(1);
        if (root == null) {
            return null;
        }
        reader.skipSpace();
        return reader.pos == text.length ? root : null;
    }

    private void skipSpace() {
        while (pos < text.length && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r')) {
            pos++;
        }
    }

    /** Whether the value that just ended is followed by what may follow a value (jackson: "1x" is an error). */
    private boolean atDelimiter() {
        if (pos >= text.length) {
            return true;
        }
        char c = text[pos];
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '}' || c == ']';
    }

    /** A value, or this reader itself when it gives up (a value may be null). */
    private Object value(int depth) {
        skipSpace();
        if (pos >= text.length) {
            return this;
        }
        char c = text[pos];
        Object value;
        if (c == '{') {
            value = depth >= MAX_DEPTH ? null : object(depth + 1);
            return value == null ? this : value;
        } else if (c == '[') {
            value = depth >= MAX_DEPTH ? null : array(depth + 1);
            return value == null ? this : value;
        } else if (c == '"') {
            value = string();
            return value == null ? this : value;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            return integer();
        } else if (literal("true")) {
            value = Boolean.TRUE;
        } else if (literal("false")) {
            value = Boolean.FALSE;
        } else if (literal("null")) {
            value = null;
        } else {
            return this;
        }
        return atDelimiter() ? value : this;
    }

    private boolean literal(String word) {
        if (pos + word.length() > text.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (text[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos += word.length();
        return true;
    }

    /** An integer of at most 18 digits (so a long, as jackson gives it), without a leading zero; no "-0". */
    private Object integer() {
        int start = pos;
        if (text[pos] == '-') {
            pos++;
        }
        int digitsStart = pos;
        while (pos < text.length && text[pos] >= '0' && text[pos] <= '9') {
            pos++;
        }
        int digits = pos - digitsStart;
        if (digits == 0 || digits > 18 || (text[digitsStart] == '0' && (digits > 1 || digitsStart > start))
                || !atDelimiter()) {
            return this;
        }
        return Long.parseLong(new String(text, start, pos - start));
    }

    private Map<String, Object> object(int depth) {
        pos++; // '{'
        Map<String, Object> object = new LinkedHashMap<>();
        skipSpace();
        if (pos < text.length && text[pos] == '}') {
            pos++;
            return Collections.unmodifiableMap(object);
        }
        while (true) {
            skipSpace();
            if (pos >= text.length || text[pos] != '"') {
                return null;
            }
            String key = string();
            skipSpace();
            if (key == null || pos >= text.length || text[pos] != ':') {
                return null;
            }
            pos++;
            Object value = value(depth);
            if (value == this) {
                return null;
            }
            if (depth == 1) {
                FailpointDocument.putMember(object, key, value);
            } else {
                object.put(key, value);
            }
            skipSpace();
            if (pos >= text.length) {
                return null;
            }
            char c = text[pos++];
            if (c == '}') {
                return Collections.unmodifiableMap(object);
            } else if (c != ',') {
                return null;
            }
        }
    }

    private List<Object> array(int depth) {
        pos++; // '['
        List<Object> array = new ArrayList<>();
        skipSpace();
        if (pos < text.length && text[pos] == ']') {
            pos++;
            return Collections.unmodifiableList(array);
        }
        while (true) {
            Object value = value(depth);
            if (value == this) {
                return null;
            }
            array.add(value);
            skipSpace();
            if (pos >= text.length) {
                return null;
            }
            char c = text[pos++];
            if (c == ']') {
                return Collections.unmodifiableList(array);
            } else if (c != ',') {
                return null;
            }
        }
    }

    /** A string without escapes or control characters (what failpoint documents hold); else {@code null}. */
    private String string() {
        int start = ++pos;
        while (pos < text.length && pos - start <= MAX_STRING_LENGTH) {
            char c = text[pos];
            if (c == '"') {
                return new String(text, start, pos++ - start);
            } else if (c < 0x20 || c == '\\') {
                return null;
            }
            pos++;
        }
        return null;
    }
}

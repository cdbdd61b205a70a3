package dev.cnifp.cni.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a failpoint file into a {@link FailpointDocument}. Strict JSON in UTF-8, one object, nothing after it; a
 * repeated key keeps its first position and, as Go's {@code encoding/json} decodes it, its last value, except that for
 * a failpoint entry a {@code null} does not replace a spec ({@link FailpointDocument#putMember}).
 *
 * <p>Error messages say where parsing stopped, never what was there: the path comes from a pod annotation and the
 * plugin runs as root, so quoting content would let a pod read any file on the node.
 */
final class DocumentParser {
    /** In a holder: plain documents never need jackson ({@link PlainDocumentReader}), so they do not build it. */
    private static final class Jackson {
        static final JsonFactory JSON = JsonFactory.builder().build();
    }

    private DocumentParser() {}

    static FailpointDocument parse(byte[] bytes, String confPath) throws StateException {
        String prefix = "failed to unmarshal failpoint conf " + confPath + ": ";
        char[] text;
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            text = new char[decoded.remaining()];
            decoded.get(text);
        } catch (CharacterCodingException e) {
            throw new StateException(prefix + "invalid UTF-8");
        }
        Object root = PlainDocumentReader.read(text);
        if (root == null) {
            root = readWithJackson(text, prefix);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) root;
        for (Map.Entry<String, Object> member : values.entrySet()) {
            Object value = member.getValue();
            if (value != null && !(value instanceof String) && FailpointDocument.isEntryKey(member.getKey())) {
                throw new StateException(prefix + "\"" + member.getKey() + "\" is not a string");
            }
        }
        return new FailpointDocument(values);
    }

    /** The general path, for what {@link PlainDocumentReader} leaves to jackson (and for tests comparing the two). */
    static Object readWithJackson(char[] text, String prefix) throws StateException {
        Object root;
        try (JsonParser parser = Jackson.JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new StateException(prefix + "unexpected end of JSON input");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new StateException(prefix + "not a JSON object");
            }
            root = readObject(parser, true);
            if (parser.nextToken() != null) {
                throw new StateException(prefix + "invalid JSON at " + where(parser.currentTokenLocation())
                        + ": unexpected data after the top-level object");
            }
        } catch (JsonEOFException e) {
            throw new StateException(prefix + "unexpected end of JSON input");
        } catch (StreamConstraintsException e) {
            throw new StateException(prefix + "invalid JSON: nested too deeply or a value too long");
        } catch (JsonProcessingException e) {
            throw new StateException(prefix + "invalid JSON at " + where(e.getLocation()));
        } catch (IOException e) {
            throw new StateException(prefix + "invalid JSON");
        }
        return root;
    }

    /** Reads the value whose first token is the parser's current token. */
    private static Object readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new JsonEOFException(parser, null, "end of input inside a value");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser, false);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT, LONG -> parser.getLongValue();
                default -> parser.getBigIntegerValue();
            };
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException("unexpected token " + token);
        };
    }

    private static Map<String, Object> readObject(JsonParser parser, boolean topLevel) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            Object value = readValue(parser);
            if (topLevel) {
                FailpointDocument.putMember(object, key, value);
            } else {
                object.put(key, value);
            }
        }
        return Collections.unmodifiableMap(object);
    }

    private static List<Object> readArray(JsonParser parser) throws IOException {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser));
        }
        return Collections.unmodifiableList(array);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "an unknown position";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}

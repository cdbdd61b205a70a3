package dev.cnifp.cni.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.cnifp.cni.json.JsonValue.JsonArray;
import dev.cnifp.cni.json.JsonValue.JsonBool;
import dev.cnifp.cni.json.JsonValue.JsonNumber;
import dev.cnifp.cni.json.JsonValue.JsonObject;
import dev.cnifp.cni.json.JsonValue.JsonString;
import dev.cnifp.cni.json.JsonValue.Member;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * JSON in and out with Go's {@code encoding/json} semantics, which the CNI protocol's reference implementation
 * defines: Go's syntax errors, word for word; objects that keep duplicate keys; Go's escaping and indentation.
 *
 * <p>Reading builds a {@link JsonValue} tree, by {@link ValidatedTreeReader} or, for what it leaves aside, jackson-core's
 * streaming parser, rather than maps or beans: Go matches keys case-insensitively with the last duplicate winning,
 * which a map cannot represent.
 */
public final class GoJson {
    /** In a holder: most calls never need jackson ({@link ValidatedTreeReader}), so they do not build it. */
    private static final class Jackson {
        static final JsonFactory FACTORY = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(10_000)
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxStringLength(Integer.MAX_VALUE)
                        .build())
                .build();
    }

    private GoJson() {}

    /**
     * Parses a whole document.
     *
     * @throws GoJsonException with Go's message, e.g. {@code unexpected end of JSON input}
     */
    public static JsonValue parse(byte[] input) throws GoJsonException {
        var syntaxError = GoJsonSyntax.check(input);
        if (syntaxError.isPresent()) {
            throw new GoJsonException(syntaxError.get());
        }
        // Go replaces invalid UTF-8 with U+FFFD while decoding; so does this String constructor.
        String text = new String(input, StandardCharsets.UTF_8);
        JsonValue tree = ValidatedTreeReader.read(text);
        return tree != null ? tree : readWithJackson(text);
    }

    /** The general path, for what {@link ValidatedTreeReader} leaves to jackson (and for tests comparing the two). */
    static JsonValue readWithJackson(String text) throws GoJsonException {
        try (JsonParser parser = Jackson.FACTORY.createParser(text)) {
            return readTree(parser);
        } catch (JsonProcessingException e) {
            // The Go scanner accepted the input, so this is a limit of the parser, not a syntax error.
            throw new GoJsonException("cannot decode JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new GoJsonException("cannot decode JSON: " + e.getMessage());
        }
    }

    public static JsonValue parse(String input) throws GoJsonException {
        return parse(input.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code json.Marshal}: compact, no trailing newline. */
    public static String compact(JsonValue value) {
        return GoJsonWriter.compact(value);
    }

    /** {@code json.MarshalIndent(v, "", "    ")}, what CNI results and errors look like; no trailing newline. */
    public static String indented(JsonValue value) {
        return GoJsonWriter.indented(value, "    ");
    }

    private static JsonValue readTree(JsonParser parser) throws IOException {
        // Iterative, so that deeply nested input cannot exhaust a small thread stack.
        Deque<Container> open = new ArrayDeque<>();
        JsonValue finished = null;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            JsonValue value;
            switch (token) {
                case START_OBJECT -> {
                    open.push(new Container(true, parser.currentName()));
                    continue;
                }
                case START_ARRAY -> {
                    open.push(new Container(false, parser.currentName()));
                    continue;
                }
                case FIELD_NAME -> {
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    Container done = open.pop();
                    value = done.build();
                    if (open.isEmpty()) {
                        finished = value;
                        continue;
                    }
                    open.peek().add(done.name, value);
                    continue;
                }
                case VALUE_STRING -> value = new JsonString(parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = new JsonNumber(parser.getText());
                case VALUE_TRUE -> value = new JsonBool(true);
                case VALUE_FALSE -> value = new JsonBool(false);
                case VALUE_NULL -> value = JsonValue.NULL;
                default -> throw new IOException("unexpected token " + token);
            }
            if (open.isEmpty()) {
                finished = value;
            } else {
                open.peek().add(parser.currentName(), value);
            }
        }
        if (finished == null) {
            throw new IOException("no value");
        }
        return finished;
    }

    private static final class Container {
        private final boolean object;
        private final String name;
        private final List<Member> members = new ArrayList<>();
        private final List<JsonValue> elements = new ArrayList<>();

        Container(boolean object, String name) {
            this.object = object;
            this.name = name;
        }

        void add(String key, JsonValue value) {
            if (object) {
                members.add(new Member(key, value));
            } else {
                elements.add(value);
            }
        }

        JsonValue build() {
            return object ? new JsonObject(members) : new JsonArray(elements);
        }
    }
}

package dev.cnifp.cni.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cnifp.cni.json.JsonValue.JsonObject;
import dev.cnifp.cni.json.JsonValue.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GoJsonTest {

    /** Inputs and the messages Go 1.19+ gives for them (cni-reference.md 2.2, and Go's scanner). */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``|unexpected end of JSON input",
        "{|unexpected end of JSON input",
        "{foo}|invalid character 'f' looking for beginning of object key string",
        "{\"a\":1} true|invalid character 't' after top-level value",
        "-|invalid character ' ' in numeric literal",
        "tru|invalid character ' ' in literal true (expecting 'e')",
        "nul|invalid character ' ' in literal null (expecting 'l')",
        "{\"a\" 1}|invalid character '1' after object key",
        "{\"a\":1 \"b\":2}|invalid character '\"' after object key:value pair",
        "[1 2]|invalid character '2' after array element",
        "01|invalid character '1' after top-level value",
        "1.|invalid character ' ' after decimal point in numeric literal",
        "1e|invalid character ' ' in exponent of numeric literal",
        "\"\\x\"|invalid character 'x' in string escape code",
        "\"\\u12g4\"|invalid character 'g' in \\u hexadecimal character escape",
        "'a'|invalid character '\\'' looking for beginning of value",
        "[,]|invalid character ',' looking for beginning of value",
        "{\"a\":}|invalid character '}' looking for beginning of value",
    })
    void syntaxErrorsReadLikeGo(String input, String message) {
        GoJsonException e = assertThrows(GoJsonException.class, () -> GoJson.parse(input));
        assertEquals(message, e.getMessage());
    }

    @Test
    void byteOrderMarkIsReportedAsLatin1Character() {
        byte[] input = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'};
        GoJsonException e = assertThrows(GoJsonException.class, () -> GoJson.parse(input));
        assertEquals("invalid character 'ï' looking for beginning of value", e.getMessage());
    }

    @Test
    void controlCharacterInStringIsQuotedLikeGo() {
        byte[] input = "\"a\u0001\"".getBytes(StandardCharsets.UTF_8);
        GoJsonException e = assertThrows(GoJsonException.class, () -> GoJson.parse(input));
        assertEquals("invalid character '\\x01' in string literal", e.getMessage());
    }

    @Test
    void lastCaseInsensitiveDuplicateWins() throws GoJsonException {
        JsonObject object = (JsonObject) GoJson.parse("{\"name\":\"a\",\"NAME\":\"b\",\"Name\":\"c\",\"other\":1}");
        assertEquals(new JsonString("c"), object.field("name").orElseThrow());
        assertEquals(new JsonString("a"), object.get("name").orElseThrow());
        assertEquals(4, object.members().size());
        assertEquals(new JsonString("a"), ((JsonObject) GoJson.parse("{\"name\":\"a\",\"other\":1}")).field("NAME")
                .orElseThrow(), "the first member counts too");
    }

    @Test
    void nestedValuesKeepOrderAndNumberLiterals() throws GoJsonException {
        String input = "{\"b\":[1,2.50,{\"x\":null}],\"a\":{\"t\":true,\"f\":false},\"n\":1e3}";
        assertEquals(input, GoJson.compact(GoJson.parse(input)));
    }

    @Test
    void indentsLikeMarshalIndent() throws GoJsonException {
        JsonValue value = GoJson.parse("{\"code\":999,\"msg\":\"m\",\"e\":{},\"l\":[],\"ips\":[{\"a\":1}]}");
        assertEquals(String.join("\n",
                "{",
                "    \"code\": 999,",
                "    \"msg\": \"m\",",
                "    \"e\": {},",
                "    \"l\": [],",
                "    \"ips\": [",
                "        {",
                "            \"a\": 1",
                "        }",
                "    ]",
                "}"), GoJson.indented(value));
    }

    @Test
    void escapesStringsLikeGo() {
        String s = "<a href=\"x\">&</a>\u2028\u2029\u0001\b\f\n\r\t\\/\u007fé\uD83D\uDE00\uD800";
        assertEquals("\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\\u2028\\u2029\\u0001\\b\\f\\n\\r\\t\\\\/\u007fé"
                + "\uD83D\uDE00\\ufffd\"", GoJson.compact(new JsonString(s)));
    }

    @Test
    void quotesLikeStrconvQuote() {
        assertEquals("\"something bad\\n\"", GoQuote.quote("something bad\n"));
        assertEquals("\"tab\\there \\\"q\\\" \\x01 \\u00a0 é \\U0001f600\"".replace("\\U0001f600", "\uD83D\uDE00"),
                GoQuote.quote("tab\there \"q\" \u0001 \u00a0 é \uD83D\uDE00"));
        assertEquals("\"\\xff\"", GoQuote.quote(new byte[] {(byte) 0xff}));
    }

    /** Go's utf8.DecodeRune at the edges of each sequence length; an invalid sequence comes out a byte at a time. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "c2 80       |`\\u0080`",
        "c1 bf       |`\\xc1\\xbf`",
        "df bf       |`\u07ff`",
        "e0 a0 80    |`\u0800`",
        "e0 9f bf    |`\\xe0\\x9f\\xbf`",
        "ed 9f bf    |`\\ud7ff`",
        "ed a0 80    |`\\xed\\xa0\\x80`",
        "ed bf bf    |`\\xed\\xbf\\xbf`",
        "ee 80 80    |`\\ue000`",
        "ef bf bd    |`\ufffd`",
        "ef bf bf    |`\\uffff`",
        "f0 90 80 80 |`\uD800\uDC00`",
        "f0 8f bf bf |`\\xf0\\x8f\\xbf\\xbf`",
        "f4 8f bf bf |`\\U0010ffff`",
        "f4 90 80 80 |`\\xf4\\x90\\x80\\x80`",
        "f5 80 80 80 |`\\xf5\\x80\\x80\\x80`",
        "e0 a0       |`\\xe0\\xa0`",
        "7f 80       |`\\x7f\\x80`",
    })
    void quotesInvalidUtf8ByteByByteLikeStrconvQuote(String hex, String quoted) {
        String[] parts = hex.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        assertEquals("\"" + quoted + "\"", GoQuote.quote(bytes));
    }

    @Test
    void builtObjectsChainEveryKindOfMember() {
        JsonObject object = JsonObject.builder().put("n", 7L).put("s", "x").putIfPresent("empty", "")
                .put("v", JsonValue.NULL).build();
        assertEquals("{\"n\":7,\"s\":\"x\",\"v\":null}", GoJson.compact(object));
    }

    @Test
    void nestingBeyondGosLimitNamesTheCharacterThatOpenedIt() throws GoJsonException {
        // Go's scanner allows 10000 open arrays or objects and reports the 10001st like any invalid character.
        String limit = "[".repeat(10_000) + "]".repeat(10_000);
        assertEquals(limit, GoJson.compact(GoJson.parse(limit)));
        GoJsonException arrays = assertThrows(GoJsonException.class,
                () -> GoJson.parse("[".repeat(10_001) + "]".repeat(10_001)));
        assertEquals("invalid character '[' exceeded max depth", arrays.getMessage());
        GoJsonException objects = assertThrows(GoJsonException.class,
                () -> GoJson.parse("{\"a\":".repeat(10_001) + "1" + "}".repeat(10_001)));
        assertEquals("invalid character '{' exceeded max depth", objects.getMessage());
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() throws GoJsonException {
        String deep = "[".repeat(9_000) + "]".repeat(9_000);
        assertEquals(deep, GoJson.compact(GoJson.parse(deep)));
        assertEquals(List.of(), ((JsonValue.JsonArray) GoJson.parse("[]")).elements());
    }
}

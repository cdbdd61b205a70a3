package dev.cnifp.cni.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JqStyleWriterTest {
    @TempDir
    Path dir;

    private static String write(String key, Object value) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(key, value);
        return new String(JqStyleWriter.write(document), StandardCharsets.UTF_8);
    }

    @Test
    void escapesWhatJsonRequiresAndDelLikeJq() {
        assertEquals("{\n  \"k\\\"\": \"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f/<>&'\u00e9\u2028\"\n}\n",
                write("k\"", "\"\\\b\f\n\r\t\u0000\u001f\u007f/<>&'\u00e9\u2028"));
    }

    @Test
    void keepsSurrogatePairsAndEscapesLoneSurrogates() {
        assertEquals("{\n  \"k\": \"\uD83D\uDE00 \\ud83d \\ude00\"\n}\n", write("k", "\uD83D\uDE00 \uD83D \uDE00"));
    }

    @Test
    void anEmptyDocumentIsAPairOfBraces() {
        assertEquals("{}\n", new String(JqStyleWriter.write(Map.of()), StandardCharsets.UTF_8));
    }

    /** Files whose numbers jq 1.6 prints unchanged (it reformats exponents and long integers). */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"cmdAdd\":\"1*error(a->b)\",\"cmdDel\":\"2*panic(\\\"quoted\\\" \\\\ back\\tslash)\"}",
        "{\"a\":[],\"b\":{},\"c\":[[],[{}],{\"d\":[1,-2,3.5,true,false,null]}],\"e\":\"\\u0001\\u007f\\u2028é😀\"}",
        "{\"eventLog\":[{\"call\":\"ADD\",\"fired\":\"error(x)\",\"atMillis\":1733300000000}],\"seed\":-42}",
        "{}"
    })
    void matchesJq(String json) throws Exception {
        FailpointDocument document = DocumentParser.parse(json.getBytes(StandardCharsets.UTF_8), "/t.json");
        Path file = Files.write(dir.resolve("t.json"), JqStyleWriter.write(document.values()));
        Jq.assertPrintsSame(file);
    }
}

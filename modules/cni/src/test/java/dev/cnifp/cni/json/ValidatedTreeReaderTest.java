package dev.cnifp.cni.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path of {@link GoJson#parse} gives what the jackson path gives, or leaves the document to jackson. */
class ValidatedTreeReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "\"\"", "0", "-0", "1e3", "-1.5E-7", "123456789012345678901234567890", "true", "false", "null",
        " \t\r\n{ \"a\" : 1 , \"b\" : [ true , false , null , { } , [ ] ] } \n",
        "{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"type\":\"cni-bridge-fp\",\"runtimeConfig\":{\"x\":{\"y\":\"/tmp/f\"}}}",
        "{\"a\":1,\"A\":2,\"a\":3}",
        "{\"esc\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t u\\u00e9\\u20AC \\ud83d\\ude00 lone \\udc00 \\ud800x nul \\u0000\"}",
        "{\"\\u0061\":\"key escaped\"}",
        "[\"é€😀 ünïcödé\", 1.0, 2.50, -0.0, 1E+2, 1e-0]",
        "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]",
        "[9, -9, 90, 1.0, 1.9, 1.00, 1.99, 1e0, 1e9, 1e00, 1e99, 1E+09]",
        "\"\\uFaAf \\u0009 \\uABCD \\uffff\"",
    })
    void sameTreeAsJackson(String document) throws Exception {
        JsonValue fast = ValidatedTreeReader.read(document);
        assertNotNull(fast, "fast path taken");
        assertEquals(GoJson.readWithJackson(document), fast);
        assertEquals(fast, GoJson.parse(document.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "{\"a\":"})
    void nestingUpToItsLimitTakesTheFastPath(String open) throws Exception {
        String close = open.equals("[") ? "]" : "}";
        String atTheLimit = open.repeat(200) + "1" + close.repeat(200);
        JsonValue fast = ValidatedTreeReader.read(atTheLimit);
        assertNotNull(fast, "fast path taken");
        assertEquals(GoJson.readWithJackson(atTheLimit), fast);
        String beyond = open.repeat(201) + "1" + close.repeat(201);
        assertNull(ValidatedTreeReader.read(beyond));
        assertEquals(GoJson.readWithJackson(beyond), GoJson.parse(beyond));
    }

    @Test
    void deepAndLongLeftToJackson() throws Exception {
        String deep = "[".repeat(300) + "]".repeat(300);
        assertNull(ValidatedTreeReader.read(deep));
        assertEquals(GoJson.readWithJackson(deep), GoJson.parse(deep));
        String longName = "{\"" + "k".repeat(50_001) + "\":1}";
        assertNull(ValidatedTreeReader.read(longName));
        String longValue = "{\"k\":\"" + "v".repeat(100_000) + "\"}";
        assertEquals(GoJson.readWithJackson(longValue), ValidatedTreeReader.read(longValue));
    }
}

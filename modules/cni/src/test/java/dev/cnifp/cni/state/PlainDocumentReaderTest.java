package dev.cnifp.cni.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path of {@link DocumentParser} gives what jackson gives, or leaves the document to jackson. */
class PlainDocumentReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", " \t\r\n{ } \n", "{\"cmdAdd\": \"999999*error(x)\"}\n",
        "{\n  \"cmdAdd\": \"1*off\",\n  \"cmdDel\": \"off\"\n}\n",
        "{\"cmdAdd\": \"1*off\", \"n\": [1, true, null, {}]}",
        "{\"a\":1,\"b\":2,\"a\":3}", "{\"n\":[0,-1,123456789012345678,-123456789012345678,[],{\"x\":{}}]}",
        "{\"é€😀\":\"ünïcödé\"}",
        "{\"a\":[1 ,2\t,3\n,4\r,true,false],\"b\":null}",
    })
    void sameValuesAsJackson(String document) throws Exception {
        Object fast = PlainDocumentReader.read(document.toCharArray());
        assertNotNull(fast, "fast path taken");
        assertEquals(DocumentParser.readWithJackson(document.toCharArray(), "p: "), fast);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "[]", "\"s\"", "1", "\uFEFF{}", "{", "{}x", "{} {}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}",
        "{\"a\":1.5}", "{\"a\":1e3}", "{\"a\":-0}", "{\"a\":01}", "{\"a\":1234567890123456789}", "{\"a\":+1}",
        "{\"a\":1x}", "{\"a\":truex}", "{\"a\":nul}", "{\"a\":\"esc\\n\"}", "{\"a\":\"tab\there\"}",
        "{\"a\":[1 2]}", "{\"a\":[1,]}", "{'a':1}", "{\"a\":1}/*c*/", "{\"a\":NaN}",
        "{\"x\":{\"a\":1 :,\"y\":2}", "{\"x\":[1 :,\"y\":2}",
    })
    void othersLeftToJackson(String document) {
        assertNull(PlainDocumentReader.read(document.toCharArray()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 98, 99})
    void nestingUpToItsLimitTakesTheFastPath(int depth) throws Exception {
        char[] document = nested(depth);
        Object fast = PlainDocumentReader.read(document);
        assertNotNull(fast, "fast path taken");
        assertEquals(DocumentParser.readWithJackson(document, "p: "), fast);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101, 998})
    void deeperNestingIsLeftToJackson(int depth) throws Exception {
        assertNull(PlainDocumentReader.read(nested(depth)));
        assertNotNull(DocumentParser.readWithJackson(nested(depth), "p: "), "jackson reads it");
    }

    @Test
    void nestingPastJacksonsLimitIsAnError() {
        assertNull(PlainDocumentReader.read(nested(1000)));
        StateException e = assertThrows(StateException.class,
                () -> DocumentParser.readWithJackson(nested(1000), "p: "));
        assertEquals("p: invalid JSON: nested too deeply or a value too long", e.getMessage());
    }

    /** An object whose one member holds {@code depth} nested arrays. */
    private static char[] nested(int depth) {
        return ("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}").toCharArray();
    }
}

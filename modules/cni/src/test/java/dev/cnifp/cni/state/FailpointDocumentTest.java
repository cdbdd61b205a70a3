package dev.cnifp.cni.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailpointDocumentTest {
    private static FailpointDocument parse(String json) throws StateException {
        return DocumentParser.parse(json.getBytes(StandardCharsets.UTF_8), "/test.json");
    }

    private static String written(FailpointDocument document) {
        return new String(JqStyleWriter.write(document.values()), StandardCharsets.UTF_8);
    }

    @Test
    void absentNullAndEmptyEntriesMeanNoFailpoint() throws Exception {
        FailpointDocument document = parse("{\"cmdDel\": null, \"cmdCheck\": \"\", \"cmdGC\": \"1*off\"}");

        assertEquals(Optional.empty(), document.entry("cmdAdd"));
        assertEquals(Optional.empty(), document.entry("cmdDel"));
        assertEquals(Optional.empty(), document.entry("cmdCheck"));
        assertEquals(Optional.of("1*off"), document.entry("cmdGC"));
        assertEquals(List.of("cmdDel", "cmdCheck", "cmdGC"), document.keys());
    }

    @Test
    void entriesAreOnlyTheFiveCommandKeys() throws Exception {
        FailpointDocument document = parse("{}");
        assertThrows(IllegalArgumentException.class, () -> document.entry("cmdadd"));
        assertThrows(IllegalArgumentException.class, () -> document.setEntry("seed", "1*off"));
        assertThrows(IllegalArgumentException.class, () -> document.put("cmdAdd", 5));
        assertThrows(NullPointerException.class, () -> document.setEntry("cmdAdd", null));
        document.put("cmdStatus", null);
        assertEquals(Optional.empty(), document.entry("cmdStatus"));
    }

    /** Go's encoding/json matches the Go plugin's struct fields case-insensitively, with Unicode simple folding. */
    @Test
    void keysNameEntriesCaseInsensitivelyLikeGo() throws Exception {
        FailpointDocument document = parse(
                "{\"CMDADD\": \"1*error(upper)\", \"cmddel\": \"2*off\", \"cmdChec\u212A\": \"3*off\", \"cmdAddAfter\": 1}");

        assertEquals(Optional.of("1*error(upper)"), document.entry("cmdAdd"));
        assertEquals(Optional.of("2*off"), document.entry("cmdDel"));
        assertEquals(Optional.of("3*off"), document.entry("cmdCheck"), "U+212A KELVIN SIGN folds to k, in Go too");

        document.setEntry("cmdAdd", "0*error(upper)");
        document.setEntry("cmdDel", "1*off");

        assertEquals(List.of("CMDADD", "cmddel", "cmdChec\u212A", "cmdAddAfter"), document.keys(),
                "an entry is written back under the key that held it, in its place");
        assertEquals(Optional.of("0*error(upper)"), document.value("CMDADD"));
        assertEquals(Optional.of("1*off"), document.value("cmddel"));
    }

    /** Go assigns each matching key in turn, so the last wins; null leaves the field as it was. */
    @Test
    void theLastKeyWithAValueHoldsAnEntry() throws Exception {
        FailpointDocument document = parse(
                "{\"cmdAdd\": \"1*error(first)\", \"CmdAdd\": \"1*error(second)\", \"CMDADD\": null}");

        assertEquals(Optional.of("1*error(second)"), document.entry("cmdAdd"));
        document.setEntry("cmdAdd", "0*error(second)");

        assertEquals(Optional.of("1*error(first)"), document.value("cmdAdd"), "the shadowed key is left alone");
        assertEquals(Optional.of("0*error(second)"), document.value("CmdAdd"));
        assertEquals(Optional.empty(), document.value("CMDADD"));
        assertEquals(List.of("cmdAdd", "CmdAdd", "CMDADD"), document.keys());
    }

    /**
     * The same rules when a key repeats itself exactly, on both reading paths (a fraction sends a file to jackson):
     * Go decodes each occurrence into the one field, so null keeps the spec before it, and a number fails the file.
     */
    @Test
    void aKeyRepeatedExactlyFollowsGosRulesToo() throws Exception {
        for (String jacksonPath : List.of("", ", \"ratio\": 0.5")) {
            FailpointDocument document = parse("{\"cmdAdd\": \"1*error(x)\", \"cmdDel\": \"1*off\", \"cmdAdd\": null"
                    + jacksonPath + "}");
            assertEquals(Optional.of("1*error(x)"), document.entry("cmdAdd"), jacksonPath);
            document.setEntry("cmdAdd", "0*error(x)");
            assertEquals(List.of("cmdAdd", "cmdDel"), document.keys().subList(0, 2), jacksonPath);
            assertEquals(Optional.of("0*error(x)"), document.value("cmdAdd"), jacksonPath);

            assertEquals(Optional.of("1*error(y)"),
                    parse("{\"cmdAdd\": \"1*error(x)\", \"cmdAdd\": \"1*error(y)\"" + jacksonPath + "}").entry("cmdAdd"));
            assertEquals(Optional.of(2L), parse("{\"seed\": 1, \"seed\": 2" + jacksonPath + "}").value("seed"),
                    "any other key: the last value wins");

            for (String typeError : List.of("{\"cmdAdd\": 5, \"cmdAdd\": \"1*error(y)\"",
                    "{\"cmdAdd\": \"1*error(y)\", \"cmdAdd\": true", "{\"cmdAdd\": [], \"cmdAdd\": null")) {
                StateException e = assertThrows(StateException.class, () -> parse(typeError + jacksonPath + "}"),
                        typeError);
                assertEquals("failed to unmarshal failpoint conf /test.json: \"cmdAdd\" is not a string", e.getMessage());
            }
        }
    }

    @Test
    void anEntryHeldByNoKeyIsWrittenUnderItsOwnName() throws Exception {
        FailpointDocument document = parse("{\"CMDADD\": null, \"cmdAdd\": null}");

        assertEquals(Optional.empty(), document.entry("cmdAdd"));
        document.setEntry("cmdAdd", "1*off");

        assertEquals(List.of("CMDADD", "cmdAdd"), document.keys(), "cmdAdd, null until now, is set in place");
        assertEquals(Optional.of("1*off"), document.entry("cmdAdd"));
        assertThrows(IllegalArgumentException.class, () -> document.put("CmdDel", 5),
                "a key that names an entry must hold a spec string, however it is spelled");
    }

    @Test
    void setEntryKeepsThePositionAndAppendsNewKeys() throws Exception {
        FailpointDocument document = parse("{\"a\": 1, \"cmdAdd\": \"1*off\", \"z\": 2}");

        document.setEntry("cmdAdd", "0*off");
        document.setEntry("cmdDel", "3*error(x)");

        assertEquals(List.of("a", "cmdAdd", "z", "cmdDel"), document.keys());
        assertEquals("""
                {
                  "a": 1,
                  "cmdAdd": "0*off",
                  "z": 2,
                  "cmdDel": "3*error(x)"
                }
                """, written(document));
    }

    @Test
    void anyTopLevelKeyCanBeReadAndReplaced() throws Exception {
        FailpointDocument document = parse("{\"seed\": 42, \"eventLog\": [{\"call\": \"ADD\"}], \"gone\": true}");

        assertEquals(Optional.of(42L), document.value("seed"));
        assertEquals(Optional.of(List.of(Map.of("call", "ADD"))), document.value("eventLog"));

        List<Object> log = new ArrayList<>((List<?>) document.value("eventLog").orElseThrow());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("call", "DEL");
        event.put("fired", null);
        event.put("ms", 1.5);
        log.add(event);
        document.put("eventLog", log);
        document.put("seed", BigInteger.TEN.pow(30));
        document.remove("gone");
        document.put("ratio", 0.25f);
        log.clear(); // the document holds a copy

        assertEquals("""
                {
                  "seed": 1000000000000000000000000000000,
                  "eventLog": [
                    {
                      "call": "ADD"
                    },
                    {
                      "call": "DEL",
                      "fired": null,
                      "ms": 1.5
                    }
                  ],
                  "ratio": 0.25
                }
                """, written(document));
    }

    @Test
    void integersAndDecimalsHaveOneShapeEach() throws Exception {
        FailpointDocument document = parse("{}");
        document.put("int", 7);
        document.put("bigButSmall", BigInteger.valueOf(7));
        document.put("double", 0.1);
        assertEquals(Optional.of(7L), document.value("int"));
        assertEquals(Optional.of(7L), document.value("bigButSmall"));
        assertEquals(Optional.of(new BigDecimal("0.1")), document.value("double"));
        document.put("short", (short) 7);
        document.put("byte", (byte) 7);
        document.put("longMax", BigInteger.valueOf(Long.MAX_VALUE));
        document.put("longMin", BigInteger.valueOf(Long.MIN_VALUE));
        document.put("pastLongMax", BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
        assertEquals(Optional.of(7L), document.value("short"));
        assertEquals(Optional.of(7L), document.value("byte"));
        assertEquals(Optional.of(Long.MAX_VALUE), document.value("longMax"));
        assertEquals(Optional.of(Long.MIN_VALUE), document.value("longMin"));
        assertEquals(Optional.of(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)), document.value("pastLongMax"));
    }

    @Test
    void valuesWithoutAJsonFormAreRefused() throws Exception {
        FailpointDocument document = parse("{}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> document.put("x", Double.NaN));
        assertEquals("not representable in JSON: java.lang.Double NaN", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> document.put("x", Float.POSITIVE_INFINITY));
        e = assertThrows(IllegalArgumentException.class, () -> document.put("x", new Object()));
        assertEquals("not representable in JSON: java.lang.Object", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> document.put("x", Map.of(1, "one")));
        assertThrows(IllegalArgumentException.class, () -> document.put("x", List.of(new StringBuilder())));
        assertEquals(List.of(), document.keys());
    }

    @Test
    @SuppressWarnings("unchecked")
    void valuesReadFromTheFileCannotBeChangedBehindTheDocumentsBack() throws Exception {
        FailpointDocument document = parse("{\"list\": [1], \"map\": {\"a\": 1}}");
        assertThrows(UnsupportedOperationException.class,
                () -> ((List<Object>) document.value("list").orElseThrow()).add(2));
        assertThrows(UnsupportedOperationException.class,
                () -> ((Map<String, Object>) document.value("map").orElseThrow()).put("b", 2));
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceAndLastValue() throws Exception {
        FailpointDocument document = parse("{\"cmdAdd\": \"1*off\", \"x\": 1, \"cmdAdd\": \"2*off\"}");
        assertEquals(Optional.of("2*off"), document.entry("cmdAdd"));
        assertEquals(List.of("cmdAdd", "x"), document.keys());
    }
}

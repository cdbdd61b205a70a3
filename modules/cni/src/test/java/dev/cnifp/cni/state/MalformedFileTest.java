package dev.cnifp.cni.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A confpath may point at any file on the node (it comes from a pod annotation). Whatever is there, an update that
 * cannot parse it fails with a message that quotes none of it, and leaves the file exactly as it was.
 */
class MalformedFileTest {
    @TempDir
    Path dir;

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("empty", bytes(""), "unexpected end of JSON input"),
                Arguments.of("blank", bytes(" \n\t"), "unexpected end of JSON input"),
                Arguments.of("truncated", bytes("{\"cmdAdd\": \"1*off\", \"SECRET\""), "unexpected end of JSON input"),
                Arguments.of("unclosed array", bytes("{\"a\": [\"SECRET\""), "unexpected end of JSON input"),
                Arguments.of("array", bytes("[\"SECRET\"]"), "not a JSON object"),
                Arguments.of("string", bytes("\"SECRET\""), "not a JSON object"),
                Arguments.of("number", bytes("42"), "not a JSON object"),
                Arguments.of("null", bytes("null"), "not a JSON object"),
                Arguments.of("shadow-like text", bytes("root:SECRET:19000:0:99999:7:::\n"),
                        "invalid JSON at line 1, column 1"),
                Arguments.of("cmdAdd is a number", bytes("{\"cmdAdd\": 5, \"x\": \"SECRET\"}"),
                        "\"cmdAdd\" is not a string"),
                Arguments.of("CMDADD, which names cmdAdd, is a number", bytes("{\"CMDADD\": 5, \"x\": \"SECRET\"}"),
                        "\"CMDADD\" is not a string"),
                Arguments.of("cmdGC is an object", bytes("{\"cmdGC\": {\"SECRET\": 1}}"), "\"cmdGC\" is not a string"),
                Arguments.of("cmdDel is a list", bytes("{\"cmdDel\": [\"SECRET\"]}"), "\"cmdDel\" is not a string"),
                Arguments.of("trailing object", bytes("{\"cmdAdd\": \"1*off\"}\n{\"SECRET\": 1}"),
                        "invalid JSON at line 2, column 1: unexpected data after the top-level object"),
                Arguments.of("trailing word", bytes("{}\nSECRET"), "invalid JSON at line 2, column 1"),
                Arguments.of("single quotes", bytes("{'SECRET': 1}"), "invalid JSON at line 1, column 2"),
                Arguments.of("comment", bytes("/* SECRET */ {}"), "invalid JSON at line 1, column 1"),
                Arguments.of("leading zero", bytes("{\"SECRET\": 01}"), "invalid JSON at line 1, column 13"),
                Arguments.of("NaN", bytes("{\"SECRET\": NaN}"), "invalid JSON at line 1, column 15"),
                Arguments.of("raw newline in string", bytes("{\"a\": \"SEC\nRET\"}"), "invalid JSON at line 1, column 11"),
                Arguments.of("byte order mark", bytes("\uFEFF{\"cmdAdd\": \"SECRET\"}"), "invalid JSON at line 1, column 1"),
                Arguments.of("invalid UTF-8", new byte[] {'{', '"', 'S', 'E', 'C', (byte) 0xC3, '"', ':', '1', '}'},
                        "invalid UTF-8"),
                Arguments.of("UTF-16", "{\"cmdAdd\": \"SECRET\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                        "invalid JSON at line 1, column 3"),
                Arguments.of("nested too deeply", bytes("[".repeat(5000) + "\"SECRET\"" + "]".repeat(5000)),
                        "not a JSON object"),
                Arguments.of("object nested too deeply", bytes("{\"a\":".repeat(5000) + "\"SECRET\"" + "}".repeat(5000)),
                        "invalid JSON: nested too deeply or a value too long"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void isNeitherQuotedNorRewritten(String description, byte[] content, String reason) throws Exception {
        Path file = Files.write(dir.resolve("conf.json"), content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        FileSnapshot before = FileSnapshot.of(file);

        StateException e = assertThrows(StateException.class, () -> FailpointFile.at(file.toString())
                .update(document -> {
                    document.setEntry("cmdAdd", "1*off");
                    return null;
                }));

        assertEquals("failed to unmarshal failpoint conf " + file + ": " + reason, e.getMessage());
        assertFalse(e.getMessage().contains("SEC"), e.getMessage());
        assertEquals(before, FileSnapshot.of(file));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}

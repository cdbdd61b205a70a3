package dev.cnifp.cni.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares a file with what {@code jq .} prints for it, when jq is installed (silently passes otherwise). */
final class Jq {
    private Jq() {}

    static void assertPrintsSame(Path file) throws IOException, InterruptedException {
        if (!Tools.available("jq")) {
            return;
        }
        Process jq = new ProcessBuilder("jq", ".", file.toString()).redirectErrorStream(true).start();
        String printed = new String(jq.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, jq.waitFor(), printed);
        assertEquals(printed, Files.readString(file), "cat differs from jq .");
    }
}

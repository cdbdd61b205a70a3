package dev.cnifp.cni.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnifp.cni.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares a file with what {@code jq .} prints for it; without jq the test is skipped ({@link Prerequisites}). */
final class Jq {
    private Jq() {}

    static void assertPrintsSame(Path file) throws IOException, InterruptedException {
        Prerequisites.requireOnPath("jq", "jq");
        Process jq = new ProcessBuilder("jq", ".", file.toString()).redirectErrorStream(true).start();
        String printed = new String(jq.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, jq.waitFor(), printed);
        assertEquals(printed, Files.readString(file), "cat differs from jq .");
    }
}

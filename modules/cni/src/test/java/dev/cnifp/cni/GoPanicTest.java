package dev.cnifp.cni;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GoPanicTest {

    @Test
    void looksLikeAGoPanicWithTabIndentedContinuationLines() {
        StackTraceElement[] stack = {
            new StackTraceElement("dev.cnifp.cni.Plugin", "run", "Plugin.java", 33),
            new StackTraceElement("dev.cnifp.cni.Main", "main", null, -2),
        };
        assertEquals("""
                panic: first
                \tsecond

                goroutine 1 [running]:
                dev.cnifp.cni.Plugin.run(...)
                \tPlugin.java:33
                dev.cnifp.cni.Main.main(...)
                \t?:0
                """, GoPanic.text("first\nsecond", stack));
    }
}

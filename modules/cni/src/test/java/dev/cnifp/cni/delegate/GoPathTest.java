package dev.cnifp.cni.delegate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoPathTest {

    @ParameterizedTest(name = "join({0}, {1}) = {2}")
    @CsvSource(quoteCharacter = '`', value = {
        "``, bridge, bridge",
        "., bridge, bridge",
        "/opt/cni/bin/, bridge, /opt/cni/bin/bridge",
        "/opt//cni/./bin, bridge, /opt/cni/bin/bridge",
        "a/../b, bridge, b/bridge",
        "../x, bridge, ../x/bridge",
        "/.., bridge, /bridge",
        "a/.., bridge, bridge",
        "../../a/.., bridge, ../../bridge",
    })
    void joinCleansLikeGo(String dir, String name, String joined) {
        assertEquals(joined, GoPath.join(dir, name));
    }

    @Test
    void splitListKeepsEmptyElements() {
        assertEquals(List.of(), GoPath.splitList(""));
        assertEquals(List.of("", "", ""), GoPath.splitList("::"));
        assertEquals(List.of("/a", "", "b"), GoPath.splitList("/a::b"));
    }
}

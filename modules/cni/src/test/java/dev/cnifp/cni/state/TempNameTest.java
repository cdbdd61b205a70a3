package dev.cnifp.cni.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The regex-free temp-name check of the stale-temp sweep agrees with the pattern. */
class TempNameTest {

    /** The temp names of the file {@code name}, as a regex: the reference the check is held to. */
    static Pattern tempNamePattern(String name) {
        return Pattern.compile("\\." + Pattern.quote(name) + "\\.[0-9a-f]{16}\\.tmp");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ".fp.json.0123456789abcdef.tmp", "fp.json.0123456789abcdef.tmp", ".fp.json.0123456789ABCDEF.tmp",
        ".fp.json.0123456789abcde.tmp", ".fp.json.0123456789abcdef0.tmp", ".fp.json.0123456789abcdef.tmq",
        ".fpXjson.0123456789abcdef.tmp", ".fp.json_0123456789abcdef.tmp", ".fp.json.0123456789abcdeg.tmp",
        "", ".", ".fp.json", ".fp.json..tmp", ".other.0123456789abcdef.tmp", "fp.json",
    })
    void sameAsPattern(String candidate) {
        assertEquals(tempNamePattern("fp.json").matcher(candidate).matches(),
                AtomicReplacement.isTempName(candidate, "fp.json"));
    }

    @Test
    void generatedNamesAreTempNamesAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String digits = AtomicReplacement.tempNameDigits();
            assertTrue(AtomicReplacement.isTempName(".fp.json." + digits + ".tmp", "fp.json"), digits);
            assertTrue(seen.add(digits), "repeated: " + digits);
        }
    }
}

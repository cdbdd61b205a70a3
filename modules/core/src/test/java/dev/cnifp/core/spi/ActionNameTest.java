package dev.cnifp.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule for action names, which the registry and the grammar both apply. */
class ActionNameTest {

    @ParameterizedTest(name = "\"{0}\" valid: {1}")
    @CsvSource(delimiter = '|', value = {
        "error|true", "x|true", "Errcode_2|true", "a_|true",
        "A|true", "Z|true", "a|true", "z|true", "x0|true", "x9|true",
        "@|false", "[|false", "`|false", "{|false", "x/|false", "x:|false",
        "''|false", "2x|false", "_x|false", "err-code|false", "err code|false", "délai|false", "error()|false",
    })
    void namesAreAsciiLettersDigitsAndUnderscoresStartingWithALetter(String name, boolean valid) {
        assertEquals(valid, FailpointAction.isValidName(name));
    }

    @Test
    void nullIsNoName() {
        assertFalse(FailpointAction.isValidName(null));
    }
}

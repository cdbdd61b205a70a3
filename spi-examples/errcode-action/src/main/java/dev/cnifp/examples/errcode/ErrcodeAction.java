package dev.cnifp.examples.errcode;

import dev.cnifp.core.spi.ArgumentRule;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.InvalidArgumentException;
import dev.cnifp.core.spi.Outcome;
import java.util.Optional;

/**
 * {@code errcode(CODE,MSG)}: fails the call with CNI error code CODE and message MSG, everything after the first
 * comma. The CNI spec reserves codes 0 to 99 for its well-known errors (e.g. 11, "try again later") and leaves 100 and
 * up to plugins; 0 is not an error, so it is refused.
 *
 * <p>The plugin makes every provider on every call: the usage text is a constant and {@code bind} checks digits by
 * hand, so that neither class initialisation nor a parse loads the JDK's formatter, locale or regex machinery.
 */
public final class ErrcodeAction implements FailpointAction {

    private static final String USAGE =
            "errcode takes CODE,MESSAGE with CODE from 1 to 2147483647, e.g. errcode(11,try again)";

    @Override
    public String name() {
        return "errcode";
    }

    @Override
    public String description() {
        return "fails the call with a CNI error: errcode(CODE,MESSAGE), e.g. errcode(11,try again later)";
    }

    @Override
    public ArgumentRule argumentRule() {
        return ArgumentRule.REQUIRED;
    }

    @Override
    public BoundAction bind(String argument) throws InvalidArgumentException {
        int comma = argument.indexOf(',');
        if (comma < 0 || comma == argument.length() - 1) {
            throw new InvalidArgumentException(USAGE + "; got no message in \"" + argument + "\"");
        }
        long code = 0;
        for (int i = 0; i < comma; i++) {
            char c = argument.charAt(i);
            if (c < '0' || c > '9' || (code = code * 10 + (c - '0')) > Integer.MAX_VALUE) {
                code = -1;
                break;
            }
        }
        if (code < 1) {
            throw new InvalidArgumentException(USAGE + "; got the code \"" + argument.substring(0, comma) + "\"");
        }
        return new Errcode((int) code, argument.substring(comma + 1));
    }

    private record Errcode(int code, String message) implements BoundAction {
        @Override
        public Optional<String> argument() {
            return Optional.of(code + "," + message);
        }

        @Override
        public Outcome fire(FireContext context) {
            return new Outcome.Fail(code, message, null);
        }

        @Override
        public Optional<Outcome> knownOutcome() {
            return Optional.of(new Outcome.Fail(code, message, null));
        }
    }
}

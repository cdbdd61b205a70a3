package dev.cnifp.core.actions;

import dev.cnifp.core.spi.Outcome;

/** {@code error(message)}: fails the call with CNI error code 999, as containerd's plugin does. */
public final class ErrorAction extends MessageAction {

    /** The code containerd's plugin always reports. */
    static final int CODE = 999;

    public ErrorAction() {
        super("error", "fails the call with CNI error code 999 and the argument as its message",
                message -> new Outcome.Fail(CODE, message, null));
    }
}

package dev.cnifp.cni.config;

import java.io.Serial;

/** A configuration field has the wrong JSON type; the message is Go's {@code json: cannot unmarshal ...}. */
public final class ConfigTypeException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public ConfigTypeException(String goMessage) {
        super(goMessage, null, false, false);
    }
}

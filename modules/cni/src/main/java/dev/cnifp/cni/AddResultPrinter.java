package dev.cnifp.cni;

import dev.cnifp.cni.protocol.CniException;

/** Turns a delegate's ADD stdout into what this plugin prints, as Go's {@code result.Print()} would. */
@FunctionalInterface
public interface AddResultPrinter {

    /**
     * @param configVersion the configuration's {@code cniVersion} ({@code 0.1.0} when it has none)
     * @throws CniException the delegate's output is not a result (code 999)
     */
    String reprint(byte[] delegateStdout, String configVersion) throws CniException;
}

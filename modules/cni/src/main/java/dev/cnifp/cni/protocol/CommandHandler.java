package dev.cnifp.cni.protocol;

import java.io.PrintStream;

/** The plugin's work for ADD, DEL, CHECK, STATUS and GC, called by {@link Skel} once a request is valid. */
@FunctionalInterface
public interface CommandHandler {

    /**
     * @param stdout where an ADD result goes (the only thing a handler may write there)
     * @param stderr free-form diagnostics
     * @throws CniException to fail the call: skel prints the error on stdout and exits 1
     */
    HandlerResult handle(Request request, PrintStream stdout, PrintStream stderr) throws CniException;
}

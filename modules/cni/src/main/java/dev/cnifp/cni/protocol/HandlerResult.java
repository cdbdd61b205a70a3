package dev.cnifp.cni.protocol;

/** How a command handler ended when it did not fail with a {@link CniException}. */
public sealed interface HandlerResult {

    /** The handler succeeded; skel finishes the call (for ADD and DEL: the netns check) and exits 0. */
    record Done() implements HandlerResult {}

    /**
     * The process ends now with this status: no error JSON, no netns check. What the handler wrote stays, e.g. a
     * Go-style panic on stderr with status 2.
     */
    record Terminate(int status) implements HandlerResult {}

    HandlerResult DONE = new Done();
}

package dev.cnifp.cni;

import dev.cnifp.cni.protocol.CniException;
import java.util.Optional;

/** Where the failpoint specs of a pod live: the file named by its confpath annotation. */
@FunctionalInterface
public interface FailpointStore {

    /**
     * Under the file's lock: reads the entries, lets {@code transition} change them, writes them back when they
     * changed, unlocks, and returns the transition's result.
     *
     * @throws CniException the path is not absolute, the file is missing or not a failpoint file, or the transition
     *         failed; nothing is written then
     */
    <R> R update(String confPath, Transition<R> transition) throws CniException;

    /** What one call does with the entries while the file is locked. */
    @FunctionalInterface
    interface Transition<R> {
        R apply(Entries entries) throws CniException;
    }

    /** The specs of a failpoint file by key, e.g. {@code cmdAdd}. */
    interface Entries {
        Optional<String> entry(String key);

        void setEntry(String key, String spec);
    }
}

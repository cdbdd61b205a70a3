package dev.cnifp.cni.state;

/**
 * What one plugin call does to the failpoint document while the file is locked: read entries, change them, and return
 * what the caller needs once the lock is released (typically the term to fire). Throwing aborts the update and leaves
 * the file untouched.
 *
 * @param <R> what the caller gets back from {@link FailpointFile#update}
 * @param <X> the checked exception the transition may throw ({@link RuntimeException} when it throws none)
 */
@FunctionalInterface
public interface Transition<R, X extends Exception> {
    R apply(FailpointDocument document) throws X;
}

package dev.cnifp.cni;

/**
 * Told by the flow, as soon as it knows, whether the call goes on to its delegate: before the failpoint file is
 * written back, from the fired action's {@link dev.cnifp.core.spi.BoundAction#knownOutcome known outcome}.
 *
 * <p>In the plugin this is {@link EarlyWork}, whose second thread prepares the delegation (the JDK's process-start
 * machinery, the printing of an ADD result) only for a call that may delegate. A call that ends at its failpoint then
 * exits with that thread idle: measured, a busy second thread made one exit in five wait 1 to 2 ms for the JVM's own
 * threads to be scheduled (docs/performance.md). Only a hint; what the call does never depends on it.
 */
@FunctionalInterface
public interface DelegationOutlook {

    /** For flows with nothing to prepare, e.g. in-process tests. */
    DelegationOutlook IGNORED = willDelegate -> { };

    /** @param willDelegate false when the call will end without its delegate; may be told again, the last word wins */
    void known(boolean willDelegate);
}

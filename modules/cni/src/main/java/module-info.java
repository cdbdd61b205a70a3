/**
 * The CNI plugin {@code cni-bridge-fp}: speaks the CNI protocol, keeps failpoint state in the file named by a pod
 * annotation, fires the failpoint and delegates the real work to the {@code bridge} plugin.
 *
 * <p>At run time the plugin needs the {@code org.slf4j.simple} provider module, which is bound through {@code org.slf4j}'s {@code uses} clause rather than
 * required here: a jlink image must add it ({@code --add-modules} or {@code --bind-services}).
 */
module dev.cnifp.cni {
    requires dev.cnifp.core;
    // jackson-jr's streaming layer: its object layer costs a cold process ~50 ms per call (docs/performance.md)
    requires com.fasterxml.jackson.core;
    requires org.slf4j;
}

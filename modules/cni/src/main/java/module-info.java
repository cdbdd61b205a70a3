/**
 * The CNI plugin {@code cni-bridge-fp}: speaks the CNI protocol, keeps failpoint state in the file named by a pod
 * annotation, fires the failpoint and delegates the real work to the {@code bridge} plugin.
 *
 * <p>At run time the plugin needs the {@code org.slf4j.simple} provider module, which is bound through {@code org.slf4j}'s {@code uses} clause rather than
 * required here: a jlink image must add it ({@code --add-modules} or {@code --bind-services}).
 */
module dev.cnifp.cni {
    requires dev.cnifp.core;
    requires com.fasterxml.jackson.jr.ob;
    requires org.slf4j;
}

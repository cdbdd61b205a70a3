/**
 * The CNI plugin {@code cni-bridge-fp}: speaks the CNI protocol, keeps failpoint state in the file named by a pod
 * annotation, fires the failpoint and delegates the real work to the {@code bridge} plugin.
 */
module dev.cnifp.cni {
    requires dev.cnifp.core;
    requires com.fasterxml.jackson.jr.ob;
    requires org.slf4j;
}

/**
 * The CNI protocol as the Go library's {@code skel} speaks it at CNI library HEAD: the {@link
 * dev.cnifp.cni.protocol.Command} table (which variables each command requires, which versions it accepts), the
 * {@link dev.cnifp.cni.protocol.Skel} dispatcher, and the one error type, {@link dev.cnifp.cni.protocol.CniError},
 * printed in one place.
 */
package dev.cnifp.cni.protocol;

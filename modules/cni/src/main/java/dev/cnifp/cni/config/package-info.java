/**
 * Network configuration decoding with Go's {@code encoding/json} struct rules (case-insensitive keys, last duplicate
 * wins, {@code null} leaves a field alone, first type error reported in Go's words), for the fields skel and this
 * plugin read.
 */
package dev.cnifp.cni.config;

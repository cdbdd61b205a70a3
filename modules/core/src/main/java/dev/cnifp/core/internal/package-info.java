/** Helpers shared by the core's packages; not exported. */
package dev.cnifp.core.internal;

/**
 * Discovery of failpoint actions: {@link dev.cnifp.core.registry.ActionRegistry} finds every
 * {@link dev.cnifp.core.spi.FailpointAction} provider, built-in or third-party, in the boot layer or in given module
 * layers, and refuses two providers that claim one name.
 */
package dev.cnifp.core.registry;

/**
 * The plugin's log: slf4j with slf4j-simple, configured from the network configuration's {@code logLevel} and
 * {@code logFile}, never writing to stdout, and not initialised at all when nothing is logged.
 */
package dev.cnifp.cni.logging;

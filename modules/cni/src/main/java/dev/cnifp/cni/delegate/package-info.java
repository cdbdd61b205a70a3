/**
 * Delegation to the real plugin ({@code bridge}), answering exactly as a Go plugin built on the current CNI library
 * ({@code pkg/invoke}, {@code pkg/types}) would.
 *
 * <p>Entry points: {@link dev.cnifp.cni.delegate.Delegate} finds the plugin on {@code CNI_PATH}
 * ({@code PluginLocator}), runs it ({@code PluginProcess}) and turns a failure into the CNI error Go's
 * {@code pluginErr} makes ({@code PluginFailure}); {@link dev.cnifp.cni.delegate.AddResult} re-prints an ADD result
 * the way the typed Go result prints itself ({@code ResultCreator} with the {@code Result020}, {@code Result040} and
 * {@code Result100} families).
 *
 * <p>Go's decoding rules are reproduced by a small model of {@code encoding/json}: {@code GoType} and
 * {@code GoStruct} say how each Go type takes a JSON value, {@code GoUnmarshal} is one {@code json.Unmarshal} call
 * with Go's error positions, {@code GoMaps} is a trip through {@code map[string]interface{}}, and {@code GoIp}
 * parses and prints addresses like Go's {@code net} package.
 */
package dev.cnifp.cni.delegate;

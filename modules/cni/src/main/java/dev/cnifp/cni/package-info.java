/**
 * The plugin's flow: {@link dev.cnifp.cni.Main} wires the process to {@link dev.cnifp.cni.Plugin}, which runs skel
 * with a handler that steps the command's failpoint under the failpoint file's lock, fires the selected action with
 * the lock released, and delegates to {@code bridge}. Every outside collaborator is in
 * {@link dev.cnifp.cni.Collaborators}, so the whole flow runs in-process in tests.
 */
package dev.cnifp.cni;

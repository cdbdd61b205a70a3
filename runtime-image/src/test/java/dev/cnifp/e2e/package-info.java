/**
 * End-to-end tests of the finished cni-bridge-fp image, run by failsafe ({@code *IT}) with the system property
 * {@code cnifp.image} = the jlink image.
 *
 * <p>The harness: {@link dev.cnifp.e2e.NetnsSandbox} (a private network + mount namespace with the README's
 * {@code failpoint} netns, torn down with its holder process), {@link dev.cnifp.e2e.PluginRunner} (the plugin run
 * like a runtime runs it: CNI_* environment, netconf on stdin, inside a sandbox or not),
 * {@link dev.cnifp.e2e.CniPath} (a CNI bin directory like /opt/cni/bin, with Debian's real delegates or a fake
 * one) and {@link dev.cnifp.e2e.FailpointFile} (the file as {@code cat}, {@code jq .} and data show it).
 *
 * <p>The tests: {@code SeedReadmeIT} (the seed README's example, output for output), {@code PlainDelegationIT},
 * {@code FailpointActionsIT} and {@code ContainerdCallsIT} (real bridge and host-local in a sandbox, as root; the last
 * replays containerd's calls for a pod and the scenarios of its failpoint tests, without containerd),
 * {@code FailpointFileIT}, {@code DelegationContractIT}, {@code ConcurrentUpdatesIT} and {@code CrashSafetyIT} (a
 * fake bridge, no root, no namespace), {@code ThirdPartyActionIT} (docs/writing-actions.md followed: its example
 * action module compiled against the image and run in front of the real bridge; an action printing to System.out),
 * {@code InstallDefaultsIT} (install.sh's default /opt paths, under a tmpfs in a mount namespace of its own), and
 * {@code NetnsSandboxIT} (the harness keeps to its sandbox).
 *
 * <p>System properties: {@code cnifp.image} (required), {@code cnifp.docs} (the docs directory, for
 * {@code ThirdPartyActionIT}), {@code cnifp.requireRealParts=true} (missing root,
 * unshare or /usr/lib/cni/bridge fails instead of skipping; {@code CI=true} in the environment does the same),
 * {@code cnifp.plugin} (run another binary instead; with {@code /usr/lib/cni/bridge} the plain-delegation tests
 * check the harness itself and the failpoint tests skip), {@code cnifp.concurrency.processes} (default 100),
 * {@code cnifp.crash.iterations} (200), {@code cnifp.crash.seed}.
 */
package dev.cnifp.e2e;

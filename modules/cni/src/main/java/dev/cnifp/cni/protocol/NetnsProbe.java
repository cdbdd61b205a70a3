package dev.cnifp.cni.protocol;

/** Tells whether a network namespace path is the plugin's own namespace (Go's {@code ns.CheckNetNS}). */
@FunctionalInterface
public interface NetnsProbe {

    /**
     * @return true only when {@code path} names the namespace the plugin runs in; false when it names another one or
     *         cannot be opened (a DEL without or with a vanished namespace is fine)
     * @throws CniException code 8 when the plugin's own namespace cannot be determined
     */
    boolean isPluginNetns(String path) throws CniException;
}

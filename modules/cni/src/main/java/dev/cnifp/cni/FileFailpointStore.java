package dev.cnifp.cni;

import dev.cnifp.cni.protocol.CniException;
import dev.cnifp.cni.state.FailpointDocument;
import dev.cnifp.cni.state.FailpointFile;
import dev.cnifp.cni.state.StateException;
import java.util.Optional;

/** The failpoint store on disk: {@link FailpointFile}, whose errors are CNI errors with code 999. */
final class FileFailpointStore implements FailpointStore {

    @Override
    public <R> R update(String confPath, Transition<R> transition) throws CniException {
        try {
            return FailpointFile.at(confPath).update(document -> transition.apply(new DocumentEntries(document)));
        } catch (StateException e) {
            throw CniException.internal(e.getMessage());
        }
    }

    private record DocumentEntries(FailpointDocument document) implements Entries {
        @Override
        public Optional<String> entry(String key) {
            return document.entry(key);
        }

        @Override
        public void setEntry(String key, String spec) {
            document.setEntry(key, spec);
        }
    }
}

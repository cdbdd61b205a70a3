package dev.cnifp.cni.state;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a command-line tool a test compares against is installed. */
final class Tools {
    private Tools() {}

    static boolean available(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}

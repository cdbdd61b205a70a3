package dev.cnifp.cni;

/** Entry point of the plugin binary. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String command = System.getenv("CNI_COMMAND");
        if (command == null || command.isEmpty()) {
            System.err.print("bridge with failpoint support\n"
                    + "CNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0\n");
            return;
        }
        if (command.equals("VERSION")) {
            System.out.print("{\"cniVersion\":\"1.1.0\",\"supportedVersions\":"
                    + "[\"0.1.0\",\"0.2.0\",\"0.3.0\",\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}\n");
            return;
        }
        System.out.print("{\n    \"code\": 4,\n    \"msg\": \"unknown CNI_COMMAND: " + command + "\"\n}");
        System.exit(1);
    }
}

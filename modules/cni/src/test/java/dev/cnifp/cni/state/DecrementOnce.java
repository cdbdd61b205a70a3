package dev.cnifp.cni.state;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Test main that behaves like one plugin process: spends one count of {@code cmdAdd} in the failpoint file.
 *
 * <pre>DecrementOnce [--wait-for-go] [--until-exhausted] FILE</pre>
 *
 * With {@code --wait-for-go} it prints {@code ready} and waits for a line on stdin, so a test can release many
 * processes at the same moment. With {@code --until-exhausted} it keeps updating (a target for random kills).
 * It prints one {@code +} per spent count, {@code 0} when there was none left; exit 1 with the message on failure.
 */
public final class DecrementOnce {
    private DecrementOnce() {}

    public static void main(String[] args) throws Exception {
        boolean waitForGo = false;
        boolean untilExhausted = false;
        String path = null;
        for (String arg : args) {
            switch (arg) {
                case "--wait-for-go" -> waitForGo = true;
                case "--until-exhausted" -> untilExhausted = true;
                default -> path = arg;
            }
        }
        try {
            FailpointFile file = FailpointFile.at(path);
            if (waitForGo) {
                System.out.println("ready");
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            boolean spent;
            do {
                spent = file.update(DecrementOnce::spendAddCount);
                System.out.print(spent ? '+' : '0');
                System.out.flush();
            } while (untilExhausted && spent);
        } catch (StateException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }

    private static boolean spendAddCount(FailpointDocument document) {
        String spec = document.entry("cmdAdd").orElseThrow();
        String next = CountedSpecs.spendOne(spec);
        document.setEntry("cmdAdd", next);
        return !next.equals(spec);
    }
}

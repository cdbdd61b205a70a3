package dev.cnifp.cni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A call gets its second thread when it may read a failpoint file and a second CPU can run that thread. */
class WiringTest {

    @ParameterizedTest(name = "{0} on {1} CPUs: second thread {2}")
    @CsvSource({
        "ADD, 2, true",
        "DEL, 4, true",
        "CHECK, 2, true",
        "ADD, 1, false",
        "DEL, 1, false",
        "VERSION, 8, false",
    })
    void startsTheSecondThreadOnlyWhereItCanHelp(String command, int processors, boolean started) throws Exception {
        Set<Thread> before = earlyWorkThreads();

        EarlyWork work = Wiring.startEarlyWork(command, processors);

        Set<Thread> startedNow = earlyWorkThreads();
        startedNow.removeAll(before);
        work.known(false); // a call that ends at its failpoint: the thread finishes its warm-ups and ends
        assertEquals(started, !startedNow.isEmpty(), "threads started: " + startedNow);
        for (Thread thread : startedNow) {
            thread.join(10_000);
            assertFalse(thread.isAlive(), "the second thread outlived a call that does not delegate");
        }
    }

    private static Set<Thread> earlyWorkThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("cnifp-early-work")) {
                threads.add(thread);
            }
        }
        return threads;
    }
}

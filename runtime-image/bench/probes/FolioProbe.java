import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the kernel's page cache holds each file given: how many of its pages sit in folios of 1, 2, 4 ... pages.
 * Quoted in docs/performance.md ("Folios"); bench/folios.sh runs it.
 *
 * <p>The same bytes cost a JVM start different times depending on this: mapping a 4 KB page costs more than mapping
 * the same page out of a large folio. The probe maps each file, touches every page, and for each page looks up its
 * physical frame (/proc/self/pagemap) and that frame's flags (/proc/kpageflags): the head of a large folio, one of
 * its tail pages, or a page on its own. Both files give frame numbers and flags to root only.
 *
 * <p>A page that is not in the page cache is read in by the touch itself, through a page fault, as a plugin call
 * after a reboot would read it: run the probe on files that are cached in the state to be described.
 *
 * <pre>java runtime-image/bench/probes/FolioProbe.java FILE...</pre>
 *
 * Prints one line a file: its pages, the share of them in folios larger than one page, and the folio sizes with
 * the number of pages in each, e.g. {@code libjvm.so: 7276 pages, 100% in large folios (16 pages: 7264, 8: 8, ...)}.
 */
public class FolioProbe {
    private static final int PAGE = 4096;
    private static final long PRESENT = 1L << 63;
    private static final long PFN_MASK = (1L << 55) - 1;
    private static final long COMPOUND_HEAD = 1L << 15;
    private static final long COMPOUND_TAIL = 1L << 16;

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java FolioProbe.java FILE...");
            System.exit(2);
        }
        for (String arg : args) {
            Path file = Path.of(arg).toRealPath();
            System.out.println(arg + ": " + describe(folioSizes(file)));
        }
    }

    /** Pages per folio size, for the pages of {@code file}. */
    static Map<Integer, Integer> folioSizes(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                RandomAccessFile pagemap = new RandomAccessFile("/proc/self/pagemap", "r");
                RandomAccessFile kpageflags = new RandomAccessFile("/proc/kpageflags", "r")) {
            long size = channel.size();
            int pages = (int) ((size + PAGE - 1) / PAGE);
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            for (int i = 0; i < pages; i++) {
                map.get(i * PAGE);
            }
            long start = mappingStart(file, pages);
            Map<Integer, Integer> pagesBySize = new TreeMap<>();
            int folio = 0;
            for (int i = 0; i < pages; i++) {
                pagemap.seek((start / PAGE + i) * 8);
                long entry = Long.reverseBytes(pagemap.readLong());
                if ((entry & PRESENT) == 0 || (entry & PFN_MASK) == 0) {
                    throw new IOException("no frame for page " + i + " of " + file + " (run as root)");
                }
                kpageflags.seek((entry & PFN_MASK) * 8);
                long flags = Long.reverseBytes(kpageflags.readLong());
                if ((flags & COMPOUND_TAIL) != 0 && folio > 0) {
                    folio++;
                    continue;
                }
                if (folio > 0) {
                    pagesBySize.merge(folio, folio, Integer::sum);
                }
                folio = 1;
                if ((flags & COMPOUND_HEAD) == 0) {
                    pagesBySize.merge(1, 1, Integer::sum);
                    folio = 0;
                }
            }
            if (folio > 0) {
                pagesBySize.merge(folio, folio, Integer::sum);
            }
            return pagesBySize;
        }
    }

    /** Where this process mapped {@code file}: the mapping of it in /proc/self/maps that is long enough. */
    private static long mappingStart(Path file, int pages) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String[] fields = line.trim().split("\\s+", 6);
            if (fields.length == 6 && fields[5].equals(file.toString())) {
                String[] range = fields[0].split("-");
                long start = Long.parseUnsignedLong(range[0], 16);
                long end = Long.parseUnsignedLong(range[1], 16);
                if (end - start >= (long) pages * PAGE) {
                    return start;
                }
            }
        }
        throw new IOException("no mapping of " + file + " in /proc/self/maps");
    }

    private static String describe(Map<Integer, Integer> pagesBySize) {
        int total = pagesBySize.values().stream().mapToInt(Integer::intValue).sum();
        int single = pagesBySize.getOrDefault(1, 0);
        StringBuilder sizes = new StringBuilder();
        pagesBySize.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed())
                .forEach(e -> sizes.append(sizes.isEmpty() ? "" : ", ")
                        .append(e.getKey()).append(e.getKey() == 1 ? " page: " : " pages: ").append(e.getValue()));
        return String.format("%d pages, %d%% in large folios (%s)", total,
                total == 0 ? 0 : Math.round(100.0 * (total - single) / total), sizes);
    }
}

package keras4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the benchmarks start their native peers (PyTorch, NumPy's OpenBLAS) so that each runs at its best, and
 * what the benchmarks say about the machine.
 *
 * <p>glibc's default allocator returns libtorch's large buffers to the kernel after each call and faults them
 * back in on the next: in these VMs the same PyTorch workload ran 2–9× slower in some processes than in others.
 * The peers therefore run with {@link #ALLOCATOR} (one arena, no mmap below 32 MB, no trimming, 256 MB top pad),
 * and with {@code OPENBLAS_CORETYPE} and {@code OPENBLAS_L2_SIZE} removed from their environment so that OpenBLAS
 * picks its own kernels for the CPU (this workplace sets them on some CPUs for the tests of other projects).
 * {@code -Dbench.openblas.coretype=NAME} sets a core type explicitly instead, for an OpenBLAS too old to
 * recognise the CPU (Debian's 0.3.21 takes Sapphire Rapids for "Prescott").
 */
final class Peers {
    private Peers() {}

    /** glibc malloc settings for the peer processes (see the class documentation). */
    static final Map<String, String> ALLOCATOR = allocator();

    private static Map<String, String> allocator() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("MALLOC_ARENA_MAX", "1");
        m.put("MALLOC_MMAP_THRESHOLD_", "33554432");
        m.put("MALLOC_TRIM_THRESHOLD_", "4294967296");
        m.put("MALLOC_TOP_PAD_", "268435456");
        return m;
    }

    /** A process builder for a peer on {@code threads} threads, with the allocator and BLAS settings above. */
    static ProcessBuilder process(List<String> command, int threads) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putAll(ALLOCATOR);
        env.remove("OPENBLAS_CORETYPE");
        env.remove("OPENBLAS_L2_SIZE");
        String coretype = System.getProperty("bench.openblas.coretype", "");
        if (!coretype.isBlank()) env.put("OPENBLAS_CORETYPE", coretype);
        env.put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        env.put("OMP_NUM_THREADS", Integer.toString(threads));
        env.put("MKL_NUM_THREADS", Integer.toString(threads));
        return pb;
    }

    /**
     * Runs a peer's Python script on {@code threads} threads ({@link #process}) and returns its "key TAB value"
     * lines in order, or null, after printing why, when the script or the interpreter is missing or the run fails
     * ({@code what} names the comparison in that message).
     */
    static Map<String, String> run(String what, Path script, List<String> args, int threads) {
        String python = python();
        if (!Files.isRegularFile(script) || !Files.isExecutable(Path.of(python))) {
            System.out.println(what + " skipped: " + python + " or " + script + " not found");
            return null;
        }
        List<String> command = new java.util.ArrayList<>(List.of(python, script.toString()));
        command.addAll(args);
        try {
            Process p = process(command, threads).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                System.out.println(what + " skipped (" + python + " " + script + " failed):");
                System.out.println(output.strip());
                return null;
            }
            Map<String, String> result = new LinkedHashMap<>();
            for (String line : output.split("\\R")) {
                String[] kv = line.split("\t");
                if (kv.length == 2) result.put(kv[0], kv[1]);
            }
            return result;
        } catch (IOException e) {
            System.out.println(what + " skipped: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** One line on the peers' conditions, printed by every benchmark that runs them. */
    static String conditions() {
        String coretype = System.getProperty("bench.openblas.coretype", "");
        return "Peers run with " + ALLOCATOR.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + " " + b).orElse("") + " and "
                + (coretype.isBlank() ? "OpenBLAS's own core detection (OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset)"
                        : "OPENBLAS_CORETYPE=" + coretype + " (set by -Dbench.openblas.coretype)");
    }

    /**
     * The CPU's model name with its family and model numbers (a VM may name only the vendor: AMD's family 25 is
     * Zen 3/4, 26 is Zen 5; Intel's family 6 model 143 is Sapphire Rapids), the processors this JVM sees and the
     * widest vector extension, e.g. "AMD EPYC (family 26, model 2), 2 CPUs, AVX-512".
     */
    static String cpu() {
        String model = System.getProperty("os.arch");
        String family = null;
        String number = null;
        String flags = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                String value = line.substring(line.indexOf(':') + 1).trim();
                if (line.startsWith("model name")) model = value;
                else if (line.startsWith("cpu family")) family = value;
                else if (line.matches("model\\s*:.*")) number = value;
                else if (line.startsWith("flags")) flags = " " + value + " ";
                if (line.isBlank()) break;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: keep the architecture
        }
        if (family != null) model += " (family " + family + (number != null ? ", model " + number : "") + ")";
        int n = Runtime.getRuntime().availableProcessors();
        String vectors = flags.contains(" avx512f ") ? "AVX-512" : flags.contains(" avx2 ") ? "AVX2" : "no AVX2";
        return model + ", " + n + " CPU" + (n == 1 ? "" : "s") + ", " + vectors;
    }

    /** The Python interpreter of the peers: {@code -Dbench.python}, default Debian's {@code /usr/bin/python3}. */
    static String python() {
        return System.getProperty("bench.python", "/usr/bin/python3");
    }
}

package keras4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import keras4j.tensor.Gemm;
import keras4j.tensor.Parallel;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH benchmark of square SGEMM, {@code C = A * B} with {@code n x n} matrices: keras4j's SIMD
 * kernel, keras4j's scalar kernel ({@link Gemm#forceScalar}) and EJML
 * ({@code CommonOps_FDRM.mult} on one thread, {@code CommonOps_MT_FDRM.mult} on more), on 1 and 2
 * threads. {@link #main} runs all combinations in one JMH run, then NumPy's float32 matmul (OpenBLAS, the BLAS
 * PyTorch's CPU matrix products use here) on the same sizes and threads in the same invocation under the fair
 * settings of {@link Peers}, and prints a GFLOP/s table with the ratios to EJML and to OpenBLAS.
 *
 * <p>Run with {@code mvn -q -Pbench test-compile exec:exec}. A subset or other settings can be
 * passed as {@code -Dbench.args="key=v1,v2 ..."} with keys {@code n}, {@code threads},
 * {@code impl} (simd, scalar, ejml), {@code warmup} and {@code iterations} (counts),
 * {@code time} (seconds per iteration) and {@code forks}; the defaults are
 * {@code n=256,512,1024,2048 threads=1,2 impl=simd,scalar,ejml warmup=2 iterations=3 time=1 forks=1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GemmBenchmark {

    /** Implementation: {@code simd}, {@code scalar} or {@code ejml}. */
    @Param({"simd", "scalar", "ejml"})
    public String impl;

    /** Matrix size. */
    @Param({"256", "512", "1024", "2048"})
    public int n;

    /** Threads (keras4j: {@link Parallel#setThreads}; EJML: the MT variant with this many threads). */
    @Param({"1", "2"})
    public int threads;

    private float[] a;
    private float[] b;
    private float[] c;
    private FMatrixRMaj ma;
    private FMatrixRMaj mb;
    private FMatrixRMaj mc;

    /** Fills the operands and configures the implementation and thread count. */
    @Setup
    public void setup() {
        Random rnd = new Random(42);
        a = new float[n * n];
        b = new float[n * n];
        c = new float[n * n];
        for (int i = 0; i < n * n; i++) {
            a[i] = rnd.nextFloat() - 0.5f;
            b[i] = rnd.nextFloat() - 0.5f;
        }
        switch (impl) {
            case "simd":
                if (!Gemm.simdAvailable()) {
                    throw new IllegalStateException("the SIMD kernel needs --add-modules jdk.incubator.vector");
                }
                Gemm.forceScalar(false);
                Parallel.setThreads(threads);
                break;
            case "scalar":
                Gemm.forceScalar(true);
                Parallel.setThreads(threads);
                break;
            case "ejml":
                ma = FMatrixRMaj.wrap(n, n, a);
                mb = FMatrixRMaj.wrap(n, n, b);
                mc = FMatrixRMaj.wrap(n, n, c);
                EjmlConcurrency.setMaxThreads(threads);
                break;
            default:
                throw new IllegalArgumentException("unknown impl " + impl);
        }
    }

    /** One {@code n x n x n} product. */
    @Benchmark
    public void sgemm() {
        if (ma == null) {
            Gemm.matmul(a, b, c, n, n, n);
        } else if (threads == 1) {
            CommonOps_FDRM.mult(ma, mb, mc);
        } else {
            CommonOps_MT_FDRM.mult(ma, mb, mc);
        }
    }

    /** Runs the benchmark (see the class documentation for arguments) and prints the table. */
    public static void main(String[] args) throws RunnerException {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("n", "256,512,1024,2048");
        cfg.put("threads", "1,2");
        cfg.put("impl", "simd,scalar,ejml");
        cfg.put("warmup", "2");
        cfg.put("iterations", "3");
        cfg.put("time", "1");
        cfg.put("forks", "1");
        for (String arg : args) {
            for (String token : arg.trim().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                int eq = token.indexOf('=');
                if (eq <= 0 || !cfg.containsKey(token.substring(0, eq))) {
                    throw new IllegalArgumentException("bad argument '" + token + "', expected one of "
                            + cfg.keySet() + " as key=value");
                }
                cfg.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        Options options = new OptionsBuilder()
                .include(GemmBenchmark.class.getName() + ".sgemm")
                .param("impl", cfg.get("impl").split(","))
                .param("n", cfg.get("n").split(","))
                .param("threads", cfg.get("threads").split(","))
                .warmupIterations(Integer.parseInt(cfg.get("warmup")))
                .measurementIterations(Integer.parseInt(cfg.get("iterations")))
                .warmupTime(TimeValue.milliseconds((long) (Double.parseDouble(cfg.get("time")) * 1000)))
                .measurementTime(TimeValue.milliseconds((long) (Double.parseDouble(cfg.get("time")) * 1000)))
                .forks(Integer.parseInt(cfg.get("forks")))
                .jvmArgs("--add-modules=jdk.incubator.vector", "-Xms1g", "-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<List<Integer>, Double> openblas = new LinkedHashMap<>();
        String blas = null;
        for (String t : cfg.get("threads").split(",")) {
            String name = openBlas(Integer.parseInt(t), cfg.get("n"), cfg.get("time"), openblas);
            if (name != null) blas = name;
        }
        System.out.println();
        System.out.println("CPU: " + Peers.cpu() + ", Java " + System.getProperty("java.version"));
        if (blas != null) System.out.println("OpenBLAS column: NumPy on " + blas + ", measured in this run after JMH. " + Peers.conditions());
        System.out.print(table(results, openblas));
    }

    /**
     * Measures NumPy's float32 matmul (OpenBLAS on Debian with {@code libopenblas0-pthread}) on {@code threads}
     * threads for the sizes {@code ns} in {@code src/bench/python/sgemm_peer.py}, under {@link Peers}' settings,
     * into {@code out} keyed by (n, threads); returns the BLAS library's description, or null without NumPy.
     */
    private static String openBlas(int threads, String ns, String seconds, Map<List<Integer>, Double> out) {
        Map<String, String> lines = Peers.run("OpenBLAS comparison", Path.of(System.getProperty("bench.sgemm.script", "src/bench/python/sgemm_peer.py")),
                List.of(Integer.toString(threads), ns, seconds), threads);
        if (lines == null) return null;
        lines.forEach((k, v) -> {
            if (!k.equals("blas")) out.put(Arrays.asList(Integer.parseInt(k), threads), Double.parseDouble(v));
        });
        return lines.get("blas");
    }

    /** GFLOP/s per (n, threads) and implementation, with ratios to EJML and to OpenBLAS (when measured). */
    static String table(Collection<RunResult> results, Map<List<Integer>, Double> openblas) {
        Map<List<Integer>, Map<String, double[]>> rows = new TreeMap<>((x, y) ->
                x.get(0).equals(y.get(0)) ? Integer.compare(x.get(1), y.get(1)) : Integer.compare(x.get(0), y.get(0)));
        for (RunResult r : results) {
            int size = Integer.parseInt(r.getParams().getParam("n"));
            int threads = Integer.parseInt(r.getParams().getParam("threads"));
            double ms = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            double flop = 2.0 * size * size * size;
            double gflops = flop / (ms * 1e6);
            double gflopsErr = Double.isNaN(err) ? Double.NaN : gflops * err / ms;
            rows.computeIfAbsent(Arrays.asList(size, threads), key -> new LinkedHashMap<>())
                    .put(r.getParams().getParam("impl"), new double[] {gflops, gflopsErr});
        }
        StringBuilder sb = new StringBuilder();
        sb.append("SGEMM C = A * B, n x n, GFLOP/s = 2 n^3 / mean time, +- 99.9% confidence half-width (JMH)\n");
        sb.append(String.format(Locale.ROOT, "%6s %7s %14s %14s %14s %10s %10s %12s %14s%n",
                "n", "threads", "simd", "scalar", "ejml", "openblas", "simd/ejml", "scalar/ejml", "simd/openblas"));
        for (Map.Entry<List<Integer>, Map<String, double[]>> e : rows.entrySet()) {
            Map<String, double[]> v = e.getValue();
            List<String> cells = new ArrayList<>();
            for (String impl : new String[] {"simd", "scalar", "ejml"}) {
                double[] g = v.get(impl);
                cells.add(g == null ? "-" : Double.isNaN(g[1]) ? String.format(Locale.ROOT, "%.1f", g[0])
                        : String.format(Locale.ROOT, "%.1f +-%.1f", g[0], g[1]));
            }
            double[] ejml = v.get("ejml");
            double[] simd = v.get("simd");
            double[] scalar = v.get("scalar");
            String r1 = ejml != null && simd != null ? String.format(Locale.ROOT, "%.2fx", simd[0] / ejml[0]) : "-";
            String r2 = ejml != null && scalar != null ? String.format(Locale.ROOT, "%.2fx", scalar[0] / ejml[0]) : "-";
            Double ob = openblas.get(e.getKey());
            String r3 = ob != null && simd != null ? String.format(Locale.ROOT, "%.2fx", simd[0] / ob) : "-";
            sb.append(String.format(Locale.ROOT, "%6d %7d %14s %14s %14s %10s %10s %12s %14s%n",
                    e.getKey().get(0), e.getKey().get(1), cells.get(0), cells.get(1), cells.get(2),
                    ob == null ? "-" : String.format(Locale.ROOT, "%.1f", ob), r1, r2, r3));
        }
        return sb.toString();
    }
}

package keras4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.autograd.GradientTape;
import keras4j.layers.Conv1D;
import keras4j.layers.Conv2D;
import keras4j.layers.Conv3D;
import keras4j.layers.Dense;
import keras4j.layers.MaxPooling2D;
import keras4j.layers.Dropout;
import keras4j.layers.Flatten;
import keras4j.models.Sequential;
import keras4j.ops.Ops;
import keras4j.tensor.ConvPlan;
import keras4j.tensor.ConvSpec;
import keras4j.tensor.Gemm;
import keras4j.tensor.Parallel;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;

/**
 * The workloads of PERFORMANCE-ANCHORS.md in one process, on 1 and 2 threads: the Keras MNIST convnet
 * (Adam training step at batch 128, an epoch of 60,000 random samples, batch-1000 inference), the MLP
 * 784-512-512-10, the causal dilated Conv1D and the Conv3D forward+backward. Prints median times, peak heap and
 * the ratio to PyTorch.
 *
 * <p>PyTorch runs in the same invocation when {@code bench.python} (default {@code /usr/bin/python3}, Debian's
 * Python, which sees {@code python3-torch}) can import torch: after the keras4j rows of each thread count, the
 * same workloads run in {@code src/bench/python/torch_workloads.py} with {@code OPENBLAS_NUM_THREADS} set to that
 * count, under the allocator and BLAS settings of {@link Peers} (its best conditions). Without PyTorch the
 * ratios are taken against the figures of PERFORMANCE-ANCHORS.md, which were measured on another machine and
 * are marked {@code (anchor)}. Run: {@code mvn -q -Pbench test-compile exec:exec -Dbench.main=keras4j.bench.ModelBenchmark}
 * (add {@code -Dbench.args=quick} to skip the full epochs).
 */
public final class ModelBenchmark {
    private ModelBenchmark() {}

    /** One workload: its key in the PyTorch script, its label, its unit and whether bigger is better. */
    private record Workload(String key, String label, String unit, boolean throughput, double[] anchor) {}

    // PyTorch 1.13 + OpenBLAS/oneDNN figures from PERFORMANCE-ANCHORS.md (1 thread, 2 threads; 2-thread ranges as midpoints).
    private static final Workload STEP = new Workload("convnet_step", "MNIST convnet Adam step, batch 128", "ms", false, new double[] {47, 31.5});
    private static final Workload EPOCH = new Workload("convnet_epoch", "MNIST convnet epoch, 60,000 samples", "s", false, new double[] {22, 14.75});
    private static final Workload INFER = new Workload("convnet_infer", "MNIST convnet inference, batch 1000 (samples/s)", "/s", true, new double[] {2750, 5300});
    private static final Workload MLP = new Workload("mlp_step", "MLP 784-512-512-10 Adam step, batch 128", "ms", false, new double[] {6.2, 7.2});
    private static final Workload CONV1D = new Workload("conv1d", "Conv1D causal k5 d2 fwd+bwd (64,1000,16)", "ms", false, new double[] {15.3, 8.3});
    private static final Workload CONV3D = new Workload("conv3d", "Conv3D same 3x3x3 fwd+bwd (8,16,32,32,8)", "ms", false, new double[] {72, 63});

    public static void main(String[] argv) {
        // Maven passes -Dbench.args as one argument: split it.
        String[] args = String.join(" ", argv).trim().split("\\s+");
        boolean quick = Arrays.asList(args).contains("quick");
        int rounds = Arrays.stream(args).filter(a -> a.startsWith("rounds=")).mapToInt(a -> Integer.parseInt(a.substring(7))).findFirst().orElse(3);
        System.out.println("keras4j model benchmark, GEMM kernel: " + Gemm.kernelName() + ", Java " + System.getProperty("java.version")
                + "; " + rounds + " rounds of keras4j then PyTorch per thread count (the full epoch in the first round only)");
        System.out.println("CPU: " + Peers.cpu());
        System.out.println(Peers.conditions());
        List<String> rows = new ArrayList<>();
        List<String> epochHeap = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            printConvPlans(threads);
            Map<Workload, List<double[]>> results = new LinkedHashMap<>();
            boolean anchored = false;
            for (int round = 0; round < rounds; round++) {
                boolean epoch = !quick && round == 0;
                Map<Workload, Double> ours = measure(threads, epoch, epochHeap);
                Map<String, Double> torch = runTorch(threads, !epoch);
                for (Map.Entry<Workload, Double> e : ours.entrySet()) {
                    Workload w = e.getKey();
                    Double measured = torch.get(w.key());
                    anchored |= measured == null;
                    double reference = measured != null ? measured : w.anchor()[threads - 1];
                    results.computeIfAbsent(w, k -> new ArrayList<>()).add(new double[] {e.getValue(), reference, ratio(w, e.getValue(), reference)});
                }
            }
            for (Map.Entry<Workload, List<double[]>> e : results.entrySet()) rows.add(row(e.getKey(), threads, e.getValue(), anchored));
        }
        System.out.println();
        System.out.printf("%-50s %7s %12s %12s %10s  %s%n", "workload", "threads", "keras4j", "PyTorch", "ratio", "ratio per round");
        rows.forEach(System.out::println);
        System.out.printf("%nPeak heap used: %.0f MB (sum of the heap pools' peaks, an upper bound; all workloads, one JVM, -Xmx%d MB)%n", Math.max(overallPeakMb, peakHeapMb()), Runtime.getRuntime().maxMemory() >> 20);
        if (!epochHeap.isEmpty()) System.out.println("Peak heap during the MNIST epoch (60,000 samples held in memory): " + String.join(", ", epochHeap));
        System.out.println("Medians over the rounds. ratio = keras4j/PyTorch for times, PyTorch/keras4j for throughput: below 1 keras4j is faster.");
    }

    /** The convolution plans the workloads run on {@code threads} threads (which path computes each pass). */
    private static void printConvPlans(int threads) {
        Parallel.setThreads(threads);
        Map<String, ConvSpec> specs = new LinkedHashMap<>();
        int[] one = {1, 1}, none = {0, 0};
        specs.put("MNIST convnet conv 1 (128,28,28,1) 3x3x32", ConvSpec.of(new int[] {128, 28, 28, 1}, new int[] {3, 3, 1, 32}, one, one, none, none, 1));
        specs.put("MNIST convnet conv 2 (128,13,13,32) 3x3x64", ConvSpec.of(new int[] {128, 13, 13, 32}, new int[] {3, 3, 32, 64}, one, one, none, none, 1));
        specs.put("Conv1D causal k5 d2 (64,1000,16) x32", ConvSpec.of(new int[] {64, 1000, 16}, new int[] {5, 16, 32}, new int[] {1}, new int[] {2},
                new int[] {8}, new int[] {0}, 1));
        int[] ones3 = {1, 1, 1};
        specs.put("Conv3D same 3x3x3 (8,16,32,32,8) x16", ConvSpec.of(new int[] {8, 16, 32, 32, 8}, new int[] {3, 3, 3, 8, 16}, ones3, ones3, ones3,
                ones3, 1));
        System.out.println("Convolution plans on " + threads + " thread" + (threads == 1 ? "" : "s") + ":");
        specs.forEach((name, spec) -> System.out.println("  " + name + "\n    " + ConvPlan.describe(spec).replace("\n", "\n    ")));
    }

    /** keras4j's figures for every workload on {@code threads} threads; the full epoch only when {@code epoch}. */
    private static Map<Workload, Double> measure(int threads, boolean epoch, List<String> epochHeap) {
        Map<Workload, Double> ours = new LinkedHashMap<>();
        Parallel.setThreads(threads);
        Seeds.setRandomSeed(1);
        Sequential convnet = convnet();
        convnet.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        Tensor x = Tensor.randomUniform(1, 0, 1, 128, 28, 28, 1);
        Tensor y = Tensor.randomUniform(2, 0, 10, 128).map(v -> (float) Math.floor(v));
        ours.put(STEP, medianMs(() -> convnet.trainOnBatch(x, y), 5, 20));
        if (epoch) {
            Tensor ex = Tensor.randomUniform(3, 0, 1, 60_000, 28, 28, 1);
            Tensor ey = Tensor.randomUniform(4, 0, 10, 60_000).map(v -> (float) Math.floor(v));
            resetPeakHeap();
            long t0 = System.nanoTime();
            convnet.fit(ex, ey, new keras4j.models.FitOptions().epochs(1).batchSize(128).verbose(0));
            ours.put(EPOCH, (System.nanoTime() - t0) / 1e9);
            epochHeap.add(String.format("%.0f MB on %d thread%s", peakHeapMb(), threads, threads == 1 ? "" : "s"));
        }
        Tensor xi = Tensor.randomUniform(5, 0, 1, 1000, 28, 28, 1);
        ours.put(INFER, 1000 / (medianMs(() -> convnet.predict(xi, 1000, 0), 2, 5) / 1000));

        Sequential mlp = new Sequential(new Dense(512).inputShape(784).activation("relu"), new Dense(512).activation("relu"), new Dense(10).activation("softmax"));
        mlp.compile("adam", "sparse_categorical_crossentropy");
        Tensor mx = Tensor.randomUniform(6, 0, 1, 128, 784);
        ours.put(MLP, medianMs(() -> mlp.trainOnBatch(mx, y), 10, 40));

        Conv1D c1 = new Conv1D(32, 5).padding("causal").dilationRate(2);
        Tensor x1 = Tensor.randomNormal(7, 0, 1, 64, 1000, 16);
        ours.put(CONV1D, medianMs(() -> forwardBackward(c1, x1), 3, 15));
        Conv3D c3 = new Conv3D(16, 3, 3, 3).padding("same");
        Tensor x3 = Tensor.randomNormal(8, 0, 1, 8, 16, 32, 32, 8);
        ours.put(CONV3D, medianMs(() -> forwardBackward(c3, x3), 2, 8));
        return ours;
    }

    private static double ratio(Workload w, double ours, double torch) {
        return w.throughput() ? torch / ours : ours / torch;
    }

    /** PyTorch's figures for the same workloads on {@code threads} threads, or an empty map when PyTorch is not there. */
    private static Map<String, Double> runTorch(int threads, boolean quick) {
        Map<String, Double> result = new LinkedHashMap<>();
        List<String> args = new ArrayList<>(List.of(Integer.toString(threads)));
        if (quick) args.add("quick");
        Map<String, String> lines = Peers.run("PyTorch comparison (the ratios use PERFORMANCE-ANCHORS.md figures)",
                Path.of(System.getProperty("bench.torch.script", "src/bench/python/torch_workloads.py")), args, threads);
        if (lines != null) lines.forEach((k, v) -> result.put(k, Double.parseDouble(v)));
        return result;
    }

    public static Sequential convnet() {
        return new Sequential(new Conv2D(32, 3, 3).activation("relu").inputShape(28, 28, 1), new MaxPooling2D(2, 2),
                new Conv2D(64, 3, 3).activation("relu"), new MaxPooling2D(2, 2), new Flatten(), new Dropout(0.5), new Dense(10).activation("softmax"));
    }

    private static Object forwardBackward(keras4j.layers.Layer layer, Tensor x) {
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor out = layer.apply(x, true);
            List<Tensor> sources = new ArrayList<>();
            sources.add(x);
            layer.trainableWeights().forEach(v -> sources.add(v.peek()));
            return tape.gradient(Ops.sum(out), sources);
        }
    }

    /** Warm-up time per workload: the JIT compiles the kernels a shape needs during the first second or two. */
    private static final long WARMUP_NANOS = 2_000_000_000L;

    /** Median time of {@code runs} calls, after at least {@code warmup} calls and {@link #WARMUP_NANOS} of warm-up. */
    private static double medianMs(Runnable r, int warmup, int runs) {
        long warmEnd = System.nanoTime() + WARMUP_NANOS;
        for (int i = 0; i < warmup || System.nanoTime() < warmEnd; i++) r.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    /** Median keras4j value, median PyTorch value, median ratio, and every round's ratio. */
    private static String row(Workload w, int threads, List<double[]> rounds, boolean anchor) {
        double ours = median(rounds, 0), torch = median(rounds, 1), ratio = median(rounds, 2);
        StringBuilder each = new StringBuilder();
        for (double[] r : rounds) each.append(each.length() == 0 ? "" : " ").append(String.format("%.2f", r[2]));
        return String.format("%-50s %7d %9.1f %-2s %9.1f %-2s %9.2fx  %s%s", w.label(), threads, ours, w.unit(), torch, w.unit(), ratio,
                each, anchor ? " (anchor)" : "");
    }

    private static double median(List<double[]> rounds, int column) {
        double[] v = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The largest peak seen before any reset. */
    private static double overallPeakMb;

    private static void resetPeakHeap() {
        overallPeakMb = Math.max(overallPeakMb, peakHeapMb());
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    private static double peakHeapMb() {
        double sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum / 1e6;
    }
}

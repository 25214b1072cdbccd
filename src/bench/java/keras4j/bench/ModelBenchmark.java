package keras4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import keras4j.autograd.GradientTape;
import keras4j.layers.convolutional.Conv1D;
import keras4j.layers.convolutional.Conv2D;
import keras4j.layers.convolutional.Conv3D;
import keras4j.layers.core.Dense;
import keras4j.layers.pooling.MaxPooling2D;
import keras4j.layers.regularization.Dropout;
import keras4j.layers.reshaping.Flatten;
import keras4j.models.Sequential;
import keras4j.ops.Ops;
import keras4j.tensor.Gemm;
import keras4j.tensor.Parallel;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;

/**
 * The workloads of PERFORMANCE-ANCHORS.md in one process, on 1 and 2 threads: the Keras MNIST convnet
 * (Adam training step at batch 128, an epoch of 60,000 random samples, batch-1000 inference), the MLP
 * 784-512-512-10, the causal dilated Conv1D and the Conv3D forward+backward. Prints median times, the ratio
 * to the PyTorch figures of that file (measured on the same machine kind; >1 means keras4j is slower for
 * times, faster for throughputs) and the peak heap. Run: {@code mvn -q -Pbench test-compile exec:exec -Dbench.main=keras4j.bench.ModelBenchmark}
 * (add {@code -Dbench.args=quick} to skip the full epochs).
 */
public final class ModelBenchmark {
    private ModelBenchmark() {}

    // PyTorch 1.13 + OpenBLAS/oneDNN figures from PERFORMANCE-ANCHORS.md (1 thread, 2 threads; 2-thread ranges as midpoints).
    private static final double[] TORCH_CONVNET_STEP_MS = {47, 31.5};
    private static final double[] TORCH_CONVNET_EPOCH_S = {22, 14.75};
    private static final double[] TORCH_CONVNET_INFER_SPS = {2750, 5300};
    private static final double[] TORCH_MLP_STEP_MS = {6.2, 7.2};
    private static final double[] TORCH_CONV1D_MS = {15.3, 8.3};
    private static final double[] TORCH_CONV3D_MS = {72, 63};

    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("quick");
        System.out.println("keras4j model benchmark, GEMM kernel: " + Gemm.kernelName() + ", Java " + System.getProperty("java.version"));
        List<String> rows = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            Parallel.setThreads(threads);
            Seeds.setRandomSeed(1);
            Sequential convnet = convnet();
            convnet.compile("adam", "sparse_categorical_crossentropy", "accuracy");
            Tensor x = Tensor.randomUniform(1, 0, 1, 128, 28, 28, 1);
            Tensor y = Tensor.randomUniform(2, 0, 10, 128).map(v -> (float) Math.floor(v));
            double step = medianMs(() -> convnet.trainOnBatch(x, y), 5, 20);
            rows.add(row("MNIST convnet Adam step, batch 128", threads, step, "ms", TORCH_CONVNET_STEP_MS[threads - 1], false));
            if (!quick) {
                Tensor ex = Tensor.randomUniform(3, 0, 1, 60_000, 28, 28, 1);
                Tensor ey = Tensor.randomUniform(4, 0, 10, 60_000).map(v -> (float) Math.floor(v));
                long t0 = System.nanoTime();
                convnet.fit(ex, ey, new keras4j.models.FitOptions().epochs(1).batchSize(128).verbose(0));
                double epoch = (System.nanoTime() - t0) / 1e9;
                rows.add(row("MNIST convnet epoch, 60,000 samples", threads, epoch, "s", TORCH_CONVNET_EPOCH_S[threads - 1], false));
            }
            Tensor xi = Tensor.randomUniform(5, 0, 1, 1000, 28, 28, 1);
            double infer = medianMs(() -> convnet.predict(xi, 1000, 0), 2, 5);
            rows.add(row("MNIST convnet inference, batch 1000 (samples/s)", threads, 1000 / (infer / 1000), "/s", TORCH_CONVNET_INFER_SPS[threads - 1], true));

            Sequential mlp = new Sequential(new Dense(512).inputShape(784).activation("relu"), new Dense(512).activation("relu"), new Dense(10).activation("softmax"));
            mlp.compile("adam", "sparse_categorical_crossentropy");
            Tensor mx = Tensor.randomUniform(6, 0, 1, 128, 784);
            double mlpStep = medianMs(() -> mlp.trainOnBatch(mx, y), 10, 40);
            rows.add(row("MLP 784-512-512-10 Adam step, batch 128", threads, mlpStep, "ms", TORCH_MLP_STEP_MS[threads - 1], false));

            Conv1D c1 = new Conv1D(32, 5).padding("causal").dilationRate(2);
            Tensor x1 = Tensor.randomNormal(7, 0, 1, 64, 1000, 16);
            rows.add(row("Conv1D causal k5 d2 fwd+bwd (64,1000,16)", threads, medianMs(() -> forwardBackward(c1, x1), 3, 15), "ms", TORCH_CONV1D_MS[threads - 1], false));
            Conv3D c3 = new Conv3D(16, 3, 3, 3).padding("same");
            Tensor x3 = Tensor.randomNormal(8, 0, 1, 8, 16, 32, 32, 8);
            rows.add(row("Conv3D same 3x3x3 fwd+bwd (8,16,32,32,8)", threads, medianMs(() -> forwardBackward(c3, x3), 2, 8), "ms", TORCH_CONV3D_MS[threads - 1], false));
        }
        System.out.println();
        System.out.printf("%-50s %7s %12s %12s %10s%n", "workload", "threads", "keras4j", "PyTorch", "ratio");
        rows.forEach(System.out::println);
        System.out.printf("%nPeak heap used: %.0f MB (all workloads, one JVM)%n", peakHeapMb());
        System.out.println("ratio = keras4j/PyTorch for times (lower is better), PyTorch/keras4j for throughput (lower is better).");
    }

    static Sequential convnet() {
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

    private static double medianMs(Runnable r, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) r.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    private static String row(String name, int threads, double value, String unit, double torch, boolean throughput) {
        double ratio = throughput ? torch / value : value / torch;
        return String.format("%-50s %7d %9.1f %-2s %9.1f %-2s %9.2fx", name, threads, value, unit, torch, unit, ratio);
    }

    private static double peakHeapMb() {
        double sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum / 1e6;
    }
}

package keras4j.scratch;

import keras4j.layers.convolutional.*;
import keras4j.models.Sequential;
import keras4j.tensor.*;

public class Loop {
    public static void main(String[] a) {
        Parallel.setThreads(Integer.parseInt(a[1]));
        long end = System.nanoTime() + Long.parseLong(System.getProperty("secs", "20")) * 1_000_000_000L;
        switch (a[0]) {
            case "conv1d" -> {
                Conv1D c1 = new Conv1D(32, 5).padding("causal").dilationRate(2);
                Tensor x1 = Tensor.randomNormal(7, 0, 1, 64, 1000, 16);
                while (System.nanoTime() < end) Prof.fb(c1, x1);
            }
            case "conv3d" -> {
                Conv3D c3 = new Conv3D(16, 3, 3, 3).padding("same");
                Tensor x3 = Tensor.randomNormal(8, 0, 1, 8, 16, 32, 32, 8);
                while (System.nanoTime() < end) Prof.fb(c3, x3);
            }
            case "fit" -> {
                Sequential m = keras4j.bench.ModelBenchmark.convnet();
                m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
                Tensor x = Tensor.randomUniform(1, 0, 1, 12800, 28, 28, 1);
                Tensor y = Tensor.randomUniform(2, 0, 10, 12800).map(v -> (float) Math.floor(v));
                Tensor xb = Tensor.randomUniform(1, 0, 1, 128, 28, 28, 1);
                Tensor yb = Tensor.randomUniform(2, 0, 10, 128).map(v -> (float) Math.floor(v));
                for (int r = 0; r < 3; r++) {
                    long t0 = System.nanoTime();
                    m.fit(x, y, new keras4j.models.FitOptions().epochs(1).batchSize(128).verbose(0));
                    long t1 = System.nanoTime();
                    for (int i = 0; i < 100; i++) m.trainOnBatch(xb, yb);
                    long t2 = System.nanoTime();
                    System.out.printf("fit 100 steps %.1f ms/step, trainOnBatch %.1f ms/step%n", (t1 - t0) / 1e8, (t2 - t1) / 1e8);
                }
            }
            default -> {
                Sequential m = keras4j.bench.ModelBenchmark.convnet();
                m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
                Tensor x = Tensor.randomUniform(1, 0, 1, 128, 28, 28, 1);
                Tensor y = Tensor.randomUniform(2, 0, 10, 128).map(v -> (float) Math.floor(v));
                int n = 0;
                long t0 = System.nanoTime();
                while (System.nanoTime() < end) { m.trainOnBatch(x, y); n++; }
                System.out.printf("%.2f ms/step%n", (System.nanoTime() - t0) / 1e6 / n);
            }
        }
    }
}

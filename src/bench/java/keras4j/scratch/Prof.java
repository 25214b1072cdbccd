package keras4j.scratch;

import java.util.*;
import keras4j.autograd.GradientTape;
import keras4j.layers.convolutional.*;
import keras4j.ops.Ops;
import keras4j.tensor.*;

public class Prof {
    static double med(Runnable r, int w, int n) {
        for (int i = 0; i < w; i++) r.run();
        double[] t = new double[n];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = Parallel.threads() == 1;
        for (int i = 0; i < n; i++) { long t0 = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime(); r.run(); t[i] = ((cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - t0) / 1e6; }
        Arrays.sort(t); return t[n / 2];
    }
    public static void main(String[] a) {
        int threads = a.length > 0 ? Integer.parseInt(a[0]) : 1;
        Parallel.setThreads(threads);
        ConvSpec s1 = ConvSpec.of(new int[]{64, 1000, 16}, new int[]{5, 16, 32}, new int[]{1}, new int[]{2}, new int[]{8}, new int[]{0}, 1);
        conv("conv1d", s1);
        ConvSpec s3 = ConvSpec.of(new int[]{8, 16, 32, 32, 8}, new int[]{3, 3, 3, 8, 16}, new int[]{1, 1, 1}, new int[]{1, 1, 1}, new int[]{1, 1, 1}, new int[]{1, 1, 1}, 1);
        conv("conv3d", s3);
        ConvSpec m1 = ConvSpec.of(new int[]{128, 28, 28, 1}, new int[]{3, 3, 1, 32}, new int[]{1, 1}, new int[]{1, 1}, new int[]{0, 0}, new int[]{0, 0}, 1);
        conv("mnist c1", m1);
        ConvSpec m2 = ConvSpec.of(new int[]{128, 13, 13, 32}, new int[]{3, 3, 32, 64}, new int[]{1, 1}, new int[]{1, 1}, new int[]{0, 0}, new int[]{0, 0}, 1);
        conv("mnist c2", m2);
        Conv1D c1 = new Conv1D(32, 5).padding("causal").dilationRate(2);
        Tensor x1 = Tensor.randomNormal(7, 0, 1, 64, 1000, 16);
        System.out.printf("layer conv1d fwd+bwd %.2f ms%n", med(() -> fb(c1, x1), 5, 15));
        Conv3D c3 = new Conv3D(16, 3, 3, 3).padding("same");
        Tensor x3 = Tensor.randomNormal(8, 0, 1, 8, 16, 32, 32, 8);
        System.out.printf("layer conv3d fwd+bwd %.2f ms%n", med(() -> fb(c3, x3), 3, 8));
    }
    static void conv(String name, ConvSpec s) {
        float[] x = new float[Shapes.size(s.inputShape())], w = new float[Shapes.size(s.kernelShape())], y = new float[Shapes.size(s.outputShape())];
        Random r = new Random(1);
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
        for (int i = 0; i < y.length; i++) y[i] = (float) r.nextGaussian();
        float[] dx = new float[x.length], dw = new float[w.length], yy = new float[y.length];
        double f = med(() -> ConvKernels.forward(s, x, w, yy), 5, 15);
        double bi = med(() -> ConvKernels.backwardInput(s, y, w, dx), 5, 15);
        double bk = med(() -> ConvKernels.backwardKernel(s, x, y, dw), 5, 15);
        System.out.printf("%s: fwd %.2f  bwdIn %.2f  bwdK %.2f  total %.2f ms%n", name, f, bi, bk, f + bi + bk);
    }
    static Object fb(keras4j.layers.Layer layer, Tensor x) {
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor out = layer.apply(x, true);
            List<Tensor> src = new ArrayList<>(); src.add(x);
            layer.trainableWeights().forEach(v -> src.add(v.peek()));
            return tape.gradient(Ops.sum(out), src);
        }
    }
}

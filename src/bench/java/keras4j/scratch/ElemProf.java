package keras4j.scratch;

import keras4j.tensor.*;

public class ElemProf {
    public static void main(String[] a) {
        Parallel.setThreads(a.length > 0 ? Integer.parseInt(a[0]) : 1);
        Tensor x = Tensor.randomNormal(1, 0, 1, 128, 26, 26, 32);
        Tensor b = Tensor.randomNormal(2, 0, 1, 32);
        Tensor y = x.relu();
        Tensor z = Tensor.randomNormal(3, 0, 1, 128, 26, 26, 32);
        System.out.printf("add bias   %.2f ms%n", Prof.med(() -> x.add(b), 5, 21));
        System.out.printf("add same   %.2f ms%n", Prof.med(() -> x.add(z), 5, 21));
        System.out.printf("mul scalar %.2f ms%n", Prof.med(() -> x.mul(Tensor.scalar(2f)), 5, 21));
        System.out.printf("relu       %.2f ms%n", Prof.med(() -> x.relu(), 5, 21));
        System.out.printf("biasAdd    %.2f ms%n", Prof.med(() -> Tensor.biasAdd(x, b, false), 5, 21));
        System.out.printf("biasRelu   %.2f ms%n", Prof.med(() -> Tensor.biasAdd(x, b, true), 5, 21));
        float[] db = new float[32];
        System.out.printf("rgBias     %.2f ms%n", Prof.med(() -> Tensor.reluGradWithBiasGrad(z, y, db), 5, 21));
        System.out.printf("reluGrad   %.2f ms%n", Prof.med(() -> Tensor.reluGrad(z, y), 5, 21));
        System.out.printf("sum all    %.2f ms%n", Prof.med(() -> x.sum(), 5, 21));
        System.out.printf("sumTo bias %.2f ms%n", Prof.med(() -> x.sumTo(32), 5, 21));
        System.out.printf("bcast scal %.2f ms%n", Prof.med(() -> Tensor.scalar(1f).broadcastTo(128, 26, 26, 32), 5, 21));
        System.out.printf("maxpool    %.2f ms%n", Prof.med(() -> keras4j.ops.PoolOps.maxPool(x, new int[]{2, 2}, new int[]{2, 2}, "valid", null), 5, 21));
        Tensor p = keras4j.ops.PoolOps.maxPool(x, new int[]{2, 2}, new int[]{2, 2}, "valid", null);
        System.out.printf("maxpool+bw %.2f ms%n", Prof.med(() -> {
            try (keras4j.autograd.GradientTape t = new keras4j.autograd.GradientTape()) {
                t.watch(x);
                Tensor o = keras4j.ops.PoolOps.maxPool(x, new int[]{2, 2}, new int[]{2, 2}, "valid", null);
                t.gradient(o, x);
            }
        }, 5, 21));
        System.out.printf("alloc      %.2f ms%n", Prof.med(() -> { float[] f = new float[x.size()]; f[5] = 1; }, 5, 21));
        System.out.printf("copy       %.2f ms%n", Prof.med(() -> x.data().clone(), 5, 21));
    }
}

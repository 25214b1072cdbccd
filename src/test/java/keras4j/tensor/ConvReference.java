package keras4j.tensor;

/**
 * A plain, obviously-correct N-d convolution in channels-last layout, accumulated in double: the
 * reference the fast kernels are compared with. Shapes: x {@code (batch, *spatial, cin)}, kernel
 * {@code (*k, cin/groups, cout)}; output position {@code o} reads input {@code o·s + t·d − padBefore}.
 */
public final class ConvReference {
    private ConvReference() {}

    private enum Mode { FORWARD, INPUT, KERNEL }

    /** The output shape, by the formula {@code floor((L + pb + pa − d(k−1) − 1)/s) + 1}. */
    public static int[] outputShape(int[] xShape, int[] kShape, int[] s, int[] d, int[] pb, int[] pa) {
        int rank = xShape.length - 2;
        int[] out = new int[rank + 2];
        out[0] = xShape[0];
        for (int i = 0; i < rank; i++) {
            out[i + 1] = Math.floorDiv(xShape[i + 1] + pb[i] + pa[i] - d[i] * (kShape[i] - 1) - 1, s[i]) + 1;
        }
        out[rank + 1] = kShape[rank + 1];
        return out;
    }

    public static float[] forward(int[] xShape, float[] x, int[] kShape, float[] w, int[] s, int[] d, int[] pb, int[] pa, int groups) {
        int[] yShape = outputShape(xShape, kShape, s, d, pb, pa);
        double[] y = new double[Shapes.size(yShape)];
        run(Mode.FORWARD, xShape, kShape, yShape, s, d, pb, groups, x, null, w, null, null, y);
        return toFloat(y);
    }

    public static float[] backwardInput(int[] xShape, int[] kShape, float[] w, float[] dy, int[] s, int[] d, int[] pb, int[] pa, int groups) {
        int[] yShape = outputShape(xShape, kShape, s, d, pb, pa);
        double[] dx = new double[Shapes.size(xShape)];
        run(Mode.INPUT, xShape, kShape, yShape, s, d, pb, groups, null, dx, w, null, dy, null);
        return toFloat(dx);
    }

    public static float[] backwardKernel(int[] xShape, float[] x, int[] kShape, float[] dy, int[] s, int[] d, int[] pb, int[] pa, int groups) {
        int[] yShape = outputShape(xShape, kShape, s, d, pb, pa);
        double[] dw = new double[Shapes.size(kShape)];
        run(Mode.KERNEL, xShape, kShape, yShape, s, d, pb, groups, x, null, null, dw, dy, null);
        return toFloat(dw);
    }

    private static void run(Mode mode, int[] xShape, int[] kShape, int[] yShape, int[] s, int[] d, int[] pb, int groups,
                            float[] x, double[] dx, float[] w, double[] dw, float[] dy, double[] y) {
        int rank = xShape.length - 2;
        int cin = xShape[rank + 1], cout = kShape[rank + 1], cinG = kShape[rank], coutG = cout / groups;
        int[] outSpatial = java.util.Arrays.copyOfRange(yShape, 1, rank + 1);
        int[] kSpatial = java.util.Arrays.copyOfRange(kShape, 0, rank);
        int nOut = Shapes.size(outSpatial), nK = Shapes.size(kSpatial);
        int[] opos = new int[rank], kpos = new int[rank];
        for (int b = 0; b < xShape[0]; b++) {
            for (int oi = 0; oi < nOut; oi++) {
                unravel(oi, outSpatial, opos);
                for (int ki = 0; ki < nK; ki++) {
                    unravel(ki, kSpatial, kpos);
                    int xi = b;
                    boolean inside = true;
                    for (int a = 0; a < rank; a++) {
                        int p = opos[a] * s[a] + kpos[a] * d[a] - pb[a];
                        if (p < 0 || p >= xShape[a + 1]) inside = false;
                        xi = xi * xShape[a + 1] + p;
                    }
                    if (!inside) continue;
                    int yi = b * nOut + oi;
                    for (int g = 0; g < groups; g++) {
                        for (int c = 0; c < cinG; c++) {
                            int xe = xi * cin + g * cinG + c;
                            for (int o = 0; o < coutG; o++) {
                                int we = (ki * cinG + c) * cout + g * coutG + o;
                                int ye = yi * cout + g * coutG + o;
                                switch (mode) {
                                    case FORWARD -> y[ye] += (double) x[xe] * w[we];
                                    case INPUT -> dx[xe] += (double) dy[ye] * w[we];
                                    case KERNEL -> dw[we] += (double) x[xe] * dy[ye];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static void unravel(int index, int[] shape, int[] out) {
        for (int a = shape.length - 1; a >= 0; a--) {
            out[a] = index % shape[a];
            index /= shape[a];
        }
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    /** Largest |a−b| relative to the largest |b| (at least 1e-3), for comparing kernels with the reference. */
    public static double relativeError(float[] a, float[] b) {
        if (a.length != b.length) return Double.POSITIVE_INFINITY;
        double maxDiff = 0, scale = 1e-3;
        for (int i = 0; i < b.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs((double) a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return maxDiff / scale;
    }
}

package keras4j.tensor;
// Temporary naive stand-in until the gemm branch lands (not committed).
public final class Gemm {
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
                float x = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                float y = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                s += x * y;
            }
            int ci = cOff + i * ldc + j;
            c[ci] = (float) (alpha * s + (beta == 0 ? 0 : beta * c[ci]));
        }
    }
    public static String kernelName() { return "naive"; }
}

package keras4j.tensor;

import java.util.Arrays;

/** Data movement kernels (transpose, slice, gather, concat) and the batched matmul driver over {@link Gemm}. */
final class Layout {
    private Layout() {}

    private static final int TILE = 32;

    static float[] transpose2d(float[] a, int rows, int cols) {
        float[] out = new float[a.length];
        for (int i0 = 0; i0 < rows; i0 += TILE) {
            int i1 = Math.min(rows, i0 + TILE);
            for (int j0 = 0; j0 < cols; j0 += TILE) {
                int j1 = Math.min(cols, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) out[j * rows + i] = a[i * cols + j];
                }
            }
        }
        return out;
    }

    static float[] slice(float[] d, int[] shape, int axis, int start, int end) {
        int outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= shape[i];
        for (int i = axis + 1; i < shape.length; i++) inner *= shape[i];
        int len = (end - start) * inner, rowLen = shape[axis] * inner;
        float[] out = new float[outer * len];
        for (int o = 0; o < outer; o++) System.arraycopy(d, o * rowLen + start * inner, out, o * len, len);
        return out;
    }

    static float[] take(float[] d, int[] shape, int axis, int[] idx) {
        int outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= shape[i];
        for (int i = axis + 1; i < shape.length; i++) inner *= shape[i];
        int rowLen = shape[axis] * inner, outLen = idx.length * inner;
        float[] out = new float[outer * outLen];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < idx.length; k++) {
                System.arraycopy(d, o * rowLen + idx[k] * inner, out, o * outLen + k * inner, inner);
            }
        }
        return out;
    }

    static float[] concat(Tensor[] parts, int axis, int[] outShape) {
        int outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= outShape[i];
        for (int i = axis + 1; i < outShape.length; i++) inner *= outShape[i];
        int outRow = outShape[axis] * inner;
        float[] out = new float[outer * outRow];
        int pos = 0;
        for (Tensor p : parts) {
            int len = p.shape[axis] * inner;
            for (int o = 0; o < outer; o++) System.arraycopy(p.data, o * len, out, o * outRow + pos, len);
            pos += len;
        }
        return out;
    }

    static Tensor matmul(Tensor a, Tensor b, boolean ta, boolean tb) {
        boolean aVec = a.rank() == 1, bVec = b.rank() == 1;
        if (a.rank() == 0 || b.rank() == 0) {
            throw new IllegalArgumentException("matmul: scalars cannot be multiplied as matrices: shapes " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape));
        }
        int[] as = aVec ? new int[] {1, a.shape[0]} : a.shape;
        int[] bs = bVec ? new int[] {b.shape[0], 1} : b.shape;
        if (aVec) ta = false;
        if (bVec) tb = false;
        int ar = as.length, br = bs.length;
        int m = ta ? as[ar - 1] : as[ar - 2], k = ta ? as[ar - 2] : as[ar - 1];
        int k2 = tb ? bs[br - 1] : bs[br - 2], n = tb ? bs[br - 2] : bs[br - 1];
        if (k != k2) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(a.shape) + (ta ? "ᵀ" : "") + " and " + Shapes.str(b.shape) + (tb ? "ᵀ" : "")
                    + " are not aligned: " + k + " (last axis of the first) != " + k2 + " (second-last axis of the second)");
        }
        int[] aBatch = Arrays.copyOf(as, ar - 2), bBatch = Arrays.copyOf(bs, br - 2);
        int[] batch = Shapes.broadcast(aBatch, bBatch, "matmul");
        int batches = Shapes.size(batch);
        float[] out = new float[batches * m * n];
        int lda = as[ar - 1], ldb = bs[br - 1];
        if (bBatch.length == 0 && !ta && Shapes.size(aBatch) == batches) {
            // (..., m, k) @ (k, n): one GEMM with the batch folded into m.
            Gemm.sgemm(false, tb, batches * m, n, k, 1f, a.data, 0, lda, b.data, 0, ldb, 0f, out, 0, n);
        } else {
            int[] sa = Elementwise.broadcastStrides(aBatch, batch), sb = Elementwise.broadcastStrides(bBatch, batch);
            int[] idx = new int[batch.length];
            int ao = 0, bo = 0;
            for (int t = 0; t < batches; t++) {
                Gemm.sgemm(ta, tb, m, n, k, 1f, a.data, ao * m * k, lda, b.data, bo * k * n, ldb, 0f, out, t * m * n, n);
                for (int d = batch.length - 1; d >= 0; d--) {
                    idx[d]++;
                    ao += sa[d];
                    bo += sb[d];
                    if (idx[d] < batch[d]) break;
                    ao -= sa[d] * idx[d];
                    bo -= sb[d] * idx[d];
                    idx[d] = 0;
                }
            }
        }
        int[] outShape = Shapes.concat(batch, m, n);
        Tensor r = new Tensor(out, outShape);
        if (aVec) r = r.squeeze(-2);
        if (bVec) r = r.squeeze(-1);
        return r;
    }
}

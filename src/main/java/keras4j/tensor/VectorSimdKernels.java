package keras4j.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SimdKernels} on the incubating Vector API, whole vectors along the contiguous axis; the tails go through
 * the scalar kernels the fallback uses ({@link PoolKernels}, {@link Elementwise}). Only loaded, reflectively, when the JVM resolves {@code jdk.incubator.vector}.
 */
final class VectorSimdKernels implements SimdKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final int VL = F.length();

    VectorSimdKernels() {
        if (VL < 4 || I.length() != VL) throw new UnsupportedOperationException("preferred vectors have " + VL + " float lanes");
    }

    @Override
    public void maxPoolWindow(float[] x, int inBase, int[] offset, int from, int to, float[] y, int o, int channels) {
        int c = 0;
        for (; c + VL <= channels; c += VL) {
            FloatVector max = FloatVector.fromArray(F, x, inBase + offset[from] + c);
            for (int e = from + 1; e < to; e++) max = max.max(FloatVector.fromArray(F, x, inBase + offset[e] + c));
            max.intoArray(y, o + c);
        }
        if (c < channels) PoolKernels.maxWindow(x, inBase, offset, from, to, y, o, c, channels);
    }

    @Override
    public void maxPoolRoute(float[] x, int inBase, int[] offset, int from, int to, float[] y, float[] g, int o, int channels, float[] gx) {
        int c = 0;
        for (; c + VL <= channels; c += VL) {
            IntVector max = FloatVector.fromArray(F, y, o + c).reinterpretAsInts();
            FloatVector grad = FloatVector.fromArray(F, g, o + c);
            VectorMask<Integer> routed = I.maskAll(false);
            for (int e = from; e < to; e++) {
                int i = inBase + offset[e] + c;
                VectorMask<Integer> hit = FloatVector.fromArray(F, x, i).reinterpretAsInts().compare(VectorOperators.EQ, max).andNot(routed);
                routed = routed.or(hit);
                FloatVector.fromArray(F, gx, i).add(grad, hit.cast(F)).intoArray(gx, i);
            }
        }
        if (c < channels) PoolKernels.routeWindow(x, inBase, offset, from, to, y, g, o, c, channels, gx);
    }

    @Override
    public void reluGrad(float[] g, float[] y, float[] out, int from, int to) {
        int i = from;
        FloatVector zero = FloatVector.zero(F);
        for (int end = from + F.loopBound(to - from); i < end; i += VL) {
            FloatVector yv = FloatVector.fromArray(F, y, i);
            zero.blend(FloatVector.fromArray(F, g, i), yv.compare(VectorOperators.GT, 0f)).intoArray(out, i);
        }
        Elementwise.reluGrad(null, g, y, out, i, to);
    }

    @Override
    public int adam(float[] w, float[] g, float[] m, float[] v, float alpha, float oneMinusB1, float oneMinusB2, float eps, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += VL) {
            FloatVector gi = FloatVector.fromArray(F, g, i);
            FloatVector mi = FloatVector.fromArray(F, m, i);
            FloatVector vi = FloatVector.fromArray(F, v, i);
            mi = mi.add(gi.sub(mi).mul(oneMinusB1));
            vi = vi.add(gi.mul(gi).sub(vi).mul(oneMinusB2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector wi = FloatVector.fromArray(F, w, i);
            wi.sub(mi.mul(alpha).div(vi.sqrt().add(eps))).intoArray(w, i);
        }
        return i;
    }
}

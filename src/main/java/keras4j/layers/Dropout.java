package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Internal;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Seeds;

/**
 * Randomly zeroes inputs while training, Keras's {@code keras.layers.Dropout(rate, noise_shape=None, seed=None)}.
 *
 * <p>With {@code training=true} each element is kept with probability {@code 1 - rate} and scaled by
 * {@code 1 / (1 - rate)} (inverted dropout), so the expected sum is unchanged; otherwise the input passes
 * through unchanged. Shapes: output = input. {@code noiseShape} (batch axis included; -1 entries take the
 * input's size) shares one keep/drop decision along its size-1 axes: for {@code (batch, timesteps, features)},
 * {@code noiseShape(-1, 1, -1)} keeps or drops each feature for all timesteps alike. A {@code seed} makes the
 * masks reproducible; without one the layer draws its seed from {@link Seeds} when created.
 *
 * <p>Mask-aware: an incoming mask passes through unchanged.
 */
public final class Dropout extends AbstractLayer<Dropout> {
    private final double rate;
    private int[] noiseShape;
    private Long seed;
    private Rng rng;

    /** {@code Dropout(rate)}: the fraction of inputs to drop, in {@code [0, 1)}. */
    public Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Invalid value received for argument `rate`. Expected a float value between 0 and 1 (1 excluded). Received: rate=" + rate);
        }
        this.rate = rate;
        this.supportsMasking = true;
        this.rng = new Rng(Seeds.next());
    }

    /** Keras's {@code noise_shape}: the shape of the keep/drop mask (batch axis included), -1 for "as the input". */
    public Dropout noiseShape(int... noiseShape) {
        if (noiseShape == null) {
            this.noiseShape = null;
            return this;
        }
        for (int i = 0; i < noiseShape.length; i++) {
            if (noiseShape[i] == 0 || noiseShape[i] < -1) {
                throw new IllegalArgumentException("Invalid value received for argument `noise_shape`. Expected all dimensions to be positive integers or None. Received negative or zero value at index "
                        + i + ": " + noiseShape[i]);
            }
        }
        this.noiseShape = noiseShape.clone();
        return this;
    }

    /** Keras's {@code seed}: makes the sequence of dropout masks reproducible. */
    public Dropout seed(long seed) {
        this.seed = seed;
        this.rng = new Rng(seed);
        return this;
    }

    public double rate() {
        return rate;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        if (!training || rate == 0) return inputs;
        int[] shape = concreteNoiseShape(inputs.shape());
        Tensor keep = Tensor.zeros(shape);
        float[] k = Internal.array(keep);
        float scale = (float) (1 / (1 - rate));
        synchronized (this) {
            // scale if u >= rate else 0, without a branch (it would mispredict on a rate-sized share of the elements):
            // floor(u - rate) is 0 for u >= rate and -1 below.
            for (int i = 0; i < k.length; i++) k[i] = scale * (float) (1 + Math.floor(rng.nextDouble() - rate));
        }
        return Ops.multiply(inputs, keep);
    }

    private int[] concreteNoiseShape(int[] inputShape) {
        if (noiseShape == null) return inputShape;
        if (noiseShape.length != inputShape.length) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (Dropout): `noise_shape` " + formatShape(noiseShape) + " must have the rank of the inputs "
                    + formatShape(inputShape));
        }
        int[] s = noiseShape.clone();
        for (int i = 0; i < s.length; i++) {
            if (s[i] < 0) s[i] = inputShape[i];
            else if (s[i] != 1 && s[i] != inputShape[i]) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" (Dropout): `noise_shape` " + formatShape(noiseShape) + " is not broadcastable to the inputs' shape "
                        + formatShape(inputShape));
            }
        }
        return s;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("rate", rate);
        c.put("seed", seed);
        c.put("noise_shape", noiseShape == null ? null : Config.shape(noiseShape));
        return c;
    }

    /** Rebuilds from Keras's config ({@code rate}, {@code noise_shape}, {@code seed}; the same keys in Keras 2). */
    public static Dropout fromConfig(Map<String, Object> config) {
        Object rate = config.get("rate");
        if (!(rate instanceof Number r)) throw new IllegalArgumentException("Dropout config needs a number `rate`. Received: rate=" + rate);
        Dropout d = new Dropout(r.doubleValue());
        Object ns = config.get("noise_shape");
        if (ns instanceof List<?>) d.noiseShape(Config.toShape(ns));
        else if (ns != null) throw new IllegalArgumentException("Invalid value received for argument `noise_shape`. Expected a tuple or list of integers. Received: noise_shape=" + ns);
        Long seed = Config.getSeed(config);
        if (seed != null) d.seed(seed);
        d.applyBaseConfig(config);
        return d;
    }
}

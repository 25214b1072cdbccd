package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import keras4j.testing.GradientChecker;
import keras4j.autograd.Variable;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

/** LayerNormalization values computed by hand, rms scaling, several axes, gradients and configs. */
class LayerNormalizationTest {

    @Test
    void normalizesEachSampleOverTheLastAxis() {
        Tensor x = Tensor.of(new float[] {1, 3, 10, 14}, 2, 2);
        LayerNormalization ln = new LayerNormalization().epsilon(1e-3);
        ln.ensureBuilt(List.of(x.shape()));
        ln.setWeights(List.of(Tensor.of(new float[] {2, 1}, 2), Tensor.of(new float[] {0, 5}, 2)));
        Tensor y = ln.apply(x);
        float a = (float) (1 / Math.sqrt(1 + 1e-3)), b = (float) (2 / Math.sqrt(4 + 1e-3));
        assertArrayEquals(new float[] {-2 * a, 5 + a, -2 * b, 5 + b}, Internal.array(y), 1e-5f);
        assertEquals(List.of("gamma", "beta"), ln.weights().stream().map(Variable::name).toList());
    }

    @Test
    void rmsScalingAndSeveralAxes() {
        Tensor x = Tensor.of(new float[] {3, 4}, 1, 2);
        LayerNormalization rms = new LayerNormalization().rmsScaling(true).epsilon(0);
        Tensor y = rms.apply(x);
        float r = (float) Math.sqrt(12.5);
        assertArrayEquals(new float[] {3 / r, 4 / r}, Internal.array(y), 1e-5f);
        assertEquals(List.of("gamma"), rms.weights().stream().map(Variable::name).toList());
        Tensor z = Tensor.randomUniform(2, -1, 1, 2, 3, 4);
        LayerNormalization two = new LayerNormalization().axis(1, 2);
        Tensor out = two.apply(z);
        assertArrayEquals(new int[] {3, 4}, two.weights().get(0).shape());
        Tensor mean = out.mean(false, 1, 2);
        assertArrayEquals(new float[] {0, 0}, Internal.array(mean), 1e-5f);
    }

    @Test
    void gradients() {
        Tensor x = Tensor.randomUniform(3, -1, 1, 3, 4);
        LayerNormalization ln = new LayerNormalization();
        ln.ensureBuilt(List.of(x.shape()));
        ln.setWeights(List.of(Tensor.of(new float[] {1, 2, 0.5f, -1}, 4), Tensor.of(new float[] {0.1f, 0, 0, 0.3f}, 4)));
        Variable gamma = ln.weights().get(0);
        // The variable's own tensor is a checker input, so nudging it changes the layer's weight.
        GradientChecker.assertGradients(t -> ln.apply(t[0]), 2e-2, x, gamma.peek(), ln.weights().get(1).peek());
        LayerNormalization rms = new LayerNormalization().rmsScaling(true);
        GradientChecker.assertGradients(t -> rms.apply(t[0]), 2e-2, x);
    }

    @Test
    void configRoundTrip() {
        for (LayerNormalization ln : List.of(new LayerNormalization().name("ln"), new LayerNormalization().axis(1, 2).epsilon(1e-5).center(false).gammaRegularizer("l1"),
                new LayerNormalization().rmsScaling(true))) {
            Map<String, Object> c = ln.getConfig();
            Layer copy = Layers.fromConfig("LayerNormalization", Json.readObject(Json.write(c)));
            assertEquals(Json.write(c), Json.write(copy.getConfig()));
        }
        Map<String, Object> c = new LayerNormalization().getConfig();
        assertEquals(-1, c.get("axis"));
        assertEquals(1e-3, c.get("epsilon"));
        assertEquals(false, c.get("rms_scaling"));
        assertEquals(List.of(1, 2), new LayerNormalization().axis(1, 2).getConfig().get("axis"));
    }
}

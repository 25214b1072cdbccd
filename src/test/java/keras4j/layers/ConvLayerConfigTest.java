package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import keras4j.constraints.MaxNorm;
import keras4j.initializers.RandomNormal;
import keras4j.regularizers.L2;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

/** Keras 3 config keys and round trips through JSON, and Keras 3 / Keras 2 configs read by {@code fromConfig}. */
class ConvLayerConfigTest {

    record Kind(Supplier<Layer> layer, Function<Map<String, Object>, Layer> fromConfig, int[] input) {}

    /** Every layer with options away from their defaults, its {@code fromConfig}, and an input to compare outputs on. */
    static Map<String, Kind> kinds() {
        Map<String, Kind> m = new LinkedHashMap<>();
        m.put("Conv1D", new Kind(() -> new Conv1D(4, 3).padding("causal").dilationRate(2).groups(2).activation("tanh").useBias(false)
                .kernelRegularizer("l2").activityRegularizer("l1").name("c1"), Conv1D::fromConfig, new int[] {2, 9, 6}));
        m.put("Conv2D", new Kind(() -> new Conv2D(6, 3, 2).strides(2, 1).padding("same").dataFormat("channels_first").activation("relu")
                .kernelInitializer(new RandomNormal(0.0, 0.5, 7L)).biasInitializer("ones").biasRegularizer(new L2(0.1))
                .kernelConstraint(new MaxNorm(2.0, 0)).biasConstraint("non_neg"), Conv2D::fromConfig, new int[] {2, 3, 7, 6}));
        m.put("Conv3D", new Kind(() -> new Conv3D(2, 2).dilationRate(1, 2, 1).groups(2).trainable(false), Conv3D::fromConfig, new int[] {1, 4, 5, 4, 4}));
        m.put("Conv1DTranspose", new Kind(() -> new Conv1DTranspose(3, 4).strides(3).outputPadding(2).padding("same").activation("sigmoid"),
                Conv1DTranspose::fromConfig, new int[] {2, 5, 2}));
        m.put("Conv2DTranspose", new Kind(() -> new Conv2DTranspose(2, 3).dilationRate(2).dataFormat("channels_first").kernelRegularizer("l1_l2"),
                Conv2DTranspose::fromConfig, new int[] {1, 3, 4, 4}));
        m.put("Conv3DTranspose", new Kind(() -> new Conv3DTranspose(2, 2, 3, 2).strides(2, 1, 2), Conv3DTranspose::fromConfig, new int[] {1, 2, 3, 2, 3}));
        m.put("DepthwiseConv1D", new Kind(() -> new DepthwiseConv1D(3).depthMultiplier(2).padding("same").depthwiseRegularizer("l2")
                .depthwiseConstraint("unit_norm"), DepthwiseConv1D::fromConfig, new int[] {2, 7, 3}));
        m.put("DepthwiseConv2D", new Kind(() -> new DepthwiseConv2D(3, 2).strides(2).depthwiseInitializer("he_normal").dataFormat("channels_first"),
                DepthwiseConv2D::fromConfig, new int[] {1, 2, 7, 6}));
        m.put("SeparableConv1D", new Kind(() -> new SeparableConv1D(5, 3).depthMultiplier(2).strides(2).pointwiseRegularizer("l2")
                .pointwiseConstraint("max_norm").pointwiseInitializer("lecun_uniform"), SeparableConv1D::fromConfig, new int[] {2, 9, 3}));
        m.put("SeparableConv2D", new Kind(() -> new SeparableConv2D(4, 3).padding("same").dilationRate(2).activation("elu").depthwiseConstraint("non_neg"),
                SeparableConv2D::fromConfig, new int[] {1, 6, 6, 2}));
        return m;
    }

    @Test
    void configsRoundTripThroughJsonWithIdenticalOutputs() {
        for (Map.Entry<String, Kind> e : kinds().entrySet()) {
            Layer original = e.getValue().layer.get();
            Tensor x = Tensor.randomUniform(3, -1f, 1f, e.getValue().input);
            Tensor y = original.apply(x);
            String json = Json.write(original.getConfig());
            Layer copy = e.getValue().fromConfig.apply(Json.readObject(json));
            assertEquals(e.getKey(), copy.className());
            assertEquals(json, Json.write(copy.getConfig()), e.getKey());
            copy.ensureBuilt(List.of(x.shape()));
            copy.setWeights(original.getWeights());
            assertArrayEquals(Internal.array(y), Internal.array(copy.apply(x)), 1e-6f, e.getKey());
        }
    }

    @Test
    void keysFollowKeras3Order() {
        assertEquals(List.of("name", "trainable", "dtype", "filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups",
                "activation", "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer", "activity_regularizer",
                "kernel_constraint", "bias_constraint"), new ArrayList<>(new Conv2D(1, 1).getConfig().keySet()));
        assertEquals(List.of("name", "trainable", "dtype", "filters", "kernel_size", "strides", "padding", "output_padding", "data_format",
                "dilation_rate", "activation", "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
                "activity_regularizer", "kernel_constraint", "bias_constraint"), new ArrayList<>(new Conv1DTranspose(1, 1).getConfig().keySet()));
        assertEquals(List.of("name", "trainable", "dtype", "depth_multiplier", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
                "activation", "use_bias", "depthwise_initializer", "bias_initializer", "depthwise_regularizer", "bias_regularizer",
                "activity_regularizer", "depthwise_constraint", "bias_constraint"), new ArrayList<>(new DepthwiseConv2D(1).getConfig().keySet()));
        assertEquals(List.of("name", "trainable", "dtype", "depth_multiplier", "filters", "kernel_size", "strides", "padding", "data_format",
                "dilation_rate", "activation", "use_bias", "depthwise_initializer", "pointwise_initializer", "bias_initializer",
                "depthwise_regularizer", "pointwise_regularizer", "bias_regularizer", "activity_regularizer", "depthwise_constraint",
                "pointwise_constraint", "bias_constraint"), new ArrayList<>(new SeparableConv1D(1, 1).getConfig().keySet()));
        Map<String, Object> c = new Conv3D(8, 3).getConfig();
        assertEquals(List.of(3, 3, 3), c.get("kernel_size"));
        assertEquals("linear", c.get("activation"));
        assertNull(new Conv2DTranspose(2, 3).getConfig().get("output_padding"));
        assertEquals(List.of(1, 1), new Conv2DTranspose(2, 3).strides(2).outputPadding(1).getConfig().get("output_padding"));
    }

    @Test
    void readsAKeras3Config() {
        String json = "{\"name\": \"conv2d_7\", \"trainable\": true, \"dtype\": {\"module\": \"keras\", \"class_name\": \"DTypePolicy\", "
                + "\"config\": {\"name\": \"float32\"}, \"registered_name\": null}, \"filters\": 32, \"kernel_size\": [3, 3], \"strides\": [1, 1], "
                + "\"padding\": \"valid\", \"data_format\": \"channels_last\", \"dilation_rate\": [1, 1], \"groups\": 1, \"activation\": \"relu\", "
                + "\"use_bias\": true, \"kernel_initializer\": {\"module\": \"keras.initializers\", \"class_name\": \"GlorotUniform\", "
                + "\"config\": {\"seed\": null}, \"registered_name\": null}, \"bias_initializer\": {\"module\": \"keras.initializers\", "
                + "\"class_name\": \"Zeros\", \"config\": {}, \"registered_name\": null}, \"kernel_regularizer\": null, \"bias_regularizer\": null, "
                + "\"activity_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null}";
        Conv2D conv = Conv2D.fromConfig(Json.readObject(json));
        assertEquals("conv2d_7", conv.name());
        assertEquals(32, conv.filters());
        assertArrayEquals(new int[] {3, 3}, conv.kernelSize());
        assertEquals("relu", conv.activation().name());
        assertEquals(Json.write(Json.readObject(json)), Json.write(conv.getConfig()));
        assertEquals(320, buildAndCount(conv, -1, 28, 28, 1));
    }

    @Test
    void readsKeras2Configs() {
        String conv2d = "{\"name\": \"conv2d_1\", \"trainable\": true, \"batch_input_shape\": [null, 28, 28, 1], \"dtype\": \"float32\", "
                + "\"filters\": 32, \"kernel_size\": [3, 3], \"strides\": [1, 1], \"padding\": \"valid\", \"data_format\": \"channels_last\", "
                + "\"dilation_rate\": [1, 1], \"activation\": \"relu\", \"use_bias\": true, "
                + "\"kernel_initializer\": {\"class_name\": \"VarianceScaling\", \"config\": {\"scale\": 1.0, \"mode\": \"fan_avg\", "
                + "\"distribution\": \"uniform\", \"seed\": null}}, \"bias_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, "
                + "\"kernel_regularizer\": {\"class_name\": \"L1L2\", \"config\": {\"l1\": 0.0, \"l2\": 0.009999999776482582}}, "
                + "\"bias_regularizer\": null, \"activity_regularizer\": null, "
                + "\"kernel_constraint\": {\"class_name\": \"MaxNorm\", \"config\": {\"max_value\": 2, \"axis\": 0}}, \"bias_constraint\": null}";
        Conv2D conv = Conv2D.fromConfig(Json.readObject(conv2d));
        assertArrayEquals(new int[] {-1, 28, 28, 1}, conv.batchInputShape());
        assertEquals(1, conv.groups());
        Map<String, Object> c = conv.getConfig();
        assertEquals("VarianceScaling", ((Map<?, ?>) c.get("kernel_initializer")).get("class_name"));
        assertEquals("keras.initializers", ((Map<?, ?>) c.get("kernel_initializer")).get("module"));
        assertEquals("L1L2", ((Map<?, ?>) c.get("kernel_regularizer")).get("class_name"));
        assertEquals("MaxNorm", ((Map<?, ?>) c.get("kernel_constraint")).get("class_name"));
        assertEquals(320, buildAndCount(conv, -1, 28, 28, 1));
        assertEquals(1, conv.losses().size());

        String conv1d = "{\"name\": \"conv0\", \"trainable\": true, \"batch_input_shape\": [null, 16, 3], \"dtype\": \"float32\", \"filters\": 4, "
                + "\"kernel_size\": [3], \"strides\": [2], \"padding\": \"causal\", \"data_format\": \"channels_last\", \"dilation_rate\": [1], "
                + "\"activation\": \"tanh\", \"use_bias\": true, \"kernel_initializer\": {\"class_name\": \"GlorotUniform\", \"config\": {\"seed\": null}}, "
                + "\"bias_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, \"bias_regularizer\": null, "
                + "\"activity_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null}";
        Conv1D causal = Conv1D.fromConfig(Json.readObject(conv1d));
        assertEquals("causal", causal.padding());
        assertArrayEquals(new int[] {-1, 8, 4}, causal.computeOutputShape(causal.batchInputShape()));

        String transpose = "{\"name\": \"up\", \"trainable\": true, \"batch_input_shape\": [null, 7, 7, 8], \"dtype\": \"float32\", \"filters\": 4, "
                + "\"kernel_size\": [3, 3], \"strides\": [2, 2], \"padding\": \"same\", \"data_format\": \"channels_last\", \"dilation_rate\": [1, 1], "
                + "\"activation\": \"linear\", \"use_bias\": false, \"kernel_initializer\": {\"class_name\": \"GlorotUniform\", \"config\": {\"seed\": 3}}, "
                + "\"bias_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, \"bias_regularizer\": null, "
                + "\"activity_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null, \"output_padding\": null}";
        Conv2DTranspose up = Conv2DTranspose.fromConfig(Json.readObject(transpose));
        assertNull(up.outputPadding());
        assertArrayEquals(new int[] {-1, 14, 14, 4}, up.computeOutputShape(up.batchInputShape()));
        assertEquals(3 * 3 * 4 * 8, buildAndCount(up, -1, 7, 7, 8));

        String separable = "{\"name\": \"sep\", \"trainable\": true, \"dtype\": \"float32\", \"filters\": 16, \"kernel_size\": [3, 3], "
                + "\"strides\": [1, 1], \"padding\": \"same\", \"data_format\": \"channels_last\", \"dilation_rate\": [1, 1], \"depth_multiplier\": 2, "
                + "\"activation\": \"relu\", \"use_bias\": true, \"depthwise_initializer\": {\"class_name\": \"GlorotUniform\", \"config\": {\"seed\": null}}, "
                + "\"pointwise_initializer\": {\"class_name\": \"GlorotUniform\", \"config\": {\"seed\": null}}, "
                + "\"bias_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, \"depthwise_regularizer\": null, \"pointwise_regularizer\": null, "
                + "\"bias_regularizer\": null, \"activity_regularizer\": null, \"depthwise_constraint\": null, \"pointwise_constraint\": null, "
                + "\"bias_constraint\": null}";
        SeparableConv2D sep = SeparableConv2D.fromConfig(Json.readObject(separable));
        assertEquals(2, sep.depthMultiplier());
        assertEquals(3 * 3 * 3 * 2 + 6 * 16 + 16, buildAndCount(sep, -1, 10, 10, 3));

        String depthwise = "{\"name\": \"dw\", \"trainable\": false, \"dtype\": \"float32\", \"kernel_size\": [3, 3], \"strides\": [2, 2], "
                + "\"padding\": \"valid\", \"data_format\": \"channels_last\", \"dilation_rate\": [1, 1], \"depth_multiplier\": 1, \"activation\": \"linear\", "
                + "\"use_bias\": true, \"depthwise_initializer\": {\"class_name\": \"GlorotUniform\", \"config\": {\"seed\": null}}, "
                + "\"bias_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, \"depthwise_regularizer\": null, \"bias_regularizer\": null, "
                + "\"activity_regularizer\": null, \"depthwise_constraint\": null, \"bias_constraint\": null}";
        DepthwiseConv2D dw = DepthwiseConv2D.fromConfig(Json.readObject(depthwise));
        assertFalse(dw.trainable());
        assertEquals(3 * 3 * 5 + 5, buildAndCount(dw, -1, 9, 9, 5));
        assertTrue(dw.trainableWeights().isEmpty());
    }

    private static long buildAndCount(Layer layer, int... inputShape) {
        layer.ensureBuilt(List.of(inputShape));
        return layer.countParams();
    }
}

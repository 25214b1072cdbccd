package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Output shapes from {@code computeOutputShape} (with unknown sizes), real calls and symbolic calls; Keras's error messages. */
class ConvLayerShapesTest {

    private static void shape(int[] expected, Layer layer, int... input) {
        assertArrayEquals(expected, layer.computeOutputShape(input), layer.getClass().getSimpleName() + " on " + Layer.formatShape(input));
    }

    /** A real call on a concrete input agrees with computeOutputShape. */
    private static void consistent(Supplier<Layer> factory, int... input) {
        Layer layer = factory.get();
        Tensor y = layer.apply(Tensor.randomUniform(1, -1f, 1f, input));
        assertArrayEquals(factory.get().computeOutputShape(input), y.shape(), layer.getClass().getSimpleName() + " on " + Layer.formatShape(input));
    }

    @Test
    void convolutionShapesForValidSameAndCausal() {
        shape(new int[] {-1, 26, 26, 32}, new Conv2D(32, 3), -1, 28, 28, 1);
        shape(new int[] {-1, 11, 11, 64}, new Conv2D(64, 3), -1, 13, 13, 32);
        shape(new int[] {-1, 14, 14, 8}, new Conv2D(8, 3).strides(2).padding("same"), -1, 28, 27, 3);
        shape(new int[] {-1, 8, 8, 5}, new Conv2D(8, 3).dataFormat("channels_first").dilationRate(2), -1, 12, 12, 9);
        shape(new int[] {-1, -1, 26, 4}, new Conv2D(4, 3), -1, -1, 28, 1);
        shape(new int[] {2, 1000, 32}, new Conv1D(32, 5).padding("causal").dilationRate(2), 2, 1000, 16);
        shape(new int[] {2, 334, 32}, new Conv1D(32, 5).padding("CAUSAL").strides(3), 2, 1000, 16);
        shape(new int[] {2, 996, 32}, new Conv1D(32, 5), 2, 1000, 16);
        shape(new int[] {8, 16, 32, 32, 16}, new Conv3D(16, 3).padding("same"), 8, 16, 32, 32, 8);
        shape(new int[] {8, 16, 7, 15, 30}, new Conv3D(16, 3, 2, 3).dataFormat("channels_first").strides(2, 2, 1), 8, 4, 16, 31, 32);
        consistent(() -> new Conv1D(3, 4).padding("causal").strides(3), 2, 10, 2);
        consistent(() -> new Conv2D(3, 3, 2).padding("same").strides(3, 2).dataFormat("channels_first"), 2, 2, 7, 6);
        consistent(() -> new Conv3D(2, 2).dilationRate(2).groups(2), 1, 5, 6, 5, 4);
    }

    @Test
    void transposeDepthwiseAndSeparableShapes() {
        shape(new int[] {2, 16, 5}, new Conv1DTranspose(5, 2).strides(2), 2, 8, 4);
        shape(new int[] {2, 23, 6}, new Conv1DTranspose(6, 2).strides(3).padding("same").outputPadding(2), 2, 8, 4);
        shape(new int[] {2, 6, 16, 10}, new Conv2DTranspose(6, 2, 3).strides(2, 1).dataFormat("channels_first"), 2, 4, 8, 8);
        shape(new int[] {1, 224, 224, 2}, new Conv2DTranspose(2, 7).strides(16), 1, 14, 14, 2);
        shape(new int[] {2, 16, 9, 17, 6}, new Conv3DTranspose(6, 2, 2, 3).strides(2, 1, 2), 2, 8, 8, 8, 4);
        shape(new int[] {-1, -1, 16, 3}, new Conv2DTranspose(3, 3).strides(2).padding("same"), -1, -1, 8, 5);
        shape(new int[] {-1, 8, 6}, new DepthwiseConv1D(3).depthMultiplier(2).padding("same"), -1, 8, 3);
        shape(new int[] {-1, 3, 3, -1}, new DepthwiseConv2D(3), -1, 5, 5, -1);
        shape(new int[] {4, 12, 4, 4}, new DepthwiseConv2D(2).strides(2).depthMultiplier(3).dataFormat("channels_first"), 4, 4, 8, 8);
        shape(new int[] {-1, 4, 7}, new SeparableConv1D(7, 3).strides(2).padding("same"), -1, 8, 3);
        shape(new int[] {2, 5, 5, 9}, new SeparableConv2D(9, 3).depthMultiplier(2), 2, 7, 7, 3);
        consistent(() -> new Conv1DTranspose(3, 3).strides(2).padding("same").outputPadding(1), 2, 5, 2);
        consistent(() -> new Conv2DTranspose(2, 3).strides(2, 3).dataFormat("channels_first"), 1, 3, 4, 5);
        consistent(() -> new Conv3DTranspose(2, 2).dilationRate(2).padding("same"), 1, 3, 3, 3, 2);
        consistent(() -> new DepthwiseConv1D(3).depthMultiplier(2).dilationRate(2), 2, 9, 3);
        consistent(() -> new DepthwiseConv2D(3).strides(2).padding("same").dataFormat("channels_first"), 1, 2, 7, 7);
        consistent(() -> new SeparableConv1D(4, 3).depthMultiplier(2).padding("same"), 2, 6, 3);
        consistent(() -> new SeparableConv2D(4, 2).strides(2).dataFormat("channels_first"), 1, 3, 6, 5);
    }

    @Test
    void symbolicCallsKeepUnknownSizes() {
        KerasTensor in = Input.of(-1, -1, 3);
        KerasTensor out = new Conv2D(8, 3).padding("same").strides(2).apply(in);
        assertArrayEquals(new int[] {-1, -1, -1, 8}, out.dims());
        KerasTensor seq = new Conv1D(4, 3).padding("causal").apply(Input.of(-1, 5));
        assertArrayEquals(new int[] {-1, -1, 4}, seq.dims());
    }

    private static void fails(String expected, Executable e) {
        Throwable t = assertThrows(RuntimeException.class, e);
        assertTrue(t.getMessage().contains(expected), () -> "expected \"" + expected + "\" in: " + t.getMessage());
    }

    @Test
    void constructorErrorsMatchKeras() {
        fails("Invalid value for argument `filters`. Expected a strictly positive value. Received filters=0.", () -> new Conv1DTranspose(0, 1));
        fails("Invalid value for argument `filters`. Expected a strictly positive value. Received filters=-2.", () -> new Conv2D(-2, 3));
        fails("The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=(1, 0), including values {0} that do not satisfy `value > 0`",
                () -> new Conv2DTranspose(2, 1, 0));
        fails("The `kernel_size` argument must be a tuple of 3 integers. Received kernel_size=(3, 3)", () -> new Conv3D(2, 3, 3));
        fails("The `strides` argument must be a tuple of 2 integers. Received strides=(1, 0), including values {0} that do not satisfy `value > 0`",
                () -> new Conv2D(2, 2, 2).strides(1, 0));
        fails("`output_padding` must be strictly less than `strides`", () -> new Conv1DTranspose(2, 3).strides(2).outputPadding(2));
        fails("`output_padding` must be strictly less than `strides`", () -> new Conv2DTranspose(2, 3).strides(2, 3).outputPadding(1, 3));
        fails("`output_padding` must be strictly less than `strides`", () -> new Conv3DTranspose(8, 3).strides(1).outputPadding(1));
        fails("`output_padding` must be strictly less than `strides`", () -> new Conv2DTranspose(16, 3).outputPadding(1).strides(1, 1));
        fails("`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=(2, 2) and dilation_rate=(2, 1)",
                () -> new Conv2DTranspose(2, 2, 2).strides(2).dilationRate(2, 1));
        fails("`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=(3,) and dilation_rate=(2,)",
                () -> new Conv1D(2, 2).dilationRate(2).strides(3));
        fails("The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: causal", () -> new Conv2D(2, 3).padding("causal"));
        fails("The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: causal", () -> new Conv1DTranspose(2, 3).padding("causal"));
        fails("The `padding` argument must be a list/tuple or one of {'valid', 'same', 'causal'}. Received: full", () -> new Conv1D(2, 3).padding("full"));
        fails("The number of groups must be a positive integer. Received: groups=0.", () -> new Conv2D(4, 3).groups(0));
        fails("The number of filters must be evenly divisible by the number of groups. Received: groups=4, filters=6.", () -> new Conv2D(6, 3).groups(4));
        fails("Invalid value for argument `depth_multiplier`. Expected a strictly positive value. Received depth_multiplier=0.",
                () -> new DepthwiseConv2D(3).depthMultiplier(0));
        fails("Received: data_format=nhwc", () -> new Conv2D(2, 3).dataFormat("nhwc"));
        fails("The `output_padding` argument must be a tuple of 1 integers. Received output_padding=-1, including values {-1} that do not satisfy `value >= 0`",
                () -> new Conv1DTranspose(2, 3).strides(2).outputPadding(-1));
    }

    @Test
    void buildAndCallErrorsMatchKeras() {
        fails("The number of input channels must be evenly divisible by the number of groups. Received groups=2, but the input has 3 channels "
                + "(full input shape is (None, 5, 5, 3)).", () -> new Conv2D(4, 3).groups(2).ensureBuilt(List.of(new int[] {-1, 5, 5, 3})));
        fails("Computed output size would be zero or negative. Received `inputs shape=(None, 2, 2, 3)`",
                () -> new Conv2D(4, 3).ensureBuilt(List.of(new int[] {-1, 2, 2, 3})));
        fails("expected min_ndim=4, found ndim=3. Full shape received: (2, 28, 28)", () -> new Conv2D(4, 3).apply(Tensor.zeros(2, 28, 28)));
        fails("the channel dimension of the inputs should be defined", () -> new Conv1D(4, 3).ensureBuilt(List.of(new int[] {-1, 10, -1})));
        Conv2D conv = new Conv2D(4, 3);
        conv.apply(Tensor.zeros(1, 5, 5, 3));
        fails("expected axis -1 of input shape to have value 3, but received input with shape (1, 5, 5, 4)", () -> conv.apply(Tensor.zeros(1, 5, 5, 4)));
        IllegalStateException frozen = assertThrows(IllegalStateException.class, () -> conv.strides(2));
        assertTrue(frozen.getMessage().contains("cannot be changed after the layer is built"), frozen.getMessage());
        Conv2D first = new Conv2D(4, 3).dataFormat("channels_first");
        first.apply(Tensor.zeros(1, 2, 5, 5));
        fails("expected axis 1 of input shape to have value 2", () -> first.apply(Tensor.zeros(1, 3, 5, 5)));
        assertEquals(4 * 2 * 9 + 4, first.countParams());
    }
}

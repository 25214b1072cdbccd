package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

class ReshapingLayersTest {

    @Test
    void repeatVectorErrorsAreKeras() {
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> new RepeatVector(0));
        assertEquals("Argument `n` should be a positive integer. Received: n=0", n.getMessage());
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class, () -> new RepeatVector(2).name("rv").apply(Input.of(3, 4)));
        assertEquals("Input 0 of layer \"rv\" is incompatible with the layer: expected ndim=2, found ndim=3. Full shape received: (None, 3, 4)", rank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RepeatVector(2).apply(Tensor.ones(1, 2, 3)));
    }

    @Test
    void repeatVectorRepeatsRows() {
        Tensor y = new RepeatVector(2).apply(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2));
        assertArrayEquals(new float[] {1, 2, 1, 2, 3, 4, 3, 4}, y.toFloatArray(), 0f);
    }

    @Test
    void permuteValidatesItsDims() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Permute(0, 1));
        assertEquals("Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` must be consecutive and start from 1. Received dims=(0, 1)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Permute(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Permute(2, 3));
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class, () -> new Permute(2, 1).name("p").apply(Input.of(2, 3, 4)));
        assertEquals("Input 0 of layer \"p\" is incompatible with the layer: expected ndim=3, found ndim=4. Full shape received: (None, 2, 3, 4)", rank.getMessage());
        assertArrayEquals(new int[] {-1, 64, -1}, new Permute(2, 1).computeOutputShape(new int[] {-1, -1, 64}));
        assertEquals(List.of(2, 1), new Permute(2, 1).getConfig().get("dims"));
    }

    @Test
    void reshapeResolvesMinusOneAndChecksSizes() {
        assertArrayEquals(new int[] {-1, 3, 4}, new Reshape(-1, 4).computeOutputShape(new int[] {-1, 12}));
        assertArrayEquals(new int[] {-1, -1, 4}, new Reshape(-1, 4).computeOutputShape(new int[] {-1, -1}));
        KerasTensor y = new Reshape(-1, 2).apply(Input.batchShape(-1, -1, 4));
        assertArrayEquals(new int[] {-1, -1, 2}, y.dims());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> new Reshape(5).name("r").computeOutputShape(new int[] {-1, 3, 2}));
        assertEquals("Layer \"r\" (Reshape): The total size of the tensor must be unchanged. Received: input_shape=(3, 2), target_shape=(5,)", size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Reshape(-1, 4).apply(Tensor.ones(2, 6)));
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> new Reshape(-1, -1));
        assertEquals("There must be at most one unknown dimension (-1) in `target_shape`. Received: target_shape=(-1, -1).", two.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Reshape(2, -3));
        assertEquals(List.of(-1, 4), new Reshape(-1, 4).getConfig().get("target_shape"));
        Tensor r = new Reshape(3, 2).apply(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 6));
        assertArrayEquals(new int[] {2, 3, 2}, r.shape());
        assertEquals(9f, r.get(1, 1, 0), 0f);
    }

    @Test
    void flattenChannelsFirstMovesChannelsLastFirst() {
        // (batch 1, channels 2, 2, 1): channels_first flattening orders features as (h, w, c).
        Tensor x = Tensor.of(new float[] {1, 2, 10, 20}, 1, 2, 2, 1);
        assertArrayEquals(new float[] {1, 10, 2, 20}, new Flatten("channels_first").apply(x).toFloatArray(), 0f);
        assertArrayEquals(new float[] {1, 2, 10, 20}, new Flatten().apply(x).toFloatArray(), 0f);
        assertArrayEquals(new int[] {4, 1}, new Flatten().apply(Tensor.ones(4)).shape());
        assertArrayEquals(new int[] {-1, -1}, new Flatten().computeOutputShape(new int[] {-1, -1, 3}));
        assertArrayEquals(new int[] {-1, -1}, new Flatten().apply(Input.batchShape(-1, -1, 3)).dims());
        assertEquals("channels_first", new Flatten("Channels_First").dataFormat());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Flatten("nhwc"));
        assertEquals("The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=nhwc", e.getMessage());
        // Keras 2.1 wrote no data_format.
        Flatten old = Flatten.fromConfig(Json.readObject("{\"trainable\": true, \"name\": \"flatten_1\"}"));
        assertEquals("channels_last", old.dataFormat());
        assertEquals("flatten_1", old.name());
        assertEquals("channels_last", Flatten.fromConfig(Config.of("name", "f", "data_format", "channels_last")).getConfig().get("data_format"));
    }
}

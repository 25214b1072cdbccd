package keras4j.saving;

import static keras4j.saving.TestFiles.assertSameTensor;
import static keras4j.saving.TestFiles.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.object.datatype.FloatingPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H5WeightsTest {
    @TempDir
    Path dir;

    /**
     * A Keras-3-like store (ranks 0 to 5, an empty vars group, name attributes, optimizer state) inserted in
     * natural order, so that it reads back in the same order.
     */
    static WeightStore sampleStore() {
        WeightStore s = new WeightStore();
        s.putVars("layers/conv3d", List.of(random(1, 3, 3, 3, 2, 4), random(2, 4)))
                .setAttribute("layers/conv3d/vars", "name", "conv3d");
        s.putVars("layers/dense", List.of(random(3, 6, 5), random(4, 5))).setAttribute("layers/dense/vars", "name", "dense");
        s.putVars("layers/dropout", List.of()).setAttribute("layers/dropout/vars", "name", "dropout");
        s.putVars("layers/lstm/cell", List.of(random(5, 5, 8), random(6, 2, 8), random(7, 8)));
        s.put("layers/rank3/vars/0", random(9, 2, 1, 3));
        s.put("layers/rank5/vars/0", random(8, 1, 2, 3, 2, 2));
        s.putVars("optimizer", List.of(Tensor.scalar(12), Tensor.scalar(0.001f)))
                .setAttribute("optimizer/vars", "name", "adam");
        s.putVars("", List.of()).setAttribute("vars", "name", "sequential");
        return s;
    }

    static void assertSameStore(WeightStore expected, WeightStore actual) {
        assertEquals(expected.paths(), actual.paths());
        assertEquals(expected.groups(), actual.groups());
        for (String p : expected.paths()) assertSameTensor(expected.get(p), actual.get(p), p);
        assertEquals(expected.attributes(""), actual.attributes(""));
        for (String g : expected.groups()) {
            assertEquals(expected.attributes(g), actual.attributes(g), g);
            assertEquals(expected.children(g), actual.children(g), g);
        }
    }

    @Test
    void roundTripKeepsPathsValuesGroupsAndAttributes() {
        WeightStore store = sampleStore();
        Path file = dir.resolve("model.weights.h5");
        H5Weights.write(store, file);
        WeightStore back = H5Weights.read(file);
        assertSameStore(store, back);
        assertEquals(List.of(), back.children("layers/dropout/vars"));
        assertEquals(0, back.get("optimizer/vars/0").rank());
        assertEquals(5, back.get("layers/rank5/vars/0").rank());
        assertEquals(List.of("dense", "conv3d"), List.of(back.attributes("layers/dense/vars").get("name"),
                back.attributes("layers/conv3d/vars").get("name")));
    }

    @Test
    void everyRankFromZeroToFiveRoundTrips() {
        WeightStore store = new WeightStore();
        int[][] shapes = {{}, {7}, {3, 4}, {2, 3, 4}, {2, 1, 3, 5}, {1, 2, 3, 2, 2}};
        for (int r = 0; r < shapes.length; r++) store.put("rank" + r, random(100 + r, shapes[r]));
        Path file = dir.resolve("ranks.weights.h5");
        H5Weights.write(store, file);
        WeightStore back = H5Weights.read(file);
        for (int r = 0; r < shapes.length; r++) {
            assertArrayEquals(shapes[r], back.get("rank" + r).shape(), "rank " + r);
            assertSameTensor(store.get("rank" + r), back.get("rank" + r), "rank " + r);
        }
    }

    @Test
    void fileLayoutIsKerasH5IOStore() throws Exception {
        Path file = dir.resolve("m.weights.h5");
        H5Weights.write(sampleStore(), file);
        try (HdfFile h5 = new HdfFile(file)) {
            assertEquals(Map.of(), h5.getAttributes(), "Keras's H5IOStore writes no root attributes");
            Dataset kernel = h5.getDatasetByPath("layers/dense/vars/0");
            assertArrayEquals(new int[] {6, 5}, kernel.getDimensions());
            assertEquals(FloatingPoint.class, kernel.getDataType().getClass());
            assertEquals(4, kernel.getDataType().getSize(), "float32");
            assertEquals("dense", h5.getByPath("layers/dense/vars").getAttribute("name").getData());
            assertTrue(h5.getDatasetByPath("optimizer/vars/0").isScalar());
        }
    }

    @Test
    void readingListsChildrenInNaturalOrder() {
        WeightStore store = new WeightStore();
        for (String layer : new String[] {"dense_10", "dense_2", "dense", "conv2d_1", "conv2d"}) {
            List<Tensor> vars = new ArrayList<>();
            for (int i = 0; i < 12; i++) vars.add(Tensor.scalar(i));
            store.putVars("layers/" + layer, vars);
        }
        Path file = dir.resolve("order.weights.h5");
        H5Weights.write(store, file);
        WeightStore back = H5Weights.read(file);
        assertEquals(List.of("conv2d", "conv2d_1", "dense", "dense_2", "dense_10"), back.children("layers"));
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"),
                back.children("layers/dense_10/vars"));
        assertEquals(11f, back.vars("layers/dense_2").get(11).item());
    }

    @Test
    void otherNumericTypesAreReadAsFloat32() throws Exception {
        Hdf5Writer w = new Hdf5Writer();
        WritableGroup vars = Hdf5Writer.groupPath(w.root(), "optimizer/vars");
        vars.putDataset("0", 42L);
        vars.putDataset("1", new double[][] {{0.5, -1.25}, {3, 4}});
        vars.putDataset("2", new int[] {1, -2, 3});
        vars.putDataset("3", new short[] {7});
        vars.putDataset("4", new byte[] {-1, 1});
        Path file = dir.resolve("types.weights.h5");
        w.writeTo(file);
        WeightStore s = H5Weights.read(file);
        assertEquals(42f, s.get("optimizer/vars/0").item());
        assertEquals(0, s.get("optimizer/vars/0").rank());
        assertArrayEquals(new float[] {0.5f, -1.25f, 3, 4}, Internal.array(s.get("optimizer/vars/1")));
        assertArrayEquals(new int[] {2, 2}, s.get("optimizer/vars/1").shape());
        assertArrayEquals(new float[] {1, -2, 3}, Internal.array(s.get("optimizer/vars/2")));
        assertArrayEquals(new float[] {7}, Internal.array(s.get("optimizer/vars/3")));
        assertArrayEquals(new float[] {-1, 1}, Internal.array(s.get("optimizer/vars/4")));
    }

    @Test
    void bfloat16DatasetsAreWidenedToFloat32() throws Exception {
        // Keras stores bfloat16 variables as 2-byte values with the attribute dtype="bfloat16".
        float[] values = {1f, -2.5f, 0.15625f};
        short[] bits = new short[values.length];
        for (int i = 0; i < values.length; i++) bits[i] = (short) (Float.floatToIntBits(values[i]) >>> 16);
        Hdf5Writer w = new Hdf5Writer();
        WritableGroup vars = Hdf5Writer.groupPath(w.root(), "layers/dense/vars");
        Hdf5Writer.putString(vars.putDataset("0", bits), "dtype", "bfloat16");
        Path file = dir.resolve("bf16.weights.h5");
        w.writeTo(file);
        assertArrayEquals(values, Internal.array(H5Weights.read(file).get("layers/dense/vars/0")));
    }

    @Test
    void largeTensorsRoundTrip() {
        WeightStore store = new WeightStore().put("layers/dense/vars/0", random(11, 700, 900));
        Path file = dir.resolve("big.weights.h5");
        H5Weights.write(store, file);
        assertSameTensor(store.get("layers/dense/vars/0"), H5Weights.read(file).get("layers/dense/vars/0"), "kernel");
    }

    @Test
    void emptyStoreRoundTrips() {
        Path file = dir.resolve("empty.weights.h5");
        H5Weights.write(new WeightStore(), file);
        WeightStore back = H5Weights.read(file);
        assertTrue(back.isEmpty());
        assertEquals(List.of(), back.groups());
    }

    @Test
    void fileNameMustEndInWeightsH5LikeKeras() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> H5Weights.write(new WeightStore(), dir.resolve("model.h5")));
        assertTrue(e.getMessage().contains("`.weights.h5`"), e.getMessage());
    }

    @Test
    void overwritingReplacesThePreviousFile() {
        Path file = dir.resolve("m.weights.h5");
        H5Weights.write(sampleStore(), file);
        WeightStore second = new WeightStore().put("x", Tensor.vector(1, 2, 3));
        H5Weights.write(second, file);
        assertSameStore(second, H5Weights.read(file));
        assertEquals(List.of("m.weights.h5"), TestFiles.listing(dir));
    }
}

package keras4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @TempDir
    Path dir;

    static int[] classCounts(Dataset d) {
        int[] counts = new int[d.numClasses()];
        for (float v : d.y().toFloatArray()) counts[(int) v]++;
        return counts;
    }

    @Test
    void digits() {
        Dataset d = Datasets.digits();
        assertArrayEquals(new int[] {1797, 64}, d.x().shape());
        assertArrayEquals(new int[] {1797}, d.y().shape());
        assertEquals(10, d.numClasses());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.classNames());
        assertEquals("pixel_0_0", d.featureNames().get(0));
        assertEquals("pixel_7_7", d.featureNames().get(63));
        float[] first = d.x().slice(0, 1).toFloatArray();
        assertArrayEquals(new float[] {
            0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0,
            0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0}, first);
        assertEquals(0f, d.y().get(0));
        assertEquals(1f, d.y().get(1));
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, classCounts(d));
        for (float v : d.x().toFloatArray()) assertTrue(v >= 0 && v <= 16);
        assertTrue(d.description().contains("Optical recognition of handwritten digits"));
        assertEquals("Dataset[name=digits, x=(1797, 64), y=(1797,), classes=10]", d.toString());
    }

    @Test
    void iris() {
        Dataset d = Datasets.iris();
        assertArrayEquals(new int[] {150, 4}, d.x().shape());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertEquals(List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"), d.featureNames());
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, d.x().slice(0, 1).toFloatArray());
        assertArrayEquals(new float[] {5.9f, 3.0f, 5.1f, 1.8f}, d.x().slice(149, 150).toFloatArray());
        assertEquals(2f, d.y().get(149));
        assertArrayEquals(new int[] {50, 50, 50}, classCounts(d));
        assertTrue(d.description().contains("Iris"));
    }

    @Test
    void wine() {
        Dataset d = Datasets.wine();
        assertArrayEquals(new int[] {178, 13}, d.x().shape());
        assertEquals(List.of("class_0", "class_1", "class_2"), d.classNames());
        assertEquals(13, d.featureNames().size());
        assertEquals("proline", d.featureNames().get(12));
        assertEquals(14.23f, d.x().get(0, 0));
        assertEquals(1065f, d.x().get(0, 12));
        assertArrayEquals(new int[] {59, 71, 48}, classCounts(d));
        assertTrue(d.description().contains("Wine recognition"));
    }

    @Test
    void splitIsSeededAndPartitions() {
        Dataset d = Datasets.iris();
        Dataset.Split s = d.split(0.2, 42);
        assertEquals(30, s.test().size());
        assertEquals(120, s.train().size());
        assertArrayEquals(new int[] {120, 4}, s.train().x().shape());
        Dataset.Split again = d.split(0.2, 42);
        assertArrayEquals(s.test().x().toFloatArray(), again.test().x().toFloatArray());
        assertArrayEquals(s.test().y().toFloatArray(), again.test().y().toFloatArray());
        assertNotEquals(Arrays.toString(s.test().y().toFloatArray()), Arrays.toString(d.split(0.2, 7).test().y().toFloatArray()));
        Set<String> rows = new HashSet<>();
        for (Dataset part : List.of(s.train(), s.test())) {
            for (int i = 0; i < part.size(); i++) rows.add(Arrays.toString(part.x().slice(i, i + 1).toFloatArray()) + part.y().get(i));
        }
        Set<String> all = new HashSet<>();
        for (int i = 0; i < d.size(); i++) all.add(Arrays.toString(d.x().slice(i, i + 1).toFloatArray()) + d.y().get(i));
        assertEquals(all, rows);
        assertEquals(45, Datasets.wine().split(0.25, 1).test().size());
        assertThrows(IllegalArgumentException.class, () -> d.split(0, 1));
        assertThrows(IllegalArgumentException.class, () -> d.split(1, 1));
    }

    @Test
    void datasetValidatesShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", Tensor.zeros(3, 2), Tensor.zeros(2), List.of(), List.of(), null));
    }

    @Test
    void fashionMnistFromIdxFiles() throws IOException {
        Tensor trainX = Tensor.arange(3 * 28 * 28).map(v -> v % 256).reshape(3, 28, 28);
        Tensor testX = Tensor.full(7f, 2, 28, 28);
        Idx.write(dir.resolve("train-images-idx3-ubyte.gz"), trainX, Idx.UBYTE, true);
        Idx.write(dir.resolve("train-labels-idx1-ubyte.gz"), Tensor.vector(9, 0, 5), Idx.UBYTE, true);
        Idx.write(dir.resolve("t10k-images-idx3-ubyte.gz"), testX, Idx.UBYTE, true);
        assertFalse(Datasets.fashionMnistAvailable(dir));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Datasets.fashionMnist(dir));
        assertTrue(e.getMessage().contains(dir.resolve("t10k-labels-idx1-ubyte.gz") + " is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("/usr/share/datasets/fashion-mnist"), e.getMessage());

        Idx.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), Tensor.vector(1, 2), Idx.UBYTE, true);
        assertTrue(Datasets.fashionMnistAvailable(dir));
        Dataset.Split s = Datasets.fashionMnist(dir);
        assertArrayEquals(new int[] {3, 28, 28}, s.train().x().shape());
        assertArrayEquals(trainX.toFloatArray(), s.train().x().toFloatArray());
        assertArrayEquals(new float[] {9, 0, 5}, s.train().y().toFloatArray());
        assertArrayEquals(new int[] {2, 28, 28}, s.test().x().shape());
        assertEquals("Ankle boot", s.train().classNames().get(9));
        assertEquals(10, s.test().numClasses());
        assertEquals(Datasets.fashionMnistAvailable(Datasets.FASHION_MNIST_DIR), Datasets.fashionMnistAvailable());
        assertTrue(Files.exists(dir.resolve("t10k-labels-idx1-ubyte.gz")));
    }

    @Test
    void toCategorical() {
        Tensor oneHot = DataUtils.toCategorical(Tensor.vector(0, 2, 1), 3);
        assertArrayEquals(new int[] {3, 3}, oneHot.shape());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 1, 0}, oneHot.toFloatArray());
        assertArrayEquals(new int[] {2, 4}, DataUtils.toCategorical(Tensor.of(new float[] {3, 1}, 2, 1), 4).shape());
        assertArrayEquals(new int[] {2, 2, 3}, DataUtils.toCategorical(Tensor.of(new float[] {0, 1, 2, 0}, 2, 2)).shape());
        assertArrayEquals(new float[] {0, 1}, DataUtils.toCategorical(Tensor.vector(1.9f), 2).toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataUtils.toCategorical(Tensor.vector(0, 3), 3));
        assertEquals("to_categorical: label 3.0 at flat index 1 is outside [0, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataUtils.toCategorical(Tensor.vector(-1), 3));
        assertThrows(IllegalArgumentException.class, () -> DataUtils.toCategorical(Tensor.vector(0), 0));
        Dataset digits = Datasets.digits();
        Tensor y = DataUtils.toCategorical(digits.y(), digits.numClasses());
        assertArrayEquals(new int[] {1797, 10}, y.shape());
        assertEquals(1797f, y.sum().item());
    }
}

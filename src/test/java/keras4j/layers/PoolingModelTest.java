package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import keras4j.callbacks.History;
import keras4j.models.FitOptions;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.models.Sequential;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new layers inside a Sequential model: shapes, training (BN moving statistics move), and a .keras round trip. */
class PoolingModelTest {
    @TempDir
    Path dir;

    @Test
    void trainsSavesAndReloads() {
        Sequential model = new Sequential(
                new ZeroPadding2D(1).inputShape(6, 6, 2),
                new MaxPooling2D(2),
                new BatchNormalization(),
                new UpSampling2D(2),
                new Cropping2D(1),
                new SpatialDropout2D(0.2).seed(1),
                new AveragePooling2D(2).padding("same"),
                new LayerNormalization(),
                new GlobalAveragePooling2D(),
                new Dense(1).activation("sigmoid"));
        assertArrayEquals(new int[] {-1, 1}, model.outputShapes().get(0).toArray());
        Tensor x = Tensor.randomNormal(1, 0.5f, 2f, 64, 6, 6, 2);
        Tensor y = x.mean(false, 1, 2, 3).gt(0.5f).reshape(64, 1);
        model.compile("adam", "binary_crossentropy");
        History h = model.fit(x, y, new FitOptions().epochs(3).batchSize(16).verbose(0));
        List<Double> loss = h.history().get("loss");
        assertTrue(loss.stream().allMatch(l -> Double.isFinite(l)), loss.toString());
        BatchNormalization bn = (BatchNormalization) model.layers().get(2);
        assertTrue(Math.abs(bn.movingMean().data()[0]) > 1e-3, "moving mean should move towards the batch mean");
        assertTrue(bn.movingVariance().data()[0] != 1f);
        Path file = dir.resolve("pool.keras");
        model.save(file.toString());
        Model loaded = Models.load(file);
        assertEquals(model.getConfig(), loaded.getConfig());
        assertTrue(model.predict(x, 32, 0).allClose(loaded.predict(x, 32, 0), 1e-6f, 0));
    }

    @Test
    void unknownSizesStayUnknownInTheFunctionalApi() {
        keras4j.layers.KerasTensor in = keras4j.layers.Input.of(-1, 3);
        assertArrayEquals(new int[] {-1, -1, 3}, new MaxPooling1D(2).apply(in).dims());
        assertArrayEquals(new int[] {-1, -1, 3}, new keras4j.layers.Cropping1D(2, 2).apply(in).dims());
        assertArrayEquals(new int[] {-1, -1, 3}, new keras4j.layers.UpSampling1D().apply(in).dims());
        assertArrayEquals(new int[] {-1, -1, 3}, new keras4j.layers.ZeroPadding1D().apply(in).dims());
        assertArrayEquals(new int[] {-1, 3}, new GlobalAveragePooling1D().apply(in).dims());
    }
}

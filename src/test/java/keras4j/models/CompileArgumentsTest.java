package keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.callbacks.History;
import keras4j.layers.Dense;
import keras4j.metrics.SparseCategoricalAccuracy;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@code compile(optimizer, loss, metrics)} takes metrics as Keras does, Java lists included, and checks names early. */
class CompileArgumentsTest {

    private static Sequential model() {
        return new Sequential(new Dense(3).inputShape(4).activation("softmax"));
    }

    @Test
    void aJavaListOfMetricsWorksLikeKerasList() {
        Tensor x = Tensor.randomUniform(1, 0, 1, 12, 4);
        Tensor y = Tensor.randomUniform(2, 0, 3, 12).map(v -> (float) Math.floor(v));
        Sequential asList = model();
        asList.compile("adam", "sparse_categorical_crossentropy", List.of("accuracy", new SparseCategoricalAccuracy()));
        Map<String, Double> scores = asList.evaluate(x, y);
        assertEquals(List.of("accuracy", "loss", "sparse_categorical_accuracy"), scores.keySet().stream().sorted().toList());
        assertEquals(scores.get("accuracy"), scores.get("sparse_categorical_accuracy"), 0.0);
    }

    @Test
    void anUnknownMetricNameFailsAtCompile() {
        Sequential m = model();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.compile("adam", "sparse_categorical_crossentropy", List.of("acuracy")));
        assertTrue(e.getMessage().contains("acuracy"), e.getMessage());
        assertTrue(!m.compiled(), "a failed compile leaves the model uncompiled");
    }

    @Test
    void aTwoInputModelTakesAListOfInputsAndOneTarget() {
        keras4j.layers.KerasTensor a = keras4j.layers.Input.of("a", 2), b = keras4j.layers.Input.of("b", 3);
        Model two = new Model(List.of(a, b), List.of(new Dense(1).apply(new keras4j.layers.Concatenate().apply(a, b))));
        two.compile("sgd", "mse");
        Tensor xa = Tensor.randomUniform(3, 0, 1, 8, 2), xb = Tensor.randomUniform(4, 0, 1, 8, 3), y = Tensor.randomUniform(5, 0, 1, 8, 1);
        double before = two.evaluate(List.of(xa, xb), y).get("loss");
        History h = two.fit(List.of(xa, xb), y, new FitOptions().epochs(5).batchSize(8).verbose(0));
        assertEquals(5, h.history().get("loss").size());
        double after = two.evaluate(List.of(xa, xb), y).get("loss");
        assertTrue(after < before, "loss " + before + " -> " + after);
        assertEquals(two.evaluate(List.of(xa, xb), List.of(y), 32, 0).get("loss"), after, 1e-12);
    }
}

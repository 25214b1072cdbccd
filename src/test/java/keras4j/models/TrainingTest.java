package keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import keras4j.callbacks.Callback;
import keras4j.callbacks.EarlyStopping;
import keras4j.callbacks.History;
import keras4j.layers.Dense;
import keras4j.tensor.Tensor;
import keras4j.utils.Names;
import keras4j.utils.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrainingTest {

    @BeforeEach
    void freshSession() {
        Names.clearSession();
        Seeds.setRandomSeed(7);
    }

    /** y = 1 when x0 + x1 > 0: linearly separable, learned quickly. */
    private static Tensor[] blobs(int n, long seed) {
        Tensor x = Tensor.randomNormal(seed, 0, 1, n, 2);
        Tensor y = x.sum(false, 1).gt(0f).reshape(n, 1);
        return new Tensor[] {x, y};
    }

    @Test
    void fitLearnsAndReportsKerasLogNames() {
        Tensor[] d = blobs(512, 1);
        Sequential model = new Sequential(new Dense(8).inputShape(2).activation("relu"), new Dense(1).activation("sigmoid"));
        model.compile("adam", "binary_crossentropy", "accuracy");
        History h = model.fit(d[0], d[1], new FitOptions().epochs(30).batchSize(32).validationSplit(0.25).verbose(0));
        assertEquals(List.of("accuracy", "loss", "val_accuracy", "val_loss"), List.copyOf(h.history().keySet()));
        assertEquals(30, h.history().get("loss").size());
        assertEquals(List.of(0, 1, 2), h.epoch().subList(0, 3));
        List<Double> loss = h.history().get("loss");
        assertTrue(loss.get(29) < loss.get(0) * 0.5, loss.toString());
        assertTrue(h.history().get("val_accuracy").get(29) > 0.95, h.history().toString());
        Map<String, Double> eval = model.evaluate(d[0], d[1], 64, 0);
        assertEquals(List.of("loss", "accuracy"), List.copyOf(eval.keySet()));
        assertTrue(eval.get("accuracy") > 0.95);
    }

    @Test
    void predictIsBatchedAndMatchesOneBigBatch() {
        Sequential model = new Sequential(new Dense(4).inputShape(3).activation("tanh"), new Dense(2));
        Tensor x = Tensor.randomNormal(2, 0, 1, 70, 3);
        Tensor batched = model.predict(x, 16, 0);
        assertArrayEquals(new int[] {70, 2}, batched.shape());
        assertTrue(batched.allClose(model.predictOnBatch(x), 1e-6f, 1e-5f));
    }

    @Test
    void trainOnBatchReducesTheLossAndTestOnBatchDoesNotTrain() {
        Tensor[] d = blobs(64, 3);
        Sequential model = new Sequential(new Dense(1).inputShape(2).activation("sigmoid"));
        model.compile("sgd", "mse");
        double before = model.testOnBatch(d[0], d[1]).get("loss");
        assertEquals(before, model.testOnBatch(d[0], d[1]).get("loss"), 1e-9);
        for (int i = 0; i < 50; i++) model.trainOnBatch(d[0], d[1]);
        assertTrue(model.testOnBatch(d[0], d[1]).get("loss") < before);
    }

    @Test
    void regularizationJoinsTheLoss() {
        Sequential model = new Sequential(new Dense(2).inputShape(3).kernelRegularizer("l2").biasInitializer("ones"));
        model.compile("sgd", "mse");
        Tensor x = Tensor.zeros(4, 3), y = Tensor.ones(4, 2);
        // x = 0 so predictions are the bias (1) and the data loss is 0: the loss is the L2 penalty alone.
        Tensor kernel = model.getWeights().get(0);
        double penalty = 0.01 * kernel.square().sum().item();
        assertEquals(penalty, model.testOnBatch(x, y).get("loss"), 1e-6);
        assertEquals(1, model.losses().size());
    }

    @Test
    void sampleWeightsOfZeroIgnoreSamples() {
        Sequential model = new Sequential(new Dense(1).inputShape(1));
        model.compile("sgd", "mse");
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 4, 1);
        Tensor y = Tensor.of(new float[] {0, 0, 100, 100}, 4, 1);
        Tensor w = Tensor.vector(1, 1, 0, 0);
        Tensor before = model.getWeights().get(0);
        Model reference = new Sequential(new Dense(1).inputShape(1));
        reference.setWeights(model.getWeights());
        reference.compile("sgd", "mse");
        model.fit(x, y, new FitOptions().sampleWeight(w).batchSize(4).shuffle(false).verbose(0));
        reference.fit(x.slice(0, 2), y.slice(0, 2), new FitOptions().batchSize(2).shuffle(false).verbose(0));
        // sum_over_batch_size divides by the 4 samples (2 of weight 0), so the step is half the reference's.
        Tensor dw = model.getWeights().get(0).sub(before), dref = reference.getWeights().get(0).sub(before);
        assertTrue(dw.allClose(dref.mul(0.5f), 1e-6f, 1e-4f), dw + " vs " + dref);
    }

    @Test
    void classWeightsMultiplyEachSamplesLoss() {
        Sequential a = new Sequential(new Dense(1).inputShape(1));
        Sequential b = new Sequential(new Dense(1).inputShape(1));
        b.setWeights(a.getWeights());
        a.compile("sgd", "mse");
        b.compile("sgd", "mse");
        Tensor x = Tensor.of(new float[] {1, 2}, 2, 1), y = Tensor.of(new float[] {0, 1}, 2, 1);
        a.fit(x, y, new FitOptions().classWeight(Map.of(0, 3.0, 1, 0.5)).batchSize(2).shuffle(false).verbose(0));
        b.fit(x, y, new FitOptions().sampleWeight(Tensor.vector(3, 0.5f)).batchSize(2).shuffle(false).verbose(0));
        assertTrue(a.getWeights().get(0).allClose(b.getWeights().get(0), 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.fit(x, y, new FitOptions().classWeight(Map.of(0, 1.0)).verbose(0)));
        assertTrue(e.getMessage().contains("class 1"), e.getMessage());
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestWeights() {
        Tensor[] d = blobs(128, 5);
        Sequential model = new Sequential(new Dense(1).inputShape(2).activation("sigmoid"));
        model.compile("sgd", "binary_crossentropy");
        // With monitor=loss and an impossible min_delta, training stops after patience+1 epochs.
        EarlyStopping es = new EarlyStopping().monitor("loss").patience(2).minDelta(10);
        History h = model.fit(d[0], d[1], new FitOptions().epochs(20).verbose(0).callbacks(es));
        assertEquals(3, h.history().get("loss").size());
    }

    @Test
    void cardinalityErrorsNameTheSizes() {
        Sequential model = new Sequential(new Dense(1).inputShape(2));
        model.compile("sgd", "mse");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(Tensor.zeros(10, 2), Tensor.zeros(9, 1)));
        assertTrue(e.getMessage().contains("'x' sizes: 10") && e.getMessage().contains("'y' sizes: 9"), e.getMessage());
        Sequential uncompiled = new Sequential(new Dense(1).inputShape(2));
        assertThrows(IllegalStateException.class, () -> uncompiled.fit(Tensor.zeros(1, 2), Tensor.zeros(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> model.compile("adamm", "mse"));
    }

    @Test
    void interruptingTheThreadStopsFitCleanly() {
        Tensor[] d = blobs(256, 9);
        Sequential model = new Sequential(new Dense(1).inputShape(2).activation("sigmoid"));
        model.compile("sgd", "binary_crossentropy");
        Callback interrupter = new Callback() {
            @Override
            public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
                if (batch == 2) Thread.currentThread().interrupt();
            }
        };
        History h = model.fit(d[0], d[1], new FitOptions().epochs(5).batchSize(16).verbose(0).callbacks(interrupter));
        assertTrue(Thread.interrupted(), "the interrupt flag is kept for the caller");
        assertTrue(h.history().isEmpty(), "the interrupted epoch is not recorded");
        assertFalse(model.stopTraining());
    }

    @Test
    void verboseOnePrintsEpochHeadersAndABar() {
        Tensor[] d = blobs(64, 11);
        Sequential model = new Sequential(new Dense(1).inputShape(2).activation("sigmoid"));
        model.compile("adam", "binary_crossentropy", "accuracy");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            model.fit(d[0], d[1], new FitOptions().epochs(2).batchSize(32).verbose(2));
        } finally {
            System.setOut(old);
        }
        String out = buf.toString();
        assertTrue(out.startsWith("Epoch 1/2\n"), out);
        assertTrue(out.contains("Epoch 2/2\n"), out);
        assertTrue(out.contains("2/2 - ") && out.contains(" - accuracy: ") && out.contains(" - loss: "), out);
    }
}

package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import keras4j.callbacks.History;
import keras4j.models.FitOptions;
import keras4j.models.Sequential;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;
import keras4j.utils.Names;
import keras4j.utils.Seeds;
import org.junit.jupiter.api.Test;

/** Training through time: a masked Embedding → Bidirectional LSTM → GRU → Dense model learns a padded-sequence task. */
class RnnTrainingTest {
    @Test
    void maskedRecurrentModelLearns() {
        Names.clearSession();
        Seeds.setRandomSeed(21);
        Rng rng = new Rng(4);
        int n = 64, t = 6;
        float[] x = new float[n * t], y = new float[n];
        for (int i = 0; i < n; i++) {
            int len = 2 + rng.nextInt(t - 1);
            for (int j = 0; j < len; j++) {
                int tok = 1 + rng.nextInt(9);
                x[i * t + j] = tok;
                if (tok == 5) y[i] = 1;
            }
        }
        Sequential model = new Sequential();
        model.add(new Embedding(10, 6).maskZero(true).inputShape(t));
        model.add(new Bidirectional(new LSTM(6).returnSequences(true).recurrentDropout(0.1)));
        model.add(new GRU(6).dropout(0.1));
        model.add(new Dense(1).activation("sigmoid"));
        model.compile(new keras4j.optimizers.Adam(0.02), "binary_crossentropy");
        History h = model.fit(Tensor.of(x, n, t), Tensor.of(y, n, 1), new FitOptions().epochs(25).batchSize(16).verbose(0));
        List<Double> loss = h.history().get("loss");
        assertTrue(loss.get(loss.size() - 1) < 0.5 * loss.get(0), "loss did not decrease: " + loss);
    }
}

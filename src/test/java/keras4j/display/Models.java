package keras4j.display;

import java.util.List;
import keras4j.callbacks.History;
import keras4j.layers.KerasTensor;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.Concatenate;
import keras4j.models.FitOptions;
import keras4j.models.Model;
import keras4j.models.Sequential;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;

/** Small models and a short training run shared by the display tests. */
final class Models {
    private Models() {}

    static Sequential mlp() {
        Sequential model = new Sequential("mlp");
        model.add(new Dense(8).inputShape(4).activation("relu"));
        model.add(new Dense(3).activation("softmax"));
        return model;
    }

    /** Two inputs, a shared Dense applied to both, concatenated. */
    static Model twoTowers() {
        KerasTensor a = Input.of("left", 4);
        KerasTensor b = Input.of("right", 4);
        Dense shared = new Dense(5).name("shared");
        KerasTensor merged = new Concatenate().name("concat").apply(List.of(shared.apply(a), shared.apply(b))).get(0);
        KerasTensor out = new Dense(2).name("out").apply(merged);
        return new Model(List.of(a, b), List.of(out), "two_towers");
    }

    static History history(int epochs) {
        Seeds.setRandomSeed(1);
        Sequential model = mlp();
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        Tensor x = Tensor.randomNormal(3, 0, 1, 60, 4);
        float[] labels = new float[60];
        for (int i = 0; i < 60; i++) labels[i] = i % 3;
        Tensor y = Tensor.of(labels, 60);
        return model.fit(x, y, new FitOptions().epochs(epochs).batchSize(16).validationSplit(0.2).verbose(0));
    }
}

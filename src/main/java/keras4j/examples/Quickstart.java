package keras4j.examples;

import java.util.Map;
import keras4j.data.Dataset;
import keras4j.data.Datasets;
import keras4j.layers.Dense;
import keras4j.layers.Dropout;
import keras4j.models.FitOptions;
import keras4j.models.Sequential;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;

/**
 * The README's main job: builds the seed's MLP, prints its summary, trains it with the progress bar on
 * Fashion-MNIST when Debian's {@code dataset-fashion-mnist} is installed (else on the bundled 8×8 digits),
 * and prints the test accuracy. Run with {@code mvn -q compile exec:exec}; the argument {@code digits} forces the digits.
 */
public final class Quickstart {
    private Quickstart() {}

    public static void main(String[] args) {
        Seeds.setRandomSeed(42);
        Dataset train, test;
        int epochs;
        boolean digitsRequested = args.length > 0 && args[0].equals("digits");
        if (Datasets.fashionMnistAvailable() && !digitsRequested) {
            Dataset.Split split = Datasets.fashionMnist();
            train = split.train();
            test = split.test();
            epochs = 5;
            System.out.println("Using Fashion-MNIST from " + Datasets.FASHION_MNIST_DIR + " (Debian's dataset-fashion-mnist).");
        } else {
            Dataset.Split split = Datasets.digits().split(0.2, 42);
            train = split.train();
            test = split.test();
            epochs = 30;
            System.out.println("Using the bundled 8x8 digits (install Debian's dataset-fashion-mnist for Fashion-MNIST).");
        }
        int features = train.x().size() / train.size();
        float scale = train.x().max().item();
        Tensor xTrain = train.x().reshape(train.size(), features).div(scale);
        Tensor xTest = test.x().reshape(test.size(), features).div(scale);

        Sequential model = new Sequential("quickstart_mlp");
        model.add(new Dense(128).inputShape(features).activation("relu"));
        model.add(new Dropout(0.2));
        model.add(new Dense(64).activation("relu"));
        model.add(new Dense(train.numClasses()).activation("softmax"));
        model.summary();

        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        model.fit(xTrain, train.y(), new FitOptions().epochs(epochs).batchSize(32).validationSplit(0.1));

        Map<String, Double> result = model.evaluate(xTest, test.y(), 128, 0);
        System.out.printf("Test accuracy on %s: %.4f (loss %.4f, %d test samples)%n", train.name(), result.get("accuracy"), result.get("loss"), test.size());
    }
}

package keras4j.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import keras4j.tensor.Rng;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/**
 * A labelled dataset: samples {@code x} of shape (n, ...) as float32, class indices {@code y} of
 * shape (n,) stored as floats (0.0, 1.0, ...), the class names in index order, the feature names
 * when known (else empty) and a description of the data and its source.
 */
public record Dataset(String name, Tensor x, Tensor y, List<String> classNames, List<String> featureNames,
                      String description) {

    /** A training and a test part of one dataset. */
    public record Split(Dataset train, Dataset test) {}

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        classNames = List.copyOf(classNames);
        featureNames = List.copyOf(featureNames);
        description = description == null ? "" : description;
        if (x.rank() < 1 || y.rank() != 1 || x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException("Dataset " + name + ": x of shape " + Shape.format(x.shape())
                    + " and y of shape " + Shape.format(y.shape()) + " should have the same number of samples, y being 1-D");
        }
    }

    /** The number of samples. */
    public int size() {
        return x.dim(0);
    }

    public int numClasses() {
        return classNames.size();
    }

    /**
     * A shuffled split: {@code ceil(testFraction * n)} samples for testing, the rest for training
     * (the sizes of scikit-learn's {@code train_test_split}); the same seed gives the same split.
     */
    public Split split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("Argument `testFraction` should be in (0, 1). Received: testFraction=" + testFraction);
        }
        int n = size();
        int nTest = (int) Math.ceil(testFraction * n);
        if (nTest >= n) {
            throw new IllegalArgumentException("Dataset " + name + " of " + n + " samples leaves no training samples with testFraction=" + testFraction);
        }
        int[] perm = new Rng(seed).permutation(n);
        int[] test = Arrays.copyOfRange(perm, 0, nTest);
        int[] train = Arrays.copyOfRange(perm, nTest, n);
        return new Split(subset(train), subset(test));
    }

    /** The samples at {@code indices}, in that order. */
    public Dataset subset(int[] indices) {
        return new Dataset(name, x.gather(indices), y.gather(indices), classNames, featureNames, description);
    }

    @Override
    public String toString() {
        return "Dataset[name=" + name + ", x=" + Shape.format(x.shape()) + ", y=" + Shape.format(y.shape()) + ", classes=" + classNames.size() + "]";
    }
}

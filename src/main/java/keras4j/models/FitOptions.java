package keras4j.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.callbacks.Callback;
import keras4j.tensor.Tensor;

/**
 * The keyword arguments of Keras's {@code model.fit(...)} as a fluent object (Java has no keyword arguments):
 * <pre>{@code
 * model.fit(x, y, new FitOptions().epochs(10).batchSize(128).validationSplit(0.1).callbacks(new EarlyStopping()));
 * }</pre>
 * Defaults are Keras's: batch size 32, 1 epoch, verbose 1 (Keras's "auto"), shuffle, no validation.
 */
public final class FitOptions {
    int batchSize = 32;
    int epochs = 1;
    int verbose = 1;
    final List<Callback> callbacks = new ArrayList<>();
    double validationSplit;
    Tensor validationX;
    Tensor validationY;
    boolean shuffle = true;
    Map<Integer, Double> classWeight;
    Tensor sampleWeight;
    int initialEpoch;
    Integer validationBatchSize;
    int validationFreq = 1;

    /** Samples per gradient update; Keras's {@code batch_size} (default 32). */
    public FitOptions batchSize(int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("fit: batch_size must be a positive integer. Received: batch_size=" + batchSize);
        this.batchSize = batchSize;
        return this;
    }

    /** Index of the last epoch to train (Keras's {@code epochs}, counted together with {@code initialEpoch}). */
    public FitOptions epochs(int epochs) {
        if (epochs < 0) throw new IllegalArgumentException("fit: epochs must be >= 0. Received: epochs=" + epochs);
        this.epochs = epochs;
        return this;
    }

    /** 0 = silent, 1 = progress bar, 2 = one line per epoch. */
    public FitOptions verbose(int verbose) {
        if (verbose < 0 || verbose > 2) throw new IllegalArgumentException("fit: verbose must be 0, 1 or 2. Received: verbose=" + verbose);
        this.verbose = verbose;
        return this;
    }

    public FitOptions callbacks(Callback... callbacks) {
        this.callbacks.addAll(Arrays.asList(callbacks));
        return this;
    }

    public FitOptions callbacks(List<? extends Callback> callbacks) {
        this.callbacks.addAll(callbacks);
        return this;
    }

    /** Fraction of the data, taken from the end before shuffling, held out for validation (Keras's {@code validation_split}). */
    public FitOptions validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("fit: validation_split must be in [0, 1). Received: validation_split=" + fraction);
        }
        this.validationSplit = fraction;
        return this;
    }

    /** Data to evaluate at the end of each epoch (Keras's {@code validation_data=(x_val, y_val)}). */
    public FitOptions validationData(Tensor x, Tensor y) {
        this.validationX = x;
        this.validationY = y;
        return this;
    }

    /** Whether to shuffle the training data before each epoch (default true). */
    public FitOptions shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** Weights per class index, multiplying each sample's loss (Keras's {@code class_weight}). */
    public FitOptions classWeight(Map<Integer, Double> classWeight) {
        this.classWeight = new LinkedHashMap<>(classWeight);
        return this;
    }

    /** One weight per training sample, shape {@code (n,)} (Keras's {@code sample_weight}). */
    public FitOptions sampleWeight(Tensor sampleWeight) {
        this.sampleWeight = sampleWeight;
        return this;
    }

    /** Epoch at which to start (to resume training; Keras's {@code initial_epoch}). */
    public FitOptions initialEpoch(int initialEpoch) {
        if (initialEpoch < 0) throw new IllegalArgumentException("fit: initial_epoch must be >= 0. Received: initial_epoch=" + initialEpoch);
        this.initialEpoch = initialEpoch;
        return this;
    }

    public FitOptions validationBatchSize(int size) {
        if (size <= 0) throw new IllegalArgumentException("fit: validation_batch_size must be positive. Received: " + size);
        this.validationBatchSize = size;
        return this;
    }

    /** Validate every {@code n} epochs (Keras's integer {@code validation_freq}). */
    public FitOptions validationFreq(int n) {
        if (n <= 0) throw new IllegalArgumentException("fit: validation_freq must be a positive integer. Received: validation_freq=" + n);
        this.validationFreq = n;
        return this;
    }
}

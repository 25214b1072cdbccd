package keras4j.metrics;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import keras4j.losses.BinaryFocalCrossentropy;
import keras4j.losses.Loss;
import keras4j.losses.LossFunction;
import keras4j.losses.Losses;
import keras4j.utils.Config;
import keras4j.utils.ObjectRegistry;

/**
 * Looks metrics up like Keras 3's {@code keras.metrics.get} and {@code compile(metrics=[...])}.
 *
 * <p>{@link #get(Object)} accepts a class name ({@code "AUC"}), its snake_case form ({@code "auc"},
 * {@code "categorical_accuracy"}, {@code "mean_absolute_error"}), an alias ({@code "mse"}, {@code "mae"},
 * {@code "mape"}, {@code "msle"}, {@code "bce"}, also in capitals), a serialized config map, a {@link Metric},
 * a {@link Loss} (wrapped in a {@link MeanMetricWrapper}) or a {@link LossFunction}; metrics keep their default names.
 *
 * <p>{@link #get(Object, Loss, int[], int[])} is what {@code compile} does: {@code "accuracy"}/{@code "acc"} (any case)
 * become {@link BinaryAccuracy}, {@link SparseCategoricalAccuracy} or {@link CategoricalAccuracy} from the shapes, and a
 * metric given as a string is logged under that string ({@code "mae"} logs as {@code mae}, {@code "acc"} as
 * {@code acc}).
 */
public final class Metrics {
    private Metrics() {}

    private static final ObjectRegistry<Metric> REGISTRY = new ObjectRegistry<>("metric", Metric.class);

    static {
        cls("Mean", Mean::fromConfig);
        cls("Sum", Sum::fromConfig);
        cls("MeanSquaredError", MeanSquaredError::fromConfig, "mse", "MSE");
        cls("RootMeanSquaredError", RootMeanSquaredError::fromConfig);
        cls("MeanAbsoluteError", MeanAbsoluteError::fromConfig, "mae", "MAE");
        cls("MeanAbsolutePercentageError", MeanAbsolutePercentageError::fromConfig, "mape", "MAPE");
        cls("MeanSquaredLogarithmicError", MeanSquaredLogarithmicError::fromConfig, "msle", "MSLE");
        cls("CosineSimilarity", CosineSimilarity::fromConfig);
        cls("LogCoshError", LogCoshError::fromConfig);
        cls("R2Score", R2Score::fromConfig);
        cls("AUC", AUC::fromConfig);
        cls("FalseNegatives", FalseNegatives::fromConfig);
        cls("FalsePositives", FalsePositives::fromConfig);
        cls("TrueNegatives", TrueNegatives::fromConfig);
        cls("TruePositives", TruePositives::fromConfig);
        cls("Precision", Precision::fromConfig);
        cls("Recall", Recall::fromConfig);
        cls("Hinge", Hinge::fromConfig);
        cls("SquaredHinge", SquaredHinge::fromConfig);
        cls("CategoricalHinge", CategoricalHinge::fromConfig);
        cls("KLDivergence", KLDivergence::fromConfig);
        cls("Poisson", Poisson::fromConfig);
        cls("BinaryCrossentropy", BinaryCrossentropy::fromConfig, "bce", "BCE");
        cls("CategoricalCrossentropy", CategoricalCrossentropy::fromConfig);
        cls("SparseCategoricalCrossentropy", SparseCategoricalCrossentropy::fromConfig);
        cls("Accuracy", Accuracy::fromConfig);
        cls("BinaryAccuracy", BinaryAccuracy::fromConfig);
        cls("CategoricalAccuracy", CategoricalAccuracy::fromConfig);
        cls("SparseCategoricalAccuracy", SparseCategoricalAccuracy::fromConfig);
        cls("TopKCategoricalAccuracy", TopKCategoricalAccuracy::fromConfig);
        cls("SparseTopKCategoricalAccuracy", SparseTopKCategoricalAccuracy::fromConfig);
        cls("F1Score", F1Score::fromConfig);
        cls("FBetaScore", FBetaScore::fromConfig);
    }

    private static void cls(String className, Function<Map<String, Object>, Metric> fromConfig, String... aliases) {
        REGISTRY.add(className, fromConfig);
        for (String a : aliases) REGISTRY.alias(a, className);
    }

    /** Every string {@link #get(Object)} accepts. */
    public static Set<String> names() {
        return new LinkedHashSet<>(REGISTRY.names());
    }

    /** Keras's {@code keras.metrics.get}; {@code null} gives {@code null}. A string gives a new metric with Keras's defaults. */
    public static Metric get(Object identifier) {
        if (identifier == null) return null;
        if (identifier instanceof Metric m) return m;
        if (identifier instanceof Loss l) return new MeanMetricWrapper(l);
        if (identifier instanceof LossFunction f) return new MeanMetricWrapper(f, null);
        if (identifier instanceof Map<?, ?> m) return deserialize(asConfig(m));
        if (identifier instanceof String s) {
            return REGISTRY.fromConfig(s, Map.of());
        }
        throw new IllegalArgumentException("Could not interpret metric identifier: " + identifier);
    }

    /**
     * Keras 3's {@code compile_utils.get_metric}: resolves {@code "accuracy"}/{@code "acc"} (any case) from the shapes
     * (batch axis included): binary when the prediction's last dimension is 1, sparse categorical when the labels
     * have fewer axes than the predictions or a last dimension of 1, categorical otherwise. {@code "crossentropy"}/
     * {@code "ce"} resolve the same way to the crossentropy metrics (as tf.keras 2 did). When the shapes are not
     * known the loss decides (binary for binary crossentropies, sparse for sparse categorical crossentropy,
     * categorical otherwise); Keras 3 itself only looks at shapes. Other identifiers go through {@link #get(Object)};
     * a metric named by a string is renamed to that string, as Keras logs it.
     */
    public static Metric get(Object metric, Loss loss, int[] yTrueShape, int[] yPredShape) {
        if (metric == null) throw new IllegalArgumentException("Expected metric, received `null`");
        Metric m;
        String lower = metric instanceof String s ? s.toLowerCase(Locale.ROOT) : "";
        if (lower.equals("accuracy") || lower.equals("acc") || lower.equals("crossentropy") || lower.equals("ce")) {
            boolean accuracy = lower.startsWith("acc");
            String kind = kind(loss, yTrueShape, yPredShape, metric);
            m = switch (kind) {
                case "binary" -> accuracy ? new BinaryAccuracy() : new BinaryCrossentropy();
                case "sparse" -> accuracy ? new SparseCategoricalAccuracy() : new SparseCategoricalCrossentropy();
                default -> accuracy ? new CategoricalAccuracy() : new CategoricalCrossentropy();
            };
        } else {
            m = get(metric);
        }
        if (metric instanceof String s) m.setName(s);
        return m;
    }

    private static String kind(Loss loss, int[] yTrueShape, int[] yPredShape, Object metric) {
        if (yTrueShape != null && yPredShape != null && yTrueShape.length > 0 && yPredShape.length > 0) {
            int tLast = yTrueShape[yTrueShape.length - 1], pLast = yPredShape[yPredShape.length - 1];
            if (pLast == 1) return "binary";
            if (yTrueShape.length < yPredShape.length || (tLast == 1 && pLast > 1)) return "sparse";
            return "categorical";
        }
        if (loss == null) {
            throw new IllegalArgumentException("Metric '" + metric + "' needs the label and prediction shapes (or the loss) to choose between "
                    + "binary, sparse categorical and categorical");
        }
        if (loss instanceof keras4j.losses.BinaryCrossentropy || loss instanceof BinaryFocalCrossentropy) return "binary";
        if (loss instanceof keras4j.losses.SparseCategoricalCrossentropy) return "sparse";
        return "categorical";
    }

    /**
     * Rebuilds a metric from Keras's serialized form {@code {"module", "class_name", "config"}}; a
     * {@code MeanMetricWrapper} whose {@code fn} is a serialized loss is rebuilt around that loss.
     */
    public static Metric deserialize(Map<String, Object> serialized) {
        Object cn = serialized.get("class_name");
        Map<String, Object> config = serialized.get("config") instanceof Map<?, ?> c ? asConfig(c) : Map.of();
        if ("MeanMetricWrapper".equals(cn) && config.get("fn") != null) {
            MeanMetricWrapper w = new MeanMetricWrapper(Losses.get(config.get("fn")));
            if (config.get("name") != null) w.setName(config.get("name").toString());
            return w;
        }
        Function<Map<String, Object>, Metric> f = cn == null || !REGISTRY.registered().contains(cn.toString()) ? null : REGISTRY.find(cn.toString());
        if (f == null) throw Config.unknown("metric", cn, REGISTRY.registered());
        return f.apply(config);
    }

    /** Keras's {@code keras.metrics.serialize}. */
    public static Map<String, Object> serialize(Metric metric) {
        return metric.serialize();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asConfig(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}

package keras4j.losses;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import keras4j.utils.Config;
import keras4j.utils.ObjectRegistry;

/**
 * Looks losses up the way Keras's {@code keras.losses.get} and {@code model.compile(loss=...)} do: by class
 * name ({@code "MeanSquaredError"}), by function name ({@code "mean_squared_error"},
 * {@code "sparse_categorical_crossentropy"}, {@code "huber"}, {@code "log_cosh"}, ...), by alias
 * ({@code "mse"}, {@code "mae"}, {@code "mape"}, {@code "msle"}, {@code "kld"}, {@code "bce"}, each also in
 * capitals, and the Keras 2 names {@code "logcosh"} and {@code "kullback_leibler_divergence"}), from a
 * serialized config map, or as a {@link Loss} object. A string always gives a new {@link Loss} object with
 * Keras's default arguments.
 */
public final class Losses {
    private Losses() {}

    private static final ObjectRegistry<Loss> REGISTRY = new ObjectRegistry<>("loss", Loss.class);

    static {
        cls("MeanSquaredError", MeanSquaredError::fromConfig, "mean_squared_error", "mse", "MSE");
        cls("MeanAbsoluteError", MeanAbsoluteError::fromConfig, "mean_absolute_error", "mae", "MAE");
        cls("MeanAbsolutePercentageError", MeanAbsolutePercentageError::fromConfig, "mean_absolute_percentage_error", "mape", "MAPE");
        cls("MeanSquaredLogarithmicError", MeanSquaredLogarithmicError::fromConfig, "mean_squared_logarithmic_error", "msle", "MSLE");
        cls("CosineSimilarity", CosineSimilarity::fromConfig, "cosine_similarity");
        cls("Huber", Huber::fromConfig, "huber");
        cls("LogCosh", LogCosh::fromConfig, "log_cosh", "logcosh");
        cls("Hinge", Hinge::fromConfig, "hinge");
        cls("SquaredHinge", SquaredHinge::fromConfig, "squared_hinge");
        cls("CategoricalHinge", CategoricalHinge::fromConfig, "categorical_hinge");
        cls("KLDivergence", KLDivergence::fromConfig, "kl_divergence", "kld", "KLD", "kullback_leibler_divergence");
        cls("Poisson", Poisson::fromConfig, "poisson");
        cls("BinaryCrossentropy", BinaryCrossentropy::fromConfig, "binary_crossentropy", "bce", "BCE");
        cls("BinaryFocalCrossentropy", BinaryFocalCrossentropy::fromConfig, "binary_focal_crossentropy");
        cls("CategoricalCrossentropy", CategoricalCrossentropy::fromConfig, "categorical_crossentropy");
        cls("CategoricalFocalCrossentropy", CategoricalFocalCrossentropy::fromConfig, "categorical_focal_crossentropy");
        cls("SparseCategoricalCrossentropy", SparseCategoricalCrossentropy::fromConfig, "sparse_categorical_crossentropy");
        cls("Dice", Dice::fromConfig, "dice");
        cls("Tversky", Tversky::fromConfig, "tversky");
        cls("CategoricalGeneralizedCrossEntropy", CategoricalGeneralizedCrossEntropy::fromConfig, "categorical_generalized_cross_entropy");
    }

    private static void cls(String className, Function<Map<String, Object>, Loss> fromConfig, String... names) {
        REGISTRY.addName(className, fromConfig);
        for (String n : names) REGISTRY.alias(n, className);
    }

    /** Every string {@link #get(Object)} accepts. */
    public static Set<String> names() {
        return new LinkedHashSet<>(REGISTRY.names());
    }

    /**
     * Keras's {@code keras.losses.get}: a {@link Loss} is returned as is, a string names a class, function or
     * alias, a map is a serialized loss ({@code {"class_name", "config"}}); {@code null} gives {@code null}.
     */
    public static Loss get(Object identifier) {
        if (identifier == null) return null;
        if (identifier instanceof Loss l) return l;
        if (identifier instanceof Map<?, ?> m) return deserialize(asConfig(m));
        if (identifier instanceof String s) {
            return REGISTRY.fromConfig(s, Map.of());
        }
        throw new IllegalArgumentException("Could not interpret loss identifier: " + identifier + " (expected a name, a config map or a Loss)");
    }

    /**
     * Keras's {@code compile(loss=...)} resolution: as {@link #get(Object)}, except that {@code "crossentropy"} and
     * {@code "ce"} (any case) pick binary crossentropy when the prediction's last dimension is 1, sparse
     * categorical crossentropy when the labels have fewer axes than the predictions or a last dimension of 1,
     * and categorical crossentropy otherwise (shapes include the batch axis).
     */
    public static Loss get(Object identifier, int[] yTrueShape, int[] yPredShape) {
        if (identifier instanceof String s && (s.equalsIgnoreCase("crossentropy") || s.equalsIgnoreCase("ce"))) {
            if (yTrueShape == null || yPredShape == null) {
                throw new IllegalArgumentException("Loss '" + s + "' needs the label and prediction shapes to choose between binary, sparse and categorical crossentropy");
            }
            int tLast = yTrueShape[yTrueShape.length - 1], pLast = yPredShape[yPredShape.length - 1];
            if (pLast == 1) return new BinaryCrossentropy();
            if (yTrueShape.length < yPredShape.length || tLast == 1) return new SparseCategoricalCrossentropy();
            return new CategoricalCrossentropy();
        }
        return get(identifier);
    }

    /**
     * Rebuilds a loss from Keras's serialized form {@code {"module", "class_name", "config", "registered_name"}}.
     * Also accepts Keras's form of a loss function ({@code {"class_name": "function", "config": "mse"}}) and of a
     * {@code LossFunctionWrapper} (its {@code fn} decides the class, its {@code name}/{@code reduction} are kept).
     */
    public static Loss deserialize(Map<String, Object> serialized) {
        Object className = serialized.get("class_name");
        Object config = serialized.get("config");
        if ("function".equals(className) && config instanceof String fn) return get(fn);
        Map<String, Object> c = config instanceof Map<?, ?> m ? asConfig(m) : Map.of();
        if ("LossFunctionWrapper".equals(className) && c.get("fn") != null) {
            Loss loss = get(c.get("fn") instanceof Map<?, ?> fm ? asConfig(fm) : c.get("fn"));
            return Loss.withBaseConfig(loss, c);
        }
        String name = className == null ? null : className.toString();
        Function<Map<String, Object>, Loss> fromConfig = name == null || !REGISTRY.registered().contains(name) ? null : REGISTRY.find(name);
        if (fromConfig == null) throw Config.unknown("loss", name, REGISTRY.registered());
        return fromConfig.apply(c);
    }

    /** Keras's {@code keras.losses.serialize}. */
    public static Map<String, Object> serialize(Loss loss) {
        return loss.serialize();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asConfig(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}

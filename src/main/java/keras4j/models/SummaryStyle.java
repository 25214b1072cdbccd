package keras4j.models;

/** Which {@code model.summary()} layout to print. */
public enum SummaryStyle {
    /** Keras 3's box-drawn table (the default). */
    KERAS3,
    /** The Keras 2 (2.0–2.6) plain layout with underscores and {@code =} rules. */
    CLASSIC
}

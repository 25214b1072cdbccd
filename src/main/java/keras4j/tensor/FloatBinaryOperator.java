package keras4j.tensor;

/** A function {@code (float, float) -> float}, applied element-wise with broadcasting by {@link Tensor#zip}. */
@FunctionalInterface
public interface FloatBinaryOperator {
    float apply(float x, float y);
}

package keras4j.tensor;

/** A function {@code float -> float}, applied element-wise by {@link Tensor#map}. */
@FunctionalInterface
public interface FloatUnaryOperator {
    float apply(float x);
}

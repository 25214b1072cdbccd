package keras4j.autograd;

import java.util.function.UnaryOperator;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/**
 * A named, mutable tensor that holds a layer's weight or an optimizer's state, like {@code keras.Variable}.
 * Its {@link #value()} is a stable tensor object whose contents {@link #assign} overwrites in place.
 * Reading a trainable variable while a {@link GradientTape} records watches it automatically.
 */
public final class Variable {
    private final String name;
    private final Tensor value;
    private boolean trainable;
    private UnaryOperator<Tensor> constraint;

    public Variable(String name, Tensor initial, boolean trainable) {
        this.name = name;
        this.value = initial.copy();
        this.trainable = trainable;
    }

    /** The variable's name, e.g. {@code kernel}. */
    public String name() {
        return name;
    }

    /** The current value; watched by open tapes when trainable. */
    public Tensor value() {
        if (trainable) GradientTape.watchOnActive(value);
        return value;
    }

    /** The current value without watching it (for optimizers, saving and display). */
    public Tensor peek() {
        return value;
    }

    public int[] shape() {
        return value.shape();
    }

    public int size() {
        return value.size();
    }

    public boolean trainable() {
        return trainable;
    }

    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
    }

    /** Overwrites the value (same shape) in place. */
    public void assign(Tensor newValue) {
        value.assign(newValue);
    }

    /** A projection applied after each optimizer update (Keras's {@code constraint}); may be null. */
    public UnaryOperator<Tensor> constraint() {
        return constraint;
    }

    public void setConstraint(UnaryOperator<Tensor> constraint) {
        this.constraint = constraint;
    }

    @Override
    public String toString() {
        return "<Variable name=" + name + ", shape=" + Shape.format(value.shape()) + ", trainable=" + trainable + ">";
    }
}

package keras4j.layers;

import java.util.List;

/**
 * One application of a layer to symbolic tensors (Keras's {@code Node}): the tensors it consumed and produced.
 * A layer applied to several inputs (a shared layer) has several nodes, indexed in order of application.
 */
public record Node(Layer layer, List<KerasTensor> inputs, List<KerasTensor> outputs) {
    public Node {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}

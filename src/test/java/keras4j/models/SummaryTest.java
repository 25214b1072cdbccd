package keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import keras4j.layers.KerasTensor;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.Concatenate;
import keras4j.layers.Dropout;
import keras4j.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole-string checks of model.summary() in Keras 3's and Keras 2's layouts (76 columns, as outside a terminal). */
class SummaryTest {

    @BeforeEach
    void freshSession() {
        Names.clearSession();
    }

    private static Sequential mlp() {
        return new Sequential(new Dense(64).inputShape(784).activation("relu"), new Dropout(0.2), new Dense(10).activation("softmax"));
    }

    @Test
    void sequentialKeras3Table() {
        String expected = String.join("\n",
                "Model: \"sequential\"",
                "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓",
                "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃",
                "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩",
                "│ dense (Dense)                   │ (None, 64)             │        50,240 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ dropout (Dropout)               │ (None, 64)             │             0 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ dense_1 (Dense)                 │ (None, 10)             │           650 │",
                "└─────────────────────────────────┴────────────────────────┴───────────────┘",
                " Total params: 50,890 (198.79 KB)",
                " Trainable params: 50,890 (198.79 KB)",
                " Non-trainable params: 0 (0.00 B)",
                "");
        assertEquals(expected, mlp().summaryTable(SummaryStyle.KERAS3).terminalColumns(80).render());
    }

    @Test
    void sequentialClassicTable() {
        String expected = String.join("\n",
                "Model: \"sequential\"",
                "_________________________________________________________________",
                "Layer (type)                 Output Shape              Param #   ",
                "=================================================================",
                "dense (Dense)                (None, 64)                50240     ",
                "_________________________________________________________________",
                "dropout (Dropout)            (None, 64)                0         ",
                "_________________________________________________________________",
                "dense_1 (Dense)              (None, 10)                650       ",
                "=================================================================",
                "Total params: 50,890",
                "Trainable params: 50,890",
                "Non-trainable params: 0",
                "_________________________________________________________________",
                "");
        assertEquals(expected, mlp().summaryString(SummaryStyle.CLASSIC));
    }

    @Test
    void unbuiltLayersAndOptimizerParams() {
        Sequential deferred = new Sequential(new Dense(3));
        String text = deferred.summaryTable(SummaryStyle.KERAS3).terminalColumns(80).render();
        assertTrue(text.contains("│ dense (Dense)                   │ ?                      │   0 (unbuilt) │"), text);
        Sequential model = mlp();
        model.compile("adam", "mse");
        model.trainOnBatch(keras4j.tensor.Tensor.zeros(2, 784), keras4j.tensor.Tensor.zeros(2, 10));
        String after = model.summaryTable(SummaryStyle.KERAS3).terminalColumns(80).render();
        // Adam keeps two slots per weight, plus its iteration counter and learning rate.
        assertTrue(after.contains(" Optimizer params: 101,782 "), after);
    }

    @Test
    void functionalModelsPrintConnections() {
        KerasTensor a = Input.of("left", 4), b = Input.of("right", 3);
        KerasTensor h = new Concatenate().apply(new Dense(5).apply(a), b);
        Model model = new Model(java.util.List.of(a, b), java.util.List.of(new Dense(1).apply(h)), "towers");
        String text = model.summaryTable(SummaryStyle.KERAS3).terminalColumns(112).render();
        assertTrue(text.startsWith("Model: \"towers\"\n"), text);
        assertTrue(text.contains("Connected to"), text);
        assertTrue(text.contains("left (InputLayer)") && text.contains("right (InputLayer)"), text);
        assertTrue(text.contains("dense[0][0], right[0][0]"), text);
        assertTrue(text.contains(" Total params: 34 (136.00 B)"), text);
        String classic = model.summaryString(SummaryStyle.CLASSIC);
        assertTrue(classic.contains("[(None, 4)]"), classic);
        assertTrue(classic.contains("concatenate (Concatenate)       (None, 8)            0           dense[0][0]"), classic);
        // One-chain functional models print like Sequential (Keras's sequential_like rule).
        KerasTensor in = Input.of(2);
        Model chain = new Model(in, new Dense(1).apply(new Dense(2).apply(in)));
        assertTrue(!chain.summaryString(SummaryStyle.KERAS3).contains("Connected to"));
    }
}

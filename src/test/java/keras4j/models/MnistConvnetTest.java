package keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import keras4j.layers.Conv2D;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.MaxPooling2D;
import keras4j.layers.Dropout;
import keras4j.layers.Flatten;
import keras4j.tensor.Tensor;
import keras4j.utils.Names;
import keras4j.utils.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keras's "simple MNIST convnet" example: its summaries byte for byte (KERAS-REFERENCE §1a, §1d), and it trains. */
class MnistConvnetTest {

    @BeforeEach
    void freshSession() {
        Names.clearSession();
        Seeds.setRandomSeed(11);
    }

    static Sequential convnet() {
        return new Sequential(
                new Conv2D(32, 3, 3).activation("relu").inputShape(28, 28, 1),
                new MaxPooling2D(2, 2),
                new Conv2D(64, 3, 3).activation("relu"),
                new MaxPooling2D(2, 2),
                new Flatten(),
                new Dropout(0.5),
                new Dense(10).activation("softmax"));
    }

    @Test
    void keras3SummaryMatchesTheVerbatimTable() {
        String expected = String.join("\n",
                "Model: \"sequential\"",
                "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓",
                "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃",
                "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩",
                "│ conv2d (Conv2D)                 │ (None, 26, 26, 32)     │           320 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ max_pooling2d (MaxPooling2D)    │ (None, 13, 13, 32)     │             0 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ conv2d_1 (Conv2D)               │ (None, 11, 11, 64)     │        18,496 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ max_pooling2d_1 (MaxPooling2D)  │ (None, 5, 5, 64)       │             0 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ flatten (Flatten)               │ (None, 1600)           │             0 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ dropout (Dropout)               │ (None, 1600)           │             0 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ dense (Dense)                   │ (None, 10)             │        16,010 │",
                "└─────────────────────────────────┴────────────────────────┴───────────────┘",
                " Total params: 34,826 (136.04 KB)",
                " Trainable params: 34,826 (136.04 KB)",
                " Non-trainable params: 0 (0.00 B)",
                "");
        Sequential model = convnet();
        assertEquals(34_826, model.countParams());
        assertEquals(expected, model.summaryTable(SummaryStyle.KERAS3).terminalColumns(80).render());
    }

    @Test
    void classicSummaryMatchesTheVerbatimTable() {
        String expected = String.join("\n",
                "Model: \"sequential\"",
                "_________________________________________________________________",
                "Layer (type)                 Output Shape              Param #   ",
                "=================================================================",
                "conv2d (Conv2D)              (None, 26, 26, 32)        320       ",
                "_________________________________________________________________",
                "max_pooling2d (MaxPooling2D) (None, 13, 13, 32)        0         ",
                "_________________________________________________________________",
                "conv2d_1 (Conv2D)            (None, 11, 11, 64)        18496     ",
                "_________________________________________________________________",
                "max_pooling2d_1 (MaxPooling2 (None, 5, 5, 64)          0         ",
                "_________________________________________________________________",
                "flatten (Flatten)            (None, 1600)              0         ",
                "_________________________________________________________________",
                "dropout (Dropout)            (None, 1600)              0         ",
                "_________________________________________________________________",
                "dense (Dense)                (None, 10)                16010     ",
                "=================================================================",
                "Total params: 34,826",
                "Trainable params: 34,826",
                "Non-trainable params: 0",
                "_________________________________________________________________",
                "");
        assertEquals(expected, convnet().summaryString(SummaryStyle.CLASSIC));
    }

    @Test
    void trainsOnASmallBatchOfRandomImages() {
        Sequential model = convnet();
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        Tensor x = Tensor.randomUniform(1, 0, 1, 32, 28, 28, 1);
        Tensor y = Tensor.randomUniform(2, 0, 10, 32).map(v -> (float) Math.floor(v));
        double first = model.trainOnBatch(x, y).get("loss");
        double last = first;
        for (int i = 0; i < 15; i++) last = model.trainOnBatch(x, y).get("loss");
        assertTrue(last < first, "loss " + first + " -> " + last);
        Map<String, Double> eval = model.evaluate(x, y, 16, 0);
        assertTrue(eval.get("accuracy") > 0.2, "memorising 32 random labels beats chance (0.1): " + eval);
    }
}

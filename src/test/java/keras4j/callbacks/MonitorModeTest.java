package keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitorModeTest {

    @Test
    void lossesAreMinimised() {
        assertEquals(MonitorMode.MIN, MonitorMode.resolve("auto", "loss", "EarlyStopping"));
        assertEquals(MonitorMode.MIN, MonitorMode.resolve("auto", "val_loss", "EarlyStopping"));
        assertEquals(MonitorMode.MIN, MonitorMode.resolve("auto", "val_dense_1_loss", "EarlyStopping"));
    }

    @Test
    void kerasBuiltInMetricsUseTheirDirection() {
        for (String up : new String[] {"accuracy", "val_accuracy", "acc", "val_acc", "binary_accuracy",
                "sparse_categorical_accuracy", "val_top_k_categorical_accuracy", "auc", "val_auc_1", "precision",
                "recall_1", "f1_score", "r2_score", "mean_io_u", "cosine_similarity", "AUC", "val_BinaryAccuracy",
                "dense_1_accuracy"}) {
            assertEquals(Optional.of(MonitorMode.MAX), MonitorMode.forMetric(up), up);
        }
        for (String down : new String[] {"mse", "val_mae", "MSE", "mean_squared_error", "root_mean_squared_error",
                "val_binary_crossentropy", "sparse_categorical_crossentropy", "hinge", "logcosh", "kl_divergence",
                "MeanAbsoluteError", "output_a_mse"}) {
            assertEquals(Optional.of(MonitorMode.MIN), MonitorMode.forMetric(down), down);
        }
    }

    @Test
    void accuracyLikeNamesAreMaximised() {
        assertEquals(Optional.of(MonitorMode.MAX), MonitorMode.forMetric("val_my_acc_metric"));
        assertEquals(Optional.of(MonitorMode.MAX), MonitorMode.forMetric("pr_auc"));
    }

    @Test
    void explicitModesWin() {
        assertEquals(MonitorMode.MAX, MonitorMode.resolve("max", "val_loss", "EarlyStopping"));
        assertEquals(MonitorMode.MIN, MonitorMode.resolve("min", "val_accuracy", "EarlyStopping"));
        assertEquals(MonitorMode.MIN, MonitorMode.resolve("min", "widgets", "EarlyStopping"));
    }

    @Test
    void unknownMetricsNeedAnExplicitMode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MonitorMode.resolve("auto", "val_widgets", "ReduceLROnPlateau"));
        assertEquals("ReduceLROnPlateau callback received monitor=val_widgets, but Keras isn't able to automatically"
                + " determine whether that metric should be maximized or minimized. Pass `mode(\"max\")` in order to"
                + " monitor based on the highest metric value, or pass `mode(\"min\")` in order to use the lowest value.",
                e.getMessage());
        for (String unknown : new String[] {"mean", "false_positives", "val_true_positives", "lr"}) {
            assertEquals(Optional.empty(), MonitorMode.forMetric(unknown), unknown);
        }
        assertThrows(IllegalArgumentException.class, () -> MonitorMode.resolve("biggest", "loss", "EarlyStopping"));
    }

    @Test
    void improvementNeedsMoreThanMinDelta() {
        assertTrue(MonitorMode.MIN.isImprovement(5.0, null, 0), "no reference yet");
        assertTrue(MonitorMode.MIN.isImprovement(Double.NaN, null, 0));
        assertTrue(MonitorMode.MIN.isImprovement(0.8, 1.0, 0.1));
        assertFalse(MonitorMode.MIN.isImprovement(0.9, 1.0, 0.1), "0.9 + 0.1 is not below 1.0");
        assertFalse(MonitorMode.MIN.isImprovement(1.0, 1.0, 0));
        assertTrue(MonitorMode.MIN.isImprovement(0.8, 1.0, -0.1), "the sign of minDelta is ignored");
        assertTrue(MonitorMode.MAX.isImprovement(0.75, 0.6, 0.1));
        assertFalse(MonitorMode.MAX.isImprovement(0.7, 0.6, 0.1));
        assertFalse(MonitorMode.MAX.isImprovement(0.6, 0.6, 0));
        assertFalse(MonitorMode.MAX.isImprovement(Double.NaN, 0.6, 0));
        assertFalse(MonitorMode.MIN.isImprovement(Double.NaN, 0.6, 0));
    }
}

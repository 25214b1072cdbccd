package keras4j.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import keras4j.layers.Dense;
import keras4j.models.FitOptions;
import keras4j.models.Sequential;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableDataTest {

    private static Table flowers() {
        return Table.create("flowers",
                DoubleColumn.create("petal", 1.0, 1.2, 4.5, 4.7, 6.0, 6.1),
                DoubleColumn.create("sepal", 5.0, 5.1, 6.0, 6.2, 7.0, 7.1),
                StringColumn.create("species", "setosa", "setosa", "versicolor", "versicolor", "virginica", "virginica"));
    }

    @Test
    void encodesFeaturesAndACategoricalTarget() {
        TableData d = TableData.from(flowers(), List.of("petal", "sepal"), "species");
        assertArrayEquals(new int[] {6, 2}, d.x().shape());
        assertArrayEquals(new float[] {1.0f, 5.0f}, java.util.Arrays.copyOf(Internal.array(d.x()), 2));
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new float[] {0, 0, 1, 1, 2, 2}, Internal.array(d.y()));
        TableData s = d.standardize();
        assertEquals(0.0, s.x().mean(false, 0).get(0), 1e-6);
        assertEquals(1.0, s.x().variance(false, 0).get(1), 1e-5);
        // transform applies the training statistics to new rows
        assertTrue(s.transform(flowers()).allClose(s.x(), 1e-6f, 1e-6f));
    }

    @Test
    void predictionsComeBackAsColumnsWithClassNames() {
        Seeds.setRandomSeed(3);
        Table t = flowers();
        TableData d = TableData.from(t, List.of("petal", "sepal"), "species").standardize();
        Sequential model = new Sequential(new Dense(16).inputShape(2).activation("relu"), new Dense(3).activation("softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        model.fit(d.x(), d.y(), new FitOptions().epochs(400).batchSize(6).verbose(0));
        Table out = d.withPredictions(t, model.predict(d.transform(t)));
        assertEquals(List.of("petal", "sepal", "species", "predicted_species", "probability"), out.columnNames());
        assertEquals(t.stringColumn("species").asList(), out.stringColumn("predicted_species").asList());
        assertTrue(out.doubleColumn("probability").min() > 0.34);
    }

    @Test
    void missingValuesAndWrongTypesNameTheColumn() {
        Table t = flowers();
        t.doubleColumn("sepal").setMissing(3);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> TableData.from(t, List.of("petal", "sepal"), "species"));
        assertTrue(missing.getMessage().contains("'sepal'") && missing.getMessage().contains("row 3"), missing.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> TableData.from(flowers(), List.of("species"), "petal"));
        assertTrue(type.getMessage().contains("'species'") && type.getMessage().contains("numeric"), type.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> TableData.from(flowers(), List.of("petals"), "species"));
        assertTrue(unknown.getMessage().contains("'petals'"), unknown.getMessage());
        TableData numeric = TableData.from(flowers(), List.of("petal"), "sepal");
        assertEquals(null, numeric.classNames());
        Table withValues = numeric.withPredictions(flowers(), Tensor.ones(6, 1));
        assertEquals(6.0, withValues.doubleColumn("predicted_sepal").sum(), 1e-9);
    }
}

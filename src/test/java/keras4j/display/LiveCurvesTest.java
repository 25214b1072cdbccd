package keras4j.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.models.FitOptions;
import keras4j.models.Sequential;
import keras4j.tensor.Tensor;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

class LiveCurvesTest {

    /** Stands in for a kernel: the methods LiveCurves reaches by reflection, recording what it is sent. */
    public static final class FakeKernel {
        public final Renderer renderer = new Renderer();
        public final FakeIO io = new FakeIO();

        public Renderer getRenderer() {
            return renderer;
        }

        public FakeIO getIO() {
            return io;
        }
    }

    public static final class FakeIO {
        public final FakeStream display = new FakeStream();
    }

    public static final class FakeStream {
        final List<String> calls = new ArrayList<>();
        final List<DisplayData> data = new ArrayList<>();

        public void display(DisplayData d) {
            calls.add("display " + d.getDisplayId());
            data.add(d);
        }

        public void updateDisplay(String id, DisplayData d) {
            calls.add("update " + id);
            data.add(d);
        }
    }

    @Test
    void inATerminalItDoesNothing() {
        LiveCurves live = new LiveCurves();
        Sequential model = Models.mlp();
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        model.fit(Tensor.zeros(12, 4), Tensor.zeros(12), new FitOptions().epochs(2).verbose(0).callbacks(live));
        assertEquals(0, live.draws());
        assertEquals(List.of("loss", "accuracy"), live.curves().metrics());
    }

    @Test
    void inANotebookItDisplaysOnceThenUpdatesInPlace() {
        FakeKernel kernel = new FakeKernel();
        LiveCurves live = new LiveCurves(0, () -> kernel);
        live.onTrainBegin(Map.of());
        for (int e = 0; e < 3; e++) live.onEpochEnd(e, Map.of("loss", 1.0 / (e + 1), "val_loss", 1.2 / (e + 1)));
        live.onTrainEnd(Map.of());
        List<String> calls = kernel.io.display.calls;
        assertEquals(3, calls.size(), calls.toString());
        assertTrue(calls.get(0).startsWith("display "));
        String id = calls.get(0).substring("display ".length());
        assertEquals(List.of("display " + id, "update " + id, "update " + id), calls);
        for (DisplayData d : kernel.io.display.data) assertNotNull(d.getData(MIMEType.IMAGE_PNG));
    }

    @Test
    void itThrottlesAndDrawsTheLastEpoch() {
        FakeKernel kernel = new FakeKernel();
        LiveCurves live = new LiveCurves(60_000, () -> kernel);
        live.onTrainBegin(Map.of());
        for (int e = 0; e < 5; e++) live.onEpochEnd(e, Map.of("loss", 1.0 / (e + 1)));
        live.onTrainEnd(Map.of());
        assertEquals(2, kernel.io.display.calls.size(), "the first epoch, then the final state once");
        assertEquals(2, live.draws());
    }
}

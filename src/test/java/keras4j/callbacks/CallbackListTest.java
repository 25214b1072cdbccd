package keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackListTest {

    /** Records every hook as "name:index:logs". */
    static final class Recorder extends Callback {
        final String name;
        final List<String> calls;

        Recorder(String name, List<String> calls) {
            this.name = name;
            this.calls = calls;
        }

        private void record(String hook, Object index, Map<String, Double> logs) {
            calls.add(name + "." + hook + (index == null ? "" : "(" + index + ")") + " " + logs);
        }

        @Override public void onTrainBegin(Map<String, Double> logs) { record("onTrainBegin", null, logs); }
        @Override public void onTrainEnd(Map<String, Double> logs) { record("onTrainEnd", null, logs); }
        @Override public void onEpochBegin(int epoch, Map<String, Double> logs) { record("onEpochBegin", epoch, logs); }
        @Override public void onEpochEnd(int epoch, Map<String, Double> logs) { record("onEpochEnd", epoch, logs); }
        @Override public void onTrainBatchBegin(int batch, Map<String, Double> logs) { record("onTrainBatchBegin", batch, logs); }
        @Override public void onTrainBatchEnd(int batch, Map<String, Double> logs) { record("onTrainBatchEnd", batch, logs); }
        @Override public void onTestBegin(Map<String, Double> logs) { record("onTestBegin", null, logs); }
        @Override public void onTestEnd(Map<String, Double> logs) { record("onTestEnd", null, logs); }
        @Override public void onTestBatchBegin(int batch, Map<String, Double> logs) { record("onTestBatchBegin", batch, logs); }
        @Override public void onTestBatchEnd(int batch, Map<String, Double> logs) { record("onTestBatchEnd", batch, logs); }
        @Override public void onPredictBegin(Map<String, Double> logs) { record("onPredictBegin", null, logs); }
        @Override public void onPredictEnd(Map<String, Double> logs) { record("onPredictEnd", null, logs); }
        @Override public void onPredictBatchBegin(int batch, Map<String, Double> logs) { record("onPredictBatchBegin", batch, logs); }
        @Override public void onPredictBatchEnd(int batch, Map<String, Double> logs) { record("onPredictBatchEnd", batch, logs); }
    }

    @Test
    void dispatchesEveryHookToEveryCallbackInOrder() {
        List<String> calls = new ArrayList<>();
        CallbackList list = new CallbackList(new Recorder("a", calls), new Recorder("b", calls));
        Map<String, Double> logs = Map.of("loss", 0.5);
        list.onTrainBegin(null);
        list.onEpochBegin(0, null);
        list.onTrainBatchBegin(0, null);
        list.onTrainBatchEnd(0, logs);
        list.onEpochEnd(0, logs);
        list.onTrainEnd(logs);
        list.onTestBegin(null);
        list.onTestBatchBegin(1, null);
        list.onTestBatchEnd(1, logs);
        list.onTestEnd(logs);
        list.onPredictBegin(null);
        list.onPredictBatchBegin(2, null);
        list.onPredictBatchEnd(2, null);
        list.onPredictEnd(null);
        List<String> expected = new ArrayList<>();
        String[][] hooks = {
            {"onTrainBegin", "", "{}"}, {"onEpochBegin", "(0)", "{}"}, {"onTrainBatchBegin", "(0)", "{}"},
            {"onTrainBatchEnd", "(0)", "{loss=0.5}"}, {"onEpochEnd", "(0)", "{loss=0.5}"}, {"onTrainEnd", "", "{loss=0.5}"},
            {"onTestBegin", "", "{}"}, {"onTestBatchBegin", "(1)", "{}"}, {"onTestBatchEnd", "(1)", "{loss=0.5}"},
            {"onTestEnd", "", "{loss=0.5}"}, {"onPredictBegin", "", "{}"}, {"onPredictBatchBegin", "(2)", "{}"},
            {"onPredictBatchEnd", "(2)", "{}"}, {"onPredictEnd", "", "{}"}};
        for (String[] h : hooks) {
            expected.add("a." + h[0] + h[1] + " " + h[2]);
            expected.add("b." + h[0] + h[1] + " " + h[2]);
        }
        assertEquals(expected, calls);
    }

    @Test
    void setsModelAndParamsOnAll() {
        List<String> calls = new ArrayList<>();
        Recorder a = new Recorder("a", calls), b = new Recorder("b", calls);
        CallbackList list = new CallbackList(List.of(a, b));
        FakeModel model = new FakeModel();
        list.setModel(model);
        list.setParams(Map.of("epochs", 3, "steps", 10, "verbose", 1));
        for (Callback c : list) {
            assertSame(model, c.model());
            assertEquals(Map.of("epochs", 3, "steps", 10, "verbose", 1), c.params());
        }
        list.setModel(null);
        assertSame(model, a.model(), "a null model is ignored, as in Keras");
        list.setParams(Map.of());
        assertEquals(3, a.params().get("epochs"), "empty params are not passed on, as in Keras");

        Recorder late = new Recorder("late", calls);
        list.append(late);
        assertSame(model, late.model());
        assertEquals(List.of(a, b, late), list.callbacks());
    }

    @Test
    void logsAreASortedCopySharedAlongTheList() {
        LambdaCallback adds = new LambdaCallback().onEpochEnd((epoch, logs) -> logs.put("learning_rate", 0.01));
        List<Map<String, Double>> seen = new ArrayList<>();
        LambdaCallback reads = new LambdaCallback().onEpochEnd((epoch, logs) -> seen.add(new LinkedHashMap<>(logs)));
        CallbackList list = new CallbackList(List.of(adds, reads), true);
        Map<String, Double> callerLogs = new LinkedHashMap<>();
        callerLogs.put("val_loss", 0.3);
        callerLogs.put("loss", 0.5);
        callerLogs.put("accuracy", 0.9);
        list.onEpochEnd(0, callerLogs);
        assertEquals(List.of("accuracy", "loss", "val_loss", "learning_rate"), new ArrayList<>(seen.get(0).keySet()));
        assertEquals(3, callerLogs.size(), "the caller's map is not changed");
        assertEquals(0.01, list.lastLogs().get("learning_rate"));
        assertEquals(List.of(0.01), list.history().history().get("learning_rate"), "History comes last and records it");
        assertThrows(UnsupportedOperationException.class, () -> list.lastLogs().put("x", 1.0));
    }

    @Test
    void historyIsAddedOnlyWhenAskedAndMissing() {
        assertNull(new CallbackList(List.of()).history());
        CallbackList added = new CallbackList(List.of(new LambdaCallback()), true);
        assertEquals(2, added.callbacks().size());
        assertSame(added.callbacks().get(1), added.history());
        History own = new History();
        CallbackList given = new CallbackList(List.of(own, new LambdaCallback()), true);
        assertSame(own, given.history());
        assertEquals(2, given.callbacks().size());
    }

    @Test
    void rejectsNullCallbacks() {
        List<Callback> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> new CallbackList(withNull));
        assertThrows(IllegalArgumentException.class, () -> new CallbackList().append(null));
    }
}

package keras4j.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

/** Learning-rate schedules at several steps against Keras's formulas, and their configs. */
class SchedulesTest {

    @Test
    void exponentialDecay() {
        ExponentialDecay s = new ExponentialDecay(0.1, 10, 0.5);
        for (long step : new long[] {0, 1, 5, 10, 25, 1000}) {
            assertEquals(0.1 * Math.pow(0.5, step / 10.0), s.at(step), 1e-7 + 1e-6 * s.at(step), "step " + step);
        }
        ExponentialDecay stairs = new ExponentialDecay(0.1, 10, 0.5).staircase(true);
        assertEquals(0.1, stairs.at(9), 1e-8);
        assertEquals(0.05, stairs.at(10), 1e-8);
        assertEquals(0.025, stairs.at(29), 1e-8);
        assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(0.1, 0, 0.5));
    }

    @Test
    void piecewiseConstantDecay() {
        PiecewiseConstantDecay s = new PiecewiseConstantDecay(new long[] {100, 200}, new double[] {1.0, 0.5, 0.1});
        assertEquals(1.0f, s.at(0));
        assertEquals(1.0f, s.at(100));
        assertEquals(0.5f, s.at(101));
        assertEquals(0.5f, s.at(200));
        assertEquals(0.1f, s.at(201));
        assertThrows(IllegalArgumentException.class, () -> new PiecewiseConstantDecay(new long[] {1}, new double[] {1}));
    }

    static double cosine(double initial, double step, double decaySteps, double alpha) {
        double s = Math.min(step, decaySteps);
        return initial * ((1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * s / decaySteps)) + alpha);
    }

    @Test
    void cosineDecayWithAndWithoutWarmup() {
        CosineDecay s = new CosineDecay(0.1, 100).alpha(0.2);
        for (long step : new long[] {0, 1, 30, 50, 99, 100, 500}) assertEquals(cosine(0.1, step, 100, 0.2), s.at(step), 1e-7, "step " + step);
        CosineDecay w = new CosineDecay(0.0, 100).warmupTarget(0.4).warmupSteps(10);
        assertEquals(0.0, w.at(0), 1e-8);
        assertEquals(0.2, w.at(5), 1e-7);
        assertEquals(0.4, w.at(10), 1e-7);
        for (long step : new long[] {10, 40, 60, 110, 300}) assertEquals(cosine(0.4, step - 10, 100, 0), w.at(step), 1e-7, "step " + step);
    }

    @Test
    void configsRoundTrip() {
        LearningRateSchedule[] all = {new ExponentialDecay(0.1, 10, 0.5).staircase(true).name("ed"),
                new PiecewiseConstantDecay(new long[] {5, 10}, new double[] {0.3, 0.2, 0.1}),
                new CosineDecay(0.1, 100).alpha(0.1).warmupTarget(0.2).warmupSteps(5)};
        for (LearningRateSchedule s : all) {
            assertEquals("keras.optimizers.schedules", s.serialize().get("module"));
            LearningRateSchedule back = LearningRateSchedule.deserialize(Json.readObject(Json.write(s.serialize())));
            assertEquals(Json.write(s.getConfig()), Json.write(back.getConfig()));
            assertEquals(s.at(7), back.at(7));
        }
        assertEquals("PiecewiseConstant", new PiecewiseConstantDecay(new long[] {1}, new double[] {1, 2}).getConfig().get("name"));
    }
}

package keras4j.models;

import java.util.Map;
import keras4j.utils.Progbar;

/**
 * What the training loop prints, as Keras's {@code ProgbarLogger}: the {@code Epoch k/N} header (when training
 * for more than one epoch), then a progress bar ({@code verbose=1}) or one line per epoch ({@code verbose=2}).
 */
final class Progress {
    private final Progbar bar;

    private Progress(Progbar bar) {
        this.bar = bar;
    }

    static Progress forEpoch(int verbose, int epoch, int epochs, int steps) {
        if (verbose == 0) return new Progress(null);
        if (epochs > 1) System.out.println(Progbar.epochHeader(epoch + 1, epochs));
        return new Progress(Progbar.builder(steps).verbose(verbose).build());
    }

    static Progress forEvaluation(int verbose, int steps) {
        if (verbose == 0) return new Progress(null);
        return new Progress(Progbar.builder(steps).verbose(verbose).build());
    }

    void update(int step, Map<String, Double> logs, boolean finalize) {
        if (bar != null) bar.update(step, logs, finalize);
    }

    /** Ends the current line after an interrupted epoch, so the next output starts cleanly. */
    void interrupt() {
        if (bar != null) System.out.println();
    }
}

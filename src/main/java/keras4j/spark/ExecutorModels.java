package keras4j.spark;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import keras4j.models.Model;
import keras4j.models.Models;
import org.apache.spark.SparkEnv;
import org.apache.spark.broadcast.Broadcast;

/**
 * The models of one executor JVM, by application and broadcast id (broadcast ids restart at 0 in each SparkContext,
 * and a JVM may see several: a notebook that restarts Spark, local mode). The broadcast {@code .keras} bytes are written to a local
 * file once per JVM; inference borrows instances from a pool (one per concurrently running task at most, since a
 * model is not shared between threads), training loads a fresh instance per task so that each task starts from
 * exactly the broadcast state. Only the last few broadcasts are kept.
 */
final class ExecutorModels {
    private ExecutorModels() {}

    private static final int KEEP = 4;

    private static final class Entry {
        final Path dir;
        final Path file;
        final Deque<Model> idle = new ArrayDeque<>();

        Entry(byte[] bytes) {
            dir = KerasBytes.tempDir();
            file = KerasBytes.write(bytes, dir);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>(8, 0.75f, true);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (ENTRIES) {
                for (Entry e : ENTRIES.values()) KerasBytes.deleteTree(e.dir);
            }
        }, "keras4j-spark-cleanup"));
    }

    private static String key(Broadcast<byte[]> bytes) {
        SparkEnv env = SparkEnv.get();
        return (env == null ? "" : env.conf().getAppId()) + "/" + bytes.id();
    }

    private static Entry entry(Broadcast<byte[]> bytes) {
        synchronized (ENTRIES) {
            String key = key(bytes);
            Entry e = ENTRIES.get(key);
            if (e == null) {
                e = new Entry(bytes.value());
                ENTRIES.put(key, e);
                Iterator<Map.Entry<String, Entry>> it = ENTRIES.entrySet().iterator();
                while (ENTRIES.size() > KEEP && it.hasNext()) {
                    KerasBytes.deleteTree(it.next().getValue().dir);
                    it.remove();
                }
            }
            return e;
        }
    }

    /** A model from the pool (loaded on first need), for inference; give it back with {@link #release}. */
    static Model borrow(Broadcast<byte[]> bytes) {
        Entry e = entry(bytes);
        synchronized (ENTRIES) {
            Model m = e.idle.poll();
            if (m != null) return m;
            // Layer and name registries are shared by the JVM: load one model at a time.
            return Models.load(e.file);
        }
    }

    static void release(Broadcast<byte[]> bytes, Model model) {
        synchronized (ENTRIES) {
            Entry e = ENTRIES.get(key(bytes));
            if (e != null) e.idle.push(model);
        }
    }

    /** A model loaded anew from the JVM's copy of the bytes (training: no state carried between tasks). */
    static Model fresh(Broadcast<byte[]> bytes) {
        Entry e = entry(bytes);
        synchronized (ENTRIES) {
            return Models.load(e.file);
        }
    }

    /** Runs {@code body} with a pooled model, returning it to the pool afterwards. */
    static <T> T withModel(Broadcast<byte[]> bytes, Function<Model, T> body) {
        Model m = borrow(bytes);
        try {
            return body.apply(m);
        } finally {
            release(bytes, m);
        }
    }
}

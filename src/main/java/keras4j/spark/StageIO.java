package keras4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/**
 * Saving and loading the stages in Spark ML's layout, so that {@code Pipeline}/{@code PipelineModel} save and load
 * them like Spark's own: {@code <path>/metadata} holds one JSON line as Spark's {@code DefaultParamsWriter} writes it
 * ({@code class}, {@code timestamp}, {@code sparkVersion}, {@code uid}, {@code paramMap}, {@code defaultParamMap};
 * Spark's loader reads {@code class} and calls the class's static {@code read()}), and {@code <path>/data/model.keras}
 * the model's {@code .keras} file. Paths go through Hadoop's file systems (local, HDFS, S3, ...).
 */
final class StageIO {
    private StageIO() {}

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String MODEL_FILE = "data/model.keras";

    /** Writes a stage: its params as metadata and its model bytes. */
    static final class Writer extends MLWriter {
        private final Params stage;
        private final byte[] bytes;

        Writer(Params stage, byte[] bytes) {
            this.stage = stage;
            this.bytes = bytes;
        }

        @Override
        public void saveImpl(String path) {
            SparkContext sc = sc();
            ObjectNode meta = JSON.createObjectNode();
            meta.put("class", stage.getClass().getName());
            meta.put("timestamp", System.currentTimeMillis());
            meta.put("sparkVersion", sc.version());
            meta.put("uid", stage.uid());
            ObjectNode set = meta.putObject("paramMap");
            ObjectNode defaults = meta.putObject("defaultParamMap");
            for (Param<?> p : stage.params()) {
                @SuppressWarnings("unchecked")
                Param<Object> param = (Param<Object>) p;
                if (stage.isSet(param)) set.set(param.name(), parse(param.jsonEncode(stage.get(param).get())));
                if (stage.hasDefault(param)) defaults.set(param.name(), parse(param.jsonEncode(stage.getDefault(param).get())));
            }
            JavaSparkContext.fromSparkContext(sc).parallelize(List.of(meta.toString()), 1).saveAsTextFile(path + "/metadata");
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path, MODEL_FILE);
            try {
                FileSystem fs = file.getFileSystem(sc.hadoopConfiguration());
                try (OutputStream out = fs.create(file, true)) {
                    out.write(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }
    }

    /** Reads a stage saved by {@link Writer}; {@code factory} makes the stage from its uid and model bytes. */
    static final class Reader<T extends Params> extends MLReader<T> {
        private final Class<T> type;
        private final BiFunction<String, byte[], T> factory;

        Reader(Class<T> type, BiFunction<String, byte[], T> factory) {
            this.type = type;
            this.factory = factory;
        }

        @Override
        public T load(String path) {
            SparkContext sc = sc();
            JsonNode meta = parse(JavaSparkContext.fromSparkContext(sc).textFile(path + "/metadata", 1).first());
            String cls = meta.path("class").asText();
            if (!cls.equals(type.getName())) {
                throw new IllegalArgumentException("Cannot load " + path + " as a " + type.getSimpleName() + ": its metadata names class " + cls);
            }
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path, MODEL_FILE);
            byte[] bytes;
            try (InputStream in = file.getFileSystem(sc.hadoopConfiguration()).open(file)) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + " (the stage's model)", e);
            }
            T stage = factory.apply(meta.path("uid").asText(), bytes);
            setAll(stage, meta.path("defaultParamMap"), true);
            setAll(stage, meta.path("paramMap"), false);
            return stage;
        }

        private static void setAll(Params stage, JsonNode values, boolean asDefault) {
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!stage.hasParam(e.getKey())) {
                    if (asDefault) continue; // a default of another version: ours stands
                    throw new IllegalArgumentException(stage.getClass().getSimpleName() + " has no param \"" + e.getKey() + "\"");
                }
                Param<Object> param = stage.getParam(e.getKey());
                Object value = param.jsonDecode(e.getValue().toString());
                if (asDefault) stage.setDefault(param, value);
                else stage.set(param, value);
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Invalid stage metadata: " + json, e);
        }
    }
}

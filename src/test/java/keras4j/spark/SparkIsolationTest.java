package keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Spark is {@code provided}: keras4j must load and work without it, so only {@code keras4j.spark} may import Spark
 * (or Scala, Hadoop), and nothing else may import {@code keras4j.spark}.
 */
class SparkIsolationTest {
    private static final Pattern SPARK = Pattern.compile("^import (static )?(org\\.apache\\.spark|org\\.apache\\.hadoop|scala)\\.", Pattern.MULTILINE);
    private static final Pattern USES_SPARK_PACKAGE = Pattern.compile("^import (static )?keras4j\\.spark\\.|keras4j\\.spark\\.[A-Z]", Pattern.MULTILINE);

    @Test
    void onlyKeras4jSparkImportsSparkAndNothingImportsIt() throws IOException {
        Path main = Path.of("src/main/java/keras4j");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                String text = read(p);
                boolean inSpark = p.startsWith(main.resolve("spark"));
                return inSpark ? false : SPARK.matcher(text).find() || USES_SPARK_PACKAGE.matcher(text).find();
            }).map(Path::toString).toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

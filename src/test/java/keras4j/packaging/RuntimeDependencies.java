package keras4j.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maven's own list of keras4j's runtime dependencies, {@code target/runtime-dependencies.txt}, written by the
 * dependency plugin in {@code generate-test-resources}: one line per artifact,
 * {@code group:artifact:type:version:scope:/path/to.jar -- module ...}.
 */
record RuntimeDependencies(List<String> coordinates, List<String> jars) {

    static RuntimeDependencies read() throws IOException {
        Path list = Path.of("target/runtime-dependencies.txt");
        assertTrue(Files.isRegularFile(list), list + " is written by the dependency plugin in generate-test-resources");
        List<String> coordinates = new ArrayList<>();
        List<String> jars = new ArrayList<>();
        for (String line : Files.readAllLines(list)) {
            String[] parts = line.trim().split("\\s+")[0].split(":");
            if (parts.length < 6) continue;
            coordinates.add(parts[0] + ":" + parts[1]);
            jars.add(String.join(":", Arrays.copyOfRange(parts, 5, parts.length)));
        }
        assertTrue(coordinates.size() > 10, "expected keras4j's runtime dependencies in " + list + ", found " + coordinates);
        return new RuntimeDependencies(coordinates, jars);
    }
}

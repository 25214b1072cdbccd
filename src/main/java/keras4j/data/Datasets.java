package keras4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import keras4j.tensor.Tensor;

/**
 * Ready-to-use datasets. Three small ones are bundled in the jar (scikit-learn's copies,
 * BSD-3-Clause, see {@code keras4j/datasets/LICENSE-scikit-learn-BSD-3-Clause.txt}):
 * {@link #digits()} (1,797 8×8 digit images as 64 grey levels 0–16, 10 classes), {@link #iris()}
 * (150 × 4 measurements, 3 species) and {@link #wine()} (178 × 13 chemical analyses, 3 cultivars).
 * {@link #fashionMnist()} reads Fashion-MNIST from Debian's {@code dataset-fashion-mnist} package,
 * so no download happens at run time.
 */
public final class Datasets {
    /** Where Debian's {@code dataset-fashion-mnist} package installs its files. */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private static final String[] FASHION_FILES = {
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
    };
    private static final List<String> FASHION_CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private Datasets() {}

    /** UCI optical handwritten digits: x (1797, 64) grey levels 0–16 (row-major 8×8), y digits 0–9. */
    public static Dataset digits() {
        Csv.Data d = readBundled("digits.csv.gz", new Csv().labelColumn(-1));
        List<String> features = new ArrayList<>();
        for (int r = 0; r < 8; r++) for (int c = 0; c < 8; c++) features.add("pixel_" + r + "_" + c);
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < 10; i++) classes.add(Integer.toString(i));
        return new Dataset("digits", d.x(), d.y(), classes, features, description("digits.rst"));
    }

    /** Fisher's iris: x (150, 4) in cm, y 0 setosa, 1 versicolor, 2 virginica. */
    public static Dataset iris() {
        return withCountHeader("iris", "iris.csv", List.of(
                "sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"));
    }

    /** UCI wine recognition: x (178, 13), y cultivars {@code class_0}..{@code class_2}. */
    public static Dataset wine() {
        return withCountHeader("wine", "wine_data.csv", List.of(
                "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
                "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline"));
    }

    /** Whether Fashion-MNIST is installed in {@link #FASHION_MNIST_DIR}. */
    public static boolean fashionMnistAvailable() {
        return fashionMnistAvailable(FASHION_MNIST_DIR);
    }

    public static boolean fashionMnistAvailable(Path dir) {
        for (String f : FASHION_FILES) if (!Files.isRegularFile(dir.resolve(f))) return false;
        return true;
    }

    /**
     * Fashion-MNIST (Zalando Research, MIT License) from {@link #FASHION_MNIST_DIR}: train x
     * (60000, 28, 28) and test x (10000, 28, 28), pixels 0–255 unscaled, y class indices 0–9 —
     * the arrays of {@code keras.datasets.fashion_mnist.load_data()}.
     *
     * @throws IllegalStateException naming the directory and the Debian package when files are missing
     */
    public static Dataset.Split fashionMnist() {
        return fashionMnist(FASHION_MNIST_DIR);
    }

    /** Fashion-MNIST from the four gzipped IDX files in {@code dir}. */
    public static Dataset.Split fashionMnist(Path dir) {
        for (String f : FASHION_FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new IllegalStateException("Fashion-MNIST is not installed: " + dir.resolve(f) + " is missing. It comes from the Debian"
                        + " package dataset-fashion-mnist (apt-get install dataset-fashion-mnist; on Binder, list"
                        + " dataset-fashion-mnist in binder/apt.txt), which installs it in " + FASHION_MNIST_DIR + ".");
            }
        }
        String description = "Fashion-MNIST: 28x28 grey-level images of Zalando articles in 10 classes, 60,000 for"
                + " training and 10,000 for testing (Xiao, Rasul and Vollgraf, 2017; MIT License). Read from " + dir + ".";
        try {
            Dataset train = new Dataset("fashion_mnist", Idx.read(dir.resolve(FASHION_FILES[0])), Idx.read(dir.resolve(FASHION_FILES[1])),
                    FASHION_CLASSES, List.of(), description);
            Dataset test = new Dataset("fashion_mnist", Idx.read(dir.resolve(FASHION_FILES[2])), Idx.read(dir.resolve(FASHION_FILES[3])),
                    FASHION_CLASSES, List.of(), description);
            return new Dataset.Split(train, test);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading Fashion-MNIST from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** scikit-learn's CSV layout: a header "n_samples,n_features,class names...", then features and the class index. */
    private static Dataset withCountHeader(String name, String file, List<String> features) {
        Csv.Data d = readBundled(file, new Csv().header(true).labelColumn(-1));
        List<String> h = d.header();
        int samples = Integer.parseInt(h.get(0));
        int nFeatures = Integer.parseInt(h.get(1));
        Tensor x = d.x();
        if (x.dim(0) != samples || x.dim(1) != nFeatures || features.size() != nFeatures) {
            throw new IllegalStateException("Bundled " + file + " declares " + samples + " x " + nFeatures + " but holds "
                    + x.dim(0) + " x " + x.dim(1));
        }
        String rst = file.replace(".csv", ".rst");
        return new Dataset(name, x, d.y(), h.subList(2, h.size()), features, description(rst));
    }

    private static Csv.Data readBundled(String file, Csv csv) {
        try (InputStream in = open(file)) {
            InputStream data = file.endsWith(".gz") ? new GZIPInputStream(in) : in;
            return csv.read(data, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading bundled dataset " + file + ": " + e.getMessage(), e);
        }
    }

    private static String description(String file) {
        try (InputStream in = open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading bundled description " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = Datasets.class.getResourceAsStream("/keras4j/datasets/" + file);
        if (in == null) throw new IOException("resource /keras4j/datasets/" + file + " is missing from the classpath");
        return in;
    }
}

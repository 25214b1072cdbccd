package keras4j.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of the test JVM, shared by every Spark test (a session takes seconds to start on the
 * shared 2-core machine) and stopped when the JVM exits. {@code local[2,4]}: two task threads, and up to four attempts
 * per task, so the fault tests can watch Spark retry a failed task (plain {@code local[2]} never retries). A session
 * left by someone else in the same JVM (the notebook runner's) is replaced.
 */
final class SparkTestSession {
    private SparkTestSession() {}

    static final String MASTER = "local[2,4]";
    private static SparkSession session;
    private static boolean hooked;

    static synchronized SparkSession get() {
        if (session != null && !session.sparkContext().isStopped()) return session;
        SparkSession other = SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get() : null;
        if (other != null && !other.sparkContext().isStopped() && !other.sparkContext().master().equals(MASTER)) other.stop();
        session = SparkSession.builder()
                .master(MASTER)
                .appName("keras4j-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (SparkTestSession.class) {
                    if (session != null) session.stop();
                }
            }, "keras4j-spark-test-stop"));
        }
        return session;
    }
}

package keras4j.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of the test JVM, shared by every Spark test (a session takes seconds to start on the
 * shared 2-core machine) and stopped when the JVM exits. {@code local[2,4]}: two task threads, and up to four attempts
 * per task, so the fault tests can watch Spark retry a failed task (plain {@code local[2]} never retries).
 */
final class SparkTestSession {
    private SparkTestSession() {}

    private static SparkSession session;

    static synchronized SparkSession get() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSession.builder()
                    .master("local[2,4]")
                    .appName("keras4j-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            SparkSession started = session;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "keras4j-spark-test-stop"));
        }
        return session;
    }
}

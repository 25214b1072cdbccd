package keras4j.tensor;
public final class Parallel {
    public static int threads() { return 1; }
    public static void setThreads(int n) {}
    public static void forRange(int count, java.util.function.IntConsumer body) { for (int i = 0; i < count; i++) body.accept(i); }
}

package keras4j.tensor;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Data-parallel loops for the tensor kernels (GEMM, convolution, element-wise operations).
 *
 * <p>{@link #forRange(int, IntConsumer)} is a fork/join over a persistent pool of daemon worker
 * threads: the indices of a loop are handed out one at a time from a shared counter to the calling
 * thread and up to {@code threads() - 1} workers, so uneven iterations balance themselves. The pool
 * is created on first use and grows when {@link #setThreads(int)} raises the thread count; a call
 * allocates one small job object and nothing per index.
 *
 * <p>All methods are thread-safe: several threads may run parallel loops at once (they share the
 * workers). A {@code forRange} issued from inside the body of another {@code forRange}, on any
 * thread, runs inline on the current thread, so nested parallel code cannot deadlock.
 */
public final class Parallel {

    /** Capacity of the hand-off queue; when it is full a loop simply recruits fewer workers. */
    private static final int QUEUE_CAPACITY = 1024;
    /** How long an idle worker polls for new work before it blocks (keeps short loops cheap). */
    private static final long SPIN_NANOS = 50_000L;

    private static volatile int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final ArrayBlockingQueue<Job> QUEUE = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private static final Object POOL_LOCK = new Object();
    /** Number of started workers; guarded by {@link #POOL_LOCK}, read racily as a fast path. */
    private static volatile int workers;
    /** Marks non-worker threads that are currently running the body of a parallel loop. */
    private static final ThreadLocal<boolean[]> IN_LOOP = ThreadLocal.withInitial(() -> new boolean[1]);

    private Parallel() {
    }

    /**
     * The number of threads parallel loops use, counting the calling thread. Defaults to
     * {@code Runtime.getRuntime().availableProcessors()}.
     *
     * @return the thread count, at least 1
     */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the number of threads parallel loops use, counting the calling thread; 1 makes every
     * loop run inline on the calling thread. Workers are started lazily when a loop needs them.
     *
     * @param n the thread count, at least 1
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, got " + n);
        }
        threads = n;
    }

    /**
     * Runs {@code body.accept(i)} for every {@code i} in {@code [0, count)}, spread over
     * {@link #threads()} threads; the calling thread takes part and the call returns when every
     * index has been processed. Indices are claimed dynamically, so the order and the thread of
     * each call are unspecified; the body must be safe to run concurrently for different indices.
     * Runs inline (in index order) when {@code threads() == 1}, {@code count == 1}, or when called
     * from inside another parallel loop.
     *
     * <p>If the body throws, the indices not yet started are skipped, and the first exception is
     * rethrown to the caller once the running ones have finished (an unchecked exception or error
     * as is; a checked one, which can only be thrown by sneaky code, wrapped in a
     * {@link RuntimeException}).
     *
     * @param count number of indices, {@code >= 0}
     * @param body  the loop body
     * @throws IllegalArgumentException if {@code count < 0}
     */
    public static void forRange(int count, IntConsumer body) {
        Objects.requireNonNull(body, "body");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (count == 0) {
            return;
        }
        int t = threads;
        if (t == 1 || count == 1 || Thread.currentThread() instanceof Worker) {
            runInline(count, body);
            return;
        }
        boolean[] inLoop = IN_LOOP.get();
        if (inLoop[0]) {
            runInline(count, body);
            return;
        }
        int helpers = Math.min(t, count) - 1;
        ensureWorkers(helpers);
        Job job = new Job(count, body, Thread.currentThread());
        for (int i = 0; i < helpers; i++) {
            if (!QUEUE.offer(job)) {
                break;
            }
        }
        inLoop[0] = true;
        try {
            job.run();
        } finally {
            inLoop[0] = false;
        }
        job.await();
        Throwable error = job.error;
        if (error != null) {
            throwUnchecked(error);
        }
    }

    /** Whether the current thread is running the body of a parallel loop (nested calls run inline). */
    static boolean nested() {
        return Thread.currentThread() instanceof Worker || IN_LOOP.get()[0];
    }

    private static void runInline(int count, IntConsumer body) {
        for (int i = 0; i < count; i++) {
            body.accept(i);
        }
    }

    private static void throwUnchecked(Throwable error) {
        if (error instanceof RuntimeException) {
            throw (RuntimeException) error;
        }
        if (error instanceof Error) {
            throw (Error) error;
        }
        throw new RuntimeException(error);
    }

    private static void ensureWorkers(int n) {
        if (workers >= n) {
            return;
        }
        synchronized (POOL_LOCK) {
            while (workers < n) {
                Worker w = new Worker(workers + 1);
                w.start();
                workers = workers + 1;
            }
        }
    }

    /** One parallel loop: a counter of claimed indices and a counter of finished ones. */
    private static final class Job {
        final int count;
        final IntConsumer body;
        final Thread owner;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        volatile Throwable error;

        Job(int count, IntConsumer body, Thread owner) {
            this.count = count;
            this.body = body;
            this.owner = owner;
        }

        /** Claims and runs indices until none are left. */
        void run() {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                try {
                    if (error == null) {
                        body.accept(i);
                    }
                } catch (Throwable e) {
                    synchronized (this) {
                        if (error == null) {
                            error = e;
                        }
                    }
                } finally {
                    if (finished.incrementAndGet() == count && Thread.currentThread() != owner) {
                        LockSupport.unpark(owner);
                    }
                }
            }
        }

        /** Called by the owner after its own {@link #run()}: waits for indices held by workers. */
        void await() {
            long start = 0L;
            while (finished.get() < count) {
                if (start == 0L) {
                    start = System.nanoTime();
                } else if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }

    /** A pool thread: takes jobs from the queue and helps with them; never dies. */
    private static final class Worker extends Thread {
        Worker(int id) {
            super("keras4j-parallel-" + id);
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                Job job = QUEUE.poll();
                if (job == null) {
                    long start = System.nanoTime();
                    while ((job = QUEUE.poll()) == null && System.nanoTime() - start < SPIN_NANOS) {
                        Thread.onSpinWait();
                    }
                }
                if (job == null) {
                    try {
                        job = QUEUE.poll(1, TimeUnit.HOURS);
                    } catch (InterruptedException e) {
                        // A pool thread has no owner to report to; keep serving loops.
                        continue;
                    }
                    if (job == null) {
                        continue;
                    }
                }
                job.run();
            }
        }
    }
}

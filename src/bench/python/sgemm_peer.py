"""OpenBLAS side of keras4j's GemmBenchmark: square float32 C = A @ B through NumPy.

Usage: python3 sgemm_peer.py THREADS N[,N...] [SECONDS]
Prints "n<TAB>gflops" per size and a "blas<TAB>..." line naming the library NumPy runs on.
The caller sets OPENBLAS_NUM_THREADS=THREADS (and the allocator settings) in the environment.
Like the JMH side: warm-up for SECONDS (default 2), then the mean time of the calls made in SECONDS.
"""
import sys
import time

import numpy as np


def blas_name():
    try:
        from threadpoolctl import threadpool_info
        for info in threadpool_info():
            if info.get("user_api") == "blas":
                return "%s %s (%s kernels, %s threads)" % (info.get("internal_api"), info.get("version"),
                                                           info.get("architecture"), info.get("num_threads"))
    except ImportError:
        pass
    return "numpy " + np.__version__


def gflops(n, seconds):
    rng = np.random.default_rng(42)
    a = (rng.random((n, n), dtype=np.float32) - 0.5)
    b = (rng.random((n, n), dtype=np.float32) - 0.5)
    c = np.empty((n, n), dtype=np.float32)
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        np.matmul(a, b, out=c)
    calls = 0
    t0 = time.perf_counter()
    while True:
        np.matmul(a, b, out=c)
        calls += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= seconds:
            break
    return 2.0 * n * n * n * calls / elapsed / 1e9


def main():
    sizes = [int(s) for s in sys.argv[2].split(",")]
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 2.0
    print("blas\t" + blas_name())
    for n in sizes:
        print("%d\t%.2f" % (n, gflops(n, seconds)))
        sys.stdout.flush()


if __name__ == "__main__":
    main()

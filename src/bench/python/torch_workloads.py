"""PyTorch side of keras4j's ModelBenchmark: the PERFORMANCE-ANCHORS.md workloads on this machine.

Usage: python3 torch_workloads.py THREADS [quick]
Prints one line per workload, "name<TAB>value", with the same names ModelBenchmark uses.
Times are medians in ms (epoch in s); inference is samples/s. Set OPENBLAS_NUM_THREADS=THREADS.
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def median_ms(fn, warmup, runs):
    # The same warm-up as keras4j's side: at least `warmup` calls and two seconds.
    end = time.perf_counter() + 2.0
    done = 0
    while done < warmup or time.perf_counter() < end:
        fn()
        done += 1
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    return times[runs // 2]


class Convnet(nn.Module):
    """Keras's "simple MNIST convnet": 34,826 parameters."""

    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 32, 3)
        self.c2 = nn.Conv2d(32, 64, 3)
        self.fc = nn.Linear(1600, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.c1(x)), 2)
        x = F.max_pool2d(F.relu(self.c2(x)), 2)
        x = F.dropout(torch.flatten(x, 1), 0.5, self.training)
        return self.fc(x)


def train_step(model, opt, x, y):
    opt.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    opt.step()


def main():
    threads = int(sys.argv[1])
    quick = "quick" in sys.argv[2:]
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    out = []

    net = Convnet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7)
    x = torch.rand(128, 1, 28, 28)
    y = torch.randint(0, 10, (128,))
    net.train()
    out.append(("convnet_step", median_ms(lambda: train_step(net, opt, x, y), 5, 20)))
    if not quick:
        ex = torch.rand(60000, 1, 28, 28)
        ey = torch.randint(0, 10, (60000,))
        t0 = time.perf_counter()
        perm = torch.randperm(60000)
        for i in range(0, 60000, 128):
            idx = perm[i:i + 128]
            train_step(net, opt, ex[idx], ey[idx])
        out.append(("convnet_epoch", time.perf_counter() - t0))
    net.eval()
    xi = torch.rand(1000, 1, 28, 28)

    def infer():
        with torch.no_grad():
            F.softmax(net(xi), dim=1)
    out.append(("convnet_infer", 1000 / (median_ms(infer, 2, 5) / 1000)))

    mlp = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))
    mopt = torch.optim.Adam(mlp.parameters(), lr=1e-3, eps=1e-7)
    mx = torch.rand(128, 784)
    out.append(("mlp_step", median_ms(lambda: train_step(mlp, mopt, mx, y), 10, 40)))

    def fwd_bwd(conv, inp, pad):
        xg = inp.detach().requires_grad_(True)
        conv.zero_grad()
        conv(F.pad(xg, pad) if pad else xg).sum().backward()

    c1 = nn.Conv1d(16, 32, 5, dilation=2)
    x1 = torch.randn(64, 16, 1000)
    out.append(("conv1d", median_ms(lambda: fwd_bwd(c1, x1, (8, 0)), 3, 15)))
    c3 = nn.Conv3d(8, 16, 3, padding=1)
    x3 = torch.randn(8, 8, 16, 32, 32)
    out.append(("conv3d", median_ms(lambda: fwd_bwd(c3, x3, None), 2, 8)))

    for name, value in out:
        print("%s\t%.4f" % (name, value))


if __name__ == "__main__":
    main()

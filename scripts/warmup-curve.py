#!/usr/bin/env python3
"""Measures warm-up: runs benchmarks/programs/rate_over_time.py (the work of switch.py or cpu_async.py,
rate per half-second window) under CPython and aio, and prints, for each workload, the rate at
points in time side by side and the time each configuration took to reach its steady rate.

Configurations: CPython (the real binary, not a pyenv shim); aio in a fresh process with the JIT
(AIO_DAEMON=off: the compiler starts cold, as in any one-off JVM); aio through a warm daemon
(`./aio run` after one earlier run of the same workload: the daemon keeps the compiled code).

The steady rate is the median of the windows of the last quarter of the run; a configuration has
reached it at the first window from which the median of the next two seconds of windows is at
least 90 % of it.

Usage: scripts/warmup-curve.py [--seconds 30] [--workloads switch cpu_async]
"""

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = ROOT / "benchmarks" / "programs" / "rate_over_time.py"
AIO = str(ROOT / "aio")
CONFIGS = {
    "CPython": ([sys.executable], {}),
    "aio JIT, fresh process": ([AIO, "run"], {"AIO_JIT": "on", "AIO_DAEMON": "off"}),
    "aio JIT, warm daemon": ([AIO, "run"], {"AIO_JIT": "on", "AIO_DAEMON": "on"}),
}
POINTS = [0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30, 45, 60]
REACHED = 0.9
HOLD_S = 2.0


def windows(command, env, workload, seconds):
    """[(t, rate)] of one run."""
    out = subprocess.run([*command, str(PROGRAM), workload, str(seconds)], env={**os.environ, **env},
                         capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        t, rate = (field.split("=")[1] for field in line.split())
        rows.append((float(t), float(rate)))
    return rows


def steady_rate(rows):
    return statistics.median(rate for _, rate in rows[-max(1, len(rows) // 4):])


def time_to_steady(rows):
    steady = steady_rate(rows)
    for i, (t, _) in enumerate(rows):
        ahead = [rate for u, rate in rows[i:] if u <= t + HOLD_S]
        if statistics.median(ahead) >= REACHED * steady:
            return t
    return rows[-1][0]


def rate_at(rows, point):
    """The rate of the window that ends first at or after point."""
    return next((rate for t, rate in rows if t >= point), None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workloads", nargs="+", default=["switch", "cpu_async"])
    args = parser.parse_args()
    for workload in args.workloads:
        # The warm daemon's run comes after a run of the same workload in that daemon.
        windows(*CONFIGS["aio JIT, warm daemon"], workload, min(args.seconds, 10))
        runs = {}
        for config, (command, env) in CONFIGS.items():
            print(f"{workload}: {config}", file=sys.stderr, flush=True)
            runs[config] = windows(command, env, workload, args.seconds)
        unit = "switches/s" if workload == "switch" else "fib calls/s"
        print(f"\n`{workload}`, {unit} in the half-second window ending at t (ratio to CPython's steady rate):\n")
        print("| t s | " + " | ".join(runs) + " |")
        print("| ---: |" + " ---: |" * len(runs))
        base = steady_rate(runs["CPython"])
        for point in (p for p in POINTS if p <= args.seconds):
            cells = []
            for rows in runs.values():
                rate = rate_at(rows, point)
                cells.append("–" if rate is None else f"{rate:,.0f} ({rate / base:.2f}×)")
            print(f"| {point:g} | " + " | ".join(cells) + " |")
        print("| steady rate | " + " | ".join(f"{steady_rate(r):,.0f} ({steady_rate(r) / base:.2f}×)" for r in runs.values()) + " |")
        print("| steady after s | " + " | ".join(f"{time_to_steady(r):.1f}" for r in runs.values()) + " |")


if __name__ == "__main__":
    main()

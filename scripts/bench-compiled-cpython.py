#!/usr/bin/env python3
"""CPython's cost for the cases of dev.aio.bench.jmh.CompiledCodeBenchmark: runs the same program
(benchmarks/src/main/resources/dev/aio/bench/jmh/compiled_code.aio, valid Python) and times each of
its functions with the same argument, so the loops have the same shape as under JMH. Prints ns per
operation: the median of --runs timed calls after one untimed call, by the thread's CPU clock
(scripts/cpython_timing.py).

Usage: /root/.pyenv/versions/3.11.7/bin/python3 scripts/bench-compiled-cpython.py [--runs 11]
"""

import argparse
from pathlib import Path

from cpython_timing import time_cases

PROGRAM = Path(__file__).resolve().parent.parent / "benchmarks/src/main/resources/dev/aio/bench/jmh/compiled_code.aio"
N = 100_000
# (JMH benchmark, function, argument, operations per call, result), as in CompiledCodeBenchmark.
CASES = [
    ("fibCall", "fib", 25, 242_785, 75_025),
    ("listLoopElement", "list_loop", N, N, N // 10_000 * 10_000 * 9_999 // 2),
    ("attributeWrite", "attribute_write", N, N, N),
    ("attributeRead", "attribute_read", N, N, N),
    ("methodCall", "method_call", N, N, N),
    ("awaitNoSuspend", "await_no_suspend", N, N, N),
    ("enumerateZip", "enumerate_zip", N, N, N // 4 * 116),
    ("mapFilter", "map_filter", N, N, N // 4 * 20),
    ("reversedTuple", "reversed_tuple", N, N, N // 4 * 10),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    time_cases(PROGRAM, "compiled_code", CASES, args.runs)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""CPython's cost for the cases of dev.aio.bench.jmh.LibraryCallBenchmark: runs the same program
(benchmarks/src/main/resources/dev/aio/bench/jmh/library_calls.aio, valid Python) and times each of
its functions with the same n, as scripts/bench-compiled-cpython.py does for CompiledCodeBenchmark:
ns per call, the median of --runs calls after one untimed call, by the thread's CPU clock.

Usage: /root/.pyenv/versions/3.11.7/bin/python3 scripts/bench-library-cpython.py [--runs 11]
"""

import argparse
import statistics
import time
from pathlib import Path

PROGRAM = Path(__file__).resolve().parent.parent / "benchmarks/src/main/resources/dev/aio/bench/jmh/library_calls.aio"
N = 10_000
# (JMH benchmark, function), as in LibraryCallBenchmark; each returns N.
CASES = [
    ("randomRandom", "random_random"),
    ("randomRandint", "random_randint"),
    ("randomChoice", "random_choice"),
    ("randomShuffle", "random_shuffle"),
    ("randomUniform", "random_uniform"),
    ("randomGauss", "random_gauss"),
    ("randomSeed", "random_seed"),
    ("reCompile", "re_compile"),
    ("reMatch", "re_match"),
    ("patternMatch", "pattern_match"),
    ("reSearch", "re_search"),
    ("reFindall", "re_findall"),
    ("reSub", "re_sub"),
    ("matchGroup", "match_group"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    program = {"__name__": "library_calls"}
    exec(compile(PROGRAM.read_text(), str(PROGRAM), "exec"), program)
    for name, function in CASES:
        run = program[function]
        times = []
        for i in range(args.runs + 1):
            start = time.thread_time()
            result = run(N)
            elapsed = time.thread_time() - start
            if result != N:
                raise AssertionError(f"{function} returned {result}, not {N}")
            if i > 0:
                times.append(elapsed)
        print(f"{name:16} {statistics.median(times) / N * 1e9:8.1f} ns/op")


if __name__ == "__main__":
    main()

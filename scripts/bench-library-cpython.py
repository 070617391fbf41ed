#!/usr/bin/env python3
"""CPython's cost for the cases of dev.aio.bench.jmh.LibraryCallBenchmark: runs the same program
(benchmarks/src/main/resources/dev/aio/bench/jmh/library_calls.aio, valid Python) and times each of
its functions with the same n, as scripts/bench-compiled-cpython.py does for CompiledCodeBenchmark:
ns per call, the median of --runs calls after one untimed call, by the thread's CPU clock
(scripts/cpython_timing.py).

Usage: /root/.pyenv/versions/3.11.7/bin/python3 scripts/bench-library-cpython.py [--runs 11]
"""

import argparse
from pathlib import Path

from cpython_timing import time_cases

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
    time_cases(PROGRAM, "library_calls", [(name, function, N, N, N) for name, function in CASES], args.runs)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Measures the I/O benchmarks (benchmarks/programs: a TCP echo server with its clients, an HTTP/1.1
server with its load generator) under CPython, aio on Truffle's fallback runtime (AIO_JIT=off)
and aio on the Graal JIT, and prints the table of docs/performance.md: medians of --runs rounds
(each round runs every configuration once, so they share the machine's mood) of messages per
second, latency median and p99, the program's elapsed_s and the process's CPU (user + system)
time, with the load average before and after.

Usage: scripts/bench-io.py [--runs 3]
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AIO = str(ROOT / "aio")
PROGRAMS = ROOT / "benchmarks" / "programs"
# The real binary: `python3` may be a pyenv shim that adds half a second to every start.
PYTHON = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"], capture_output=True, text=True,
                        check=True).stdout.strip()
CONFIGS = {
    "CPython": ([PYTHON], {}),
    "aio fallback": ([AIO, "run"], {"AIO_JIT": "off"}),
    "aio JIT": ([AIO, "run"], {"AIO_JIT": "on"}),
}
MEASURES = ["msgs_per_s", "p50_ms", "p99_ms", "elapsed_s", "cpu_s"]


def run(command, env, program):
    """One run: the program's key=value lines as floats, and cpu_s (the child's user + system time)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([*command, str(program)], env={**os.environ, **env}, capture_output=True, text=True,
                         check=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    values = {}
    for line in out.splitlines():
        key, sep, value = line.partition("=")
        if sep and key in MEASURES:
            values[key] = float(value)
    values["cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return values


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    programs = sorted(PROGRAMS.glob("*.py"))
    results = {(p.stem, c): [] for p in programs for c in CONFIGS}
    load_before = os.getloadavg()
    for r in range(args.runs):
        for program in programs:
            for config, (command, env) in CONFIGS.items():
                print(f"round {r + 1}/{args.runs}: {program.stem} {config}", file=sys.stderr, flush=True)
                results[(program.stem, config)].append(run(command, env, program))
    load_after = os.getloadavg()
    print(f"Medians of {args.runs} rounds; load average (1 min) {load_before[0]:.1f} before, {load_after[0]:.1f} after.")
    print()
    print("| program | configuration | msgs/s | latency p50 ms | latency p99 ms | elapsed_s | CPU s (user+sys) |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for program in programs:
        for config in CONFIGS:
            runs = results[(program.stem, config)]
            m = {k: statistics.median(v[k] for v in runs) for k in MEASURES}
            print(f"| {program.stem} | {config} | {m['msgs_per_s']:.0f} | {m['p50_ms']:.2f} | {m['p99_ms']:.2f} "
                  f"| {m['elapsed_s']:.2f} | {m['cpu_s']:.2f} |")


if __name__ == "__main__":
    main()

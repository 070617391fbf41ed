#!/usr/bin/env python3
"""Measures the benchmark suite (../shared/bench, or --bench DIR) under CPython, aio on Truffle's
fallback runtime (AIO_JIT=off) and aio on the Graal JIT, side by side, and prints the table of
docs/performance.md: medians of --runs rounds (each round runs every configuration once, so they
share the machine's mood), ratios to CPython, memory per suspended task, start-up, and the
plain-Java limit (benchmarks/run-plain) for switch and queue_pipeline.

Usage: scripts/bench-table.py [--runs 3] [--bench DIR] [--no-plain]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AIO = str(ROOT / "aio")
CONFIGS = {
    "CPython": (["python3"], {}),
    "aio fallback": ([AIO, "run"], {"AIO_JIT": "off"}),
    "aio JIT": ([AIO, "run"], {"AIO_JIT": "on"}),
}
TIMED = ["switch", "spawn", "queue_pipeline", "lock_contention", "cancel_storm", "gather_tree", "timers", "cpu_async", "mem_tasks"]
TARGETS = {"cpu_async": 20.0}
PLAIN = ["switch", "queue_pipeline"]


def run_suite(bench, command, env):
    """One run of bench/run.sh: {program: (elapsed_s or None, wall_s, maxrss_kb)}."""
    out = subprocess.run([str(bench / "run.sh"), *command], env={**os.environ, **env}, capture_output=True, text=True, check=True).stdout
    rows = {}
    for line in out.splitlines()[1:]:
        name, elapsed, wall, rss = line.split()
        rows[name] = (None if elapsed == "-" else float(elapsed), None if wall == "-" else float(wall), None if rss == "-" else int(rss))
    return rows


def peak_rss_kb(command, env, program, n):
    """Peak RSS of one run of program with argument n, as run.sh measures it."""
    with tempfile.NamedTemporaryFile("r") as t:
        subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%M", *command, str(program), str(n)], env={**os.environ, **env},
                       capture_output=True, check=True)
        return int(t.read().split()[-1])


def virtual_wall(command, env, program):
    """Wall time of one whole aio run under the virtual clock (its sleeps take no real time)."""
    start = time.perf_counter()
    subprocess.run([*command, "--virtual-time", str(program)], env={**os.environ, **env}, capture_output=True, check=True)
    return time.perf_counter() - start


def plain_elapsed(name):
    out = subprocess.run([str(ROOT / "benchmarks" / "run-plain"), name], capture_output=True, text=True, check=True).stdout
    return float(next(line for line in out.splitlines() if line.startswith("elapsed_s=")).split("=")[1])


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain-Java limit")
    args = parser.parse_args()

    results = {c: [] for c in CONFIGS}
    mem_small = {c: [] for c in CONFIGS}
    virtual = {c: [] for c in CONFIGS if c != "CPython"}
    plain = {p: [] for p in PLAIN}
    for r in range(args.runs):
        for config, (command, env) in CONFIGS.items():
            print(f"round {r + 1}/{args.runs}: {config}", file=sys.stderr, flush=True)
            results[config].append(run_suite(args.bench, command, env))
            mem_small[config].append(peak_rss_kb(command, env, args.bench / "mem_tasks.py", 10000))
            if config in virtual:
                virtual[config].append(virtual_wall(command, env, args.bench / "timers.py"))
        if not args.no_plain:
            for p in PLAIN:
                plain[p].append(plain_elapsed(p))

    def med(config, program, field):
        return median([run[program][field] for run in results[config] if program in run])

    print(f"Medians of {args.runs} rounds; elapsed_s is the program's own timing, ratio = CPython / aio (higher is better).\n")
    print("| program | CPython s | aio fallback s | aio JIT s | fallback ratio | JIT ratio | JIT target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for program in TIMED:
        cpy, fb, jit = (med(c, program, 0) for c in CONFIGS)
        target = TARGETS.get(program, 10.0) if program != "mem_tasks" else None
        ratio = lambda a: f"{cpy / a:.2f}×" if cpy and a else "–"
        print(f"| {program} | {cpy:.3f} | {fb:.3f} | {jit:.3f} | {ratio(fb)} | {ratio(jit)} | {f'≥ {target:g}×' if target else '–'} |")

    print("\n| measure | CPython | aio fallback | aio JIT |")
    print("| --- | ---: | ---: | ---: |")
    print("| `timers` wall s, real clock | " + " | ".join(f"{med(c, 'timers', 1):.2f}" for c in CONFIGS) + " |")
    print("| `timers` wall s, `--virtual-time` (no busy-waiting) | – | " + " | ".join(f"{median(v):.2f}" for v in virtual.values()) + " |")
    hello = [med(c, "hello", 1) for c in CONFIGS]
    print("| start-up: `hello` wall s | " + " | ".join(f"{h:.2f}" for h in hello) + " |")
    per_task = []
    for config in CONFIGS:
        big = median([run["mem_tasks"][2] for run in results[config]])
        small = median(mem_small[config])
        per_task.append((big - small) / 90000)
    print("| memory per suspended task, KB (peak RSS N=100000 − N=10000, / 90000) | " + " | ".join(f"{m:.2f}" for m in per_task) + " |")
    if not args.no_plain:
        print("\n| plain-Java limit | elapsed s | aio JIT s | aio JIT / plain Java |")
        print("| --- | ---: | ---: | ---: |")
        for p in PLAIN:
            limit = median(plain[p])
            jit = med("aio JIT", p, 0)
            print(f"| {p} | {limit:.3f} | {jit:.3f} | {jit / limit:.1f}× slower |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Measures the benchmark suite (../shared/bench, or --bench DIR) under CPython, the default `aio run`
(the JIT through the warm daemon), aio on the Graal JIT in a process of its own (AIO_DAEMON=off) and
aio on Truffle's fallback runtime (AIO_DAEMON=off AIO_JIT=off), side by side, and prints the table of
docs/performance.md: medians of --runs rounds (each round runs every configuration once, so they
share the machine's mood), ratios to CPython, memory per suspended task, start-up, and the
plain-Java limit (benchmarks/run-plain) for switch and queue_pipeline.

--long runs `run.sh --long` (about 10x the work of each program that times itself) and prints only
the timing table, against issue 18's long-run targets.

Usage: scripts/bench-table.py [--runs 3] [--long] [--configs NAME...] [--bench DIR] [--no-plain]
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
# CPython is the binary this script runs on: `python3` on the PATH may be a pyenv shim that adds
# half a second to every start.
CONFIGS = {
    "CPython": ([sys.executable], {}),
    "aio": ([AIO, "run"], {}),
    "jit": ([AIO, "run"], {"AIO_DAEMON": "off", "AIO_JIT": "on"}),
    "fallback": ([AIO, "run"], {"AIO_DAEMON": "off", "AIO_JIT": "off"}),
}
LABELS = {"CPython": "CPython", "aio": "aio (default)", "jit": "aio JIT, no daemon", "fallback": "aio fallback, no daemon"}
TIMED = ["switch", "spawn", "queue_pipeline", "lock_contention", "cancel_storm", "gather_tree", "timers", "cpu_async", "mem_tasks"]
# Issue 16 (default sizes) and issue 18 (--long, warm-up included): CPython's time over aio's.
TARGETS = {"cpu_async": 1.5, "queue_pipeline": 2.0}
DEFAULT_TARGET = 2.0
LONG_TARGETS = {"cpu_async": 5.0}
LONG_DEFAULT_TARGET = 3.0
PLAIN = ["switch", "queue_pipeline"]


def run_suite(bench, command, env, long):
    """One run of bench/run.sh: {program: (elapsed_s or None, wall_s, maxrss_kb)}."""
    flags = ["--long"] if long else []
    out = subprocess.run([str(bench / "run.sh"), *flags, *command], env={**os.environ, **env}, capture_output=True, text=True, check=True).stdout
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
    parser.add_argument("--long", action="store_true", help="the long versions (run.sh --long); timing table only")
    parser.add_argument("--configs", nargs="+", choices=list(CONFIGS), default=list(CONFIGS),
                        help="configurations to run: aio (the default), jit (AIO_DAEMON=off), fallback (AIO_DAEMON=off AIO_JIT=off); "
                             "CPython always runs: the ratios need it")
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain-Java limit")
    args = parser.parse_args()
    configs = {c: CONFIGS[c] for c in CONFIGS if c == "CPython" or c in args.configs}
    aio_configs = [c for c in configs if c != "CPython"]
    details = not args.long
    with_plain = details and not args.no_plain

    if "aio" in configs:
        # The default runs through the daemon: start it before the first round, as a user's
        # earlier run would have.
        subprocess.run([*configs["aio"][0], str(args.bench / "hello.py")], env={**os.environ, **configs["aio"][1]},
                       capture_output=True, check=True)

    results = {c: [] for c in configs}
    mem_small = {c: [] for c in configs}
    virtual = {c: [] for c in aio_configs}
    plain = {p: [] for p in PLAIN}
    for r in range(args.runs):
        for config, (command, env) in configs.items():
            print(f"round {r + 1}/{args.runs}: {config}", file=sys.stderr, flush=True)
            results[config].append(run_suite(args.bench, command, env, args.long))
            if details:
                mem_small[config].append(peak_rss_kb(command, env, args.bench / "mem_tasks.py", 10000))
                if config in virtual:
                    virtual[config].append(virtual_wall(command, env, args.bench / "timers.py"))
        if with_plain:
            for p in PLAIN:
                plain[p].append(plain_elapsed(p))

    def med(config, program, field):
        return median([run[program][field] for run in results[config] if program in run])

    size = "long versions (run.sh --long)" if args.long else "default sizes"
    print(f"{size}; medians of {args.runs} rounds; elapsed_s is the program's own timing, ratio = CPython / aio (higher is better).\n")
    print("| program | " + " | ".join(f"{LABELS[c]} s" for c in configs) + " | " + " | ".join(f"{LABELS[c]} ratio" for c in aio_configs) + " | target |")
    print("| --- |" + " ---: |" * (len(configs) + len(aio_configs) + 1))
    for program in TIMED:
        if not any(program in run for run in results["CPython"]):
            continue
        times = {c: med(c, program, 0) for c in configs}
        cpy = times["CPython"]
        if program == "mem_tasks":
            target = None
        elif args.long:
            target = LONG_TARGETS.get(program, LONG_DEFAULT_TARGET)
        else:
            target = TARGETS.get(program, DEFAULT_TARGET)
        ratio = lambda a: f"{cpy / a:.2f}×" if cpy and a else "–"
        print(f"| {program} | " + " | ".join(f"{t:.3f}" if t else "–" for t in times.values()) + " | "
              + " | ".join(ratio(times[c]) for c in aio_configs) + f" | {f'≥ {target:g}×' if target else '–'} |")
    if not details:
        return

    print("\n| measure | " + " | ".join(LABELS[c] for c in configs) + " |")
    print("| --- |" + " ---: |" * len(configs))
    print("| `timers` wall s, real clock | " + " | ".join(f"{med(c, 'timers', 1):.2f}" for c in configs) + " |")
    print("| `timers` wall s, `--virtual-time` (no busy-waiting) | – | " + " | ".join(f"{median(v):.2f}" for v in virtual.values()) + " |")
    print("| start-up: `hello` wall s | " + " | ".join(f"{med(c, 'hello', 1):.2f}" for c in configs) + " |")
    per_task = []
    for config in configs:
        if config == "aio":
            # The program runs in the daemon: the peak RSS measured is the client's.
            per_task.append("– (in the daemon)")
            continue
        big = median([run["mem_tasks"][2] for run in results[config]])
        small = median(mem_small[config])
        per_task.append(f"{(big - small) / 90000:.2f}")
    print("| memory per suspended task, KB (peak RSS N=100000 − N=10000, / 90000) | " + " | ".join(per_task) + " |")
    if with_plain:
        jit = "aio" if "aio" in configs else aio_configs[0]
        print(f"\n| plain-Java limit | elapsed s | {LABELS[jit]} s | {LABELS[jit]} / plain Java |")
        print("| --- | ---: | ---: | ---: |")
        for p in PLAIN:
            limit = median(plain[p])
            t = med(jit, p, 0)
            print(f"| {p} | {limit:.3f} | {t:.3f} | {t / limit:.1f}× slower |")

if __name__ == "__main__":
    main()

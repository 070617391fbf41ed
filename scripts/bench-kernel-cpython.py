#!/usr/bin/env python3
"""CPython's cost for the kernel operations of dev.aio.bench.jmh (TaskStep, Queue, Lock,
FutureCallback, TimerCallLater, TimerSleep): runs the same programs
(benchmarks/src/main/resources/dev/aio/bench/jmh/*.aio, valid Python) with the same N, as the JMH
benchmark of the same name does, and prints ns per operation: the median of --runs runs after one
untimed run, by the thread's CPU clock (time spent descheduled is left out, as in
scripts/cpython_timing.py).

The timer programs run on aio's virtual clock under JMH; here the loop's selector moves a virtual
clock instead of waiting, so CPython does the same work (timer heap, ready queue) without sleeping.

Usage: /root/.pyenv/versions/3.11.7/bin/python3 scripts/bench-kernel-cpython.py [--runs 11]
"""

import argparse
import asyncio
import runpy
import selectors
import statistics
import sys
import time
from pathlib import Path

PROGRAMS = Path(__file__).resolve().parent.parent / "benchmarks/src/main/resources/dev/aio/bench/jmh"
# (JMH benchmark, program, N = operations per run, virtual clock), as in the benchmark classes.
CASES = [
    ("TaskStepBenchmark.sleepZero", "task_step.aio", 100_000, False),
    ("QueueBenchmark.putGet", "queue_put_get.aio", 100_000, False),
    ("LockBenchmark.acquireRelease", "lock_acquire_release.aio", 100_000, False),
    ("FutureCallbackBenchmark.addDoneCallbackSetResult", "future_callback.aio", 100_000, False),
    ("TimerCallLaterBenchmark.callLater", "timer_call_later.aio", 10_000, True),
    ("TimerSleepBenchmark.sleepDistinctDelays", "timer_sleep.aio", 100_000, True),
]


class VirtualClockSelector(selectors.SelectSelector):
    """Where the loop would wait for its next timer, moves the clock there instead."""

    def __init__(self):
        super().__init__()
        self.now = 0.0

    def select(self, timeout=None):
        if timeout is not None and timeout > 0:
            self.now += timeout
        return super().select(0)


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(VirtualClockSelector())

    def time(self):
        return self._selector.now


class VirtualTimePolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualTimeLoop()


def run_once(program, n, virtual):
    asyncio.set_event_loop_policy(VirtualTimePolicy() if virtual else None)
    sys.argv = [str(program), str(n)]
    start = time.thread_time()
    runpy.run_path(str(program), run_name="__main__")
    return time.thread_time() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    for name, program, n, virtual in CASES:
        times = [run_once(PROGRAMS / program, n, virtual) for _ in range(args.runs + 1)][1:]
        print(f"{name:48} {statistics.median(times) / n * 1e9:8.1f} ns/op")


if __name__ == "__main__":
    main()

"""The timing loop of scripts/bench-compiled-cpython.py and bench-library-cpython.py: runs a program of
benchmarks/ (valid Python) under CPython and times each of its functions as the JMH benchmark of the
same name calls it. ns per operation: the median of `runs` timed calls after one untimed call, timed by
the thread's CPU clock, so that time the process spends descheduled on a loaded machine is left out (as
the median of JMH's sampled invocations leaves it out)."""

import statistics
import time


def time_cases(program_path, module_name, cases, runs):
    """cases: (JMH benchmark, function, argument, operations per call, expected result)."""
    program = {"__name__": module_name}
    exec(compile(program_path.read_text(), str(program_path), "exec"), program)
    for name, function, argument, operations, expected in cases:
        run = program[function]
        times = []
        for i in range(runs + 1):
            start = time.thread_time()
            result = run(argument)
            elapsed = time.thread_time() - start
            if result != expected:
                raise AssertionError(f"{function} returned {result}, not {expected}")
            if i > 0:
                times.append(elapsed)
        print(f"{name:16} {statistics.median(times) / operations * 1e9:8.1f} ns/op")

"""The work of switch.py or cpu_async.py (../shared/bench), run for a fixed time and measured as a rate
per half-second window, so a JIT's warm-up shows as the time until the rate stops climbing.

    python3 rate_over_time.py switch 30       # 10 tasks switching through `await asyncio.sleep(0)`
    python3 rate_over_time.py cpu_async 30    # 4 tasks computing fib(25), yielding between results

Prints one line per window, `t=<end of window, s> rate=<operations per second>`: switches for
`switch`, calls of fib for `cpu_async`. The clock is read once per switch round or per fib(25), so
the measurement costs the same in every window.
"""

import asyncio
import sys
import time

WINDOW_S = 0.5
FIB_N = 25
FIB_CALLS = 242785  # calls of fib made by fib(25)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


class Windows:
    """Counts operations and closes a window each time WINDOW_S has passed."""

    def __init__(self, duration):
        self.start = time.perf_counter()
        self.end = self.start + duration
        self.next_edge = self.start + WINDOW_S
        self.count = 0
        self.rates = []

    def add(self, operations):
        """Adds operations; answers whether the run should go on."""
        self.count += operations
        now = time.perf_counter()
        if now >= self.next_edge:
            self.rates.append((now - self.start, self.count / (now - self.next_edge + WINDOW_S)))
            self.count = 0
            self.next_edge = now + WINDOW_S
        return now < self.end


async def spinner(windows):
    while True:
        for _ in range(100):
            await asyncio.sleep(0)
        if not windows.add(100):
            return


async def fib_worker(windows):
    while True:
        await asyncio.sleep(0)
        fib(FIB_N)
        if not windows.add(FIB_CALLS):
            return


async def main(workload, duration):
    windows = Windows(duration)
    if workload == "switch":
        await asyncio.gather(*[spinner(windows) for _ in range(10)])
    else:
        await asyncio.gather(*[fib_worker(windows) for _ in range(4)])
    for t, rate in windows.rates:
        print(f"t={t:.2f} rate={rate:.0f}")


if len(sys.argv) != 3 or sys.argv[1] not in ("switch", "cpu_async"):
    sys.exit("usage: rate_over_time.py switch|cpu_async SECONDS")
asyncio.run(main(sys.argv[1], float(sys.argv[2])))

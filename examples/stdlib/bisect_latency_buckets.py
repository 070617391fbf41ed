# Latency histogram of concurrent requests under the virtual clock: each request's duration is
# bucketed with bisect (from CPython's own library); a sorted list kept with insort answers
# percentiles and "how many took under X".
import asyncio
import bisect
import time

BOUNDS = [0.15, 0.35, 0.55, 1.05, 2.05]
LABELS = ["<150ms", "<350ms", "<550ms", "<1.05s", "<2.05s", ">=2.05s"]


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


async def request(i, durations):
    start = time.monotonic()
    await asyncio.sleep(0.1 * (i % 7) + 0.3 * (i % 3) + (2.5 if i == 11 else 0))
    elapsed = round(time.monotonic() - start, 1)
    bisect.insort(durations, elapsed)
    return i, elapsed


async def main():
    durations = []
    results = await asyncio.gather(*(request(i, durations) for i in range(14)))
    counts = [0] * len(LABELS)
    for _, elapsed in results:
        counts[bisect.bisect_right(BOUNDS, elapsed)] += 1
    for label, n in zip(LABELS, counts):
        print(f"{label:>8} {'#' * n} {n}")
    print("sorted:", durations)
    print("under 0.5s:", bisect.bisect_left(durations, 0.5), "of", len(durations))
    print("exactly 0.6s:", bisect.bisect_right(durations, 0.6) - bisect.bisect_left(durations, 0.6))
    p90 = durations[min(len(durations) - 1, int(0.9 * len(durations)))]
    print("p50:", durations[len(durations) // 2], "p90:", p90)
    print("grades:", [grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
    events = [(0.5, "a"), (1.5, "b"), (3.0, "c")]
    print("event before 2.0:", events[bisect.bisect_left(events, 2.0, key=lambda e: e[0]) - 1])
    bisect.insort_left(events, (1.0, "x"), key=lambda e: e[0])
    print(events)


asyncio.run(main())

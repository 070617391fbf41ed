# A priority scheduler of jobs run by worker tasks: pending jobs wait in a heap (heapq, from
# CPython's own library), each worker pops the most urgent one; the workers' logs, each in time
# order, are merged into one timeline with heapq.merge.
import asyncio
import heapq
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    seq: int
    name: str = field(compare=False)
    cost: float = field(compare=False)


class Scheduler:
    def __init__(self):
        self._heap = []
        self._seq = 0
        self._ready = asyncio.Event()

    def submit(self, name, priority, cost):
        heapq.heappush(self._heap, Job(priority, self._seq, name, cost))
        self._seq += 1
        self._ready.set()

    async def next_job(self):
        while not self._heap:
            self._ready.clear()
            await self._ready.wait()
        return heapq.heappop(self._heap)

    def pending(self):
        return [job.name for job in heapq.nsmallest(len(self._heap), self._heap)]


async def worker(name, scheduler, log, done, t0):
    loop = asyncio.get_running_loop()
    while True:
        job = await scheduler.next_job()
        if job.name == "stop":
            return
        await asyncio.sleep(job.cost)
        log.append((round(loop.time() - t0, 1), name, job.name, job.cost))
        done.append(job)


async def main():
    scheduler = Scheduler()
    jobs = [("backup", 5, 2.0), ("email", 1, 0.5), ("report", 3, 1.0), ("alert", 0, 0.2),
            ("cleanup", 9, 0.8), ("index", 3, 1.5), ("thumbnail", 2, 0.6)]
    for name, priority, cost in jobs:
        scheduler.submit(name, priority, cost)
    print("queued by priority:", scheduler.pending())

    logs = {"w1": [], "w2": []}
    done = []
    t0 = asyncio.get_running_loop().time()
    workers = [asyncio.create_task(worker(n, scheduler, log, done, t0)) for n, log in logs.items()]
    await asyncio.sleep(1.2)
    scheduler.submit("page-oncall", -1, 0.1)   # urgent: jumps the queue
    await asyncio.sleep(10)
    for _ in workers:
        scheduler.submit("stop", 99, 0)
    await asyncio.gather(*workers)

    for when, who, job, took in heapq.merge(*logs.values()):
        print(f"{when:4.1f}s {who} finished {job:<11} ({took}s)")
    slowest = heapq.nlargest(3, done, key=lambda j: j.cost)
    print("slowest:", [(j.name, j.cost) for j in slowest])
    print("first three by priority:", [j.name for j in heapq.nsmallest(3, done)])

    # heapreplace / heappushpop keep a fixed-size "top latencies" window.
    top = []
    for cost in [job.cost for job in done]:
        if len(top) < 3:
            heapq.heappush(top, cost)
        else:
            heapq.heappushpop(top, cost)
    print("top 3 costs:", sorted(top, reverse=True))


asyncio.run(main())

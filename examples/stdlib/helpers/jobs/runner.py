import asyncio
from . import model
from .model import Job


async def run_one(job: Job):
    await asyncio.sleep(job.cost)
    return f"{job.name} done after {job.cost}s"


async def run_all(jobs):
    assert all(isinstance(j, model.Job) for j in jobs)
    return [await t for t in [asyncio.create_task(run_one(j)) for j in jobs]]

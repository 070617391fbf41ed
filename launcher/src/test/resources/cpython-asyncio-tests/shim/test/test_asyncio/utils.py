# The parts of CPython's test.test_asyncio.utils that the CPython asyncio test files run under aio use.
import asyncio


async def await_without_task(coro):
    """Runs coro to its end from a plain loop callback, outside any task, and raises what it raised."""
    error = None

    def step_through():
        nonlocal error
        try:
            for _ in coro.__await__():
                pass
        except BaseException as e:
            error = e

    asyncio.get_running_loop().call_soon(step_through)
    await asyncio.sleep(0)
    if error is not None:
        raise error

import asyncio


async def process(item):
    await asyncio.sleep(0.1)
    if item < 0:
        raise ValueError(f"negative item: {item}")
    return item * 2

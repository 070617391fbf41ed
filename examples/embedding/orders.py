"""Order processing, orchestrated in aio; Java's OrderService (bound as `orders`) does the work."""
import asyncio


async def quote(order_id):
    skus = await orders.lines(order_id)
    prices = await asyncio.gather(*[orders.price(sku) for sku in skus])
    return list(skus), sum(prices)


async def fulfil(queue, outcome):
    while True:
        order_id, skus, total = await queue.get()
        try:
            stocked = await asyncio.gather(*[orders.reserve(sku) for sku in skus])
            if all(stocked):
                outcome[order_id] = await orders.ship(order_id, total)
            else:
                missing = [sku for sku, ok in zip(skus, stocked) if not ok]
                outcome[order_id] = 'held, out of ' + ', '.join(missing)
        finally:
            queue.task_done()


async def process_orders(*order_ids):
    queue = asyncio.Queue(maxsize=10)
    outcome = {}
    workers = [asyncio.create_task(fulfil(queue, outcome)) for _ in range(3)]
    quotes = await asyncio.gather(*[quote(order_id) for order_id in order_ids])
    for order_id, (skus, total) in zip(order_ids, quotes):
        print(f'{order_id}: {len(skus)} items, {total / 100:.2f} EUR')
        await queue.put((order_id, skus, total))
    await queue.join()
    for worker in workers:
        worker.cancel()
    for order_id in order_ids:
        print(f'{order_id}: {outcome[order_id]}')
    audit(f'{len(order_ids)} orders processed')
    return sum(1 for o in outcome.values() if o.startswith('shipped'))

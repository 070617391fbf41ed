# Echo server and clients over TCP on 127.0.0.1 in one program: C connections (argument 2, default
# 50), each sending N/C small messages one after the other and awaiting each echo (readline).
# Prints the message count, messages per second over the whole run, round-trip latency median and
# p99 in milliseconds, and elapsed_s. N is the first argument (default 5000).
import asyncio
import sys
import time


async def echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, count, latencies):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    message = b"ping 0123456789abcdef\n"
    for _ in range(count):
        sent = time.perf_counter()
        writer.write(message)
        await writer.drain()
        reply = await reader.readline()
        latencies.append(time.perf_counter() - sent)
        if reply != message:
            raise RuntimeError(f"bad echo {reply!r}")
    writer.close()
    await writer.wait_closed()


def percentile(ordered, fraction):
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


async def main(n, connections):
    server = await asyncio.start_server(echo, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    latencies = []
    start = time.perf_counter()
    async with server:
        await asyncio.gather(*[client(port, n // connections, latencies) for _ in range(connections)])
    elapsed = time.perf_counter() - start
    latencies.sort()
    print(f"messages={len(latencies)}")
    print(f"msgs_per_s={len(latencies) / elapsed:.0f}")
    print(f"p50_ms={percentile(latencies, 0.5) * 1000:.3f}")
    print(f"p99_ms={percentile(latencies, 0.99) * 1000:.3f}")
    print(f"elapsed_s={elapsed:.3f}")


n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
c = int(sys.argv[2]) if len(sys.argv) > 2 else 50
asyncio.run(main(n, c))

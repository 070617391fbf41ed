# An HTTP/1.1 server answering every request with one fixed response (keep-alive), and a load
# generator in the same program: C connections (argument 2, default 50), each sending N/C GET
# requests one after the other and reading each response (status line, headers, Content-Length
# body). Prints the request count, requests per second over the whole run, latency median and p99
# in milliseconds, and elapsed_s. N is the first argument (default 3000).
import asyncio
import sys
import time

BODY = b"Hello, world!\n"
RESPONSE = (b"HTTP/1.1 200 OK\r\n"
            b"Content-Type: text/plain\r\n"
            b"Content-Length: " + str(len(BODY)).encode() + b"\r\n"
            b"\r\n" + BODY)
REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: bench\r\nAccept: */*\r\n\r\n"


async def serve(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            if not head.startswith(b"GET "):
                break
            writer.write(RESPONSE)
            await writer.drain()
    except asyncio.IncompleteReadError:
        pass
    writer.close()
    await writer.wait_closed()


async def load(port, count, latencies):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for _ in range(count):
        sent = time.perf_counter()
        writer.write(REQUEST)
        await writer.drain()
        status = await reader.readline()
        length = 0
        while True:
            line = await reader.readline()
            if line == b"\r\n":
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        body = await reader.readexactly(length)
        latencies.append(time.perf_counter() - sent)
        if not status.startswith(b"HTTP/1.1 200") or body != BODY:
            raise RuntimeError(f"bad response {status!r} {body!r}")
    writer.close()
    await writer.wait_closed()


def percentile(ordered, fraction):
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


async def main(n, connections):
    server = await asyncio.start_server(serve, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    latencies = []
    start = time.perf_counter()
    async with server:
        await asyncio.gather(*[load(port, n // connections, latencies) for _ in range(connections)])
    elapsed = time.perf_counter() - start
    latencies.sort()
    print(f"requests={len(latencies)}")
    print(f"msgs_per_s={len(latencies) / elapsed:.0f}")
    print(f"p50_ms={percentile(latencies, 0.5) * 1000:.3f}")
    print(f"p99_ms={percentile(latencies, 0.99) * 1000:.3f}")
    print(f"elapsed_s={elapsed:.3f}")


n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
c = int(sys.argv[2]) if len(sys.argv) > 2 else 50
asyncio.run(main(n, c))

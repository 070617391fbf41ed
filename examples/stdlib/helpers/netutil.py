# A helper module imported by import_helper.aio: async functions and module-level state.
import asyncio

print(f"loading {__name__} (package {__package__})")

calls = 0
DEFAULT_DELAY = 0.1


async def fetch(url, delay=DEFAULT_DELAY):
    global calls
    calls += 1
    await asyncio.sleep(delay)
    return f"<{url}: {len(url)} bytes>"


async def fetch_all(urls):
    return await asyncio.gather(*(fetch(u, DEFAULT_DELAY * (i + 1)) for i, u in enumerate(urls)))


def parse_port(text):
    return int(text.rsplit(":", 1)[1])


if __name__ == "__main__":
    print("run directly")

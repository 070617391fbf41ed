# Parses access-log lines concurrently with named groups, as log analysers do.
import asyncio
import re
from collections import Counter

LINE = re.compile(
    r"""
    (?P<ip>\d{1,3}(?:\.\d{1,3}){3}) \s+ - \s+ - \s+
    \[(?P<when>[^\]]+)\] \s+
    "(?P<method>[A-Z]+) \s (?P<path>\S+) \s HTTP/(?P<version>[\d.]+)" \s+
    (?P<status>\d{3}) \s+ (?P<size>\d+|-)
    """,
    re.VERBOSE,
)

LOG = """\
192.168.1.10 - - [10/Oct/2023:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326
10.0.0.7 - - [10/Oct/2023:13:55:40 +0000] "POST /api/login HTTP/1.1" 401 -
garbage line that does not parse
192.168.1.10 - - [10/Oct/2023:13:56:01 +0000] "GET /img/logo.png HTTP/2.0" 304 0
172.16.0.3 - - [10/Oct/2023:13:57:12 +0000] "DELETE /api/items/42 HTTP/1.1" 500 512
"""


async def parse(line_no, line):
    await asyncio.sleep(0.01 * (line_no % 3))
    m = LINE.fullmatch(line)
    if m is None:
        return line_no, None
    return line_no, m


async def main():
    results = await asyncio.gather(*(parse(i, l) for i, l in enumerate(LOG.splitlines(), 1)))
    statuses = Counter()
    for line_no, m in results:
        if m is None:
            print(f"line {line_no}: unparsable")
            continue
        record = m.groupdict()
        size = 0 if record["size"] == "-" else int(record["size"])
        statuses[m["status"][0] + "xx"] += 1
        print(f"line {line_no}: {m.group('method'):6} {m['path']:<16} {m.group('status', 'version')} {size} bytes")
        print("   ", m.span("path"), m.start("ip"), m.end(), m.lastgroup, m.lastindex)
    print(sorted(statuses.items()))
    print(LINE.groups, sorted(LINE.groupindex.items()))
    day = re.search(r"(\d+)/(\w+)/(\d+)", results[0][1].group("when"))
    print(day, day.groups(), day.expand(r"\3-\2-\1"), day.re.pattern)


asyncio.run(main())

# A tokenizer in the shape of the re documentation's "Writing a Tokenizer": one pattern of named
# alternatives, scanned with finditer and dispatched on lastgroup.
import asyncio
import re

TOKEN_SPEC = [
    ("NUMBER", r"\d+(?:\.\d*)?"),
    ("ASSIGN", r":="),
    ("END", r";"),
    ("ID", r"[A-Za-z_]\w*"),
    ("OP", r"[+\-*/]"),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+"),
    ("MISMATCH", r"."),
]
TOKEN_RE = re.compile("|".join("(?P<%s>%s)" % pair for pair in TOKEN_SPEC))
KEYWORDS = {"IF", "THEN", "ENDIF", "FOR", "NEXT", "GOSUB", "RETURN"}


async def tokenize(code, queue):
    line_num = 1
    line_start = 0
    for mo in TOKEN_RE.finditer(code):
        kind = mo.lastgroup
        value = mo.group()
        column = mo.start() - line_start
        if kind == "NUMBER":
            value = float(value) if "." in value else int(value)
        elif kind == "ID" and value in KEYWORDS:
            kind = value
        elif kind == "NEWLINE":
            line_start = mo.end()
            line_num += 1
            continue
        elif kind == "SKIP":
            continue
        elif kind == "MISMATCH":
            value = repr(value)
        await queue.put((kind, value, line_num, column))
    await queue.put(None)


async def main():
    statements = """\
    IF quantity THEN
        total := total + price * quantity;
        tax := price * 0.05;
    ENDIF; x $ 3
"""
    queue = asyncio.Queue(maxsize=4)
    producer = asyncio.create_task(tokenize(statements, queue))
    while (token := await queue.get()) is not None:
        print(token)
    await producer
    print(TOKEN_RE.pattern[:40], TOKEN_RE.groups)
    words = re.compile(r"\b\w+\b")
    print(words.findall("one two  three"), words.findall("one two three", 4, 11))
    print(re.findall(r"(\w+)=(\d+)", "a=1, b=22, c=x"), re.findall(r"(\d)", "a1b2"))
    print(re.split(r"\s*([+\-*/])\s*", "1 + 2*3 -4"), re.split(r"[,;]", "a,b;c", maxsplit=1))
    print(re.split(r"\b", "hi there"), re.split(r"x*", "axbc"), re.split("(a)|b", "1a2b3"))


asyncio.run(main())

# Rewrites text with re.sub: templates with group references, and functions computing each
# replacement (templating, redaction, unit conversion), as scripts do.
import asyncio
import re

CONTEXT = {"name": "Ada", "count": 3, "item": "lamp"}


async def render(template):
    await asyncio.sleep(0.001)
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: str(CONTEXT.get(m.group(1), m.group(0))), template)


def to_celsius(m):
    value = float(m.group("deg"))
    return f"{(value - 32) * 5 / 9:.1f}°C"


async def main():
    texts = await asyncio.gather(render("Hello {{ name }}, you ordered {{count}} x {{item}}."),
                                 render("Unknown {{ who }} stays."))
    for text in texts:
        print(text)
    print(re.sub(r"(?P<deg>-?\d+(?:\.\d+)?)°F", to_celsius, "Oven 350°F, freezer -4°F, room 68.5°F"))
    print(re.sub(r"\b(\d{4})[- ]?(\d{4})[- ]?(\d{4})[- ]?(\d{4})\b", r"****-****-****-\4", "card 1234 5678 9012 3456 ok"))
    print(re.sub(r"(\w+)\s(\w+)", r"\2 \1", "hello world foo bar"))
    print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first> (\g<0>)", "Grace Hopper"))
    print(repr(re.sub("a", r"\n[\t]\\", "xax")), repr(re.sub("a", r"\.", "a")))
    print(re.subn(r"\s+", " ", "  too   many    spaces  "), re.sub(r"\d", "#", "a1b22c333", count=4))
    print(re.sub("", "-", "abc"), re.sub("x*", "-", "abxd"), re.sub(r"(a)|b", r"[\1]", "ab"))
    counter = iter(range(1, 100))
    print(re.sub(r"TODO", lambda m: f"TODO#{next(counter)}", "TODO: a; TODO: b; TODO: c"))
    words = re.compile(r"[A-Za-z]+")
    print(words.sub(lambda m: m.group().upper() if len(m.group()) > 3 else m.group(), "the quick brown fox"))
    print(words.subn(lambda m: m[0].lower(), "MiXeD CaSe"), re.compile(r"(\d+)").sub(r"<\1>", "a1b23", 1))
    m = re.search(r"(?P<user>\w+)@(?P<host>[\w.]+)", "mail bob@example.org now")
    print(m.expand(r"user=\1 host=\g<host>"), m.expand(r"\g<2>!"))


asyncio.run(main())

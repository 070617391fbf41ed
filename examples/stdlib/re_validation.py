# Validates form input with compiled patterns and flags, as web handlers do.
import asyncio
import re

EMAIL = re.compile(r"^[\w.+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.IGNORECASE)
PHONE = re.compile(r"\+?(\d{1,3})?[ -]?\(?(\d{3})\)?[ -]?(\d{3})[ -]?(\d{4})")
DATE = re.compile(r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])")
PASSWORD_RULES = [
    (re.compile(r".{8,}"), "at least 8 characters"),
    (re.compile(r"[A-Z]"), "an upper-case letter"),
    (re.compile(r"\d"), "a digit"),
    (re.compile(r"[^\w\s]"), "a symbol"),
]


async def check(field, value):
    await asyncio.sleep(0)
    if field == "email":
        return bool(EMAIL.match(value)), None
    if field == "phone":
        m = PHONE.fullmatch(value)
        return m is not None, m and m.groups()
    if field == "date":
        m = DATE.fullmatch(value)
        return m is not None, m and m.groupdict()
    missing = [why for rule, why in PASSWORD_RULES if not rule.search(value)]
    return not missing, missing


async def main():
    form = [
        ("email", "Ann.Smith+news@Example.COM"),
        ("email", "not-an-email@"),
        ("phone", "+1 (555) 123-4567"),
        ("phone", "555-1234"),
        ("date", "2024-02-29"),
        ("date", "2024-13-01"),
        ("password", "hunter2"),
        ("password", "Correct-Horse-9"),
    ]
    results = await asyncio.gather(*(check(f, v) for f, v in form))
    for (field, value), (ok, detail) in zip(results and form, results):
        print(f"{field:9} {value!r:30} {'ok' if ok else 'rejected'} {detail}")
    print(EMAIL, PHONE.flags, EMAIL.flags, re.compile("x", re.M | re.S))
    print(re.compile(r"(?i)abc").match("ABC"), re.compile("a.c", re.DOTALL).match("a\nc"))
    print(re.compile(r"^\d+$", re.MULTILINE).findall("12\nab\n345"), re.search("é", "CAFÉ", re.I))
    print(re.match(r"\w+", "héllo", re.ASCII), re.match(r"\w+", "héllo"))
    print(PHONE.search("call 555 123 4567 now", 2, 18), PHONE.match("call 555 123 4567", 5))
    print(re.escape("price: $5.00 (approx.)"), re.fullmatch(re.escape("a+b"), "a+b"))
    print(EMAIL == re.compile(EMAIL.pattern, re.I), re.compile(EMAIL) is EMAIL)
    re.purge()


asyncio.run(main())

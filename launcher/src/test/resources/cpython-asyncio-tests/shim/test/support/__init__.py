# The parts of CPython's test.support (Lib/test/support/__init__.py) that the CPython asyncio test
# files run under aio use.

# Timeouts a test waits for at most before it is considered hung: CPython's values.
SHORT_TIMEOUT = 30.0
LONG_TIMEOUT = 5 * 60.0

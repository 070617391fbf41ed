# aio's stand-in for CPython's `test` package: only what the CPython asyncio test files run by
# launcher/src/test/java/dev/aio/launcher/CPythonAsyncioTestsTest.java import.

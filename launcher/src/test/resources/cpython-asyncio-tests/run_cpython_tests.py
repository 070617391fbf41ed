# Runs CPython's own asyncio test files (cpython/, unchanged CPython 3.11 test data) under aio with
# CPython's unittest, each module on its own, and prints what each did: the tests listed in SKIPS
# are skipped with their reason; any other test that fails or errors fails the run (exit status 1).
#
#   aio run run_cpython_tests.py [MODULE...]     (default: every module in MODULES)
#
# The `test` package the files import is aio's stand-in in shim/.
import os
import sys
import unittest

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, 'shim'))
sys.path.insert(0, os.path.join(here, 'cpython'))

MODULES = ['test_queues', 'test_locks', 'test_timeouts', 'test_taskgroups', 'test_waitfor', 'test_protocols', 'test_threads']

# Tests that cannot pass under aio, each with why. They touch the private attributes of CPython's
# pure-Python classes (queues.py, locks.py, mixins.py), which aio implements in Java with its own
# fields.
PRIVATE = "uses {}, a private attribute of CPython's {} (aio's is written in Java, without it)"
SKIPS = {
    'test_queues.LifoQueueJoinTests.test_format': PRIVATE.format('Queue._format()', 'queues.py'),
    'test_queues.PriorityQueueJoinTests.test_format': PRIVATE.format('Queue._format()', 'queues.py'),
    'test_queues.QueueJoinTests.test_format': PRIVATE.format('Queue._format()', 'queues.py'),
    'test_queues.QueueGetTests.test_cancelled_getters_not_being_held_in_self_getters': PRIVATE.format('Queue._getters', 'queues.py'),
    'test_queues.QueueGetTests.test_get_with_putters': PRIVATE.format('Queue._putters', 'queues.py'),
    'test_queues.QueuePutTests.test_cancelled_puts_not_being_held_in_self_putters': PRIVATE.format('Queue._putters', 'queues.py'),
    'test_locks.ConditionTests.test_ambiguous_loops': PRIVATE.format('Lock._loop', 'mixins.py'),
    'test_locks.EventTests.test_clear_with_waiters': PRIVATE.format('Event._waiters', 'locks.py'),
    'test_locks.EventTests.test_repr': PRIVATE.format('Event._waiters', 'locks.py'),
    'test_locks.EventTests.test_wait_cancel': PRIVATE.format('Event._waiters', 'locks.py'),
    'test_locks.LockTests.test_acquire_cancel': PRIVATE.format('Lock._waiters', 'locks.py'),
    'test_locks.LockTests.test_cancel_race': PRIVATE.format('Lock._waiters', 'locks.py'),
    'test_locks.LockTests.test_finished_waiter_cancelled': PRIVATE.format('Lock._waiters', 'locks.py'),
    'test_locks.SemaphoreTests.test_acquire': PRIVATE.format('Semaphore._waiters', 'locks.py'),
    'test_locks.SemaphoreTests.test_acquire_cancel': PRIVATE.format('Semaphore._waiters', 'locks.py'),
    'test_locks.SemaphoreTests.test_repr': PRIVATE.format('Semaphore._waiters', 'locks.py'),
    'test_locks.SemaphoreTests.test_semaphore': PRIVATE.format('Semaphore._value', 'locks.py'),
}


def tests_of(suite):
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            yield from tests_of(test)
        else:
            yield test


def skip_listed(module_name):
    """Marks the listed tests of a module skipped, with their reason; a listed test that no longer exists is an error."""
    module = __import__(module_name)
    for test_id, reason in SKIPS.items():
        name, class_name, method_name = test_id.split('.')
        if name != module_name:
            continue
        cls = getattr(module, class_name, None)
        if cls is None or not hasattr(cls, method_name):
            raise SystemExit(f'run_cpython_tests.py: the skip list names {test_id}, which does not exist')
        # On this class only: a test inherited from a mixin stays as it is in the other classes.
        setattr(cls, method_name, unittest.skip(reason)(getattr(cls, method_name)))


def main(names):
    totals = {'ran': 0, 'passed': 0, 'skipped': 0, 'failed': 0}
    lines = []
    for name in names:
        skip_listed(name)
        suite = unittest.defaultTestLoader.loadTestsFromName(name)
        result = unittest.TextTestRunner(stream=sys.stdout, verbosity=1).run(suite)
        failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
        skipped = len(result.skipped)
        counts = {'ran': result.testsRun, 'passed': result.testsRun - failed - skipped - len(result.expectedFailures),
                  'skipped': skipped, 'failed': failed}
        for key in totals:
            totals[key] += counts[key]
        lines.append(f"{name}: ran {counts['ran']}, passed {counts['passed']}, skipped {counts['skipped']}, failed {counts['failed']}")
    print()
    for line in lines:
        print(line)
    print(f"{totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
    return 1 if totals['failed'] else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:] or MODULES))

# The bound __next__ and __iter__ of builtin iterators and generators, as code that drives
# several iterators by hand uses them (CPython's heapq.merge keeps `next = it.__next__`).
def drain(*iterables):
    steps = [iter(x).__next__ for x in iterables]
    out = []
    while steps:
        for step in list(steps):
            try:
                out.append(step())
            except StopIteration:
                steps.remove(step)
    return out

print(drain([1, 2, 3], "ab", range(10, 12), (7,), {"k": 1}))

def countdown(n):
    while n:
        yield n
        n -= 1
    return "liftoff"

g = countdown(2)
print(g.__iter__() is g, g.__next__(), next(g))
try:
    g.__next__()
except StopIteration as e:
    print("StopIteration", e.value)

it = iter([])
print(iter(it) is it, it.__iter__() is it)
try:
    it.__next__()
except StopIteration as e:
    print("empty", e.args)

"""Writes vectors.tsv: CPython 3.11's repr() and format() of values, for FormattingTest.
Run with python3 from this directory; the output is committed so the test needs no Python."""
import random

rows = []

def add(kind, value, spec):
    text = repr(value) if spec is None else format(value, spec)
    rows.append((kind, repr(value), "<repr>" if spec is None else spec, text))

floats = [0.0, -0.0, 0.1, 0.2, 0.1 + 0.2, 1.0, 100.0, 1e16, 1e15, 1e22, 1e-4, 1e-5, 1.5e-7, 2 / 3, 1 / 3,
          123456789.0, 1234567890123456789.0, 5e-324, 1.7976931348623157e308, 2.675, 0.5, 1.5, 2.5,
          -1.25, 3.14159265, 1e300, 12345.6789, 9.995, 0.05, 99.5, 0.00096, 9.6e-05, 0.00099, 96e20]
rng = random.Random(20261124)
floats += [rng.uniform(-1e6, 1e6) for _ in range(40)] + [rng.random() * 10 ** rng.randint(-20, 20) for _ in range(40)]
for f in floats:
    add("float", f, None)
float_specs = ["", ".2f", ".0f", ".3", ".3g", "g", "e", ".2e", "E", "%", ".1%", "10.3f", "<10", "^12.2f", "+", " ",
               ",", ",.2f", "_", "010.2f", "#.0f", "#g", "z.1f", ".10g", "G", "n", ">+12.4e"]
for f in floats[:30] + [float("inf"), float("-inf"), float("nan")]:
    for spec in float_specs:
        add("float", f, spec)
ints = [0, 1, -1, 42, -42, 255, 1234567, -1234567, 2 ** 64, -(2 ** 70), 10 ** 20]
int_specs = ["", "d", "5", "<5", "^7", ">+8", "05", "=+8", ",", "_", "x", "X", "#x", "#o", "b", "#b", "_b", "010,",
             ".2f", "e", "%", "c", "+", " ", "*^9"]
for i in ints:
    for spec in int_specs:
        if spec == "c" and not (0 <= i < 0x110000):
            continue
        add("int", i, spec)
strings = ["", "a", "abc", "Xin chào", "🎉x", "it's", 'say "hi"', "both ' and \"", "tab\tnew\nline\\", "\x00\x7f\u200b\u00e9"]
for s in strings:
    add("str", s, None)
    for spec in ["", "10", ">10", "^9", "*<6", ".2", "8.3", "x>4"]:
        add("str", s, spec)

with open("vectors.tsv", "w", encoding="utf-8") as out:
    for kind, value, spec, text in rows:
        out.write("\t".join(x.encode("unicode_escape").decode("ascii") for x in (kind, value, spec, text)) + "\n")
print(len(rows), "vectors")

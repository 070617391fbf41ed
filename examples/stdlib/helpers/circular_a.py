print("circular_a: start")
from helpers import circular_b

A_VALUE = "a"


def describe():
    return f"a sees b={circular_b.B_VALUE}"


print("circular_a: end")

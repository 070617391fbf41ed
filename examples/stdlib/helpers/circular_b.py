print("circular_b: start")
from helpers import circular_a

print("circular_b: circular_a is partially initialised, has A_VALUE:", hasattr(circular_a, "A_VALUE"))
B_VALUE = "b"
try:
    from helpers.circular_a import A_VALUE
except ImportError as e:
    print("circular_b:", type(e).__name__, str(e).replace(__file__.rsplit("/", 1)[0], "..."))
print("circular_b: end")

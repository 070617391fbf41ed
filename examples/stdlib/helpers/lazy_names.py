# A module that computes some names on first use (PEP 562 module __getattr__).
eager = "here"


def __getattr__(name):
    if name == "lazy":
        return "computed " + name
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# A package whose modules import each other with relative imports.
from .model import Job
from .runner import run_all

__all__ = ["Job", "run_all"]
print("package", __name__, "ready:", __all__)

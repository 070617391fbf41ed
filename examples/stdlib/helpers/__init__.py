# The helper modules of the examples in this folder (not tests themselves: they have no .out).

# Fails while it is being imported.
print("failing: starting")
LIMIT = int("not a number")

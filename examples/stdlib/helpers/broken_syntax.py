def ok():
    return 1


values = [1, 2,

from collections import namedtuple

Job = namedtuple("Job", "name cost")

#!/usr/bin/env python3
"""Reads the text dumps of Graal's compiled graphs: what a Truffle compilation allocates, calls and
deoptimizes on, phase by phase, without IGV.

Graal writes one text file per graph it dumps when given (through AIO_JAVA_OPTS, which reaches ./aio
and benchmarks/run's JMH forks):

    -Djdk.graal.Dump=Truffle:2 -Djdk.graal.PrintGraph=File
    -Djdk.graal.PrintCanonicalGraphStrings=true -Djdk.graal.PrintCanonicalGraphStringFlavor=1
    -Djdk.graal.DumpPath=/tmp/dump -Dpolyglot.engine.CompileOnly=NAME

(-Dpolyglot.engine.BackgroundCompilation=false helps a loaded machine compile within the warm-up.)
Each compilation gets a directory `TruffleHotSpotCompilation-ID[aio:NAME].graph-strings` (a suffix
_1, _2... when the graph object changed) holding `NNN-After_phase_X.txt`; flavor 1 prints, block by
block, every fixed node with its data fields and its inputs as nested expressions, and with the Java
method and bytecode index it came from (`at Class.method(File.java:line) [bci: n]`), the node source
positions Truffle compilations keep.

Usage:
    scripts/graph-strings.py DUMP_DIR              the compilations and their phases
    scripts/graph-strings.py PHASE_FILE [-v]       what one graph holds: per block, allocations
                                                   (CommitAllocation: the virtual objects it makes real),
                                                   calls not inlined (Invoke: target method), deopts
                                                   and guards (reason, action, where), and stores of
                                                   a just-allocated object into the heap (the escape);
                                                   -v adds where each allocation and store comes from

The useful phases: After_phase_TruffleTier (after partial evaluation), After_phase_FinalPartialEscapePhase
(what the escape analysis left), After_phase_HighTier (before allocations are lowered to TLAB code).
"""
import os
import re
import sys

NODE_START = re.compile(r"^(Block |[A-Z][A-Za-z0-9$]*\()")
VIRTUAL = re.compile(r"Virtual(?:Instance|Array)Node\(a!# ([\w.$\[\]]+), true, (\d+)")
METHOD = re.compile(r"HotSpotMethod<([^>]+)>")
POSITION = re.compile(r"^at (\S+)\((\S+)\) \[bci: (\d+)\]")


def nodes(path):
    """The file's nodes, each the list of its lines (a node's source positions continue it)."""
    current = None
    with open(path, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if NODE_START.match(line):
                if current:
                    yield current
                current = [line]
            elif current is not None:
                current.append(line)
    if current:
        yield current


def position(lines):
    """The innermost aio-side Java frame of a node's first source position, else its first frame."""
    frames = [m.group(1) + " bci " + m.group(3) for m in (POSITION.match(l) for l in lines) if m]
    for f in frames:
        if "dev.aio." in f and "Gen" not in f.split("(")[0]:
            return f
    return frames[0] if frames else ""


def fields(first_line, count=None):
    """The first `count` (else all) top-level comma-separated fields inside a node's parentheses."""
    body = first_line[first_line.index("(") + 1:]
    out, depth, start = [], 0, 0
    for i, c in enumerate(body):
        if c in "([{<":
            depth += 1
        elif c in ")]}>":
            depth -= 1
        elif c == "," and depth == 0:
            out.append(body[start:i].strip())
            start = i + 1
            if len(out) == count:
                return out
    out.append(body[start:].rstrip(")").strip())
    return out


def summarize(path, verbose):
    for lines in nodes(path):
        text = " ".join(lines)
        head = lines[0]
        kind = head.split("(")[0]
        where = position(lines) if verbose else ""
        suffix = ("    <- " + where) if where else ""
        if head.startswith("Block "):
            print(head)
        elif kind == "CommitAllocationNode":
            made = {}
            for m in VIRTUAL.finditer(text):
                made.setdefault(m.group(2), m.group(1))
            print("  ALLOC   " + ", ".join(t.split(".")[-1] for t in made.values()) + suffix)
        elif kind.startswith("Invoke"):
            m = METHOD.search(text)
            print("  CALL    " + (m.group(1) if m else head[:120]) + suffix)
        elif kind == "DeoptimizeNode":
            action, reason = fields(head, 3)[1:3]
            m = METHOD.search(text)
            print("  DEOPT   %s %s%s" % (reason, action, " (" + m.group(1) + ")" if m else "") + suffix)
        elif kind == "FixedGuardNode":
            reason, action = fields(head, 3)[1:3]
            print("  GUARD   %s %s    <- %s" % (reason, action, position(lines)))
        elif kind == "WriteNode" and "AllocatedObjectNode" in fields(text)[-2]:
            # The stored value (the last input before the frame state) is an object just allocated.
            location = fields(head, 4)[3]
            m = VIRTUAL.search(fields(text)[-2])
            print("  ESCAPE  %s stored into %s%s" % (m.group(1).split(".")[-1] if m else "?", location, suffix))
        elif kind in ("LoopBeginNode", "LoopEndNode", "ReturnNode", "UnwindNode"):
            print("  " + kind)


def list_dumps(root):
    for d in sorted(os.listdir(root)):
        path = os.path.join(root, d)
        if os.path.isdir(path):
            phases = sorted(os.listdir(path))
            print("%s  (%d graphs)" % (d, len(phases)))
            for p in phases:
                if "TruffleTier" in p or "PartialEscape" in p or "HighTier.txt" in p:
                    print("    " + p)


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    if len(args) != 1:
        sys.exit(__doc__)
    if os.path.isdir(args[0]):
        list_dumps(args[0])
    else:
        summarize(args[0], "-v" in sys.argv[1:])


if __name__ == "__main__":
    main()

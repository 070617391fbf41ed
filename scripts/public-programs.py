#!/usr/bin/env python3
"""Runs public asyncio programs under CPython and under aio and compares them (issue 15).

The programs are named by scripts/public-programs.tsv (repository, commit, paths); this script
extracts them from the mirrors the `fetch` tool brings (/work/.mirror/OWNER+NAME/repo) into a
scratch folder, runs each under CPython (the real binary) and under `aio run --virtual-time` (or
without it for programs the manifest marks `real`), each with a time limit, and compares standard
output, the shape of standard error and the exit status. It prints one line per program and the
pass rate, with the reason of each failure.

    scripts/public-programs.py [--only SUBSTRING] [--jobs N] [--timeout S] [--scratch DIR]

CPython runs each program twice; how the two runs and the manifest classify a program (output
that varies, real time, left out with the reason) is described in the manifest's header.
The stderr shape is its lines that do not start with a space (a traceback's header and final
line, logging lines, warnings): traceback frames are not compared, as aio leaves out the frames
of its own library where CPython shows asyncio's. Object addresses (0x...), the scratch folder's
path and process ids in logging lines are masked in both outputs.
"""
import argparse
import collections
import concurrent.futures
import contextlib
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import threading
import io

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MANIFEST = os.path.join(ROOT, "scripts", "public-programs.tsv")
# Programs that use sockets take a lock for each 4- or 5-digit number in their source (a port they
# may use), so two programs on one port never run at once; their time limit is PORT_TIMEOUT.
USES_PORTS = re.compile(r"start_server|create_server|open_connection|create_connection|create_datagram_endpoint|\.bind\(|\.connect\(")
PORT_LOCKS = collections.defaultdict(threading.Lock)
PORT_TIMEOUT = 20
STARTS_A_LOOP = re.compile(r"asyncio\.run\(|run_until_complete\(|run_forever\(")
MASKS = {"timing": ", durations masked", "digits": ", varies: digits masked", "varies": ", varies: exit status and stderr only"}
NETWORK_ERRORS = re.compile(r"gaierror|Name or service not known|Temporary failure in name resolution|"
                            r"ClientConnectorError|ConnectionRefusedError|Network is unreachable")


def read_manifest():
    sources, classes = [], {}
    with open(MANIFEST) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if fields[0] == "source":
                name, repo, commit, selectors = fields[1:5]
                options = fields[5:]
                sources.append(dict(name=name, repo=repo, commit=commit, selectors=selectors.split(),
                                    module="run=module" in options, blocks="blocks" in options))
            elif fields[0] == "program":
                classes[fields[1]] = fields[2]
            else:
                sys.exit(f"{MANIFEST}: unknown line: {line}")
    return sources, classes


def git(source, mirrors, *args, binary=False):
    git_dir = os.path.join(mirrors, source["repo"].replace("/", "+"), "repo")
    if not os.path.isdir(git_dir):
        sys.exit(f"no mirror of {source['repo']} at {git_dir}: bring it with `fetch github:{source['repo']}`")
    out = subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True).stdout
    return out if binary else out.decode()


def literal_blocks(text):
    """The literal blocks of a reStructuredText page, in order, dedented."""
    lines = text.split("\n")
    blocks, i = [], 0
    while i < len(lines):
        line = lines[i]
        opens = line.rstrip().endswith("::") and not line.lstrip().startswith(".. ") \
            or re.match(r"\s*\.\. code-block::\s*python3?\s*$", line)
        i += 1
        if not opens:
            continue
        indent = len(line) - len(line.lstrip())
        while i < len(lines) and (not lines[i].strip() or lines[i].lstrip().startswith(":")):
            i += 1
        body = []
        while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
            body.append(lines[i])
            i += 1
        while body and not body[-1].strip():
            body.pop()
        if body:
            margin = min(len(b) - len(b.lstrip()) for b in body if b.strip())
            blocks.append("\n".join(b[margin:] for b in body) + "\n")
    return blocks


def extract(sources, mirrors, scratch):
    """Extracts the programs; returns a list of dicts: id, cwd, argv (after the interpreter)."""
    programs = []
    for source in sources:
        paths = git(source, mirrors, "ls-tree", "-r", "--name-only", source["commit"]).split("\n")
        chosen = sorted(p for p in paths if any(fnmatch.fnmatch(p, s) for s in source["selectors"]))
        dest = os.path.join(scratch, source["name"])
        folders = sorted({os.path.dirname(p) for p in chosen}) if not source["module"] else []
        archive = git(source, mirrors, "archive", "--format=tar", source["commit"], *folders, binary=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(dest, filter="data")
        for path in chosen:
            if source["blocks"]:
                text = open(os.path.join(dest, path)).read()
                for n, block in enumerate(literal_blocks(text), 1):
                    if "import asyncio" in block and STARTS_A_LOOP.search(block) and ">>>" not in block:
                        name = f"{os.path.basename(path)[:-4]}_{n}.py"
                        with open(os.path.join(dest, os.path.dirname(path), name), "w") as f:
                            f.write(block)
                        programs.append(dict(id=f"{source['name']}:{path}#{n}",
                                             cwd=os.path.join(dest, os.path.dirname(path)), argv=[name]))
            elif source["module"]:
                module = path[:-3].replace("/", ".")
                programs.append(dict(id=f"{source['name']}:{path}", cwd=dest, argv=["-m", module]))
            else:
                programs.append(dict(id=f"{source['name']}:{path}", cwd=os.path.join(dest, os.path.dirname(path)),
                                     argv=[os.path.basename(path)]))
    return programs


def run(command, cwd, timeout, program):
    if program.get("ports"):
        with contextlib.ExitStack() as locks:
            for port in program["ports"]:
                locks.enter_context(PORT_LOCKS[port])
            return run(command, cwd, min(timeout, PORT_TIMEOUT), {})
    try:
        done = subprocess.run(command, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
        return dict(status=done.returncode, out=done.stdout.decode(errors="replace"),
                    err=done.stderr.decode(errors="replace"))
    except subprocess.TimeoutExpired as e:
        return dict(status="timeout", out=(e.stdout or b"").decode(errors="replace"),
                    err=(e.stderr or b"").decode(errors="replace"))


def masked(text, scratch, timing, digits=False):
    text = text.replace(scratch + "/", "").replace(scratch, "")
    text = re.sub(r"0x[0-9a-fA-F]+", "0x?", text)
    text = re.sub(r"\b(pid|PID|process) ?\d+", r"\1 ?", text)
    if timing:
        text = re.sub(r"\d+\.\d+(e-?\d+)?", "N.N", text)
    if digits:
        text = re.sub(r"\b[0-9a-f]*[0-9][0-9a-f]*\b", "N", text)
    return text


def stderr_shape(text):
    return [line for line in text.split("\n") if line and not line.startswith((" ", "\t"))]


def third_party_import(text, cwd):
    """The first module the source imports that is neither CPython's nor the program's own."""
    for m in re.finditer(r"^[ \t]*(?:import[ \t]+(\w+)|from[ \t]+(\w+)[\w.]*[ \t]+import\b)", text, re.M):
        name = m.group(1) or m.group(2)
        if name not in sys.stdlib_module_names and name != "__future__" and not (
                os.path.exists(os.path.join(cwd, name + ".py")) or os.path.isdir(os.path.join(cwd, name))):
            return name
    return None


def third_party_module(err):
    m = re.search(r"ModuleNotFoundError: No module named '([\w.]+)'", err)
    if m and m.group(1).split(".")[0] not in sys.stdlib_module_names:
        return m.group(1)
    return None


def first_difference(expected, actual):
    e, a = expected.split("\n"), actual.split("\n")
    for i, (x, y) in enumerate(zip(e, a)):
        if x != y:
            return f"line {i + 1}: CPython {x[:70]!r}, aio {y[:70]!r}"
    return f"CPython {len(e)} lines, aio {len(a)} lines" + (f"; aio's next: {a[len(e)][:70]!r}" if len(a) > len(e) else
                                                            f"; CPython's next: {e[len(a)][:70]!r}")


def aio_error(err):
    """The line of aio's stderr that says what failed: the traceback's last line."""
    lines = [l for l in err.split("\n") if l.strip()]
    return lines[-1].strip()[:110] if lines else ""


def compare(program, cpython, aio, scratch, kind):
    reasons = []
    kinds = kind.split()
    timing, digits = "timing" in kinds, "digits" in kinds
    out_c, out_a = masked(cpython["out"], scratch, timing, digits), masked(aio["out"], scratch, timing, digits)
    if "varies" in kinds:
        out_c = out_a = ""
    err_c = stderr_shape(masked(cpython["err"], scratch, timing, digits))
    err_a = stderr_shape(masked(aio["err"], scratch, timing, digits))
    if aio["status"] == "timeout":
        reasons.append("aio: no end within the time limit")
    elif cpython["status"] != aio["status"]:
        reasons.append(f"exit status {cpython['status']} vs {aio['status']}: {aio_error(aio['err'])}")
    if out_c != out_a and not reasons:
        reasons.append("stdout " + first_difference(out_c, out_a))
    if err_c != err_a and not reasons:
        reasons.append("stderr " + first_difference("\n".join(err_c), "\n".join(err_a)))
    return reasons


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="run the programs whose id contains this")
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--scratch", default="/tmp/public-programs")
    parser.add_argument("--mirrors", default="/work/.mirror")
    parser.add_argument("--aio", default=os.path.join(ROOT, "aio"))
    parser.add_argument("--reuse-cpython", action="store_true",
                        help="reuse CPython's results of the last run (saved beside the scratch folder), "
                             "running again those that did not end")
    args = parser.parse_args()
    scratch = os.path.abspath(args.scratch)
    sources, classes = read_manifest()
    saved = os.path.join(scratch + "-cpython.json")
    cpython_results = json.load(open(saved)) if args.reuse_cpython and os.path.exists(saved) else {}
    shutil.rmtree(scratch, ignore_errors=True)
    programs = extract(sources, args.mirrors, scratch)
    for program in programs:
        source = os.path.join(program["cwd"], program["argv"][0]) if program["argv"][0] != "-m" else \
            os.path.join(program["cwd"], program["argv"][1].replace(".", "/") + ".py")
        text = open(source).read()
        program["third_party"] = third_party_import(text, program["cwd"])
        program["ports"] = sorted(set(re.findall(r"\b\d{4,5}\b", text))) if USES_PORTS.search(text) else []
    if args.only:
        programs = [p for p in programs if args.only in p["id"]]
    python = subprocess.run(["python3", "-c", "import sys;print(sys.executable)"],
                            capture_output=True, text=True, check=True).stdout.strip()

    def under_cpython(program):
        saved = cpython_results.get(program["id"])
        if (saved is None or saved["status"] == "timeout") and not classes.get(program["id"], "").startswith("skip="):
            first = run([python, *program["argv"]], program["cwd"], args.timeout, program)
            if first["status"] != "timeout":
                first["again"] = run([python, *program["argv"]], program["cwd"], args.timeout, program)["out"]
            cpython_results[program["id"]] = first

    def classified(program):
        """The manifest's class of the program, or skip=WHY when CPython cannot run it here."""
        kind = classes.get(program["id"], "")
        if kind.startswith("skip="):
            return kind
        module = program["third_party"]
        if module:
            return f"skip=third-party package {module}"
        cpython = cpython_results[program["id"]]
        if cpython["status"] == "timeout":
            return "skip=no end under CPython within the time limit"
        module = third_party_module(cpython["err"])
        if module:
            return f"skip=third-party package {module}"
        if cpython["status"] != 0 and NETWORK_ERRORS.search(cpython["err"]):
            return "skip=network"
        if kind in ("", "real") and masked(cpython["out"], scratch, False) != masked(cpython["again"], scratch, False):
            differ = masked(cpython["out"], scratch, False, True) != masked(cpython["again"], scratch, False, True)
            return f"{kind} varies" if differ else f"{kind} digits"
        return kind

    def under_aio(program):
        kind = classified(program)
        if kind.startswith("skip="):
            return program, kind, None
        flags = [] if "real" in kind.split() else ["--virtual-time"]
        return program, kind, run([args.aio, "run", *flags, *program["argv"]], program["cwd"], args.timeout, program)

    # CPython's runs mostly sleep: many at once; aio's take the CPU: --jobs at once.
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        list(pool.map(under_cpython, programs))
    with open(saved, "w") as f:
        json.dump(cpython_results, f)
    rows, passed, compared, skipped = [], 0, 0, {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for program, kind, aio in pool.map(under_aio, programs):
            if kind.startswith("skip="):
                why = kind[5:]
                skipped[why.split(" package ")[0]] = skipped.get(why.split(" package ")[0], 0) + 1
                rows.append((program["id"], "SKIP", why))
                continue
            compared += 1
            reasons = compare(program, cpython_results[program["id"]], aio, os.path.join(scratch, ""), kind)
            mode = ("real time" if "real" in kind.split() else "virtual time") + "".join(MASKS.get(k, "") for k in kind.split())
            if reasons:
                rows.append((program["id"], "FAIL", f"[{mode}] " + "; ".join(reasons)))
            else:
                passed += 1
                rows.append((program["id"], "PASS", f"[{mode}]"))
            print(f"{rows[-1][1]:4}  {rows[-1][0]}  {rows[-1][2]}", flush=True)
    print()
    for id_, verdict, why in sorted(rows):
        print(f"{verdict:4}  {id_:70}  {why}")
    print()
    print(f"{len(programs)} programs: {compared} compared, {sum(skipped.values())} skipped "
          f"({', '.join(f'{n} {why}' for why, n in sorted(skipped.items()))})")
    if compared:
        print(f"pass rate: {passed} of {compared} = {100 * passed / compared:.0f} %")


if __name__ == "__main__":
    main()

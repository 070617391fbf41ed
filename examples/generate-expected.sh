#!/usr/bin/env bash
# Regenerates the expected output of every golden example from CPython (python3 3.11), never
# from aio. Run from anywhere; each program runs from its own folder, as `aio test` runs it, so
# tracebacks name "NAME.aio".
# seed/ is left alone: its expected files are CPython's outputs shipped with the seed; so is
# diagnostics/, whose programs hang under CPython (see diagnostics/README.md), and python313/,
# which uses asyncio features newer than python3 3.11 (see python313/README.md).
# Usage: generate-expected.sh [GROUP/NAME.aio ...]  (paths relative to examples/; none: every program)
set -euo pipefail
cd "$(dirname "$0")"
# aio's library (asyncio, dataclasses) has no frames of its own in tracebacks, so the frames of
# CPython's library (its asyncio's runners.py, taskgroups.py...) are dropped from expected stderr.
drop_library_frames() {
    python3 - "$1" <<'PY'
import re, sys, sysconfig
path = sys.argv[1]
library = re.escape(sysconfig.get_paths()["stdlib"])
frame = re.compile(r'^([ |+]*)  File "' + library + r'/')
lines = open(path, encoding="utf-8").read().splitlines(keepends=True)
kept, skipping = [], None
for line in lines:
    if skipping is not None and line.startswith(skipping + "    "):
        continue
    skipping = None
    m = frame.match(line)
    if m:
        skipping = m.group(1)
        continue
    kept.append(line)
open(path, "w", encoding="utf-8").write("".join(kept))
PY
}

programs=("$@")
[ ${#programs[@]} -gt 0 ] || programs=(*/*.aio)
for program in "${programs[@]}"; do
    group=${program%%/*}
    case $group in seed | diagnostics | python313) continue ;; esac
    base=${program%.aio}
    name=${program##*/}
    args=()
    [ -f "$base.args" ] && read -r -a args < "$base.args"
    set +e
    (cd "$group" && python3 "$name" "${args[@]}") > "$base.out" 2> "$base.err" < /dev/null
    status=$?
    set -e
    # CPython names the script by its absolute path; expected files keep it relative to its folder.
    sed -i "s|$PWD/$group/||g" "$base.out" "$base.err"
    drop_library_frames "$base.err"
    [ -s "$base.err" ] || rm -f "$base.err"
    if [ "$status" -ne 0 ]; then echo "$status" > "$base.status"; else rm -f "$base.status"; fi
done
echo "expected outputs regenerated"

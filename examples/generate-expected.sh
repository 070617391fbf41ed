#!/usr/bin/env bash
# Regenerates the expected output of every golden example from CPython (python3 3.11), never
# from aio. Run from anywhere; programs run from examples/ so tracebacks name "group/NAME.aio".
# seed/ is left alone: its expected files are CPython's outputs shipped with the seed; so is
# diagnostics/, whose programs hang under CPython (see diagnostics/README.md).
set -euo pipefail
cd "$(dirname "$0")"
for program in */*.aio; do
    group=${program%%/*}
    [ "$group" = seed ] || [ "$group" = diagnostics ] && continue
    base=${program%.aio}
    args=()
    [ -f "$base.args" ] && read -r -a args < "$base.args"
    set +e
    python3 "$program" "${args[@]}" > "$base.out" 2> "$base.err" < /dev/null
    status=$?
    set -e
    # CPython names the script by its absolute path; expected files keep it relative to examples/.
    sed -i "s|$PWD/||g" "$base.out" "$base.err"
    [ -s "$base.err" ] || rm -f "$base.err"
    if [ "$status" -ne 0 ]; then echo "$status" > "$base.status"; else rm -f "$base.status"; fi
done
echo "expected outputs regenerated"

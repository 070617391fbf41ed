# Sourced by benchmarks/run and benchmarks/run-plain after scripts/find-jdk.sh: builds the
# benchmarks module (and what it depends on) when it was never built or sources changed since,
# then sets bench_target, bench_lib (the launcher's layout, see benchmarks/pom.xml) and bench_jar.
bench_target="$root/benchmarks/target"
bench_lib="$bench_target/lib"

bench_needs_build() {
    [ -f "$bench_target/.bench-built" ] || return 0
    ls "$bench_target"/aio-benchmarks-*.jar >/dev/null 2>&1 || return 0
    [ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src/main -newer "$bench_target/.bench-built" -print -quit 2>/dev/null)" ]
}

if bench_needs_build; then
    echo "benchmarks: building..." >&2
    bench_log=$(mktemp)
    if ! (cd "$root" && mvn -q -B -DskipTests package -pl benchmarks -am >"$bench_log" 2>&1); then
        cat "$bench_log" >&2
        rm -f "$bench_log"
        echo "benchmarks: build failed" >&2
        exit 1
    fi
    rm -f "$bench_log"
    touch "$bench_target/.bench-built"
fi
bench_jar=$(ls "$bench_target"/aio-benchmarks-*.jar | head -n 1)

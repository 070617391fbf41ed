# Sourced by ./aio and benchmarks/run*, after scripts/find-jdk.sh and with $root set:
#   aio_build_if_needed TARGET NAME MAVEN_ARGS...
# runs `mvn -q -B -DskipTests MAVEN_ARGS...` when TARGET (a module's target/) was never built this
# way, or a pom or a main source changed since. One build at a time, even when several commands
# start together; TARGET/lib is copied anew (a jar left there by an older build would load twice).
aio_build_stale() {
    [ ! -f "$1/.built" ] || [ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src/main -newer "$1/.built" -print -quit 2>/dev/null)" ]
}

aio_build_if_needed() {
    local target=$1
    aio_build_stale "$target" || return 0
    mkdir -p "$target"
    # The build runs in a session of its own and holds the lock there: a command stopped while it
    # builds (a test harness's timeout, Ctrl-C) leaves the build to finish, and the next command
    # waits for that build instead of starting it over (a fresh clone's first build can take longer
    # than a harness gives one run).
    setsid bash -c "$(declare -f aio_build_stale aio_locked_build)"'; root=$1; shift; aio_locked_build "$@" 9>"$1/.build.lock"' \
        aio-build "$root" "$@" </dev/null &
    wait $!
}

aio_locked_build() {
    local target=$1 name=$2
    shift 2
    flock 9
    aio_build_stale "$target" || exit 0
    echo "$name: building (first use or sources changed)..." >&2
    log=$(mktemp)
    rm -rf "$target/lib"
    if ! (cd "$root" && mvn -q -B -DskipTests "$@" >"$log" 2>&1); then
        cat "$log" >&2
        rm -f "$log"
        echo "$name: build failed" >&2
        exit 1
    fi
    rm -f "$log"
    touch "$target/.built"
}

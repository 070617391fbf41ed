# Sourced by ./aio and ./test (so .ci/run), and by bin/aio of the distribution (as lib/find-jdk.sh):
# selects a JDK 21+ for building and running aio, and the JVM options aio runs with (AIO_JVM_OPTS,
# and AIO_LAUNCH from aio_launch: where its jars go, and the JIT compiler).
# Order: $JAVA_HOME if new enough, the newest suitable JDK under /usr/lib/jvm, then `java` on PATH.
# A caller that only runs aio sets AIO_JDK_RUNTIME_ONLY=1: then a Java runtime without javac will do.

aio_java_major() {
    # Sets aio_major to the feature version of the JDK whose java binary is $1 (e.g. 25), or to
    # nothing. The JDK's release file answers without starting a JVM, read by the shell itself (a
    # process started per candidate costs tens of milliseconds on a busy machine, at every run);
    # java itself is asked only when there is none.
    local release=${1%/bin/java}/release line
    aio_major=""
    if [ -f "$release" ]; then
        while IFS= read -r line; do
            case $line in
                JAVA_VERSION=\"*)
                    line=${line#JAVA_VERSION=\"}
                    aio_major=${line%%[!0-9]*}
                    return 0
                    ;;
            esac
        done <"$release"
    else
        aio_major=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1)
    fi
}

aio_find_jdk() {
    local candidate best="" best_major=0 java
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        aio_java_major "$JAVA_HOME/bin/java"
        if [ -n "$aio_major" ] && [ "$aio_major" -ge 21 ]; then
            best="$JAVA_HOME"
            best_major=$aio_major
        fi
    fi
    if [ -z "$best" ]; then
        for candidate in /usr/lib/jvm/*; do
            [ -x "$candidate/bin/java" ] || continue
            [ "${AIO_JDK_RUNTIME_ONLY:-0}" = 1 ] || [ -x "$candidate/bin/javac" ] || continue
            aio_java_major "$candidate/bin/java"
            if [ -n "$aio_major" ] && [ "$aio_major" -ge 21 ] && [ "$aio_major" -gt "$best_major" ]; then
                best="$candidate"
                best_major=$aio_major
            fi
        done
    fi
    if [ -z "$best" ] && java=$(command -v java); then
        candidate=$(readlink -f "$java")
        candidate=${candidate%/bin/java}
        aio_java_major "$candidate/bin/java"
        if [ -n "$aio_major" ] && [ "$aio_major" -ge 21 ]; then
            best="$candidate"
            best_major=$aio_major
        fi
    fi
    if [ -z "$best" ]; then
        echo "aio needs JDK 21 or newer; install one (e.g. Temurin 21+) or set JAVA_HOME" >&2
        exit 1
    fi
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
    AIO_JAVA_MAJOR=$best_major
    AIO_JVM_OPTS=(-Dpolyglot.engine.WarnInterpreterOnly=false -XX:+UseSerialGC -XX:MetaspaceSize=256m)
    # JDK 24+ warns about sun.misc.Unsafe, which Maven and Truffle still use.
    if [ "$best_major" -ge 24 ]; then
        AIO_JVM_OPTS+=(--sun-misc-unsafe-memory-access=allow)
        case " ${MAVEN_OPTS:-} " in
            *"--sun-misc-unsafe-memory-access"*) ;;
            *) export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow" ;;
        esac
    fi
}

aio_has_jvmci() {
    # The JDK's release file lists its modules; without one, Truffle itself finds out (and aio says so).
    local release="$JAVA_HOME/release" modules
    [ -f "$release" ] || return 0
    read -r -d '' modules <"$release" || true
    case $modules in
        *jdk.internal.vm.ci*) return 0 ;;
        *) return 1 ;;
    esac
}

aio_launch() {
    # Sets AIO_LAUNCH, the java options that put aio's jars in place. $1: the lib directory (its
    # *.jar, truffle/ GraalVM's modules, jvmci/ the Graal compiler); $2: a jar of aio's elsewhere
    # (the benchmarks'); $3: where to keep a class cache written for this machine. The Truffle
    # runtime JIT-compiles aio code only with the Graal compiler on the upgrade module path, JVMCI
    # on and GraalVM's jars on the module path; AIO_JIT=off runs without it, every jar on the class
    # path, where the JDK can use a class cache written elsewhere (lib/aio.aot, written by the
    # build). The launcher learns the choice from -Daio.jit, to explain once why a run has no JIT.
    local lib=$1 compiler
    compiler=("$lib"/jvmci/compiler-*.jar)
    [ -f "${compiler[0]}" ] && compiler=${compiler[0]} || compiler=""
    case "${AIO_JIT:-on}" in
        off | 0 | false | no)
            AIO_LAUNCH=(-Daio.jit=off)
            aio_class_path "$lib" "${2:-}"
            aio_class_cache "$lib" "${3:-}" "${2:-}"
            return 0
            ;;
    esac
    AIO_LAUNCH=(--module-path "$lib/truffle" --add-modules ALL-MODULE-PATH --enable-native-access=org.graalvm.truffle,ALL-UNNAMED -cp "${2:+$2:}$lib/*")
    if [ -z "$compiler" ]; then
        AIO_LAUNCH+=("-Daio.jit=unavailable: the Graal compiler is missing from $lib/jvmci")
    elif ! aio_has_jvmci; then
        AIO_LAUNCH+=("-Daio.jit=unavailable: the Java runtime in $JAVA_HOME has no JVMCI")
    else
        AIO_LAUNCH+=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path "$compiler" -Daio.jit=on)
    fi
}

aio_class_path() {
    # Without the JIT: every jar on the class path, named one by one in a fixed order (a class
    # cache records the class path; "lib/*" would follow the directory's order). The JDK accepts a
    # cache for a class path moved elsewhere as a whole, never for a module path moved.
    local lib=$1 cp=${2:-} jar
    for jar in "$lib"/*.jar "$lib"/truffle/*.jar; do
        [ -f "$jar" ] && cp="${cp:+$cp:}$jar"
    done
    AIO_LAUNCH+=(--enable-native-access=ALL-UNNAMED -cp "$cp")
}

aio_jdk_key() {
    # What a class cache depends on in the JDK: its build, and its modules image.
    { grep -E '^(IMPLEMENTOR|JAVA_RUNTIME_VERSION)=' "$JAVA_HOME/release" 2>/dev/null; stat -c '%s %Y' "$JAVA_HOME/lib/modules" 2>/dev/null; } | md5sum | cut -c1-16
}

aio_write_class_cache() {
    # Run by the build (launcher/pom.xml): writes lib/aio.aot, the JDK 25+ AOT cache of the classes
    # aio loads and links while it runs $AIO_CACHE_TRAINING (JEP 483, 514), and lib/aio.aot.jdk, the
    # key of the JDK it belongs to. $1: lib. On an older JDK it writes nothing.
    local lib=$1 program
    rm -f "$lib/aio.aot" "$lib/aio.aot.jdk"
    [ "$AIO_JAVA_MAJOR" -ge 25 ] || return 0
    AIO_LAUNCH=(-Daio.jit=off)
    aio_class_path "$lib"
    program=$(mktemp -d)
    printf '%s' "$AIO_CACHE_TRAINING" >"$program/train.py"
    if "$JAVA_HOME/bin/java" "${AIO_JVM_OPTS[@]}" "${AIO_LAUNCH[@]}" -XX:AOTCacheOutput="$lib/aio.aot" -Xlog:aot*=off -Xlog:cds*=off \
        dev.aio.launcher.AioMain run "$program/train.py" >"$program/log" 2>&1 && [ -s "$lib/aio.aot" ]; then
        aio_jdk_key >"$lib/aio.aot.jdk"
        rm -rf "$program"
    else
        cat "$program/log" >&2
        rm -rf "$program" "$lib/aio.aot"
        return 1
    fi
}

aio_class_cache() {
    # Without the JIT, a JDK 25+ AOT cache of aio's loaded and linked classes (JEP 483, 514) makes
    # start-up several times faster. (The JIT's upgrade module path turns every class cache off.)
    # The build writes one into lib (aio_write_class_cache), used when it is for this JDK. Else a
    # cache keyed by the JDK and the jars, so one that does not match is never used; its name
    # starts with the installation's own key (its lib folder), so installations sharing a folder
    # (~/.cache/aio) keep each its own. When there is none, a background job writes it (the JVM
    # prints while it trains, so not in the user's run), one job at a time, and removes its
    # installation's stale predecessors and what killed jobs left. $1: lib; $2: the cache's
    # folder; $3: a jar of aio's not in lib.
    local lib=$1 dir=$2 install key cache
    [ "$AIO_JAVA_MAJOR" -ge 25 ] || return 0
    if [ -s "$lib/aio.aot" ] && [ -z "${3:-}" ] && [ "$(cat "$lib/aio.aot.jdk" 2>/dev/null)" = "$(aio_jdk_key)" ]; then
        AIO_LAUNCH+=(-XX:AOTCache="$lib/aio.aot" -Xlog:aot*=off -Xlog:cds*=off)
        return 0
    fi
    [ -n "$dir" ] || return 0
    mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ] || return 0
    install=$(cd "$lib" && pwd -P | md5sum | cut -c1-8)
    key=$({ echo "$JAVA_HOME"; head -n 3 "$JAVA_HOME/release" 2>/dev/null; stat -c '%n %s %Y' "$lib"/*.jar "$lib"/truffle/*.jar ${3:+"$3"}; } | md5sum | cut -c1-16)
    cache="$dir/aio-$install-$key.aot"
    if [ -s "$cache" ]; then
        AIO_LAUNCH+=(-XX:AOTCache="$cache" -Xlog:aot*=off -Xlog:cds*=off)
        return 0
    fi
    (
        flock -n 9 || exit 0
        [ ! -s "$cache" ] || exit 0
        # Holding the lock, no other job runs: temporary files here are what killed jobs left.
        find "$dir" -maxdepth 1 -name 'aio-*.aot.*' -delete
        trap 'rm -f "$cache.$$" "$cache.$$.config"' EXIT
        if "$JAVA_HOME/bin/java" "${AIO_JVM_OPTS[@]}" "${AIO_LAUNCH[@]}" -XX:AOTCacheOutput="$cache.$$" -Xlog:aot*=off -Xlog:cds*=off \
            dev.aio.launcher.AioMain run --virtual-time -c "$AIO_CACHE_TRAINING" && [ -s "$cache.$$" ]; then
            # Its installation's older caches, and those of aio versions that named them by key alone.
            find "$dir" -maxdepth 1 \( -name "aio-$install-*.aot" -o -name 'aio-????????????????.aot' \) -delete
            mv -f "$cache.$$" "$cache"
        fi
    ) 9>"$dir/.aio-aot.lock" </dev/null >/dev/null 2>&1 &
}

# What the class cache is trained on: start-up, the parser, and asyncio's common paths.
AIO_CACHE_TRAINING='
import asyncio

class Item:
    def __init__(self, n):
        self.n = n

async def produce(queue, n):
    await asyncio.sleep(0.01 * n)
    await queue.put(Item(n))

async def main():
    queue = asyncio.Queue()
    await asyncio.gather(*(produce(queue, n) for n in range(3)))
    task = asyncio.create_task(asyncio.sleep(1))
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    items = sorted(queue.get_nowait().n for _ in range(3))
    print(f"{items!r} {len(items):>3}", {"done": True})

asyncio.run(main())
'

# The client's JVM: it runs a few plain JDK classes for a fraction of a second.
AIO_CLIENT_OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)

aio_daemon_client() {
    # `aio run` through aio's daemon, a JVM kept warm between runs (docs/running.md), unless
    # AIO_DAEMON=off: a small JVM of plain JDK classes (dev.aio.launcher.daemon.DaemonClient)
    # hands the run over, in place of this shell; it also answers `aio daemon status|stop`, with
    # the daemon on or off. Any other command, or AIO_DAEMON=off: returns.
    # $1: the lib directory; then aio's arguments. The daemon runs with the options chosen above.
    # The client starts from its own class cache, lib/aio-client.aot, when the build wrote one
    # (one for another JDK is ignored by the JVM, silently with these -Xlog options).
    local lib=$1 options launcher cache=()
    shift
    case "${1:-}" in
        daemon) ;;
        "" | test | check | repl) return 0 ;;
        # aio run, and CPython's shapes that mean it (aio FILE, aio -c CODE...: the client tells a
        # FILE from a word that is none, dev.aio.launcher.PythonCommandLine).
        run | -c | -m | -u | - | [!-]*)
            case "${AIO_DAEMON:-on}" in
                off | 0 | false | no) return 0 ;;
            esac ;;
        *) return 0 ;;
    esac
    # Options the daemon cannot honour (DaemonClient.needsOwnProcess says why) run in this
    # process's JVM, without a client in between: --dump-tasks-on's signal is for the pid the user
    # sees. (Such a word among the program's own arguments only costs it the daemon.)
    case " $* " in
        *" --no-daemon "* | *" --inspect"* | *" --cpusampler"* | *" --dump-tasks-on"*) return 0 ;;
    esac
    launcher=("$lib"/aio-launcher-*.jar)
    [ -f "${launcher[0]}" ] || return 0
    [ ! -s "$lib/aio-client.aot" ] || [ "$AIO_JAVA_MAJOR" -lt 25 ] || cache=(-XX:AOTCache="$lib/aio-client.aot" -Xlog:aot*=off -Xlog:cds*=off)
    options=("${AIO_JVM_OPTS[@]}" "${AIO_LAUNCH[@]}" ${AIO_JAVA_OPTS:-})
    exec "$JAVA_HOME/bin/java" "${AIO_CLIENT_OPTS[@]}" "${cache[@]}" ${AIO_EXECUTABLE:+"-Daio.executable=$AIO_EXECUTABLE"} -cp "${launcher[0]}" \
        dev.aio.launcher.daemon.DaemonClient "$lib" "${#options[@]}" "${options[@]}" "$@"
}

aio_write_client_cache() {
    # Run by the build after aio_write_class_cache: writes lib/aio-client.aot, the JDK 25+ AOT
    # cache of the daemon's client, trained on a first run (it starts a daemon, without the JIT,
    # in a private folder of its own, and hands it a program); the daemon leaves when its folder
    # goes. $1: lib. On an older JDK it writes nothing.
    local lib=$1 dir launcher options
    rm -f "$lib/aio-client.aot"
    [ "$AIO_JAVA_MAJOR" -ge 25 ] || return 0
    launcher=("$lib"/aio-launcher-*.jar)
    AIO_LAUNCH=(-Daio.jit=off)
    aio_class_path "$lib"
    options=("${AIO_JVM_OPTS[@]}" "${AIO_LAUNCH[@]}")
    dir=$(mktemp -d)
    printf 'print("trained")\n' >"$dir/train.py"
    if XDG_RUNTIME_DIR=$dir "$JAVA_HOME/bin/java" "${AIO_CLIENT_OPTS[@]}" -XX:AOTCacheOutput="$lib/aio-client.aot" -Xlog:aot*=off -Xlog:cds*=off \
        -cp "${launcher[0]}" dev.aio.launcher.daemon.DaemonClient "$lib" "${#options[@]}" "${options[@]}" run "$dir/train.py" >"$dir/log" 2>&1 &&
        [ "$(head -n 1 "$dir/log")" = trained ] && [ -s "$lib/aio-client.aot" ]; then
        rm -rf "$dir"
    else
        cat "$dir/log" >&2
        rm -rf "$dir" "$lib/aio-client.aot"
        return 1
    fi
}

aio_exec() {
    # Runs java with the options chosen above and $AIO_JAVA_OPTS, in place of this shell; the aio
    # command's own path ($AIO_EXECUTABLE, set by it) becomes the program's sys.executable.
    exec "$JAVA_HOME/bin/java" "${AIO_JVM_OPTS[@]}" "${AIO_LAUNCH[@]}" ${AIO_JAVA_OPTS:-} ${AIO_EXECUTABLE:+"-Daio.executable=$AIO_EXECUTABLE"} "$@"
}

aio_find_jdk

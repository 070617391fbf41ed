package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.nodes.Node;

import dev.aio.AioLanguage;

/**
 * How many aio frames one thread has running: CPython's {@code tstate->recursion_remaining}
 * (ceval.c, {@code _Py_EnterRecursiveCallTstate}). Every call of an aio function, class body or
 * module and every resumption of a generator or coroutine body enters one level; past the
 * context's {@code sys.setrecursionlimit} (1000 by default) the call raises RecursionError
 * before its frame runs, as CPython does, so a runaway recursion ends after a thousand frames
 * instead of filling the 64 MB interpreter stack. As in CPython, a builtin's call and the repr or
 * str of a user object are levels too, named in the message when they are the one past the limit.
 */
public final class CallDepth {
    /** CPython's default for {@code sys.getrecursionlimit()}. */
    public static final int DEFAULT_LIMIT = 1000;

    private final RecursionLimit limit;
    /**
     * Levels left before the limit, CPython 3.11's {@code recursion_remaining}: a call decrements it
     * and checks for a negative value, one field of this object, where a depth compared with the
     * limit would read the shared limit (a volatile field) at every call too.
     * {@link RecursionLimit#set} moves it in every thread of the context.
     */
    private int remaining;

    public CallDepth(RecursionLimit limit) {
        this.limit = limit;
        this.remaining = limit.register(this);
    }

    /** The calling thread's depth in the context of {@code node} (null: the current one). */
    public static CallDepth current(Node node) {
        return AioLanguage.get(node).callDepth();
    }

    /** What CPython's message adds when a builtin's call, a repr or a str is the level that overflowed. */
    public static final String CALLING = " while calling a Python object";
    public static final String GETTING_REPR = " while getting the repr of an object";
    public static final String GETTING_STR = " while getting the str of an object";

    /** Before a frame runs: one level deeper, or RecursionError past the limit (the level is not taken). */
    public void enter() {
        enter("");
    }

    /** One level for a builtin's work that may call back into aio code; {@code where} completes the message. */
    public void enter(String where) {
        if (--remaining < 0) {
            remaining++;
            throw recursionError(where);
        }
    }

    /**
     * {@code levels} at once, for the frames of CPython's asyncio written in Python where aio runs
     * Java (the event loop's {@code _run_once} and {@code Handle._run} under each callback, for one),
     * so that aio code under them is as deep as in CPython; RecursionError past the limit.
     */
    public void enterMachinery(int levels) {
        if (remaining < levels) {
            throw recursionError("");
        }
        remaining -= levels;
    }

    public void exitMachinery(int levels) {
        remaining += levels;
    }

    /** {@code sys.setrecursionlimit}: the limit moved by {@code change} levels. */
    void limitChanged(int change) {
        remaining += change;
    }

    private static AioException recursionError(String where) {
        CompilerDirectives.transferToInterpreter();
        return PyErrors.raise(BuiltinTypes.RECURSION_ERROR, "maximum recursion depth exceeded" + where);
    }

    /** After the frame entered returned, raised or suspended. */
    public void exit() {
        remaining++;
    }

    /** {@code target.call(arguments)} as one level: for calls made outside an aio call operation. */
    public static Object call(RootCallTarget target, Object... arguments) {
        CallDepth depth = current(null);
        depth.enter();
        try {
            return target.call(arguments);
        } finally {
            depth.exit();
        }
    }

    public int depth() {
        return limit.get() - remaining;
    }
}

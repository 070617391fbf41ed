package dev.aio.compiler;

import com.oracle.truffle.api.bytecode.BytecodeLocal;

import dev.aio.ast.Pos;
import dev.aio.asyncio.AwaitSignal;
import dev.aio.nodes.AioRootNodeGen;

/**
 * How {@code await} compiles (also the awaits of {@code async with}, {@code async for} and
 * asynchronous comprehensions, and {@code yield from}, which delegates the same way), after
 * CPython's {@code GET_AWAITABLE} / {@code SEND} loop: get the awaitable, step it with
 * {@link AwaitSignal#START}; while it is pending, yield what it yielded up to the task (or whoever
 * resumes this frame) and step it again with what comes back. At run time the steps are the
 * {@code AwaitStart}, {@code AwaitPending} and {@code AwaitYielded} operations of
 * {@link dev.aio.nodes.AioRootNode}; the task's side is {@link dev.aio.asyncio.Task}.
 */
final class AwaitCompiler {
    private final AioRootNodeGen.Builder b;
    private final Scope scope;
    private final boolean isCoroutine;

    AwaitCompiler(AioRootNodeGen.Builder b, Scope scope, boolean isCoroutine) {
        this.b = b;
        this.scope = scope;
        this.isCoroutine = isCoroutine;
    }

    /** {@code await x}, where {@code value} emits {@code x}; produces the result. */
    void await(Pos pos, Runnable value) {
        checkAllowed(pos, "'await'");
        awaitValue(value);
    }

    /** A SyntaxError unless this code is a coroutine's ({@code what}: the construct, as CPython names it). */
    void checkAllowed(Pos pos, String what) {
        if (!isCoroutine) {
            throw new CompileError(pos, scope.kind == Scope.Kind.MODULE && what.equals("'await'") ? "'await' outside function" : what + " outside async function");
        }
    }

    /** Awaits the value {@code awaitable} emits; produces the result. */
    void awaitValue(Runnable awaitable) {
        delegate(() -> {
            b.beginGetAwaitable();
            awaitable.run();
            b.endGetAwaitable();
        });
    }

    /** {@link #awaitValue} when {@code async} (the {@code async} form of a statement), else just the value. */
    void awaitIf(boolean async, Runnable value) {
        if (async) {
            awaitValue(value);
        } else {
            value.run();
        }
    }

    /**
     * Drives what {@code target} emits (an awaitable, or a {@code yield from} delegation) to the end:
     * each value it yields goes up to whoever resumes this frame, and what they send back goes down.
     * One local holds the awaitable once it suspended, then its result ({@code AwaitStart},
     * {@code AwaitPending}).
     */
    void delegate(Runnable targetValue) {
        BytecodeLocal target = b.createLocal();
        b.beginBlock();
        b.beginIfThen();
        b.beginAwaitStart(target);
        targetValue.run();
        b.endAwaitStart();
        b.beginWhile();
        b.beginAwaitPending(target);
        b.beginYield();
        b.beginAwaitYielded();
        b.emitLoadLocal(target);
        b.endAwaitYielded();
        b.endYield();
        b.endAwaitPending();
        b.beginBlock();
        b.endBlock();
        b.endWhile();
        b.endIfThen();
        b.emitLoadLocal(target);
        b.endBlock();
    }
}

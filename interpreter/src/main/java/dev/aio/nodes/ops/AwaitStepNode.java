package dev.aio.nodes.ops;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

import dev.aio.runtime.AioException;
import dev.aio.runtime.CallDepth;
import dev.aio.runtime.PyCoroutine;

/**
 * One step of an {@code await} (CPython's {@code SEND}): the result, or {@code AwaitSignal.PENDING}
 * when the awaitable suspended. A coroutine's body is resumed here, {@link PyCoroutine#step} with
 * the continuation called through the site's own call node, so compiled code can inline a body
 * that runs to its end; an awaitable of one Java class per site (a builtin coroutine, a future)
 * has its step called on the exact class, so that it can be inlined too.
 */
@GenerateInline(false)
public abstract class AwaitStepNode extends Node {
    public abstract Object execute(Object awaitable, Object sent);

    @Specialization
    static Object doCoroutine(PyCoroutine coroutine, Object sent,
                    @Bind Node node,
                    @Cached ContinuationCallNode resume) {
        Object value = PyCoroutine.sendable(sent);
        ContinuationResult continuation = coroutine.enterStep(value);
        CallDepth depth = CallDepth.current(node);
        depth.enter();
        Object returned;
        try {
            returned = resume.execute(continuation, value);
        } catch (AioException e) {
            throw coroutine.stepRaisedInBody(e);
        } finally {
            depth.exit();
            coroutine.leftStep();
        }
        return coroutine.stepReturned(returned);
    }

    @Specialization(guards = "awaitable.getClass() == cachedClass", limit = "2")
    static Object doExactClass(Object awaitable, Object sent,
                    @Cached("awaitable.getClass()") Class<?> cachedClass) {
        return AsyncOps.step(CompilerDirectives.castExact(awaitable, cachedClass), sent);
    }

    @Specialization(replaces = "doExactClass")
    static Object doStep(Object awaitable, Object sent) {
        return AsyncOps.step(awaitable, sent);
    }
}

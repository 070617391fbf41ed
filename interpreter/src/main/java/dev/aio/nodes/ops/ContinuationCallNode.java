package dev.aio.nodes.ops;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

/**
 * Resumes a suspended body ({@link ContinuationResult#continueWith}'s work) with an inline cache on
 * the continuation's root: a site that always resumes the same suspension point (the start of one
 * {@code async def}'s body, for {@code await f()}) calls it through a {@link DirectCallNode}, which
 * Graal can inline, instead of the indirect call {@code continueWith} makes.
 */
@GenerateInline(false)
public abstract class ContinuationCallNode extends Node {
    public abstract Object execute(ContinuationResult continuation, Object sent);

    @Specialization(guards = "continuation.getContinuationCallTarget() == target", limit = "3")
    static Object doDirect(ContinuationResult continuation, Object sent,
                    @Cached("continuation.getContinuationCallTarget()") RootCallTarget target,
                    @Cached("create(target)") DirectCallNode call) {
        return call.call(continuation.getFrame(), sent);
    }

    @Specialization(replaces = "doDirect")
    static Object doIndirect(ContinuationResult continuation, Object sent,
                    @Cached IndirectCallNode call) {
        return call.call(continuation.getContinuationCallTarget(), continuation.getFrame(), sent);
    }
}

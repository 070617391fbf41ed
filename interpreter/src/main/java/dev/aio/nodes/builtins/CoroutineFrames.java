package dev.aio.nodes.builtins;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleStackTraceElement;
import com.oracle.truffle.api.bytecode.ContinuationRootNode;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * The coroutines a builtin (the one running the event loop) is resuming, as tools' asynchronous
 * stack frames. A resumed coroutine runs in a frame of the Bytecode DSL's continuation root, which
 * Truffle 25.0's tools do not attribute (it has no source section): the CPU sampler would charge
 * all the time of the tasks' steps to the module that called {@code asyncio.run}. Named by their
 * own roots, the coroutines get it.
 */
final class CoroutineFrames {
    private CoroutineFrames() {
    }

    /**
     * The continuation frames between the top of the stack and the frame of {@code driver},
     * innermost first, those above an ordinary aio frame left out (their place would be wrong).
     * Only tools ask, on their slow path.
     */
    @TruffleBoundary
    static List<TruffleStackTraceElement> resumedBy(CallTarget driver) {
        List<TruffleStackTraceElement> frames = new ArrayList<>();
        Boolean found = Truffle.getRuntime().iterateFrames(frame -> {
            CallTarget target = frame.getCallTarget();
            if (target == driver) {
                return Boolean.TRUE;
            }
            if (target instanceof RootCallTarget rootTarget) {
                RootNode root = rootTarget.getRootNode();
                if (root instanceof ContinuationRootNode continuation) {
                    if (continuation.getSourceRootNode() instanceof RootNode source) {
                        frames.add(TruffleStackTraceElement.create(null, source.getCallTarget(), null));
                    }
                } else if (!root.isInternal()) {
                    frames.clear();
                }
            }
            return null;
        });
        return found == null ? List.of() : frames;
    }
}

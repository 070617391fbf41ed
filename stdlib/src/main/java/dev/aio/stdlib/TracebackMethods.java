package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.nodes.ops.CallSite;
import dev.aio.runtime.PyCode;
import dev.aio.runtime.PyFrame;
import dev.aio.runtime.PyTraceback;

/** A traceback object's {@code tb_frame}, {@code tb_lineno} and {@code tb_next} (CPython's Python/traceback.c). */
public final class TracebackMethods {
    private TracebackMethods() {
    }

    static void install() {
        PyTraceback.TYPE.defineBuiltins(TracebackMethodsFactory.getFactories());
    }

    /** The frame, as a snapshot without its callers (aio keeps only the traceback's own frames). */
    @Builtin(name = "tb_frame", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class FrameNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFrame(PyTraceback self) {
            PyCode code = self.entry().root().getCode();
            return new PyFrame(code, self.line(), CallSite.moduleOfFile(code.fileName()), null);
        }
    }

    @Builtin(name = "tb_lineno", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class LineNode extends BuiltinNode {
        @Specialization
        static long doLine(PyTraceback self) {
            return self.line();
        }
    }

    @Builtin(name = "tb_next", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class NextNode extends BuiltinNode {
        @Specialization
        static Object doNext(PyTraceback self) {
            return self.next();
        }
    }
}

package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyFrame;
import dev.aio.runtime.PyNone;

/** What a frame object tells: its code, line, globals and caller (CPython's Objects/frameobject.c). */
public final class FrameMethods {
    private FrameMethods() {
    }

    static void install() {
        BuiltinTypes.FRAME.defineBuiltins(FrameMethodsFactory.getFactories());
    }

    @Builtin(name = "f_code", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class CodeNode extends BuiltinNode {
        @Specialization
        static Object doCode(PyFrame self) {
            return self.code();
        }
    }

    @Builtin(name = "f_lineno", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class LineNode extends BuiltinNode {
        @Specialization
        static long doLine(PyFrame self) {
            return self.line();
        }
    }

    /** The module namespace the frame's code runs in (an empty dict when aio does not know it). */
    @Builtin(name = "f_globals", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class GlobalsNode extends BuiltinNode {
        @Specialization
        static Object doGlobals(PyFrame self) {
            return self.globals() == null ? new PyDict() : self.globals().namespace();
        }
    }

    @Builtin(name = "f_builtins", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class BuiltinsNode extends BuiltinNode {
        @Specialization
        Object doBuiltins(@SuppressWarnings("unused") PyFrame self) {
            return AioContext.get(this).getBuiltins().namespace();
        }
    }

    @Builtin(name = "f_back", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class BackNode extends BuiltinNode {
        @Specialization
        static Object doBack(PyFrame self) {
            return self.back() == null ? PyNone.NONE : self.back();
        }
    }

    /** {@code frame.clear()}: CPython drops the frame's locals; an aio frame is a snapshot that holds none. */
    @Builtin(name = "clear", params = {"self"})
    @GenerateNodeFactory
    abstract static class ClearNode extends BuiltinNode {
        @Specialization
        static Object doClear(@SuppressWarnings("unused") PyFrame self) {
            return PyNone.NONE;
        }
    }
}

package dev.aio.stdlib;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyMemoryView;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/** Methods of {@code memoryview} over bytes and bytearray (format 'B', one dimension). */
public final class MemoryViewMethods {
    private MemoryViewMethods() {
    }

    /** Installs these on memoryview. */
    static void install() {
        BuiltinTypes.MEMORYVIEW.defineBuiltins(MemoryViewMethodsFactory.getFactories());
    }

    @Builtin(name = "memoryview", constructor = true, params = {"cls", "object"})
    @GenerateNodeFactory
    abstract static class MemoryViewNode extends BuiltinNode {
        @Specialization
        static Object doMemoryView(Object cls, Object object) {
            if (object instanceof PyBytesLike b) {
                return new PyMemoryView(b, 0, b.length());
            }
            if (object instanceof PyMemoryView m) {
                return new PyMemoryView(m.source(), m.start(), m.length());
            }
            throw PyErrors.typeError("memoryview: a bytes-like object is required, not '" + PyOps.typeName(object) + "'");
        }
    }

    @Builtin(name = "tobytes", params = {"self"})
    @GenerateNodeFactory
    abstract static class ToBytesNode extends BuiltinNode {
        @Specialization
        static Object doToBytes(PyMemoryView self) {
            return new PyBytes(self.toArray());
        }
    }

    @Builtin(name = "tolist", params = {"self"})
    @GenerateNodeFactory
    abstract static class ToListNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doToList(PyMemoryView self) {
            List<Object> items = new ArrayList<>();
            for (byte b : self.toArray()) {
                items.add((long) (b & 0xff));
            }
            return new PyList(items);
        }
    }

    @Builtin(name = "hex", params = {"self", "sep", "bytes_per_sep"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class HexNode extends BuiltinNode {
        @Specialization
        static Object doHex(PyMemoryView self, Object sep, Object bytesPerSep) {
            return BytesMethods.hex(self.toArray(), sep, bytesPerSep);
        }
    }

    /** {@code cast('B')}: a view of the same bytes (views here are all of format 'B'; other formats are not in aio yet). */
    @Builtin(name = "cast", params = {"self", "format", "shape"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class CastNode extends BuiltinNode {
        @Specialization
        static Object doCast(PyMemoryView self, Object format, Object shape) {
            self.checked();
            if (!(format instanceof String f)) {
                throw PyErrors.typeError("memoryview: format argument must be a string");
            }
            if (!f.equals("B") && !f.equals("@B") || Args.given(shape)) {
                throw PyErrors.raise(BuiltinTypes.NOT_IMPLEMENTED_ERROR, "aio's memoryview casts only to format 'B' without a shape yet");
            }
            return new PyMemoryView(self.source(), self.start(), self.length());
        }
    }

    @Builtin(name = "release", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReleaseNode extends BuiltinNode {
        @Specialization
        static Object doRelease(PyMemoryView self) {
            self.release();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__enter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class EnterNode extends BuiltinNode {
        @Specialization
        static Object doEnter(PyMemoryView self) {
            return self.checked();
        }
    }

    @Builtin(name = "__exit__", params = {"self", "exc_type", "exc", "tb"})
    @GenerateNodeFactory
    abstract static class ExitNode extends BuiltinNode {
        @Specialization
        static Object doExit(PyMemoryView self, Object type, Object exc, Object tb) {
            self.release();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "nbytes", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class NBytesNode extends BuiltinNode {
        @Specialization
        static Object doNBytes(PyMemoryView self) {
            return (long) self.length();
        }
    }

    @Builtin(name = "readonly", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ReadOnlyNode extends BuiltinNode {
        @Specialization
        static Object doReadOnly(PyMemoryView self) {
            return self.isReadOnly();
        }
    }

    @Builtin(name = "obj", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ObjNode extends BuiltinNode {
        @Specialization
        static Object doObj(PyMemoryView self) {
            return self.source();
        }
    }

    @Builtin(name = "format", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class FormatNode extends BuiltinNode {
        @Specialization
        static Object doFormat(PyMemoryView self) {
            self.checked();
            return "B";
        }
    }

    @Builtin(name = "itemsize", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ItemSizeNode extends BuiltinNode {
        @Specialization
        static Object doItemSize(PyMemoryView self) {
            self.checked();
            return 1L;
        }
    }

    /** Views here are one-dimensional (format 'B'). */
    @Builtin(name = "ndim", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class NdimNode extends BuiltinNode {
        @Specialization
        static Object doNdim(PyMemoryView self) {
            self.checked();
            return 1L;
        }
    }
}

package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyByteArray;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/** The methods only {@code bytearray} has: those that change it in place. */
public final class ByteArrayMethods {
    private ByteArrayMethods() {
    }

    /** Installs these on bytearray. */
    static void install() {
        BuiltinTypes.BYTEARRAY.defineBuiltins(ByteArrayMethodsFactory.getFactories());
    }

    @Builtin(name = "bytearray", constructor = true, params = {"cls", "source", "encoding", "errors"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class ByteArrayNode extends BuiltinNode {
        @Specialization
        static Object doByteArray(Object cls, Object source, Object encoding, Object errors) {
            return new PyByteArray(BytesMethods.content(source, encoding, errors, "bytearray"));
        }
    }

    /**
     * {@code bytearray.__init__(source, encoding, errors)}: replaces the content with what
     * {@code bytearray(...)} makes of the arguments; what fills an instance of a subclass
     * ({@code super().__init__(data)}).
     */
    @Builtin(name = "__init__", params = {"self", "source", "encoding", "errors"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doInit(PyByteArray self, Object source, Object encoding, Object errors) {
            self.setContent(BytesMethods.content(source, encoding, errors, "bytearray"));
            return PyNone.NONE;
        }
    }

    /** {@code bytearray.__repr__}: what {@code super().__repr__()} in a subclass reaches ({@code Buffer(b'ab')}, the class's name as CPython's). */
    @Builtin(name = "__repr__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReprNode extends BuiltinNode {
        @Specialization
        static Object doRepr(PyByteArray self) {
            return self.repr();
        }
    }

    @Builtin(name = "append", params = {"self", "item"})
    @GenerateNodeFactory
    abstract static class AppendNode extends BuiltinNode {
        @Specialization
        static Object doAppend(PyByteArray self, Object item) {
            self.append(new byte[]{(byte) Bytes.byteValue(item, "byte must be in range(0, 256)")});
            return PyNone.NONE;
        }
    }

    @Builtin(name = "extend", params = {"self", "iterable_of_ints"})
    @GenerateNodeFactory
    abstract static class ExtendNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doExtend(PyByteArray self, Object iterable) {
            if (iterable instanceof Long || iterable instanceof Boolean || iterable instanceof Double) {
                throw PyErrors.typeError("can't extend bytearray with " + PyOps.typeName(iterable));
            }
            byte[] more = Bytes.bufferOf(iterable);
            if (more == null) {
                Object[] items = Iteration.toArray(iterable);
                more = new byte[items.length];
                for (int i = 0; i < items.length; i++) {
                    more[i] = (byte) Bytes.byteValue(items[i], "byte must be in range(0, 256)");
                }
            }
            self.append(more);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "insert", params = {"self", "index", "item"})
    @GenerateNodeFactory
    abstract static class InsertNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInsert(PyByteArray self, Object index, Object item) {
            long i = Args.index(index, "index");
            int n = self.length();
            if (i < 0) {
                i = Math.max(0, i + n);
            }
            int at = (int) Math.min(i, n);
            self.replace(at, at, new byte[]{(byte) Bytes.byteValue(item, "byte must be in range(0, 256)")});
            return PyNone.NONE;
        }
    }

    @Builtin(name = "pop", params = {"self", "index"}, required = 1)
    @GenerateNodeFactory
    abstract static class PopNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doPop(PyByteArray self, Object index) {
            if (self.length() == 0) {
                throw PyErrors.indexError("pop from empty bytearray");
            }
            long i = Args.given(index) ? Args.index(index, "index") : -1;
            if (i < 0) {
                i += self.length();
            }
            if (i < 0 || i >= self.length()) {
                throw PyErrors.indexError("pop index out of range");
            }
            long value = self.get((int) i);
            self.replace((int) i, (int) i + 1, new byte[0]);
            return value;
        }
    }

    @Builtin(name = "remove", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class RemoveNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRemove(PyByteArray self, Object value) {
            int v = Bytes.byteValue(value, "byte must be in range(0, 256)");
            for (int i = 0; i < self.length(); i++) {
                if (self.get(i) == v) {
                    self.replace(i, i + 1, new byte[0]);
                    return PyNone.NONE;
                }
            }
            throw PyErrors.valueError("value not found in bytearray");
        }
    }

    @Builtin(name = "clear", params = {"self"})
    @GenerateNodeFactory
    abstract static class ClearNode extends BuiltinNode {
        @Specialization
        static Object doClear(PyByteArray self) {
            self.setContent(new byte[0]);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "reverse", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReverseNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReverse(PyByteArray self) {
            byte[] b = self.toArray();
            for (int i = 0; i < b.length; i++) {
                self.set(i, b[b.length - 1 - i] & 0xff);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "copy", params = {"self"})
    @GenerateNodeFactory
    abstract static class CopyNode extends BuiltinNode {
        @Specialization
        static Object doCopy(PyByteArray self) {
            return new PyByteArray(self.toArray());
        }
    }

    /** {@code bytearray.__reduce__()}: {@code (type(self), (bytes(self),), state)} (CPython's bytearray_reduce_ex for protocol 3 and later). */
    @Builtin(name = "__reduce__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReduceNode extends BuiltinNode {
        @Specialization
        static Object doReduce(PyByteArray self) {
            return PyTuple.of(self.getPyType(), PyTuple.of(new PyBytes(self.toArray())), Reduction.defaultState(self, false));
        }
    }
}

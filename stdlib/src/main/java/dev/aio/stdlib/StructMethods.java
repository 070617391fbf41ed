package dev.aio.stdlib;

import java.math.BigInteger;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.PyByteArray;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyMemoryView;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/**
 * Methods of {@code _struct.Struct} ({@link StructObject}) and the work the module's functions
 * share with them, with the argument checks and messages of CPython's Modules/_struct.c.
 */
public final class StructMethods {
    private StructMethods() {
    }

    /**
     * Installs these on {@code _struct.Struct}, the iterator protocol on {@code _struct.unpack_iterator}
     * and BaseException's constructor on {@code struct.error} (after {@link ExceptionMethods#install}).
     */
    static void install() {
        StructModule.ERROR.setConstructor(BuiltinTypes.BASE_EXCEPTION.getConstructor());
        StructObject.TYPE.defineBuiltins(StructMethodsFactory.getFactories());
        // Struct.__init__ gives the format; until it runs the instance packs the empty format.
        StructObject.TYPE.setSubclassInstances(t -> new StructObject(t, StructModule.compiled("")));
        StructUnpackIterator.TYPE.defineBuiltins(IteratorMethodsFactory.getFactories());
        StructUnpackIterator.TYPE.defineBuiltins(List.of(StructModuleFactory.LengthHintNodeFactory.getInstance()));
    }

    /** s_pack: {@code values[from...]} packed, after CPython's count check. */
    @TruffleBoundary
    static PyBytes pack(StructFormat format, Object[] values, int from) {
        int given = values.length - from;
        if (given != format.length) {
            throw StructFormat.error("pack expected " + format.length + " items for packing (got " + given + ")");
        }
        return new PyBytes(format.pack(values, from));
    }

    /** s_pack_into: {@code args} are the buffer, the offset and the values. */
    @TruffleBoundary
    static Object packInto(StructFormat format, Object[] args, int from) {
        int given = args.length - from;
        if (given != format.length + 2) {
            if (given == 0) {
                throw StructFormat.error("pack_into expected buffer argument");
            } else if (given == 1) {
                throw StructFormat.error("pack_into expected offset argument");
            }
            throw StructFormat.error("pack_into expected " + format.length + " items for packing (got " + (given - 2) + ")");
        }
        Object buffer = args[from];
        byte[] array;
        int base;
        int length;
        if (buffer instanceof PyByteArray b) {
            array = b.array();
            base = 0;
            length = b.length();
        } else if (buffer instanceof PyMemoryView m && !m.isReadOnly()) {
            array = m.source().array();
            base = m.start();
            length = m.length();
        } else {
            throw PyErrors.typeError("argument must be read-write bytes-like object, not " + PyOps.typeName(buffer));
        }
        long offset = offsetArgument(args[from + 1]);
        if (offset < 0) {
            if (offset + format.size > 0) {
                throw StructFormat.error("no space to pack " + format.size + " bytes at offset " + offset);
            }
            if (offset + length < 0) {
                throw StructFormat.error("offset " + offset + " out of range for " + length + "-byte buffer");
            }
            offset += length;
        }
        if (length - offset < format.size) {
            throw StructFormat.error("pack_into requires a buffer of at least " + (format.size + offset) + " bytes for packing " + format.size +
                            " bytes at offset " + offset + " (actual buffer size is " + length + ")");
        }
        // Packed into a copy first, so that a value rejected halfway leaves the buffer as it was.
        byte[] packed = format.pack(args, from + 2);
        System.arraycopy(packed, 0, array, base + (int) offset, packed.length);
        return PyNone.NONE;
    }

    /** An offset as CPython's PyNumber_AsSsize_t with IndexError converts it. */
    private static long offsetArgument(Object offset) {
        if (offset instanceof BigInteger) {
            throw PyErrors.raise(BuiltinTypes.INDEX_ERROR, "cannot fit 'int' into an index-sized integer");
        }
        return Args.index(offset, "offset");
    }

    @TruffleBoundary
    static PyTuple unpack(StructFormat format, Object buffer) {
        byte[] data = Bytes.requireBuffer(buffer);
        if (data.length != format.size) {
            throw StructFormat.error("unpack requires a buffer of " + format.size + " bytes");
        }
        return new PyTuple(format.unpack(data, 0));
    }

    @TruffleBoundary
    static PyTuple unpackFrom(StructFormat format, Object buffer, Object offsetArg) {
        byte[] data = Bytes.requireBuffer(buffer);
        long offset = Args.given(offsetArg) ? offsetArgument(offsetArg) : 0;
        if (offset < 0) {
            if (offset + format.size > 0) {
                throw StructFormat.error("not enough data to unpack " + format.size + " bytes at offset " + offset);
            }
            if (offset + data.length < 0) {
                throw StructFormat.error("offset " + offset + " out of range for " + data.length + "-byte buffer");
            }
            offset += data.length;
        }
        if (data.length - offset < format.size) {
            throw StructFormat.error("unpack_from requires a buffer of at least " + (format.size + offset) + " bytes for unpacking " + format.size +
                            " bytes at offset " + offset + " (actual buffer size is " + data.length + ")");
        }
        return new PyTuple(format.unpack(data, (int) offset));
    }

    @TruffleBoundary
    static StructUnpackIterator iterUnpack(StructFormat format, Object buffer) {
        byte[] data = Bytes.requireBuffer(buffer);
        if (format.size == 0) {
            throw StructFormat.error("cannot iteratively unpack with a struct of length 0");
        }
        if (data.length % format.size != 0) {
            throw StructFormat.error("iterative unpacking requires a buffer of a multiple of " + format.size + " bytes");
        }
        return new StructUnpackIterator(format, data);
    }

    @Builtin(name = "Struct", constructor = true, params = {"cls", "format"}, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, Object format) {
            return new StructObject(StructModule.compiled(format));
        }
    }

    /** {@code Struct.__init__(format)}: compiles the format again; what {@code super().__init__(format)} reaches in a derived class. */
    @Builtin(name = "__init__", params = {"self", "format"}, posOnly = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doInit(StructObject self, Object format) {
            self.format = StructModule.compiled(format);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "pack", params = {"self"}, varargs = "values")
    @GenerateNodeFactory
    abstract static class PackNode extends BuiltinNode {
        @Specialization
        static Object doPack(StructObject self, PyTuple values) {
            return pack(self.format, values.items(), 0);
        }
    }

    @Builtin(name = "pack_into", params = {"self"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class PackIntoNode extends BuiltinNode {
        @Specialization
        static Object doPackInto(StructObject self, PyTuple args) {
            return packInto(self.format, args.items(), 0);
        }
    }

    @Builtin(name = "unpack", params = {"self", "buffer"})
    @GenerateNodeFactory
    abstract static class UnpackNode extends BuiltinNode {
        @Specialization
        static Object doUnpack(StructObject self, Object buffer) {
            return unpack(self.format, buffer);
        }
    }

    @Builtin(name = "unpack_from", params = {"self", "buffer", "offset"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class UnpackFromNode extends BuiltinNode {
        @Specialization
        static Object doUnpackFrom(StructObject self, Object buffer, Object offset) {
            return unpackFrom(self.format, buffer, offset);
        }
    }

    @Builtin(name = "iter_unpack", params = {"self", "buffer"})
    @GenerateNodeFactory
    abstract static class IterUnpackNode extends BuiltinNode {
        @Specialization
        static Object doIterUnpack(StructObject self, Object buffer) {
            return iterUnpack(self.format, buffer);
        }
    }

    @Builtin(name = "format", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class FormatNode extends BuiltinNode {
        @Specialization
        static Object doFormat(StructObject self) {
            return self.format.format;
        }
    }

    @Builtin(name = "size", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class SizeNode extends BuiltinNode {
        @Specialization
        static Object doSize(StructObject self) {
            return self.format.size;
        }
    }
}

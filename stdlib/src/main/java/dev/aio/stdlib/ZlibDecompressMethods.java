package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;

/**
 * Methods of {@code zlib.Decompress} ({@code decompress(data, max_length)}, {@code flush},
 * {@code unused_data}, {@code unconsumed_tail}, {@code eof}), as CPython's zlibmodule.c.
 */
public final class ZlibDecompressMethods {
    private ZlibDecompressMethods() {
    }

    static void install() {
        ZlibDecompressObject.TYPE.defineBuiltins(ZlibDecompressMethodsFactory.getFactories());
    }

    @Builtin(name = "decompress", params = {"self", "data", "max_length"}, required = 2, posOnly = 2)
    @GenerateNodeFactory
    abstract static class DecompressNode extends BuiltinNode {
        @Specialization
        static Object doDecompress(ZlibDecompressObject self, Object data, Object maxLength) {
            long max = ZlibModule.intArg(maxLength, 0);
            if (max < 0) {
                throw PyErrors.valueError("max_length must be non-negative");
            }
            return new PyBytes(self.inflation.inflate(Bytes.requireBuffer(data), max == 0 ? -1 : max));
        }
    }

    /** Inflates the unconsumed tail to the end CPython's {@code Z_FINISH} reaches; an unfinished stream is no error here. */
    @Builtin(name = "flush", params = {"self", "length"}, required = 1)
    @GenerateNodeFactory
    abstract static class FlushNode extends BuiltinNode {
        @Specialization
        static Object doFlush(ZlibDecompressObject self, Object length) {
            if (ZlibModule.intArg(length, ZlibModule.DEF_BUF_SIZE) <= 0) {
                throw PyErrors.valueError("length must be greater than zero");
            }
            return new PyBytes(self.inflation.inflate(self.inflation.unconsumed, -1));
        }
    }

    @Builtin(name = "copy", params = {"self"})
    @GenerateNodeFactory
    abstract static class CopyNode extends BuiltinNode {
        @Specialization
        static Object doCopy(ZlibDecompressObject self) {
            throw PyErrors.raise(BuiltinTypes.NOT_IMPLEMENTED_ERROR, "aio's zlib (the JDK's Inflater) cannot copy a decompression object");
        }
    }

    @Builtin(name = "unused_data", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class UnusedDataNode extends BuiltinNode {
        @Specialization
        static Object doUnused(ZlibDecompressObject self) {
            return new PyBytes(self.inflation.unused);
        }
    }

    @Builtin(name = "unconsumed_tail", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class UnconsumedTailNode extends BuiltinNode {
        @Specialization
        static Object doUnconsumed(ZlibDecompressObject self) {
            return new PyBytes(self.inflation.unconsumed);
        }
    }

    @Builtin(name = "eof", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class EofNode extends BuiltinNode {
        @Specialization
        static Object doEof(ZlibDecompressObject self) {
            return self.inflation.eof();
        }
    }
}

package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;

/** Methods of {@code zlib.Compress}: {@code compress}, {@code flush}, {@code copy}. */
public final class ZlibCompressMethods {
    private ZlibCompressMethods() {
    }

    static void install() {
        ZlibCompressObject.TYPE.defineBuiltins(ZlibCompressMethodsFactory.getFactories());
    }

    @Builtin(name = "compress", params = {"self", "data"})
    @GenerateNodeFactory
    abstract static class CompressNode extends BuiltinNode {
        @Specialization
        static Object doCompress(ZlibCompressObject self, Object data) {
            return new PyBytes(self.deflation.compress(Bytes.requireBuffer(data)));
        }
    }

    @Builtin(name = "flush", params = {"self", "mode"}, required = 1)
    @GenerateNodeFactory
    abstract static class FlushNode extends BuiltinNode {
        @Specialization
        static Object doFlush(ZlibCompressObject self, Object mode) {
            return new PyBytes(self.deflation.flush(ZlibModule.intArg(mode, ZlibDeflation.Z_FINISH)));
        }
    }

    /** The JDK's Deflater cannot be copied (zlib's {@code deflateCopy} is not exposed). */
    @Builtin(name = "copy", params = {"self"})
    @GenerateNodeFactory
    abstract static class CopyNode extends BuiltinNode {
        @Specialization
        static Object doCopy(ZlibCompressObject self) {
            throw PyErrors.raise(BuiltinTypes.NOT_IMPLEMENTED_ERROR, "aio's zlib (the JDK's Deflater) cannot copy a compression object");
        }
    }
}

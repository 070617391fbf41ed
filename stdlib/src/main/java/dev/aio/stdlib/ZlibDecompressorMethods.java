package dev.aio.stdlib;

import java.util.Arrays;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;

/**
 * 3.12's {@code zlib._ZlibDecompressor}, which CPython's {@code gzip} reads with (as bz2's and
 * lzma's decompressors): {@code decompress(data, max_length=-1)} keeps the input it has not used
 * itself; {@code needs_input}, {@code unused_data}, {@code eof}.
 */
public final class ZlibDecompressorMethods {
    private ZlibDecompressorMethods() {
    }

    static void install() {
        ZlibDecompressObject.ZLIB_DECOMPRESSOR.defineBuiltins(ZlibDecompressorMethodsFactory.getFactories());
        // unused_data and eof mean the same on both decompressors.
        ZlibDecompressObject.ZLIB_DECOMPRESSOR.defineBuiltins(List.of(ZlibDecompressMethodsFactory.UnusedDataNodeFactory.getInstance(),
                        ZlibDecompressMethodsFactory.EofNodeFactory.getInstance()));
    }

    @Builtin(name = "_ZlibDecompressor", constructor = true, params = {"cls", "wbits", "zdict"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, Object wbits, Object zdict) {
            long w = ZlibModule.intArg(wbits, ZlibModule.MAX_WBITS);
            ZlibFormat format = ZlibFormat.forDecompression(w);
            if (format == null) {
                throw PyErrors.valueError("Invalid initialization option");
            }
            return new ZlibDecompressObject(ZlibDecompressObject.ZLIB_DECOMPRESSOR, new ZlibInflation(format, w, ZlibModule.dictionary(zdict)));
        }
    }

    /** Decompresses the input held from before and {@code data}, up to {@code max_length} bytes (no limit when negative). */
    @Builtin(name = "decompress", params = {"self", "data", "max_length"}, required = 2)
    @GenerateNodeFactory
    abstract static class DecompressNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doDecompress(ZlibDecompressObject self, Object data, Object maxLength) {
            if (self.inflation.eof()) {
                throw PyErrors.raise(BuiltinTypes.EOF_ERROR, "End of stream already reached");
            }
            long max = ZlibModule.intArg(maxLength, -1);
            byte[] input = Bytes.requireBuffer(data);
            if (self.held.length > 0) {
                byte[] joined = Arrays.copyOf(self.held, self.held.length + input.length);
                System.arraycopy(input, 0, joined, self.held.length, input.length);
                input = joined;
            }
            byte[] out = self.inflation.inflate(input, max);
            self.held = self.inflation.unconsumed;
            // More output may be waiting without new input when the limit was reached.
            self.needsInput = !self.inflation.eof() && self.held.length == 0 && !(max >= 0 && out.length == max);
            return new PyBytes(out);
        }
    }

    @Builtin(name = "needs_input", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class NeedsInputNode extends BuiltinNode {
        @Specialization
        static Object doNeedsInput(ZlibDecompressObject self) {
            return self.needsInput;
        }
    }
}

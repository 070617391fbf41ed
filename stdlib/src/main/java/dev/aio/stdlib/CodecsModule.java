package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.Codecs;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyOps;

/**
 * {@code _codecs}, the part of CPython's C module that {@code codecs.encode}/{@code codecs.decode}
 * are: the text codecs aio has ({@link Codecs}). Pickle's protocols 0-2 write bytes as a call of
 * {@code _codecs.encode}, so that is where these live.
 */
public final class CodecsModule {
    private CodecsModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_codecs");
        m.defineFunctions(context.getLanguage(), CodecsModuleFactory.getFactories());
        return m;
    }

    /** CPython's name of a codec's C function ({@code latin_1_encode}) in its argument errors. */
    private static String functionName(String codec) {
        return codec.replace('-', '_');
    }

    @Builtin(name = "encode", params = {"obj", "encoding", "errors"}, required = 1, posOnly = 0)
    @GenerateNodeFactory
    abstract static class EncodeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doEncode(Object obj, Object encoding, Object errors) {
            String codec = Codecs.codecName(Args.given(encoding) ? Args.string(encoding, "encode() argument 'encoding'") : "utf-8");
            if (!(obj instanceof String s)) {
                throw PyErrors.typeError(functionName(codec) + "_encode() argument 1 must be str, not " + PyOps.typeName(obj));
            }
            return new PyBytes(Codecs.encode(s, codec, Args.given(errors) ? Args.string(errors, "encode() argument 'errors'") : "strict"));
        }
    }

    @Builtin(name = "decode", params = {"obj", "encoding", "errors"}, required = 1, posOnly = 0)
    @GenerateNodeFactory
    abstract static class DecodeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doDecode(Object obj, Object encoding, Object errors) {
            String codec = Codecs.codecName(Args.given(encoding) ? Args.string(encoding, "decode() argument 'encoding'") : "utf-8");
            byte[] b = Bytes.bufferOf(obj);
            if (b == null) {
                throw PyErrors.typeError("a bytes-like object is required, not '" + PyOps.typeName(obj) + "'");
            }
            return Codecs.decode(b, codec, Args.given(errors) ? Args.string(errors, "decode() argument 'errors'") : "strict");
        }
    }
}

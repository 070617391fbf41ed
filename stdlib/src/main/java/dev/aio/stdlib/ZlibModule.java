package dev.aio.stdlib;

import java.io.ByteArrayOutputStream;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyType;

/**
 * The {@code zlib} module (CPython's Modules/zlibmodule.c) on the JDK's {@link java.util.zip}, which
 * is zlib itself: {@code compress}, {@code decompress}, {@code compressobj}, {@code decompressobj},
 * 3.12's {@code _ZlibDecompressor} (CPython's {@code gzip} reads with it), {@code crc32},
 * {@code adler32}, the constants and {@code zlib.error}, with CPython's messages. The version is
 * the JDK's zlib ({@link ZlibVersion}), so compressed bytes are those of that zlib version.
 */
public final class ZlibModule {
    private ZlibModule() {
    }

    static final PyType ERROR = new PyType("error", "zlib", BuiltinTypes.EXCEPTION);

    static final long MAX_WBITS = 15;
    static final long DEF_BUF_SIZE = 16384;

    static PyModule create(AioContext context) {
        ERROR.setConstructor(BuiltinTypes.BASE_EXCEPTION.getConstructor());
        PyModule m = new PyModule("zlib");
        m.put("error", ERROR);
        m.put("Compress", ZlibCompressObject.TYPE);
        m.put("Decompress", ZlibDecompressObject.TYPE);
        m.put("_ZlibDecompressor", ZlibDecompressObject.ZLIB_DECOMPRESSOR);
        m.put("MAX_WBITS", MAX_WBITS);
        m.put("DEFLATED", 8L);
        m.put("DEF_MEM_LEVEL", 8L);
        m.put("DEF_BUF_SIZE", DEF_BUF_SIZE);
        m.put("Z_NO_COMPRESSION", 0L);
        m.put("Z_BEST_SPEED", 1L);
        m.put("Z_BEST_COMPRESSION", 9L);
        m.put("Z_DEFAULT_COMPRESSION", -1L);
        m.put("Z_FILTERED", 1L);
        m.put("Z_HUFFMAN_ONLY", 2L);
        m.put("Z_RLE", 3L);
        m.put("Z_FIXED", 4L);
        m.put("Z_DEFAULT_STRATEGY", 0L);
        m.put("Z_NO_FLUSH", (long) ZlibDeflation.Z_NO_FLUSH);
        m.put("Z_PARTIAL_FLUSH", (long) ZlibDeflation.Z_PARTIAL_FLUSH);
        m.put("Z_SYNC_FLUSH", (long) ZlibDeflation.Z_SYNC_FLUSH);
        m.put("Z_FULL_FLUSH", (long) ZlibDeflation.Z_FULL_FLUSH);
        m.put("Z_FINISH", (long) ZlibDeflation.Z_FINISH);
        m.put("Z_BLOCK", (long) ZlibDeflation.Z_BLOCK);
        m.put("Z_TREES", (long) ZlibDeflation.Z_TREES);
        m.put("ZLIB_VERSION", ZlibVersion.VERSION);
        m.put("ZLIB_RUNTIME_VERSION", ZlibVersion.VERSION);
        m.defineFunctions(context.getLanguage(), ZlibModuleFactory.getFactories());
        return m;
    }

    static long intArg(Object arg, long fallback) {
        return Args.given(arg) ? Args.index(arg, "integer") : fallback;
    }

    @Builtin(name = "compress", params = {"data", "level", "wbits"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class CompressNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCompress(Object data, Object level, Object wbits) {
            byte[] input = Bytes.requireBuffer(data);
            ZlibDeflation deflation = ZlibDeflation.create(intArg(level, -1), 8, intArg(wbits, MAX_WBITS), 8, 0, null);
            if (deflation == null) {
                throw PyErrors.raise(ERROR, "Bad compression level");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(deflation.compress(input));
            out.writeBytes(deflation.flush(ZlibDeflation.Z_FINISH));
            return new PyBytes(out.toByteArray());
        }
    }

    @Builtin(name = "decompress", params = {"data", "wbits", "bufsize"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class DecompressNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doDecompress(Object data, Object wbits, Object bufsize) {
            byte[] input = Bytes.requireBuffer(data);
            long w = intArg(wbits, MAX_WBITS);
            if (intArg(bufsize, DEF_BUF_SIZE) < 0) {
                throw PyErrors.valueError("bufsize must be non-negative");
            }
            ZlibFormat format = ZlibFormat.forDecompression(w);
            if (format == null) {
                throw PyErrors.raise(ERROR, "Error -2 while preparing to decompress data: inconsistent stream state");
            }
            ZlibInflation inflation = new ZlibInflation(format, w, null);
            byte[] out = inflation.inflate(input, -1);
            if (!inflation.eof()) {
                throw ZlibInflation.error(-5, "incomplete or truncated stream");
            }
            return new PyBytes(out);
        }
    }

    @Builtin(name = "compressobj", params = {"level", "method", "wbits", "memLevel", "strategy", "zdict"}, required = 0, posOnly = 0)
    @GenerateNodeFactory
    abstract static class CompressObjNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCompressObj(Object level, Object method, Object wbits, Object memLevel, Object strategy, Object zdict) {
            byte[] dictionary = null;
            if (Args.given(zdict) && zdict != PyNone.NONE) {
                dictionary = Bytes.bufferOf(zdict);
                if (dictionary == null) {
                    throw PyErrors.typeError("zdict argument must support the buffer protocol");
                }
            }
            ZlibDeflation deflation = ZlibDeflation.create(intArg(level, -1), intArg(method, 8), intArg(wbits, MAX_WBITS), intArg(memLevel, 8), intArg(strategy, 0),
                            dictionary);
            if (deflation == null) {
                throw PyErrors.valueError("Invalid initialization option");
            }
            return new ZlibCompressObject(deflation);
        }
    }

    /** The zdict of a decompressor: CPython's empty default means none. */
    static byte[] dictionary(Object zdict) {
        if (!Args.given(zdict)) {
            return null;
        }
        byte[] b = Bytes.bufferOf(zdict);
        if (b == null) {
            throw PyErrors.typeError("zdict argument must support the buffer protocol");
        }
        return b.length == 0 ? null : b;
    }

    @Builtin(name = "decompressobj", params = {"wbits", "zdict"}, required = 0, posOnly = 0)
    @GenerateNodeFactory
    abstract static class DecompressObjNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doDecompressObj(Object wbits, Object zdict) {
            long w = intArg(wbits, MAX_WBITS);
            ZlibFormat format = ZlibFormat.forDecompression(w);
            if (format == null) {
                throw PyErrors.valueError("Invalid initialization option");
            }
            return new ZlibDecompressObject(ZlibDecompressObject.TYPE, new ZlibInflation(format, w, dictionary(zdict)));
        }
    }

    @Builtin(name = "crc32", params = {"data", "value"}, required = 1)
    @GenerateNodeFactory
    abstract static class Crc32Node extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCrc32(Object data, Object value) {
            return ZlibChecksums.crc32(Bytes.requireBuffer(data), Args.given(value) ? Args.index(value, "integer") : 0);
        }
    }

    @Builtin(name = "adler32", params = {"data", "value"}, required = 1)
    @GenerateNodeFactory
    abstract static class Adler32Node extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doAdler32(Object data, Object value) {
            return ZlibChecksums.adler32(Bytes.requireBuffer(data), Args.given(value) ? Args.index(value, "integer") : 1);
        }
    }
}

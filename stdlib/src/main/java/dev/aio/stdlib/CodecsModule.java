package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.CodecErrorRegistry;
import dev.aio.runtime.Codecs;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/**
 * {@code _codecs}, CPython's C module under {@code codecs.py} and the {@code encodings} package
 * (both run from the jar): the registry ({@link CodecRegistry}), {@code encode}/{@code decode},
 * the error handlers ({@link CodecErrorHandlers}) and the codec functions the encodings modules
 * call, over aio's text codecs ({@link Codecs}), with incremental decoding
 * ({@link PartialDecoding}) and the charmap codec of the single-byte encodings ({@link Charmap}).
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

    private static String errors(Object errors) {
        return Args.given(errors) ? Args.string(errors, "argument 'errors'") : "strict";
    }

    private static String text(Object obj, String function) {
        if (!(obj instanceof String s)) {
            throw PyErrors.typeError(function + "() argument 1 must be str, not " + PyOps.typeName(obj));
        }
        return s;
    }

    private static byte[] data(Object obj) {
        byte[] b = Bytes.bufferOf(obj);
        if (b == null) {
            throw PyErrors.typeError("a bytes-like object is required, not '" + PyOps.typeName(obj) + "'");
        }
        return b;
    }

    private static boolean isFinal(Object last) {
        return Args.given(last) && PyOps.isTrue(last);
    }

    private static PyTuple pair(Object value, long length) {
        return new PyTuple(new Object[]{value, length});
    }

    /** {@code NAME_encode(str, errors)}: (bytes, characters taken). */
    private static PyTuple encoded(Object str, Object errors, String codec, String function) {
        String s = text(str, function);
        return pair(new PyBytes(Codecs.encode(s, codec, errors(errors))), s.codePointCount(0, s.length()));
    }

    /** {@code NAME_decode(data, errors)} of a codec that takes every byte at once: (str, bytes taken). */
    private static PyTuple decoded(Object data, Object errors, String codec) {
        byte[] b = data(data);
        return pair(Codecs.decode(b, codec, errors(errors)), b.length);
    }

    /** {@code _codecs.encode(obj, encoding)}: aio's text codecs directly, any other through the registry, as CPython's. */
    @Builtin(name = "encode", params = {"obj", "encoding", "errors"}, required = 1, posOnly = 0)
    @GenerateNodeFactory
    abstract static class EncodeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doEncode(Object obj, Object encoding, Object errors) {
            String name = Args.given(encoding) ? Args.string(encoding, "encode() argument 'encoding'") : "utf-8";
            String handler = Args.given(errors) ? Args.string(errors, "encode() argument 'errors'") : "strict";
            String codec = Codecs.isKnown(name) ? Codecs.codecName(name) : null;
            if (codec == null) {
                return throughRegistry(AioContext.get(this), obj, name, handler, 0, "encoder");
            }
            if (!(obj instanceof String s)) {
                throw PyErrors.typeError(functionName(codec) + "_encode() argument 1 must be str, not " + PyOps.typeName(obj));
            }
            return new PyBytes(Codecs.encode(s, codec, handler));
        }
    }

    @Builtin(name = "decode", params = {"obj", "encoding", "errors"}, required = 1, posOnly = 0)
    @GenerateNodeFactory
    abstract static class DecodeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doDecode(Object obj, Object encoding, Object errors) {
            String name = Args.given(encoding) ? Args.string(encoding, "decode() argument 'encoding'") : "utf-8";
            String handler = Args.given(errors) ? Args.string(errors, "decode() argument 'errors'") : "strict";
            if (!Codecs.isKnown(name)) {
                return throughRegistry(AioContext.get(this), obj, name, handler, 1, "decoder");
            }
            return Codecs.decode(data(obj), Codecs.codecName(name), handler);
        }
    }

    /**
     * {@code str.encode(encoding)}: aio's own codecs directly, any other text encoding through the
     * registry (cp1252...), with CPython's errors for a codec that is not a text encoding (rot13)
     * or that returns something else than bytes.
     */
    @TruffleBoundary
    static byte[] encodeText(String s, String encoding, String errors) {
        if (Codecs.isKnown(encoding)) {
            return Codecs.encode(s, encoding, errors);
        }
        Object result = throughRegistry(textCodec(encoding, "encode"), s, errors, 0, "encoder");
        if (!(result instanceof PyBytes b)) {
            throw PyErrors.typeError("'" + encoding + "' encoder returned '" + PyOps.typeName(result) + "' instead of 'bytes'; use codecs.encode() to encode to arbitrary types");
        }
        return b.toArray();
    }

    /** {@code bytes.decode(encoding)}, as {@link #encodeText}. */
    @TruffleBoundary
    static String decodeText(byte[] b, String encoding, String errors) {
        if (Codecs.isKnown(encoding)) {
            return Codecs.decode(b, encoding, errors);
        }
        Object result = throughRegistry(textCodec(encoding, "decode"), new PyBytes(b), errors, 1, "decoder");
        if (!(result instanceof String s)) {
            throw PyErrors.typeError("'" + encoding + "' decoder returned '" + PyOps.typeName(result) + "' instead of 'str'; use codecs.decode() to decode to arbitrary types");
        }
        return s;
    }

    /** The registry's CodecInfo for a text encoding; LookupError for one CPython marks as not a text encoding. */
    private static PyTuple textCodec(String encoding, String operation) {
        AioContext context = AioContext.get(null);
        PyTuple info = (PyTuple) CodecRegistry.of(context).lookup(context, encoding);
        if (Attributes.find(info, "_is_text_encoding") instanceof Boolean text && !text) {
            throw PyErrors.raise(BuiltinTypes.LOOKUP_ERROR, "'" + encoding + "' is not a text encoding; use codecs." + operation + "() to handle arbitrary codecs");
        }
        return info;
    }

    /** The codec's encoder ({@code index} 0) or decoder (1) from the registry, called; CPython's TypeError when it does not return a pair. */
    private static Object throughRegistry(AioContext context, Object obj, String encoding, String errors, int index, String what) {
        return throughRegistry((PyTuple) CodecRegistry.of(context).lookup(context, encoding), obj, errors, index, what);
    }

    private static Object throughRegistry(PyTuple info, Object obj, String errors, int index, String what) {
        Object result = Calls.call(info.items()[index], obj, errors);
        if (!(result instanceof PyTuple t) || t.items().length != 2) {
            throw PyErrors.typeError(what + " must return a tuple (object, integer)");
        }
        return t.items()[0];
    }

    @Builtin(name = "lookup", params = {"encoding"})
    @GenerateNodeFactory
    abstract static class LookupNode extends BuiltinNode {
        @Specialization
        Object doLookup(Object encoding) {
            return CodecRegistry.of(AioContext.get(this)).lookup(AioContext.get(this), Args.string(encoding, "lookup() argument"));
        }
    }

    @Builtin(name = "register", params = {"search_function"})
    @GenerateNodeFactory
    abstract static class RegisterNode extends BuiltinNode {
        @Specialization
        Object doRegister(Object search) {
            CodecRegistry.of(AioContext.get(this)).register(search);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "unregister", params = {"search_function"})
    @GenerateNodeFactory
    abstract static class UnregisterNode extends BuiltinNode {
        @Specialization
        Object doUnregister(Object search) {
            CodecRegistry.of(AioContext.get(this)).unregister(search);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "_forget_codec", params = {"encoding"})
    @GenerateNodeFactory
    abstract static class ForgetNode extends BuiltinNode {
        @Specialization
        Object doForget(Object encoding) {
            CodecRegistry.of(AioContext.get(this)).forget(Args.string(encoding, "_forget_codec() argument"));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "lookup_error", params = {"name"})
    @GenerateNodeFactory
    abstract static class LookupErrorNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doLookupError(Object name) {
            String n = Args.string(name, "lookup_error() argument");
            Object registered = CodecErrorRegistry.of(AioContext.get(this)).get(n);
            if (registered != null) {
                return registered;
            }
            BuiltinSpec handler = CodecErrorHandlers.all().get(n);
            if (handler == null) {
                throw Codecs.unknownHandler(n);
            }
            return AioContext.get(this).getLanguage().builtinFunction(handler);
        }
    }

    /** {@code codecs.register_error(name, handler)}: the codecs call the handler for {@code errors=name}. */
    @Builtin(name = "register_error", params = {"errors", "handler"})
    @GenerateNodeFactory
    abstract static class RegisterErrorNode extends BuiltinNode {
        @Specialization
        Object doRegisterError(Object errors, Object handler) {
            CodecErrorRegistry.of(AioContext.get(this)).register(Args.string(errors, "register_error() argument 1"), handler);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "utf_8_encode", params = {"str", "errors"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf8EncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(Object str, Object errors) {
            return encoded(str, errors, "utf-8", "utf_8_encode");
        }
    }

    @Builtin(name = "utf_8_decode", params = {"data", "errors", "final"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf8DecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors, Object last) {
            PartialDecoding.Result r = PartialDecoding.utf8(data(data), errors(errors), isFinal(last));
            return pair(r.text(), r.consumed());
        }
    }

    @Builtin(name = "ascii_encode", params = {"str", "errors"}, required = 1)
    @GenerateNodeFactory
    abstract static class AsciiEncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(Object str, Object errors) {
            return encoded(str, errors, "ascii", "ascii_encode");
        }
    }

    @Builtin(name = "ascii_decode", params = {"data", "errors"}, required = 1)
    @GenerateNodeFactory
    abstract static class AsciiDecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors) {
            return decoded(data, errors, "ascii");
        }
    }

    @Builtin(name = "latin_1_encode", params = {"str", "errors"}, required = 1)
    @GenerateNodeFactory
    abstract static class Latin1EncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(Object str, Object errors) {
            return encoded(str, errors, "latin-1", "latin_1_encode");
        }
    }

    @Builtin(name = "latin_1_decode", params = {"data", "errors"}, required = 1)
    @GenerateNodeFactory
    abstract static class Latin1DecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors) {
            return decoded(data, errors, "latin-1");
        }
    }

    @Builtin(name = "raw_unicode_escape_encode", params = {"str", "errors"}, required = 1)
    @GenerateNodeFactory
    abstract static class RawUnicodeEscapeEncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(Object str, Object errors) {
            return encoded(str, errors, "raw-unicode-escape", "raw_unicode_escape_encode");
        }
    }

    @Builtin(name = "raw_unicode_escape_decode", params = {"data", "errors", "final"}, required = 1)
    @GenerateNodeFactory
    abstract static class RawUnicodeEscapeDecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors, Object last) {
            return decoded(data, errors, "raw-unicode-escape");
        }
    }

    /** utf_16_encode and utf_32_encode: {@code byteorder} 0 writes a byte order mark and little-endian units, -1 little-endian, 1 big-endian. */
    private static PyTuple wideEncoded(Object str, Object errors, Object byteorder, String codec) {
        long order = Args.given(byteorder) ? Args.index(byteorder, "byteorder") : 0;
        return encoded(str, errors, order == 0 ? codec : codec + (order < 0 ? "-le" : "-be"), codec.replace('-', '_') + "_encode");
    }

    @Builtin(name = "utf_16_encode", params = {"str", "errors", "byteorder"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf16EncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(Object str, Object errors, Object byteorder) {
            return wideEncoded(str, errors, byteorder, "utf-16");
        }
    }

    @Builtin(name = "utf_16_le_encode", params = {"str", "errors"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf16LeEncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(Object str, Object errors) {
            return encoded(str, errors, "utf-16-le", "utf_16_le_encode");
        }
    }

    @Builtin(name = "utf_16_be_encode", params = {"str", "errors"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf16BeEncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(Object str, Object errors) {
            return encoded(str, errors, "utf-16-be", "utf_16_be_encode");
        }
    }

    @Builtin(name = "utf_32_encode", params = {"str", "errors", "byteorder"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf32EncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(Object str, Object errors, Object byteorder) {
            return wideEncoded(str, errors, byteorder, "utf-32");
        }
    }

    @Builtin(name = "utf_32_le_encode", params = {"str", "errors"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf32LeEncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(Object str, Object errors) {
            return encoded(str, errors, "utf-32-le", "utf_32_le_encode");
        }
    }

    @Builtin(name = "utf_32_be_encode", params = {"str", "errors"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf32BeEncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(Object str, Object errors) {
            return encoded(str, errors, "utf-32-be", "utf_32_be_encode");
        }
    }

    private static PyTuple wideDecoded(Object data, Object errors, Object last, int byteorder, int unit) {
        PartialDecoding.Result r = PartialDecoding.wide(data(data), errors(errors), byteorder, isFinal(last), unit);
        return pair(r.text(), r.consumed());
    }

    private static PyTuple wideDecodedEx(Object data, Object errors, Object byteorder, Object last, int unit) {
        int order = Args.given(byteorder) ? (int) Args.index(byteorder, "byteorder") : 0;
        PartialDecoding.Result r = PartialDecoding.wide(data(data), errors(errors), Integer.signum(order), isFinal(last), unit);
        return new PyTuple(new Object[]{r.text(), (long) r.consumed(), (long) r.byteorder()});
    }

    @Builtin(name = "utf_16_decode", params = {"data", "errors", "final"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf16DecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors, Object last) {
            return wideDecoded(data, errors, last, 0, 2);
        }
    }

    @Builtin(name = "utf_16_le_decode", params = {"data", "errors", "final"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf16LeDecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors, Object last) {
            return wideDecoded(data, errors, last, -1, 2);
        }
    }

    @Builtin(name = "utf_16_be_decode", params = {"data", "errors", "final"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf16BeDecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors, Object last) {
            return wideDecoded(data, errors, last, 1, 2);
        }
    }

    @Builtin(name = "utf_16_ex_decode", params = {"data", "errors", "byteorder", "final"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf16ExDecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors, Object byteorder, Object last) {
            return wideDecodedEx(data, errors, byteorder, last, 2);
        }
    }

    @Builtin(name = "utf_32_decode", params = {"data", "errors", "final"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf32DecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors, Object last) {
            return wideDecoded(data, errors, last, 0, 4);
        }
    }

    @Builtin(name = "utf_32_le_decode", params = {"data", "errors", "final"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf32LeDecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors, Object last) {
            return wideDecoded(data, errors, last, -1, 4);
        }
    }

    @Builtin(name = "utf_32_be_decode", params = {"data", "errors", "final"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf32BeDecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors, Object last) {
            return wideDecoded(data, errors, last, 1, 4);
        }
    }

    @Builtin(name = "utf_32_ex_decode", params = {"data", "errors", "byteorder", "final"}, required = 1)
    @GenerateNodeFactory
    abstract static class Utf32ExDecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors, Object byteorder, Object last) {
            return wideDecodedEx(data, errors, byteorder, last, 4);
        }
    }

    @Builtin(name = "charmap_build", params = {"map"})
    @GenerateNodeFactory
    abstract static class CharmapBuildNode extends BuiltinNode {
        @Specialization
        static Object doBuild(Object map) {
            return Charmap.build(text(map, "charmap_build"));
        }
    }

    @Builtin(name = "charmap_decode", params = {"data", "errors", "mapping"}, required = 1)
    @GenerateNodeFactory
    abstract static class CharmapDecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(Object data, Object errors, Object mapping) {
            byte[] b = data(data);
            return pair(Charmap.decode(b, errors(errors), Args.orDefault(mapping, PyNone.NONE)), b.length);
        }
    }

    @Builtin(name = "charmap_encode", params = {"str", "errors", "mapping"}, required = 1)
    @GenerateNodeFactory
    abstract static class CharmapEncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(Object str, Object errors, Object mapping) {
            String s = text(str, "charmap_encode");
            return pair(new PyBytes(Charmap.encode(s, errors(errors), Args.orDefault(mapping, PyNone.NONE))), s.codePointCount(0, s.length()));
        }
    }
}

package dev.aio.stdlib;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

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
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/**
 * The {@code binascii} module (CPython's Modules/binascii.c, written in C there): hex and base64
 * conversions and {@code crc32}, with CPython's {@code binascii.Error} messages.
 */
public final class BinasciiModule {
    private BinasciiModule() {
    }

    static final PyType ERROR = new PyType("Error", "binascii", BuiltinTypes.VALUE_ERROR);

    /** Gives {@code binascii.Error} BaseException's constructor (after {@link ExceptionMethods#install}): Python code raises it too. */
    static void install() {
        ERROR.setConstructor(BuiltinTypes.BASE_EXCEPTION.getConstructor());
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("binascii");
        m.put("Error", ERROR);
        m.defineFunctions(context.getLanguage(), BinasciiModuleFactory.getFactories());
        return m;
    }

    /** The bytes of an argument the a2b functions take: a bytes-like object or an ASCII-only str. */
    @TruffleBoundary
    private static byte[] asciiData(Object data) {
        if (data instanceof String s) {
            if (!s.chars().allMatch(c -> c < 0x80)) {
                throw PyErrors.valueError("string argument should contain only ASCII characters");
            }
            return s.getBytes(StandardCharsets.US_ASCII);
        }
        return Bytes.requireBuffer(data);
    }

    @Builtin(name = "hexlify", params = {"data", "sep", "bytes_per_sep"}, required = 1, posOnly = 0)
    @GenerateNodeFactory
    abstract static class HexlifyNode extends BuiltinNode {
        @Specialization
        static Object doHexlify(Object data, Object sep, Object bytesPerSep) {
            return new PyBytes(BytesMethods.hex(Bytes.requireBuffer(data), sep, bytesPerSep).getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Builtin(name = "b2a_hex", params = {"data", "sep", "bytes_per_sep"}, required = 1, posOnly = 0)
    @GenerateNodeFactory
    abstract static class B2aHexNode extends BuiltinNode {
        @Specialization
        static Object doHexlify(Object data, Object sep, Object bytesPerSep) {
            return new PyBytes(BytesMethods.hex(Bytes.requireBuffer(data), sep, bytesPerSep).getBytes(StandardCharsets.US_ASCII));
        }
    }

    @TruffleBoundary
    static Object unhexlify(Object hexstr) {
        byte[] s = asciiData(hexstr);
        if (s.length % 2 != 0) {
            throw PyErrors.raise(ERROR, "Odd-length string");
        }
        byte[] out = new byte[s.length / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s[2 * i], 16);
            int lo = Character.digit(s[2 * i + 1], 16);
            if (hi < 0 || lo < 0) {
                throw PyErrors.raise(ERROR, "Non-hexadecimal digit found");
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return new PyBytes(out);
    }

    @Builtin(name = "unhexlify", params = {"hexstr"})
    @GenerateNodeFactory
    abstract static class UnhexlifyNode extends BuiltinNode {
        @Specialization
        static Object doUnhexlify(Object hexstr) {
            return unhexlify(hexstr);
        }
    }

    @Builtin(name = "a2b_hex", params = {"hexstr"})
    @GenerateNodeFactory
    abstract static class A2bHexNode extends BuiltinNode {
        @Specialization
        static Object doUnhexlify(Object hexstr) {
            return unhexlify(hexstr);
        }
    }

    @Builtin(name = "b2a_base64", params = {"data"}, kwOnly = {"newline"})
    @GenerateNodeFactory
    abstract static class B2aBase64Node extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doEncode(Object data, Object newline) {
            byte[] encoded = Base64.getEncoder().encode(Bytes.requireBuffer(data));
            if (Args.given(newline) && !PyOps.isTrue(newline)) {
                return new PyBytes(encoded);
            }
            byte[] out = new byte[encoded.length + 1];
            System.arraycopy(encoded, 0, out, 0, encoded.length);
            out[encoded.length] = '\n';
            return new PyBytes(out);
        }
    }

    /**
     * CPython's base64 decoding: characters outside the alphabet are skipped, padding after fewer
     * than two characters of a quantum is ignored, and complete padding ends the data; with
     * {@code strict_mode=True} each of those is an error with CPython's message instead.
     */
    @Builtin(name = "a2b_base64", params = {"data"}, kwOnly = {"strict_mode"})
    @GenerateNodeFactory
    abstract static class A2bBase64Node extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doDecode(Object data, Object strictMode) {
            byte[] s = asciiData(data);
            boolean strict = Args.given(strictMode) && PyOps.isTrue(strictMode);
            if (strict && s.length > 0 && s[0] == '=') {
                throw PyErrors.raise(ERROR, "Leading padding not allowed");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(s.length * 3 / 4);
            int quadPos = 0;
            int pads = 0;
            int bits = 0;
            int dataChars = 0;
            boolean padded = false;
            boolean paddingStarted = false;
            for (int i = 0; i < s.length; i++) {
                byte c = s[i];
                if (c == '=') {
                    paddingStarted = true;
                    if (strict && quadPos == 0) {
                        throw PyErrors.raise(ERROR, "Excess padding not allowed");
                    }
                    if (quadPos >= 2 && quadPos + ++pads >= 4) {
                        if (strict && i + 1 < s.length) {
                            throw PyErrors.raise(ERROR, "Excess data after padding");
                        }
                        padded = true;
                        break;
                    }
                    continue;
                }
                int v = sextet(c);
                if (v < 0) {
                    if (strict) {
                        throw PyErrors.raise(ERROR, "Only base64 data is allowed");
                    }
                    continue;
                }
                if (strict && paddingStarted) {
                    throw PyErrors.raise(ERROR, "Discontinuous padding not allowed");
                }
                pads = 0;
                dataChars++;
                bits = bits << 6 | v;
                quadPos++;
                if (quadPos == 4) {
                    out.write(bits >> 16 & 0xff);
                    out.write(bits >> 8 & 0xff);
                    out.write(bits & 0xff);
                    quadPos = 0;
                    bits = 0;
                }
            }
            if (padded) {
                // Two or three characters of the last quantum carry one or two bytes.
                if (quadPos == 2) {
                    out.write(bits >> 4 & 0xff);
                } else {
                    out.write(bits >> 10 & 0xff);
                    out.write(bits >> 2 & 0xff);
                }
            } else if (quadPos == 1) {
                throw PyErrors.raise(ERROR, "Invalid base64-encoded string: number of data characters (" + dataChars + ") cannot be 1 more than a multiple of 4");
            } else if (quadPos != 0) {
                throw PyErrors.raise(ERROR, "Incorrect padding");
            }
            return new PyBytes(out.toByteArray());
        }
    }

    private static int sextet(byte c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    @Builtin(name = "crc32", params = {"data", "crc"}, required = 1)
    @GenerateNodeFactory
    abstract static class Crc32Node extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCrc32(Object data, Object crc) {
            byte[] b = Bytes.requireBuffer(data);
            long start = Args.given(crc) ? Args.index(crc, "crc") & 0xffffffffL : 0;
            // The reflected CRC-32 of zlib, continuing from {@code start} (the JDK's CRC32 cannot be seeded).
            long value = ~start & 0xffffffffL;
            for (byte x : b) {
                value ^= x & 0xff;
                for (int k = 0; k < 8; k++) {
                    value = (value & 1) != 0 ? value >>> 1 ^ 0xedb88320L : value >>> 1;
                }
            }
            return ~value & 0xffffffffL;
        }
    }
}

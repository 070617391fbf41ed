package dev.aio.stdlib;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyByteArray;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;

/**
 * A compiled struct format (CPython's Modules/_struct.c {@code prepare_s}, {@code pack_internal},
 * {@code s_unpack_internal}): the items of a format string with their offsets, and packing and
 * unpacking of values with CPython's byte orders, sizes, native alignment (x86-64 Linux, LP64) and
 * {@code struct.error} messages. CPython swaps its native routines into the little-endian table on
 * a little-endian machine where the sizes agree, so {@code '<'} and {@code '='} share the native
 * range messages ("short format requires ...") except for {@code l}/{@code L}, which are 4 bytes there.
 */
final class StructFormat {
    /** '@' (native sizes and alignment, little-endian here), '<'/'=' (standard, little), '>'/'!' (standard, big). */
    private enum Order {
        NATIVE, LITTLE, BIG
    }

    /** One format code with its repeat count at its offset in the packed bytes. */
    private record Item(char code, int count, int offset, int size) {
    }

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    final String format;
    private final Order order;
    private final Item[] items;
    /** The packed size ({@code calcsize}); may exceed what a Java array holds, which only packing refuses. */
    final long size;
    /** How many values pack takes and unpack gives. */
    final int length;

    private StructFormat(String format, Order order, Item[] items, long size, int length) {
        this.format = format;
        this.order = order;
        this.items = items;
        this.size = size;
        this.length = length;
    }

    /** {@code Struct(format)}'s argument: a str or bytes format. */
    @TruffleBoundary
    static String formatString(Object format) {
        if (format instanceof String s) {
            return s;
        }
        if (format instanceof PyBytes b) {
            return new String(b.toArray(), StandardCharsets.ISO_8859_1);
        }
        throw PyErrors.typeError("Struct() argument 1 must be a str or bytes object, not " + PyOps.typeName(format));
    }

    /** CPython's prepare_s: parses {@code format} into items, sizes and offsets. */
    @TruffleBoundary
    static StructFormat compile(String format) {
        Order order = Order.NATIVE;
        int i = 0;
        if (!format.isEmpty()) {
            switch (format.charAt(0)) {
                case '<', '=' -> order = Order.LITTLE;
                case '>', '!' -> order = Order.BIG;
                default -> {
                }
            }
            if ("@=<>!".indexOf(format.charAt(0)) >= 0) {
                i = 1;
            }
        }
        List<Item> items = new ArrayList<>();
        long size = 0;
        long length = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (" \t\n\r\u000b\f".indexOf(c) >= 0) {
                continue;
            }
            long count = 1;
            if (c >= '0' && c <= '9') {
                count = c - '0';
                while (i < format.length() && (c = format.charAt(i)) >= '0' && c <= '9') {
                    i++;
                    if (count > (Long.MAX_VALUE - (c - '0')) / 10) {
                        throw tooLong();
                    }
                    count = count * 10 + (c - '0');
                }
                if (i >= format.length()) {
                    throw error("repeat count given without format specifier");
                }
                c = format.charAt(i++);
            }
            int itemSize = itemSize(c, order);
            if (itemSize < 0) {
                throw error("bad char in struct format");
            }
            if (order == Order.NATIVE) {
                int alignment = alignment(c);
                if (alignment > 1 && size > 0) {
                    size += (alignment - 1) - (size - 1) % alignment;
                }
            }
            switch (c) {
                case 's', 'p' -> length++;
                case 'x' -> {
                }
                default -> length += count;
            }
            if (count > (Long.MAX_VALUE - size) / itemSize) {
                throw tooLong();
            }
            if (count > 0 || c == 's' || c == 'p') {
                items.add(new Item(c, (int) Math.min(count, Integer.MAX_VALUE), (int) Math.min(size, Integer.MAX_VALUE), itemSize));
            }
            size += count * itemSize;
        }
        if (length > Integer.MAX_VALUE) {
            throw tooLong();
        }
        return new StructFormat(format, order, items.toArray(new Item[0]), size, (int) length);
    }

    private static int itemSize(char c, Order order) {
        return switch (c) {
            case 'x', 'c', 'b', 'B', '?', 's', 'p' -> 1;
            case 'h', 'H', 'e' -> 2;
            case 'i', 'I', 'f' -> 4;
            case 'q', 'Q', 'd' -> 8;
            case 'l', 'L' -> order == Order.NATIVE ? 8 : 4;
            case 'n', 'N', 'P' -> order == Order.NATIVE ? 8 : -1;
            default -> -1;
        };
    }

    /** The native alignment of a code (CPython's *_ALIGN); codes of alignment 0 there (bytes, chars) are 1 here. */
    private static int alignment(char c) {
        return switch (c) {
            case 'h', 'H', 'e' -> 2;
            case 'i', 'I', 'f' -> 4;
            case 'l', 'L', 'q', 'Q', 'n', 'N', 'P', 'd' -> 8;
            default -> 1;
        };
    }

    static RuntimeException error(String message) {
        return PyErrors.raise(StructModule.ERROR, message);
    }

    private static RuntimeException tooLong() {
        return error("total struct size too long");
    }

    /** The packed size as an array length; a struct larger than a Java array cannot be packed. */
    int arraySize() {
        if (size > Integer.MAX_VALUE - 8) {
            throw PyErrors.raiseNoArgs(BuiltinTypes.MEMORY_ERROR);
        }
        return (int) size;
    }

    /** {@code pack}: the values packed into a new array (callers checked their count). */
    @TruffleBoundary
    byte[] pack(Object[] values, int from) {
        byte[] out = new byte[arraySize()];
        packInto(out, 0, values, from);
        return out;
    }

    /** Packs {@code values[from...]} into {@code buffer} at {@code offset} (callers checked the room). */
    @TruffleBoundary
    void packInto(byte[] buffer, int offset, Object[] values, int from) {
        int v = from;
        for (Item item : items) {
            int at = offset + item.offset;
            switch (item.code) {
                case 'x' -> Arrays.fill(buffer, at, at + item.count, (byte) 0);
                case 's', 'p' -> packString(buffer, at, item, values[v++]);
                default -> {
                    for (int k = 0; k < item.count; k++) {
                        packOne(buffer, at + k * item.size, item, values[v++]);
                    }
                }
            }
        }
    }

    private static void packString(byte[] buffer, int at, Item item, Object value) {
        if (!(value instanceof PyBytes || value instanceof PyByteArray)) {
            throw error("argument for '" + item.code + "' must be a bytes object");
        }
        byte[] data = ((PyBytesLike) value).toArray();
        Arrays.fill(buffer, at, at + item.count, (byte) 0);
        if (item.count == 0) {
            return;
        }
        if (item.code == 's') {
            System.arraycopy(data, 0, buffer, at, Math.min(data.length, item.count));
        } else {
            int n = Math.min(data.length, item.count - 1);
            System.arraycopy(data, 0, buffer, at + 1, n);
            buffer[at] = (byte) Math.min(n, 255);
        }
    }

    private void packOne(byte[] buffer, int at, Item item, Object value) {
        char c = item.code;
        switch (c) {
            case 'c' -> {
                if (!(value instanceof PyBytes b) || b.length() != 1) {
                    throw error("char format requires a bytes object of length 1");
                }
                buffer[at] = (byte) b.get(0);
            }
            case '?' -> buffer[at] = (byte) (PyOps.isTrue(value) ? 1 : 0);
            case 'e' -> write(buffer, at, 2, HalfFloat.pack(floatArgument(value)));
            case 'f' -> {
                double d = floatArgument(value);
                float f = (float) d;
                if (order != Order.NATIVE && Float.isInfinite(f) && !Double.isInfinite(d)) {
                    throw PyErrors.overflowError("float too large to pack with f format");
                }
                write(buffer, at, 4, Float.floatToRawIntBits(f));
            }
            case 'd' -> write(buffer, at, 8, Double.doubleToRawLongBits(floatArgument(value)));
            default -> write(buffer, at, item.size, integerToPack(c, item.size, value));
        }
    }

    /** Writes the low {@code n} bytes of {@code bits} in this format's byte order. */
    private void write(byte[] buffer, int at, int n, long bits) {
        for (int k = 0; k < n; k++) {
            byte b = (byte) (bits >>> (8 * k));
            buffer[order == Order.BIG ? at + n - 1 - k : at + k] = b;
        }
    }

    private long read(byte[] buffer, int at, int n) {
        long bits = 0;
        for (int k = 0; k < n; k++) {
            int b = buffer[order == Order.BIG ? at + n - 1 - k : at + k] & 0xff;
            bits |= (long) b << (8 * k);
        }
        return bits;
    }

    /** CPython's get_pylong: an int, or an object's {@code __index__}. */
    private static BigInteger integerArgument(Object value) {
        if (Numbers.isInt(value)) {
            return Numbers.big(value);
        }
        if (value instanceof PyValueInstance v && Numbers.isNumber(v.value())) {
            return integerArgument(v.value());
        }
        if (value instanceof PyObject && SpecialMethods.lookup(value, "__index__") != null) {
            return Numbers.big(SpecialMethods.call(value, "__index__"));
        }
        throw error("required argument is not an integer");
    }

    /** CPython's PyFloat_AsDouble as the float codes call it: any failure is "not a float". */
    private static double floatArgument(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof PyValueInstance v && Numbers.isNumber(v.value())) {
            return floatArgument(v.value());
        }
        if (Numbers.isInt(value)) {
            double d = Numbers.big(value).doubleValue();
            if (Double.isInfinite(d)) {
                throw error("required argument is not a float");
            }
            return d;
        }
        if (value instanceof PyObject) {
            if (SpecialMethods.lookup(value, "__float__") != null) {
                Object f = SpecialMethods.call(value, "__float__");
                if (f instanceof Double d) {
                    return d;
                }
            } else if (SpecialMethods.lookup(value, "__index__") != null) {
                return floatArgument(SpecialMethods.call(value, "__index__"));
            }
        }
        throw error("required argument is not a float");
    }

    /**
     * An integer code's value as its bits, with the checks of the routine CPython uses for it:
     * get_long/get_ulong ("argument out of range" outside a C long / unsigned long), then the
     * code's range; the big-endian 8-byte codes and 'P' convert directly ("int too large to convert").
     */
    private long integerToPack(char c, int size, Object value) {
        BigInteger v = integerArgument(value);
        boolean unsigned = Character.isUpperCase(c);
        boolean direct = c == 'P' || order == Order.BIG && (c == 'q' || c == 'Q');
        if (direct) {
            BigInteger min = c == 'Q' ? BigInteger.ZERO : LONG_MIN;
            BigInteger max = c == 'q' ? LONG_MAX : ULONG_MAX;
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                throw error("int too large to convert");
            }
            return v.longValue();
        }
        // CPython reads b, B, h and, except big-endian, H as a signed C long before its range check.
        boolean getUnsigned = unsigned && !(c == 'B' || c == 'H' && order != Order.BIG);
        if (getUnsigned ? v.signum() < 0 || v.compareTo(ULONG_MAX) > 0 : v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) {
            throw error("argument out of range");
        }
        long bits = v.longValue();
        if (size < 8) {
            long max = unsigned ? (1L << (8 * size)) - 1 : (1L << (8 * size - 1)) - 1;
            long min = unsigned ? 0 : -max - 1;
            if (bits < min || bits > max) {
                throw error(rangeMessage(c, min, max));
            }
        }
        return bits;
    }

    private String rangeMessage(char c, long min, long max) {
        String named = switch (c) {
            case 'b' -> "byte";
            case 'B' -> "ubyte";
            case 'h' -> order == Order.BIG ? null : "short";
            case 'H' -> order == Order.BIG ? null : "ushort";
            default -> null;
        };
        return (named != null ? named : "'" + c + "'") + " format requires " + min + " <= number <= " + max;
    }

    /** {@code unpack}: the values at {@code offset} of {@code buffer} (callers checked its size). */
    @TruffleBoundary
    Object[] unpack(byte[] buffer, int offset) {
        Object[] out = new Object[length];
        int v = 0;
        for (Item item : items) {
            int at = offset + item.offset;
            switch (item.code) {
                case 'x' -> {
                }
                case 's' -> out[v++] = new PyBytes(Arrays.copyOfRange(buffer, at, at + item.count));
                case 'p' -> {
                    int n = item.count == 0 ? 0 : Math.min(buffer[at] & 0xff, item.count - 1);
                    out[v++] = new PyBytes(Arrays.copyOfRange(buffer, at + 1, at + 1 + n));
                }
                default -> {
                    for (int k = 0; k < item.count; k++) {
                        out[v++] = unpackOne(buffer, at + k * item.size, item);
                    }
                }
            }
        }
        return out;
    }

    private Object unpackOne(byte[] buffer, int at, Item item) {
        char c = item.code;
        return switch (c) {
            case 'c' -> new PyBytes(new byte[]{buffer[at]});
            case '?' -> buffer[at] != 0;
            case 'e' -> HalfFloat.unpack((int) read(buffer, at, 2));
            case 'f' -> (double) Float.intBitsToFloat((int) read(buffer, at, 4));
            case 'd' -> Double.longBitsToDouble(read(buffer, at, 8));
            default -> {
                long bits = read(buffer, at, item.size);
                if (Character.isUpperCase(c)) {
                    yield bits >= 0 ? (Object) bits : Numbers.normalize(new BigInteger(Long.toUnsignedString(bits)));
                }
                int shift = 64 - 8 * item.size;
                yield (bits << shift) >> shift;
            }
        };
    }
}

package dev.aio.stdlib;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

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
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.SpecialMethods;

/**
 * Methods of {@code bytes}, and those {@code bytearray} shares with it (CPython's
 * {@code Objects/bytes_methods.c}): each returns an object of its receiver's type.
 */
public final class BytesMethods {
    private BytesMethods() {
    }

    /** Installs these on bytes and on bytearray (each type takes the constructor named after it). */
    static void install() {
        BuiltinTypes.BYTES.defineBuiltins(BytesMethodsFactory.getFactories());
        BuiltinTypes.BYTEARRAY.defineBuiltins(BytesMethodsFactory.getFactories());
    }

    @Builtin(name = "bytes", constructor = true, params = {"cls", "source", "encoding", "errors"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class BytesNode extends BuiltinNode {
        @Specialization
        static Object doBytes(Object cls, Object source, Object encoding, Object errors) {
            if (!Args.given(source) && !Args.given(encoding) && !Args.given(errors)) {
                return PyBytes.EMPTY;
            }
            if (!Args.given(encoding) && !Args.given(errors)) {
                Object own = ownBytes(source);
                if (own != null) {
                    return own;
                }
            }
            return new PyBytes(content(source, encoding, errors, "bytes"));
        }

        /** What the object's {@code __bytes__} returns (it must be bytes), or null when it has none: CPython's bytes_new asks it first. */
        @TruffleBoundary
        static Object ownBytes(Object source) {
            if (!(source instanceof PyObject) || source instanceof PyBytesLike || SpecialMethods.lookup(source, "__bytes__") == null) {
                return null;
            }
            Object result = SpecialMethods.call(source, "__bytes__");
            if (!(result instanceof PyBytes)) {
                throw PyErrors.typeError("__bytes__ returned non-bytes (type " + PyOps.typeName(result) + ")");
            }
            return result;
        }
    }

    /** What {@code bytes(...)} and {@code bytearray(...)} hold, with CPython's argument errors. */
    @TruffleBoundary
    static byte[] content(Object source, Object encoding, Object errors, String typeName) {
        if (source instanceof String s) {
            if (!Args.given(encoding)) {
                throw PyErrors.typeError("string argument without an encoding");
            }
            return CodecsModule.encodeText(s, Args.string(encoding, typeName + "() argument 'encoding'"),
                            Args.given(errors) ? Args.string(errors, typeName + "() argument 'errors'") : "strict");
        }
        if (Args.given(encoding)) {
            throw PyErrors.typeError("encoding without a string argument");
        }
        if (Args.given(errors)) {
            throw PyErrors.typeError("errors without a string argument");
        }
        return Args.given(source) ? Bytes.fromObject(source, typeName) : new byte[0];
    }

    @Builtin(name = "fromhex", classMethod = true, params = {"cls", "string"})
    @GenerateNodeFactory
    abstract static class FromHexNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFromHex(Object cls, Object string) {
            String s = Args.string(string, "fromhex() argument");
            byte[] out = new byte[s.length() / 2];
            int n = 0;
            int i = 0;
            while (i < s.length()) {
                if (Character.isWhitespace(s.charAt(i)) && s.charAt(i) < 0x80) {
                    i++;
                    continue;
                }
                int hi = Character.digit(s.charAt(i), 16);
                if (hi < 0 || s.charAt(i) > 0x7f) {
                    throw PyErrors.valueError("non-hexadecimal number found in fromhex() arg at position " + i);
                }
                int lo = i + 1 < s.length() && s.charAt(i + 1) < 0x80 ? Character.digit(s.charAt(i + 1), 16) : -1;
                if (lo < 0) {
                    throw PyErrors.valueError("non-hexadecimal number found in fromhex() arg at position " + (i + 1));
                }
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            }
            byte[] content = Arrays.copyOf(out, n);
            return cls == BuiltinTypes.BYTEARRAY ? new PyByteArray(content) : new PyBytes(content);
        }
    }

    @Builtin(name = "decode", params = {"self", "encoding", "errors"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class DecodeNode extends BuiltinNode {
        @Specialization
        static Object doDecode(PyBytesLike self, Object encoding, Object errors) {
            return CodecsModule.decodeText(self.toArray(), Args.given(encoding) ? Args.string(encoding, "decode() argument 'encoding'") : "utf-8",
                            Args.given(errors) ? Args.string(errors, "decode() argument 'errors'") : "strict");
        }
    }

    @Builtin(name = "hex", params = {"self", "sep", "bytes_per_sep"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class HexNode extends BuiltinNode {
        @Specialization
        static Object doHex(PyBytesLike self, Object sep, Object bytesPerSep) {
            return hex(self.toArray(), sep, bytesPerSep);
        }
    }

    /** {@code bytes.hex(sep, bytes_per_sep)}: a positive group size counts groups from the right, a negative one from the left. */
    @TruffleBoundary
    static String hex(byte[] b, Object sep, Object bytesPerSep) {
        String separator = null;
        if (Args.given(sep)) {
            byte[] sb = Bytes.bufferOf(sep);
            separator = sb != null ? new String(sb, StandardCharsets.ISO_8859_1) : Args.string(sep, "sep");
            if (separator.length() != 1) {
                throw PyErrors.valueError("sep must be length 1.");
            }
        }
        long group = Args.given(bytesPerSep) ? Args.index(bytesPerSep, "bytes_per_sep") : 1;
        StringBuilder out = new StringBuilder(b.length * 3);
        long size = Math.abs(group);
        for (int i = 0; i < b.length; i++) {
            if (separator != null && i > 0 && size > 0) {
                boolean boundary = group > 0 ? (b.length - i) % size == 0 : i % size == 0;
                if (boundary) {
                    out.append(separator);
                }
            }
            out.append(Character.forDigit(b[i] >> 4 & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return out.toString();
    }

    @Builtin(name = "join", params = {"self", "iterable_of_bytes"})
    @GenerateNodeFactory
    abstract static class JoinNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doJoin(PyBytesLike self, Object iterable) {
            Object[] items = Iteration.toArray(iterable);
            PyByteArray out = new PyByteArray(new byte[0]);
            for (int i = 0; i < items.length; i++) {
                byte[] b = Bytes.bufferOf(items[i]);
                if (b == null) {
                    throw PyErrors.typeError("sequence item " + i + ": expected a bytes-like object, " + PyOps.typeName(items[i]) + " found");
                }
                if (i > 0) {
                    out.append(self.toArray());
                }
                out.append(b);
            }
            return self.make(out.toArray());
        }
    }

    static boolean isSpace(int c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    @Builtin(name = "split", params = {"self", "sep", "maxsplit"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class SplitNode extends BuiltinNode {
        @Specialization
        static Object doSplit(PyBytesLike self, Object sep, Object maxsplit) {
            return split(self, sep, maxsplit, false);
        }
    }

    @Builtin(name = "rsplit", params = {"self", "sep", "maxsplit"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class RSplitNode extends BuiltinNode {
        @Specialization
        static Object doRSplit(PyBytesLike self, Object sep, Object maxsplit) {
            return split(self, sep, maxsplit, true);
        }
    }

    @TruffleBoundary
    static Object split(PyBytesLike self, Object sep, Object maxsplit, boolean fromRight) {
        long max = Args.given(maxsplit) ? Args.index(maxsplit, "maxsplit") : -1;
        Object separator = Args.orDefault(sep, null);
        byte[] b = self.toArray();
        List<Object> parts = new ArrayList<>();
        if (separator == null) {
            List<int[]> words = new ArrayList<>();
            int i = 0;
            while (i < b.length) {
                while (i < b.length && isSpace(b[i])) {
                    i++;
                }
                if (i >= b.length) {
                    break;
                }
                int j = i;
                while (j < b.length && !isSpace(b[j])) {
                    j++;
                }
                words.add(new int[]{i, j});
                i = j;
            }
            if (max >= 0 && words.size() > max) {
                // The unsplit rest keeps its whitespace on the far side, as CPython's split does.
                if (fromRight) {
                    int keep = words.size() - (int) max;
                    parts.add(self.make(Arrays.copyOfRange(b, 0, words.get(keep - 1)[1])));
                    for (int k = keep; k < words.size(); k++) {
                        parts.add(self.make(Arrays.copyOfRange(b, words.get(k)[0], words.get(k)[1])));
                    }
                } else {
                    for (int k = 0; k < max; k++) {
                        parts.add(self.make(Arrays.copyOfRange(b, words.get(k)[0], words.get(k)[1])));
                    }
                    parts.add(self.make(Arrays.copyOfRange(b, words.get((int) max)[0], b.length)));
                }
                return new PyList(parts);
            }
            for (int[] w : words) {
                parts.add(self.make(Arrays.copyOfRange(b, w[0], w[1])));
            }
            return new PyList(parts);
        }
        byte[] s = Bytes.requireBuffer(separator);
        if (s.length == 0) {
            throw PyErrors.valueError("empty separator");
        }
        if (fromRight) {
            int end = b.length;
            while (max < 0 || parts.size() < max) {
                int k = Bytes.lastIndexOf(b, b.length, s, 0, end);
                if (k < 0) {
                    break;
                }
                parts.add(0, self.make(Arrays.copyOfRange(b, k + s.length, end)));
                end = k;
            }
            parts.add(0, self.make(Arrays.copyOfRange(b, 0, end)));
            return new PyList(parts);
        }
        int start = 0;
        while (max < 0 || parts.size() < max) {
            int k = Bytes.indexOf(b, b.length, s, start, b.length);
            if (k < 0) {
                break;
            }
            parts.add(self.make(Arrays.copyOfRange(b, start, k)));
            start = k + s.length;
        }
        parts.add(self.make(Arrays.copyOfRange(b, start, b.length)));
        return new PyList(parts);
    }

    @Builtin(name = "splitlines", params = {"self", "keepends"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class SplitLinesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSplitLines(PyBytesLike self, Object keepends) {
            boolean keep = Args.given(keepends) && PyOps.isTrue(keepends);
            byte[] b = self.toArray();
            List<Object> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\n' || b[i] == '\r') {
                    int end = i;
                    if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') {
                        i++;
                    }
                    lines.add(self.make(Arrays.copyOfRange(b, start, keep ? i + 1 : end)));
                    start = i + 1;
                }
            }
            if (start < b.length) {
                lines.add(self.make(Arrays.copyOfRange(b, start, b.length)));
            }
            return new PyList(lines);
        }
    }

    @Builtin(name = "strip", params = {"self", "bytes"}, required = 1)
    @GenerateNodeFactory
    abstract static class StripNode extends BuiltinNode {
        @Specialization
        static Object doStrip(PyBytesLike self, Object chars) {
            return strip(self, chars, true, true);
        }
    }

    @Builtin(name = "lstrip", params = {"self", "bytes"}, required = 1)
    @GenerateNodeFactory
    abstract static class LStripNode extends BuiltinNode {
        @Specialization
        static Object doStrip(PyBytesLike self, Object chars) {
            return strip(self, chars, true, false);
        }
    }

    @Builtin(name = "rstrip", params = {"self", "bytes"}, required = 1)
    @GenerateNodeFactory
    abstract static class RStripNode extends BuiltinNode {
        @Specialization
        static Object doStrip(PyBytesLike self, Object chars) {
            return strip(self, chars, false, true);
        }
    }

    @TruffleBoundary
    static Object strip(PyBytesLike self, Object chars, boolean left, boolean right) {
        Object set = Args.orDefault(chars, null);
        byte[] cs = set == null ? null : Bytes.requireBuffer(set);
        byte[] b = self.toArray();
        int i = 0;
        int j = b.length;
        while (left && i < j && (cs == null ? isSpace(b[i]) : Bytes.indexOf(cs, cs.length, new byte[]{b[i]}, 0, cs.length) >= 0)) {
            i++;
        }
        while (right && j > i && (cs == null ? isSpace(b[j - 1]) : Bytes.indexOf(cs, cs.length, new byte[]{b[j - 1]}, 0, cs.length) >= 0)) {
            j--;
        }
        return self.make(Arrays.copyOfRange(b, i, j));
    }

    @Builtin(name = "removeprefix", params = {"self", "prefix"})
    @GenerateNodeFactory
    abstract static class RemovePrefixNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRemove(PyBytesLike self, Object prefix) {
            byte[] p = Bytes.requireBuffer(prefix);
            byte[] b = self.toArray();
            boolean has = b.length >= p.length && Arrays.equals(b, 0, p.length, p, 0, p.length);
            return self.make(has ? Arrays.copyOfRange(b, p.length, b.length) : b);
        }
    }

    @Builtin(name = "removesuffix", params = {"self", "suffix"})
    @GenerateNodeFactory
    abstract static class RemoveSuffixNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRemove(PyBytesLike self, Object suffix) {
            byte[] p = Bytes.requireBuffer(suffix);
            byte[] b = self.toArray();
            boolean has = p.length > 0 && b.length >= p.length && Arrays.equals(b, b.length - p.length, b.length, p, 0, p.length);
            return self.make(has ? Arrays.copyOfRange(b, 0, b.length - p.length) : b);
        }
    }

    /** {start, end} of {@code b[start:end]} as the search methods take them. */
    private static int[] range(int length, Object start, Object end) {
        long s = Args.given(start) && start != PyNone.NONE ? Args.index(start, "start") : 0;
        long e = Args.given(end) && end != PyNone.NONE ? Args.index(end, "end") : length;
        if (s < 0) {
            s = Math.max(0, s + length);
        }
        if (e < 0) {
            e = Math.max(0, e + length);
        }
        return new int[]{(int) Math.min(s, length), (int) Math.min(e, length)};
    }

    /** The sub-sequence the search methods look for: a bytes-like object or an int in range(0, 256). */
    private static byte[] needle(Object sub) {
        if (sub instanceof Long || sub instanceof Boolean) {
            return new byte[]{(byte) Bytes.byteValue(sub, "byte must be in range(0, 256)")};
        }
        byte[] b = Bytes.bufferOf(sub);
        if (b == null) {
            throw PyErrors.typeError("argument should be integer or bytes-like object, not '" + PyOps.typeName(sub) + "'");
        }
        return b;
    }

    @TruffleBoundary
    static long find(PyBytesLike self, Object sub, Object start, Object end, boolean fromRight) {
        byte[] n = needle(sub);
        int[] r = range(self.length(), start, end);
        if (r[1] - r[0] < n.length) {
            return -1;
        }
        return fromRight ? Bytes.lastIndexOf(self.array(), self.length(), n, r[0], r[1]) : Bytes.indexOf(self.array(), self.length(), n, r[0], r[1]);
    }

    @Builtin(name = "find", params = {"self", "sub", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class FindNode extends BuiltinNode {
        @Specialization
        static Object doFind(PyBytesLike self, Object sub, Object start, Object end) {
            return find(self, sub, start, end, false);
        }
    }

    @Builtin(name = "rfind", params = {"self", "sub", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class RFindNode extends BuiltinNode {
        @Specialization
        static Object doFind(PyBytesLike self, Object sub, Object start, Object end) {
            return find(self, sub, start, end, true);
        }
    }

    @Builtin(name = "index", params = {"self", "sub", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class IndexNode extends BuiltinNode {
        @Specialization
        static Object doIndex(PyBytesLike self, Object sub, Object start, Object end) {
            long i = find(self, sub, start, end, false);
            if (i < 0) {
                throw PyErrors.valueError("subsection not found");
            }
            return i;
        }
    }

    @Builtin(name = "rindex", params = {"self", "sub", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class RIndexNode extends BuiltinNode {
        @Specialization
        static Object doIndex(PyBytesLike self, Object sub, Object start, Object end) {
            long i = find(self, sub, start, end, true);
            if (i < 0) {
                throw PyErrors.valueError("subsection not found");
            }
            return i;
        }
    }

    @Builtin(name = "count", params = {"self", "sub", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class CountNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCount(PyBytesLike self, Object sub, Object start, Object end) {
            byte[] n = needle(sub);
            int[] r = range(self.length(), start, end);
            if (r[1] - r[0] < n.length) {
                return 0L;
            }
            if (n.length == 0) {
                return (long) (r[1] - r[0] + 1);
            }
            long count = 0;
            int at = r[0];
            while ((at = Bytes.indexOf(self.array(), self.length(), n, at, r[1])) >= 0) {
                count++;
                at += n.length;
            }
            return count;
        }
    }

    @Builtin(name = "startswith", params = {"self", "prefix", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class StartsWithNode extends BuiltinNode {
        @Specialization
        static Object doStartsWith(PyBytesLike self, Object prefix, Object start, Object end) {
            return affix(self, prefix, start, end, "startswith", false);
        }
    }

    @Builtin(name = "endswith", params = {"self", "suffix", "start", "end"}, required = 2)
    @GenerateNodeFactory
    abstract static class EndsWithNode extends BuiltinNode {
        @Specialization
        static Object doEndsWith(PyBytesLike self, Object suffix, Object start, Object end) {
            return affix(self, suffix, start, end, "endswith", true);
        }
    }

    @TruffleBoundary
    static boolean affix(PyBytesLike self, Object affix, Object start, Object end, String method, boolean atEnd) {
        Object[] candidates = affix instanceof PyTuple t ? t.items() : new Object[]{affix};
        int[] r = range(self.length(), start, end);
        for (Object c : candidates) {
            byte[] a = Bytes.bufferOf(c);
            if (a == null) {
                throw PyErrors.typeError(affix instanceof PyTuple ? "a bytes-like object is required, not '" + PyOps.typeName(c) + "'"
                                : method + " first arg must be bytes or a tuple of bytes, not " + PyOps.typeName(c));
            }
            if (r[1] - r[0] < a.length || r[0] > r[1]) {
                continue;
            }
            int from = atEnd ? r[1] - a.length : r[0];
            if (Arrays.equals(self.array(), from, from + a.length, a, 0, a.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code bytes.maketrans(frm, to)}: the 256-byte table for {@code translate} mapping each byte
     * of {@code frm} to the byte of {@code to} at its position. A static method in CPython; here a
     * class method whose class is unused, which calls the same way.
     */
    @Builtin(name = "maketrans", classMethod = true, params = {"cls", "frm", "to"})
    @GenerateNodeFactory
    abstract static class MakeTransNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doMakeTrans(Object cls, Object frm, Object to) {
            byte[] from = Bytes.requireBuffer(frm);
            byte[] into = Bytes.requireBuffer(to);
            if (from.length != into.length) {
                throw PyErrors.valueError("maketrans arguments must have same length");
            }
            byte[] table = new byte[256];
            for (int i = 0; i < 256; i++) {
                table[i] = (byte) i;
            }
            for (int i = 0; i < from.length; i++) {
                table[from[i] & 0xff] = into[i];
            }
            return new PyBytes(table);
        }
    }

    /** {@code translate(table, /, delete=b'')}: each byte mapped through a 256-byte table (None: unchanged), the bytes of {@code delete} dropped. */
    @Builtin(name = "translate", params = {"self", "table", "delete"}, required = 2, posOnly = 2)
    @GenerateNodeFactory
    abstract static class TranslateNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doTranslate(PyBytesLike self, Object table, Object delete) {
            byte[] map = null;
            if (table != PyNone.NONE) {
                map = Bytes.requireBuffer(table);
                if (map.length != 256) {
                    throw PyErrors.valueError("translation table must be 256 characters long");
                }
            }
            boolean[] deleted = new boolean[256];
            if (Args.given(delete)) {
                for (byte b : Bytes.requireBuffer(delete)) {
                    deleted[b & 0xff] = true;
                }
            }
            byte[] b = self.toArray();
            byte[] out = new byte[b.length];
            int n = 0;
            for (byte x : b) {
                if (!deleted[x & 0xff]) {
                    out[n++] = map == null ? x : map[x & 0xff];
                }
            }
            return self.make(Arrays.copyOf(out, n));
        }
    }

    @Builtin(name = "replace", params = {"self", "old", "new", "count"}, required = 3)
    @GenerateNodeFactory
    abstract static class ReplaceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReplace(PyBytesLike self, Object old, Object replacement, Object count) {
            byte[] o = Bytes.requireBuffer(old);
            byte[] n = Bytes.requireBuffer(replacement);
            long max = Args.given(count) ? Args.index(count, "count") : -1;
            byte[] b = self.toArray();
            PyByteArray out = new PyByteArray(new byte[0]);
            long done = 0;
            if (o.length == 0) {
                for (int i = 0; i <= b.length; i++) {
                    if (max < 0 || done < max) {
                        out.append(n);
                        done++;
                    }
                    if (i < b.length) {
                        out.append(new byte[]{b[i]});
                    }
                }
                return self.make(out.toArray());
            }
            int start = 0;
            while (max < 0 || done < max) {
                int k = Bytes.indexOf(b, b.length, o, start, b.length);
                if (k < 0) {
                    break;
                }
                out.append(Arrays.copyOfRange(b, start, k));
                out.append(n);
                start = k + o.length;
                done++;
            }
            out.append(Arrays.copyOfRange(b, start, b.length));
            return self.make(out.toArray());
        }
    }

    @Builtin(name = "partition", params = {"self", "sep"})
    @GenerateNodeFactory
    abstract static class PartitionNode extends BuiltinNode {
        @Specialization
        static Object doPartition(PyBytesLike self, Object sep) {
            return partition(self, sep, false);
        }
    }

    @Builtin(name = "rpartition", params = {"self", "sep"})
    @GenerateNodeFactory
    abstract static class RPartitionNode extends BuiltinNode {
        @Specialization
        static Object doPartition(PyBytesLike self, Object sep) {
            return partition(self, sep, true);
        }
    }

    @TruffleBoundary
    static Object partition(PyBytesLike self, Object sep, boolean fromRight) {
        byte[] s = Bytes.requireBuffer(sep);
        if (s.length == 0) {
            throw PyErrors.valueError("empty separator");
        }
        byte[] b = self.toArray();
        int k = fromRight ? Bytes.lastIndexOf(b, b.length, s, 0, b.length) : Bytes.indexOf(b, b.length, s, 0, b.length);
        PyBytesLike empty = self.make(new byte[0]);
        if (k < 0) {
            return fromRight ? PyTuple.of(empty, self.make(new byte[0]), self.make(b)) : PyTuple.of(self.make(b), empty, self.make(new byte[0]));
        }
        return PyTuple.of(self.make(Arrays.copyOfRange(b, 0, k)), self.make(s), self.make(Arrays.copyOfRange(b, k + s.length, b.length)));
    }

    /** A byte-wise transformation of the ASCII letters, as CPython's bytes methods do (other bytes unchanged). */
    private static Object mapBytes(PyBytesLike self, IntUnaryOperator f) {
        byte[] b = self.toArray();
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) f.applyAsInt(b[i] & 0xff);
        }
        return self.make(b);
    }

    static boolean isUpper(int c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(int c) {
        return c >= 'a' && c <= 'z';
    }

    static int toUpper(int c) {
        return isLower(c) ? c - 32 : c;
    }

    static int toLower(int c) {
        return isUpper(c) ? c + 32 : c;
    }

    @Builtin(name = "upper", params = {"self"})
    @GenerateNodeFactory
    abstract static class UpperNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doUpper(PyBytesLike self) {
            return mapBytes(self, BytesMethods::toUpper);
        }
    }

    @Builtin(name = "lower", params = {"self"})
    @GenerateNodeFactory
    abstract static class LowerNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doLower(PyBytesLike self) {
            return mapBytes(self, BytesMethods::toLower);
        }
    }

    @Builtin(name = "swapcase", params = {"self"})
    @GenerateNodeFactory
    abstract static class SwapCaseNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSwap(PyBytesLike self) {
            return mapBytes(self, c -> isUpper(c) ? toLower(c) : toUpper(c));
        }
    }

    @Builtin(name = "capitalize", params = {"self"})
    @GenerateNodeFactory
    abstract static class CapitalizeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCapitalize(PyBytesLike self) {
            byte[] b = self.toArray();
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (i == 0 ? toUpper(b[i] & 0xff) : toLower(b[i] & 0xff));
            }
            return self.make(b);
        }
    }

    @Builtin(name = "title", params = {"self"})
    @GenerateNodeFactory
    abstract static class TitleNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doTitle(PyBytesLike self) {
            byte[] b = self.toArray();
            boolean previousCased = false;
            for (int i = 0; i < b.length; i++) {
                int c = b[i] & 0xff;
                b[i] = (byte) (previousCased ? toLower(c) : toUpper(c));
                previousCased = isUpper(c) || isLower(c);
            }
            return self.make(b);
        }
    }

    /** Whether the bytes are non-empty and each satisfies {@code test}. */
    @TruffleBoundary
    private static boolean all(PyBytesLike self, IntPredicate test) {
        if (self.length() == 0) {
            return false;
        }
        for (int i = 0; i < self.length(); i++) {
            if (!test.test(self.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    @Builtin(name = "isdigit", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsDigitNode extends BuiltinNode {
        @Specialization
        static Object doIs(PyBytesLike self) {
            return all(self, BytesMethods::isDigit);
        }
    }

    @Builtin(name = "isalpha", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsAlphaNode extends BuiltinNode {
        @Specialization
        static Object doIs(PyBytesLike self) {
            return all(self, c -> isUpper(c) || isLower(c));
        }
    }

    @Builtin(name = "isalnum", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsAlnumNode extends BuiltinNode {
        @Specialization
        static Object doIs(PyBytesLike self) {
            return all(self, c -> isUpper(c) || isLower(c) || isDigit(c));
        }
    }

    @Builtin(name = "isspace", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsSpaceNode extends BuiltinNode {
        @Specialization
        static Object doIs(PyBytesLike self) {
            return all(self, BytesMethods::isSpace);
        }
    }

    @Builtin(name = "isascii", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsAsciiNode extends BuiltinNode {
        @Specialization
        static Object doIs(PyBytesLike self) {
            return self.length() == 0 || all(self, c -> c < 0x80);
        }
    }

    @Builtin(name = "isupper", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsUpperNode extends BuiltinNode {
        @Specialization
        static Object doIs(PyBytesLike self) {
            return !all(self, c -> !isLower(c)) ? false : !all(self, c -> !isUpper(c));
        }
    }

    @Builtin(name = "islower", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsLowerNode extends BuiltinNode {
        @Specialization
        static Object doIs(PyBytesLike self) {
            return !all(self, c -> !isUpper(c)) ? false : !all(self, c -> !isLower(c));
        }
    }

    @Builtin(name = "ljust", params = {"self", "width", "fillchar"}, required = 2)
    @GenerateNodeFactory
    abstract static class LJustNode extends BuiltinNode {
        @Specialization
        static Object doJustify(PyBytesLike self, Object width, Object fillchar) {
            return justify(self, width, fillchar, "ljust", 0);
        }
    }

    @Builtin(name = "rjust", params = {"self", "width", "fillchar"}, required = 2)
    @GenerateNodeFactory
    abstract static class RJustNode extends BuiltinNode {
        @Specialization
        static Object doJustify(PyBytesLike self, Object width, Object fillchar) {
            return justify(self, width, fillchar, "rjust", 1);
        }
    }

    @Builtin(name = "center", params = {"self", "width", "fillchar"}, required = 2)
    @GenerateNodeFactory
    abstract static class CenterNode extends BuiltinNode {
        @Specialization
        static Object doJustify(PyBytesLike self, Object width, Object fillchar) {
            return justify(self, width, fillchar, "center", 2);
        }
    }

    /** ljust (where 0), rjust (1) and center (2), with CPython's rounding of center's left padding. */
    @TruffleBoundary
    static Object justify(PyBytesLike self, Object width, Object fillchar, String method, int where) {
        long w = Args.index(width, "width");
        byte fill = ' ';
        if (Args.given(fillchar)) {
            byte[] f = fillchar instanceof PyBytesLike b ? b.toArray() : null;
            if (f == null || f.length != 1) {
                throw PyErrors.typeError(method + "() argument 2 must be a byte string of length 1, not " + PyOps.typeName(fillchar));
            }
            fill = f[0];
        }
        int n = self.length();
        if (w <= n) {
            return self.make(self.toArray());
        }
        int pad = PyErrors.checkedLength(w) - n;
        int left = where == 0 ? 0 : where == 1 ? pad : pad / 2 + (int) (pad & w & 1);
        byte[] out = new byte[n + pad];
        Arrays.fill(out, fill);
        System.arraycopy(self.array(), 0, out, left, n);
        return self.make(out);
    }

    @Builtin(name = "zfill", params = {"self", "width"})
    @GenerateNodeFactory
    abstract static class ZFillNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doZFill(PyBytesLike self, Object width) {
            long w = Args.index(width, "width");
            int n = self.length();
            if (w <= n) {
                return self.make(self.toArray());
            }
            byte[] out = new byte[PyErrors.checkedLength(w)];
            int pad = out.length - n;
            Arrays.fill(out, (byte) '0');
            System.arraycopy(self.array(), 0, out, pad, n);
            if (n > 0 && (self.array()[0] == '+' || self.array()[0] == '-')) {
                out[0] = self.array()[0];
                out[pad] = '0';
            }
            return self.make(out);
        }
    }
}

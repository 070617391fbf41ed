package dev.aio.runtime;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** str operations that count code points, as Python does, over Java's UTF-16 strings. */
public final class Strings {
    private Strings() {
    }

    private static boolean isBmpOnly(String s) {
        return s.codePointCount(0, s.length()) == s.length();
    }

    @TruffleBoundary
    public static Object getItem(String s, Object index) {
        if (isBmpOnly(s)) {
            if (index instanceof PySlice slice) {
                int[] r = slice.indices(s.length());
                if (r[2] == 1) {
                    return r[3] == 0 ? "" : s.substring(r[0], r[0] + r[3]);
                }
                StringBuilder sb = new StringBuilder(r[3]);
                for (int k = 0; k < r[3]; k++) {
                    sb.append(s.charAt(r[0] + k * r[2]));
                }
                return sb.toString();
            }
            int i = index(s.length(), index);
            return String.valueOf(s.charAt(i));
        }
        int[] cps = s.codePoints().toArray();
        if (index instanceof PySlice slice) {
            int[] r = slice.indices(cps.length);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < r[3]; k++) {
                sb.appendCodePoint(cps[r[0] + k * r[2]]);
            }
            return sb.toString();
        }
        return new String(cps, index(cps.length, index), 1);
    }

    private static int index(int length, Object index) {
        if (SpecialMethods.lookup(index, "__index__") != null) {
            return index(length, SpecialMethods.call(index, "__index__"));
        }
        if (index instanceof PyValueInstance v) {
            return index(length, v.value());
        }
        if (!(index instanceof Long) && !(index instanceof Boolean) && !(index instanceof BigInteger)) {
            throw PyErrors.typeError("string indices must be integers, not '" + PyOps.typeName(index) + "'");
        }
        return Subscripts.normalizeIndex(index, length, "string");
    }
}

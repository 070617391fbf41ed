package dev.aio.stdlib;

import dev.aio.runtime.PyErrors;

/**
 * IEEE 754 binary16 ("half precision", struct's {@code 'e'}) as CPython's PyFloat_Pack2 and
 * PyFloat_Unpack2 (Objects/floatobject.c) convert it: rounding half to even straight from the
 * double (no double rounding through float), OverflowError past 65504's rounding range, a NaN
 * packed as the quiet NaN with its sign.
 */
final class HalfFloat {
    private HalfFloat() {
    }

    /** The 16 bits of {@code x}. */
    static int pack(double x) {
        int sign = (Double.doubleToRawLongBits(x) < 0) ? 1 : 0;
        int e;
        int bits;
        if (x == 0.0) {
            e = 0;
            bits = 0;
        } else if (Double.isInfinite(x)) {
            e = 0x1f;
            bits = 0;
        } else if (Double.isNaN(x)) {
            e = 0x1f;
            bits = 512;
        } else {
            double f = Math.abs(x);
            // frexp: f = m * 2^e with 1 <= m < 2 after CPython's "f *= 2.0; e--".
            e = Math.getExponent(f);
            if (e < Double.MIN_EXPONENT) {
                e = -1100;
            } else {
                f = Math.scalb(f, -e);
            }
            if (e >= 16) {
                throw overflow();
            } else if (e < -25) {
                f = 0.0;
                e = 0;
            } else if (e < -14) {
                f = Math.scalb(f, 14 + e);
                e = 0;
            } else {
                e += 15;
                f -= 1.0;
            }
            f *= 1024.0;
            bits = (int) f;
            f -= bits;
            if (f > 0.5 || f == 0.5 && bits % 2 == 1) {
                bits++;
                if (bits == 1024) {
                    bits = 0;
                    e++;
                    if (e == 31) {
                        throw overflow();
                    }
                }
            }
        }
        return sign << 15 | e << 10 | bits;
    }

    private static RuntimeException overflow() {
        return PyErrors.overflowError("float too large to pack with e format");
    }

    /** The double of 16 bits. */
    static double unpack(int half) {
        boolean negative = (half & 0x8000) != 0;
        int e = (half >> 10) & 0x1f;
        int f = half & 0x3ff;
        double x;
        if (e == 0x1f) {
            x = f == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            x = f / 1024.0;
            if (e == 0) {
                e = -14;
            } else {
                x += 1.0;
                e -= 15;
            }
            x = Math.scalb(x, e);
        }
        return negative ? -x : x;
    }
}

package dev.aio.stdlib;

/**
 * {@code math.erf} and {@code math.erfc}: CPython 3.11 calls the C library's, and glibc's (Sun's
 * fdlibm s_erf.c, with glibc's split evaluation of the polynomials) is what python3 prints on
 * Linux; this follows the same rational approximations, evaluated in the same order, so the
 * results are the same bits. The coefficients are written as their IEEE bit patterns.
 */
final class ErrorFunction {
    private static final double ERX = bits(0x3FEB0AC1_60000000L);
    private static final double EFX = bits(0x3FC06EBA_8214DB69L);
    private static final double TINY = 1e-300;
    /** erf on [0, 0.84375]: x + x*P(x²)/Q(x²). */
    private static final double[] PP = coefficients(0x3FC06EBA_8214DB68L, 0xBFD4CD7D_691CB913L, 0xBF9D2A51_DBD7194FL, 0xBF77A291_236668E4L, 0xBEF8EAD6_120016ACL);
    private static final double[] QQ = coefficients(0L, 0x3FD97779_CDDADC09L, 0x3FB0A54C_5536CEBAL, 0x3F74D022_C4D36B0FL, 0x3F215DC9_221C1A10L, 0xBED09C43_42A26120L);
    /** erf on [0.84375, 1.25]: ERX + P(s)/Q(s), s = |x| - 1. */
    private static final double[] PA = coefficients(0xBF6359B8_BEF77538L, 0x3FDA8D00_AD92B34DL, 0xBFD7D240_FBB8C3F1L, 0x3FD45FCA_805120E4L, 0xBFBC6398_3D3E28ECL,
                    0x3FA22A36_599795EBL, 0xBF61BF38_0A96073FL);
    private static final double[] QA = coefficients(0L, 0x3FBB3E66_18EEE323L, 0x3FE14AF0_92EB6F33L, 0x3FB2635C_D99FE9A7L, 0x3FC02660_E763351FL, 0x3F8BEDC2_6B51DD1CL,
                    0x3F888B54_5735151DL);
    /** erfc on [1.25, 1/0.35]: exp(-x² - 0.5625 + R(1/x²)/S(1/x²)) / x. */
    private static final double[] RA = coefficients(0xBF843412_600D6435L, 0xBFE63416_E4BA7360L, 0xC0251E04_41B0E726L, 0xC04F300A_E4CBA38DL, 0xC0644CB1_84282266L,
                    0xC067135C_EBCCABB2L, 0xC0545265_57E4D2F2L, 0xC023A0EF_C69AC25CL);
    private static final double[] SA = coefficients(0L, 0x4033A6B9_BD707687L, 0x4061350C_526AE721L, 0x407B290D_D58A1A71L, 0x40842B19_21EC2868L, 0x407AD021_57700314L,
                    0x405B28A3_EE48AE2CL, 0x401A47EF_8E484A93L, 0xBFAEEFF2_EE749A62L);
    /** erfc on [1/0.35, 28]. */
    private static final double[] RB = coefficients(0xBF843412_39E86F4AL, 0xBFE993BA_70C285DEL, 0xC031C209_555F995AL, 0xC064145D_43C5ED98L, 0xC083EC88_1375F228L,
                    0xC0900461_6A2E5992L, 0xC07E384E_9BDC383FL);
    private static final double[] SB = coefficients(0L, 0x403E568B_261D5190L, 0x40745CAE_221B9F0AL, 0x409802EB_189D5118L, 0x40A8FFB7_688C246AL, 0x40A3F219_CEDF3BE6L,
                    0x407DA874_E79FE763L, 0xC03670E2_42712D62L);

    private ErrorFunction() {
    }

    private static double bits(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static double[] coefficients(long... bits) {
        double[] c = new double[bits.length];
        for (int i = 0; i < bits.length; i++) {
            c[i] = bits(bits[i]);
        }
        return c;
    }

    private static int highWord(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    static double erf(double x) {
        int hx = highWord(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) {
            // NaN stays NaN; erf(±inf) = ±1.
            return (1 - ((hx >>> 31) << 1)) + 1 / x;
        }
        if (ix < 0x3feb0000) {
            if (ix < 0x3e300000) {
                return ix < 0x00800000 ? 0.0625 * (16.0 * x + (16.0 * EFX) * x) : x + EFX * x;
            }
            return x + x * small(x * x);
        }
        if (ix < 0x3ff40000) {
            double pq = nearOne(Math.abs(x) - 1);
            return hx >= 0 ? ERX + pq : -ERX - pq;
        }
        if (ix >= 0x40180000) {
            return hx >= 0 ? 1 - TINY : TINY - 1;
        }
        double ax = Math.abs(x);
        double r = tail(ax, ix < 0x4006DB6E);
        return hx >= 0 ? 1 - r / ax : r / ax - 1;
    }

    static double erfc(double x) {
        int hx = highWord(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) {
            // NaN stays NaN; erfc(+inf) = 0, erfc(-inf) = 2.
            return ((hx >>> 31) << 1) + 1 / x;
        }
        if (ix < 0x3feb0000) {
            if (ix < 0x3c700000) {
                return 1 - x;
            }
            double y = small(x * x);
            if (hx < 0x3fd00000) {
                return 1 - (x + x * y);
            }
            double r = x * y;
            r += x - 0.5;
            return 0.5 - r;
        }
        if (ix < 0x3ff40000) {
            double pq = nearOne(Math.abs(x) - 1);
            return hx >= 0 ? (1 - ERX) - pq : 1 + (ERX + pq);
        }
        if (ix < 0x403c0000) {
            if (hx < 0 && ix >= 0x40180000) {
                return 2 - TINY;
            }
            double ax = Math.abs(x);
            double r = tail(ax, ix < 0x4006DB6D);
            return hx > 0 ? r / ax : 2 - r / ax;
        }
        return hx > 0 ? TINY * TINY : 2 - TINY;
    }

    /** P(z)/Q(z) of the interval [0, 0.84375], z = x². */
    private static double small(double z) {
        double r1 = PP[0] + z * PP[1];
        double z2 = z * z;
        double r2 = PP[2] + z * PP[3];
        double z4 = z2 * z2;
        double s1 = 1 + z * QQ[1];
        double s2 = QQ[2] + z * QQ[3];
        double s3 = QQ[4] + z * QQ[5];
        double r = r1 + z2 * r2 + z4 * PP[4];
        double s = s1 + z2 * s2 + z4 * s3;
        return r / s;
    }

    /** P(s)/Q(s) of the interval [0.84375, 1.25]. */
    private static double nearOne(double s) {
        double p1 = PA[0] + s * PA[1];
        double s2 = s * s;
        double q1 = 1 + s * QA[1];
        double s4 = s2 * s2;
        double p2 = PA[2] + s * PA[3];
        double s6 = s4 * s2;
        double q2 = QA[2] + s * QA[3];
        double p3 = PA[4] + s * PA[5];
        double q3 = QA[4] + s * QA[5];
        double p = p1 + s2 * p2 + s4 * p3 + s6 * PA[6];
        double q = q1 + s2 * q2 + s4 * q3 + s6 * QA[6];
        return p / q;
    }

    /** x * erfc(x) for x in [1.25, 28): exp(-x² - 0.5625 + R/S), with x² split as glibc splits it. */
    private static double tail(double x, boolean belowOneOverPoint35) {
        double s = 1 / (x * x);
        double rr;
        double ss;
        double s2 = s * s;
        double s4 = s2 * s2;
        double s6 = s4 * s2;
        if (belowOneOverPoint35) {
            double s8 = s4 * s4;
            rr = (RA[0] + s * RA[1]) + s2 * (RA[2] + s * RA[3]) + s4 * (RA[4] + s * RA[5]) + s6 * (RA[6] + s * RA[7]);
            ss = (1 + s * SA[1]) + s2 * (SA[2] + s * SA[3]) + s4 * (SA[4] + s * SA[5]) + s6 * (SA[6] + s * SA[7]) + s8 * SA[8];
        } else {
            rr = (RB[0] + s * RB[1]) + s2 * (RB[2] + s * RB[3]) + s4 * (RB[4] + s * RB[5]) + s6 * RB[6];
            ss = (1 + s * SB[1]) + s2 * (SB[2] + s * SB[3]) + s4 * (SB[4] + s * SB[5]) + s6 * (SB[6] + s * SB[7]);
        }
        // z is x with the low 32 bits of its mantissa cleared, so z*z is exact.
        double z = Double.longBitsToDouble(Double.doubleToRawLongBits(x) & 0xFFFFFFFF_00000000L);
        return Math.exp(-z * z - 0.5625) * Math.exp((z - x) * (z + x) + rr / ss);
    }
}

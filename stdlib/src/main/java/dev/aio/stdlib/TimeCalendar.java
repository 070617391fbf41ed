package dev.aio.stdlib;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/** Broken-down time and {@code strftime} for the time module, in the C locale and the system's time zone. */
final class TimeCalendar {
    private TimeCalendar() {
    }

    /** (year, mon, mday, hour, min, sec, wday, yday, isdst, zone, gmtoff) of {@code seconds} since the epoch. */
    @TruffleBoundary
    static PyTuple brokenDown(double seconds, boolean utc) {
        if (Double.isNaN(seconds)) {
            throw PyErrors.valueError("Invalid value NaN (not a number)");
        }
        // CPython's limits: a 64-bit time_t, then what the C library can break down (aio: java.time's years).
        if (!(seconds >= -0x1p63 && seconds < 0x1p63)) {
            throw PyErrors.raise(BuiltinTypes.OVERFLOW_ERROR, "timestamp out of range for platform time_t");
        }
        if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            throw PyErrors.osError(75, "Value too large for defined data type", null);
        }
        ZoneId zone = utc ? ZoneOffset.UTC : ZoneId.systemDefault();
        ZonedDateTime t = Instant.ofEpochSecond((long) Math.floor(seconds)).atZone(zone);
        boolean dst = !utc && zone.getRules().isDaylightSavings(t.toInstant());
        String zoneName = utc ? "UTC" : t.getZone().getDisplayName(TextStyle.SHORT, Locale.ROOT);
        if (!utc && zoneName.equals("Z")) {
            zoneName = "UTC";
        }
        return new PyTuple(new Object[]{(long) t.getYear(), (long) t.getMonthValue(), (long) t.getDayOfMonth(), (long) t.getHour(), (long) t.getMinute(),
                        (long) t.getSecond(), (long) (t.getDayOfWeek().getValue() - 1), (long) t.getDayOfYear(), dst ? 1L : 0L,
                        utc ? "GMT" : zoneName, (long) t.getOffset().getTotalSeconds()});
    }

    /** {@code time.mktime}: local broken-down time back to seconds since the epoch. */
    @TruffleBoundary
    static double mktime(Object[] f) {
        LocalDateTime local = LocalDateTime.of(1970, 1, 1, 0, 0).plusYears(num(f[0]) - 1970).plusMonths(num(f[1]) - 1).plusDays(num(f[2]) - 1)
                        .plusHours(num(f[3])).plusMinutes(num(f[4])).plusSeconds(num(f[5]));
        return local.atZone(ZoneId.systemDefault()).toEpochSecond();
    }

    private static long num(Object o) {
        if (!(o instanceof Long l)) {
            throw PyErrors.typeError("an integer is required (got type " + PyOps.typeName(o) + ")");
        }
        return l;
    }

    /** {@code time.strftime(format, t)} over the fields {@link #brokenDown} gives. */
    @TruffleBoundary
    static String strftime(String format, Object[] f) {
        int year = (int) num(f[0]);
        int month = (int) num(f[1]);
        int day = (int) num(f[2]);
        int hour = (int) num(f[3]);
        int minute = (int) num(f[4]);
        int second = (int) num(f[5]);
        int wday = (int) num(f[6]);
        int yday = (int) num(f[7]);
        String zone = f.length > 9 && f[9] instanceof String z ? z : "";
        long gmtoff = f.length > 10 && f[10] instanceof Long g ? g : 0;
        DayOfWeek dow = DayOfWeek.of(wday + 1);
        Month mon = Month.of(Math.max(1, Math.min(12, month)));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                sb.append(c);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'a' -> sb.append(dow.getDisplayName(TextStyle.SHORT, Locale.US));
                case 'A' -> sb.append(dow.getDisplayName(TextStyle.FULL, Locale.US));
                case 'b', 'h' -> sb.append(mon.getDisplayName(TextStyle.SHORT, Locale.US));
                case 'B' -> sb.append(mon.getDisplayName(TextStyle.FULL, Locale.US));
                case 'c' -> sb.append(strftime("%a %b %e %H:%M:%S %Y", f));
                case 'd' -> sb.append(String.format("%02d", day));
                case 'e' -> sb.append(String.format("%2d", day));
                case 'H' -> sb.append(String.format("%02d", hour));
                case 'I' -> sb.append(String.format("%02d", hour % 12 == 0 ? 12 : hour % 12));
                case 'j' -> sb.append(String.format("%03d", yday));
                case 'm' -> sb.append(String.format("%02d", month));
                case 'M' -> sb.append(String.format("%02d", minute));
                case 'p' -> sb.append(hour < 12 ? "AM" : "PM");
                case 'S' -> sb.append(String.format("%02d", second));
                case 'U' -> sb.append(String.format("%02d", (yday - 1 + 7 - (wday + 1) % 7) / 7));
                case 'W' -> sb.append(String.format("%02d", (yday - 1 + 7 - wday) / 7));
                case 'w' -> sb.append((wday + 1) % 7);
                case 'u' -> sb.append(wday + 1);
                case 'x' -> sb.append(strftime("%m/%d/%y", f));
                case 'X', 'T' -> sb.append(strftime("%H:%M:%S", f));
                case 'D' -> sb.append(strftime("%m/%d/%y", f));
                case 'F' -> sb.append(strftime("%Y-%m-%d", f));
                case 'R' -> sb.append(strftime("%H:%M", f));
                case 'y' -> sb.append(String.format("%02d", Math.floorMod(year, 100)));
                case 'Y' -> sb.append(year);
                case 'G' -> sb.append(LocalDateTime.of(year, Math.max(1, month), Math.max(1, day), 0, 0).get(IsoFields.WEEK_BASED_YEAR));
                case 'V' -> sb.append(String.format("%02d", LocalDateTime.of(year, Math.max(1, month), Math.max(1, day), 0, 0).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
                case 'z' -> sb.append(String.format("%s%02d%02d", gmtoff < 0 ? "-" : "+", Math.abs(gmtoff) / 3600, Math.abs(gmtoff) % 3600 / 60));
                case 'Z' -> sb.append(zone);
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case '%' -> sb.append('%');
                default -> sb.append('%').append(d);
            }
        }
        return sb.toString();
    }
}

package dev.aio.asyncio;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.AioException;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/**
 * How asyncio names a callback in reports and reprs, after CPython's
 * {@code format_helpers._format_callback_source}: {@code name(args) at FILE:LINE}, the arguments
 * shortened as {@code reprlib.repr} shortens them, the source only for functions written in aio.
 */
public final class CallbackSource {
    /** reprlib's limits: {@code maxstring}, {@code maxother}, {@code maxlong}, {@code maxlist}. */
    private static final int MAX_STRING = 30;
    private static final int MAX_OTHER = 30;
    private static final int MAX_LONG = 40;
    private static final int MAX_ITEMS = 6;

    private CallbackSource() {
    }

    @TruffleBoundary
    public static String describe(Object callback, Object... args) {
        StringBuilder sb = new StringBuilder(name(callback)).append('(');
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shortRepr(args[i], 1));
        }
        sb.append(')');
        if (callback instanceof PyFunction f) {
            sb.append(" at ").append(f.getCode().fileName()).append(':').append(f.getCode().firstLine());
        }
        return sb.toString();
    }

    /** The callable's {@code __qualname__}, else its {@code __name__}, else its repr. */
    private static String name(Object callable) {
        if (callable instanceof PyFunction f) {
            return f.getQualName();
        }
        for (String attribute : new String[]{"__qualname__", "__name__"}) {
            try {
                if (Attributes.find(callable, attribute) instanceof String s && !s.isEmpty()) {
                    return s;
                }
            } catch (AioException e) {
                // A failing __getattr__ names nothing: go on as getattr(func, name, None) would.
            }
        }
        return PyOps.repr(callable);
    }

    /** {@code reprlib.repr(x)} for the values callbacks usually get. */
    private static String shortRepr(Object x, int level) {
        if (x instanceof String s) {
            String r = PyOps.repr(s.length() > MAX_STRING ? s.substring(0, MAX_STRING) : s);
            if (r.length() > MAX_STRING) {
                int i = Math.max(0, (MAX_STRING - 3) / 2);
                int j = Math.max(0, MAX_STRING - 3 - i);
                r = PyOps.repr(s.substring(0, i) + s.substring(s.length() - j));
                r = r.substring(0, i) + "..." + r.substring(r.length() - j);
            }
            return r;
        }
        if (x instanceof Long || x instanceof BigInteger) {
            return trimmed(PyOps.repr(x), MAX_LONG);
        }
        if (x instanceof PyList || x instanceof PyTuple) {
            Object[] items = x instanceof PyList l ? l.toArray() : ((PyTuple) x).items();
            String open = x instanceof PyList ? "[" : "(";
            String close = x instanceof PyList ? "]" : (items.length == 1 ? ",)" : ")");
            if (items.length == 0) {
                return open + close.replace(",", "");
            }
            if (level > 6) {
                return open + "..." + close;
            }
            StringBuilder sb = new StringBuilder(open);
            for (int i = 0; i < Math.min(items.length, MAX_ITEMS); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(shortRepr(items[i], level + 1));
            }
            if (items.length > MAX_ITEMS) {
                sb.append(", ...");
            }
            return sb.append(close).toString();
        }
        return trimmed(PyOps.repr(x), MAX_OTHER);
    }

    private static String trimmed(String r, int max) {
        if (r.length() <= max) {
            return r;
        }
        int i = Math.max(0, (max - 3) / 2);
        int j = Math.max(0, max - 3 - i);
        return r.substring(0, i) + "..." + r.substring(r.length() - j);
    }
}

package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Missing;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;
import dev.aio.runtime.PyValueInstance;

/**
 * A {@code _csv.Dialect}: the validated, immutable formatting parameters a reader or writer uses
 * (CPython's DialectObj in Modules/_csv.c). Made from a dialect (a registered name, a
 * {@code csv.Dialect} class or instance, any object with these attributes) overridden by keyword
 * arguments, with CPython 3.11's TypeErrors for bad values. Characters are code points;
 * {@link #NOT_SET} stands for None.
 */
final class CsvDialect extends PyObject {
    static final PyType TYPE = new PyType("Dialect", "_csv").withModuleInMessages();

    static final int NOT_SET = -1;
    static final long QUOTE_MINIMAL = 0;
    static final long QUOTE_ALL = 1;
    static final long QUOTE_NONNUMERIC = 2;
    static final long QUOTE_NONE = 3;

    /** The keyword arguments a dialect takes, in CPython's order. */
    static final String[] NAMES = {"delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"};

    final int delimiter;
    final boolean doublequote;
    final int escapechar;
    final String lineterminator;
    final int quotechar;
    final long quoting;
    final boolean skipinitialspace;
    final boolean strict;

    private CsvDialect(Object[] v) {
        delimiter = character("delimiter", v[0], ',', false);
        doublequote = bool(v[1], true);
        escapechar = character("escapechar", v[2], NOT_SET, true);
        lineterminator = lineTerminator(v[3]);
        quotechar = character("quotechar", v[4], '"', true);
        // quotechar=None alone means no quoting, as CPython's dialect_new decides.
        quoting = v[4] == PyNone.NONE && v[5] == Missing.INSTANCE ? QUOTE_NONE : quoting(v[5]);
        if (quoting != QUOTE_NONE && quotechar == NOT_SET) {
            throw PyErrors.typeError("quotechar must be set if quoting enabled");
        }
        skipinitialspace = bool(v[6], false);
        strict = bool(v[7], false);
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    /**
     * The dialect of {@code dialect} (or of a registered name) with {@code overrides}, one value per
     * {@link #NAMES} entry ({@link Missing} where not given). A dialect given alone that is already
     * a {@code _csv.Dialect} is used as it is, as CPython does.
     */
    @TruffleBoundary
    static CsvDialect of(Object dialect, Object[] overrides) {
        Object source = dialect;
        if (source instanceof String || source instanceof PyValueInstance v && v.value() instanceof String) {
            source = CsvModule.registered(PyOps.str(source));
        }
        boolean overridden = false;
        for (Object o : overrides) {
            overridden |= o != Missing.INSTANCE;
        }
        if (source instanceof CsvDialect d && !overridden) {
            return d;
        }
        Object[] values = new Object[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            if (overrides[i] != Missing.INSTANCE) {
                values[i] = overrides[i];
            } else if (source != Missing.INSTANCE && source != null) {
                Object attr = Attributes.find(source, NAMES[i]);
                values[i] = attr != null ? attr : Missing.INSTANCE;
            } else {
                values[i] = Missing.INSTANCE;
            }
        }
        return new CsvDialect(values);
    }

    private static boolean bool(Object v, boolean fallback) {
        return v == Missing.INSTANCE ? fallback : PyOps.isTrue(v);
    }

    private static int character(String name, Object v, int fallback, boolean noneAllowed) {
        if (v == Missing.INSTANCE) {
            return fallback;
        }
        if (v == PyNone.NONE && noneAllowed) {
            return NOT_SET;
        }
        Object s = PyValueInstance.unwrap(v);
        if (!(s instanceof String text)) {
            throw PyErrors.typeError("\"" + name + "\" must be string" + (noneAllowed ? " or None" : "") + ", not " + PyOps.typeName(v));
        }
        if (text.codePointCount(0, text.length()) != 1) {
            throw PyErrors.typeError("\"" + name + "\" must be a 1-character string");
        }
        return text.codePointAt(0);
    }

    private static String lineTerminator(Object v) {
        if (v == Missing.INSTANCE) {
            return "\r\n";
        }
        if (v == PyNone.NONE) {
            throw PyErrors.typeError("lineterminator must be set");
        }
        Object s = PyValueInstance.unwrap(v);
        if (!(s instanceof String text)) {
            throw PyErrors.typeError("\"lineterminator\" must be a string");
        }
        return text;
    }

    private static long quoting(Object v) {
        if (v == Missing.INSTANCE) {
            return QUOTE_MINIMAL;
        }
        Object n = PyValueInstance.unwrapInt(v);
        if (n instanceof Boolean b) {
            n = b ? 1L : 0L;
        }
        if (!Numbers.isInt(n)) {
            throw PyErrors.typeError("\"quoting\" must be an integer");
        }
        if (!(n instanceof Long q) || q < QUOTE_MINIMAL || q > QUOTE_NONE) {
            throw PyErrors.raise(BuiltinTypes.TYPE_ERROR, "bad \"quoting\" value");
        }
        return q;
    }

    /** A character as the attribute gives it: a one-character str, or None. */
    static Object charValue(int c) {
        return c == NOT_SET ? PyNone.NONE : Character.toString(c);
    }
}

package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;

/**
 * A {@code _csv.writer}: rows joined into one line as CPython 3.11's {@code join_append} does
 * (quoting by the dialect's rule and by the characters a field holds, doubled quotes or escapes)
 * and handed to the file's {@code write}.
 */
final class CsvWriter extends PyObject {
    static final PyType TYPE = new PyType("writer", "_csv").withModuleInMessages();

    private final Object write;
    final CsvDialect dialect;

    CsvWriter(Object write, CsvDialect dialect) {
        this.write = write;
        this.dialect = dialect;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    /** {@code writerow(row)}: what the file's {@code write} returns. */
    @TruffleBoundary
    Object writeRow(Object row) {
        PyIterator items;
        try {
            items = Iteration.iter(row);
        } catch (AioException e) {
            if (e.getPyType().isSubtypeOf(BuiltinTypes.TYPE_ERROR)) {
                throw PyErrors.raise(CsvModule.ERROR, "iterable expected, not " + PyOps.typeName(row));
            }
            throw e;
        }
        StringBuilder line = new StringBuilder();
        int numFields = 0;
        for (Object field = items.next(); field != null; field = items.next()) {
            boolean quoted = switch ((int) dialect.quoting) {
                case (int) CsvDialect.QUOTE_NONNUMERIC -> !isNumber(field);
                case (int) CsvDialect.QUOTE_ALL -> true;
                default -> false;
            };
            String text = field == PyNone.NONE ? "" : PyValueInstance.unwrap(field) instanceof String s ? s : PyOps.str(field);
            append(line, numFields++, text, quoted);
        }
        if (numFields > 0 && line.length() == 0) {
            // A record of one empty field is written "" so that it reads back as [''] rather than [].
            if (dialect.quoting == CsvDialect.QUOTE_NONE) {
                throw PyErrors.raise(CsvModule.ERROR, "single empty field record must be quoted");
            }
            append(line, 0, "", true);
        }
        line.append(dialect.lineterminator);
        return Calls.call(write, line.toString());
    }

    /** CPython's {@code PyNumber_Check}: what QUOTE_NONNUMERIC leaves unquoted. */
    private static boolean isNumber(Object o) {
        Object v = PyValueInstance.unwrap(o);
        return Numbers.isNumber(v) || v instanceof Boolean || SpecialMethods.lookup(o, "__index__") != null || SpecialMethods.lookup(o, "__float__") != null ||
                        SpecialMethods.lookup(o, "__int__") != null;
    }

    private void append(StringBuilder line, int index, String field, boolean quotedAlready) {
        CsvDialect d = dialect;
        boolean quoted = quotedAlready;
        StringBuilder body = new StringBuilder(field.length());
        for (int i = 0; i < field.length();) {
            int c = field.codePointAt(i);
            i += Character.charCount(c);
            boolean special = c == d.delimiter || c == d.escapechar || c == d.quotechar || d.lineterminator.indexOf(c) >= 0;
            if (special) {
                boolean escape = false;
                if (d.quoting == CsvDialect.QUOTE_NONE) {
                    escape = true;
                } else {
                    if (c == d.quotechar) {
                        if (d.doublequote) {
                            body.appendCodePoint(d.quotechar);
                        } else {
                            escape = true;
                        }
                    } else if (c == d.escapechar) {
                        escape = true;
                    }
                    if (!escape) {
                        quoted = true;
                    }
                }
                if (escape) {
                    if (d.escapechar == CsvDialect.NOT_SET) {
                        throw PyErrors.raise(CsvModule.ERROR, "need to escape, but no escapechar set");
                    }
                    body.appendCodePoint(d.escapechar);
                }
            }
            body.appendCodePoint(c);
        }
        if (index > 0) {
            line.appendCodePoint(d.delimiter);
        }
        if (quoted) {
            line.appendCodePoint(d.quotechar).append(body).appendCodePoint(d.quotechar);
        } else {
            line.append(body);
        }
    }
}

package dev.aio.stdlib;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;
import dev.aio.runtime.PyValueInstance;

/**
 * A {@code _csv.reader}: rows parsed from an iterable of lines by CPython 3.11's state machine
 * (Modules/_csv.c, {@code parse_process_char}), character by character, so quoting, escapes,
 * doubled quotes, embedded newlines and the strict mode's errors are CPython's.
 */
final class CsvReader extends PyIterator {
    static final PyType TYPE = new PyType("reader", "_csv").withModuleInMessages();

    private enum State {
        START_RECORD,
        START_FIELD,
        ESCAPED_CHAR,
        IN_FIELD,
        IN_QUOTED_FIELD,
        ESCAPE_IN_QUOTED_FIELD,
        QUOTE_IN_QUOTED_FIELD,
        EAT_CRNL,
        AFTER_ESCAPED_CRNL
    }

    /** The end of a line, as the state machine is told after each line's characters. */
    private static final int EOL = -2;

    private final PyIterator lines;
    final CsvDialect dialect;
    long lineNum;
    private State state = State.START_RECORD;
    private final StringBuilder field = new StringBuilder();
    private boolean numericField;
    private List<Object> fields;

    CsvReader(PyIterator lines, CsvDialect dialect) {
        this.lines = lines;
        this.dialect = dialect;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    @TruffleBoundary
    public Object next() {
        fields = new ArrayList<>();
        state = State.START_RECORD;
        numericField = false;
        do {
            Object line = lines.next();
            if (line == null) {
                if (field.length() != 0 || state == State.IN_QUOTED_FIELD) {
                    if (dialect.strict) {
                        throw PyErrors.raise(CsvModule.ERROR, "unexpected end of data");
                    }
                    saveField();
                    break;
                }
                return null;
            }
            Object text = PyValueInstance.unwrap(line);
            if (!(text instanceof String s)) {
                throw PyErrors.raise(CsvModule.ERROR, "iterator should return strings, not " + PyOps.typeName(line) + " (the file should be opened in text mode)");
            }
            lineNum++;
            for (int i = 0; i < s.length();) {
                int c = s.codePointAt(i);
                processChar(c);
                i += Character.charCount(c);
            }
            processChar(EOL);
        } while (state != State.START_RECORD);
        return new PyList(fields.toArray());
    }

    private void processChar(int c) {
        CsvDialect d = dialect;
        switch (state) {
            case START_RECORD -> {
                if (c == EOL) {
                    return;
                }
                if (c == '\n' || c == '\r') {
                    state = State.EAT_CRNL;
                    return;
                }
                state = State.START_FIELD;
                startField(c);
            }
            case START_FIELD -> startField(c);
            case ESCAPED_CHAR -> {
                if (c == '\n' || c == '\r') {
                    addChar(c);
                    state = State.AFTER_ESCAPED_CRNL;
                    return;
                }
                addChar(c == EOL ? '\n' : c);
                state = State.IN_FIELD;
            }
            case AFTER_ESCAPED_CRNL -> {
                if (c != EOL) {
                    inField(c);
                }
            }
            case IN_FIELD -> inField(c);
            case IN_QUOTED_FIELD -> {
                if (c == EOL) {
                    return;
                }
                if (c == d.escapechar) {
                    state = State.ESCAPE_IN_QUOTED_FIELD;
                } else if (c == d.quotechar && d.quoting != CsvDialect.QUOTE_NONE) {
                    state = d.doublequote ? State.QUOTE_IN_QUOTED_FIELD : State.IN_FIELD;
                } else {
                    addChar(c);
                }
            }
            case ESCAPE_IN_QUOTED_FIELD -> {
                addChar(c == EOL ? '\n' : c);
                state = State.IN_QUOTED_FIELD;
            }
            case QUOTE_IN_QUOTED_FIELD -> {
                if (d.quoting != CsvDialect.QUOTE_NONE && c == d.quotechar) {
                    addChar(c);
                    state = State.IN_QUOTED_FIELD;
                } else if (c == d.delimiter) {
                    saveField();
                    state = State.START_FIELD;
                } else if (c == '\n' || c == '\r' || c == EOL) {
                    saveField();
                    state = c == EOL ? State.START_RECORD : State.EAT_CRNL;
                } else if (!d.strict) {
                    addChar(c);
                    state = State.IN_FIELD;
                } else {
                    throw PyErrors.raise(CsvModule.ERROR, "'" + Character.toString(d.delimiter) + "' expected after '" + Character.toString(d.quotechar) + "'");
                }
            }
            case EAT_CRNL -> {
                if (c == EOL) {
                    state = State.START_RECORD;
                } else if (c != '\n' && c != '\r') {
                    throw PyErrors.raise(CsvModule.ERROR, "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?");
                }
            }
        }
    }

    private void startField(int c) {
        CsvDialect d = dialect;
        if (c == '\n' || c == '\r' || c == EOL) {
            saveField();
            state = c == EOL ? State.START_RECORD : State.EAT_CRNL;
        } else if (c == d.quotechar && d.quoting != CsvDialect.QUOTE_NONE) {
            state = State.IN_QUOTED_FIELD;
        } else if (c == d.escapechar) {
            state = State.ESCAPED_CHAR;
        } else if (c == ' ' && d.skipinitialspace) {
            return;
        } else if (c == d.delimiter) {
            saveField();
        } else {
            if (d.quoting == CsvDialect.QUOTE_NONNUMERIC) {
                numericField = true;
            }
            addChar(c);
            state = State.IN_FIELD;
        }
    }

    private void inField(int c) {
        CsvDialect d = dialect;
        if (c == '\n' || c == '\r' || c == EOL) {
            saveField();
            state = c == EOL ? State.START_RECORD : State.EAT_CRNL;
        } else if (c == d.escapechar) {
            state = State.ESCAPED_CHAR;
        } else if (c == d.delimiter) {
            saveField();
            state = State.START_FIELD;
        } else {
            addChar(c);
        }
    }

    private void addChar(int c) {
        if (field.length() >= CsvModule.fieldSizeLimit) {
            throw PyErrors.raise(CsvModule.ERROR, "field larger than field limit (" + CsvModule.fieldSizeLimit + ")");
        }
        field.appendCodePoint(c);
    }

    /** The field ends: a str, or under QUOTE_NONNUMERIC an unquoted field as float() reads it. */
    private void saveField() {
        String s = field.toString();
        field.setLength(0);
        if (numericField) {
            numericField = false;
            fields.add(FloatMethods.FloatNode.parseFloat(s));
        } else {
            fields.add(s);
        }
    }
}

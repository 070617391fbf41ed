package dev.aio.stdlib;

import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyType;

/**
 * What {@code re.Pattern} (written in aio) matches with: TRegex's compiled regex for each of
 * {@link TRegexModule}'s matching modes, compiled when first used, and what a {@link RegexMatch}
 * needs of its pattern (CPython's {@code _sre} keeps the same in its pattern object).
 */
final class CompiledRegex extends PyObject {
    static final int SEARCH = 0;
    static final int MATCH = 1;
    static final int FULLMATCH = 2;
    /** A search that may not find an empty match at its start (sre's must_advance), after an empty match. */
    static final int SEARCH_ADVANCING = 3;
    static final String[] MODE_NAMES = {"search", "match", "fullmatch", "search-advancing"};

    /** The {@code re.Pattern} this belongs to ({@code Match.re}). */
    final Object pattern;
    /** The pattern's text (a bytes pattern's latin-1 text) and TRegex's flag letters for it. */
    final String source;
    final String flags;
    /** A bytes pattern: matches strings' latin-1 text and gives bytes. */
    final boolean bytes;
    final int groups;
    final PyDict groupIndex;
    /** Each group's name, or null, by number. */
    final String[] names;
    private final Object[] regexes = new Object[MODE_NAMES.length];

    CompiledRegex(Object pattern, Object searchRegex, String source, String flags, boolean bytes, int groups, PyDict groupIndex) {
        this.pattern = pattern;
        this.source = source;
        this.flags = flags;
        this.bytes = bytes;
        this.groups = groups;
        this.groupIndex = groupIndex;
        this.names = new String[groups + 1];
        for (PyDict.Entry e : groupIndex.entries()) {
            names[(int) (long) (Long) e.value] = (String) e.key;
        }
        regexes[SEARCH] = searchRegex;
    }

    /** The compiled regex for {@code mode}, or null before it is compiled. */
    Object regex(int mode) {
        return regexes[mode];
    }

    void setRegex(int mode, Object regex) {
        regexes[mode] = regex;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.OBJECT;
    }
}

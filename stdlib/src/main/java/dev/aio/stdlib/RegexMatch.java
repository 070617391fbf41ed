package dev.aio.stdlib;

import java.nio.charset.StandardCharsets;

import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/**
 * {@code re.Match}, CPython's {@code _sre.SRE_Match}: the pattern and string matched, and where the
 * match and each group start and end, in code points (-1 where a group did not take part).
 */
final class RegexMatch extends PyObject {
    static final PyType TYPE = new PyType("Match", "re");

    final CompiledRegex regex;
    /** What was matched, as given (str, or a bytes-like object for a bytes pattern). */
    final Object string;
    /** The text TRegex matched: the string, or a bytes-like object's latin-1 text. */
    private final String text;
    /** Whether the text has no characters outside the BMP, so that code points are chars. */
    private final boolean bmp;
    final long pos;
    final long endpos;
    /** The start and end of group g at 2g and 2g + 1. */
    private final int[] spans;
    /** The last group that matched, or -1. */
    final int lastIndex;

    RegexMatch(CompiledRegex regex, Object string, String text, boolean bmp, long pos, long endpos, int[] spans, int lastIndex) {
        this.regex = regex;
        this.string = string;
        this.text = text;
        this.bmp = bmp;
        this.pos = pos;
        this.endpos = endpos;
        this.spans = spans;
        this.lastIndex = lastIndex;
    }

    int start(int group) {
        return spans[2 * group];
    }

    int end(int group) {
        return spans[2 * group + 1];
    }

    /** Group {@code group}'s text (bytes for a bytes pattern), or {@code missing} when it did not take part. */
    Object group(int group, Object missing) {
        int start = spans[2 * group];
        if (start < 0) {
            return missing;
        }
        return slice(start, spans[2 * group + 1]);
    }

    /** The text from code point {@code start} to {@code end}: a str, or bytes for a bytes pattern (sre's getslice). */
    Object slice(int start, int end) {
        return slice(regex, text, bmp, start, end);
    }

    static Object slice(CompiledRegex regex, String text, boolean bmp, int start, int end) {
        String piece = bmp ? text.substring(start, end) : text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
        return regex.bytes ? new PyBytes(piece.getBytes(StandardCharsets.ISO_8859_1)) : piece;
    }

    @Override
    public String repr() {
        return "<re.Match object; span=(" + start(0) + ", " + end(0) + "), match=" + PyOps.repr(group(0, PyNone.NONE)) + ">";
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }
}

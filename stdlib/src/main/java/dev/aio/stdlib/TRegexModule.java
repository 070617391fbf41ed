package dev.aio.stdlib;

import java.nio.charset.StandardCharsets;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.library.CachedLibrary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import com.oracle.truffle.api.strings.TruffleString;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.AioInternalError;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyMemoryView;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;

/**
 * {@code _tregex}: the matching engine behind the {@code re} module (written in aio), on GraalVM's
 * TRegex with its Python flavour, as CPython's {@code _sre} is the engine behind its {@code re}
 * package: it matches ({@link CompiledRegex}, one TRegex regex per matching mode) and makes the
 * {@link RegexMatch} objects; {@code re.aio} does the rest. TRegex is called through interop
 * libraries cached at each call site, so compiled code calls it directly.
 *
 * <p>Python indexes strings by code point, TRegex (UTF-16, Java's strings) by char: positions are
 * converted at the boundary when the string has characters outside the BMP.
 */
public final class TRegexModule {
    private static final InteropLibrary INTEROP = InteropLibrary.getUncached();

    private TRegexModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_tregex");
        m.defineFunctions(context.getLanguage(), TRegexModuleFactory.getFactories());
        m.put("Match", RegexMatch.TYPE);
        return m;
    }

    /**
     * {@code compile(pattern, flags, mode)}: the compiled regex (an opaque handle), or, when TRegex
     * rejects the pattern, a tuple {@code (message, position, unsupported)}: a syntax error
     * (CPython's {@code re.error}, position None when CPython names none), or a construct TRegex does
     * not support.
     */
    @Builtin(name = "compile", params = {"pattern", "flags", "mode"})
    @GenerateNodeFactory
    abstract static class CompileNode extends BuiltinNode {
        @Specialization
        Object doCompile(String pattern, String flags, String mode) {
            return compile(AioContext.get(this), pattern, flags, mode);
        }
    }

    @TruffleBoundary
    private static Object compile(AioContext context, String pattern, String flags, String mode) {
        // "search-advancing": a search that may not find an empty match at its start (sre's must_advance).
        String options = mode.equals("search-advancing") ? "Flavor=Python,Encoding=UTF-16,MatchingMode=search,MustAdvance=true/"
                        : "Flavor=Python,Encoding=UTF-16,MatchingMode=" + mode + "/";
        Source source = Source.newBuilder("regex", options + pattern + "/" + flags, "re").internal(true).build();
        Object regex;
        try {
            regex = context.getEnv().parseInternal(source).call();
        } catch (RuntimeException e) {
            if (!INTEROP.isException(e)) {
                throw e;
            }
            return rejected(e, pattern);
        }
        if (INTEROP.isNull(regex)) {
            return PyTuple.of("TRegex does not support this pattern", PyNone.NONE, true);
        }
        return regex;
    }

    private static PyTuple rejected(RuntimeException e, String pattern) {
        boolean unsupported = e.getClass().getSimpleName().equals("UnsupportedRegexException");
        try {
            String message = INTEROP.asString(INTEROP.getExceptionMessage(e));
            if (unsupported || !INTEROP.hasSourceLocation(e)) {
                return PyTuple.of(message, PyNone.NONE, unsupported);
            }
            // The section is within the pattern itself (TRegex's source for it), in chars.
            SourceSection at = INTEROP.getSourceLocation(e);
            int index = Math.max(0, Math.min(pattern.length(), at.getCharIndex()));
            return PyTuple.of(message, (long) pattern.codePointCount(0, index), false);
        } catch (InteropException ie) {
            return PyTuple.of(String.valueOf(e.getMessage()), PyNone.NONE, unsupported);
        }
    }

    /** {@code info(regex)}: {@code (groups, groupindex)}, the number of groups and the named ones' numbers. */
    @Builtin(name = "info", params = {"regex"})
    @GenerateNodeFactory
    abstract static class InfoNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInfo(Object regex) {
            try {
                long groups = INTEROP.asInt(INTEROP.readMember(regex, "groupCount")) - 1;
                PyDict names = new PyDict();
                Object map = INTEROP.readMember(regex, "groups");
                if (!INTEROP.isNull(map)) {
                    Object keys = INTEROP.getMembers(map);
                    long n = INTEROP.getArraySize(keys);
                    for (long i = 0; i < n; i++) {
                        String name = INTEROP.asString(INTEROP.readArrayElement(keys, i));
                        names.put(name, (long) INTEROP.asInt(INTEROP.readMember(map, name)));
                    }
                }
                return PyTuple.of(groups, names);
            } catch (InteropException e) {
                throw new AioInternalError(e, "TRegex's compiled regex (groupCount, groups)");
            }
        }
    }

    /** {@code flags(regex)}: the pattern's flags, inline ones included, as {@code {"IGNORECASE": True, ...}}. */
    @Builtin(name = "flags", params = {"regex"})
    @GenerateNodeFactory
    abstract static class FlagsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFlags(Object regex) {
            try {
                PyDict result = new PyDict();
                Object flags = INTEROP.readMember(regex, "flags");
                Object keys = INTEROP.getMembers(flags);
                long n = INTEROP.getArraySize(keys);
                for (long i = 0; i < n; i++) {
                    String name = INTEROP.asString(INTEROP.readArrayElement(keys, i));
                    result.put(name, INTEROP.asBoolean(INTEROP.readMember(flags, name)));
                }
                return result;
            } catch (InteropException e) {
                throw new AioInternalError(e, "TRegex's compiled regex (flags)");
            }
        }
    }

    /**
     * {@code pattern(owner, regex, source, flags, bytes, groups, groupindex)}: what {@code re.Pattern}
     * {@code owner} matches with, from its compiled search regex.
     */
    @Builtin(name = "pattern", params = {"owner", "regex", "source", "flags", "bytes", "groups", "groupindex"})
    @GenerateNodeFactory
    abstract static class PatternNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doPattern(Object owner, Object regex, String source, String flags, boolean bytes, long groups, PyDict groupIndex) {
            return new CompiledRegex(owner, regex, source, flags, bytes, (int) groups, groupIndex);
        }
    }

    /**
     * {@code exec(compiled, mode, string, pos, endpos)}: the {@code re.Match} of the pattern in
     * {@code string} from {@code pos} in {@code mode} (search, match, fullmatch: CPython's three
     * ways of anchoring at pos), or None. Matching stops at {@code endpos} as if the string ended
     * there, as CPython's does; both are clamped to the string as CPython clamps them.
     */
    @Builtin(name = "exec", params = {"compiled", "mode", "string", "pos", "endpos"})
    @GenerateNodeFactory
    abstract static class ExecNode extends BuiltinNode {
        @Specialization
        Object doExec(CompiledRegex compiled, long mode, Object string, Object pos, Object endpos,
                        @CachedLibrary(limit = "3") InteropLibrary regexes,
                        @CachedLibrary(limit = "3") InteropLibrary results) {
            Subject subject = Subject.of(compiled, string);
            long n = subject.length();
            long from = Math.min(Math.max(Args.index(pos, "pos"), 0), n);
            long to = Math.max(Math.min(Args.index(endpos, "endpos"), n), from);
            return exec(AioContext.get(this), compiled, (int) mode, subject, (int) from, (int) to, regexes, results);
        }
    }

    /**
     * {@code findall(compiled, string, pos, endpos)}: {@code Pattern.findall}, every match's text
     * (its groups' when it has some); after an empty match the next may start where it ended, but
     * may not be empty there (CPython 3.7+).
     */
    @Builtin(name = "findall", params = {"compiled", "string", "pos", "endpos"})
    @GenerateNodeFactory
    abstract static class FindAllNode extends BuiltinNode {
        @Specialization
        Object doFindAll(CompiledRegex compiled, Object string, Object pos, Object endpos,
                        @CachedLibrary(limit = "3") InteropLibrary regexes,
                        @CachedLibrary(limit = "3") InteropLibrary results) {
            AioContext context = AioContext.get(this);
            Subject subject = Subject.of(compiled, string);
            long n = subject.length();
            int from = (int) Math.min(Math.max(Args.index(pos, "pos"), 0), n);
            int to = (int) Math.max(Math.min(Args.index(endpos, "endpos"), n), from);
            PyList found = new PyList();
            Object empty = compiled.bytes ? new PyBytes(new byte[0]) : "";
            Scan scan = new Scan(from, to);
            RegexMatch match;
            while ((match = scan.next(context, compiled, subject, regexes, results)) != null) {
                found.append(findAllItem(match, empty));
            }
            return found;
        }
    }

    /**
     * {@code sub(compiled, replace, string, count)}: {@code Pattern.subn}'s pieces and count, for
     * re.aio to join (so that a bad replacement's "sequence item N" message is CPython's).
     * {@code replace} is the replacement string, a parsed template (a list of strings and group
     * numbers), or a callable given each match. As _sre's pattern_subx: empty slices between
     * matches are left out, and so are the callable's None results.
     */
    @Builtin(name = "sub", params = {"compiled", "replace", "string", "count"})
    @GenerateNodeFactory
    abstract static class SubNode extends BuiltinNode {
        @Specialization
        Object doSub(CompiledRegex compiled, Object replace, Object string, Object maxCount,
                        @CachedLibrary(limit = "3") InteropLibrary regexes,
                        @CachedLibrary(limit = "3") InteropLibrary results) {
            AioContext context = AioContext.get(this);
            long count = Args.index(maxCount, "count");
            Subject subject = Subject.of(compiled, string);
            int length = (int) subject.length();
            PyList pieces = new PyList();
            Object empty = compiled.bytes ? new PyBytes(new byte[0]) : "";
            int last = 0;
            long n = 0;
            Scan scan = new Scan(0, length);
            RegexMatch match;
            while ((count == 0 || n < count) && (match = scan.next(context, compiled, subject, regexes, results)) != null) {
                int start = match.start(0);
                if (last < start) {
                    pieces.append(match.slice(last, start));
                }
                appendReplacement(pieces, replace, match, empty);
                last = match.end(0);
                n++;
            }
            if (last < length) {
                pieces.append(RegexMatch.slice(compiled, subject.text, subject.bmp, last, length));
            }
            return PyTuple.of(pieces, n);
        }
    }

    @TruffleBoundary
    private static void appendReplacement(PyList pieces, Object replace, RegexMatch match, Object empty) {
        if (replace instanceof String || replace instanceof PyBytes) {
            pieces.append(replace);
        } else if (replace instanceof PyList template) {
            for (Object part : template.toArray()) {
                if (part instanceof String literal) {
                    pieces.append(match.regex.bytes ? new PyBytes(literal.getBytes(StandardCharsets.ISO_8859_1)) : literal);
                } else {
                    pieces.append(match.group((int) (long) (Long) part, empty));
                }
            }
        } else {
            Object piece = Calls.call(replace, match);
            if (piece != PyNone.NONE) {
                pieces.append(piece);
            }
        }
    }

    /**
     * The successive matches from {@code from} to {@code to}, as finditer gives them: after an
     * empty match the next may start where it ended, but may not be empty there (sre's
     * must_advance, CPython 3.7+), so "x*" finds "axb"'s every place exactly once.
     */
    private static final class Scan {
        private int from;
        private final int to;
        private int mode = CompiledRegex.SEARCH;

        Scan(int from, int to) {
            this.from = from;
            this.to = to;
        }

        /** The next match, or null when there is none. */
        RegexMatch next(AioContext context, CompiledRegex compiled, Subject subject, InteropLibrary regexes, InteropLibrary results) {
            if (from > to || !(exec(context, compiled, mode, subject, from, to, regexes, results) instanceof RegexMatch match)) {
                from = to + 1;
                return null;
            }
            mode = match.start(0) == match.end(0) ? CompiledRegex.SEARCH_ADVANCING : CompiledRegex.SEARCH;
            from = match.end(0);
            return match;
        }
    }

    @TruffleBoundary
    private static Object findAllItem(RegexMatch match, Object empty) {
        int groups = match.regex.groups;
        if (groups == 0) {
            return match.group(0, empty);
        }
        if (groups == 1) {
            return match.group(1, empty);
        }
        Object[] items = new Object[groups];
        for (int g = 1; g <= groups; g++) {
            items[g - 1] = match.group(g, empty);
        }
        return new PyTuple(items);
    }

    /**
     * A string as TRegex matches it: its text (a bytes-like object's latin-1 text), whether that
     * has characters outside the BMP (then positions are converted between code points and chars),
     * and TRegex's string of it.
     */
    private record Subject(Object string, String text, boolean bmp, TruffleString input) {
        long length() {
            return bmp ? text.length() : text.codePointCount(0, text.length());
        }

        /** Matching over one immutable string many times (finditer, split) converts it once. */
        @TruffleBoundary
        static Subject of(CompiledRegex compiled, Object string) {
            Subject last = lastSubject;
            if (last != null && last.string == string && (string instanceof String || string instanceof PyBytes)) {
                return last;
            }
            String text = textOf(compiled, string);
            Subject subject = new Subject(string, text, text.length() == text.codePointCount(0, text.length()),
                            TruffleString.fromJavaStringUncached(text, TruffleString.Encoding.UTF_16));
            lastSubject = subject;
            return subject;
        }
    }

    private static volatile Subject lastSubject;

    /** The str a pattern runs on, with CPython's messages for the wrong kind of string. */
    private static String textOf(CompiledRegex compiled, Object string) {
        Object s = PyValueInstance.unwrap(string);
        if (s instanceof PyBytesLike || s instanceof PyMemoryView) {
            if (!compiled.bytes) {
                throw PyErrors.typeError("cannot use a string pattern on a bytes-like object");
            }
            byte[] content = s instanceof PyBytesLike b ? b.toArray() : ((PyMemoryView) s).toArray();
            return new String(content, StandardCharsets.ISO_8859_1);
        }
        if (s instanceof String text) {
            if (compiled.bytes) {
                throw PyErrors.typeError("cannot use a bytes pattern on a string-like object");
            }
            return text;
        }
        throw PyErrors.typeError("expected string or bytes-like object, got '" + PyOps.typeName(string) + "'");
    }

    private static Object exec(AioContext context, CompiledRegex compiled, int mode, Subject subject, int pos, int endpos, InteropLibrary regexes, InteropLibrary results) {
        Object regex = compiled.regex(mode);
        if (regex == null) {
            regex = compileMode(context, compiled, mode);
        }
        boolean bmp = subject.bmp;
        Object input = bmp && endpos == subject.text.length() ? subject.input : truncated(subject, endpos);
        try {
            Object result = regexes.invokeMember(regex, "exec", input, bmp ? pos : charIndex(subject.text, pos));
            if (!results.asBoolean(results.readMember(result, "isMatch"))) {
                return PyNone.NONE;
            }
            int[] spans = new int[2 * (compiled.groups + 1)];
            for (int g = 0; g <= compiled.groups; g++) {
                spans[2 * g] = results.asInt(results.invokeMember(result, "getStart", g));
                spans[2 * g + 1] = results.asInt(results.invokeMember(result, "getEnd", g));
            }
            if (!bmp) {
                toCodePoints(subject.text, spans);
            }
            int lastGroup = results.asInt(results.readMember(result, "lastGroup"));
            return new RegexMatch(compiled, subject.string, subject.text, bmp, pos, endpos, spans, lastGroup);
        } catch (InteropException e) {
            throw new AioInternalError(e, "TRegex's match result (isMatch, getStart, getEnd)");
        }
    }

    @TruffleBoundary
    private static Object compileMode(AioContext context, CompiledRegex compiled, int mode) {
        Object regex = compile(context, compiled.source, compiled.flags, CompiledRegex.MODE_NAMES[mode]);
        if (regex instanceof PyTuple) {
            throw new AioInternalError(null, "TRegex compiled " + compiled.source + " for search but not for " + CompiledRegex.MODE_NAMES[mode]);
        }
        compiled.setRegex(mode, regex);
        return regex;
    }

    /** The text up to code point {@code endpos}, as TRegex takes it. */
    @TruffleBoundary
    private static Object truncated(Subject subject, int endpos) {
        int end = subject.bmp ? endpos : charIndex(subject.text, endpos);
        return end == subject.text.length() ? subject.input : TruffleString.fromJavaStringUncached(subject.text.substring(0, end), TruffleString.Encoding.UTF_16);
    }

    @TruffleBoundary
    private static int charIndex(String text, int codePoint) {
        return text.offsetByCodePoints(0, codePoint);
    }

    @TruffleBoundary
    private static void toCodePoints(String text, int[] spans) {
        for (int i = 0; i < spans.length; i++) {
            if (spans[i] > 0) {
                spans[i] = text.codePointCount(0, spans[i]);
            }
        }
    }
}

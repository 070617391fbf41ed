package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import com.oracle.truffle.api.strings.TruffleString;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.AioInternalError;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;

/**
 * {@code _tregex}: the matching engine behind the {@code re} module (written in aio), on GraalVM's
 * TRegex with its Python flavour, as CPython's {@code _sre} is the engine behind its {@code re}
 * package. A pattern is compiled once per matching mode ({@code search}, {@code match},
 * {@code fullmatch}: CPython's three ways of anchoring at {@code pos}; {@code search-advancing}
 * for the search after an empty match).
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
     * {@code exec(regex, string, pos, endpos, groups)}: None, or a tuple of the last group's number
     * (-1 for none) followed by the start and end of the whole match and of each group (-1 where a
     * group did not take part), in code points. Matching stops at {@code endpos} as if the string
     * ended there, as CPython's does.
     */
    @Builtin(name = "exec", params = {"regex", "string", "pos", "endpos", "groups"})
    @GenerateNodeFactory
    abstract static class ExecNode extends BuiltinNode {
        @Specialization
        static Object doExec(Object regex, String string, long pos, long endpos, long groups) {
            return exec(regex, string, (int) pos, (int) endpos, (int) groups);
        }
    }

    /**
     * The string last matched against, as TRegex takes it: matching over one string many times
     * (finditer, sub, split) would otherwise convert it and scan it for non-BMP characters at each
     * match.
     */
    private record Input(String string, boolean bmp, TruffleString text) {
        static Input of(String string) {
            boolean bmp = string.length() == string.codePointCount(0, string.length());
            return new Input(string, bmp, TruffleString.fromJavaStringUncached(string, TruffleString.Encoding.UTF_16));
        }
    }

    private static volatile Input lastInput;

    @TruffleBoundary
    private static Object exec(Object regex, String string, int pos, int endpos, int groups) {
        Input in = lastInput;
        if (in == null || in.string != string) {
            in = Input.of(string);
            lastInput = in;
        }
        boolean bmp = in.bmp;
        int charEnd = bmp ? endpos : string.offsetByCodePoints(0, endpos);
        int charPos = bmp ? pos : string.offsetByCodePoints(0, pos);
        Object input = charEnd == string.length() ? in.text : TruffleString.fromJavaStringUncached(string.substring(0, charEnd), TruffleString.Encoding.UTF_16);
        try {
            Object result = INTEROP.invokeMember(regex, "exec", input, charPos);
            if (!INTEROP.asBoolean(INTEROP.readMember(result, "isMatch"))) {
                return PyNone.NONE;
            }
            Object[] spans = new Object[1 + 2 * (groups + 1)];
            spans[0] = (long) INTEROP.asInt(INTEROP.readMember(result, "lastGroup"));
            for (int g = 0; g <= groups; g++) {
                int start = INTEROP.asInt(INTEROP.invokeMember(result, "getStart", g));
                int end = INTEROP.asInt(INTEROP.invokeMember(result, "getEnd", g));
                spans[1 + 2 * g] = (long) (bmp || start < 0 ? start : string.codePointCount(0, start));
                spans[2 + 2 * g] = (long) (bmp || end < 0 ? end : string.codePointCount(0, end));
            }
            return new PyTuple(spans);
        } catch (InteropException e) {
            throw new AioInternalError(e, "TRegex's match result (isMatch, getStart, getEnd)");
        }
    }
}

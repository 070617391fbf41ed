package dev.aio.stdlib;

import java.util.Arrays;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Codecs;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/**
 * The standard error handlers as functions ({@code codecs.lookup_error('replace')}), as CPython's
 * Python/codecs.c defines them: each takes the UnicodeError and returns the replacement and the
 * position to go on from. aio's codecs apply these handlers themselves; the functions are what
 * a program (or {@code codecs.py}, at import) looks up.
 */
final class CodecErrorHandlers {
    private CodecErrorHandlers() {
    }

    /** The handlers by name. */
    static Map<String, BuiltinSpec> all() {
        return Map.of("strict", BuiltinSpec.of(CodecErrorHandlersFactory.StrictNodeFactory.getInstance()),
                        "ignore", BuiltinSpec.of(CodecErrorHandlersFactory.IgnoreNodeFactory.getInstance()),
                        "replace", BuiltinSpec.of(CodecErrorHandlersFactory.ReplaceNodeFactory.getInstance()),
                        "backslashreplace", BuiltinSpec.of(CodecErrorHandlersFactory.BackslashReplaceNodeFactory.getInstance()),
                        "xmlcharrefreplace", BuiltinSpec.of(CodecErrorHandlersFactory.XmlCharRefReplaceNodeFactory.getInstance()),
                        "namereplace", BuiltinSpec.of(CodecErrorHandlersFactory.NameReplaceNodeFactory.getInstance()));
    }

    private static boolean isEncodeError(Object exc) {
        return PyOps.isInstance(exc, BuiltinTypes.UNICODE_ENCODE_ERROR);
    }

    private static boolean isDecodeError(Object exc) {
        return PyOps.isInstance(exc, BuiltinTypes.UNICODE_DECODE_ERROR);
    }

    private static AioException cannotHandle(Object exc) {
        return PyErrors.typeError("don't know how to handle " + PyOps.typeName(exc) + " in error callback");
    }

    private static int position(Object exc, String name) {
        return (int) Args.index(Attributes.get(exc, name), name);
    }

    /** The code points of the encode error's object from start to end. */
    private static int[] unencodable(Object exc) {
        String s = (String) Attributes.get(exc, "object");
        int[] cps = s.codePoints().toArray();
        return Arrays.copyOfRange(cps, position(exc, "start"), position(exc, "end"));
    }

    private static PyTuple result(String replacement, Object exc) {
        return new PyTuple(new Object[]{replacement, (long) position(exc, "end")});
    }

    @Builtin(name = "strict_errors", params = {"exception"})
    @GenerateNodeFactory
    abstract static class StrictNode extends BuiltinNode {
        @Specialization
        static Object doStrict(Object exc) {
            if (exc instanceof PyBaseException e) {
                throw new AioException(e, null);
            }
            throw PyErrors.typeError("codec must pass exception instance");
        }
    }

    @Builtin(name = "ignore_errors", params = {"exception"})
    @GenerateNodeFactory
    abstract static class IgnoreNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doIgnore(Object exc) {
            if (!isEncodeError(exc) && !isDecodeError(exc) && !PyOps.isInstance(exc, BuiltinTypes.UNICODE_ERROR)) {
                throw cannotHandle(exc);
            }
            return result("", exc);
        }
    }

    @Builtin(name = "replace_errors", params = {"exception"})
    @GenerateNodeFactory
    abstract static class ReplaceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReplace(Object exc) {
            if (isEncodeError(exc)) {
                return result("?".repeat(unencodable(exc).length), exc);
            }
            if (isDecodeError(exc)) {
                return result("\ufffd", exc);
            }
            throw cannotHandle(exc);
        }
    }

    @Builtin(name = "backslashreplace_errors", params = {"exception"})
    @GenerateNodeFactory
    abstract static class BackslashReplaceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doBackslashReplace(Object exc) {
            StringBuilder sb = new StringBuilder();
            if (isEncodeError(exc)) {
                for (int cp : unencodable(exc)) {
                    sb.append(Codecs.backslashEscape(cp));
                }
                return result(sb.toString(), exc);
            }
            if (isDecodeError(exc)) {
                byte[] b = Bytes.requireBuffer(Attributes.get(exc, "object"));
                for (int k = position(exc, "start"); k < position(exc, "end"); k++) {
                    sb.append(String.format("\\x%02x", b[k] & 0xff));
                }
                return result(sb.toString(), exc);
            }
            throw cannotHandle(exc);
        }
    }

    @Builtin(name = "xmlcharrefreplace_errors", params = {"exception"})
    @GenerateNodeFactory
    abstract static class XmlCharRefReplaceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doXmlCharRefReplace(Object exc) {
            if (!isEncodeError(exc)) {
                throw cannotHandle(exc);
            }
            StringBuilder sb = new StringBuilder();
            for (int cp : unencodable(exc)) {
                sb.append("&#").append(cp).append(';');
            }
            return result(sb.toString(), exc);
        }
    }

    /** {@code \N{NAME}} with the JDK's Unicode character names (as {@link Codecs#nameEscape}). */
    @Builtin(name = "namereplace_errors", params = {"exception"})
    @GenerateNodeFactory
    abstract static class NameReplaceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNameReplace(Object exc) {
            if (!isEncodeError(exc)) {
                throw cannotHandle(exc);
            }
            StringBuilder sb = new StringBuilder();
            for (int cp : unencodable(exc)) {
                sb.append(Codecs.nameEscape(cp));
            }
            return result(sb.toString(), exc);
        }
    }
}

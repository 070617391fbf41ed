package dev.aio.stdlib;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyValueInstance;

/**
 * {@code _operator}, the C module under CPython's {@code operator}: aio's {@code operator} (written
 * in aio) supplies the functions, and {@code _compare_digest} is here, the constant-time
 * comparison {@code hmac.compare_digest} and {@code secrets.compare_digest} are (CPython's
 * {@code _operator__compare_digest_impl}).
 */
public final class OperatorModule {
    private OperatorModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_operator");
        PyModule operator = context.importModule("operator");
        for (Object name : operator.namespace().keys()) {
            if (name instanceof String s && !s.startsWith("_")) {
                m.put(s, operator.get(s));
            }
        }
        m.defineFunctions(context.getLanguage(), OperatorModuleFactory.getFactories());
        return m;
    }

    @Builtin(name = "_compare_digest", params = {"a", "b"})
    @GenerateNodeFactory
    abstract static class CompareDigestNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCompare(Object a, Object b) {
            String sa = string(a);
            String sb = string(b);
            if (sa != null && sb != null) {
                if (!isAscii(sa) || !isAscii(sb)) {
                    throw PyErrors.typeError("comparing strings with non-ASCII characters is not supported");
                }
                return equalInConstantTime(sa.getBytes(US_ASCII), sb.getBytes(US_ASCII));
            }
            if (!Bytes.isBytesLike(a) && !Bytes.isBytesLike(b)) {
                throw PyErrors.typeError("unsupported operand types(s) or combination of types: '" + PyOps.typeName(a) + "' and '" + PyOps.typeName(b) + "'");
            }
            return equalInConstantTime(Bytes.requireBuffer(a), Bytes.requireBuffer(b));
        }

        private static String string(Object o) {
            if (o instanceof String s) {
                return s;
            }
            return o instanceof PyValueInstance v && v.value() instanceof String s ? s : null;
        }

        private static boolean isAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 127) {
                    return false;
                }
            }
            return true;
        }

        /**
         * CPython's {@code _tscmp}: the time depends on the length of {@code b} only, not on where
         * the two differ, so a timing attack learns nothing of a secret compared against.
         */
        private static boolean equalInConstantTime(byte[] a, byte[] b) {
            byte[] left = a.length == b.length ? a : b;
            int result = a.length == b.length ? 0 : 1;
            for (int i = 0; i < b.length; i++) {
                result |= left[i] ^ b[i];
            }
            return result == 0;
        }
    }
}

package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/**
 * {@code _json}: the encoder and the scanner behind the json module (written in aio), in Java for
 * speed, as CPython's {@code _json} accelerates its {@code json} package.
 */
public final class JsonModule {
    private JsonModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_json");
        m.defineFunctions(context.getLanguage(), JsonModuleFactory.getFactories());
        return m;
    }

    private static Object hook(Object h) {
        return h == PyNone.NONE ? null : h;
    }

    @Builtin(name = "encode", params = {"obj", "indent", "item_separator", "key_separator", "sort_keys", "ensure_ascii", "allow_nan", "skipkeys",
                    "check_circular", "default"})
    @GenerateNodeFactory
    abstract static class EncodeNode extends BuiltinNode {
        @Specialization
        static Object doEncode(Object obj, Object indent, Object itemSeparator, Object keySeparator, Object sortKeys, Object ensureAscii, Object allowNan,
                        Object skipKeys, Object checkCircular, Object dflt) {
            // CPython's C encoder takes key_separator as its 5th argument, item_separator as its 6th.
            String key = separator(keySeparator, 5);
            String item = separator(itemSeparator, 6);
            JsonEncoder.Options options = new JsonEncoder.Options(indent == PyNone.NONE ? null : (String) indent, item,
                            key, PyOps.isTrue(sortKeys), PyOps.isTrue(ensureAscii), PyOps.isTrue(allowNan), PyOps.isTrue(skipKeys),
                            PyOps.isTrue(checkCircular), dflt);
            return JsonEncoder.encode(obj, options);
        }
    }

    private static String separator(Object value, int argument) {
        if (value instanceof String s) {
            return s;
        }
        throw PyErrors.typeError("make_encoder() argument " + argument + " must be str, not " + PyOps.typeName(value));
    }

    /** {@code scan(s, idx, whole, ...)}: the whole document's value, or (value, end) for the value at idx. */
    @Builtin(name = "scan", params = {"s", "idx", "whole", "object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant", "strict",
                    "error_class"})
    @GenerateNodeFactory
    abstract static class ScanNode extends BuiltinNode {
        @Specialization
        static Object doScan(Object s, Object idx, Object whole, Object objectHook, Object objectPairsHook, Object parseFloat, Object parseInt,
                        Object parseConstant, Object strict, Object errorClass) {
            JsonScanner.Hooks hooks = new JsonScanner.Hooks(hook(objectHook), hook(objectPairsHook), hook(parseFloat), hook(parseInt),
                            hook(parseConstant), PyOps.isTrue(strict), errorClass);
            boolean wholeDocument = PyOps.isTrue(whole);
            if (!(s instanceof String text)) {
                // CPython's messages: decode's come from re.match, raw_decode's from the C scanner.
                throw PyErrors.typeError(wholeDocument ? "expected string or bytes-like object, got '" + PyOps.typeName(s) + "'"
                                : "first argument must be a string, not " + PyOps.typeName(s));
            }
            if (wholeDocument) {
                return JsonScanner.decode(text, hooks);
            }
            return JsonScanner.rawDecode(text, (int) Args.index(idx, "idx"), hooks);
        }
    }
}

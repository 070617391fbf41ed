package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;

/**
 * {@code pyexpat} (CPython's Modules/pyexpat.c over expat), which {@code xml.parsers.expat} and so
 * {@code xml.etree}, {@code xml.dom.minidom}, {@code xml.sax} and {@code plistlib} parse with:
 * the parser object, its handlers, {@code ExpatError} and the {@code errors} and {@code model}
 * submodules are written in aio ({@code pyexpat.aio}) over the push tokenizer here
 * ({@link ExpatTokenizer}), as pyexpat.c is written over expat.
 */
public final class PyexpatModule {
    private PyexpatModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("pyexpat");
        m.defineFunctions(context.getLanguage(), PyexpatModuleFactory.getFactories());
        AioStdlib.runInto(context, m, "pyexpat");
        return m;
    }

    /** {@code _tokenizer(encoding, namespace_separator)}: a tokenizer for one parser; either may be None. */
    @Builtin(name = "_tokenizer", params = {"encoding", "namespace_separator"})
    @GenerateNodeFactory
    abstract static class TokenizerNode extends BuiltinNode {
        @Specialization
        static Object doTokenizer(Object encoding, Object separator) {
            ExpatTokenizer tokenizer = new ExpatTokenizer(separator == PyNone.NONE ? null : (String) separator);
            if (encoding != PyNone.NONE) {
                tokenizer.fixEncoding((String) encoding);
            }
            return tokenizer;
        }
    }
}

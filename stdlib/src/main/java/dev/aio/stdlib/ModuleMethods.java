package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/** {@code types.ModuleType(name, doc=None)}: a new, empty module (CPython's Objects/moduleobject.c). */
public final class ModuleMethods {
    private ModuleMethods() {
    }

    static void install() {
        BuiltinTypes.MODULE.defineBuiltins(ModuleMethodsFactory.getFactories());
    }

    @Builtin(name = "module", constructor = true, params = {"cls", "name", "doc"}, required = 2)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(@SuppressWarnings("unused") Object cls, Object name, Object doc) {
            if (!(name instanceof String s)) {
                throw PyErrors.typeError("module.__init__() argument 'name' must be str, not " + PyOps.typeName(name));
            }
            PyModule m = new PyModule(s);
            m.put("__doc__", Args.orDefault(doc, PyNone.NONE));
            m.put("__package__", PyNone.NONE);
            m.put("__loader__", PyNone.NONE);
            m.put("__spec__", PyNone.NONE);
            return m;
        }
    }
}

package dev.aio.stdlib;

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
        BuiltinTypes.MODULE.setSubclassInstances(PyModule::new);
    }

    @Builtin(name = "module", constructor = true, params = {"cls", "name", "doc"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        static Object doNew(@SuppressWarnings("unused") Object cls, Object name, Object doc) {
            PyModule m = new PyModule(moduleName(name));
            m.init(moduleName(name), Args.orDefault(doc, PyNone.NONE));
            return m;
        }
    }

    /** {@code module.__init__(name, doc=None)}: what a class derived from ModuleType reaches with {@code super().__init__(name)}. */
    @Builtin(name = "__init__", params = {"self", "name", "doc"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doInit(PyModule self, Object name, Object doc) {
            self.init(moduleName(name), Args.orDefault(doc, PyNone.NONE));
            return PyNone.NONE;
        }
    }

    private static String moduleName(Object name) {
        if (!(name instanceof String s)) {
            throw PyErrors.typeError("module.__init__() argument 'name' must be str, not " + PyOps.typeName(name));
        }
        return s;
    }
}

package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PySimpleNamespace;
import dev.aio.runtime.PyTuple;

/** {@code types.SimpleNamespace(**kwargs)} (CPython 3.11's Objects/namespaceobject.c): its attributes are the keyword arguments. */
public final class SimpleNamespaceMethods {
    private SimpleNamespaceMethods() {
    }

    static void install() {
        BuiltinTypes.SIMPLE_NAMESPACE.defineBuiltins(SimpleNamespaceMethodsFactory.getFactories());
        BuiltinTypes.SIMPLE_NAMESPACE.setSubclassInstances(PySimpleNamespace::new);
    }

    /** {@code SimpleNamespace.__init__(**kwargs)}: the keyword arguments become attributes ({@code super().__init__(**fields)} in a derived class). */
    @Builtin(name = "__init__", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInit(PySimpleNamespace self, PyTuple args, PyDict kwargs) {
            fill(self, args, kwargs);
            return PyNone.NONE;
        }
    }

    private static void fill(PySimpleNamespace ns, PyTuple args, PyDict kwargs) {
        if (args.size() > 0) {
            throw PyErrors.typeError("no positional arguments expected");
        }
        for (PyDict.Entry e : kwargs.entries()) {
            ns.dict().put(e.key, e.value);
        }
    }

    @Builtin(name = "SimpleNamespace", constructor = true, params = {"cls"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(@SuppressWarnings("unused") Object cls, PyTuple args, PyDict kwargs) {
            PySimpleNamespace ns = new PySimpleNamespace();
            fill(ns, args, kwargs);
            return ns;
        }
    }
}

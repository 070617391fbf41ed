package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PySimpleNamespace;
import dev.aio.runtime.PyTuple;

/** {@code types.SimpleNamespace(**kwargs)} (CPython 3.11's Objects/namespaceobject.c): its attributes are the keyword arguments. */
public final class SimpleNamespaceMethods {
    private SimpleNamespaceMethods() {
    }

    static void install() {
        BuiltinTypes.SIMPLE_NAMESPACE.defineBuiltins(SimpleNamespaceMethodsFactory.getFactories());
    }

    @Builtin(name = "SimpleNamespace", constructor = true, params = {"cls"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(@SuppressWarnings("unused") Object cls, PyTuple args, PyDict kwargs) {
            if (args.size() > 0) {
                throw PyErrors.typeError("no positional arguments expected");
            }
            PySimpleNamespace ns = new PySimpleNamespace();
            for (PyDict.Entry e : kwargs.entries()) {
                ns.dict().put(e.key, e.value);
            }
            return ns;
        }
    }
}

package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyWeakRef;

/** {@code _weakref}: the weak reference type (see {@link PyWeakRef}), its constructor and {@code __callback__}. */
public final class WeakRefMethods {
    private WeakRefMethods() {
    }

    static void install() {
        PyWeakRef.TYPE.defineBuiltins(WeakRefMethodsFactory.getFactories());
    }

    static PyModule createModule(AioContext context) {
        PyModule m = new PyModule("_weakref");
        m.put("ref", PyWeakRef.TYPE);
        m.put("ReferenceType", PyWeakRef.TYPE);
        return m;
    }

    @Builtin(name = "ReferenceType", constructor = true, params = {"cls", "obj", "callback"}, required = 2, posOnly = 3)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        static Object doNew(@SuppressWarnings("unused") Object cls, Object obj, Object callback) {
            PyWeakRef.runCallbacksOfDead();
            return new PyWeakRef(obj, Args.orDefault(callback, PyNone.NONE));
        }
    }

    /** {@code ref.__init__(obj, callback=None)}: the reference was made by {@code __new__}; it only takes the same arguments, as CPython's. */
    @Builtin(name = "__init__", params = {"self", "obj", "callback"}, required = 2, posOnly = 3)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doInit(@SuppressWarnings("unused") PyWeakRef self, @SuppressWarnings("unused") Object obj, @SuppressWarnings("unused") Object callback) {
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__callback__", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class CallbackNode extends BuiltinNode {
        @Specialization
        static Object doCallback(PyWeakRef self) {
            return self.callback();
        }
    }
}

package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyContext;
import dev.aio.runtime.PyContextVar;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/** Methods of {@code contextvars.Context}: {@code run}, {@code copy} and the read-only mapping of variables to values. */
public final class ContextMethods {
    private ContextMethods() {
    }

    /** Installs these on the type. */
    static void install() {
        PyContext.TYPE.defineBuiltins(ContextMethodsFactory.getFactories());
    }

    /** A {@code Context} argument, as PyContext_Enter checks it. */
    static PyContext context(Object o) {
        if (o instanceof PyContext c) {
            return c;
        }
        throw PyErrors.typeError("an instance of Context was expected");
    }

    /** The {@code context=} of asyncio's callbacks and tasks: the one given, else a copy of the current one (CPython's copy_context()). */
    public static PyContext contextOrCopy(AioContext aio, Object given) {
        return !Args.given(given) || given == PyNone.NONE ? aio.currentContext().copy() : context(given);
    }

    /** A key of a context: a ContextVar. */
    static PyContextVar var(Object key) {
        if (key instanceof PyContextVar v) {
            return v;
        }
        throw PyErrors.typeError("a ContextVar key was expected, got " + PyOps.repr(key));
    }

    @Builtin(name = "get", params = {"self", "key", "default"}, required = 2)
    @GenerateNodeFactory
    abstract static class GetNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGet(PyContext self, Object key, Object fallback) {
            Object v = self.get(var(key));
            return v != null ? v : Args.orDefault(fallback, PyNone.NONE);
        }
    }

    @Builtin(name = "Context", constructor = true, params = {"cls"})
    @GenerateNodeFactory
    abstract static class NewContextNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls) {
            return new PyContext();
        }
    }

    @Builtin(name = "run", params = {"self", "callable"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class RunNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doRun(PyContext self, Object callable, PyTuple args, PyDict kwargs) {
            Object[] keys = kwargs.keys();
            String[] kwNames = new String[keys.length];
            Object[] kwValues = new Object[keys.length];
            for (int i = 0; i < keys.length; i++) {
                kwNames[i] = (String) keys[i];
                kwValues[i] = kwargs.get(keys[i]);
            }
            return self.run(AioContext.get(this), () -> Calls.call(callable, args.items(), kwNames, kwValues));
        }
    }

    @Builtin(name = "copy", params = {"self"})
    @GenerateNodeFactory
    abstract static class CopyNode extends BuiltinNode {
        @Specialization
        static Object doCopy(PyContext self) {
            return self.copy();
        }
    }

    @Builtin(name = "__getitem__", params = {"self", "var"})
    @GenerateNodeFactory
    abstract static class GetItemNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGetItem(PyContext self, Object key) {
            Object v = self.get(var(key));
            if (v == null) {
                throw PyErrors.keyError(key);
            }
            return v;
        }
    }

    @Builtin(name = "__contains__", params = {"self", "var"})
    @GenerateNodeFactory
    abstract static class ContainsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doContains(PyContext self, Object key) {
            return self.get(var(key)) != null;
        }
    }

    @Builtin(name = "__len__", params = {"self"})
    @GenerateNodeFactory
    abstract static class LenNode extends BuiltinNode {
        @Specialization
        static long doLen(PyContext self) {
            return self.size();
        }
    }

    @Builtin(name = "__iter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IterNode extends BuiltinNode {
        @Specialization
        static Object doIter(PyContext self) {
            return new PyIterator.ArrayIterator(self.vars());
        }
    }

    @Builtin(name = "keys", params = {"self"})
    @GenerateNodeFactory
    abstract static class KeysNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doKeys(PyContext self) {
            return new PyList(self.vars());
        }
    }

    @Builtin(name = "values", params = {"self"})
    @GenerateNodeFactory
    abstract static class ValuesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doValues(PyContext self) {
            PyContextVar[] vars = self.vars();
            Object[] values = new Object[vars.length];
            for (int i = 0; i < vars.length; i++) {
                values[i] = self.get(vars[i]);
            }
            return new PyList(values);
        }
    }

    @Builtin(name = "items", params = {"self"})
    @GenerateNodeFactory
    abstract static class ItemsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doItems(PyContext self) {
            PyContextVar[] vars = self.vars();
            Object[] items = new Object[vars.length];
            for (int i = 0; i < vars.length; i++) {
                items[i] = PyTuple.of(vars[i], self.get(vars[i]));
            }
            return new PyList(items);
        }
    }
}

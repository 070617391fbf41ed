package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Foreign;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyDictView;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.SpecialMethods;
import dev.aio.runtime.Subscripts;

/**
 * Methods of {@code dict}, with its constructor and the special methods a subclass reaches
 * through {@code super()} or {@code dict.__setitem__(self, ...)}: they do what a dict does,
 * whatever the subclass overrides.
 */
public final class DictMethods {
    private DictMethods() {
    }

    /** Installs these on {@code dict}. */
    static void install() {
        BuiltinTypes.DICT.defineBuiltins(DictMethodsFactory.getFactories());
    }

    @TruffleBoundary
    static void update(PyDict d, Object source) {
        if (source instanceof PyDict || Foreign.is(source) && Foreign.hasHashEntries(source)) {
            PyDict other = source instanceof PyDict given ? given : Foreign.toDict(source);
            for (PyDict.Entry e : other.entries()) {
                d.put(e.key, e.value);
            }
            return;
        }
        if (SpecialMethods.isUserObject(source) && SpecialMethods.lookup(source, "keys") != null) {
            // A mapping of the program's (a ChainMap, a class with keys() and __getitem__), as CPython's dict_merge takes it.
            for (Object key : Iteration.toArray(SpecialMethods.call(source, "keys"))) {
                d.put(key, Subscripts.getItem(source, key));
            }
            return;
        }
        int i = 0;
        for (Object item : Iteration.toArray(source)) {
            Object[] pair = Iteration.toArray(item);
            if (pair.length != 2) {
                throw PyErrors.valueError("dictionary update sequence element #" + i + " has length " + pair.length + "; 2 is required");
            }
            d.put(pair[0], pair[1]);
            i++;
        }
    }

    @Builtin(name = "get", params = {"self", "key", "default"}, required = 2)
    @GenerateNodeFactory
    abstract static class GetNode extends BuiltinNode {
        @Specialization
        static Object doGet(PyDict self, Object key, Object dflt) {
            Object v = self.get(key);
            return v != null ? v : Args.orDefault(dflt, PyNone.NONE);
        }
    }

    @Builtin(name = "keys", params = {"self"})
    @GenerateNodeFactory
    abstract static class KeysNode extends BuiltinNode {
        @Specialization
        static Object doKeys(PyDict self) {
            return new PyDictView(self, PyDictView.Kind.KEYS);
        }
    }

    @Builtin(name = "values", params = {"self"})
    @GenerateNodeFactory
    abstract static class ValuesNode extends BuiltinNode {
        @Specialization
        static Object doValues(PyDict self) {
            return new PyDictView(self, PyDictView.Kind.VALUES);
        }
    }

    @Builtin(name = "items", params = {"self"})
    @GenerateNodeFactory
    abstract static class ItemsNode extends BuiltinNode {
        @Specialization
        static Object doItems(PyDict self) {
            return new PyDictView(self, PyDictView.Kind.ITEMS);
        }
    }

    @Builtin(name = "update", params = {"self", "other"}, required = 1, kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class UpdateNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doUpdate(PyDict self, Object other, PyDict kwargs) {
            if (Args.given(other)) {
                update(self, other);
            }
            for (PyDict.Entry e : kwargs.entries()) {
                self.put(e.key, e.value);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "pop", params = {"self", "key", "default"}, required = 2)
    @GenerateNodeFactory
    abstract static class PopNode extends BuiltinNode {
        @Specialization
        static Object doPop(PyDict self, Object key, Object dflt) {
            Object v = self.remove(key);
            if (v != null) {
                return v;
            }
            if (Args.given(dflt)) {
                return dflt;
            }
            throw PyErrors.keyError(key);
        }
    }

    @Builtin(name = "popitem", params = {"self"})
    @GenerateNodeFactory
    abstract static class PopItemNode extends BuiltinNode {
        @Specialization
        static Object doPopItem(PyDict self) {
            PyDict.Entry e = self.popLast();
            if (e == null) {
                throw PyErrors.keyError("popitem(): dictionary is empty");
            }
            return PyTuple.of(e.key, e.value);
        }
    }

    @Builtin(name = "setdefault", params = {"self", "key", "default"}, required = 2)
    @GenerateNodeFactory
    abstract static class SetDefaultNode extends BuiltinNode {
        @Specialization
        static Object doSetDefault(PyDict self, Object key, Object dflt) {
            Object v = self.get(key);
            if (v == null) {
                v = Args.orDefault(dflt, PyNone.NONE);
                self.put(key, v);
            }
            return v;
        }
    }

    @Builtin(name = "copy", params = {"self"})
    @GenerateNodeFactory
    abstract static class CopyNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCopy(PyDict self) {
            PyDict d = new PyDict();
            update(d, self);
            return d;
        }
    }

    @Builtin(name = "clear", params = {"self"})
    @GenerateNodeFactory
    abstract static class ClearNode extends BuiltinNode {
        @Specialization
        static Object doClear(PyDict self) {
            self.clear();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "dict", constructor = true, params = {"cls", "mapping"}, required = 1, kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class DictNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doDict(Object cls, Object mapping, PyDict kwargs) {
            PyDict d = new PyDict();
            if (Args.given(mapping)) {
                DictMethods.update(d, mapping);
            }
            for (PyDict.Entry e : kwargs.entries()) {
                d.put(e.key, e.value);
            }
            return d;
        }
    }

    @Builtin(name = "__init__", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInit(PyDict self, PyTuple args, PyDict kwargs) {
            if (args.size() > 1) {
                throw PyErrors.typeError("dict expected at most 1 argument, got " + args.size());
            }
            if (args.size() == 1) {
                DictMethods.update(self, args.get(0));
            }
            for (PyDict.Entry e : kwargs.entries()) {
                self.put(e.key, e.value);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__getitem__", params = {"self", "key"})
    @GenerateNodeFactory
    abstract static class GetItemNode extends BuiltinNode {
        @Specialization
        static Object doGet(PyDict self, Object key) {
            return Subscripts.builtinGetItem(self, key);
        }
    }

    @Builtin(name = "__setitem__", params = {"self", "key", "value"})
    @GenerateNodeFactory
    abstract static class SetItemNode extends BuiltinNode {
        @Specialization
        static Object doSet(PyDict self, Object key, Object value) {
            self.put(key, value);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__delitem__", params = {"self", "key"})
    @GenerateNodeFactory
    abstract static class DelItemNode extends BuiltinNode {
        @Specialization
        static Object doDel(PyDict self, Object key) {
            Subscripts.builtinDelItem(self, key);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__contains__", params = {"self", "key"})
    @GenerateNodeFactory
    abstract static class ContainsNode extends BuiltinNode {
        @Specialization
        static boolean doContains(PyDict self, Object key) {
            return self.containsKey(key);
        }
    }

    @Builtin(name = "__len__", params = {"self"})
    @GenerateNodeFactory
    abstract static class LenNode extends BuiltinNode {
        @Specialization
        static long doLen(PyDict self) {
            return self.size();
        }
    }

    @Builtin(name = "__iter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IterNode extends BuiltinNode {
        @Specialization
        static Object doIter(PyDict self) {
            return Iteration.builtinIter(self);
        }
    }

    @Builtin(name = "__repr__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReprNode extends BuiltinNode {
        @Specialization
        static Object doRepr(PyDict self) {
            return PyOps.builtinRepr(self);
        }
    }

    @Builtin(name = "__eq__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class EqNode extends BuiltinNode {
        @Specialization
        static Object doEq(PyDict self, Object other) {
            if (!(other instanceof PyDict)) {
                return SpecialMethods.NOT_IMPLEMENTED;
            }
            return PyOps.builtinEq(self, other);
        }
    }

    /** {@code dict.fromkeys(iterable, value=None)}, a class method: a subclass gets an instance of itself. */
    @Builtin(name = "fromkeys", classMethod = true, params = {"cls", "iterable", "value"}, required = 2)
    @GenerateNodeFactory
    abstract static class FromKeysNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFromKeys(Object cls, Object iterable, Object value) {
            Object v = Args.orDefault(value, PyNone.NONE);
            Object d = cls == BuiltinTypes.DICT ? new PyDict() : Calls.call(cls);
            for (Object key : Iteration.toArray(iterable)) {
                Subscripts.setItem(d, key, v);
            }
            return d;
        }
    }
}

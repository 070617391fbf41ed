package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyDictView;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;

/** Methods of {@code dict}. */
public final class DictMethods {
    private DictMethods() {
    }

    @TruffleBoundary
    static void update(PyDict d, Object source) {
        if (source instanceof PyDict other) {
            for (PyDict.Entry e : other.entries()) {
                d.put(e.key, e.value);
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

}

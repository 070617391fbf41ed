package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.nodes.ops.ValueOps;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyInstance;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.PySimpleNamespace;

/**
 * {@code object.__reduce_ex__}'s default reduction (CPython's Objects/typeobject.c
 * {@code reduce_newobj} and {@code object_getstate_default}): how {@code copy} and {@code pickle}
 * take apart an instance of a class that does not say how itself. For protocol 2 and later, the
 * tuple {@code (copyreg.__newobj__, (cls, *args), state, listitems, dictitems)}; for 0 and 1,
 * what {@code copyreg._reduce_ex} gives.
 */
final class Reduction {
    private Reduction() {
    }

    @TruffleBoundary
    static Object reduce(Object obj, long protocol) {
        PyModule copyreg = (PyModule) ValueOps.importModule("copyreg");
        if (protocol < 2) {
            return Calls.call(copyreg.get("_reduce_ex"), obj, protocol);
        }
        PyType cls = PyOps.typeOf(obj);
        Object args = PyNone.NONE;
        Object kwargs = PyNone.NONE;
        Object newArgsEx = Attributes.find(obj, "__getnewargs_ex__");
        if (newArgsEx != null) {
            Object r = Calls.call(newArgsEx);
            if (!(r instanceof PyTuple t) || t.items().length != 2) {
                throw PyErrors.typeError("__getnewargs_ex__ should return a tuple of length 2, not '" + PyOps.typeName(r) + "'");
            }
            args = t.items()[0];
            kwargs = t.items()[1];
            if (!(args instanceof PyTuple)) {
                throw PyErrors.typeError("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '" + PyOps.typeName(args) + "'");
            }
            if (!(kwargs instanceof PyDict)) {
                throw PyErrors.typeError("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '" + PyOps.typeName(kwargs) + "'");
            }
        } else if (Attributes.find(obj, "__getnewargs__") instanceof Object newArgs) {
            args = Calls.call(newArgs);
            if (!(args instanceof PyTuple)) {
                throw PyErrors.typeError("__getnewargs__ should return a tuple, not '" + PyOps.typeName(args) + "'");
            }
        }
        boolean hasArgs = args != PyNone.NONE;
        boolean isList = obj instanceof PyList;
        boolean isDict = obj instanceof PyDict;
        Object newObj;
        PyTuple newArgs;
        if (kwargs instanceof PyDict k && k.size() > 0) {
            newObj = copyreg.get("__newobj_ex__");
            newArgs = PyTuple.of(cls, args, kwargs);
        } else {
            Object[] given = hasArgs ? ((PyTuple) args).items() : new Object[0];
            Object[] items = new Object[given.length + 1];
            items[0] = cls;
            System.arraycopy(given, 0, items, 1, given.length);
            newObj = copyreg.get("__newobj__");
            newArgs = new PyTuple(items);
        }
        Object state = state(obj, !hasArgs && !isList && !isDict);
        Object listItems = isList ? Iteration.iter(obj) : PyNone.NONE;
        Object dictItems = isDict ? Iteration.iter(Calls.call(Attributes.get(obj, "items"))) : PyNone.NONE;
        return PyTuple.of(newObj, newArgs, state, listItems, dictItems);
    }

    /** The object's state: what its own {@code __getstate__} gives, else the default ({@link #defaultState}). */
    private static Object state(Object obj, boolean required) {
        PyType type = PyOps.typeOf(obj);
        Object getstate = type.lookup("__getstate__");
        if (getstate != null && getstate != BuiltinTypes.OBJECT.dict().get("__getstate__")) {
            return Calls.call(Attributes.bind(getstate, obj, type));
        }
        return defaultState(obj, required);
    }

    /**
     * {@code object.__getstate__()}: a copy of the instance's attribute dict, or None when it has no
     * attributes. When the state is all there is to rebuild the object from ({@code required}), an
     * object of a type written in Java with no attribute dict cannot be rebuilt: CPython's
     * {@code cannot pickle 'X' object}.
     */
    @TruffleBoundary
    static Object defaultState(Object obj, boolean required) {
        PyDict dict = Attributes.instanceDictCopy(obj);
        boolean plain = obj instanceof PyInstance || obj instanceof PySimpleNamespace || obj instanceof PyBaseException || dict != null;
        if (required && !plain) {
            throw PyErrors.typeError("cannot pickle '" + PyOps.typeName(obj) + "' object");
        }
        if (dict == null || dict.size() == 0) {
            return PyNone.NONE;
        }
        PyDict copy = new PyDict();
        for (PyDict.Entry e : dict.entries()) {
            copy.put(e.key, e.value);
        }
        return copy;
    }
}

package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Classes;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/** {@code type.__new__} and {@code type.__call__}, which a metaclass written in aio reaches with {@code super()}. */
public final class TypeMethods {
    private TypeMethods() {
    }

    /** Installs these on {@code type}. */
    static void install() {
        BuiltinTypes.TYPE.defineBuiltins(TypeMethodsFactory.getFactories());
    }

    @Builtin(name = "__new__", params = {"metaclass", "name", "bases", "namespace"}, kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class TypeNewNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object metaclass, Object name, Object bases, Object namespace, PyDict kwargs) {
            PyType meta = checkType(metaclass, "type.__new__(X): X");
            if (!meta.isSubtypeOf(BuiltinTypes.TYPE)) {
                throw PyErrors.typeError("type.__new__(" + meta.getName() + "): " + meta.getName() + " is not a subtype of type");
            }
            Keywords kw = Keywords.of(kwargs);
            return Classes.typeNew(meta, name, bases, namespace, kw.names(), kw.values());
        }
    }

    @Builtin(name = "__call__", params = {"cls"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class TypeCallNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCall(Object cls, PyTuple args, PyDict kwargs) {
            Keywords kw = Keywords.of(kwargs);
            return Classes.typeCall(checkType(cls, "descriptor '__call__' requires a 'type' object but received"), args.items(), kw.names(), kw.values());
        }
    }

    /** {@code cls.mro()}: the method resolution order as a list ({@code __mro__} is its tuple). */
    @Builtin(name = "mro", params = {"cls"})
    @GenerateNodeFactory
    abstract static class MroNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doMro(Object cls) {
            return new PyList(checkType(cls, "descriptor 'mro' requires a 'type' object but received").getMro().clone());
        }
    }

    private static PyType checkType(Object o, String what) {
        if (!(o instanceof PyType t)) {
            throw PyErrors.typeError(what + " is not a type object (" + PyOps.typeName(o) + ")");
        }
        return t;
    }

    /** A {@code **kwargs} dict as the names and values a call takes. */
    record Keywords(String[] names, Object[] values) {
        static Keywords of(PyDict kwargs) {
            String[] names = new String[kwargs.size()];
            Object[] values = new Object[kwargs.size()];
            int i = 0;
            for (PyDict.Entry e : kwargs.entries()) {
                names[i] = (String) e.key;
                values[i++] = e.value;
            }
            return new Keywords(names, values);
        }
    }

    /** {@code type(x)}, and {@code type(name, bases, namespace)}, which makes a class as a class statement does. */
    @Builtin(name = "type", constructor = true, params = {"cls", "object", "bases", "dict"}, required = 2)
    @GenerateNodeFactory
    abstract static class TypeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doType(Object cls, Object object, Object bases, Object dict) {
            if (!Args.given(bases) && !Args.given(dict)) {
                return PyOps.typeOf(object);
            }
            if (!Args.given(dict)) {
                throw PyErrors.typeError("type() takes 1 or 3 arguments");
            }
            return Classes.typeNew(BuiltinTypes.TYPE, object, bases, dict, null, null);
        }
    }
}

package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Classes;
import dev.aio.runtime.Ids;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyInstance;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.SpecialMethods;

/**
 * {@code object.__init__}, {@code __new__}, {@code __init_subclass__}, {@code __repr__},
 * {@code __setattr__} and {@code __delattr__}, which {@code super()} reaches; {@code __reduce_ex__},
 * {@code __reduce__} and {@code __getstate__}, which {@code copy} asks.
 */
public final class ObjectMethods {
    private ObjectMethods() {
    }

    /** Installs these on {@code object}. */
    static void install() {
        BuiltinTypes.OBJECT.defineBuiltins(ObjectMethodsFactory.getFactories());
    }

    @Builtin(name = "__init__", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class ObjectInitNode extends BuiltinNode {
        @Specialization
        static Object doInit(Object self, Object args, Object kwargs) {
            return PyNone.NONE;
        }
    }

    /**
     * {@code object.__new__(cls, ...)}: a new instance of {@code cls} made of its builtin base; for
     * a subclass of tuple, {@code tuple.__new__(cls, iterable)} (the items come from the iterable).
     */
    @Builtin(name = "__new__", params = {"cls"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class ObjectNewNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, PyTuple args, Object kwargs) {
            if (!(cls instanceof PyType t)) {
                throw PyErrors.typeError("object.__new__(X): X is not a type object (" + PyOps.typeName(cls) + ")");
            }
            if (!t.isUserDefined()) {
                return Calls.call(t, args.items());
            }
            return Classes.allocate(t, args.items(), null, null);
        }
    }

    /** What {@code __init_subclass__} does when no base overrides it: it accepts no keywords. */
    @Builtin(name = "__init_subclass__", params = {"cls"}, kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class InitSubclassNode extends BuiltinNode {
        @Specialization
        static Object doInit(Object cls, PyDict kwargs) {
            if (kwargs.size() > 0) {
                throw PyErrors.typeError(((PyType) cls).getName() + ".__init_subclass__() takes no keyword arguments");
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__repr__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ObjectReprNode extends BuiltinNode {
        @Specialization
        static Object doRepr(Object self) {
            return PyOps.builtinRepr(self);
        }
    }

    /** {@code object.__str__}: the object's repr (an exception's message, as {@code BaseException.__str__}). */
    @Builtin(name = "__str__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ObjectStrNode extends BuiltinNode {
        @Specialization
        static Object doStr(Object self) {
            return self instanceof PyBaseException e ? e.builtinStr() : PyOps.repr(self);
        }
    }

    /** {@code object.__eq__}: equal only to itself; otherwise NotImplemented, so that the other operand is asked. */
    @Builtin(name = "__eq__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class ObjectEqNode extends BuiltinNode {
        @Specialization
        static Object doEq(Object self, Object other) {
            return self == other ? (Object) true : SpecialMethods.NOT_IMPLEMENTED;
        }
    }

    /** {@code object.__ne__}: the negation of the object's {@code ==}, unless that is NotImplemented. */
    @Builtin(name = "__ne__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class ObjectNeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNe(Object self, Object other) {
            Object eq = SpecialMethods.lookup(self, "__eq__");
            if (eq == null) {
                // The builtin ==; an instance of a class without __eq__ is equal only to itself, else NotImplemented.
                if (PyOps.builtinEq(self, other)) {
                    return false;
                }
                return self instanceof PyInstance || PyOps.typeOf(self) == BuiltinTypes.OBJECT ? SpecialMethods.NOT_IMPLEMENTED : (Object) true;
            }
            Object r = Calls.call(eq, self, other);
            return r == SpecialMethods.NOT_IMPLEMENTED ? r : (Object) !PyOps.isTrue(r);
        }
    }

    /** {@code object.__hash__}: from the object's identity, as CPython's default hash. */
    @Builtin(name = "__hash__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ObjectHashNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doHash(Object self) {
            return SpecialMethods.isUserObject(self) ? Ids.id(self) >> 4 : PyOps.hash(self);
        }
    }

    /** {@code object.__dir__}: the names of the object's attributes and its class's. */
    @Builtin(name = "__dir__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ObjectDirNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doDir(Object self) {
            return new PyList(Attributes.names(self).toArray());
        }
    }

    /** {@code object.__getattribute__}: the attribute as found along the instance and its class, without a class's override. */
    @Builtin(name = "__getattribute__", params = {"self", "name"})
    @GenerateNodeFactory
    abstract static class ObjectGetAttributeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGet(Object self, Object name) {
            String n = Args.string(name, "attribute name");
            Object r = Attributes.find(self, n);
            if (r == null) {
                throw PyErrors.attributeError(self, n);
            }
            return r;
        }
    }

    @Builtin(name = "__setattr__", params = {"self", "name", "value"})
    @GenerateNodeFactory
    abstract static class ObjectSetAttrNode extends BuiltinNode {
        @Specialization
        static Object doSet(Object self, Object name, Object value) {
            Attributes.setDefault(self, Args.string(name, "attribute name"), value);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__delattr__", params = {"self", "name"})
    @GenerateNodeFactory
    abstract static class ObjectDelAttrNode extends BuiltinNode {
        @Specialization
        static Object doDelete(Object self, Object name) {
            Attributes.deleteDefault(self, Args.string(name, "attribute name"));
            return PyNone.NONE;
        }
    }

    /**
     * {@code object.__reduce_ex__(protocol)}, what {@code copy} and {@code pickle} ask: the object's
     * own {@code __reduce__} when its class defines one, else the default reduction.
     */
    @Builtin(name = "__reduce_ex__", params = {"self", "protocol"})
    @GenerateNodeFactory
    abstract static class ObjectReduceExNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReduceEx(Object self, Object protocol) {
            long proto = Args.index(protocol, "__reduce_ex__");
            PyType type = PyOps.typeOf(self);
            Object reduce = type.lookup("__reduce__");
            if (reduce != null && reduce != BuiltinTypes.OBJECT.dict().get("__reduce__")) {
                return Calls.call(Attributes.bind(reduce, self, type));
            }
            return Reduction.reduce(self, proto);
        }
    }

    /** {@code object.__reduce__()}: the default reduction of protocol 0 ({@code copyreg._reduce_ex}). */
    @Builtin(name = "__reduce__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ObjectReduceNode extends BuiltinNode {
        @Specialization
        static Object doReduce(Object self) {
            return Reduction.reduce(self, 0);
        }
    }

    /** {@code object.__getstate__()} (3.11): the instance's attributes as a new dict, or None when it has none. */
    @Builtin(name = "__getstate__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ObjectGetStateNode extends BuiltinNode {
        @Specialization
        static Object doGetState(Object self) {
            return Reduction.defaultState(self, false);
        }
    }

    /** {@code object()}: a featureless object, as sentinels are made. */
    @Builtin(name = "object", constructor = true, params = {"cls"})
    @GenerateNodeFactory
    abstract static class ObjectNode extends BuiltinNode {
        @Specialization
        static Object doObject(Object cls) {
            return new PyInstance(BuiltinTypes.OBJECT);
        }
    }
}

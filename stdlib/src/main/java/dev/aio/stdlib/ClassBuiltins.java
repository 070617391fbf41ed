package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyDescriptors;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PySuper;
import dev.aio.runtime.PyType;

/** Builtins for classes: {@code super(C, obj)}, {@code staticmethod}, {@code classmethod}, {@code property}. */
public final class ClassBuiltins {
    private ClassBuiltins() {
    }

    /** {@code super(C, obj)}; the compiler turns a bare {@code super()} in a method into the same thing. */
    @Builtin(name = "super", params = {"type", "obj"})
    @GenerateNodeFactory
    abstract static class SuperNode extends BuiltinNode {
        @Specialization
        static Object doSuper(Object type, Object obj) {
            if (!(type instanceof PyType t)) {
                throw PyErrors.typeError("super() argument 1 must be a type, not " + PyOps.typeName(type));
            }
            if (!PyOps.isInstance(obj, t) && !(obj instanceof PyType o && o.isSubtypeOf(t))) {
                throw PyErrors.typeError("super(type, obj): obj must be an instance or subtype of type");
            }
            return new PySuper(t, obj);
        }
    }

    @Builtin(name = "staticmethod", params = {"function"})
    @GenerateNodeFactory
    abstract static class StaticMethodNode extends BuiltinNode {
        @Specialization
        static Object doWrap(Object function) {
            return new PyDescriptors.StaticMethod(function);
        }
    }

    @Builtin(name = "classmethod", params = {"function"})
    @GenerateNodeFactory
    abstract static class ClassMethodNode extends BuiltinNode {
        @Specialization
        static Object doWrap(Object function) {
            return new PyDescriptors.ClassMethod(function);
        }
    }

    @Builtin(name = "property", params = {"fget", "fset"}, required = 1, posOnly = 0)
    @GenerateNodeFactory
    abstract static class PropertyNode extends BuiltinNode {
        @Specialization
        static Object doWrap(Object getter, Object setter) {
            return new PyDescriptors.Property(getter, setter == Missing.INSTANCE || setter == PyNone.NONE ? null : setter);
        }
    }
}

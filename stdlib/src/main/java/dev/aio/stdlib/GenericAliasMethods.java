package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyGenericAlias;
import dev.aio.runtime.PyType;

/**
 * {@code types.GenericAlias(origin, args)}: what {@code __class_getitem__ = classmethod(GenericAlias)}
 * makes of {@code Sequence[int]} (CPython's Objects/genericaliasobject.c, {@code ga_new}).
 */
public final class GenericAliasMethods {
    private GenericAliasMethods() {
    }

    static void install() {
        PyGenericAlias.TYPE.defineBuiltins(GenericAliasMethodsFactory.getFactories());
    }

    @Builtin(name = "GenericAlias", constructor = true, params = {"cls", "origin", "args"})
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object origin, Object args) {
            if (!(cls instanceof PyType type) || !type.isSubtypeOf(PyGenericAlias.TYPE)) {
                throw PyErrors.typeError("GenericAlias.__new__(X): X is not a subtype of GenericAlias");
            }
            return PyGenericAlias.create(type, new Object[]{origin, args});
        }
    }
}

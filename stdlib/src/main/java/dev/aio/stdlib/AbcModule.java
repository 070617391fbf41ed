package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyType;

/**
 * {@code _abc}, what aio's {@code abc} (written in aio) asks of the types themselves: the
 * {@code match} statement's sequence and mapping flags, which CPython's {@code _abc} C module sets
 * from an ABC's {@code __abc_tpflags__} ({@code collections.abc.Sequence}, {@code Mapping}) and
 * passes on to the classes registered with it (Modules/_abc.c).
 */
public final class AbcModule {
    private AbcModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_abc");
        m.defineFunctions(context.getLanguage(), AbcModuleFactory.getFactories());
        return m;
    }

    /** The part of CPython's {@code _abc_init}: {@code __abc_tpflags__} in the class body sets the flag and leaves the class's dict. */
    @Builtin(name = "_init_collection_flags", params = {"cls"})
    @GenerateNodeFactory
    abstract static class InitCollectionFlagsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInit(Object cls) {
            if (cls instanceof PyType type && type.dict().get("__abc_tpflags__") instanceof Long flags) {
                if ((flags & (PyType.SEQUENCE | PyType.MAPPING)) == (PyType.SEQUENCE | PyType.MAPPING)) {
                    throw PyErrors.typeError("__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
                }
                type.setCollectionFlags(type.collectionFlags() | (int) (flags & (PyType.SEQUENCE | PyType.MAPPING)));
                type.remove("__abc_tpflags__");
            }
            return PyNone.NONE;
        }
    }

    /** The part of CPython's {@code _abc_register}: a class registered with an ABC that has a collection flag takes it. */
    @Builtin(name = "_register_collection_flags", params = {"cls", "subclass"})
    @GenerateNodeFactory
    abstract static class RegisterCollectionFlagsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRegister(Object cls, Object subclass) {
            if (cls instanceof PyType abc && subclass instanceof PyType type && abc.collectionFlags() != 0) {
                type.setCollectionFlagRecursively(abc.collectionFlags());
            }
            return PyNone.NONE;
        }
    }
}

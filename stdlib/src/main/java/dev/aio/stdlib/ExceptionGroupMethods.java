package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.ExceptionGroups;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/** Methods of {@code BaseExceptionGroup}. */
public final class ExceptionGroupMethods {
    private ExceptionGroupMethods() {
    }

    /** Installs these on BaseExceptionGroup, whose constructor ExceptionGroup shares. */
    static void install() {
        BuiltinTypes.BASE_EXCEPTION_GROUP.defineBuiltins(ExceptionGroupMethodsFactory.getFactories());
        BuiltinTypes.EXCEPTION_GROUP.setConstructor(BuiltinTypes.BASE_EXCEPTION_GROUP.getConstructor());
    }

    private static Object orNone(PyBaseException e) {
        return e == null ? PyNone.NONE : e;
    }

    @Builtin(name = "split", params = {"self", "condition"})
    @GenerateNodeFactory
    abstract static class SplitNode extends BuiltinNode {
        @Specialization
        static Object doSplit(PyBaseException self, Object condition) {
            ExceptionGroups.Split s = ExceptionGroups.split(self, ExceptionGroups.condition(condition), true);
            return PyTuple.of(orNone(s.match()), orNone(s.rest()));
        }
    }

    @Builtin(name = "subgroup", params = {"self", "condition"})
    @GenerateNodeFactory
    abstract static class SubgroupNode extends BuiltinNode {
        @Specialization
        static Object doSubgroup(PyBaseException self, Object condition) {
            return orNone(ExceptionGroups.split(self, ExceptionGroups.condition(condition), false).match());
        }
    }

    @Builtin(name = "derive", params = {"self", "excs"})
    @GenerateNodeFactory
    abstract static class DeriveNode extends BuiltinNode {
        @Specialization
        static Object doDerive(PyBaseException self, Object excs) {
            return ExceptionGroups.create(BuiltinTypes.BASE_EXCEPTION_GROUP, self.groupMessage(), excs);
        }
    }

    /**
     * {@code BaseExceptionGroup(message, exceptions)} and {@code ExceptionGroup(...)}; a
     * BaseExceptionGroup of Exceptions only is an ExceptionGroup, as in CPython.
     */
    @Builtin(name = "BaseExceptionGroup", constructor = true, params = {"cls", "message", "exceptions"})
    @GenerateNodeFactory
    abstract static class ExceptionGroupNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object message, Object exceptions) {
            return ExceptionGroups.create((PyType) cls, message, exceptions);
        }
    }
}

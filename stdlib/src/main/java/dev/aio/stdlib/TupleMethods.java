package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyTuple;

/** Methods of {@code tuple}: its constructor; the methods it shares with list live in {@link ListMethods}. */
public final class TupleMethods {
    private TupleMethods() {
    }

    /** Installs these on {@code tuple}. */
    static void install() {
        BuiltinTypes.TUPLE.defineBuiltins(TupleMethodsFactory.getFactories());
    }

    @Builtin(name = "tuple", constructor = true, params = {"cls", "iterable"}, required = 1)
    @GenerateNodeFactory
    abstract static class TupleNode extends BuiltinNode {
        @Specialization
        static Object doTuple(Object cls, Object iterable) {
            if (!Args.given(iterable)) {
                return PyTuple.EMPTY;
            }
            return iterable instanceof PyTuple t && t.getPyType() == BuiltinTypes.TUPLE ? iterable : PyTuple.of(Iteration.toArray(iterable).clone());
        }
    }

    /** {@code tuple.__getnewargs__()}: {@code (tuple(self),)}, the argument {@code copy} rebuilds a tuple subclass's instance from. */
    @Builtin(name = "__getnewargs__", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetNewArgsNode extends BuiltinNode {
        @Specialization
        static Object doGetNewArgs(PyTuple self) {
            return PyTuple.of(new PyTuple(self.items().clone()));
        }
    }
}
